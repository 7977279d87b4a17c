"""``affiliate-card``: a product card built on an affiliate link: a title that is the link, a
line or two of blurb, and a buy button to an affiliate address.

Authors and shop plugins put a product box in a post ("📘 The book on this topic", "### [Title]
(https://www.amazon.co.jp/dp/…?tag=me-22)", a one-line blurb, "[Read on Kindle →](…)"). A
converter keeps it as a few short blocks. The card is found by its links' shapes, whatever its
language: a *title* block (heading or paragraph) that is one link to an affiliate address
(``urls``: an Amazon associate tag, ``amzn.to``, a8.net, Rakuten, ShareASale...), then at most
``max_between`` short blocks without links (the blurb, a price, a box plugin's credit), then a
*button*: a paragraph that is nothing but affiliate links; a box's further buttons (a cover, then
the title, then a row of shops) go with it. A short label right before the title (no link, no
sentence end, led by a symbol or ending in a colon) goes with it.

An affiliate link inside a sentence, a title with a long review under it, a card with no
button, and a page of more than ``max_cards`` cards (a product roundup, whose cards are the
article) stay. A card whose title and button lead to the same affiliate address, or that holds a
box plugin's credit (``credit_links``), is a template's: it goes even in a roundup, and fixes
safely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .linkblocks import Skeleton, skeleton

# A label ends without a sentence's full stop; it opens with a symbol (an emoji) or ends in a colon.
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
_DETAIL_END = re.compile(r"[.!?:。！？：]\s*$")
_LABEL_SHAPE = re.compile(r"^[^\w\s\[(<]|[:：]\s*$")


class AffiliateCardMatcher(Matcher):
    name = "affiliate-card"
    params = MappingProxyType(
        {
            "keywords": list,
            "urls": list,
            "max_between": int,
            "max_blurb_words": int,
            "max_label_words": int,
            "max_cards": int,
            "credit_links": list,
            "max_detail_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.urls = any_pattern(compile_patterns(params.get("urls", []), "urls"))
        self.credits = any_pattern(compile_patterns(params.get("credit_links", []), "credit_links"))
        self.max_between = int(params.get("max_between", 2))
        self.max_blurb_words = int(params.get("max_blurb_words", 40))
        self.max_label_words = int(params.get("max_label_words", 15))
        self.max_cards = int(params.get("max_cards", 2))
        self.max_detail_words = int(params.get("max_detail_words", 12))

    def find(self, doc: Document) -> Iterator[Finding]:
        cards = list(self._cards(doc))
        # A roundup of products: its cards are the article, unless a box plugin credits them.
        roundup = sum(not credited for _, _, _, credited in cards) > self.max_cards
        for first, last, certain, credited in cards:
            if roundup and not credited:
                continue
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            yield Finding(
                start,
                end,
                edits=(remove_blocks(doc, first, last),),
                applicability=Applicability.SAFE if certain or credited else None,
            )

    def _cards(self, doc: Document) -> Iterator[tuple[Node, Node, bool, bool]]:
        page = doc.root.children
        index = 0
        while index < len(page):
            title = self._affiliate_target(doc, page[index], headings=True)
            card = self._card_from(doc, page, index, title) if title else None
            if card is None:
                index += 1
                continue
            last, certain, credited = card
            first = (
                page[index - 1] if index and self._is_label(doc, page[index - 1]) else page[index]
            )
            yield first, page[last], certain, credited
            index = last + 1

    def _card_from(
        self, doc: Document, page: list[Node], index: int, title: str
    ) -> tuple[int, bool, bool] | None:
        """The index of the card's last button, whether a button repeats the title's address,
        and whether a box plugin's credit stands in the card.

        The card runs on over short blurbs (at most ``max_between`` in a row) and further
        buttons (a cover, then the title, then a row of shops); it ends at its last button."""
        last: int | None = None
        certain = False
        credit_at = len(page)
        between = 0
        for at in range(index + 1, len(page)):
            button = self._affiliate_target(doc, page[at], headings=False)
            if button is not None:
                last, between = at, 0
                certain = certain or _same_address(button, title)
                continue
            between += 1
            if not self._card_goes_on(doc, page[at], between, after_button=last is not None):
                break
            skel = skeleton(doc, page[at])
            if skel is not None and skel.links:
                credit_at = min(credit_at, at)
        return None if last is None else (last, certain, credit_at < last)

    def _card_goes_on(self, doc: Document, node: Node, between: int, *, after_button: bool) -> bool:
        """Whether a block that is no button still belongs to the card: a short blurb, at most
        ``max_between`` in a row; after a button, only the box's own details (its credit, the
        author)."""
        if between > self.max_between or not self._is_blurb(doc, node):
            return False
        return not after_button or self._is_box_detail(doc, node)

    def _affiliate_target(self, doc: Document, node: Node, *, headings: bool) -> str | None:
        """The address of a block that is nothing but affiliate links (one link for a title)."""
        if node.kind not in (("paragraph", "heading") if headings else ("paragraph",)):
            return None
        skel = skeleton(doc, node)
        if skel is None or not skel.link_only or (headings and len(skel.links) != 1):
            return None
        if self.urls is None or not all(self.urls.search(link.href) for link in skel.links):
            return None
        return skel.links[0].href

    def _is_blurb(self, doc: Document, node: Node) -> bool:
        """A short paragraph with no link but the box plugin's credit ("posted with ヨメレバ")."""
        skel = skeleton(doc, node)
        return (
            node.kind == "paragraph"
            and skel is not None
            and all(
                self.credits is not None and self.credits.search(link.href) for link in skel.links
            )
            and skel.words() <= self.max_blurb_words
        )

    def _is_box_detail(self, doc: Document, node: Node) -> bool:
        """A box's credit line, or a line of details (author, maker, date) that is no sentence."""
        skel = skeleton(doc, node)
        if skel is None:
            return False
        if skel.links:
            return True  # the blurb's only links are the box plugin's credit
        text = " ".join(skel.visible.split())
        return skel.words() <= self.max_detail_words and _DETAIL_END.search(text) is None

    def _is_label(self, doc: Document, node: Node) -> bool:
        skel: Skeleton | None = skeleton(doc, node)
        if node.kind != "paragraph" or skel is None or skel.links or skel.images:
            return False
        text = " ".join(skel.visible.split())
        return (
            0 < skel.words() <= self.max_label_words
            and _SENTENCE_END.search(text) is None
            and _LABEL_SHAPE.search(text) is not None
        )


def _same_address(first: str, second: str) -> bool:
    """Whether two links lead to the same address (a fragment or trailing slash aside)."""
    return first.split("#")[0].rstrip("/") == second.split("#")[0].rstrip("/")
