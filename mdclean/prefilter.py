"""The fast path: which rules can fire on a text, decided from the raw text before any parse.

Each matcher declares ``keywords``; a text that contains none of them (ignoring
case) cannot produce a finding for that rule. The enabled rules' keywords are
combined into one check per rule set, so a file no rule can touch costs one
lower-casing and one scan, never a markdown-it parse. Matchers that decide for
themselves (no keywords, or their own ``may_match``) are always asked.

``MDCLEAN_NO_FAST_PATH=1`` in the environment (or ``FAST_PATH = False``) turns the
skip off: every rule then runs on every document. Tests compare both ways.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence

from .catalogue import Rule
from .matchers import Matcher

FAST_PATH = os.environ.get("MDCLEAN_NO_FAST_PATH", "") in ("", "0")
"""False: run every rule on every text (the reference the fast path is tested against)."""

_REGEX_FROM = 16
"""From this many keywords on, one alternation regex beats a loop of substring tests."""


class Prefilter:
    """The keywords of a rule set, precompiled into one test on the lower-cased raw text."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self.always = tuple(r for r in self.rules if not _keyword_driven(r.matcher))
        keywords = {k for r in self.rules if _keyword_driven(r.matcher) for k in r.matcher.keywords or ()}
        # A keyword that contains another one adds nothing to "is any keyword there".
        self.keywords = tuple(sorted(k for k in keywords if not any(o != k and o in k for o in keywords)))
        self._pattern = (re.compile("|".join(re.escape(k) for k in sorted(self.keywords, key=len, reverse=True)))
                         if len(self.keywords) >= _REGEX_FROM else None)

    def candidates(self, text: str) -> tuple[Rule, ...]:
        """The rules that may fire on ``text``, in rule order; the others provably cannot."""
        if not FAST_PATH:
            return self.rules
        if not self.rules:
            return ()
        lowered = text.lower()
        if not self.always and not self._any_keyword(lowered):
            return ()
        return tuple(r for r in self.rules if r.matcher.may_match(lowered))

    def _any_keyword(self, lowered: str) -> bool:
        if self._pattern is not None:
            return self._pattern.search(lowered) is not None
        return any(k in lowered for k in self.keywords)


def _keyword_driven(matcher: Matcher) -> bool:
    """Whether the base keyword test is all this matcher's ``may_match`` does."""
    return matcher.keyword_driven()


_PREFILTERS: dict[int, tuple[Sequence[Rule], Prefilter]] = {}


def prefilter_for(rules: Sequence[Rule]) -> Prefilter:
    """The prefilter of a rule set, built once per set (a config's ``rules`` tuple is one object)."""
    entry = _PREFILTERS.get(id(rules))
    if entry is None or entry[0] is not rules:
        if len(_PREFILTERS) > 64:
            _PREFILTERS.clear()  # rule sets made on the fly (tests, the library): do not grow forever
        entry = (rules, Prefilter(rules))
        _PREFILTERS[id(rules)] = entry
    return entry[1]
