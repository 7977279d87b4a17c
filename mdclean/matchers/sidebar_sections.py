"""``sidebar-sections``: a blog's sidebar, kept after the article as titled sections.

A crawler that reads a blog page top to bottom writes the sidebar after the article: each
widget becomes a heading over its body ("Recent Posts" over a list of links, "Archives" over
months, "Categories", "Blogroll", "Meta", "Calendar" over a table, "About me" over a short
bio). Each title alone is a word an article may use as a heading too ("Links",
"Categories"), so a section goes only where the page shows at least ``min_distinct``
different widget titles (``phrases``), each heading a section in the page's tail, after its
last block of text (``min_words`` words outside links, at least as many as inside them;
code counts as text). A section runs from its heading to the next heading. Unsafe: titles
and position are the evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .block_runs import neighbour_runs
from .chrome_tail import block_reading
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, matchable_title

_CODE_KINDS = frozenset({"fence", "code_block"})


class SidebarSectionsMatcher(BlockLabelMatcher):
    name = "sidebar-sections"
    params = MappingProxyType({**BlockLabelMatcher.params, "min_distinct": int, "min_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_distinct = int(params.get("min_distinct", 2))
        self.min_words = int(params.get("min_words", 30))

    def blocks_needed(self) -> int:
        # (the trigger wants as many blocks opened by a title as ``find`` wants titles)
        return self.min_distinct

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        last_text = self._last_text(doc, blocks, self._in_widget_sections(doc, blocks))
        if last_text is None:
            return  # no article to stand after
        sections: list[tuple[int, int]] = []
        titles: set[str] = set()
        i = last_text + 1
        while i < len(blocks):
            title = self._widget_title(doc, blocks[i])
            if title is None:
                i += 1
                continue
            end = i + 1
            while end < len(blocks) and blocks[end].kind != "heading":
                end += 1
            sections.append((i, end - 1))
            titles.add(title)
            i = end
        if len(titles) < self.min_distinct:
            return
        for first, last in _joined(sections):
            start, stop = doc.node_span(blocks[first])[0], doc.node_span(blocks[last])[1]
            yield Finding(start, stop, edits=(remove_blocks(doc, blocks[first], blocks[last]),))

    def _in_widget_sections(self, doc: Document, blocks: list[Node]) -> list[bool]:
        """For each block, whether it stands under a widget's title (up to the next heading):
        a widget's own text (the "About" box's bio, the archive's months) is not the article's."""
        under: list[bool] = []
        widget = False
        for node in blocks:
            if node.kind == "heading":
                widget = self._widget_title(doc, node) is not None
            under.append(widget)
        return under

    def _last_text(self, doc: Document, blocks: list[Node], skip: list[bool]) -> int | None:
        """The index of the page's last block of article text outside the widgets' sections
        (code counts as text; a table does not: a sidebar's calendar is one)."""
        for i in range(len(blocks) - 1, -1, -1):
            if skip[i]:
                continue
            if blocks[i].kind in _CODE_KINDS:
                return i
            if blocks[i].kind == "table":
                continue
            reading = block_reading(doc, blocks[i])
            if reading is None:
                return i
            if reading.outside >= self.min_words and reading.outside >= reading.inside:
                return i
        return None

    def _widget_title(self, doc: Document, node: Node) -> str | None:
        """The heading's title, folded, when it is a widget's."""
        if node.kind != "heading" or not self.is_label_block(doc, node):
            return None
        return " ".join(fold_width(matchable_title(doc, node)).casefold().split())


def _joined(sections: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Neighbouring sections as one run: separate removals would overlap at their seams."""
    return [(run[0][0], run[-1][1]) for run in neighbour_runs(sections, _meet)]


def _meet(before: tuple[int, int], section: tuple[int, int]) -> bool:
    """Whether ``section`` opens right after the last block of ``before``."""
    return before[1] + 1 == section[0]
