"""``repeated-run``: a run of blocks that repeats an earlier run of the same page, line for line.

A clipper that grabs a page twice, or a blog platform that renders its article
once for the page and once more for a preview, leaves the article in the file
two or three times (CSDN clippings). Top-level blocks are compared line by line,
blank lines and the spaces around each line set aside. A run of at least
``min_blocks`` consecutive blocks equal to an earlier run is the copy, and goes
(the first copy stays), when it is an article's text and sits where a second
copy of the page sits:

- its lines of ``min_line_chars`` characters or more (prose, not rules, labels or
  short code lines) hold ``min_words`` words (Chinese and Japanese counted by
  characters, two to a word);
- the first run opens the page, or the copy ends it (but for one block: a
  clipper may cut a third copy short), or the copy comes right after the first run.

A section a docs page repeats on purpose (the same example under two methods,
the same note in two places) sits in the middle of the page and is short: it stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..document import LINE_BREAK, Document
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .linkblocks import word_count

# ``str.splitlines`` (fast) also breaks at these; a text holding one is split as markdown does.
_OTHER_LINE_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
# Earlier blocks tried as the start of a copy, nearest first: bounds the work on a page of many
# equal blocks (rules, empty cells); a real copy starts at a block that is seldom repeated.
_MAX_CANDIDATES = 64

# A repeat followed by no more blocks than this ends the page (a clipper may cut a third copy
# short after its first block).
_TAIL_BLOCKS = 1

Fingerprint = tuple[str, ...]


def _stripped_lines(text: str) -> list[str]:
    """The text's lines as markdown breaks them, without the spaces around each."""
    if any(mark in text for mark in _OTHER_LINE_BREAKS):
        return [line.strip() for line in LINE_BREAK.split(text)]
    return list(map(str.strip, text.splitlines()))


class RepeatedRunMatcher(Matcher):
    name = "repeated-run"
    params = MappingProxyType(
        {"keywords": list, "min_blocks": int, "min_words": int, "min_line_chars": int}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_blocks = int(params.get("min_blocks", 4))
        self.min_words = int(params.get("min_words", 500))
        self.min_line_chars = int(params.get("min_line_chars", 40))

    def trigger(self) -> Trigger:
        """A keyword, and long lines that occur again holding ``min_words`` words."""
        # Hand-written: no declaration counts repeated lines.
        return all_of(
            self.keyword_trigger(),
            Check(self._long_lines_repeat, "repeated long lines hold enough characters"),
        )

    def _long_lines_repeat(self, lowered_text: str) -> bool:
        """False unless the long lines that occur again hold ``min_words`` words.

        Every long line of the copy equals one of the first run, earlier in the text (the runs
        do not overlap): a line standing ``n`` times is at most ``n - 1`` times in the copy, so
        the copy's long lines hold at most the words of the repeats. A word is at least one
        character: lines whose characters fall short are not counted word by word.
        """
        if len(lowered_text) < 2 * self.min_words:
            return False
        counts = Counter(_stripped_lines(lowered_text))
        repeats = [
            (n - 1, line)
            for line, n in counts.items()
            if n > 1 and len(line) >= self.min_line_chars
        ]
        if sum(n * len(line) for n, line in repeats) < self.min_words:
            return False
        return sum(n * word_count(line) for n, line in repeats) >= self.min_words

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        lines = _stripped_lines(doc.text)
        prints = [tuple(filter(None, lines[node.start_line : node.end_line])) for node in blocks]
        earlier: dict[Fingerprint, list[int]] = {}
        index = 0
        while index < len(blocks):
            length, origin = self._copy_length(prints, earlier, index)
            if length:
                first, last = blocks[index], blocks[index + length - 1]
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                # A copy of the page's opening run is a second copy of the page: certain.
                sure = safe_if(origin == 0)
                edits = (remove_blocks(doc, first, last),)
                yield Finding(start, end, edits=edits, applicability=sure)
                index += length
                continue
            earlier.setdefault(prints[index], []).append(index)
            index += 1

    def _copy_length(
        self, prints: Sequence[Fingerprint], earlier: Mapping[Fingerprint, list[int]], index: int
    ) -> tuple[int, int]:
        """How many blocks from ``index`` on are a copy of an earlier run, and where that run
        starts (the earliest of the longest); 0 blocks when they are none."""
        best, start = 0, -1
        for origin in reversed(earlier.get(prints[index], ())[-_MAX_CANDIDATES:]):
            length = _common_length(prints, origin, index)
            if length >= best and _placed_as_a_copy(origin, index, length, len(prints)):
                best, start = length, origin
        if best < self.min_blocks or not self._holds_prose(prints[index : index + best]):
            return 0, -1
        return best, start

    def _holds_prose(self, run: Sequence[Fingerprint]) -> bool:
        """Whether a run's long lines hold an article's words."""
        long_lines = (line for lines in run for line in lines if len(line) >= self.min_line_chars)
        return sum(map(word_count, long_lines)) >= self.min_words


def _common_length(prints: Sequence[Fingerprint], origin: int, index: int) -> int:
    """How many blocks from ``index`` on equal those from ``origin`` on, the first run ending
    before the repeat starts."""
    length = 1
    while (
        origin + length < index
        and index + length < len(prints)
        and prints[origin + length] == prints[index + length]
    ):
        length += 1
    return length


def _placed_as_a_copy(origin: int, index: int, length: int, count: int) -> bool:
    """Whether a repeat sits where a second copy of the page sits: the first run opens the page,
    or the repeat ends it (but for a block), or the repeat comes right after the first run. A docs page that
    repeats a section under two headings has a heading (and more) between the two."""
    return origin == 0 or index + length >= count - _TAIL_BLOCKS or origin + length == index
