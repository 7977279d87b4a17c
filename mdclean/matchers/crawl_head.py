"""``crawl-head``: a crawled page's site header, from the theme's skip link to the article's title.

Every accessible theme opens its page with a skip link ("Skip to content", "Zum Inhalt
springen", "跳至内容", ``phrases``), then the site's header: its name and tagline, a logo,
the menu, a search box, the post's categories. A crawler or "save page" converter keeps all
of it above the article. The skip link is the evidence that the page is a crawl, and it
says where the header starts; the article's title (``page_head.title_index``) says where it
ends. The blocks from the skip link's block to the title go, when none of them is prose (a
paragraph of sentences) or code: a header has neither. A page without a skip link in its
head, or without a title after it, keeps everything.

The fix is unsafe: where the article starts is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .page_head import prose, skip_link_index, title_index
from .phrase_lists import phrase_pattern

_CODE_KINDS = ("fence", "code_block", "table")


class CrawlHeadMatcher(Matcher):
    name = "crawl-head"
    params = MappingProxyType({"keywords": list, "phrases": list})
    required = frozenset({"phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        alternation = phrase_pattern(params)
        if alternation is None:
            raise ParamError("params.phrases: no phrases")
        self._alternation = alternation

    @cached_property
    def skip_line(self) -> re.Pattern[str]:
        """A line that opens with a link whose whole text is a skip phrase and whose target
        holds an anchor (``#content``, ``https://site/post/#main``)."""
        return re.compile(
            rf"^[ \t]*(?:[-*+][ \t]+)?\[[ \t]*(?:{self._alternation})[ \t]*\]\([^)\s]*#",
            re.IGNORECASE | re.MULTILINE,
        )

    def trigger(self) -> Trigger:
        """The keywords, then a line that the skip-link pattern matches: ``find`` reads the
        same lines with the same pattern."""
        return all_of(self.keyword_trigger(), Search(self.skip_line))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        start = skip_link_index(doc, blocks, self.skip_line)
        if start is None:
            return
        end = title_index(doc, blocks, start)
        if end is None or not all(_header_block(doc, node) for node in blocks[start:end]):
            return
        first, last = blocks[start], blocks[end - 1]
        span_start, span_end = doc.node_span(first)[0], doc.node_span(last)[1]
        yield Finding(span_start, span_end, edits=(remove_blocks(doc, first, last),))


def _header_block(doc: Document, node: Node) -> bool:
    """Whether a block may belong to a site's header: no prose, no code or table in it."""
    if node.kind in _CODE_KINDS or prose(doc, node):
        return False
    return not any(child.kind in _CODE_KINDS for child in node.walk())
