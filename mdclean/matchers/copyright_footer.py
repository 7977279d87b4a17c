"""``copyright-footer``: the site's copyright line that ends a page, with the footer's bits after it.

A scraped page often ends with its site's footer: a copyright line ("©2023 example.com,
a tagline", "Copyright © 2024 Example", "(c) 2019 Jane's blog", "版权所有 © 2020") and
after it at most the footer's small print: menu words ("Archive · Privacy policy ·
Terms"), the site's name again, links alone, icons. The copyright line is one block of one
or two lines, of at most ``max_words`` words, that opens with a mark of ``marks`` (a regex
matched at the start of its text). Every block after it to the page's end is small print:
lines of at most ``max_tail_words`` words each (``max_words`` in all), or links and
images alone, ``max_tail_blocks`` blocks at most. The line and
its small print go when they come after the article's text (a paragraph of
``min_text_words`` words earlier on the page), with the footer's menus just above the line
(``footer_menu``: links alone to one site's pages, not under a heading of their own).

A licence stays: a line that names one (``licence`` regexes: "MIT", "licensed under",
"CC BY"), and a copyright line whose section's heading is a licence's ("License",
"Lizenz", "许可证"). So does a sentence after the line: the footer is the page's end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.tail import InTail
from ..fastpath.triggers import Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .linkblocks import link_list, rough_text, skeleton, word_count
from .phrase_lists import phrase_pattern


class CopyrightFooterMatcher(Matcher):
    name = "copyright-footer"
    params = MappingProxyType(
        {
            "keywords": list,
            "marks": list,
            "licence": list,
            "max_words": int,
            "max_tail_words": int,
            "max_tail_blocks": int,
            "min_text_words": int,
            "content_titles": list,
            "reprint": list,
        }
    )
    required = frozenset({"marks", "licence"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.marks = _pattern(params, "marks")
        self.licence = _pattern(params, "licence")
        self.max_words = int(params.get("max_words", 12))
        self.max_tail_words = int(params.get("max_tail_words", 4))
        self.max_tail_blocks = int(params.get("max_tail_blocks", 4))
        self.min_text_words = int(params.get("min_text_words", 30))
        reprint = phrase_pattern(params, "reprint")
        self.reprint = re.compile(reprint, re.I) if reprint else None
        titles = phrase_pattern(params, "content_titles")
        self.content_title = re.compile(rf"\W*(?:{titles})\W*", re.I) if titles else None

    def trigger(self) -> Trigger:
        """A keyword in the tail after the last paragraph of more than ``max_words`` words: the
        copyright line and each block of small print after it have ``max_words`` at most."""
        return InTail(self.max_words, self.keyword_trigger())

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        start = len(page) - 1
        while (
            start > 0
            and len(page) - start <= self.max_tail_blocks
            and self._small(doc, page[start])
        ):
            start -= 1
        if start <= 0 or not self._copyright(doc, page[start]):
            return
        if self._reprinted(doc, page[start - 1]):
            return
        start = self._menu_above(doc, page, start)
        if not self._after_text(doc, page[:start]):
            return
        first, last = page[start], page[-1]
        span_start, span_end = doc.node_span(first)[0], doc.node_span(last)[1]
        yield Finding(span_start, span_end, edits=(remove_blocks(doc, first, last),))

    def _menu_above(self, doc: Document, page: list[Node], start: int) -> int:
        """The first block of the footer's menus just above the copyright line at ``start``
        (``footer_menu``, ``2 * max_tail_blocks`` at most); ``start`` when there are none.
        A menu may stand under a short title of its own when two or more such columns
        stand together ("Company", "Support"): one list under one heading is a section's
        ("## Links"), and stays, as does a list under a content title ("See also")."""
        first = start
        menus = 0
        headed: list[int] = []  # where each column under a title begins
        while first > 1 and menus < 2 * self.max_tail_blocks and footer_menu(doc, page[first - 1]):
            above = page[first - 2]
            if above.kind != "heading":
                first -= 1
            elif self._column_title(doc, above):
                first -= 2
                headed.append(first)
            else:
                break
            menus += 1
        if len(headed) == 1:
            first = headed[0] + 2
        return first

    def _column_title(self, doc: Document, node: Node) -> bool:
        """A footer column's title: a heading of ``max_tail_words`` words at most, without a
        link, that no ``content_titles`` phrase names."""
        skel = skeleton(doc, node)
        if skel is None or skel.links or word_count(skel.visible) > self.max_tail_words:
            return False
        return self.content_title is None or not self.content_title.fullmatch(skel.visible)

    def _visible(self, doc: Document, node: Node) -> str | None:
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        return None if skel is None else skel.visible

    def _copyright(self, doc: Document, node: Node) -> bool:
        """Whether a block is a copyright line: one or two lines, few words, opening with a mark."""
        text = self._visible(doc, node)
        if text is None or doc.content_end_line(node) - node.start_line > 2:
            return False
        if word_count(text) > self.max_words or not self.marks.match(text):
            return False
        return self.licence.search(text) is None

    def _reprinted(self, doc: Document, above: Node) -> bool:
        """Whether the block above the copyright line is a reprint's credit ("Originally
        published by …", ``reprint``): the line is the reprinted text's, and stays."""
        if self.reprint is None:
            return False
        text = self._visible(doc, above)
        return text is not None and self.reprint.search(text) is not None

    def _small(self, doc: Document, node: Node) -> bool:
        """Whether a block is a footer's small print: short lines, or links and images alone."""
        if link_list(doc, node) is not None:
            return True
        if node.kind != "paragraph" or self._copyright(doc, node):
            return False
        text = self._visible(doc, node)  # link texts count, their addresses do not
        if text is None or word_count(text) > self.max_words:
            return False
        lines = rough_text(doc, node).splitlines()
        return all(word_count(line) <= self.max_tail_words for line in lines)

    def _after_text(self, doc: Document, before: list[Node]) -> bool:
        """Whether the article's text comes before, and no licence heading is the line's own."""
        heading = next((n for n in reversed(before) if n.kind == "heading"), None)
        if heading is not None and self.licence.search(self._visible_heading(doc, heading)):
            return False
        return any(self._long(doc, node) for node in before)

    def _visible_heading(self, doc: Document, node: Node) -> str:
        skel = skeleton(doc, node)
        return "" if skel is None else skel.visible

    def _long(self, doc: Document, node: Node) -> bool:
        text = self._visible(doc, node)
        return text is not None and word_count(text) >= self.min_text_words


_MENU_ITEM_WORDS = 4
_HOST = re.compile(r"https?://(?:www\.)?([^/\s:?#]+)", re.IGNORECASE)


def footer_menu(doc: Document, node: Node) -> bool:
    """A footer's menu: a block of two or more links alone, each of ``_MENU_ITEM_WORDS``
    words at most, to one site's pages (absolute to one host, or site-relative), none to an
    anchor of the page (a table of contents)."""
    links = link_list(doc, node)
    if links is None or len(links) < 2:
        return False
    hosts: set[str] = set()
    for link in links:
        href = link.href.strip()
        if href.startswith("#") or word_count(link.text) > _MENU_ITEM_WORDS:
            return False
        host = _HOST.match(href)
        if host is not None:
            hosts.add(host.group(1).lower())
        elif not href.startswith("/"):
            return False  # a page-relative path: a manual's own files
    return len(hosts) <= 1


def _pattern(params: Mapping[str, Any], key: str) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in params[key]), re.I)
    except re.error as error:
        raise ParamError(f"params.{key}: not a regular expression ({error})") from None
