"""``site-template``: blocks the file's site repeats on many of its pages (its template).

The site's template comes from the run (``Config.site_template``, learned by
:mod:`mdclean.site`); without one the rule finds nothing. A run of non-blank lines
whose digest is in the template is reported when it is whole visible blocks of
this page: never a heading (it goes with its section only when every block under
it goes, see :mod:`mdclean.sections`), an HTML comment, bare markup, a template tag
that renders the page's own content (``{{< toc >}}``, ``[TOC]``), code, or
front matter.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..document import Document, Node
from ..markup import COMMENT, TAG
from ..models import Applicability, Finding
from ..removal import remove_blocks
from ..site.blocks import digest, line_blocks
from .base import Matcher

if TYPE_CHECKING:
    from ..site.profile import SiteTemplate

_VISIBLE_KINDS = frozenset({"paragraph", "html_block", "bullet_list", "ordered_list", "blockquote", "table"})
# A paragraph that is only a template tag or a placeholder: the site generator renders it
# (often into the page's own table of contents); what it shows is not in the Markdown.
_TEMPLATE_TAG = re.compile(r"\{\{.*\}\}|\{%.*%\}|\$\{\w+\}|\[\[?_?toc_?\]\]?|\{:\s*\.?toc\s*\}",
                           re.IGNORECASE | re.DOTALL)
# HTML elements that show something without holding text.
_VISIBLE_ELEMENTS = frozenset({"img", "iframe", "video", "audio", "svg", "picture", "object", "embed",
                               "input", "button", "canvas"})
_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)


def chrome_blocks(doc: Document, start_line: int, end_line: int,
                  by_start: Mapping[int, int] | None = None) -> tuple[Node, Node] | None:
    """The first and last top-level blocks that lines ``start_line``..``end_line`` are exactly,
    when every one of them is visible chrome; None otherwise."""
    children = doc.root.children
    if by_start is None:
        by_start = {node.start_line: i for i, node in enumerate(children)}
    first = by_start.get(start_line)
    if first is None:
        return None
    last = first
    while True:
        node = children[last]
        if not _visible(doc, node):
            return None
        end = doc.content_end_line(node)
        if end == end_line:
            return children[first], node
        if end > end_line or last + 1 >= len(children) or children[last + 1].start_line >= end_line:
            return None
        last += 1


def _visible(doc: Document, node: Node) -> bool:
    if node.kind not in _VISIBLE_KINDS:
        return False
    if any(inner.is_code for inner in node.walk()):
        return False
    source = doc.text[slice(*doc.node_span(node))]
    if node.kind == "paragraph" and (_TEMPLATE_TAG.fullmatch(source.strip()) or
                                     _CODE_SPAN.fullmatch(source.strip())):
        return False
    return _shows_something(source)


def _shows_something(source: str) -> bool:
    """Whether markup shows any text or media: not comments, closing tags or empty wrappers only."""
    without_comments = COMMENT.sub("", source)
    if any(match.group("name").lower() in _VISIBLE_ELEMENTS for match in TAG.finditer(without_comments)):
        return True
    text = html.unescape(TAG.sub("", without_comments))
    return any(character.isalnum() for character in text)


class SiteTemplateMatcher(Matcher):
    name = "site-template"
    params: Mapping[str, type | tuple[type, ...]] = {}

    def __init__(self, params: Mapping[str, Any], template: SiteTemplate | None = None) -> None:
        super().__init__(params)
        self.template = template

    def with_template(self, template: SiteTemplate) -> SiteTemplateMatcher:
        return SiteTemplateMatcher({}, template)

    def may_match(self, lowered_text: str) -> bool:
        # Folding lower-cases anyway: a block's digest is the same in the lowered text.
        template = self.template
        if template is None or not template.blocks:
            return False
        digests = template.digests
        return any(digest(block) in digests for _, _, block in line_blocks(lowered_text))

    def costly_to_ask(self) -> bool:
        return True  # hashing every block costs about what finding does once the text is parsed

    def find(self, doc: Document) -> Iterator[Finding]:
        template = self.template
        if template is None or not template.blocks:
            return
        digests, safe = template.digests, template.safe_digests
        counts = {block.digest: block.files for block in template.blocks}
        by_start: dict[int, int] | None = None
        for start_line, end_line, block in line_blocks(doc.text):
            found = digest(block)
            if found not in digests:
                continue
            if by_start is None:
                by_start = {node.start_line: i for i, node in enumerate(doc.root.children)}
            blocks = chrome_blocks(doc, start_line, end_line, by_start)
            if blocks is None:
                continue
            first, last = blocks
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            yield Finding(start, end,
                          message=f"Site template block (on {counts[found]} of the site's {template.files} pages)",
                          edits=(remove_blocks(doc, first, last),),
                          applicability=Applicability.SAFE if found in safe else None)
