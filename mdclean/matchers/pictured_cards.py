"""``pictured-cards``: a teaser card of the site's own article set in the article's text, read by its
shape: one link around a thumbnail and a headline, alone in its paragraph.

A news site prints "related" cards inside the article's body ("Relacionadas", "Read more",
a lone card between two paragraphs) and converters keep each as a paragraph that is one link
whose text is a picture and the linked article's headline::

    [![](//media.example.com/w400/thumb.jpg)**Drill, baby drill? Trump policies will hurt climate**](https://www.example.com/articles/d41586-025-00243-8)

    [
    ![](https://img.example.com.br/placeholder_300x225.png) Trump fez exame para detectar
    coronavírus e aguarda resultados  ](http://noticias.example.com.br/internacional/2020/03/14/trump-fez-exame.htm)

No wording is read: the card is the evidence, in any language. A *card* is a paragraph whose
whole text is one link (wrapped over lines as a converter leaves it) that opens with a picture
and holds a headline of ``min_title_words`` to ``max_title_words`` words beside it, leading to
an article of the page's own site by a strict reading of its address (a dated path, a
numbered one, an ``/article/``-like folder: ``link_targets.is_article_link`` with ``strict``;
a slug alone is a product's or a manual's page as often), not a picture file.

What goes:
- a run of ``min_run`` cards or more one after another (a box inside the article), with the
  short label right above it (a heading without a link, or a line of at most
  ``max_label_words`` words that ends no sentence);
- lone cards between the prose, when the page holds ``min_cards`` of them or more and at least
  ``prose_per_card`` paragraphs of prose per card (a news article's body with a card every few
  paragraphs; a roundup post whose every item is a card and a paragraph keeps its cards).
Nothing goes on a page with fewer than ``min_prose`` paragraphs of prose of
``min_prose_words`` words (an index of teasers).

What stays: a figure that links its own full-size picture, a picture linking another site
(a product, a partner), a link card without a picture, a card whose text is a sentence of
prose (more than ``max_title_words`` words), docs pages' cards (slugs, not articles).

Unsafe: the card is read from its shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AtLeast, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_targets import is_article_link, is_picture
from .linkblocks import skeleton, word_count
from .phrase_lists import fold_width
from .teaser_run import TeaserReader, own_target, page_site, read_block

_OPENS_WITH_PICTURE = re.compile(r"\s*\[\s*!\[")  # matched at the block's start
_SENTENCE_END = re.compile(r"[.!?。！？:：;；](?:[\"'”’)）\]*_]*)$")


class PicturedCardsMatcher(Matcher):
    name = "pictured-cards"
    params = MappingProxyType(
        {
            "min_title_words": int,
            "max_title_words": int,
            "min_run": int,
            "min_cards": int,
            "prose_per_card": int,
            "min_prose": int,
            "min_prose_words": int,
            "max_label_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_title_words = int(params.get("min_title_words", 3))
        self.max_title_words = int(params.get("max_title_words", 30))
        self.min_run = int(params.get("min_run", 2))
        self.min_cards = int(params.get("min_cards", 2))
        self.prose_per_card = int(params.get("prose_per_card", 4))
        self.min_prose = int(params.get("min_prose", 3))
        self.max_label_words = int(params.get("max_label_words", 6))
        self.reader = TeaserReader({"min_prose_words": int(params.get("min_prose_words", 30))})

    def trigger(self) -> Trigger:
        """Two cards at least, each a picture inside a link: two ``](`` each."""
        return AtLeast("](", 2 * min(self.min_run, self.min_cards))

    def find(self, doc: Document) -> Iterator[Finding]:
        if "![" not in doc.text:
            return
        page = [node for node in doc.root.children if node.kind != "front_matter"]
        read = self._runs(doc, page)
        if read is None:
            return
        runs, lone_go = read
        for run in runs:
            first = self._first(doc, run, lone_go=lone_go)
            if first is not None:
                start, end = doc.node_span(first)[0], doc.node_span(run[-1])[1]
                yield Finding(start, end, edits=(remove_blocks(doc, first, run[-1]),))

    def _runs(self, doc: Document, page: list[Node]) -> tuple[list[list[Node]], bool] | None:
        """The page's runs of cards, and whether its lone cards go; None on a page with too
        little prose (an index of teasers)."""
        prose = sum(1 for node in page if self.reader.prose(doc, node))
        if prose < self.min_prose:
            return None
        site = page_site(doc)
        runs = _runs([self._card(doc, node, site) for node in page], page)
        lone = sum(1 for run in runs if len(run) < self.min_run)
        return runs, lone >= self.min_cards and prose >= self.prose_per_card * lone

    def _first(self, doc: Document, run: list[Node], *, lone_go: bool) -> Node | None:
        """The first block a run of cards takes (its label, if any), or None when it stays."""
        if len(run) >= self.min_run:
            return self._label(doc, run[0]) or run[0]
        return run[0] if lone_go else None

    def _card(self, doc: Document, node: Node, site: str | None) -> bool:
        """Whether the block is a card: one link around a picture and a headline, to an
        article of the site."""
        if node.kind != "paragraph":
            return False
        start, end = doc.node_span(node)
        if not _OPENS_WITH_PICTURE.match(doc.text, start, end):
            return False
        reading = read_block(doc, node)
        if reading.broken or len(reading.links) != 1 or reading.rest or not reading.images:
            return False
        name, href = reading.links[0]
        if not self.min_title_words <= word_count(name) <= self.max_title_words:
            return False
        if own_target(href, site) is not True or is_picture(href):
            return False
        return is_article_link(href, strict=True)

    def _label(self, doc: Document, node: Node) -> Node | None:
        """The short label right above a run of cards ("#### Relacionadas"), if any."""
        label = node.previous_sibling
        if label is None or label.kind not in ("heading", "paragraph"):
            return None
        skel = skeleton(doc, label)
        if skel is None or skel.links or skel.images:
            return None
        text = " ".join(fold_width(skel.visible).strip(" _*#").split())
        if not text or word_count(text) > self.max_label_words:
            return None
        if label.kind == "paragraph" and _SENTENCE_END.search(text):
            return None
        return label


def _runs(cards: list[bool], page: list[Node]) -> list[list[Node]]:
    """The cards in runs of neighbours (a rule between two cards keeps them one run)."""
    runs: list[list[Node]] = []
    current: list[Node] = []
    for is_card, node in zip(cards, page, strict=True):
        if is_card:
            current.append(node)
        elif node.kind != "hr" and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
