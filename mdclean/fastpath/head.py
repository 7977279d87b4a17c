"""The head of a Markdown body: the raw text that its first top-level blocks can span.

A rule that reads only the page's first ``n`` top-level blocks (a byline above the article)
need not be triggered by its words further down. Without a parse the bound must be sound:
every count below is at most the number of top-level blocks that have ended by then.

- A blank line ends a paragraph, heading, table, block quote or HTML block of kinds 6-7: a
  chunk of lines between blank lines opening after a blank line starts at least one block
  (unless it opens with ``[``: link reference definitions make no block).
- A fence runs to its closing fence, an HTML block of kinds 1-5 to its end marker: one block.
- A list or indented code runs across blank lines: it counts once, and goes on until a blank
  line is followed by a line with no indentation that opens no list item.

When the raw text cannot tell (front matter left in, lone CR line breaks, an unclosed fence),
there is no head: the whole text counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LINE = re.compile(r"[^\n]*\n|[^\n]+")  # markdown-it's lines: only LF ends one
_FENCE = re.compile(r" {0,3}(`{3,}(?=[^`\n]*$)|~{3,})")
# A list item's marker, or indentation as deep as code's (four columns): may run on past blank lines.
_RUNS_ON = re.compile(r" {0,3}(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]|\r?\n|$)| {4}| {0,3}\t")
# The openings of HTML blocks of kinds 1-5 (the text is lower-cased), with their end markers
# (CommonMark's: a block of these kinds runs over blank lines to its marker). The phrase shapes
# read the same markers.
_LONG_HTML = re.compile(
    r" {0,3}<(?:(?:script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[cdata\[)|(![a-z]))"
)
LONG_HTML_ENDS = (
    re.compile(r"</(?:script|pre|style|textarea)>"),
    re.compile("-->"),
    re.compile(r"\?>"),
    re.compile(r"\]\]>"),
    re.compile(">"),
)
_MAY_HOLD_NO_BLOCK = re.compile(r" {0,3}\[")


def _is_blank(line: str) -> bool:
    """Blank as markdown-it sees it: spaces and tabs only (not every Unicode space)."""
    return not line.strip(" \t\r\n")


class _Reader:
    """Reads the text line by line, counting the top-level blocks surely ended."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _LINE.findall(text)
        self.at = 0  # index of the next line
        self.offset = 0  # where the next line starts
        self.counted = 0
        self.in_chunk = False  # whether the last line read was not blank
        self.running_on = False  # inside a list or indented code
        self.after_blank = True

    def ended(self, blocks: int) -> bool:
        """Whether ``blocks`` blocks have started and every block started has ended at the
        next blank line (no list or indented code may run on past it)."""
        return self.in_chunk and not self.running_on and self.counted >= blocks

    def take(self) -> str:
        line: str = self.lines[self.at]
        self.at += 1
        self.offset += len(line)
        return line

    def read(self, line: str) -> bool:
        """Reads one line (already taken); False when the raw text cannot tell."""
        if _is_blank(line):
            self.in_chunk = False
            self.after_blank = True
            return True
        new_block = self._opens_new_block(line)
        self.after_blank = False
        skipped = self._skip_long_block(line)
        if skipped is None:
            return False
        if not skipped and _RUNS_ON.match(line):
            self.running_on = True  # counted once, where it opens a chunk
        if new_block and (skipped or not _MAY_HOLD_NO_BLOCK.match(line)):
            self.counted += 1
        self.in_chunk = True
        return True

    def _opens_new_block(self, line: str) -> bool:
        """Whether the non-blank ``line`` surely starts a top-level block: it opens a chunk,
        and ends the list or indented code that ran before it, if any."""
        if self.in_chunk:
            return False
        if self.running_on and not self._leaves_run(line):
            return False
        self.running_on = False
        return True

    def _leaves_run(self, line: str) -> bool:
        """After a blank line, a line with no indentation that opens no list item ends a run."""
        return self.after_blank and not line[0].isspace() and _RUNS_ON.match(line) is None

    def _skip_long_block(self, line: str) -> bool | None:
        """Takes the lines of a fence or long HTML block opened by ``line``: True when it did,
        False when ``line`` opens none, None when its end cannot be found."""
        fence = _FENCE.match(line)
        if fence is not None:
            run = fence.group(1)
            closing = re.compile(rf" {{0,3}}{re.escape(run[0])}{{{len(run)},}}[ \t]*\r?\n?")
            return self._skip_to(lambda later: closing.fullmatch(later) is not None)
        html = _LONG_HTML.match(line)
        if html is None:
            return False
        end = LONG_HTML_ENDS[html.lastindex or 0]  # kind 1 has no group
        if end.search(line, html.end()):
            return True
        return self._skip_to(lambda later: end.search(later) is not None)

    def _skip_to(self, closes: Callable[[str], bool]) -> bool | None:
        while self.at < len(self.lines):
            if closes(self.take()):
                return True
        return None


def body_head(text: str, blocks: int) -> str | None:
    """The start of ``text`` that surely holds its first ``blocks`` top-level blocks (up to
    and with the blank line after the last of them); None when the raw text cannot tell."""
    if text.startswith("---") or lone_cr(text):
        return None  # front matter the prefilter left in, or lone CR line breaks
    # The reader reads line after line, so the lines of a first stretch tell what the whole
    # text would, when they tell it: a long page is not cut into lines only for its head.
    cut = text.find("\n", _FIRST_STRETCH) + 1
    stretch = text[:cut] if cut else text
    end = _head_end(stretch, blocks)
    if end is None and len(stretch) < len(text):
        end = _head_end(text, blocks)
    # A reference definition further down may name a link of the head: the triggers read
    # such definitions in the text they are given.
    return None if end is None or "]:" in text[end:] else text[:end]


_FIRST_STRETCH = 4096  # characters: a head of a few blocks is rarely longer


def lone_cr(text: str) -> bool:
    """Whether a CR stands in the text other than before a LF."""
    return "\r" in text and "\r" in text.replace("\r\n", "")


def _head_end(text: str, blocks: int) -> int | None:
    """Where the head of ``blocks`` blocks ends, as ``text``'s lines tell; None when they do
    not (they end first, or a line cannot be read)."""
    reader = _Reader(text)
    while reader.at < len(reader.lines):
        line = reader.take()
        if reader.ended(blocks) and _is_blank(line):
            return reader.offset
        if not reader.read(line):
            return None
    return None
