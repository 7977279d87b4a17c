"""``label-title-cards``: a related or recent posts widget kept as its label and its cards'
titles, the links stripped.

A text dump keeps a theme's related, popular or recent posts block as its title ("ARTICLES
CONNEXES", "Articles récents", "Related posts", "相关文章") over the cards' titles, each a
heading of its own, sometimes with the card's date or author line and the excerpt the theme
cut ("Le choix du bon nom de domaine pour votre site Web est crucial…"). The links are gone,
so no link rule sees the widget.

The label is a heading or a one-line paragraph whose whole text is a label of ``phrases``
(a dump may glue the block's second tab to it: "ARTICLES CONNEXESDU MÊME AUTEUR"). Below it,
a card is a heading without a link of at most ``max_title_words`` words, followed only by
*meta* blocks (a line of at most ``max_meta_words`` words that ends no sentence: a date, an
author; an empty list item; an image) and *excerpts* (a paragraph that ends on "..." or "…",
the theme's cut). The widget is the label and ``min_cards`` cards or more in a row; it ends
before the first heading followed by anything else (a section of the article: a heading
over prose is content), or at the first block that is neither a card's heading nor one of
its lines. Unsafe: the cards are told by their shape under a label.

Left alone: a heading over prose, a list of titles (a reading list an author writes), a
label over one card.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger
from ..models import Finding
from ..removal import remove_blocks
from .label_shapes import Shape, label_shape
from .linkblocks import Skeleton, skeleton, word_count
from .phrase_lists import fold_width
from .phrases import PhraseMatcher

_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)\]*_]*$")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]*_]*$")
_TITLE, _META, _OTHER = "title", "meta", "other"
# A block's second tab glued on by the dump ("RELATED ARTICLESMORE FROM AUTHOR", "ARTICLES
# CONNEXESDU MÊME AUTEUR"): a capital right after the label's last letter, then two words or
# more (a word the label only begins, "Linkedin", is no tab).
_GLUED_REST = r"(?:(?<=[^\W\d_])(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])[^\W\d_]{0,15}\s[^.!?\n]{1,40})?"


class TitleCardsMatcher(PhraseMatcher):
    name = "label-title-cards"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "min_cards": int,
            "max_title_words": int,
            "max_meta_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_cards = int(params.get("min_cards", 2))
        self.max_title_words = int(params.get("max_title_words", 20))
        self.max_meta_words = int(params.get("max_meta_words", 12))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        # What may follow the label, as wide as ``_label`` reads it (a colon, marks, a glued tab).
        return label_shape(self.labels, r"[^\n]{0,60}", whole=True)

    def trigger(self) -> Trigger:
        return self.labels_open(self.shape)

    @cached_property
    def _label(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self.labels})(?:[\W_]{{0,20}}|{_GLUED_REST})", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        sorts = [self._sort(doc, node) for node in blocks]
        i = 0
        while i < len(blocks):
            if not self._is_label(doc, blocks[i]):
                i += 1
                continue
            last, cards = _cards(sorts, i + 1)
            if cards >= self.min_cards:
                start, end = doc.node_span(blocks[i])[0], doc.node_span(blocks[last])[1]
                yield Finding(start, end, edits=(remove_blocks(doc, blocks[i], blocks[last]),))
                i = last
            i += 1

    def _is_label(self, doc: Document, node: Node) -> bool:
        if node.kind not in ("heading", "paragraph"):
            return False
        if node.kind == "paragraph" and doc.content_end_line(node) - node.start_line != 1:
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        return self._label.fullmatch(_reading(skel)) is not None

    def _sort(self, doc: Document, node: Node) -> str:
        """A card's title (a heading without a link), one of its lines, or anything else."""
        if node.kind in ("bullet_list", "ordered_list"):
            return _META if all(not item.children for item in node.children) else _OTHER
        if node.kind not in ("heading", "paragraph"):
            return _OTHER
        skel = skeleton(doc, node)
        if skel is None or skel.links:
            return _OTHER
        text = _reading(skel)
        words = word_count(text)
        if node.kind == "heading":
            return _TITLE if 0 < words <= self.max_title_words else _OTHER
        return _META if self._is_card_line(text, words) else _OTHER

    def _is_card_line(self, text: str, words: int) -> bool:
        """A card's date or author line, an image alone, or its excerpt cut by the theme."""
        if words == 0 or _ELLIPSIS.search(text):
            return True
        return words <= self.max_meta_words and _SENTENCE_END.search(text) is None


def _reading(skel: Skeleton) -> str:
    return fold_width(" ".join(skel.visible.split()))


def _cards(sorts: Sequence[str], start: int) -> tuple[int, int]:
    """From the block after a label: the index of the widget's last block, and how many
    cards it holds. A card is a title and the card lines under it; the widget ends before
    a title followed by anything else, or at the first block that is neither."""
    last, cards, i = start - 1, 0, start
    while i < len(sorts) and sorts[i] == _META:  # a date or an empty item above the first card
        i += 1
    while i < len(sorts) and sorts[i] == _TITLE:
        j = i + 1
        while j < len(sorts) and sorts[j] == _META:
            j += 1
        if j < len(sorts) and sorts[j] == _OTHER:
            break
        cards += 1
        last, i = j - 1, j
    return last, cards
