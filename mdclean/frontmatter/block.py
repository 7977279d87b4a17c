"""Where a document's front matter is: the delimiters, the lines between them, what comes before.

markdown-it's front matter plugin only sees a ``---`` block on the very first line
and drops an unterminated one. Generators are pickier or looser than that, and
the rules need the raw block anyway, so every front matter rule starts here:
``locate`` reads the first lines of the raw text once per document.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from ..document import Document

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

    @property
    def at_start(self) -> bool:
        """Whether generators see the block: nothing at all before the opening delimiter."""
        return self.open_line == 0 and not self.bom


_CACHE: weakref.WeakKeyDictionary[Document, FrontMatter | None] = weakref.WeakKeyDictionary()


def locate(doc: Document) -> FrontMatter | None:
    """The document's front matter: the first non-blank line is ``---`` or ``+++`` (after a BOM)."""
    if doc in _CACHE:
        return _CACHE[doc]
    found = _locate(doc)
    _CACHE[doc] = found
    return found


def _locate(doc: Document) -> FrontMatter | None:
    bom = doc.text.startswith(BOM)
    line = 0
    while line < doc.line_count and _strip_bom(doc.line_text(line), line, bom).strip() == "":
        line += 1
    if line >= doc.line_count:
        return None
    first = _strip_bom(doc.line_text(line), line, bom)
    if YAML_FENCE.fullmatch(first):
        fmt, close = "yaml", YAML_CLOSE
    elif TOML_FENCE.fullmatch(first):
        fmt, close = "toml", TOML_FENCE
    else:
        return None
    close_line = next((n for n in range(line + 1, doc.line_count) if close.fullmatch(doc.line_text(n))), None)
    end = close_line if close_line is not None else doc.line_count
    lines = tuple(doc.line_text(n) for n in range(line + 1, end))
    return FrontMatter(fmt, line, close_line, lines, bom)


def _strip_bom(text: str, line: int, bom: bool) -> str:
    return text[1:] if bom and line == 0 else text



def offset(doc: Document, block: FrontMatter, line: int, column: int = 0) -> int:
    """Document offset of a 0-based body line and column (clamped to the line)."""
    doc_line = min(block.body_line + line, doc.line_count)
    if doc_line >= doc.line_count:
        return len(doc.text)
    return doc.line_offset(doc_line) + min(column, len(doc.line_text(doc_line)))
