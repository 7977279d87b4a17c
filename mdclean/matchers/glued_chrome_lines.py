"""``glued-chrome-lines``: widget lines a converter glued onto the end of an article's paragraph.

A converter that loses the blank lines between blocks joins the post's footer to its last
paragraph: "Posted by Liviu at 11:39 PM", "Email This", "BlogThis!", "Share to Twitter"
become the paragraph's last lines. Those lines go when each of them is, as a reader sees it
(links as their text), one or more of the ``phrases`` and nothing else, at least
``min_lines`` of them stand together at the paragraph's end, and a line of the article stays
before them. Only whole lines go: no word is cut from a line of prose. A paragraph that is
only such lines (a byline over its share row) goes whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.body import body_of, fast_path_on
from ..fastpath.raw_text import searchable
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks, remove_span
from .base import ParamError
from .fix_safety import page_address, safe_if
from .label_lines import candidate_lines, text_lines
from .label_shapes import Shape
from .line_reading import line_reading
from .phrases import PhraseMatcher, blocks_on_lines

_MAX_ROW_CHARS = 120


def _runs(lines: list[int]) -> Iterator[tuple[int, int]]:
    """The runs of consecutive numbers in sorted ``lines``: the first of each and its length."""
    first = previous = -2
    for line in lines:
        if line != previous + 1:
            if first >= 0:
                yield first, previous - first + 1
            first = line
        previous = line
    if first >= 0:
        yield first, previous - first + 1


def _pattern(params: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    value = params.get(key)
    try:
        return re.compile(str(value), re.IGNORECASE) if value else None
    except re.error as error:
        raise ParamError(f"params.{key}: not a regular expression ({error})") from None


def _line_reading(doc: Document, line: int) -> tuple[str, bool]:
    """``line_reading`` of the document's line, read once for every rule of this matcher."""
    readings = doc.shared("line_reading")
    found: tuple[str, bool] | None = readings.get(line)
    if found is None:
        found = readings[line] = line_reading(doc.line_text(line))
    return found


class GluedChromeLinesMatcher(PhraseMatcher):
    name = "glued-chrome-lines"
    params = MappingProxyType(
        {**PhraseMatcher.params, "min_lines": int, "safe_line": str, "safe_page": str}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_lines = int(params.get("min_lines", 2))
        # Safe when every line taken also holds ``safe_line`` (the whole template sentence)
        # and the page's own address (its front matter) has the engine's shape ``safe_page``.
        self.safe_line = _pattern(params, "safe_line")
        self.safe_page = _pattern(params, "safe_page")

    @cached_property
    def whole_line(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:(?:{self.labels})[\W_]*)+", re.IGNORECASE)

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return None  # the phrase opens a line inside the block, not the block

    def trigger(self) -> Trigger:
        """The keywords, then ``min_lines`` lines in a row that are chrome, as ``find`` reads
        them (``_is_chrome``), among the lines where a label may stand."""
        return all_of(self.keyword_trigger(), Check(self._glued_rows, "lines in a row are chrome"))

    def trigger_once_parsed(self) -> Trigger:
        """The keywords only: once the page is parsed, ``find`` reads the few paragraphs on
        the candidate lines for less than the whole trigger costs."""
        return self.keyword_trigger()

    def _glued_rows(self, lowered: str) -> bool:
        candidates = candidate_lines(self.labels_trigger, lowered)
        if candidates is None:
            return True
        lines = text_lines(searchable(lowered))
        return any(
            self._chrome_run(lines[first : first + length])
            for first, length in _runs(candidates)
            if length >= self.min_lines
        )

    def _chrome_run(self, lines: Sequence[str]) -> bool:
        """Whether ``min_lines`` of these consecutive lines in a row are chrome. Each window
        is read from its end: a line that is not chrome moves the next window past it."""
        first = 0
        while first + self.min_lines <= len(lines):
            failed = next(
                (
                    at
                    for at in range(first + self.min_lines - 1, first - 1, -1)
                    if not self._is_chrome(lines[at])
                ),
                None,
            )
            if failed is None:
                return True
            first = failed + 1
        return False

    def _paragraphs_to_read(self, doc: Document) -> Sequence[Node]:
        """The paragraphs that hold a line that may be chrome, as the trigger reads the body
        (every paragraph with the fast path off): no other can end in chrome lines."""
        paragraphs = tuple(doc.leaves("paragraph"))
        if not fast_path_on(doc):
            return paragraphs
        body = body_of(doc)
        lines = candidate_lines(self.labels_trigger, body.text)
        if lines is None:
            return paragraphs
        found = blocks_on_lines(doc, ("paragraph",), [body.first_line + line for line in lines])
        return [paragraphs[i] for i in found]

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in self._paragraphs_to_read(doc):
            first = self._first_chrome_line(doc, node)
            if first is None:
                continue
            safety = safe_if(self._sure(doc, first, node.end_line))
            if first == node.start_line:
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),), applicability=safety)
            else:
                start, end = doc.line_offset(first), doc.line_end(node.end_line - 1)
                edits = (remove_span(doc, start, end),)
                yield Finding(start, end, edits=edits, applicability=safety)

    def _sure(self, doc: Document, first: int, end: int) -> bool:
        """Whether each line taken is the template's whole sentence on a page whose own
        address is the engine's (``safe_line``, ``safe_page``): two signals, not one."""
        if self.safe_line is None or self.safe_page is None:
            return False
        line = self.safe_line
        if not all(line.search(_line_reading(doc, at)[0]) for at in range(first, end)):
            return False
        address = page_address(doc)
        return address is not None and self.safe_page.search(address) is not None

    def _first_chrome_line(self, doc: Document, node: Node) -> int | None:
        """The first of the chrome lines that end the paragraph, when there are enough of them
        and a line with words stays before them, or the paragraph's first line when all its
        lines are; else None."""
        first = node.end_line
        while first > node.start_line and self._reads_as_chrome(*_line_reading(doc, first - 1)):
            first -= 1
        if node.end_line - first < self.min_lines:
            return None
        if first == node.start_line:
            return first
        kept = [_line_reading(doc, line)[0] for line in range(node.start_line, first)]
        return first if any(re.search(r"[^\W_]", text) for text in kept) else None

    def _is_chrome(self, raw: str) -> bool:
        return self._reads_as_chrome(*line_reading(raw))

    def _reads_as_chrome(self, text: str, has_image: bool) -> bool:
        if has_image:
            return False
        if self.one_phrase.fullmatch(text) is not None:
            return True
        # A row of captions is short; on a long line of prose the repeated alternation of
        # phrases with wildcards could backtrack for minutes.
        return len(text) <= _MAX_ROW_CHARS and self.whole_line.fullmatch(text) is not None

    @cached_property
    def one_phrase(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self.labels})[\W_]*", re.IGNORECASE)
