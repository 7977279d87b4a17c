"""Label triggers: where a phrase rule's label may stand, read from the raw text.

A phrase rule acts on a block whose text opens with one of its labels. Its trigger is
derived from the phrases themselves (their literal openings, or a word every match holds,
read with ``fastpath.regex_literals``): no hit in the raw text proves no block opens so.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ..fastpath import regex_literals
from ..fastpath.raw_text import bare, holds_bare
from ..fastpath.regex_literals import (
    leading_group,
    plain_runs,
    required_choice,
    top_level_branches,
)
from ..usercache import derived
from . import base
from .base import per_text, searchable
from .label_heads import INDEX
from .linkblocks import LINK_TARGET
from .phrase_lists import fold_width


@per_text  # every phrase rule reads the same folded copy, which the trigger's memos share
def phrase_text(lowered_text: str) -> str:
    """The lowered text as phrases are matched against it: regex case folding, ASCII punctuation."""
    return fold_width(searchable(lowered_text))


_SPECIAL = set("\\.^$*+?{}[]()|")


def _as_in_text(literal: str) -> str:
    """A phrase's literal as the texts it is looked for in are folded (``ſ`` is ``s`` there)."""
    return searchable(literal.lower())


def _longest_required_word(alternative: str) -> str | None:
    """The longest run of letters and digits written at the top level that every match holds."""
    runs = plain_runs(alternative, str.isalnum)
    longest = max(runs, key=len) if runs else ""
    return longest or None


_QUANTIFIERS = ("?", "*", "+", "{")
# A phrase variant that opens with a number; ``\d`` also matches other scripts' digits,
# which ``str.isdigit`` knows too.
_DIGIT_OPENINGS = re.compile(r"(?:\\d|\[0-9\]|\[\\d[^\]]*\])(?![?*]|\{0|\{,)")
_MAX_EXPANSIONS = 64
# An alternative with too many variants to spell out is looked for by the openings of the
# variants spelt out when there were too many ("if you want to (?:…)": "if you want to "), when
# each is at least this long; else by a word it holds.
_LONG_OPENING = 8


def _long_opening(variant: str) -> bool:
    return len(_literal_opening(variant).strip()) >= _LONG_OPENING


# Where a block's text can start in the raw text: at a line start or after the ``>`` or ``)``
# that ends a tag or a link target (either may have started on an earlier line), past
# container prefixes (quotes, bullets, "1."), emphasis and punctuation (``_block_may_open_at``).
_START_RUN = re.compile(r"(?:[^\w\n\r]|_|\d{1,9}[.)])*")
# One space of a label: any run of white space and tags (rough_text turns a tag into a
# space; a reader, and ``ad-label``, sees a line break as one), and the brackets and target
# of a link that splits the label ("[Log in](…) to comment": phrase-block reads it so).
_SPACE = rf"(?:\s|<[^>]*>|!?\[|\](?:{LINK_TARGET.pattern[2:]})?)+"
_KEY = 2
LINE_END = re.compile(r"\r\n?|\n")


# The tokens of such a run. A run of plain punctuation is one token (only a ``]`` may open
# a link target); no token starts where another could, so the run is read one way only.
_RUN_TOKENS = (
    rf"(?:[^\w<\]]+|\](?:{LINK_TARGET.pattern[2:]})?|_+|\d{{1,9}}[.)]"
    r"|</?[a-z][^>]*>|<[^<>]{0,300}>)*"
)


@lru_cache(maxsize=1)
def leading_run() -> re.Pattern[str]:
    """From a line start, what a reader never sees before a block's first word.

    The probe skips punctuation, emphasis and tags at the start of a block's rough text
    (link targets dropped, tags made spaces); in the raw text the same run also holds
    container prefixes, list numbers and the link targets themselves. So a label starts
    where such a run, begun at a line start, ends: one match per line, not one per
    ``>`` or ``)``. (A run may cross line ends: then the lines share their head.)
    """
    return re.compile(rf"(?:^|(?<=\r)){_RUN_TOKENS}", re.MULTILINE)


@lru_cache(maxsize=1)
def _line_runs() -> re.Pattern[str]:
    """A line break and the leading run of the line after it: searched for, it starts with
    a literal, so the regex skips to each line end fast (a text without ``\r``)."""
    return re.compile(rf"\n{_RUN_TOKENS}")


# A link target (as the leading runs read one) that holds a line break, in its spaces or title.
# The target's run is taken whole (a lookahead and its group: atomic), as no shorter run can
# be followed by what must follow: the regex never steps back through a long URL.
_TARGET_ACROSS_LINES = re.compile(
    r"\]\((?=([^()\s]*(?:\([^()\s]*\)[^()\s]*)*))\1"
    r"(?:\s*[\n\r]|\s+(?:\"[^\"]*|'[^']*)[\n\r])"
)


@per_text  # all phrase rules ask about the same text
def _target_across_lines(text: str) -> bool:
    """Whether a link target runs over a line end. The leading runs skip it as a target, but
    a heading or a table row ends at the line end: markdown-it shows the rest as text."""
    return "](" in text and _TARGET_ACROSS_LINES.search(text) is not None


@per_text  # all phrase rules ask about the same text
def _heads(text: str) -> dict[str, list[int]]:
    """Where a label may start in ``text`` (lower-cased), by its first two characters."""
    heads: dict[str, list[int]] = {}
    if "\r" in text:
        run = leading_run()
        reach = -1
        # Anchored at each line start; a line that an earlier run crossed shares that run's head.
        for start in itertools.chain((0,), (m.end() for m in LINE_END.finditer(text))):
            if start > reach:
                match = run.match(text, start)
                at = reach = match.end() if match else start
                heads.setdefault(text[at : at + _KEY], []).append(at)
        return heads
    # Each search goes on where the last run ended, past the lines that run crossed.
    lines = "\n" + text
    for at in [m.end() for m in _line_runs().finditer(lines)]:
        key = lines[at : at + _KEY]
        if key in heads:
            heads[key].append(at - 1)
        else:
            heads[key] = [at - 1]
    return heads


@dataclass(frozen=True, slots=True)
class Hits:
    """Where the raw text holds a phrase's handle: heads where an opening stands, offsets of words."""

    heads: list[int]
    words: list[int]


class LabelTrigger:
    """The raw-text test of a phrase rule: no hits proves no block's probe can match.

    A probe matches a block's rough text (its source without link targets and tags) at
    the block's start, after leading markup; so each phrase's literal opening must stand
    in the raw text at the start of a line, past container prefixes and markup. A phrase
    with no literal opening contributes a word it cannot match without instead.
    """

    def __init__(self, openings: set[str], words: set[str], digit_start: bool = False) -> None:
        self.words = tuple(sorted(words, key=len))
        self._inner_words = _inner_words(self.words)
        # Phrases that open with a number (``\d+ comments``): any head that starts with a digit.
        self.digit_start = digit_start
        keyed = {o for o in openings if _keyable(o)}
        self.keys = frozenset(o[:_KEY] for o in keyed if len(o) >= _KEY)
        self.short_keys = frozenset(o for o in keyed if len(o) < _KEY)
        self._keyed = keyed
        self._index_openings(keyed)
        # Openings that may start inside a run of markup, or whose case folds beyond lower():
        # searched for in the whole text.
        self._elsewhere = openings - keyed
        # Openings no ASCII character can match (even ignoring case): an ASCII text skips them.
        self.elsewhere_needs_non_ascii = not any(_may_match_ascii(o[:1]) for o in self._elsewhere)
        # Rules that share this trigger read each text once.
        self.hits: Callable[[str], Hits | None] = per_text(self._hits)

    def _index_openings(self, keyed: set[str]) -> None:
        """By key, the openings of one word that the lower-cased text holds as written: a head
        that starts with one is a hit (as the regex would match it there); and the first words
        of the others: a head must start with one (a plain string test) before they are looked
        for there, spelt out word by word with the spaces between them (``_spelt_at``), or by
        the regex of those that cannot be spelt."""
        plain: dict[str, set[str]] = {}
        spelt: dict[str, set[tuple[str, ...]]] = {}
        first_words: dict[str, set[str]] = {}
        self._regex_openings: dict[str, set[str]] = {}
        for opening in (o for o in keyed if len(o) >= _KEY):
            key = opening[:_KEY]
            words = tuple(opening.split(" "))
            if _spellable(words) and len(words) == 1:
                plain.setdefault(key, set()).add(opening)
                continue
            first_words.setdefault(key, set()).add(words[0])
            if _spellable(words):
                spelt.setdefault(key, set()).add(words)
            else:
                self._regex_openings.setdefault(key, set()).add(opening)
        self.plain_by_key = {key: tuple(sorted(words)) for key, words in plain.items()}
        self.spelt_by_key = {key: _by_first_word(openings) for key, openings in spelt.items()}
        self.by_key = {key: tuple(sorted(words)) for key, words in first_words.items()}
        self._openings_by_key: dict[str, re.Pattern[str]] = {}
        self._trees_by_key: dict[str, tuple[tuple[str, _Words], ...]] = {}

    def state(self) -> list[Any]:
        """What the trigger holds once its openings are indexed, as plain data: indexing ~12,000
        openings costs a one-file run ~0.04 s, loading them from the user's cache ~1 ms."""
        return [getattr(self, name) for name in _STATE]

    @classmethod
    def from_state(cls, state: list[Any]) -> LabelTrigger:
        """The trigger whose ``state`` this is."""
        trigger = cls.__new__(cls)
        for name, value in zip(_STATE, state, strict=True):
            setattr(trigger, name, value)
        trigger._openings_by_key = {}
        trigger._trees_by_key = {}
        trigger.hits = per_text(trigger._hits)
        return trigger

    # The regexes are compiled on first use: a run answered from the cache never needs them.
    @cached_property
    def elsewhere_anywhere(self) -> re.Pattern[str] | None:
        """Where the openings not looked for at the heads stand (a block start before one
        is tested apart: ``_block_may_open_at``)."""
        return _openings_regex(self._elsewhere, "")

    @classmethod
    def of(cls, phrases: Iterable[str]) -> LabelTrigger | None:
        """The trigger of these phrases; None when one of them gives no handle (always ask).
        Rules with the same phrases share one trigger, which reads each text once."""
        return _trigger_of(tuple(phrases))

    def _hits(self, text: str) -> Hits | None:
        """The phrases' handles in ``text``; None when one may stand where heads are not read."""
        if self._may_stand_elsewhere(text) or _target_across_lines(text):
            return None
        words = self._word_offsets(text)
        if not self._keyed and not self.digit_start:  # no opening to look for at the heads
            return Hits([], words)
        return Hits(self._head_hits(text), words)

    def _head_hits(self, text: str) -> list[int]:
        """The heads of ``text`` where an opening stands (or a digit, for ``digit_start``)."""
        heads = _heads(text)
        slot = INDEX.slot_of(self)  # (one walk of the heads for all phrase rules)
        found = INDEX.head_hits(text, heads).of(slot, self)
        if found is None:  # asked first after the text was read: its own walk, this once
            found = self._own_walk(text, heads)
        if self.short_keys and any(k in text for k in self.short_keys):
            found += self._short_key_hits(heads)
        if self.digit_start:
            found += [at for key, ats in heads.items() if key[:1].isdigit() for at in ats]
        return found

    def _own_walk(self, text: str, heads: dict[str, list[int]]) -> list[int]:
        """The heads where one of the trigger's keyed openings stands, walked by itself."""
        return [
            at for key in self.keys & heads.keys() for at in self._keyed_hits(text, key, heads[key])
        ]

    def _may_stand_elsewhere(self, text: str) -> bool:
        """Whether an opening that is not looked for at the heads may stand in ``text`` where
        a block's text may start (``_block_may_open_at``)."""
        if self.elsewhere_needs_non_ascii and text.isascii():
            return False  # (asked first: the regex is compiled on first use)
        anywhere = self.elsewhere_anywhere
        if anywhere is None:
            return False
        found = anywhere.search(text)
        while found is not None:  # every place an opening stands, overlapping ones too
            if _block_may_open_at(text, found.start()):
                return True
            found = anywhere.search(text, found.start() + 1)
        return False

    def _keyed_hits(self, text: str, key: str, ats: list[int]) -> list[int]:
        """The heads with this key where one of the key's openings stands."""
        plain = self.plain_by_key.get(key, ())
        found = [at for at in ats if text.startswith(plain, at)] if plain else []
        first_words = self.by_key.get(key)
        if first_words:
            found += [
                at
                for at in ats
                if text.startswith(first_words, at)
                and not text.startswith(plain, at)
                and self._opens_at(text, key, at)
            ]
        return found

    def _opens_at(self, text: str, key: str, at: int) -> bool:
        """Whether one of the key's openings that is not one plain word stands at ``at``: spelt
        word by word, or else found by the regex of those that cannot be spelt."""
        for first, rests in self._spelt_trees(key):
            if text.startswith(first, at) and rests.spelt_at(text, at + len(first)):
                return True
        return key in self._regex_openings and self._opening_of(key).match(text, at) is not None

    def _spelt_trees(self, key: str) -> tuple[tuple[str, _Words], ...]:
        """The key's spelt openings by first word, the words after it as a tree (built on
        first use from ``spelt_by_key``, which the user's cache keeps)."""
        trees = self._trees_by_key.get(key)
        if trees is None:
            trees = self._trees_by_key[key] = tuple(
                (first, _Words.of(rests)) for first, rests in self.spelt_by_key.get(key, {}).items()
            )
        return trees

    def _short_key_hits(self, heads: dict[str, list[int]]) -> list[int]:
        """One-character openings: every head that starts with one (a key's characters match,
        ignoring case, only themselves in the folded text: ``_keyable``)."""
        return [at for key, ats in heads.items() if key[:1] in self.short_keys for at in ats]

    def _opening_of(self, key: str) -> re.Pattern[str]:
        """The regex of the openings with this key that are not one ASCII word, compiled on first use."""
        pattern = self._openings_by_key.get(key)
        if pattern is None:
            compiled = _openings_regex(self._regex_openings[key], "")
            assert compiled is not None  # the key has such openings (``by_key``)
            pattern = self._openings_by_key[key] = compiled
        return pattern

    @cached_property
    def _ascii_words(self) -> tuple[str, ...]:
        """The words an ASCII text may hold (a word of "é" or "ı" costs a whole scan of it)."""
        return tuple(word for word in self.words if word.isascii())

    @cached_property
    def _bare_words(self) -> frozenset[str]:
        """The words without whitespace: a long text answers for them from its distinct runs
        (``fastpath.raw_text.fragments``)."""
        return frozenset(word for word in self.words if bare(word))

    def _word_offsets(self, text: str) -> list[int]:
        """Where the words stand in ``text``; a word that holds an absent word is not looked for
        (the inner words of an ASCII word are ASCII: an ASCII text skips the others unread)."""
        offsets: list[int] = []
        absent: set[str] = set()
        bare_words = self._bare_words
        for word in self._ascii_words if text.isascii() else self.words:
            if any(inner in absent for inner in self._inner_words[word]) or not (
                holds_bare(text, word) if word in bare_words else word in text
            ):
                absent.add(word)
            else:
                offsets += _occurrences(text, word)
        return offsets

    def may_match(self, text: str) -> bool:
        found = self.hits(text)
        return found is None or bool(found.heads or found.words)


_SPACE_RUN = re.compile(_SPACE)


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text``, each occurrence after the end of the one before (as
    ``re.finditer`` of the escaped word finds them, without a regex to compile or look up)."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + max(len(word), 1))
    return found


def _block_may_open_at(text: str, at: int) -> bool:
    """Whether a block's text may start at ``at``: ``_START_RUN`` reaches it from the line
    start, or from the last ``\\r``, ``>`` or ``)`` before ``at``. No token of the run holds
    one of those but at its end, so if a run from further back reaches ``at``, the one from
    the last of them does too: one test per place, not a regex tried at every character."""
    line = text.rfind("\n", 0, at) + 1
    start = max(line, *(text.rfind(c, line, at) + 1 for c in "\r>)"))
    return _START_RUN.fullmatch(text, start, at) is not None


def _by_first_word(openings: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Openings of several words by their first word: the words after it, for ``_spelt_at``."""
    rests: dict[str, set[tuple[str, ...]]] = {}
    for words in openings:
        rests.setdefault(words[0], set()).add(words[1:])
    return {first: tuple(sorted(rest)) for first, rest in sorted(rests.items())}


class _Words:
    """The words that follow an opening's first word, as a tree: each word and the words that
    may follow it. The space before the next word is read once for all of them, and a plain
    string test of all of them rules most places out (``_spelt_at``, one opening at a time,
    read the same space again for each)."""

    __slots__ = ("ends", "following", "next_words")

    def __init__(self) -> None:
        self.ends = False  # an opening ends here
        self.following: dict[str, _Words] = {}
        self.next_words: tuple[str, ...] = ()

    @classmethod
    def of(cls, rests: Iterable[tuple[str, ...]]) -> _Words:
        root = cls()
        for rest in rests:
            node = root
            for word in rest:
                node = node.following.setdefault(word, cls())
            node.ends = True
        root._seal()
        return root

    def _seal(self) -> None:
        self.next_words = tuple(self.following)
        for node in self.following.values():
            node._seal()

    def spelt_at(self, text: str, at: int) -> bool:
        """Whether the words of one branch stand from ``at`` on, each after a space: what
        ``_spelt_at`` answers for one of the openings."""
        if self.ends:
            return True
        space = _SPACE_RUN.match(text, at)
        if space is None:
            return False
        start = space.end()
        if not text.startswith(self.next_words, start):
            return False
        return any(
            text.startswith(word, start) and node.spelt_at(text, start + len(word))
            for word, node in self.following.items()
        )


def _spelt_at(text: str, at: int, words: tuple[str, ...]) -> bool:
    """Whether the words stand from ``at`` on, each after a space (``_SPACE``: white space and
    tags): what the opening's regex would match there, as no word starts with a character a
    space can hold (``_spellable``), so each space runs as far as it can."""
    for word in words:
        space = _SPACE_RUN.match(text, at)
        if space is None or not text.startswith(word, space.end()):
            return False
        at = space.end() + len(word)
    return True


def _spellable(words: tuple[str, ...]) -> bool:
    """Whether an opening's words can be looked for as written (``_spelt_at``): none but the
    last is empty (an opening that ends in a space: a space must follow its words), none
    starts with white space or a tag's ``<``, and every character is one that matches,
    ignoring case, only what the lower-cased and folded text shows as that character."""
    return all(
        (word or i == len(words) - 1 > 0)
        and not word[:1].isspace()
        and word[:1] != "<"
        and (word.isascii() or all(map(_folds_as_lowered, word)))  # ASCII: always
        for i, word in enumerate(words)
    )


def _may_match_ascii(char: str) -> bool:
    """Whether a case-insensitive regex character may match an ASCII one (``ſ`` matches ``s``)."""
    return (
        not char
        or char.isascii()
        or any(
            c.isascii() for mapped in (char.lower(), char.upper(), char.casefold()) for c in mapped
        )
    )


def _inner_words(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The shorter words each word holds ("supported" in "-supported"): when one is absent,
    so is the word."""
    return {word: tuple(v for v in words if len(v) < len(word) and v in word) for word in words}


class _Handles:
    """What the trigger of some phrases looks for, gathered one top-level alternative at a time."""

    def __init__(self) -> None:
        self.openings: set[str] = set()
        self.words: set[str] = set()
        self.digit_start = False

    def add(self, alternative: str) -> bool:
        """Take the handles of one alternative; False when a variant of it gives none."""
        # Optional characters spelt out too when that leaves few enough variants.
        expanded = _expand_groups(alternative, optional_characters=True) or _expand_groups(
            alternative, optional_characters=False
        )
        if expanded is None:  # too many variants: those spelt out so far, or a word
            partly = _expand_groups(alternative, optional_characters=False, partly=True)
            if partly is not None and all(_long_opening(v) for v in partly):
                return all(self._add_variant(variant, alternative) for variant in partly)
            return self._add_word(_longest_required_word(alternative), alternative)
        return all(self._add_variant(variant, alternative) for variant in expanded)

    def _add_variant(self, variant: str, alternative: str) -> bool:
        opening = _literal_opening(variant)
        if opening.strip() and not opening.startswith(" "):
            self.openings.add(_as_in_text(opening))
            return True
        word = _longest_literal_run(variant) or _longest_required_word(alternative)
        if _DIGIT_OPENINGS.match(variant) and not _rare_enough(word):
            self.digit_start = True  # ("3 comments"): a head that starts with a digit
            return True
        return self._add_word(word, alternative)

    def _add_word(self, word: str | None, alternative: str) -> bool:
        """The word every match holds; without one, the words of a group every match holds
        one of (``(?:扫码|长按)``); False when there is neither."""
        words = (word,) if word is not None else required_choice(alternative, str.isalnum)
        if words is not None:
            self.words.update(_as_in_text(w) for w in words)
        return words is not None


_STATE = (
    "words",
    "_inner_words",
    "digit_start",
    "keys",
    "short_keys",
    "_keyed",
    "plain_by_key",
    "spelt_by_key",
    "by_key",
    "_regex_openings",
    "_elsewhere",
    "elsewhere_needs_non_ascii",
)
"""The attributes of a ``LabelTrigger`` that its ``state`` keeps (all but its memos)."""


@lru_cache(maxsize=256)
def _trigger_of(phrases: tuple[str, ...]) -> LabelTrigger | None:
    # Reading ~2,000 phrases' regexes costs a one-file run ~0.3 s: kept between runs.
    state = derived(
        "triggers",
        phrases,
        lambda: _state_of(phrases),
        sys.modules[__name__],
        regex_literals,
        base,
    )
    return None if state is None else LabelTrigger.from_state(state)


def _state_of(phrases: tuple[str, ...]) -> list[Any] | None:
    handles = _handles_of(phrases)
    if handles is None:
        return None
    openings, words, digit_start = handles
    return LabelTrigger(set(openings), set(words), digit_start).state()


def _handles_of(phrases: tuple[str, ...]) -> tuple[list[str], list[str], bool] | None:
    """What the trigger of these phrases looks for, as plain data; None: always ask."""
    handles = _Handles()
    for phrase in phrases:
        alternatives = top_level_branches(phrase)
        if alternatives is None:
            return None  # a phrase this reader is unsure of: always ask
        if not all(map(handles.add, alternatives)):
            return None
    return sorted(handles.openings), sorted(handles.words), handles.digit_start


def _keyable(opening: str) -> bool:
    """Starts with a letter, and its key holds only letters that ``str.lower`` and the regex
    case folding agree on once ``searchable`` has folded the text (``_folds_as_lowered``)."""
    key = opening[:_KEY]
    return key[:1].isalpha() and (key.isascii() or all(map(_folds_as_lowered, key)))


# Letters the regex's case folding pairs with one that ``str.lower`` leaves apart, and that
# ``searchable`` does not fold: the long s with a dot and its pair, the ligatures "ſt" and "st",
# the Cyrillic monograph uk and its old form.
_FOLDS_APART = frozenset("\u1e9b\u1e61\ufb05\ufb06\ua64b\u1c88")


def _folds_as_lowered(char: str) -> bool:
    """Whether the regex, ignoring case, matches this (lower-cased) character only where the
    lower-cased text folded by ``searchable`` shows it: Latin (Vietnamese's letters too),
    Cyrillic, CJK, caseless marks; not Greek, which folds further."""
    code = ord(char)
    return char not in _FOLDS_APART and (
        char.isascii()
        or 0xC0 <= code <= 0x24F
        or 0x400 <= code <= 0x52F
        or code >= 0x3000
        or 0x1E00 <= code <= 0x1EFF
        or _caseless_mark(char)
    )


def _caseless_mark(char: str) -> bool:
    """Punctuation with no case at all (the ’ of "j’aime"): only itself matches it."""
    return not char.isalnum() and char.lower() == char == char.upper() == char.casefold()


def _openings_regex(openings: set[str], before: str) -> re.Pattern[str] | None:
    if not openings:
        return None
    ordered = sorted(openings, key=len, reverse=True)
    alternation = "|".join(_SPACE.join(re.escape(part) for part in o.split(" ")) for o in ordered)
    return re.compile(f"{before}(?:{alternation})", re.IGNORECASE | re.MULTILINE)


def _expand_groups(
    alternative: str, *, optional_characters: bool, partly: bool = False
) -> list[str] | None:
    """``alternative`` with its leading groups spelled out (``(?:a|b) c`` -> ``a c``, ``b c``),
    and with ``optional_characters`` its leading optional characters (``e-?mail`` -> ``e-mail``,
    ``email``).

    Groups are expanded while they come before any other regex syntax, so the variants
    start with longer literal openings; None when there are too many variants, or ``partly``
    the variants spelt out so far (each match is one of theirs still).
    """
    done: list[str] = []
    todo = [alternative]
    while todo:
        if len(done) + len(todo) > _MAX_EXPANSIONS:
            return done + todo if partly else None
        variant = todo.pop()
        spelt = _spelt_out(variant, optional_characters)
        if spelt is _UNREADABLE:
            return None
        if spelt is None:
            done.append(variant)
        else:
            todo.extend(spelt)
    return done


_UNREADABLE: list[str] = []


def _spelt_out(variant: str, optional_characters: bool) -> list[str] | None:
    """The variants of ``variant`` with its first optional character or group after its
    literal opening spelt out; None when there is none to spell out; ``_UNREADABLE`` when the
    group cannot be read for sure."""
    opening = _literal_opening(variant)
    rest = variant[len(opening) :]
    if optional_characters and _optional_character(rest):  # ``e-?mail``: ``e-mail``, ``email``
        return [opening + rest[0] + rest[2:], opening + rest[2:]]
    group = leading_group(rest)
    if group is None:
        return None
    inner, after = group
    spelt = []
    if after.startswith("?") and not after.startswith("??"):
        after = after[1:]
        spelt.append(opening + after)
    elif after.startswith(_QUANTIFIERS):
        return None
    parts = top_level_branches(inner)
    if parts is None:
        return _UNREADABLE
    return spelt + [opening + part + after for part in parts]


def _optional_character(rest: str) -> bool:
    """Whether ``rest`` opens with one literal character made optional by a greedy ``?``."""
    return len(rest) >= 2 and rest[0] not in _SPECIAL and rest[1] == "?" and rest[2:3] not in "?+"


def _rare_enough(word: str | None) -> bool:
    """Whether a word a phrase that opens with a number holds is a better handle than a head
    that starts with a digit (docs are full of those: tables, code, numbered steps): a word
    in another script than the docs' English ("3 comments" stays with the digit)."""
    return word is not None and not word.isascii()


def _longest_literal_run(variant: str) -> str | None:
    """The longest run of literal characters without a space that every match holds.

    Only top-level characters count; a run holds no space, so no tag of the raw text
    (a space in the rough text) can stand inside it.
    """
    runs = plain_runs(variant, lambda char: not char.isspace())
    longest = max(runs, key=len) if runs else ""
    return longest if any(c.isalnum() for c in longest) else None


def _literal_opening(alternative: str) -> str:
    """The characters every match of ``alternative`` starts with (up to the first regex syntax)."""
    for i, char in enumerate(alternative):
        if char in _SPECIAL or alternative.startswith(_QUANTIFIERS, i + 1):
            return alternative[:i]
    return alternative
