"""What a text must hold for a rule to find anything: triggers a matcher declares, one evaluator.

A matcher declares its trigger (``Matcher.trigger``) from its params as a small tree of the
conditions below, and ``Matcher.may_match`` asks it of the lower-cased raw text. Each condition
answers False only when the text surely lacks what it names; composed with ``AllOf`` and
``AnyOf`` they stay so. There is no negation: the negation of a "maybe" is not sound.

Costly readings (a regex search, the link targets of a text) are kept on the ``RawText`` the
prefilter asks every rule about, keyed by the condition: two rules that declare the same
search share it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .head import body_head
from .raw_text import RawText, holds_bare, part_of, per_text, searchable
from .regex_literals import required_literals, top_level_branches


class Trigger:
    """A condition on the lower-cased raw text; False proves the rule finds nothing there."""

    def holds(self, text: str) -> bool:
        raise NotImplementedError


def _pattern_key(pattern: re.Pattern[str]) -> tuple[str, int]:
    """What tells two compiled regexes apart, cheap to hash (hashing a ``re.Pattern`` hashes
    its compiled code, each time: a condition used as a key is hashed on every question)."""
    return (pattern.pattern, pattern.flags)


def kept(condition: Trigger, text: str, read: Callable[[], bool]) -> bool:
    """``read()``, kept on a ``RawText`` under the condition (equal conditions share it)."""
    if not isinstance(text, RawText):
        return read()
    found = text.readings.get(condition)
    if found is None:
        found = text.readings[condition] = read()
    return bool(found)


@dataclass(frozen=True)
class Always(Trigger):
    """No condition: the rule runs on every text."""

    def holds(self, text: str) -> bool:
        return True


ALWAYS = Always()

_COMMON_PUNCTUATION = "-./:_"  # every text with links or code holds these: a poor gate


def _rare_character(literal: str) -> str | None:
    """A character of a longer literal that is neither a letter, a digit, a space nor common
    punctuation: looking for one character is far faster than for a string."""
    if len(literal) < 2:
        return None
    return next(
        (c for c in literal if not (c.isalnum() or c.isspace() or c in _COMMON_PUNCTUATION)), None
    )


_Gated = tuple[tuple[str, str | None, str | None], ...]
"""Per literal: itself, its rare character (``_rare_character``) and its longest part without
whitespace (``_bare_part``)."""


def _bare_part(literal: str) -> str | None:
    """The literal's longest part without whitespace, when it is long enough to rule texts out
    (a text without it lacks the literal): asked of the text's ``fragments``."""
    longest = max(literal.split(), key=len, default="")
    return longest if len(longest) >= _BARE_PART else None


_BARE_PART = 3


@dataclass(frozen=True)
class Literals(Trigger):
    """One of these lower-case strings stands in the text (a rule's ``keywords``)."""

    literals: tuple[str, ...]
    _gated: _Gated = field(init=False, repr=False, compare=False)
    _ascii_gated: _Gated = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        gated = tuple((k, _rare_character(k), _bare_part(k)) for k in self.literals)
        object.__setattr__(self, "_gated", gated)  # (frozen: set once, here)
        # An ASCII text holds no other literal: not even asked.
        object.__setattr__(self, "_ascii_gated", tuple(g for g in gated if g[0].isascii()))

    def holds(self, text: str) -> bool:
        gated = self._ascii_gated if text.isascii() else self._gated
        if not isinstance(text, RawText):
            return any((rare is None or rare in text) and k in text for k, rare, _ in gated)
        return _any_seen(text, gated)


_LITERALS_SEEN = object()  # the key, among a text's readings, of what ``Literals`` found in it


def _any_seen(text: RawText, gated: _Gated) -> bool:
    """Whether one of the (gated) literals stands in the text. Rules share many literals
    ("next", "<img"): each is looked for once per text, its answer kept with the text."""
    known: dict[str, bool] | None = text.readings.get(_LITERALS_SEEN)
    if known is None:
        known = text.readings[_LITERALS_SEEN] = {}
    for literal, rare, part in gated:
        found = known.get(literal)
        if found is None:
            found = known[literal] = _stands(text, literal, rare, part)
        if found:
            return True
    return False


def _stands(text: RawText, literal: str, rare: str | None, part: str | None) -> bool:
    """``literal in text``: its rare character first (one character is found at memory
    speed), then its longest part without whitespace in the text's distinct runs
    (``holds_bare``), which is the whole answer when that part is the literal."""
    if rare is not None and rare not in text:
        return False
    if part is not None and not holds_bare(text, part):
        return False
    return part == literal or literal in text


@dataclass(frozen=True)
class AllOf(Trigger):
    """Every part holds; asked in order, so the cheapest part goes first."""

    parts: tuple[Trigger, ...]

    def holds(self, text: str) -> bool:
        # A loop, not ``all`` of a generator: asked ~100 times a text, the generator costs.
        for part in self.parts:  # noqa: SIM110
            if not part.holds(text):
                return False
        return True


@dataclass(frozen=True)
class AnyOf(Trigger):
    """One of the parts holds."""

    parts: tuple[Trigger, ...]

    def holds(self, text: str) -> bool:
        for part in self.parts:  # noqa: SIM110 (a loop: see ``AllOf.holds``)
            if part.holds(text):
                return True
        return False


@dataclass(frozen=True)
class Search(Trigger):
    """The regex finds a match in the text: as a case-insensitive regex sees it (``searchable``)
    when ``folded``, else in the lower-cased text as it is."""

    pattern: re.Pattern[str]
    folded: bool = True
    _literal: str | None = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_literal", _plain_literal(self.pattern))  # (frozen: set once)
        object.__setattr__(self, "_hash", hash((_pattern_key(self.pattern), self.folded)))

    def __hash__(self) -> int:
        return self._hash

    def holds(self, text: str) -> bool:
        if self._literal is not None:  # a plain string: ``in`` finds it ten times faster
            return self._literal in self._seen(text)
        return kept(self, text, lambda: self.pattern.search(self._seen(text)) is not None)

    def _seen(self, text: str) -> str:
        return searchable(text) if self.folded else text


@dataclass(frozen=True)
class SearchNear(Trigger):
    """The regex finds a match in the lower-cased text, asked only near its hint: every match
    of ``pattern`` holds a match of ``hint`` (a regex that opens with a literal, found at
    memory speed) that starts at most ``reach`` characters after the match's own start, so
    the regex is tried only at the places up to ``reach`` characters before each hint. (A
    regex that may open with a letter is tried at every character of the text otherwise.)"""

    pattern: re.Pattern[str]
    hint: re.Pattern[str]
    reach: int
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = (_pattern_key(self.pattern), _pattern_key(self.hint), self.reach)
        object.__setattr__(self, "_hash", hash(keys))

    def __hash__(self) -> int:
        return self._hash

    def holds(self, text: str) -> bool:
        return kept(self, text, lambda: self._found(text))

    def _found(self, text: str) -> bool:
        match = self.pattern.match
        untried = 0  # the places before it were tried
        for hint in self.hint.finditer(text):
            at = hint.start()
            for place in range(max(untried, at - self.reach), at + 1):
                if match(text, place) is not None:
                    return True
            untried = at + 1
        return False


@per_text  # (only the rules that search backwards read it)
def backwards(text: str) -> str:
    """The text read from its end to its start."""
    return text[::-1]


@dataclass(frozen=True)
class SearchBackwards(Trigger):
    """``pattern``, a regex written backwards, finds a match in the lower-cased text read
    backwards: for a regex whose every match ends on a rare character (a colon), which then
    opens the backwards one, so that the search skips from one such character to the next
    instead of trying every branch at every character. (Not a ``Search``: the literals its
    matches hold are spelt backwards.)"""

    pattern: re.Pattern[str]
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(_pattern_key(self.pattern)))

    def __hash__(self) -> int:
        return self._hash

    def holds(self, text: str) -> bool:
        return kept(self, text, lambda: self.pattern.search(backwards(text)) is not None)


_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]()|")


def _plain_literal(pattern: re.Pattern[str]) -> str | None:
    """The string an ASCII pattern without any regex syntax matches, as the (lower-cased) text
    holds it; None for any other pattern."""
    source = pattern.pattern
    if (
        not source.isascii()
        or pattern.flags & re.VERBOSE
        or any(c in _REGEX_SYNTAX for c in source)
    ):
        return None
    return source.lower() if pattern.flags & re.IGNORECASE else source


@dataclass(frozen=True)
class AtLeast(Trigger):
    """The literal stands at least ``count`` times in the text (without overlaps)."""

    literal: str
    count: int

    def holds(self, text: str) -> bool:
        return text.count(self.literal) >= self.count


@dataclass(frozen=True)
class Repeated(Trigger):
    """The regex matches at least ``count`` times in the text (without overlaps)."""

    pattern: re.Pattern[str]
    count: int
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((_pattern_key(self.pattern), self.count)))

    def __hash__(self) -> int:
        return self._hash

    def holds(self, text: str) -> bool:
        return kept(
            self,
            text,
            lambda: (
                len(list(itertools.islice(self.pattern.finditer(text), self.count))) >= self.count
            ),
        )


@dataclass(frozen=True)
class InHead(Trigger):
    """``inner`` holds in the head of the body that its first ``blocks`` top-level blocks can
    span (``head.body_head``); in the whole text when the raw text cannot bound the head."""

    blocks: int
    inner: Trigger

    def holds(self, text: str) -> bool:
        head = part_of(text, ("head", self.blocks), lambda: body_head(text, self.blocks))
        return self.inner.holds(text if head is None else head)


@dataclass(frozen=True)
class Among(Trigger):
    """Some string that ``reading`` finds in the text (link targets, image URLs, tag names...)
    holds one of ``literals`` (when given) and matches one of ``patterns`` (when given). The
    literals are looked for in all the strings joined first: a cheap gate before a pattern
    is searched."""

    reading: Callable[[str], Sequence[str]]
    patterns: tuple[re.Pattern[str], ...] = ()
    literals: tuple[str, ...] = ()
    # Whether every pattern reads only what it consumes: one search of all the strings joined
    # then tells whether any string may match (``_consumes_only``).
    _joined_search: bool = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # (With literals, the lines that hold one are searched instead: fewer, shorter.)
        whole = (
            not self.literals and bool(self.patterns) and all(map(_consumes_only, self.patterns))
        )
        object.__setattr__(self, "_joined_search", whole)  # (frozen: set once, here)
        patterns = tuple(map(_pattern_key, self.patterns))
        object.__setattr__(self, "_hash", hash((self.reading, patterns, self.literals)))

    def __hash__(self) -> int:
        return self._hash

    def holds(self, text: str) -> bool:
        return kept(self, text, lambda: self._found(self.reading(text)))

    def _found(self, strings: Sequence[str]) -> bool:
        joined = "\n".join(strings)
        if self._joined_search:
            found = self._joined_match(joined, len(strings))
            if found is not None:
                return found
        if not self.literals or joined.count("\n") != len(strings) - 1:
            return any(
                self._fits(s) for s in strings
            )  # (a string holding a line break: one by one)
        for literal in self.literals:
            at = joined.find(literal)
            while at >= 0:  # each string (line) that holds the literal, once
                start = joined.rfind("\n", 0, at) + 1
                end = joined.find("\n", at)
                end = len(joined) if end < 0 else end
                if self._matches(joined[start:end]):
                    return True
                at = joined.find(literal, end)
        return False

    def _joined_match(self, joined: str, count: int) -> bool | None:
        """What one search of the strings joined proves: False when no pattern matches there
        (a string's match is one of the joined text too); True when a match stands inside one
        string (none holds a line break); None when it cannot tell."""
        matches = [m for m in (p.search(joined) for p in self.patterns) if m is not None]
        if not matches:
            return False
        inside = any("\n" not in m.group() for m in matches)
        return True if inside and joined.count("\n") == count - 1 else None

    def _fits(self, string: str) -> bool:
        return (not self.literals or any(k in string for k in self.literals)) and self._matches(
            string
        )

    def _matches(self, string: str) -> bool:
        return not self.patterns or any(p.search(string) for p in self.patterns)


def among_each(
    reading: Callable[[str], Sequence[str]], patterns: Sequence[re.Pattern[str]]
) -> Trigger:
    """Some string that ``reading`` finds (lower-cased) matches one of the patterns: asked
    pattern by pattern, each gated by the literals one of which its every match holds
    (``required_literals``), so only the strings that hold one are searched; a pattern that
    gives none is searched once in all the strings joined (``Among._joined_match``)."""
    parts = tuple(Among(reading, (p,), required_literals([p]) or ()) for p in patterns)
    return parts[0] if len(parts) == 1 else AnyOf(parts)


@dataclass(frozen=True)
class Folded(Trigger):
    """``inner`` asked of the text as a case-insensitive regex sees it (``searchable``)."""

    inner: Trigger

    def holds(self, text: str) -> bool:
        return self.inner.holds(searchable(text))


# What makes a pattern's branches depend on each other, or on a flag set at its start.
_SHARED_ACROSS_BRANCHES = re.compile(r"\\[1-9]|\(\?P=|\A\(\?[aiLmsux]+\)")


def search_each(pattern: re.Pattern[str], *, folded: bool = True) -> Trigger:
    """``Search(pattern)`` asked branch by branch (a match is one of a top-level branch's):
    each branch gated by the literals one of which its every match holds
    (``required_literals``, looked for in the text as the regex sees it), so that only the
    branches whose literals stand are searched, each alone (an alternation of many is tried
    branch by branch at every character). One ``Search`` when the pattern cannot be split."""
    branches = top_level_branches(pattern.pattern)
    if (
        branches is None
        or len(branches) < 2
        or pattern.flags & re.VERBOSE
        or _SHARED_ACROSS_BRANCHES.search(pattern.pattern)
    ):
        return Search(pattern, folded)
    parts: list[Trigger] = []
    for branch in branches:
        alone = re.compile(branch, pattern.flags)
        found = required_literals([alone])
        search = Search(alone, folded)
        parts.append(AllOf((Folded(Literals(found)), search)) if found else search)
    return AnyOf(tuple(parts))


@dataclass(frozen=True)
class Check(Trigger):
    """A condition written by hand, where no declaration above says it exactly; ``why`` says
    why (it shows in the docs of the trigger list). The equivalence tests cover each."""

    test: Callable[[str], bool]
    why: str

    def holds(self, text: str) -> bool:
        return self.test(text)


# What a regex may read before the place it matches at (the start of the text, the character
# before): a match in a suffix of a text may then be none in the text itself.
_LOOKS_BACK = ("^", "\\A", "\\b", "\\B", "(?<")


def _reads_only_forward(pattern: re.Pattern[str]) -> bool:
    """Whether the regex surely reads nothing before where it matches (no anchor at a start, no
    word boundary, no lookbehind; a negated class ``[^`` is no anchor): then it matches a
    suffix of a text wherever it matches the text itself there."""
    source = pattern.pattern.replace("[^", "[")
    return not any(mark in source for mark in _LOOKS_BACK)


# What lets a regex read past what it consumes: anchors, word boundaries, lookarounds.
_READS_AROUND = (*_LOOKS_BACK, "$", "\\Z", "\\z", "(?=", "(?!")


def _consumes_only(pattern: re.Pattern[str]) -> bool:
    """Whether the regex surely reads only the characters it consumes: then it matches a
    piece of a string wherever that piece stands, alone or inside a longer text."""
    source = pattern.pattern.replace("[^", "[")
    return not any(mark in source for mark in _READS_AROUND)


def suffix_gate(trigger: Trigger) -> Trigger | None:
    """A condition that a text holds whenever ``trigger`` holds in one of its suffixes that
    starts at a line start (a page's tail), and that is asked of the whole text at once; None
    when no part of the trigger gives one. A literal that the tail holds, the whole text holds;
    so does a match of a regex that reads nothing before its place (``_reads_only_forward``).
    The gate only spares the costly reading of where the tail starts: when it fails, no tail
    can hold the trigger."""
    if isinstance(trigger, (Literals, AtLeast)):
        return trigger  # (the fewest times a literal stands in a suffix, the text holds it)
    if isinstance(trigger, (Search, Repeated)):
        return _regex_gate(trigger)
    if isinstance(trigger, AllOf):
        gates = tuple(g for g in map(suffix_gate, trigger.parts) if g is not None)
        return (gates[0] if len(gates) == 1 else AllOf(gates)) if gates else None
    if isinstance(trigger, AnyOf):
        every = tuple(map(suffix_gate, trigger.parts))
        return None if None in every else AnyOf(every)  # type: ignore[arg-type]
    return None


def _regex_gate(trigger: Search | Repeated) -> Trigger | None:
    """A search's gate is itself, a count's one match (a count may shift with the text)."""
    if not _reads_only_forward(trigger.pattern):
        return None
    return trigger if isinstance(trigger, Search) else Search(trigger.pattern, folded=False)


def literals(*strings: str) -> Trigger:
    """``Literals`` of these strings, lower-cased; no strings: ``ALWAYS`` (nothing declared)."""
    return Literals(tuple(s.lower() for s in strings)) if strings else ALWAYS


def all_of(*parts: Trigger) -> Trigger:
    """``AllOf`` the parts, without those that always hold."""
    kept = tuple(p for p in parts if p is not ALWAYS)
    return kept[0] if len(kept) == 1 else AllOf(kept) if kept else ALWAYS


def hand_written(trigger: Trigger) -> list[Check]:
    """The hand-written conditions of a trigger (the tests list those of the shipped rules)."""
    if isinstance(trigger, Check):
        return [trigger]
    inner: list[Trigger] = []
    if isinstance(trigger, (AllOf, AnyOf)):
        inner = list(trigger.parts)
    elif isinstance(getattr(trigger, "inner", None), Trigger):  # (InHead, InTail, OutsideFences)
        inner = [trigger.inner]  # type: ignore[attr-defined]
    return [check for part in inner for check in hand_written(part)]
