"""``trailing-site-menu``: the site's menu of pages ("Home | About | Contact | Privacy") that ends a page.

A scraped or clipped article often ends with its site's footer menu: a row or list
of short links (one to three words) to the site's own top pages, its home page and
pages one level below it (``/about/``, ``/contact``, ``/privacy-policy``), written
as absolute addresses because the scraper resolved them. The last blocks of the page
hold only such links, at least ``min_links`` of them to as many different pages of
one site: they go, with the footer's copyright line after them (one line of at most
``max_closing_words`` words, no link, one of ``closing_marks``: "©", "版权所有").

The shape decides whatever the language, so the fix is unsafe. Left alone: a block
right under a heading (a section), a list the paragraph before introduces (it ends
with a colon), links to articles (a path of two levels or more), to several sites
(a project's links to its website, chat and code host), relative links (a docs
index), links with headline-long texts, and a page that is nothing but links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AtLeast, Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .closing_line import closing_line, closing_marks
from .linkblocks import Link, link_list, word_count
from .trailing_links import introduces, last_lines_may_end_links

# An absolute http(s) address: its host (``www.`` aside) and its path, up to a query or fragment.
_ADDRESS = re.compile(r"(?:https?:)?//(?:www\.)?([^/#?\s:]+)(?::\d+)?(/[^#?\s]*)?", re.I)


class TrailingSiteMenuMatcher(Matcher):
    name = "trailing-site-menu"
    params = MappingProxyType(
        {
            "keywords": list,
            "min_links": int,
            "max_words_per_link": int,
            "max_path_depth": int,
            "max_closing_words": int,
            "closing_marks": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_links = int(params.get("min_links", 5))
        self.max_words_per_link = int(params.get("max_words_per_link", 3))
        self.max_path_depth = int(params.get("max_path_depth", 1))
        self.max_closing_words = int(params.get("max_closing_words", 12))
        self.closing_marks = closing_marks(params)

    def trigger(self) -> Trigger:
        """A keyword; ``min_links`` absolute addresses (``//``); and the last line, or the line
        before a last line that may be the copyright line, may end a link."""
        return all_of(
            self.keyword_trigger(),
            AtLeast("//", self.min_links),
            # Hand-written, as for LK004: the marks of the last lines decide.
            Check(
                lambda text: last_lines_may_end_links(text, self.closing_marks),
                "the last line may end a link",
            ),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        end = len(blocks)
        if end > 1 and self._closing_line(doc, blocks[-1]):
            end -= 1  # the footer's copyright line under its menu goes with it
        index, links = _trailing_links(doc, blocks[:end])
        if index <= 0 or not self._site_menu(links):
            return  # no trailing links, or the page is nothing but links
        before = blocks[index - 1]
        if before.kind == "heading" or introduces(doc, before):
            return
        first, last = blocks[index], blocks[-1]
        start, end = doc.node_span(first)[0], doc.node_span(last)[1]
        yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _closing_line(self, doc: Document, node: Node) -> bool:
        return closing_line(doc, node, self.closing_marks, self.max_closing_words)

    def _site_menu(self, links: list[Link]) -> bool:
        """Whether links are a site's menu: short texts, top pages of one site, all different."""
        if len(links) < self.min_links:
            return False
        hosts: set[str] = set()
        pages: set[str] = set()
        for link in links:
            address = _ADDRESS.fullmatch(link.href.strip())
            if address is None or not link.text.strip():
                return False  # a relative link, another scheme, or an image's link
            if word_count(link.text) > self.max_words_per_link:
                return False
            path = (address.group(2) or "/").strip("/")
            if path and path.count("/") + 1 > self.max_path_depth:
                return False
            hosts.add(address.group(1).lower())
            pages.add(path.lower())
        return len(hosts) == 1 and len(pages) >= self.min_links


def _trailing_links(doc: Document, blocks: list[Node]) -> tuple[int, list[Link]]:
    """Where the run of link-only blocks that ends the page starts, and its links (-1: none)."""
    index = -1
    links: list[Link] = []
    for position in range(len(blocks) - 1, -1, -1):
        found = link_list(doc, blocks[position])
        if found is None:
            break
        index, links = position, found + links
    return index, links
