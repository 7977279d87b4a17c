"""``widget-section``: a sidebar or footer widget kept as a section under its known title.

Blog and CMS themes print their widgets under fixed titles: "Related posts", "Ähnliche
Beiträge", "関連記事" over cards of other posts; "Search", "Formulaire de recherche",
"検索" over a search box. A scraper keeps the title as a heading and little of the
widget: a button's caption ("Rechercher"), the cards' thumbnails and titles as images
and sub-headings, a template include the site never rendered (``{% include
list-posts %}``), or nothing at all. The heading goes with its section when every block
of it is such a remnant:

- a card (with ``cards``): an image alone, a sub-heading of at most ``max_words`` words,
  or a template tag alone (Liquid, Jinja, Hugo); with ``card_links``, a paragraph (not a
  list) of links to article pages of one site (absolute addresses with a path);
- a short text in plain words (no code, emphasis or link), at most ``max_bare`` of them, of at most ``max_words``
  words each (a caption, the widget's one-line lead);
- a block of links with at most ``max_words`` words besides (with ``link_blocks``).

The section ends at the next heading of its level or above (any heading without
``cards``); with ``before_links`` it may end earlier, at a block of links alone (the next
widget, untitled: a menu); with cards of links, where its cards end (the next widget's
blocks follow without a title). An empty section goes only at the page's end; with ``needs_card`` a section
of text alone stays. A list, a table, code or a longer paragraph keeps the section: a
docs page's "Related articles" list with descriptions is content.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from .link_words import words_besides_links
from .linkblocks import Skeleton, heading_level, link_list, skeleton, word_count
from .navigation_section import TitledSectionMatcher
from .phrases import matchable_title
from .post_navigation_row import article_page

# A template tag alone in its block: Liquid/Jinja ``{% … %}``, ``{{ … }}``, Hugo ``{{< … >}}``.
_TEMPLATE_TAG = re.compile(r"\s*(?:\{%.*?%\}|\{\{.*?\}\})\s*", re.S)

# Markup in a line of text: code, emphasis, a link or an HTML tag; a caption has none.
_MARKUP = re.compile(r"[`*_\[\]<>{}|]")

_CARD, _LINK_CARD, _BARE, _LINKS = "card", "link card", "bare", "links"


class WidgetSectionMatcher(TitledSectionMatcher):
    name = "widget-section"
    params = MappingProxyType(
        {
            "keywords": list,
            "phrases": list,
            "labels": list,
            "max_blocks": int,
            "max_words": int,
            "max_bare": int,
            "cards": bool,
            "needs_card": bool,
            "link_blocks": bool,
            "before_links": bool,
            "card_links": bool,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_blocks = int(params.get("max_blocks", 12))
        self.max_words = int(params.get("max_words", 12))
        self.max_bare = int(params.get("max_bare", 1))
        self.cards = bool(params.get("cards", False))
        self.needs_card = bool(params.get("needs_card", False))
        self.link_blocks = bool(params.get("link_blocks", False))
        self.before_links = bool(params.get("before_links", False))
        self.card_links = bool(params.get("card_links", False))

    def _last_of_section(self, doc: Document, page: list[Node], index: int) -> Node | None:
        """The last block of the titled section when it is only a widget's remnants (the
        heading itself when nothing follows it on the page), else None."""
        section = self._section(doc, page, index)
        if not section:
            return page[index] if _empty_section(doc, page, index) else None
        level = heading_level(doc, page[index])
        kinds = self._widget(doc, section, [self._remnant(doc, b, level) for b in section])
        if not kinds or len(kinds) > self.max_blocks or kinds.count(_BARE) > self.max_bare:
            return None
        if self.needs_card and _CARD not in kinds and _LINK_CARD not in kinds:
            return None
        return section[len(kinds) - 1]

    def _widget(self, doc: Document, section: list[Node], kinds: list[str | None]) -> list[str]:
        """The kinds of the section's blocks that are the widget's (none: it is not a widget).
        With ``before_links``, the widget may end at a block of links alone, an untitled menu."""
        if None not in kinds:
            return [kind for kind in kinds if kind is not None]
        if _LINK_CARD in kinds:
            return _card_prefix(kinds)
        end = kinds.index(None)
        if not self.before_links or not end or not _link_only(doc, section[end]):
            return []
        return [kind for kind in kinds[:end] if kind is not None]

    def _section(self, doc: Document, page: list[Node], index: int) -> list[Node]:
        """The blocks under the heading at ``index``: up to the next heading, or with ``cards``
        up to the next heading of its level or above."""
        level = heading_level(doc, page[index])
        blocks: list[Node] = []
        for node in page[index + 1 :]:
            if node.kind == "heading" and (not self.cards or heading_level(doc, node) <= level):
                break
            blocks.append(node)
        return blocks

    def _remnant(self, doc: Document, node: Node, level: int) -> str | None:
        """What kind of widget remnant a block is (``_CARD``, ``_BARE``, ``_LINKS``), or None."""
        if node.kind == "heading":
            deeper = heading_level(doc, node) > level
            return _CARD if deeper and self._short(matchable_title(doc, node)) else None
        if node.kind != "paragraph":
            return None
        source = doc.text[slice(*doc.node_span(node))]
        if self.cards and _TEMPLATE_TAG.fullmatch(source):
            return _CARD
        skel = skeleton(doc, node)
        return None if skel is None else self._paragraph_remnant(skel, source)

    def _paragraph_remnant(self, skel: Skeleton, source: str) -> str | None:
        """A paragraph's kind of remnant: a thumbnail, links, or a caption in plain words."""
        if _thumbnail(skel):
            return _CARD if self.cards else None
        besides = words_besides_links(skel)
        if self.card_links and _article_cards(skel, besides, self.max_words):
            return _LINK_CARD
        if skel.links:
            return _LINKS if self.link_blocks and besides <= self.max_words else None
        plain = not _MARKUP.search(source)
        return _BARE if plain and self._short(skel.visible) else None

    def _short(self, text: str) -> bool:
        return 0 < word_count(text) <= self.max_words


def _link_only(doc: Document, node: Node) -> bool:
    """Whether a block is links alone (a list of them, or a row)."""
    return link_list(doc, node) is not None


def _thumbnail(skel: Skeleton) -> bool:
    """Whether a paragraph is an image alone (maybe linked), without words."""
    if not skel.images or words_besides_links(skel):
        return False
    return all(not link.text.strip() for link in skel.links)


def _empty_section(doc: Document, page: list[Node], index: int) -> bool:
    """Whether the heading at ``index`` titles nothing: it ends the page, or the next heading
    is of its level or above (a sibling, the next widget's title; not a sub-heading)."""
    if index == len(page) - 1:
        return True
    following = page[index + 1]
    level = heading_level(doc, page[index])
    return following.kind == "heading" and heading_level(doc, following) <= level


def _article_cards(skel: Skeleton, besides: int, max_words: int) -> bool:
    """Whether a paragraph is cards of articles: links to article pages of one site (absolute
    addresses with a path), with few words besides."""
    if not skel.links or besides > max_words:
        return False
    pages = [article_page(link.href) for link in skel.links]
    hosts = {page[0] for page in pages if page is not None}
    return None not in pages and len(hosts) == 1


def _card_prefix(kinds: list[str | None]) -> list[str]:
    """Cards of links prove the widget: it ends where its cards (after a lead) end."""
    end = 1 if kinds[0] == _BARE else 0
    while end < len(kinds) and kinds[end] in (_CARD, _LINK_CARD):
        end += 1
    found = [kind for kind in kinds[:end] if kind is not None]
    return found if _LINK_CARD in found else []
