"""A whole-line match against a long phrase list, read only where the line's first letter allows.

The UI families hold about two thousand template strings; one regular expression of them
all tries every string at every line (a fifth of a millisecond a line: the trigger reads every
short line of every page). A line can only be a string that opens with the line's first
letter (what stands before it is punctuation), so the strings are grouped by their first
letter, and a line is read against its letter's group and the few strings that open with a
pattern ("[\\d.,]+ comments" opens with a digit; "(?:a|b)" with anything).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..fastpath.lazy import lazy_compile

_ANY = ""  # the group of strings that may open with any character
_DIGIT = "0"  # the group of strings that open with a count, and of lines opening with a digit
_COUNT_OPENING = re.compile(r"\[\\d[^\]]*\]")  # "[\d.,]+ comments"
_FIRST_WORD_CHAR = re.compile(r"[^\W_]")
_OPTIONAL = ("?", "*", "{")


def _group(phrase: str) -> str:
    """The group of a phrase: its first letter (lower case), digits, or any."""
    if _top_level_bar(phrase):
        return _ANY  # "a|b": each side opens with its own letter
    if _COUNT_OPENING.match(phrase):
        return _DIGIT
    first = phrase[:1]
    if not _FIRST_WORD_CHAR.fullmatch(first) or first.lower() != first.casefold():
        return _ANY
    if phrase[1:2] in _OPTIONAL:
        return _ANY  # "a?b": the first letter may be absent
    return _DIGIT if first.isdigit() else first.lower()


def _top_level_bar(phrase: str) -> bool:
    """Whether the phrase is an alternation outside any group or class."""
    depth, escaped, in_class = 0, False, False
    for char in phrase:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def _line_group(text: str) -> str | None:
    found = _FIRST_WORD_CHAR.search(text)
    if found is None:
        return None
    first = found.group()
    return _DIGIT if first.isdigit() else first.lower()


class PhraseBuckets:
    """``fullmatch(text)``: whether the line is one phrase, with nothing but punctuation
    (``[\\W_]``) before and after it, ignoring case."""

    def __init__(self, phrases: Iterable[str]) -> None:
        grouped: dict[str, list[str]] = defaultdict(list)
        for phrase in phrases:
            grouped[_group(phrase)].append(phrase)
        self._patterns = {key: _whole_line(group) for key, group in grouped.items()}

    def fullmatch(self, text: str) -> bool:
        key = _line_group(text)
        for group in (key, _ANY) if key is not None else (_ANY,):
            pattern = self._patterns.get(group)
            if pattern is not None and pattern.fullmatch(text):
                return True
        return False


def _whole_line(phrases: list[str]) -> re.Pattern[str]:
    alternation = "|".join(f"(?:{phrase})" for phrase in phrases)
    # Compiled when a line of its group is first asked about: most groups never are.
    return lazy_compile(rf"[\W_]*(?:{alternation})[\W_]*", re.IGNORECASE)
