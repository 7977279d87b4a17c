"""``page-tail``: on a saved page, everything from the site's footer on, once the article is over.

boilerpipe's ``TerminatingBlocksFinder`` and ``IgnoreBlocksAfterContentFilter`` read a web
page's end this way: once the article's text has been seen, a block that only a page's end
holds (its copyright line, "Comments", "Back to top") ends it, and every block after it is
the site's. Over Markdown a page saved from the web (the gate of ``article_region``) ends the
same way: past the article, the site's footer starts at

- a line that is wholly a back-to-top button ("Back to top", "Retour en haut de la page",
  "返回顶部": ``back_to_top``);
- the site's copyright line: a copyright mark with a year, or "All rights reserved" in one of
  the fifteen languages (``copyright_lines``), in a short block;
- a link row of the site's (``article_region``'s chrome: a menu, a footer's column, a related
  list, three links or more) past the article's last block of prose.

From there to the page's end every block goes (widget headings, the search form, the address,
the legal links, the language list) when no block there is the article's own kind: no
paragraph of prose (``min_words`` words, few links, a sentence's end), no code, no table; and
when the tail holds ``min_blocks`` blocks or more (one short line is other rules' to read).
Unsafe: where the article ends is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .article_region import ArticleRegionMatcher, _Reading
from .phrase_lists import phrase_pattern
from .thread_page import is_thread

_ROW_LINKS = 3
"""The links of a row of the site's that ends the article (as ``article_region`` reads it)."""
_COPYRIGHT_WORDS = 30
"""A copyright line is a short block: a paragraph that names a copyright is the article's."""
_YEAR_MARK = r"©\s*(?:19|20)\d\d|(?:19|20)\d\d\s*©"


class PageTailMatcher(ArticleRegionMatcher):
    """BP185's gate, readings and region; boilerpipe's terminating blocks after the article."""

    name = "page-tail"
    params = MappingProxyType(
        {**ArticleRegionMatcher.params, "back_to_top": list, "min_blocks": int}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_blocks = int(params.get("min_blocks", 2))
        top = phrase_pattern({"phrases": params.get("back_to_top", [])})
        self.back_to_top = re.compile(rf"\W*(?:{top})\W*", re.I) if top else None
        marks = phrase_pattern(params, "copyright_lines")
        self.copyright_line = re.compile(rf"{_YEAR_MARK}|{marks}" if marks else _YEAR_MARK, re.I)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = None if is_thread(doc) else self.page_blocks(doc)
        if page is None:
            return  # (a forum thread's posts are its article)
        blocks, readings = page
        region = self._region(doc, blocks, readings)
        if region is None or not self._prose_seen(blocks, readings, region):
            return
        start = self.tail_start(doc, blocks, readings, region)
        if start is None:
            return
        first, last = blocks[start], blocks[-1]
        span = (doc.node_span(first)[0], doc.node_span(last)[1])
        yield Finding(*span, edits=(remove_blocks(doc, first, last),))

    def tail_start(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        region: tuple[int, int],
    ) -> int | None:
        """The first block past the article's first that ends it (``_terminates``) with none
        of the article's blocks after it and ``min_blocks`` blocks from it to the end."""
        chrome, _, _ = self._page_chrome(doc, blocks, readings, region)
        # (the region ends at the page's last block of prose, code or table: none stands after)
        for i in range(region[1] + 1, len(blocks) - self.min_blocks + 1):
            if self._terminates(readings[i]) or (i in chrome and _row(readings[i])):
                return i
        return None

    def _prose_seen(
        self, blocks: list[Node], readings: list[_Reading | None], region: tuple[int, int]
    ) -> bool:
        """Whether the article's region holds a block of prose (not only code or a table): as
        boilerpipe asks for the article's words before a block may end it, a region that is a
        related posts' table alone is no article read."""
        return any(
            readings[i] is not None and self._is_text(blocks[i], readings[i])
            for i in range(region[0], region[1] + 1)
        )

    def _terminates(self, reading: _Reading | None) -> bool:
        """A back-to-top button alone in its block, or the site's copyright line."""
        if reading is None or not reading.words:
            return False
        if reading.words <= _COPYRIGHT_WORDS and self.copyright_line.search(reading.text):
            return True
        top = self.back_to_top
        return top is not None and top.fullmatch(reading.text.strip()) is not None


def _row(reading: _Reading | None) -> bool:
    return reading is not None and len(reading.links) >= _ROW_LINKS
