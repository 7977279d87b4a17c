"""``orphan-box-title``: a related, most-read or recommended box's title left without its box.

An extractor (trafilatura, Readability, a clipper) keeps a widget's title and drops the widget
it titled: its teasers were scripts, an ad network's placeholder or links another reading took.
The page then ends "関連キーワード", "おすすめ情報", or a "###### Recommended" stands over an
empty link and the next section's heading. A title alone tells nothing of an article: it goes.

The title is a heading or a paragraph whose whole text is a phrase of the rule's lists (the
box titles of related-posts plugins and news CMS widgets, fifteen languages). It is an orphan
when nothing of a box follows it: after it (blocks without a word aside: an empty link, a
picture) comes the page's end, a heading of its rank or higher (any heading, under a
paragraph title), or another such title. It stands outside the article: a paragraph of prose
(``min_prose_words`` words or more, mostly not links) stands before it and none after it. The
title goes with the wordless blocks under it. What stays: a title over anything (a list, a
paragraph, a card), a title inside the article, a page without prose.

Unsafe: a title's words are the only evidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .linkblocks import heading_level, prose_paragraph, skeleton
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, PhraseMatcher

_LABEL_KINDS = ("paragraph", "heading")
_PROSE_LINK_SHARE = 3  # of a prose paragraph's words, at most one in three a link's


class OrphanBoxTitleMatcher(BlockLabelMatcher):
    name = "orphan-box-title"
    params = MappingProxyType({**PhraseMatcher.params, "min_prose_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_prose_words = int(params.get("min_prose_words", 30))

    def find(self, doc: Document) -> Iterator[Finding]:
        prose: list[int] | None = None  # (read once, when a title is found)
        for node, rough in self.blocks_to_probe(doc, *_LABEL_KINDS):
            last = self._orphan(doc, node, rough)
            if last is None:
                continue
            if prose is None:
                prose = self._prose_lines(doc)
            if not prose or prose[-1] > node.start_line:
                continue  # (no article, or the title stands inside it)
            start, end = doc.node_span(node)[0], doc.node_span(last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, node, last),))

    def _orphan(self, doc: Document, node: Node, rough: str) -> Node | None:
        """The last block of an orphan title at ``node`` (``_orphan_end``); None for none."""
        if node.parent is not doc.root or not self.probe.match(fold_width(rough)):
            return None
        return self._orphan_end(doc, node) if self._title(doc, node) else None

    def _prose_lines(self, doc: Document) -> list[int]:
        """The first lines of the page's paragraphs of prose."""
        return [
            n.start_line
            for n in doc.root.children
            if prose_paragraph(doc, n, self.min_prose_words, _PROSE_LINK_SHARE)
        ]

    def _title(self, doc: Document, node: Node) -> bool:
        """A block that is a title and nothing else, on one line, emphasis marks aside."""
        if node.end_line - node.start_line != 1 and node.kind == "paragraph":
            return False
        return self.is_label_block(doc, node) or self._emphasised_label(doc, node)

    def _emphasised_label(self, doc: Document, node: Node) -> bool:
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        text = " ".join(fold_width(skel.text).strip(" _*").split())
        return self.label.fullmatch(text) is not None

    def _orphan_end(self, doc: Document, title: Node) -> Node | None:
        """The title's last block with the wordless blocks under it, when nothing of a box
        follows them; None otherwise."""
        last = title
        node = title.next_sibling
        while node is not None and _wordless(doc, node):
            last, node = node, node.next_sibling
        if node is None:
            return last
        if node.kind == "heading":
            if title.kind != "heading" or heading_level(doc, node) <= heading_level(doc, title):
                return last
            return None
        if node.kind in _LABEL_KINDS and self._title(doc, node):
            return last
        return None


def _wordless(doc: Document, node: Node) -> bool:
    """A paragraph without a word: an empty link, a picture without words around it."""
    if node.kind != "paragraph":
        return False
    skel = skeleton(doc, node)
    return skel is not None and skel.words() == 0
