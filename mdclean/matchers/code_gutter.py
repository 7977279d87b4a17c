"""``code-gutter``: the line numbers of a highlighted code block, left as a paragraph of numbers.

Code highlighters number a block's lines in a column of their own: Hexo's and Hugo's
``figure.highlight`` / ``lineNos=table`` tables (a ``td.gutter`` beside a ``td.code``),
Rouge's and Pygments' ``lineno`` tables, highlight.js and Prism line-number plugins,
WordPress's SyntaxHighlighter, Crayon and Enlighter. A converter or crawler that reads the
page's text (Jina Reader, text dumps, html2text) writes that column as lines ``1``, ``2`` …
``N`` before the code, and a table's cell break as a line holding only a tab.

A run of lines that count ``1`` … ``N`` goes when the cell break stands between it and the
code (the highlighter's table, exactly), or when it is a paragraph of its own (three lines or
more) right before a code block of exactly ``N`` lines. The run may close an article's
paragraph that the dump glued to it (a heading written as a line): then only its lines go.
The cell break makes it safe (the numbers count from one without a gap, and the table's
shape is exact); before a code block it waits for ``--unsafe-fixes``. Program output (``1 2 3``) is written in a code block or after the code, not
before a cell break; a numbered list is ``1.``; a table of numbers is a table.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from types import MappingProxyType

from ..document import Document, Node
from ..fastpath.triggers import Search, Trigger
from ..models import Applicability, Finding
from ..removal import remove_blocks, remove_lines
from .base import Matcher

_NUMBER = re.compile(r" {0,3}([1-9][0-9]{0,3})[ \t\r]*")
# A line "1" followed by a line "2", or by blank lines one of which holds a tab (a table's cell
# break): no gutter is without one or the other.
_GUTTER_START = re.compile(r"(?m)^ {0,3}1[ \t\r]*\n(?: {0,3}2[ \t\r]*\n|(?:[ \t\r]*\n)*[ \t]*\t)")
_MIN_ALONE = 3
"""A run without the cell break after it counts at least this many lines (``1 2`` is too
little to tell from a short list of numbers)."""


class CodeGutterMatcher(Matcher):
    name = "code-gutter"
    params = MappingProxyType({})

    def trigger(self) -> Trigger:
        """A line ``1`` before a line ``2`` or before a cell break (a line holding a tab)."""
        return Search(_GUTTER_START, folded=False)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("paragraph", "fence"):
            finding = self._gutter(doc, node) if node.kind == "paragraph" else _fenced(doc, node)
            if finding is not None:
                yield finding

    def _gutter(self, doc: Document, node: Node) -> Finding | None:
        end = doc.content_end_line(node)
        first = _counted_run(doc, node.start_line, end)
        if first is None:
            return None
        whole = first == node.start_line
        safety: Applicability | None = None
        if _cell_break_after(doc, end):
            edit = remove_blocks(doc, node) if whole else remove_lines(doc, first, end)
        elif whole and _matches_next_code(node, end - first):
            # Program output may stand before code of as many lines: only the shape tells.
            edit, safety = remove_blocks(doc, node), Applicability.UNSAFE
        else:
            return None
        start = doc.line_offset(first)
        return Finding(start, doc.line_end(end - 1), edits=(edit,), applicability=safety)


def _fenced(doc: Document, node: Node) -> Finding | None:
    """A fence of nothing but ``1`` … ``N``, without a language, right before code of exactly
    ``N`` lines: a converter that wrote the gutter's cell as a code block of its own (Turndown,
    MarkDownload). Program output stands after its code, not before code of its length."""
    token = node.token
    if token is None or token.info.strip().lower() not in ("", "text", "plaintext", "plain"):
        return None
    lines = token.content.rstrip("\n").split("\n")
    numbers = [_NUMBER.fullmatch(line) for line in lines]
    if not all(numbers) or [int(m.group(1)) for m in numbers if m] != list(
        range(1, len(lines) + 1)
    ):
        return None
    if not _matches_next_code(node, len(lines)):
        return None
    start, end = doc.node_span(node)
    # The guard keeps code blocks; this one is the converter's writing, as a copy button's
    # caption in code is (``Edit.code_caption``), and goes whole.
    edit = dataclasses.replace(remove_blocks(doc, node), code_caption=True)
    return Finding(start, end, edits=(edit,), applicability=Applicability.UNSAFE)


def _counted_run(doc: Document, start: int, end: int) -> int | None:
    """The first line of the run of lines ``1`` … ``N`` that ends the lines ``start``..``end``,
    or None: the numbers read back from the last line must fall by one down to ``1``."""
    line = end - 1
    expected: int | None = None
    while line >= start:
        match = _NUMBER.fullmatch(doc.line_text(line))
        if match is None:
            return None
        number = int(match.group(1))
        if expected is not None and number != expected:
            return None
        if number == 1:
            return line
        expected = number - 1
        line -= 1
    return None


def _cell_break_after(doc: Document, end: int) -> bool:
    """Whether the blank lines after line ``end`` hold a tab (the cell break a text dump writes
    between a table's gutter and code) and a line of text follows them."""
    line, tab = end, False
    while line < doc.line_count and doc.line_text(line).strip(" \t\r") == "":
        tab = tab or "\t" in doc.line_text(line)
        line += 1
    return tab and line < doc.line_count


def _matches_next_code(node: Node, count: int) -> bool:
    """Whether the block right after ``node`` is code of exactly ``count`` lines (``count`` at
    least ``_MIN_ALONE``): the numbers are that block's gutter."""
    following = node.next_sibling
    if count < _MIN_ALONE or following is None or not following.is_code:
        return False
    token = following.token
    content = token.content if token is not None else ""
    return len(content.rstrip("\n").split("\n")) == count
