"""``anchor-toc``: a docs theme's "On this page" box, its label and the list of the page's anchors.

Docs themes (Docusaurus, Starlight, MkDocs Material, Mintlify, GitBook, Google's and
Microsoft's docs) print a table of contents beside the article under a label of their own:
"On this page", "In this article", "Auf dieser Seite", "本页内容". A crawler writes it into
the page as the label and a list whose every link leads to a heading of the same page
(``#anchor``, or the page's address with an anchor). The label (a block whose whole text is
one of ``phrases``) and the list under it go together; a list with any other link, or under
an author's own "Contents" heading, stays.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import ParamError
from .link_targets import is_section_anchor
from .linkblocks import LIST_KINDS, link_list
from .phrase_lists import fold_width, phrase_pattern
from .phrases import BlockLabelMatcher


class AnchorTocMatcher(BlockLabelMatcher):
    name = "anchor-toc"
    params = MappingProxyType({**BlockLabelMatcher.params, "min_links": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        if phrase_pattern(params) is None:
            raise ParamError("params.phrases: give at least one phrase list or label")
        self.min_links = int(params.get("min_links", 2))

    def find(self, doc: Document) -> Iterator[Finding]:
        for label, rough in self.blocks_to_probe(doc, "paragraph", "heading"):
            if not self.probe.match(fold_width(rough)):
                continue
            toc = label.next_sibling
            if (
                toc is None
                or not self.is_label_block(doc, label)
                or not self._is_anchor_list(doc, toc)
            ):
                continue
            start, end = doc.node_span(label)[0], doc.node_span(toc)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, label, toc),))

    def _is_anchor_list(self, doc: Document, node: Node) -> bool:
        if node.kind not in LIST_KINDS:
            return False
        links = link_list(doc, node)
        return (
            links is not None
            and len(links) >= self.min_links
            and all(is_section_anchor(link.href) for link in links)
        )
