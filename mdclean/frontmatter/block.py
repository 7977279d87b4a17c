"""Where a document's front matter is: the delimiters, the lines between them, what comes before.

markdown-it's front matter plugin only sees a ``---`` block on the very first line
and drops an unterminated one. Generators are pickier or looser than that, and
the rules need the raw block anyway, so every front matter rule starts here:
``locate`` reads the first lines of the raw text once per document.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..document import Document
from . import simple

BOM = "\ufeff"
YAML_FENCE = re.compile(r"---[ \t]*")
TOML_FENCE = re.compile(r"\+\+\+[ \t]*")
YAML_CLOSE = re.compile(r"(?:-{3,}|\.\.\.)[ \t]*")
"""Closing lines markdown-it accepts (and Jekyll's ``...``)."""


@dataclass(frozen=True)
class FrontMatter:
    """One front matter block, in 0-based document lines."""

    format: str
    """"yaml" (``---``) or "toml" (``+++``)."""
    open_line: int
    """The line of the opening delimiter."""
    close_line: int | None
    """The line of the closing delimiter; None when the block is never closed."""
    lines: tuple[str, ...]
    """The lines between the delimiters (up to the text end if unclosed), without line breaks."""
    bom: bool
    """The text starts with U+FEFF before the opening delimiter."""

    @property
    def body_line(self) -> int:
        """The document line of the body's first line."""
        return self.open_line + 1

    @property
    def body(self) -> str:
        """The body as one text with ``\n`` line breaks, so parser lines are body lines."""
        return "".join(line + "\n" for line in self.lines)

    @property
    def closed(self) -> bool:
        return self.close_line is not None

    @cached_property
    def simple_data(self) -> dict[str, Any] | None:
        """The data of a simple YAML body (see :mod:`.simple`); None for any other block."""
        return simple.read(self.lines) if self.format == "yaml" else None


_CACHE: weakref.WeakKeyDictionary[Document, FrontMatter | None] = weakref.WeakKeyDictionary()


def locate(doc: Document) -> FrontMatter | None:
    """The document's front matter: the first non-blank line is ``---`` or ``+++`` (after a BOM)."""
    if doc in _CACHE:
        return _CACHE[doc]
    found = _locate(doc)
    _CACHE[doc] = found
    return found


def _locate(doc: Document) -> FrontMatter | None:
    # Reads the text itself, not the document's line table: a page whose front matter
    # is all a rule looks at need not have its lines counted.
    text = doc.text
    bom = text.startswith(BOM)
    lines = _lines(text)
    line = 0
    for first in lines:
        if line == 0 and bom:
            first = first[1:]
        if first.strip() != "":
            break
        line += 1
    else:
        return None
    if YAML_FENCE.fullmatch(first):
        fmt, close = "yaml", YAML_CLOSE
    elif TOML_FENCE.fullmatch(first):
        fmt, close = "toml", TOML_FENCE
    else:
        return None
    body: list[str] = []
    close_line = None
    for n, candidate in enumerate(lines, line + 1):
        if close.fullmatch(candidate):
            close_line = n
            break
        body.append(candidate)
    return FrontMatter(fmt, line, close_line, tuple(body), bom)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> Iterator[str]:
    """The text's lines without their breaks, as ``Document.line_text`` gives them, one at a time."""
    start, end = 0, len(text)
    while True:
        m = _LINE_BREAK.search(text, start)
        if m is None:
            yield text[start:]
            return
        yield text[start : m.start()]
        start = m.end()
        if start == end:
            return  # a final line break does not start another line


def offset(doc: Document, block: FrontMatter, line: int, column: int = 0) -> int:
    """Document offset of a 0-based body line and column (clamped to the line)."""
    doc_line = min(block.body_line + line, doc.line_count)
    if doc_line >= doc.line_count:
        return len(doc.text)
    return doc.line_offset(doc_line) + min(column, len(doc.line_text(doc_line)))
