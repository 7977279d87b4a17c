"""The fast path: which rules can fire on a text, decided from the raw text before any parse.

Each matcher declares its trigger (``Matcher.trigger``, with the conditions of
``fastpath.triggers``), which its ``may_match`` asks of the lower-cased raw text: False only
when ``find`` provably finds nothing there (its keywords are absent, its label does not open
a line, no heading is followed by links...). A text no rule can touch costs those reads,
never a markdown-it parse. Only the front matter rules are shown the
front matter: for every other rule it is not Markdown, so a ``tags:`` key there is
no tag line and cannot make the file worth parsing.

The fast path is configuration: ``Config.fast_path`` (read once from
``MDCLEAN_NO_FAST_PATH`` where a ``Config`` is made) reaches ``prefilter_for``; off, every
rule runs on every document. Tests compare both ways.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .catalogue import Rule
from .fastpath.body import Body, body_of, front_matter_end, keep_body, read_body
from .fastpath.raw_text import RawText

if TYPE_CHECKING:
    from .document import Document


def fast_path_wanted() -> bool:
    """Whether the environment leaves the fast path on (``MDCLEAN_NO_FAST_PATH`` unset or 0);
    read where settings are made, then carried in them."""
    return os.environ.get("MDCLEAN_NO_FAST_PATH", "") in ("", "0")


def examples_ruled_out(rule: Rule) -> list[int]:
    """The indexes of the rule's ``bad`` examples that its trigger rules out. A trigger says no
    only where ``find`` finds nothing, so a rule pack whose keywords (or other declared
    trigger) miss one of its own bad examples is refused at load. Examples of a site
    (a template learned from other pages) are left to the tests."""
    matcher = rule.matcher
    ruled_out = []
    for example in rule.examples:
        if example.good or example.site:
            continue
        lowered = example.text.lower()
        start = 0 if matcher.reads_front_matter() else front_matter_end(lowered)
        if not matcher.may_match(RawText(lowered[start:])):
            ruled_out.append(example.index)
    return ruled_out


class Prefilter:
    """The fast-path test of a rule set, run on each text before it is parsed.

    The rules whose ``may_match`` costs more than their ``find`` (``costly_to_ask``) are asked
    last. Once a rule has made a parse certain, the rules after it are asked only their
    ``trigger_once_parsed``, and the costly ones not at all (they simply run): where the whole
    trigger would say False, ``find`` finds nothing, so no result changes.
    """

    def __init__(self, rules: Sequence[Rule], *, fast_path: bool = True) -> None:
        self.rules = tuple(rules)
        self.fast_path = fast_path
        self._reads_front_matter = tuple(r.matcher.reads_front_matter() for r in self.rules)
        self._costly = tuple(r.matcher.costly_to_ask() for r in self.rules)
        # A rule that only extends what the others found runs when any other body rule runs,
        # and is never asked: on a text no other rule reaches it finds nothing.
        self._extends = tuple(r.matcher.extends_findings for r in self.rules)
        self._extending = tuple(i for i, extends in enumerate(self._extends) if extends)
        # The order rules are asked in: the cheap questions first, then those whose question is
        # cheaper once a parse is certain (a rule ahead of them may make it so), then the
        # costly ones. The order changes no answer, only what the questions cost.
        cheaper_later = tuple(_cheaper_once_parsed(r) for r in self.rules)
        self._asking_order = sorted(
            (i for i in range(len(self.rules)) if not self._extends[i]),
            key=lambda i: (self._costly[i], cheaper_later[i]),
        )

    def candidates(self, text: str) -> tuple[Rule, ...]:
        """The rules that may fire on ``text``, in rule order; the others provably cannot."""
        if not self.fast_path or not self.rules:
            return self.rules
        return self._candidates(read_body(text.lower()))

    def candidates_for(self, doc: Document) -> tuple[Rule, ...]:
        """``candidates`` of the document's text; what the rules' triggers read of it is kept
        with the document (``fastpath.body.keep_body``), for the rules that run to share."""
        if not self.fast_path or not self.rules:
            return self.rules
        body = body_of(doc)  # (the one the rule gates read, when they did)
        keep_body(doc, body)
        return self._candidates(body)

    def _candidates(self, body: Body) -> tuple[Rule, ...]:
        chosen = self._chosen(body)
        return tuple(rule for rule, take in zip(self.rules, chosen, strict=True) if take)

    def _chosen(self, body: Body) -> list[bool]:
        """Per rule, whether it may fire; each rule asked about one shared ``RawText``."""
        chosen = [False] * len(self.rules)
        parsed = False  # whether a rule that reads the Markdown (not only the front matter) runs
        for i in self._asking_order:
            front = self._reads_front_matter[i]
            if (parsed and self._costly[i]) or self.rules[i].matcher.may_match(
                body.whole if front else body.text, parse_certain=parsed
            ):
                chosen[i] = True
                parsed = parsed or not front
        if parsed:
            for i in self._extending:
                chosen[i] = True
        return chosen


def _cheaper_once_parsed(rule: Rule) -> bool:
    """Whether the rule's matcher asks less once a parse is certain (its class declares a
    ``trigger_once_parsed``); read from the class: no trigger is built to know it."""
    from .matchers.base import Matcher  # (here: a warm run from the cache loads no matcher)

    declared = getattr(type(rule.matcher), "trigger_once_parsed", None)  # (a wrapper: none)
    return declared is not None and declared is not Matcher.trigger_once_parsed


_PREFILTERS: dict[tuple[int, bool], tuple[Sequence[Rule], Prefilter]] = {}


def prefilter_for(rules: Sequence[Rule], *, fast_path: bool = True) -> Prefilter:
    """The prefilter of a rule set, built once per set (a config's ``rules`` tuple is one object)."""
    key = (id(rules), fast_path)
    entry = _PREFILTERS.get(key)
    if entry is None or entry[0] is not rules:
        if len(_PREFILTERS) > 64:
            _PREFILTERS.clear()  # rule sets made on the fly (tests, the library): do not grow forever
        entry = (rules, Prefilter(rules, fast_path=fast_path))
        _PREFILTERS[key] = entry
    return entry[1]


__all__ = [
    "Prefilter",
    "examples_ruled_out",
    "fast_path_wanted",
    "front_matter_end",
    "prefilter_for",
]
