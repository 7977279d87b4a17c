"""The Markdown body of a text as the fast path reads it, and the lines its readings point at.

The prefilter asks rules about the lower-cased body: the text past the front matter, which
only front matter rules see. A rule running on the parsed document may ask the same
readings (``body_of``) and turn the offsets one found into the document's lines
(``lines_at``): a block whose lines hold none of the places where a rule's label may stand
cannot open with that label, so its probe need not run. Lower-casing and the folding of the
readings change no line break, so a line of a reading is the same line of the document.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .raw_text import RawText, per_text

if TYPE_CHECKING:
    from ..document import Document

# A line that may close a front matter block, and one that surely does (the front_matter
# plugin's test: three or more dashes, or "...", then nothing but spaces; dashes may be
# indented up to three spaces).
_MAY_CLOSE = re.compile(r"^(?: *---|\.\.\.)", re.MULTILINE)
_CLOSES = re.compile(r"(?: {0,3}-{3,}|\.\.\.) *\r?$")


def front_matter_end(text: str) -> int:
    """Where the Markdown after the front matter starts: 0 when there is none, or when
    the raw text cannot tell for sure where markdown-it's front matter ends."""
    if not text.startswith("---"):
        return 0
    first_line_end = text.find("\n")
    if (
        first_line_end < 0
        or text[3:first_line_end].rstrip("\r").strip(" ")
        or "\r" in text.replace("\r\n", "")
    ):
        return 0  # an opening line with more on it, or lone CR line breaks: leave it to the parse
    closing = _MAY_CLOSE.search(text, first_line_end + 1)
    if closing is None:
        return 0  # unterminated: markdown-it reads the whole text as Markdown
    line_end = text.find("\n", closing.start())
    line = text[closing.start() : line_end if line_end >= 0 else len(text)]
    if not _CLOSES.fullmatch(line):
        return 0
    return line_end + 1 if line_end >= 0 else len(text)


@dataclass(frozen=True)
class Body:
    """A text's body as the prefilter reads it (lower-cased), the line it starts on, and the
    whole text (front matter rules read it; the body itself when there is no front matter)."""

    text: RawText
    first_line: int
    whole: RawText


_LINE_BREAK = re.compile(r"\r\n?|\n")  # the document's line breaks (``Document.line_starts``)


def read_body(lowered: str) -> Body:
    """The body of a lower-cased text, past its front matter."""
    whole = RawText(lowered)
    start = front_matter_end(lowered)
    if not start:
        return Body(whole, 0, whole)
    return Body(RawText(lowered[start:]), len(_LINE_BREAK.findall(lowered, 0, start)), whole)


def keep_body(doc: Document, body: Body) -> None:
    """Keep the body the prefilter read of the document's text with the document: the rules
    that run share the readings the prefilter made; and the document with the body's text,
    for a trigger that must read what lower-casing loses or the settings (``document_of``)."""
    doc.shared("fast_path")["body"] = body
    body.text.readings[_DOCUMENT] = weakref.ref(doc)  # (no cycle: the document keeps the body)


_DOCUMENT = object()  # the key of a ``RawText``'s document among its readings


def document_of(text: str) -> Document | None:
    """The document whose body ``text`` is, when the prefilter asks about one (None for a
    text alone: a trigger that needs the document then says "maybe")."""
    if not isinstance(text, RawText):
        return None
    kept: weakref.ref[Document] | None = text.readings.get(_DOCUMENT)
    return kept() if kept is not None else None


def body_of(doc: Document) -> Body:
    """The lower-cased body of the document's text (the one the prefilter read, when it kept
    it), read once per document: the rules that ask share its readings."""
    store = doc.shared("fast_path")
    body: Body | None = store.get("body")
    if body is None:
        body = store["body"] = read_body(doc.text.lower())
    return body


def fast_path_on(doc: Document) -> bool:
    """Whether the document's settings leave the fast path on (off: every block is read)."""
    if doc.config is not None:
        return doc.config.fast_path
    from ..prefilter import fast_path_wanted  # the prefilter imports the rules: import late

    return fast_path_wanted()


@per_text  # every rule that maps offsets of this text to lines shares the line starts
def _line_starts(text: str) -> list[int]:
    if "\r" in text:
        return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    # Each line starts one past the end of the one before: summed in C, not line by line.
    return [0, *itertools.accumulate(map((1).__add__, map(len, text.split("\n"))))][:-1]


def lines_at(text: str, offsets: Iterable[int]) -> list[int]:
    """The lines (0-based, sorted, once each) of ``text`` that hold these offsets."""
    starts = _line_starts(text)
    return sorted({bisect.bisect_right(starts, at) - 1 for at in offsets})
