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
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import ALWAYS, AnyOf, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError, any_pattern, compile_patterns, required_literals

_OPEN = re.compile(r"[ \t]*/\*\*?[ \t]*")
_PHP_OPEN = re.compile(r"[ \t]*<\?php[ \t]*")
_INSIDE = re.compile(r"[ \t]*\*(?!/).*")
_CLOSE = re.compile(r"[ \t]*\*/[ \t]*(?:\?>[ \t]*)?")
_PHP_CLOSE = re.compile(r"[ \t]*\?>[ \t]*")
_MIN_LINES = 3
# The layout elements a theme wraps a page in; a block of nothing but their closing tags (and
# the unfinished opening tag a converter cut off after them) shows nothing.
_LAYOUT = ("div", "span", "section", "article", "aside", "main", "header", "footer", "nav", "p")
_LAYOUT_NAMES = "|".join(_LAYOUT)
_CLOSING_RUN = re.compile(
    rf"\s*(?:</(?:{_LAYOUT_NAMES})>\s*){{2,}}(?:<(?:{_LAYOUT_NAMES})\b[^<>]*)?\s*",
    re.IGNORECASE,
)
_OPENING = {name: re.compile(rf"<{name}\b", re.IGNORECASE) for name in _LAYOUT}
_CLOSING = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _LAYOUT}


class TemplateDocblockMatcher(Matcher):
    name = "template-docblock"
    params = MappingProxyType({"markers": list, "closing_tags": bool, "keywords": list})
    required = frozenset({"markers"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.markers, self._marker_literals = patterns_with_literals(params, "markers")
        # Also a theme's layout left as a run of closing tags that close nothing ("</div></div>").
        self.closing_tags = bool(params.get("closing_tags", False))

    def trigger(self) -> Trigger:
        """The keywords ("/*"), the comment's end, and one of the markers' literals; with
        ``closing_tags``, or a layout element's closing tag."""
        named = literals(*self._marker_literals) if self._marker_literals else ALWAYS
        comment = all_of(self.keyword_trigger(), literals("*/"), named)
        if not self.closing_tags:
            return comment
        return AnyOf(
            (comment, literals(*(f"</{n}></" for n in _LAYOUT), *(f"</{n}> </" for n in _LAYOUT)))
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        for first, end in line_spans(doc, self._comment_at):
            blocks = whole_blocks(doc, first, end)
            if blocks is not None:
                yield removal_of(doc, blocks)
        if self.closing_tags:
            for node in doc.root.children:
                if node.kind == "html_block" and _orphan_closing_tags(doc, node):
                    yield removal_of(doc, [node])

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


def patterns_with_literals(
    params: Mapping[str, Any], key: str
) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    """The regexes of a required list parameter as one pattern, with the literals one of which
    each match holds (None when the reader finds none): the pattern for ``find``, the literals
    for the trigger."""
    compiled = compile_patterns(params[key], key)
    pattern = any_pattern(compiled)
    if pattern is None:
        raise ParamError(f"params.{key}: give at least one pattern")
    return pattern, required_literals(compiled)


def line_spans(
    doc: Document, span_at: Callable[[Document, int], tuple[int, int] | None]
) -> Iterator[tuple[int, int]]:
    """The spans of lines (first, end excluded) that ``span_at`` finds opening at a line, each
    read on from its end."""
    line = 0
    while line < doc.line_count:
        span = span_at(doc, line)
        if span is None:
            line += 1
            continue
        yield span
        line = span[1]


def removal_of(doc: Document, blocks: list[Node]) -> Finding:
    """The finding that removes a run of sibling blocks."""
    start, stop = doc.node_span(blocks[0])[0], doc.node_span(blocks[-1])[1]
    return Finding(start, stop, edits=(remove_blocks(doc, blocks[0], blocks[-1]),))


def _orphan_closing_tags(doc: Document, node: Node) -> bool:
    """An HTML block of two or more closing tags of layout elements (and an opening tag cut off
    after them) when more of each such element close in the page up to its end than opened
    before it: the tags close nothing, so the block shows nothing."""
    text = doc.text[slice(*doc.node_span(node))]
    if not _CLOSING_RUN.fullmatch(text):
        return False
    before = doc.text[: doc.node_span(node)[0]]
    return all(
        len(_CLOSING[name].findall(before)) + len(_CLOSING[name].findall(text))
        > len(_OPENING[name].findall(before))
        for name in _LAYOUT
        if _CLOSING[name].search(text)
    )


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
