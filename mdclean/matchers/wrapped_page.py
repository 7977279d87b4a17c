"""``wrapped-page``: on a saved page, the list item a converter wrapped the article's page in.

A site that lays its page out with a list (``<ul><li>`` around the article's column, its
comments and its side boxes) comes out of markdownify or html2text as one list item that holds
the article's title, its text, its tail and the comment thread, every line indented under a
``*``. The readings of the page's regions (BP185's head and tail, BP305, BP083, BP307) read the
page's top-level blocks: inside the item they see one block, and read no region at all.

On a page that says it was saved from the web (BP185's gate), a top-level list item that holds
the article's prose core (``vouching.core_end``), ``_MIN_BLOCKS`` blocks or more and at least
half of the page's lines is the converter's layout, not a list of the author's: its list mark
and the indentation under it go, so its blocks stand at the page's top level and the region
readings read them. No word of the page goes: the fix is safe. Items whose lines are indented
with tabs, or that do not stand after a blank line (their text would join the block above),
are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Node
from ..models import Edit, Finding
from .article_region import ArticleRegionMatcher
from .thread_page import is_thread

_MIN_BLOCKS = 12
"""The blocks a wrapping item holds at least: the article's paragraphs and its tail's boxes."""
_PAGE_SHARE = 0.5
"""The share of the page's lines a wrapping item spans at least."""
_MARK = re.compile(r"( {0,3}(?:[-*+]|\d{1,9}[.)]))( {1,4})(?=\S)")
"""A list item's mark on its first line and the spaces after it, its content on that line."""


class WrappedPageMatcher(ArticleRegionMatcher):
    """BP185's gate; the top-level list item that holds the page's prose core."""

    name = "wrapped-page"

    def find(self, doc: Document) -> Iterator[Finding]:
        if is_thread(doc) or self.page_blocks(doc) is None:
            return
        from ..vouching import core_end  # (vouching reads the matchers' modules)

        end = core_end(doc)
        if end is None:
            return
        for node in doc.root.children:
            if node.kind not in ("bullet_list", "ordered_list"):
                continue
            for item in node.children:
                if item.start_line <= end < item.end_line and self._wrapper(doc, item):
                    edit = _unwrapped(doc, item)
                    if edit is not None:
                        yield Finding(edit.start, edit.end, edits=(edit,))
                    return

    def _wrapper(self, doc: Document, item: Node) -> bool:
        """Whether an item is the page's layout: many blocks, half of the page's lines, after a
        blank line (or at the page's top)."""
        if len(item.children) < _MIN_BLOCKS:
            return False
        if (item.end_line - item.start_line) < _PAGE_SHARE * doc.line_count:
            return False
        return item.start_line == 0 or not doc.line_text(item.start_line - 1).strip()


def _unwrapped(doc: Document, item: Node) -> Edit | None:
    """The edit that takes an item's list mark and the indentation of its content; None when
    its first line holds no content after the mark or a line of it is indented with a tab."""
    first = doc.line_text(item.start_line)
    mark = _MARK.match(first)
    if mark is None:
        return None
    width = len(mark.group(0))
    last = doc.content_end_line(item)
    lines = [first[width:] + doc.line_break(item.start_line)]
    for number in range(item.start_line + 1, last):
        line = doc.line_text(number)
        if "\t" in line[: width + 1]:
            return None
        spaces = len(line) - len(line.lstrip(" "))
        lines.append(line[min(spaces, width) :] + doc.line_break(number))
    start = doc.line_offset(item.start_line)
    end = doc.line_offset(last)
    return Edit(start, end, "".join(lines))
