"""What a regular expression's matches must hold, read from its source with our own reader.

The fast path rules a text out when it lacks every string one of which each match of a
rule's pattern must contain. This module reads Python regex syntax (escapes, character
classes such as ``[(]`` or ``[]x]``, groups of every kind, alternation, every quantifier,
inline flags, lookarounds, backreferences, conditionals) into a small tree, and answers
from it: the strings a match must contain, how wide a match can be, the top-level branches.
Whatever it cannot read for sure (a verbose pattern, an unknown escape) makes it answer
``None``, "maybe": the fast path then asks the rule. It never answers a wrong "no".

Only CPython's public ``re`` is used (to reject patterns it would not compile); its private
parser (``re._parser``, ``sre_parse``) is not, so a Python upgrade cannot break an import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

MIN_LITERAL = 3
"""A shorter required string is in most texts: no use to rule one out."""

_UNBOUNDED = 1 << 16  # a width from this on: unbounded, in effect


class Unsure(Exception):
    """The reader met syntax it does not know for sure; the answer is "maybe"."""


def _bounded(total: int) -> int | None:
    return total if total < _UNBOUNDED else None


class _Node:
    """What every node answers; the defaults are those of text this reader does not describe."""

    __slots__ = ()

    def exact(self) -> str | None:
        """The one string (lower-cased ASCII) every match is; None when there are more, or when
        a character is not ASCII (case folding beyond ``str.lower`` could apply to it)."""
        return None

    def required(self) -> tuple[str, ...] | None:
        """Strings (lower-cased ASCII, at least ``MIN_LITERAL`` long), one of which every match
        contains; None when no such strings are known."""
        whole = self.exact()
        return (whole,) if whole is not None and len(whole) >= MIN_LITERAL else None

    def width(self) -> int | None:
        """At most how many characters a match spans; None when unbounded or unknown."""
        return None


@dataclass(frozen=True, slots=True)
class Char(_Node):
    """One character of the text: ``char`` when it is a known one, None for a class or a dot.
    ``plain``: written as itself in the source, not escaped."""

    char: str | None
    plain: bool = False

    def exact(self) -> str | None:
        return self.char.lower() if self.char is not None and self.char.isascii() else None

    def width(self) -> int | None:
        return 1


@dataclass(frozen=True, slots=True)
class Empty(_Node):
    """Matches no character: an anchor or a lookaround."""

    def exact(self) -> str | None:
        return ""

    def width(self) -> int | None:
        return 0


@dataclass(frozen=True, slots=True)
class Opaque(_Node):
    """Matches text this reader does not describe: a backreference, a conditional."""


@dataclass(frozen=True, slots=True)
class Repeat(_Node):
    node: Node
    low: int
    high: int | None  # None: no upper bound

    def exact(self) -> str | None:
        once = self.node.exact()
        if once is None or self.low != self.high or self.low > MIN_LITERAL * 8:
            return None
        return once * self.low

    def required(self) -> tuple[str, ...] | None:
        return _Node.required(self) or (self.node.required() if self.low >= 1 else None)

    def width(self) -> int | None:
        once = self.node.width()
        if once == 0:
            return 0
        if once is None or self.high is None:
            return None
        return _bounded(once * self.high)


@dataclass(frozen=True, slots=True)
class Group(_Node):
    """``(...)`` of any consuming kind; ``start``/``end`` span it in the source, parentheses
    included; ``body_start`` is where what is inside starts."""

    body: Choice
    non_capturing: bool
    start: int
    end: int
    body_start: int

    def exact(self) -> str | None:
        return self.body.exact()

    def required(self) -> tuple[str, ...] | None:
        return self.body.required()

    def width(self) -> int | None:
        return self.body.width()


@dataclass(frozen=True, slots=True)
class Concat(_Node):
    items: tuple[Node, ...]

    def exact(self) -> str | None:
        parts = [item.exact() for item in self.items]
        return None if None in parts else "".join(p for p in parts if p is not None)

    def required(self) -> tuple[str, ...] | None:
        """The longest run of exactly known items, or else the best of the items' own strings."""
        runs = [""]
        for known in (item.exact() for item in self.items):
            if known is None:
                runs.append("")
            else:
                runs[-1] += known
        longest = max(runs, key=len)
        if len(longest) >= MIN_LITERAL:
            return (longest,)
        options = [found for found in (item.required() for item in self.items) if found]
        return max(options, key=lambda found: min(map(len, found)), default=None)

    def width(self) -> int | None:
        parts = [item.width() for item in self.items]
        return None if None in parts else _bounded(sum(p for p in parts if p is not None))


@dataclass(frozen=True, slots=True)
class Choice(_Node):
    """Alternatives, with where each one is written in the source."""

    branches: tuple[Concat, ...]
    spans: tuple[tuple[int, int], ...]

    def exact(self) -> str | None:
        return self.branches[0].exact() if len(self.branches) == 1 else None

    def required(self) -> tuple[str, ...] | None:
        found = [branch.required() for branch in self.branches]
        return None if None in found else tuple(s for each in found if each for s in each)

    def width(self) -> int | None:
        parts = [branch.width() for branch in self.branches]
        return None if None in parts else max(p for p in parts if p is not None)


Node = Char | Empty | Opaque | Repeat | Group | Concat | Choice


# Escapes that stand for one node whatever follows: classes, anchors, control characters.
_SIMPLE_ESCAPES: dict[str, Node] = {
    **{letter: Char(None) for letter in "dDwWsS"},
    **{letter: Empty() for letter in "bBAZ"},
    **{letter: Char(control) for letter, control in zip("afnrtv", "\a\f\n\r\t\v", strict=True)},
}
_HEX_LENGTHS = {"x": 2, "u": 4, "U": 8}
_OCTAL = frozenset("01234567")
_FLAG_LETTERS = frozenset("aiLmsux")
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


class _Reader:
    """Reads a regex source left to right into the tree above."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.at = 0

    def peek(self, length: int = 1) -> str:
        return self.source[self.at : self.at + length]

    def take(self, expected: str) -> bool:
        if self.source.startswith(expected, self.at):
            self.at += len(expected)
            return True
        return False

    def choice(self) -> Choice:
        branches, spans = [], []
        while True:
            start = self.at
            branches.append(self.sequence())
            spans.append((start, self.at))
            if not self.take("|"):
                return Choice(tuple(branches), tuple(spans))

    def sequence(self) -> Concat:
        items: list[Node] = []
        while self.at < len(self.source) and self.peek() not in "|)":
            node = self.atom()
            if node is None and items:
                # A comment or inline flags are no item: a quantifier after them repeats the
                # item before them (``a(?#x)*`` is ``a*``), as ``re`` reads it.
                items[-1] = self.quantified(items[-1])
            elif node is not None:
                items.append(self.quantified(node))
        return Concat(tuple(items))

    def quantified(self, node: Node) -> Node:
        bounds = self.quantifier()
        if bounds is None:
            return node
        if self.peek() in ("?", "+"):  # lazy or possessive: the same strings match
            self.at += 1
        return Repeat(node, *bounds)

    def quantifier(self) -> tuple[int, int | None] | None:
        char = self.peek()
        simple = {"*": (0, None), "+": (1, None), "?": (0, 1)}.get(char)
        if simple is not None:
            self.at += 1
            return simple
        written = _QUANTIFIER.match(self.source, self.at) if char == "{" else None
        if written is None or written.group() == "{}":
            return None  # a "{" that opens no quantifier is a literal
        low = int(written.group(1) or 0)
        high_text = written.group(3) if written.group(2) else written.group(1)
        self.at = written.end()
        return low, int(high_text) if high_text else None

    def atom(self) -> Node | None:
        char = self.peek()
        self.at += 1
        if char == "(":
            return self.group()
        if char == "[":
            self.skip_class()
            return Char(None)
        if char == "\\":
            return self.escape()
        if char in "^$":
            return Empty()
        if char == ".":
            return Char(None)
        return Char(char, plain=True)

    def skip_class(self) -> None:
        """Past a character class; a "]" first (after an optional "^") is a member."""
        self.take("^")
        self.take("]")
        while self.at < len(self.source):
            char = self.peek()
            self.at += 2 if char == "\\" else 1
            if char == "]":
                return
        raise Unsure("unterminated character class")

    def escape(self) -> Node:
        char = self.peek()
        self.at += 1
        simple = _SIMPLE_ESCAPES.get(char)
        if simple is not None:
            return simple
        if char in _HEX_LENGTHS:
            digits = self.peek(_HEX_LENGTHS[char])
            self.at += len(digits)
            return Char(chr(int(digits, 16)))
        if char == "N":
            self.past("}")
            return Char(None)  # a named character: rarely ASCII, and one character wide
        if char.isdigit():
            return self.numbered_escape(char)
        if not char or (char.isascii() and char.isalpha()):
            raise Unsure(f"unknown escape \\{char}")
        return Char(char)

    def numbered_escape(self, first: str) -> Node:
        """An octal character (``\\0``, ``\\012``, ``\\141``) or a backreference (``\\1``)."""
        if first == "0":
            digits = first
            while len(digits) < 3 and self.peek() in _OCTAL and self.peek():
                digits += self.peek()
                self.at += 1
            return Char(chr(int(digits, 8)))
        follow = self.peek(2)
        if first in _OCTAL and len(follow) == 2 and set(follow) <= _OCTAL:
            self.at += 2
            return Char(chr(int(first + follow, 8)))
        if self.peek().isdigit():
            self.at += 1
        return Opaque()

    def group(self) -> Node | None:
        start = self.at - 1
        if not self.take("?"):
            return self.group_body(start, non_capturing=False)
        if self.take(":") or self.take(">"):
            return self.group_body(start, non_capturing=True)
        if self.take("P<"):
            self.past(">")
            return self.group_body(start, non_capturing=False)
        if self.take("P="):
            self.past(")")
            return Opaque()
        if self.take("#"):
            self.past(")")
            return None
        for lookaround in ("=", "!", "<=", "<!"):
            if self.take(lookaround):
                self.group_body(start, non_capturing=True)
                return Empty()
        if self.take("("):
            self.past(")")
            self.group_body(start, non_capturing=True)  # yes|no: read to find the end
            return Opaque()
        return self.flags(start)

    def flags(self, start: int) -> Node | None:
        """``(?imsx-imsx:...)`` or ``(?aiLmsux)``: letters then ``:`` (scoped) or ``)``."""
        turned_on = ""
        while self.peek() in _FLAG_LETTERS and self.peek():
            turned_on += self.peek()
            self.at += 1
        if self.take("-"):
            while self.peek() in _FLAG_LETTERS and self.peek():
                self.at += 1
        if "x" in turned_on:
            raise Unsure("verbose patterns are not read")
        if self.take(")"):
            return None
        if self.take(":"):
            return self.group_body(start, non_capturing=True)
        raise Unsure("unknown group syntax")

    def group_body(self, start: int, *, non_capturing: bool) -> Group:
        body_start = self.at
        body = self.choice()
        if not self.take(")"):
            raise Unsure("unbalanced parenthesis")
        return Group(body, non_capturing, start, self.at, body_start)

    def past(self, marker: str) -> None:
        end = self.source.find(marker, self.at)
        if end < 0:
            raise Unsure(f"no closing {marker!r}")
        self.at = end + len(marker)


@lru_cache(maxsize=4096)
def parse(pattern: str, flags: int = 0) -> Choice | None:
    """The tree of a pattern; None when ``re`` rejects it or this reader is unsure of it."""
    if flags & re.VERBOSE:
        return None
    try:
        re.compile(pattern, flags)
    except (re.error, ValueError):
        return None
    return _read_tree(pattern)


@lru_cache(maxsize=4096)
def _read_tree(pattern: str) -> Choice | None:
    """The tree of a pattern ``re`` accepts; None when this reader is unsure of it."""
    try:
        reader = _Reader(pattern)
        tree = reader.choice()
    except (Unsure, ValueError):
        return None
    return tree if reader.at == len(pattern) else None


# --- The questions the fast path asks ----------------------------------------------------------


def required_literals(patterns: Sequence[re.Pattern[str]]) -> tuple[str, ...] | None:
    """Strings, one of which every match of one of the patterns holds, in lower case: a text
    without any of them (lower-cased, see ``RawText.searchable``) has no match. None when a
    pattern gives none (a run of ``MIN_LITERAL`` ASCII characters it must match literally)."""
    literals: list[str] = []
    for pattern in patterns:
        tree = parse(pattern.pattern, pattern.flags)
        found = tree.required() if tree is not None else None
        if found is None:
            return None
        literals.extend(found)
    return tuple(dict.fromkeys(literals))


def max_width(pattern: str, *, compiled: bool = False) -> int | None:
    """At most how many characters a match of the regex spans; None when unbounded or unknown.
    ``compiled``: the caller has compiled the pattern (a phrase list of thousands of
    branches is then not compiled again only to be checked)."""
    tree = _read_tree(pattern) if compiled else parse(pattern)
    return tree.width() if tree is not None else None


def top_level_branches(pattern: str) -> list[str] | None:
    """The source of each top-level alternative (``a[|]b|c`` -> ``a[|]b``, ``c``); None when
    the pattern cannot be read for sure."""
    tree = parse(pattern)
    return None if tree is None else [pattern[start:end] for start, end in tree.spans]


def leading_group(pattern: str) -> tuple[str, str] | None:
    """``(?:inner)after`` at the start of a one-branch pattern as (inner, after); None when it
    does not start with a non-capturing group."""
    tree = parse(pattern)
    if tree is None or len(tree.branches) != 1 or not tree.branches[0].items:
        return None
    first = tree.branches[0].items[0]
    if isinstance(first, Repeat):
        first = first.node  # the quantifier stays in ``after``
    if not isinstance(first, Group) or not first.non_capturing or first.start != 0:
        return None
    if not pattern.startswith("(?:"):
        return None  # atomic or flag-scoped groups are not spelled out
    return pattern[first.body_start : first.end - 1], pattern[first.end :]


def plain_runs(pattern: str, keep: Callable[[str], bool]) -> list[str] | None:
    """Runs of characters every match of a one-branch pattern holds in a row, each written as
    itself at the top level and passing ``keep``. A character repeated at least once ends
    the run before it and starts the next (``ab+c`` holds ``ab`` and ``bc``). None when the
    pattern cannot be read for sure or has more than one branch."""
    tree = parse(pattern)
    if tree is None or len(tree.branches) != 1:
        return None
    runs = [""]
    for item in tree.branches[0].items:
        char = _plain_char(item)
        if char is None or not keep(char) or (isinstance(item, Repeat) and item.low < 1):
            runs.append("")
            continue
        runs[-1] += char
        if isinstance(item, Repeat):  # repeated: the copies after the first start a new run
            runs.append(char)
    return runs


def required_choice(pattern: str, keep: Callable[[str], bool]) -> tuple[str, ...] | None:
    """The strings of a group one of which every match of a one-branch pattern holds, each
    branch of the group written as itself with characters passing ``keep``
    (``x(?:ab|cd)y`` -> ``ab``, ``cd``); of several such groups, the one whose shortest string
    is longest. None when the pattern has no such group or cannot be read for sure."""
    tree = parse(pattern)
    if tree is None or len(tree.branches) != 1:
        return None
    choices = [_group_strings(item, keep) for item in tree.branches[0].items]
    return max(
        (choice for choice in choices if choice), key=lambda c: min(map(len, c)), default=None
    )


def required_groups(pattern: str) -> list[str] | None:
    """The source of the inside of each top-level group (plain or non-capturing) every match
    of a one-branch pattern passes through (``a(?:b|c)d(e)?`` -> ``b|c``); None when the
    pattern cannot be read for sure or has more than one branch."""
    tree = parse(pattern)
    if tree is None or len(tree.branches) != 1:
        return None
    found = []
    for item in tree.branches[0].items:
        if isinstance(item, Repeat) and item.low >= 1:
            item = item.node
        opening = pattern[item.start : item.start + 3] if isinstance(item, Group) else ""
        if isinstance(item, Group) and (opening == "(?:" or opening[1:2] != "?"):
            found.append(pattern[item.body_start : item.end - 1])
    return found


def _group_strings(item: Node, keep: Callable[[str], bool]) -> tuple[str, ...] | None:
    """The strings of a group that a match holds (once at least), when each of its branches
    is a non-empty string written as itself; None for any other item."""
    if isinstance(item, Repeat) and item.low >= 1:
        item = item.node
    if not isinstance(item, Group):
        return None
    strings = tuple(_written_string(branch, keep) for branch in item.body.branches)
    return None if not all(strings) else tuple(s for s in strings if s)


def _written_string(branch: Concat, keep: Callable[[str], bool]) -> str | None:
    """The string a branch of characters written as themselves matches; None for any other."""
    chars = [_plain_char(item) if isinstance(item, Char) else None for item in branch.items]
    if None in chars or not all(keep(c) for c in chars if c is not None):
        return None
    return "".join(c for c in chars if c is not None)


def _plain_char(node: Node) -> str | None:
    inner = node.node if isinstance(node, Repeat) else node
    return inner.char if isinstance(inner, Char) and inner.plain else None
