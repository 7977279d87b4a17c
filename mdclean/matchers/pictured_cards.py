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

A converter may split a card into blocks: a paragraph of its picture (a kicker of a few words
beside it, or the picture glued under the prose above when no blank line parts them), a
heading that is the headline linking the article (or plain, inside a link the converter
opened with a lone "[" above and closed under it: `` Leer más](URL)``), and perhaps a "more"
button linking the same article. Such a split card is a lone card with two marks of its own
(the picture and the headline heading's link); it goes when the page holds ``min_cards``
cards and ``split_prose_per_card`` paragraphs of prose per split card (a roundup whose every
item is a picture, a linked heading and a paragraph keeps them).

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
from .inline_links import is_one_image
from .link_targets import is_article_link, is_permalink, is_picture
from .linkblocks import skeleton, word_count
from .phrase_lists import fold_width
from .teaser_run import TeaserReader, own_target, page_site, read_block

_OPENS_WITH_PICTURE = re.compile(r"\s*\[\s*!\[")  # matched at the block's start
_OPENER = re.compile(r"\s*\[\s*")  # a link a converter opened before a card's heading
_REMNANT = re.compile(r"(?P<text>[^\[\]]*)\]\((?P<href>[^\s()<>]+)\)\s*")
"""The closing half of a card's broken link after its heading: " Leer más](URL)"."""
_KICKER_WORDS = 3
_BUTTON_WORDS = 3
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
            "split_prose_per_card": int,
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
        self.split_prose = int(params.get("split_prose_per_card", 3))
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
        runs, splits, lone_go = read
        spans = [(self._first(doc, run, lone_go=lone_go), run) for run in runs]
        spans += [(split[0] if lone_go else None, split) for split in splits]
        for first, run in sorted(spans, key=lambda span: doc.node_span(span[1][0])[0]):
            if first is not None:
                start, end = doc.node_span(first)[0], doc.node_span(run[-1])[1]
                yield Finding(start, end, edits=(remove_blocks(doc, first, run[-1]),))

    def _runs(
        self, doc: Document, page: list[Node]
    ) -> tuple[list[list[Node]], list[list[Node]], bool] | None:
        """The page's runs of cards, its split cards, and whether its lone cards go; None on a
        page with too little prose (an index of teasers)."""
        prose = sum(1 for node in page if self.reader.prose(doc, node))
        if prose < self.min_prose:
            return None
        site = page_site(doc)
        runs = _runs([self._card(doc, node, site) for node in page], page)
        splits = self._split_cards(doc, page, site)
        lone = sum(1 for run in runs if len(run) < self.min_run)
        prose_needed = self.prose_per_card * lone + self.split_prose * len(splits)
        return runs, splits, lone + len(splits) >= self.min_cards and prose >= prose_needed

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

    def _split_cards(self, doc: Document, page: list[Node], site: str | None) -> list[list[Node]]:
        """The cards a converter split into blocks: a picture, a heading that is the linked
        article's headline, perhaps a "more" button to the same article; each a lone card."""
        cards = []
        for index, node in enumerate(page):
            if node.kind == "heading" and index > 0:
                card = self._split_card(doc, page, index, site)
                if card is not None:
                    cards.append(card)
        return cards

    def _split_card(
        self, doc: Document, page: list[Node], index: int, site: str | None
    ) -> list[Node] | None:
        """The blocks of a split card whose heading is ``page[index]``, or None.

        Above the heading: a paragraph of a picture alone (a kicker of a few words beside it),
        perhaps the "[" of a link a converter opened before the heading. The heading is a
        headline: one link to an article of the site, or plain when the opened link closes
        right under it (" Leer más](URL)"). A paragraph of one short button linking the same
        article may follow. Two marks at least: the picture and the link's own parts."""
        opened = _OPENER.fullmatch(_source(doc, page[index - 1])) is not None
        first = self._picture_above(doc, page, index - 1 - opened, opened=opened)
        if first is None:
            return None
        after = page[index + 1] if index + 1 < len(page) else None
        href = self._heading_target(doc, page[index], after if opened else None)
        if href is None or not _own_article(href, site):
            return None
        last = index + (after is not None and self._button(doc, after, href, opened=opened))
        return page[first : last + 1]

    def _picture_above(
        self, doc: Document, page: list[Node], index: int, *, opened: bool
    ) -> int | None:
        """Where a split card starts: at its picture's paragraph ``page[index]``, or right
        after it when the picture closes a paragraph of prose (which stays); None without."""
        if index < 0:
            return None
        if self._card_picture(doc, page[index]):
            return index
        if opened or not _picture_lines(_source(doc, page[index])):
            return None
        return index + 1

    def _card_picture(self, doc: Document, node: Node) -> bool:
        """A paragraph of a picture (linked or not) and at most a kicker's few words."""
        if node.kind != "paragraph":
            return False
        reading = read_block(doc, node)
        if reading.images != 1 or len(reading.links) > 1:
            return False
        return word_count(reading.rest) <= _KICKER_WORDS

    def _heading_target(self, doc: Document, node: Node, closing: Node | None) -> str | None:
        """Where a card's heading leads: its one link, or the broken link closing under it."""
        reading = read_block(doc, node)
        if reading.images:
            return None
        if closing is None:
            if reading.broken or len(reading.links) != 1 or word_count(reading.rest) > 1:
                return None
            name, href = reading.links[0]
        else:
            match = _REMNANT.fullmatch(_source(doc, closing))
            if reading.broken or reading.links or match is None:
                return None
            name, href = reading.rest, match.group("href")
        words = word_count(fold_width(name).strip(" _*:"))
        return href if self.min_title_words <= words <= self.max_title_words else None

    def _button(self, doc: Document, node: Node, href: str, *, opened: bool) -> bool:
        """Whether the block is the card's "more" button: a few words linking its article (or
        closing the link the card opened)."""
        if node.kind != "paragraph":
            return False
        raw = _source(doc, node)
        if opened:
            return _REMNANT.fullmatch(raw) is not None
        reading = read_block(doc, node)
        if reading.rest or reading.images or len(reading.links) != 1:
            return False
        name, target = reading.links[0]
        return target == href and word_count(name) <= _BUTTON_WORDS

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


def _own_article(href: str, site: str | None) -> bool:
    """Whether a card's headline links an article of the page's own site (not a picture)."""
    if own_target(href, site) is not True or is_picture(href):
        return False
    return is_permalink(href, headline=True)


def _picture_lines(raw: str) -> bool:
    """Whether a paragraph's last lines are a picture alone and perhaps a kicker of a few words
    (a converter that keeps no blank line glued the card's picture to the prose above)."""
    lines = [line.strip() for line in raw.strip().splitlines()]
    if len(lines) > 2 and not is_one_image(lines[-1]):
        if word_count(lines[-1]) > _KICKER_WORDS:
            return False
        lines.pop()
    return len(lines) > 1 and is_one_image(lines[-1])


def _source(doc: Document, node: Node) -> str:
    start, end = doc.node_span(node)
    return doc.text[start:end]


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
