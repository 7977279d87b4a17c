"""``head-above-title``: on a saved page, the site's blocks above the title its saver named.

A clipper or crawler names the page it saved: Obsidian Web Clipper's and MarkDownload's front
matter ``title:``, Jina Reader's "Title:" line, a converter's title line that the page's heading
repeats (``head_parts.title_anchors``, the anchors it calls named). On a page that says it was
saved from the web (the gate of ``article_region``), the heading that names that title is
where the article starts, and what a converter kept above it is the site's head: the menu as
bare lines (a dump that lost its links), the search form's captions, the breadcrumb, the
language list, the share tools, the category and the date above the title. Those blocks go.

Never removed: the saver's own lines (front matter, "Title:", "URL Source:", "Markdown
Content:"), a block of prose (``min_words`` words, few links, a sentence's end) or a sentence
(``article_region.SAYING_WORDS`` words and its end: a standfirst, a notice other rules read), code,
tables, pictures without links (a hero picture). Not read: a page where two blocks or more above the
title hold a sentence (the title is a section's heading the article reached, not its top),
forum threads, pages without the sign of a saving.
Unsafe: the head is read from the page's shape.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .address_title import slug_names, slug_words
from .article_notes import CreditReader, is_figure_caption
from .article_region import (
    SENTENCE_MARK,
    ArticleRegionMatcher,
    _dropdown_menu,
    _head_title,
    _Reading,
    names_consent,
    says,
)
from .block_runs import neighbour_runs
from .fix_safety import safe_if
from .head_parts import Anchor, leading_source_lines, title_anchors
from .healed_reading import is_continuation
from .link_targets import site_of
from .page_head import heading_text, names_title
from .phrase_lists import phrase_pattern
from .saved_page import address_heading, crawl_address
from .thread_page import is_thread

_HEAD_KINDS = frozenset({"paragraph", "heading", "bullet_list", "ordered_list", "blockquote", "hr"})
_SPOKEN = 2
"""Blocks of sentences above the title that show the article has begun there."""
_POOL_LINKS = 20
"""The links to the web of a head that is the site's pool of links (its menu tree), the
article's title of level one under it."""
_POOL_SHARE = (2, 3)
"""The share of a pool's words that are links' texts, at least."""


class TitleHeadMatcher(ArticleRegionMatcher):
    """BP185's gate, readings and region; the title a clipper or crawler named."""

    name = "head-above-title"
    params = MappingProxyType({**ArticleRegionMatcher.params, "credits": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._credits = CreditReader(phrase_pattern(params, "credits", "credit_labels"))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = None if is_thread(doc) else self.page_blocks(doc)
        if page is None:
            return  # (a forum thread's posts are its article)
        blocks, readings = page
        found = self._head(doc, blocks, readings)
        if found is not None:
            yield from self._head_runs(doc, blocks, readings, found)

    def _head(
        self, doc: Document, blocks: list[Node], readings: list[_Reading | None]
    ) -> tuple[range, str | None] | None:
        """The blocks between the saver's own lines and the title it named, and that title
        (folded) when a heading prints it twice (None where it stands once, or where the
        address's slug names it); None without a named title at or
        above the article's first block, or when two blocks there hold a sentence (the heading
        is a section the article reached)."""
        region = self._region(doc, blocks, readings)
        if region is None:
            return None
        anchor = named_title(doc, blocks, region[0])
        if anchor is None:
            slug = self._slug_head(doc, blocks, readings, region[1])
            return slug if slug is not None else self._pool_head(doc, blocks, readings, region)
        last = last_naming(doc, blocks, anchor, region[0])
        head = range(anchor.top, last)
        # (the title printed twice as a heading, the crawler's and the article's, is the
        # second attestation that lets one sentence stand in the head: ``_titled``)
        twice = anchor.title if _printed_twice(doc, blocks, anchor, last) else None
        return None if sum(_speaks(readings[i]) for i in head) >= _SPOKEN else (head, twice)

    def _slug_head(
        self, doc: Document, blocks: list[Node], readings: list[_Reading | None], last: int
    ) -> tuple[range, str | None] | None:
        """Without a named title, the head above the heading the address's slug names."""
        head = address_head(doc, blocks, last)
        if head is None:
            return None
        # (the slug is the title's own words: a menu's or a banner's line with a sentence's
        # end above it is the site's; blocks of prose there, but a consent panel's, would
        # show the article began above)
        prose = [i for i in head if self._is_text(blocks[i], readings[i])]
        spoken = sum(not names_consent(readings[i]) for i in prose) >= _SPOKEN
        return None if spoken else (head, None)

    def _pool_head(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        region: tuple[int, int],
    ) -> tuple[range, str | None] | None:
        """Without a named title, the head above the article's title of level one
        (``_head_title``) when that head is the site's pool of links, the second sign that
        the heading opens the article: ``_POOL_LINKS`` links or more to the web (a menu's
        tree, its submenus, its teasers), most of its words links, no block of prose or
        sentence of its own; the article's text goes on under the title."""
        title = _kicked_title(doc, blocks, region)
        if title is None:
            return None
        head = range(leading_source_lines(doc, blocks), title)
        if not _pool([reading for i in head if (reading := readings[i]) is not None]):
            return None
        if any(self._is_text(blocks[i], readings[i]) or _speaks(readings[i]) for i in head):
            return None
        return head, None

    def _head_runs(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        found: tuple[range, str | None],
    ) -> Iterator[Finding]:
        head, title = found
        chosen = self._chosen(doc, blocks, readings, head)
        address = crawl_address(doc)
        site = None if address is None else site_of(address)
        quiet = not any(says(readings[i]) for i in head)
        for run in neighbour_runs(chosen, lambda before, index: before + 1 == index):
            first, last = blocks[run[0]], blocks[run[-1]]
            span = (doc.node_span(first)[0], doc.node_span(last)[1])
            # (one sentence above a title the saver named, a tagline's, a disclosure's, stays
            # and leaves the runs around it safe when their headings print that title again)
            calm = quiet or _titled(doc, [blocks[i] for i in run], title)
            sure = calm and site is not None
            sure = sure and self._plain_head(doc, blocks, readings, run, (site or "", address))
            edit = remove_blocks(doc, first, last)
            yield Finding(*span, edits=(edit,), applicability=safe_if(sure))

    def _chosen(
        self, doc: Document, blocks: list[Node], readings: list[_Reading | None], head: range
    ) -> list[int]:
        """The head's blocks that are the site's, its lead figure's parts aside."""
        return [
            i
            for i in head
            if self._site_block(blocks[i], readings[i]) and not self._figure_part(doc, blocks, i)
        ]

    def _figure_part(self, doc: Document, blocks: list[Node], index: int) -> bool:
        """The lead picture's credit line or caption right under it: the article's figure,
        which a news site puts above the title (the picture itself stays as a hero picture)."""
        return self._credits.is_credit(doc, blocks, index) or is_figure_caption(doc, blocks, index)

    def _plain_head(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        run: list[int],
        noted: tuple[str, str | None],
    ) -> bool:
        """The safe core's blocks: each one a heading, a rule, links to the noted site (``noted``:
        the site and the address; or share and log-in endpoints; pictures inside them) with a
        short line without a sentence at most beside them (the site's name and its tagline),
        or a short line without a sentence (a menu's, a search form's, a breadcrumb's
        caption); a menu with dropdowns is read as its links alone."""
        return all(
            self._plain_part(blocks[i], _dropdown_menu(doc, blocks[i]) or readings[i], noted)
            for i in run
        )

    def _plain_part(
        self, node: Node, reading: _Reading | None, noted: tuple[str, str | None]
    ) -> bool:
        if node.kind in ("heading", "hr"):
            return True
        if reading is None or reading.images:  # (a picture not inside a link: a figure's)
            return False
        if reading.links and not all(self._site_link(link, *noted) for link in reading.links):
            return False
        words = reading.words - reading.link_words  # (the words besides the links)
        return words <= self.tail_words and SENTENCE_MARK.search(_outside_links(reading)) is None

    def _site_block(self, node: Node, reading: _Reading | None) -> bool:
        """A block of the site's head: not prose, code or a table (a list of links html2text
        indented is no code: ``code_links``), not a sentence (a standfirst, a notice: other
        rules read them), not a picture alone."""
        coded = node.kind == "code_block" and reading is not None
        if not (node.kind in _HEAD_KINDS or coded) or self._is_text(node, reading):
            return False
        return not _speaks(reading) and not (
            reading is not None and reading.images and not reading.links and not reading.words
        )


def _printed_twice(doc: Document, blocks: list[Node], anchor: Anchor, last: int) -> bool:
    """Whether headings print the named title twice: a heading below the anchor's names it
    again (``last``), or the converter's own title line right above the head does."""
    if last > anchor.index:
        return True
    return anchor.top > 0 and names_title(doc, blocks[anchor.top - 1], anchor.title)


def _titled(doc: Document, run: list[Node], title: str | None) -> bool:
    """Whether the saver named the page's title and headings print it twice (``title``; a
    crawler's heading above the site's head, the article's below it) and every heading of
    the run prints that title too: the run is the site's head between the two, not the
    opening of an article a sentence above has begun."""
    return title is not None and all(
        names_title(doc, node, title) for node in run if node.kind == "heading"
    )


def named_title(doc: Document, blocks: list[Node], first: int) -> Anchor | None:
    """The heading at or above the article's first block (``first``) that the page's saver
    named: the front matter's title, a "Title:" line, a title line the heading repeats."""
    return next((a for a in title_anchors(doc, blocks, first + 1) if a.named), None)


def address_head(doc: Document, blocks: list[Node], last: int) -> range | None:
    """Without a named title, the head above the heading the page's noted address names
    (``address_title``: the CMS's slug of the title), when the article's text goes on past
    it (``last``: the region's last block); from past the saver's own lines. Sentences above
    it do not close it (a consent panel's, a notice's: they stay, other rules read them)."""
    address = crawl_address(doc)
    slug = slug_words(address) if address is not None else []
    top = leading_source_lines(doc, blocks)
    if top == 0 and blocks and address_heading(doc.text):
        top = 1  # (the crawler's heading that is the page's address)
    for i in range(top, last):
        text = heading_text(doc, blocks[i])
        address_like = "://" in doc.text[slice(*doc.node_span(blocks[i]))]
        if text and not address_like and slug_names(text, slug):
            return range(top, i)
    return None


def last_naming(doc: Document, blocks: list[Node], anchor: Anchor, first: int) -> int:
    """The last heading at or above ``first`` that names the anchor's title: a crawler may
    print it twice (a breadcrumb's heading, then the article's), the site's menu between."""
    found = anchor.index
    for i in range(anchor.index + 1, first + 1):
        if names_title(doc, blocks[i], anchor.title):
            found = i
    return found


def _kicked_title(doc: Document, blocks: list[Node], region: tuple[int, int]) -> int | None:
    """The article's title of level one at or above the region's first block, over more of
    the region's text (``_head_title``), with the headings right above it (a kicker stays
    with its title); None without one."""
    title = _head_title(doc, blocks, region[0])
    if title is None or title >= region[1]:
        return None
    while title > 0 and (
        blocks[title - 1].kind == "heading" or is_continuation(doc, blocks[title - 1])
    ):
        title -= 1  # (a heading html2text wrapped: its rest is a paragraph right under it)
    return title


def _pool(readings: list[_Reading]) -> bool:
    """Whether blocks are a site's pool of links: ``_POOL_LINKS`` links to the web or more,
    ``_POOL_SHARE`` of their words links' texts at least."""
    links = sum(_web_links(reading) for reading in readings)
    words = sum(reading.words for reading in readings)
    linked = sum(reading.link_words for reading in readings)
    return links >= _POOL_LINKS and linked * _POOL_SHARE[1] >= words * _POOL_SHARE[0]


def _web_links(reading: _Reading) -> int:
    """The links of a block that lead to a page (not a fragment of this one: a table of
    contents)."""
    return sum(not link.href.startswith("#") for link in reading.links)


def _speaks(reading: _Reading | None) -> bool:
    """A block that holds a sentence of its own (``says``) outside its links: a menu's or a
    teaser box's headlines, however many sentences they print, are links (a sentence whose
    one link is a word of it still speaks)."""
    if not says(reading):
        return False
    assert reading is not None
    if reading.link_words * 2 <= reading.words:
        return True
    return says(_Reading(reading.words - reading.link_words, 0, _outside_links(reading), (), 0))


def _outside_links(reading: _Reading) -> str:
    """A reading's text without its links' texts: the words a sentence's end is looked for in."""
    text = reading.text
    for link in reading.links:
        text = text.replace(link.text, " ", 1)
    return text
