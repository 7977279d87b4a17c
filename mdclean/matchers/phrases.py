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

from .base import Matcher, ParamError, searchable

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


def _literal_runs(pattern: str, *, optional_after: tuple[str, ...], break_on_space: bool) -> list[str]:
    """The runs of plain characters at the top level of a regex, none that a quantifier in
    ``optional_after`` makes optional; with ``break_on_space`` a space ends a run too."""
    runs: list[str] = []
    current: list[str] = []
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        plain = not char.isspace() if break_on_space else char.isalnum()
        if char == "\\" or char in _SPECIAL or depth or not plain or pattern.startswith(optional_after, i + 1):
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
    return runs


def _longest_required_word(alternative: str) -> str | None:
    longest = max(_literal_runs(alternative, optional_after=_OPTIONAL_AFTER, break_on_space=False), key=len)
    return longest or None


_QUANTIFIERS = ("?", "*", "+", "{")
_MAX_EXPANSIONS = 64
# Where a block's text can start in the raw text: at a line start or after the ``>`` or ``)``
# that ends a tag or a link target (either may have started on an earlier line), past
# container prefixes (quotes, bullets, "1."), emphasis and punctuation.
_BLOCK_START = re.compile(r"(?:^|(?<=[\r>)]))(?:[^\w\n\r]|_|\d{1,9}[.)])*", re.MULTILINE)
# One space of a block's rough text: a space, or a tag that rough_text turned into one.
_SPACE = r"(?: |<[\s\S]*?>)"
_KEY = 2
_last_heads: tuple[str, dict[str, list[int]]] | None = None


def _heads(text: str) -> dict[str, list[int]]:
    """Where a label may start in ``text``, by its first two characters.

    A label that starts with a letter starts where a ``_BLOCK_START`` run ends (the
    run holds no letter). All phrase rules ask about the same text: keep the last one.
    """
    global _last_heads
    if _last_heads is not None and _last_heads[0] is text:
        return _last_heads[1]
    heads: dict[str, list[int]] = {}
    for m in _BLOCK_START.finditer(text):
        at = m.end()
        heads.setdefault(text[at:at + _KEY], []).append(at)
    _last_heads = (text, heads)
    return heads


class LabelTrigger:
    """The raw-text test of a phrase rule: False proves no block's probe can match.

    A probe matches a block's rough text (its source without link targets and tags) at
    the block's start, after leading markup; so each phrase's literal opening must stand
    in the raw text at the start of a line, past container prefixes and markup. A phrase
    with no literal opening contributes a word it cannot match without instead.
    """

    def __init__(self, openings: set[str], words: set[str]) -> None:
        self.words = tuple(sorted(words))
        keyed = {o for o in openings if _keyable(o)}
        self.keys = frozenset(o[:_KEY] for o in keyed if len(o) >= _KEY)
        self.short_keys = frozenset(o for o in keyed if len(o) < _KEY)
        self.opening = _openings_regex(keyed, "")
        # Openings that may start inside a run of markup, or whose case folds beyond lower():
        # searched for in the whole text.
        self.elsewhere = _openings_regex(openings - keyed, _BLOCK_START.pattern)

    @classmethod
    def of(cls, phrases: Iterable[str]) -> LabelTrigger | None:
        """The trigger of these phrases; None when one of them gives no handle (always ask)."""
        openings: set[str] = set()
        words: set[str] = set()
        for phrase in phrases:
            for alternative in _top_level_alternatives(phrase):
                expanded = _expand_groups(alternative)
                for variant in expanded or [alternative]:
                    opening = _literal_opening(variant) if expanded else ""
                    if opening.strip() and not opening.startswith(" "):
                        openings.add(opening.lower())
                        continue
                    word = _longest_literal_run(variant) if expanded else None
                    word = word or _longest_required_word(alternative)
                    if word is None:
                        return None
                    words.add(word.lower())
        return cls(openings, words)

    def may_match(self, text: str) -> bool:
        if any(w in text for w in self.words):
            return True
        if self.elsewhere is not None and self.elsewhere.search(text):
            return True
        if self.opening is None:
            return False
        heads = _heads(text)
        keys = self.keys & heads.keys()
        if self.short_keys:  # one-character openings: every head that starts with one
            keys |= {key for key in heads if key[:1] in self.short_keys}
        return any(self.opening.match(text, at) for key in keys for at in heads[key])


def _keyable(opening: str) -> bool:
    """Starts with a letter, and its key holds only letters that ``str.lower`` and the regex
    case folding agree on (Latin, CJK; not Greek or Cyrillic, which fold further)."""
    key = opening[:_KEY]
    return key[:1].isalpha() and all(c.isascii() or 0xC0 <= ord(c) <= 0x24F or ord(c) >= 0x3000 for c in key)


def _openings_regex(openings: set[str], before: str) -> re.Pattern[str] | None:
    if not openings:
        return None
    ordered = sorted(openings, key=len, reverse=True)
    alternation = "|".join(_SPACE.join(re.escape(part) for part in o.split(" ")) for o in ordered)
    return re.compile(f"{before}(?:{alternation})", re.IGNORECASE | re.MULTILINE)


def _expand_groups(alternative: str) -> list[str] | None:
    """``alternative`` with its leading groups spelled out (``(?:a|b) c`` -> ``a c``, ``b c``).

    Groups are expanded while they come before any other regex syntax, so the variants
    start with longer literal openings; None when there are too many variants.
    """
    done: list[str] = []
    todo = [alternative]
    while todo:
        if len(done) + len(todo) > _MAX_EXPANSIONS:
            return None
        variant = todo.pop()
        opening = _literal_opening(variant)
        rest = variant[len(opening):]
        group = _leading_group(rest)
        if group is None:
            done.append(variant)
            continue
        inner, after = group
        optional = after.startswith("?") and not after.startswith("??")
        if optional:
            after = after[1:]
            todo.append(opening + after)
        elif after.startswith(_QUANTIFIERS):
            done.append(variant)
            continue
        todo.extend(opening + part + after for part in _top_level_alternatives(inner))
    return done


def _longest_literal_run(variant: str) -> str | None:
    """The longest run of literal characters without a space that every match holds.

    Only top-level characters count, none that a quantifier follows; a run holds no
    space, so no tag of the raw text (a space in the rough text) can stand inside it.
    """
    longest = max(_literal_runs(variant, optional_after=_QUANTIFIERS, break_on_space=True), key=len)
    return longest if any(c.isalnum() for c in longest) else None


def _leading_group(text: str) -> tuple[str, str] | None:
    """``(?:inner)after`` at the start of ``text`` as (inner, after); None if it does not start so."""
    if not text.startswith("(?:"):
        return None
    depth, i = 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            close = text.find("]", i + 2)
            if close < 0:
                return None
            i = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[3:i], text[i + 1:]
        i += 1
    return None


def _literal_opening(alternative: str) -> str:
    """The characters every match of ``alternative`` starts with (up to the first regex syntax)."""
    for i, char in enumerate(alternative):
        if char in _SPECIAL or alternative.startswith(_QUANTIFIERS, i + 1):
            return alternative[:i]
    return alternative


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
        self.trigger = LabelTrigger.of(phrases_of(params))

    def may_match(self, lowered_text: str) -> bool:
        """A label must open a line of the raw text (see ``LabelTrigger``); False proves no probe matches."""
        return self.trigger is None or self.trigger.may_match(searchable(lowered_text))
