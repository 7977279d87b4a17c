"""``promo-section``: the page's last section, when its heading promotes the author's other
channels ("## noteでも情報発信中", "## 关注我的公众号", "## Follow me on X") and what is under
it is only that pitch: short paragraphs, images (the channel's banner, a QR code) and lists
of links.

The heading is one of ``phrases``, whole. Its section (up to the next heading of the same or a
higher level) must be the page's last, and hold nothing but paragraphs, lists and HTML blocks
of at most ``max_words`` words in all (scripts without spaces counted by characters): a pitch
is short, and a section of the article under a heading like it goes on to headings, code or
tables. The heading and its section go as one block.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .linkblocks import heading_level, skeleton
from .phrase_block import PhraseBlockMatcher

_PITCH_KINDS = ("paragraph", "bullet_list", "ordered_list", "html_block")
_SECTION_WORDS = 200


class PromoSectionMatcher(PhraseBlockMatcher):
    name = "promo-section"
    params = MappingProxyType({**PhraseBlockMatcher.params, "section_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.section_words = int(params.get("section_words", _SECTION_WORDS))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in self.blocks_to_probe(doc, "heading"):
            if node.parent is None or node.parent.kind != "root":
                continue  # a heading inside a quote or list opens no section of the page
            if not self._may_match_block(doc, node, rough) or not self._matching(
                doc, node, self.start
            ):
                continue
            last = self._last_pitch_block(doc, node)
            if last is not None:
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, node, last),))

    def _last_pitch_block(self, doc: Document, heading: Node) -> Node | None:
        """The section's last block when the section ends the page and is a short pitch, else
        None (a heading with nothing under it is left to the rules of empty headings)."""
        words, last = 0, None
        following = heading.next_sibling
        while following is not None:
            if following.kind == "heading" and heading_level(doc, following) <= heading_level(
                doc, heading
            ):
                return None  # more of the page follows: this is not its last section
            words += _words(doc, following)
            if words > self.section_words:
                return None
            last, following = following, following.next_sibling
        return last


def _words(doc: Document, node: Node) -> int:
    """The block's words, or more than any pitch holds when it is not a pitch's kind of block
    (code, a table, a sub-heading)."""
    if node.kind not in _PITCH_KINDS:
        return _SECTION_WORDS * 100
    if node.kind in ("paragraph", "html_block"):
        skel = skeleton(doc, node)
        return _SECTION_WORDS * 100 if skel is None else skel.words()
    return sum(_words(doc, leaf) for item in node.children for leaf in item.children)
