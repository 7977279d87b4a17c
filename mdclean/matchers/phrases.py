"""Phrase lists: the words that mark site chrome, kept as data in ``rules/phrases/``.

Each ``<name>.yaml`` maps a language code to a list of regular expressions
(case-insensitive, matched against a whole label, so ``Also read`` does not
match ``Also read the manual``). A rule names the lists it uses in its params
(``phrases: [related-labels]``) and may add its own inline (``labels: [...]``);
adding a language is adding a key to a file, no code.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .base import Matcher, ParamError

PHRASES_FOLDER = "phrases"


def phrases_dir() -> Path:
    """``rules/phrases`` next to the built-in rules (installed or in a checkout)."""
    from ..catalogue import builtin_rules_dir  # the catalogue imports the matchers: import late
    return builtin_rules_dir() / PHRASES_FOLDER


@lru_cache(maxsize=None)
def load_phrase_list(name: str) -> tuple[str, ...]:
    """Every phrase of ``rules/phrases/<name>.yaml``, all languages together."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ParamError(f"phrase list {name!r}: names are lower-case letters, digits and '-'")
    path = phrases_dir() / f"{name}.yaml"
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ParamError(f"phrase list {name!r}: no file {path}") from None
    except YAMLError as error:
        raise ParamError(f"phrase list {name!r}: {path} is not valid YAML: {error}") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) and all(isinstance(p, str) for p in v)
                                             for v in data.values()):
        raise ParamError(f"phrase list {name!r}: {path} must map language codes to lists of phrases "
                         "(quote a phrase that holds ': ')")
    return tuple(phrase for phrases in data.values() for phrase in phrases)


def phrases_of(params: Mapping[str, Any], lists_key: str = "phrases", inline_key: str = "labels") -> list[str]:
    """The phrases of the named lists and the inline ones."""
    phrases: list[str] = []
    for name in params.get(lists_key, []):
        phrases.extend(load_phrase_list(str(name)))
    phrases.extend(str(p) for p in params.get(inline_key, []))
    return phrases


def phrase_pattern(params: Mapping[str, Any], lists_key: str = "phrases",
                   inline_key: str = "labels") -> str | None:
    """One regex alternation (no anchors) of the named lists and the inline phrases."""
    return _alternation(phrases_of(params, lists_key, inline_key), f"params.{lists_key}/{inline_key}")


_SPECIAL = set("\\.^$*+?{}[]()|")
_OPTIONAL_AFTER = ("?", "*", "{0")


def required_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """Fast-path keywords derived from the phrases: one word each phrase cannot match without.

    A phrase list grows with every language users add, so the keywords are read
    from the phrases rather than written next to them. The word is the longest
    run of word characters outside groups, classes and optional parts; a phrase
    without one (``\\d+ comments``) gives None: the rule is then always asked.
    """
    words: set[str] = set()
    for phrase in phrases:
        for alternative in _top_level_alternatives(phrase):
            word = _longest_required_word(alternative)
            if word is None:
                return None
            words.add(word.lower())
    return tuple(sorted(words)) if words else None


def _top_level_alternatives(phrase: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(phrase):
        char = phrase[i]
        if char == "\\":
            i += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(phrase[start:i])
            start = i + 1
        i += 1
    parts.append(phrase[start:])
    return parts


def _longest_required_word(alternative: str) -> str | None:
    runs: list[str] = []
    current: list[str] = []
    depth, i = 0, 0
    while i < len(alternative):
        char = alternative[i]
        optional = alternative.startswith(_OPTIONAL_AFTER, i + 1)
        if char == "\\" or char in _SPECIAL or depth or not char.isalnum() or optional:
            runs.append("".join(current))
            current = []
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
            i += 2 if char == "\\" else 1
            continue
        current.append(char)
        i += 1
    runs.append("".join(current))
    longest = max(runs, key=len)
    return longest or None


def _alternation(phrases: Iterable[str], where: str) -> str | None:
    parts = []
    for phrase in phrases:
        try:
            re.compile(phrase)
        except re.error as error:
            raise ParamError(f"{where}: bad phrase {phrase!r}: {error}") from None
        parts.append(f"(?:{phrase})")
    return "|".join(parts) if parts else None


class PhraseMatcher(Matcher):
    """A matcher whose trigger is a label from phrase lists (``phrases``) or inline ``labels``.

    It compiles the labels once, derives the fast-path keywords from them (so a
    language added to a phrase list needs no rule edit), and keeps ``probe``: the
    labels after any leading markup, matched at the start of a block's text.
    """

    params: dict[str, type | tuple[type, ...]] = {"phrases": list, "labels": list, "keywords": list}

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        from .linkblocks import LEADING_MARKUP  # linkblocks is heavier; only phrase rules need it
        labels = phrase_pattern(params)
        if labels is None:
            raise ParamError("params.phrases: give at least one phrase list or label")
        if self.keywords is None:
            self.keywords = required_words(phrases_of(params))
        self.labels = labels
        self.probe = re.compile(LEADING_MARKUP + f"(?:{labels})", re.IGNORECASE)
