"""``template-docblock``: a CMS theme's template comment that leaked into the page as text.

Drupal's and WordPress's theme templates open with a PHP doc comment for the themer
("Default theme implementation to wrap comments.", "Available variables:", "@see
template_preprocess_comment_wrapper()", "The template for displaying comments", "@package").
A broken theme, or a converter that read the template's source, prints it: in Markdown it
becomes a paragraph "/*" and a list of "* …" lines, up to "*/" (and the "?>" that closes PHP).
The run of lines from a line "/*" or "/**" (a "<?php" line before it may come with it) to the
line "*/", every line between opening with "*", goes when it names the template (``markers``)
and is made of whole blocks outside code. The same comment in a code block is documentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import ALWAYS, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError, any_pattern, compile_patterns, required_literals

_OPEN = re.compile(r"[ \t]*/\*\*?[ \t]*")
_PHP_OPEN = re.compile(r"[ \t]*<\?php[ \t]*")
_INSIDE = re.compile(r"[ \t]*\*(?!/).*")
_CLOSE = re.compile(r"[ \t]*\*/[ \t]*(?:\?>[ \t]*)?")
_PHP_CLOSE = re.compile(r"[ \t]*\?>[ \t]*")
_MIN_LINES = 3


class TemplateDocblockMatcher(Matcher):
    name = "template-docblock"
    params = MappingProxyType({"markers": list, "keywords": list})
    required = frozenset({"markers"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        compiled = compile_patterns(params["markers"], "markers")
        self._marker_literals = required_literals(compiled)
        markers = any_pattern(compiled)
        if markers is None:
            raise ParamError("params.markers: give at least one pattern")
        self.markers = markers

    def trigger(self) -> Trigger:
        """The keywords ("/*"), the comment's end, and one of the markers' literals."""
        named = literals(*self._marker_literals) if self._marker_literals else ALWAYS
        return all_of(self.keyword_trigger(), literals("*/"), named)

    def find(self, doc: Document) -> Iterator[Finding]:
        line = 0
        while line < doc.line_count:
            comment = self._comment_at(doc, line)
            if comment is None:
                line += 1
                continue
            first, end = comment
            blocks = whole_blocks(doc, first, end)
            if blocks is not None:
                start, stop = doc.node_span(blocks[0])[0], doc.node_span(blocks[-1])[1]
                yield Finding(start, stop, edits=(remove_blocks(doc, blocks[0], blocks[-1]),))
            line = end

    def _comment_at(self, doc: Document, line: int) -> tuple[int, int] | None:
        """The lines (first, end excluded) of a template comment that opens at ``line``."""
        first = line
        if _PHP_OPEN.fullmatch(doc.line_text(line)):
            line += 1
        if line >= doc.line_count or not _OPEN.fullmatch(doc.line_text(line)):
            return None
        closed = self._closing(doc, line + 1)
        if closed is None:
            return None
        end = closed + 1
        if end < doc.line_count and _PHP_CLOSE.fullmatch(doc.line_text(end)):
            end += 1
        return (first, end) if end - first >= _MIN_LINES else None

    def _closing(self, doc: Document, line: int) -> int | None:
        """The line "*/" that closes a comment whose inner lines start at ``line``, when every
        inner line opens with "*" and one of them names the template; else None."""
        named = False
        for inner in range(line, doc.line_count):
            text = doc.line_text(inner)
            if _CLOSE.fullmatch(text):
                return inner if named else None
            if not _INSIDE.fullmatch(text):
                return None
            named = named or self.markers.search(text.replace("\\_", "_")) is not None
        return None


def whole_blocks(doc: Document, first: int, end: int) -> list[Node] | None:
    """The top-level blocks that fill exactly lines ``first``..``end``, none of them code."""
    blocks = [
        node
        for node in doc.root.children
        if node.start_line < end and doc.content_end_line(node) > first
    ]
    if (
        not blocks
        or blocks[0].start_line != first
        or doc.content_end_line(blocks[-1]) != end
        or any(node.is_code or node.kind == "front_matter" for node in blocks)
    ):
        return None
    return blocks
