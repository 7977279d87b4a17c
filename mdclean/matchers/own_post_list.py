"""``own-post-list``: a heading over nothing but links to its own site's articles or sections,
beside the article's prose: a news site's "Most read" and "Top stories" boxes, its menu of
sections or columnists kept as headed lists.

A heading stands over blocks of links alone (lists, rows, paragraphs: no word, no picture
outside them) up to the next other block, ``min_links`` links or more, and every link:
- leads to the page's own site: a path from the site's root (``/news/…``), or an address on
  the site the page notes it was saved from (``saved_page.crawl_address``) or, without a note,
  on the site most of the page's links lead to (``link_site``);
- leads to an article or a listing of the site, by its address's shape: a dated or numbered
  address (``/2024/05/slug/``, ``?idx=10295``, ``/article/detail/20057``, ``/141``,
  ``…-09590596/``, a post's path: ``link_targets.is_post_address``) or a section's, tag's or list's
  page (``/category/x/``, ``/topics/x``, ``news_list.html``, ``?page=2``);
- is no manual's page (``fix_safety.reference_link``) and the links are no changelog's
  (``repository_links``).
The section stands outside the article: before its first paragraph of prose or after its last
(``min_prose_words`` words or more, at most a third of them links); a page without such a
paragraph is an index, whose lists are its content. A heading that names content ("See also",
"References": ``exempt``) keeps its section, unless every link is a thumbnail card of one of
the site's article permalinks (a theme's related widget under "Zobacz także"); so do relative links (a docs index) and links to
other sites (``link-farm-section``'s).

Heading and section go together. Unsafe: the box is read from its links' shapes; safe when the
heading is a known related-posts or navigation title (``phrases``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AllOf, AnyOf, Search, Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import reference_link, safe_if
from .link_site import link_site
from .link_targets import PERMALINK, is_own, is_post_address, site_of, target_shape
from .linkblocks import Link, link_list, prose_paragraph, skeleton
from .phrase_lists import whole_phrase
from .phrases import matchable_title
from .repository_links import record_of_work
from .saved_page import crawl_address

_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.M)
_NUMBERED = re.compile(
    r"[?&](?:idx|id|no|aid|nid|sid|seq|num|article_?id|news_?id|art_?id|p)=\d{2,}(?:[&#]|$)"
    r"|/\d{3,}(?:\.(?:s?html?|php|aspx?))?/?(?:[?#]|$)"
    r"|[-_/][a-z]{0,8}\d{5,}(?:\.(?:s?html?|php|aspx?))?/?(?:[?#]|$)",
    re.IGNORECASE,
)
"""An article's numbered address: an id in the query (``?idx=10295``), a number as the last
part of the path (``/141``, ``/detail/20057``, ``/12345.html``), a long number closing a slug
(``…-electric-09590596/``, ``/article236549120/``)."""
_LISTING = re.compile(
    r"/(?:tags?|category|categories|categoria|categorie|categorias|kategorie|kategori|rubrique"
    r"|rubrik|rubriken|rubrica|section|sections|sezioni|topics?|themen|series|columns?|kategoria"
    r"|chuyen-muc|danh-muc)/[^?#\s]"
    r"|/[\w-]*list[\w-]*\.(?:s?html?|php|aspx?)(?:[?#]|$)|/list/?(?:[?#]|$)"
    r"|[?&](?:page|paged|cat|category|section)=[\w-]+(?:[&#]|$)",
    re.IGNORECASE,
)
"""A listing's address: a section's, tag's or category's page (``/category/x``,
``/topics/cars/``), a list page (``news_list.html?bc=03``), a list's page number (``?page=2``)."""
_PROSE_LINK_SHARE = 3
"""A paragraph of prose: at most one word in this many a link's."""


class OwnPostListMatcher(Matcher):
    name = "own-post-list"
    params = MappingProxyType(
        {
            "phrases": list,
            "labels": list,
            "exempt": list,
            "min_links": int,
            "min_prose_words": int,
            "max_title_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.known_title = whole_phrase(params)
        self.exempt_title = whole_phrase(params, "exempt")
        self.min_links = int(params.get("min_links", 3))
        self.min_prose_words = int(params.get("min_prose_words", 30))
        self.max_title_words = int(params.get("max_title_words", 6))

    def trigger(self) -> Trigger:
        """A heading (ATX or setext) and a link in any form (inline, reference, HTML)."""
        return AllOf(
            (
                AnyOf((literals("#"), Search(_SETEXT_UNDERLINE, folded=False))),
                literals("](", "][", "]:", "<"),
            )
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        page = [node for node in doc.root.children if node.kind != "front_matter"]
        prose = [i for i, node in enumerate(page) if self._prose(doc, node)]
        if not prose:
            return
        boxes = [
            box
            for index, node in enumerate(page)
            if node.kind == "heading" and not prose[0] < index < prose[-1]
            if (box := self._box(doc, page, index)) is not None
        ]
        site = _page_site(doc, page) if boxes else None  # (read once, when a box may be)
        for heading, section, links, known, cards in boxes:
            if not _site_pages(links, site, cards=cards):
                continue
            start, end = doc.node_span(heading)[0], doc.node_span(section[-1])[1]
            edit = remove_blocks(doc, heading, section[-1])
            yield Finding(start, end, edits=(edit,), applicability=safe_if(known))

    def _box(
        self, doc: Document, page: list[Node], index: int
    ) -> tuple[Node, list[Node], list[Link], bool, bool] | None:
        """The heading ``page[index]``, the blocks of links alone under it, their links and
        whether its title is a known related-posts title; None when the heading is no box's
        (too few links, a long title, a content title)."""
        section, links = _link_blocks(doc, page, index + 1)
        if len(links) < self.min_links:
            return None
        title = matchable_title(doc, page[index])
        if not title or len(title.split()) > self.max_title_words:
            return None
        cards = _thumbnail_cards(doc, section, links)
        if self.exempt_title is not None and self.exempt_title.fullmatch(title) and not cards:
            return None
        known = self.known_title is not None and self.known_title.fullmatch(title) is not None
        return page[index], section, links, known, cards

    def _prose(self, doc: Document, node: Node) -> bool:
        """A paragraph of the article's prose: ``min_prose_words`` words or more, at most a
        third of them links'."""
        return prose_paragraph(doc, node, self.min_prose_words, _PROSE_LINK_SHARE)


def _thumbnail_cards(doc: Document, section: list[Node], links: list[Link]) -> bool:
    """Whether every link of the section is a thumbnail card of one of the site's articles: a
    picture in each link, each to an article's permalink (``link_targets``). A content title
    ("See also", "Zobacz także") over such cards is a theme's related-posts widget: a manual's
    or an author's list of reading holds no thumbnails."""
    source = "".join(doc.node_source(node) for node in section)
    if len(_LINKED_PICTURE.findall(source)) < len(links):
        return False
    return all(target_shape(link.href) == PERMALINK for link in links)


_LINKED_PICTURE = re.compile(r"\[\s*!\[")
"""A link that opens with a picture: ``[![](thumb.jpg) Title](…)``, ``[ ![](…) **Title** ](…)``."""


def _link_blocks(doc: Document, page: list[Node], first: int) -> tuple[list[Node], list[Link]]:
    """The blocks of links alone from ``page[first]`` on, up to the next other block, and
    their links (a box above the article ends where the article's title or text begins)."""
    blocks: list[Node] = []
    links: list[Link] = []
    for node in page[first:]:
        found = link_list(doc, node)
        if found is None:
            break
        blocks.append(node)
        links.extend(found)
    return blocks, links


def _page_site(doc: Document, page: list[Node]) -> str | None:
    """The page's own site: the one its saver noted, else the one most of its links lead to."""
    address = crawl_address(doc)
    if address is not None:
        return site_of(address)
    hrefs = (link.href for node in page for link in _block_links(doc, node))
    return link_site(hrefs)


def _block_links(doc: Document, node: Node) -> list[Link]:
    links: list[Link] = []
    for leaf in node.walk():
        skel = skeleton(doc, leaf) if leaf.kind in ("paragraph", "heading") else None
        links += skel.links if skel is not None else []
    return links


def _site_pages(links: list[Link], site: str | None, *, cards: bool = False) -> bool:
    """Whether every link leads to an article or a listing of the page's own site (``site``;
    a path from the site's root is the site's whatever it is), none to a manual's page, and
    the links are not a changelog's. Thumbnail cards (``cards``) are known to lead to
    articles' permalinks."""
    for link in links:
        href = link.href.strip()
        rooted = href.startswith("/") and not href.startswith("//")
        if not rooted and (site is None or not is_own(href, site, relative=False)):
            return False
        if reference_link(href) or not (cards or _article_or_listing(href)):
            return False
    # (a path from the root read as an address on a host: a forge's own pages link so)
    return not record_of_work([Link(link.text, _absolute(link.href)) for link in links])


def _absolute(href: str) -> str:
    href = href.strip()
    return "https://site.invalid" + href if href.startswith("/") and href[1:2] != "/" else href


def _article_or_listing(href: str) -> bool:
    return is_post_address(href) or bool(_NUMBERED.search(href) or _LISTING.search(href))
