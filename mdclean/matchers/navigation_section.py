"""``navigation-section``: the heading a blog platform prints over its navigation links.

WordPress prints a heading for screen readers over a post's previous/next links and
over the comments' pages: "Post navigation", "Navegación de entradas",
"Beitragsnavigation", "文章导航" (its own strings in each language,
``navigation-titles``). A scraper keeps it as a heading. The heading goes with its
section when that section is only such links: at most ``max_blocks`` blocks, each with a
link and at most ``max_words`` words besides (a title, "Previous:"), or nothing at all at
the page's end.

A section of prose under such a title (a theme's documentation of its post navigation)
stays. The title counts only as the source line writes it, without markup inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .label_search import label_fills_block
from .link_words import words_besides_links
from .linkblocks import skeleton
from .phrase_lists import phrase_pattern, phrases_of
from .phrases import matchable_title


class TitledSectionMatcher(Matcher):
    """A section under a heading whose title is a known label (``phrases``, ``labels``), which
    goes with its heading when ``_last_of_section`` says where the widget ends."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        known = phrase_pattern(params)
        self.label_phrases = phrases_of(params, "phrases", "labels")
        self.title = re.compile(rf"\W*(?:{known})\W*", re.I) if known else None
        self.raw_title = re.compile(known, re.I) if known else None

    def trigger(self) -> Trigger:
        """A keyword, and a title as a source line writes it (``_is_title`` reads that line)."""
        if self.raw_title is None:
            return self.keyword_trigger()
        return all_of(self.keyword_trigger(), label_fills_block(self.raw_title, self.label_phrases))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        for index, node in enumerate(page):
            if index == 0 or node.kind != "heading" or not self._is_title(doc, node):
                continue
            last = self._last_of_section(doc, page, index)
            if last is not None:
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, node, last),))

    def _last_of_section(self, doc: Document, page: list[Node], index: int) -> Node | None:
        """The last block the heading at ``index`` takes along, or None to leave it."""
        raise NotImplementedError

    def _is_title(self, doc: Document, node: Node) -> bool:
        line = doc.line_text(node.start_line).lower()
        if self.raw_title is None or self.title is None or not self.raw_title.search(line):
            return False
        return self.title.fullmatch(matchable_title(doc, node)) is not None


class NavigationSectionMatcher(TitledSectionMatcher):
    name = "navigation-section"
    params = MappingProxyType(
        {"keywords": list, "phrases": list, "labels": list, "max_blocks": int, "max_words": int}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_blocks = int(params.get("max_blocks", 3))
        self.max_words = int(params.get("max_words", 20))

    def _last_of_section(self, doc: Document, page: list[Node], index: int) -> Node | None:
        """The last block of the heading's section when it is only navigation links (the
        heading itself when nothing follows it on the page), else None."""
        section = _section(page, index)
        if not section:
            return page[index] if index == len(page) - 1 else None
        if len(section) > self.max_blocks or not all(self._links(doc, b) for b in section):
            return None
        return section[-1]

    def _links(self, doc: Document, node: Node) -> bool:
        """Whether a block holds a link and few words besides."""
        skel = skeleton(doc, node)
        if skel is None or not skel.links:
            return False
        return words_besides_links(skel) <= self.max_words


def _section(page: list[Node], index: int) -> list[Node]:
    """The blocks under the heading at ``index``, up to the next heading."""
    blocks: list[Node] = []
    for node in page[index + 1 :]:
        if node.kind == "heading":
            break
        blocks.append(node)
    return blocks
