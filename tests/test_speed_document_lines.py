"""``Document.line_text`` reads a text without CR from one split of its lines: the same lines
as read from the line offsets, for every line number a rule may ask (past the end: "")."""

from __future__ import annotations

import pytest

from mdclean.document import Document


def _by_offsets(text: str, line: int) -> str:
    """The line as read from where lines start (the reading of a text with CR)."""
    starts = Document(text).line_starts
    start = starts[line] if line < len(starts) else len(text)
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    return text[start:end].rstrip("\r\n")


@pytest.mark.parametrize(
    "text",
    ["", "\n", "one", "one\n", "one\ntwo", "one\n\ntwo\n", "\n\nthree\n\n", "a\u2028b\x0cc\nd\n"],
)
def test_each_line_reads_as_from_the_line_offsets(text: str) -> None:
    doc = Document(text)
    for line in range(-doc.line_count, doc.line_count + 2):
        assert doc.line_text(line) == _by_offsets(text, line), (text, line)


def test_a_text_with_cr_keeps_reading_from_the_offsets() -> None:
    doc = Document("one\r\ntwo\rthree\n")
    assert [doc.line_text(line) for line in range(4)] == ["one", "two", "three", ""]


def test_line_separators_other_than_a_line_feed_stay_inside_a_line() -> None:
    doc = Document("a\u2028b\x0cc\nd")
    assert [doc.line_text(line) for line in range(doc.line_count)] == ["a\u2028b\x0cc", "d"]
