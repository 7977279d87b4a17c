"""``labelled-teaser-run``: a box's title ("Les plus lus", "Meistgelesen", "相關文章") over a run of
teasers of the site's own articles, in whatever blocks a converter left them.

A news site or a blog prints its "most read", "related" and "more from this author" boxes as
teasers: a thumbnail linking the article, the title as a heading that is a link
(``#### [Title](/2020/02/slug)``), a date or "By [Author](/author/x)" line, a short excerpt.
html2text and markdownify keep each piece as a block of its own and wrap long lines inside a
link (``## [Long title\\nwrapped](politique/article/slug-\\ncontinued "tooltip")``), which
breaks the link for a Markdown reader: the title heading becomes plain text and the
wrapped rest a paragraph. The tidy shapes are ``labelled-list`` (BP001),
``labelled-post-list`` (BP121) and ``labelled-post-cards``; this matcher reads the pieces
from their raw text, links joined across the converter's line breaks, so the box's own
titles at the box's heading level (a "## Les plus lus" over "## [Title](…)" cards) and the
broken links count.

The label is a heading or a short paragraph whose whole text is a phrase of the rule's lists.
Under it, block after block, each is a *piece*: links alone (a linked thumbnail, a title, a
list of them), or links with at most ``max_outside_words`` words beside them (a byline "Par
[Author](…)"), or a line without a link of at most ``max_meta_words`` words that ends no
sentence (a date), or a picture. Every link leads to the page's own site (a path from its
root, an address on the site most of its links lead to, or, as a wrapped converter writes
them, a path relative to the page shaped like an article's) and none to an anchor, a
Markdown file or a manual's page. A *title* is a link of ``min_title_words`` words or more to
an article-shaped address (dated, numbered, a post's folder, a slug of four words or more).
``min_titles`` titles to different articles or more, with a paragraph of prose somewhere
else on the page (a site's index page is all teasers), and the label and the run go; the
run ends at the first other block (a heading without a link, prose) and gives back the
pieces after its last title.

Unsafe: the run is read from its shape. Safe when every title links an address or a path
from the site's root that is an article's by the strict reading (``is_post_address``: a dated
permalink, ``?p=``, ``/blog/``, ``/article/``) or a numbered one, and the prose stands
above the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .fix_safety import links_in, reference_link, safe_if
from .link_site import link_site
from .link_targets import is_article_link, is_own, is_post_address, names_a_file, site_of
from .linkblocks import (
    LIST_KINDS,
    heading_level,
    is_source_file_link,
    prose_paragraph,
    skeleton,
    word_count,
)
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, PhraseMatcher
from .saved_page import crawl_address

_PROSE_LINK_SHARE = 4  # of a paragraph's words, at most one in four a link's

_TITLE_ATTR = r'(?:\s+(?:"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'))?'
_IMAGE = re.compile(r"!\[[^\[\]]*\]\(\s*<?[^()\s>]*>?" + _TITLE_ATTR + r"\s*\)")
_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(\s*<?(?P<href>[^()\s<>]*)>?"
    + _TITLE_ATTR
    + r"\s*\)"
)
_WRAPPED_TARGET = re.compile(r"(\]\(\s*<?[^()\s<>\"']*)\n[ \t]*(?=[^\s\"'])")
"""A converter's line break inside a link's target (``](/419348-una-\\ninterna-…)``)."""
_BLOCK_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]?)+", re.M)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.M)
_SEPARATORS = re.compile(r"[\s*_~·•|\-–—:>»›→/()\[\]!]+")
_SENTENCE_END = re.compile(r"[.!?。！？](?:[\"'”’)）\]*_]*)$")
_INTRODUCES = re.compile(r"[:：][\s*_]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)）\]*_]*$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_NUMBERED = re.compile(
    r"[?&](?:p|id|oid|aid|articleid|no|idx)=\d+|/\d{4,}(?:[-_][^/?#]*)?(?:\.s?html?)?/?(?:[?#]|$)"
    r"|/[^/?#\s]*\d{5,}\.s?html?(?:[?#]|$)",
    re.IGNORECASE,
)
_PIECE_KINDS = ("paragraph", "heading")
_CARD_EXCERPTS = 2
_JOIN_REACH = 3
_JOIN_MAX_CHARS = 20000
"""The text a chain of broken card links may span: no article's paragraphs are read as one."""
_ITEM_EXCERPT_SHARE = 1.5
"""A list item's words beside its links, in excerpts: the excerpt under a card's title and the
byline and date under it ("Par [Author](/author/x) Le 05/02/2020")."""
"""Blocks a card's broken link may span after its first: a count, a kicker, the title."""
"""Cards whose title an excerpt follows that make the last card's excerpt the run's too."""


@dataclass(slots=True)
class _Reading:
    """A block's pieces read from its raw text: its links (text, target) and its other words."""

    links: list[tuple[str, str]] = field(default_factory=list)
    rest: str = ""
    images: int = 0
    broken: bool = False
    """Whether a bracket stays open or a link's target is cut off: a link the block breaks."""
    text: str = ""
    """The words left beside the links and pictures, marks and separators kept."""


@dataclass(slots=True)
class _Run:
    last: Node | None = None
    titles: set[str] = field(default_factory=set)
    strict: bool = True
    excerpts: int = 0
    names: list[str] = field(default_factory=list)
    """The titles' texts, in order."""

    def add(self, titles: list[tuple[str, bool, str]], last: Node) -> None:
        """Take a piece's titles (target, strictly an article's, text) ending at ``last``."""
        self.titles.update(href for href, _, _ in titles)
        self.names.extend(name for _, _, name in titles)
        self.strict = self.strict and all(strict for _, strict, _ in titles)
        self.last = last

    """How many titles an excerpt of their own follows."""


READER_PARAMS: Mapping[str, type] = MappingProxyType(
    {
        "min_titles": int,
        "min_title_words": int,
        "max_outside_words": int,
        "max_meta_words": int,
        "max_excerpt_words": int,
        "min_prose_words": int,
    }
)


class TeaserReader:
    """The run of teasers under a box's title, read block after block."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.min_titles = int(params.get("min_titles", 3))
        self.min_title_words = int(params.get("min_title_words", 3))
        self.max_outside_words = int(params.get("max_outside_words", 4))
        self.max_meta_words = int(params.get("max_meta_words", 8))
        self.max_excerpt_words = int(params.get("max_excerpt_words", 40))
        self.min_prose_words = int(params.get("min_prose_words", 30))

    def run(self, doc: Document, label: Node, site: str | None) -> _Run:
        run = _Run()
        node = label.next_sibling
        excerpt: Node | None = None  # the excerpt under the last title read
        after_title = False
        while node is not None:
            if node.kind == "hr":  # a rule between two cards
                node, after_title = node.next_sibling, False
                continue
            step = self._step(doc, node, site, after_title=after_title)
            if step is None:
                break
            reading, last, titles = step
            if titles:
                run.add(titles, last)
                excerpt = None
            elif after_title and self._card_text(reading):
                excerpt = last
                run.excerpts += 1
            after_title = bool(titles)
            node = last.next_sibling
        if excerpt is not None and run.excerpts >= _CARD_EXCERPTS:
            run.last = excerpt  # the last card's excerpt, as every card has one
        return run

    def _step(
        self, doc: Document, node: Node, site: str | None, *, after_title: bool
    ) -> tuple[_Reading, Node, list[tuple[str, bool, str]]] | None:
        """The piece at ``node``, its last block and its titles; None where the run ends."""
        piece = self._piece(doc, node, after_title=after_title)
        if piece is None:
            return None
        titles = self._titles(piece[0], site)
        return None if titles is None else (piece[0], piece[1], titles)

    def _piece(
        self, doc: Document, node: Node, *, after_title: bool = False
    ) -> tuple[_Reading, Node] | None:
        """The reading of a piece starting at ``node`` and its last block (a heading whose link
        a converter broke takes the paragraph that closes it); None for no piece. Right under
        a title, a paragraph of up to ``max_excerpt_words`` words is the card's excerpt."""
        if node.kind in LIST_KINDS:
            reading = _read(_source(doc, node))
            if self._short(reading) or self._card_list(doc, node):
                return reading, node
            return None
        if node.kind not in _PIECE_KINDS:
            return None
        text = _source(doc, node)
        reading = _read(text)
        joined = self._joined(doc, text, reading, node.next_sibling)
        if joined is not None:
            return joined
        return self._block_piece(doc, node, reading, after_title=after_title)

    def _block_piece(
        self, doc: Document, node: Node, reading: _Reading, *, after_title: bool
    ) -> tuple[_Reading, Node] | None:
        """A heading or paragraph as a piece of its own: a heading with a link, a short
        block, or a card's excerpt right under its title."""
        if not reading.links and node.kind == "heading":
            # a heading of its own opens the next section; a kicker over a card's linked
            # title heading ("### Urteil" over "## [Headline](/…-444360.html)") is the card's
            return (reading, node) if self._kicker(doc, node, reading) else None
        if after_title and node.kind == "paragraph" and self._card_text(reading):
            return reading, node
        return (reading, node) if self._short(reading) else None

    def _kicker(self, doc: Document, node: Node, reading: _Reading) -> bool:
        """Whether a heading without a link is a card's kicker: a few words that end no
        sentence, a smaller heading right above the larger one that links its card's title (a
        template's overline; an author's section heading is no smaller than what it heads)."""
        following = node.next_sibling
        if following is None or following.kind != "heading" or reading.broken:
            return False
        if heading_level(doc, node) <= heading_level(doc, following):
            return False
        if not self._short(reading) or reading.images:
            return False
        return bool(_read(_source(doc, following)).links)

    def _card_list(self, doc: Document, node: Node) -> bool:
        """Whether every item of a list is a card: links (a thumbnail, the title) and at most an
        excerpt and a byline beside them (``_ITEM_EXCERPT_SHARE`` times ``max_excerpt_words``)."""
        items = [item for item in node.children if item.kind == "list_item"]
        if len(items) < 2:
            return False
        limit = self.max_excerpt_words * _ITEM_EXCERPT_SHARE
        for item in items:
            reading = _read(_source(doc, item))
            if reading.broken or not reading.links or word_count(reading.rest) > limit:
                return False
        return True

    def _card_text(self, reading: _Reading) -> bool:
        """A card's excerpt under its title: no link, no picture, a few sentences at most."""
        if reading.links or reading.images or reading.broken:
            return False
        return 0 < word_count(reading.rest) <= self.max_excerpt_words

    def _joined(
        self, doc: Document, text: str, reading: _Reading, following: Node | None
    ) -> tuple[_Reading, Node] | None:
        """A block whose link the converter broke, read with the blocks up to the one that
        closes it: a paragraph (``## [Long title\\nwrapped](…)``), or a card's link around a
        thumbnail, a count and a title heading (markdownify's ``[![…](…)`` / ``22669`` /
        ``### Title](/2022/05/01/…)``), at most ``_JOIN_REACH`` blocks on."""
        reach, closed = _JOIN_REACH, len(reading.links)
        while reach > 0 and len(text) < _JOIN_MAX_CHARS:
            if not _joins(reading, following):
                return None
            assert following is not None
            text = text + "\n" + _source(doc, following)
            reading = _read(text)
            if not reading.broken:
                return (reading, following) if reading.links and self._short(reading) else None
            if following.kind == "heading":
                return None  # a heading opens no card's link: only its last block is one
            following = following.next_sibling
            # A block that closes a card's link and opens the next one's (``…](/2022/05/04/a)[##
            # Next title``): cards chained, each given the same reach.
            reach = _JOIN_REACH if len(reading.links) > closed else reach - 1
            closed = len(reading.links)
        return None

    def _short(self, reading: _Reading) -> bool:
        """Whether a piece holds few words besides its links: a byline, a date, an excerpt."""
        rest = reading.rest.strip()
        words = word_count(rest)
        if reading.broken:
            return False
        if reading.links:
            return words <= self.max_outside_words * max(len(reading.links), 1)
        if not rest:
            return reading.images > 0
        if _ELLIPSIS.search(rest):
            return words <= self.max_excerpt_words
        if _INTRODUCES.search(reading.text):
            return False  # a line that introduces what follows ("Llévatelo:") opens a box
        return words <= self.max_meta_words and not _SENTENCE_END.search(rest)

    def _titles(self, reading: _Reading, site: str | None) -> list[tuple[str, bool, str]] | None:
        """The piece's titles (target, strictly an article's, text), or None when a link leads
        off the site or to no page of it."""
        found: list[tuple[str, bool, str]] = []
        for text, href in reading.links:
            own = _own_target(href, site)
            if own is None:
                return None
            if word_count(text) >= self.min_title_words and is_article_link(href):
                strict = own and (is_post_address(href) or _NUMBERED.search(href) is not None)
                found.append((href.split("#")[0], strict, text))
        return found

    def prose_above(self, doc: Document, label: Node) -> bool:
        node = label.previous_sibling
        while node is not None:
            if self.prose(doc, node):
                return True
            node = node.previous_sibling
        return False

    def prose_below(self, doc: Document, last: Node) -> bool:
        node = last.next_sibling
        while node is not None:
            if self.prose(doc, node):
                return True
            node = node.next_sibling
        return False

    def prose(self, doc: Document, node: Node) -> bool:
        # At most a quarter links: a teaser's excerpt under its linked title is no prose here.
        if not prose_paragraph(doc, node, self.min_prose_words, _PROSE_LINK_SHARE):
            return False
        return not _picture_words(_source(doc, node), self.min_prose_words)


def _picture_words(text: str, min_words: int) -> bool:
    """Whether a paragraph's words stand in its pictures' texts (a lead image whose alt text and
    tooltip repeat the headline, ``![Title](… "Title")``): no prose once they are set aside."""
    if "![" not in text:
        return False
    reading = _read(text)
    if not reading.images:
        return False
    words = word_count(reading.rest) + sum(word_count(name) for name, _ in reading.links)
    return words < min_words


class LabelledTeaserRunMatcher(BlockLabelMatcher):
    name = "labelled-teaser-run"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            **READER_PARAMS,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.reader = TeaserReader(params)

    def find(self, doc: Document) -> Iterator[Finding]:
        site: list[str | None] = []  # (read once, when a label is found)
        taken = -1
        for node, rough in self.blocks_to_probe(doc, *_PIECE_KINDS):
            if node.parent is not doc.root or node.start_line < taken:
                continue
            if not self.probe.match(fold_width(rough)) or not self._label(doc, node):
                continue
            site = site or [page_site(doc)]
            found = self._box(doc, node, site[0])
            if found is not None:
                taken = _end_line(doc, found)
                yield found

    def _box(self, doc: Document, label: Node, site: str | None) -> Finding | None:
        """The label and its run of teasers, or None when no box stands there."""
        run = self.reader.run(doc, label, site)
        if run.last is None or len(run.titles) < self.reader.min_titles:
            return None
        above = self.reader.prose_above(doc, label)
        if not above and not self.reader.prose_below(doc, run.last):
            return None
        start, end = doc.node_span(label)[0], doc.node_span(run.last)[1]
        return Finding(
            start,
            end,
            edits=(remove_blocks(doc, label, run.last),),
            applicability=safe_if(run.strict and above),
        )

    def _label(self, doc: Document, node: Node) -> bool:
        """Whether the block is the label alone, emphasis marks a converter left around it
        aside ("### __Artigos relacionados")."""
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        text = " ".join(fold_width(skel.text).strip(" _*").split())
        return self.label.fullmatch(text) is not None


def _joins(reading: _Reading, following: Node | None) -> bool:
    """Whether a broken link may go on into the block that follows (a paragraph, a heading)."""
    return reading.broken and following is not None and following.kind in _PIECE_KINDS


def _source(doc: Document, node: Node) -> str:
    start, end = doc.node_span(node)
    return doc.text[start:end]


def _read(text: str) -> _Reading:
    """A block's links and other words from its raw text, the converter's breaks inside link
    targets joined."""
    text = _WRAPPED_TARGET.sub(r"\1", text)
    while True:
        joined = _WRAPPED_TARGET.sub(r"\1", text)
        if joined == text:
            break
        text = joined
    text = _CLOSING_HASHES.sub("", _BLOCK_MARKS.sub("", text))
    images = len(_IMAGE.findall(text))
    text = _IMAGE.sub(" ", text)
    links: list[tuple[str, str]] = []

    def keep(match: re.Match[str]) -> str:
        links.append((" ".join(match.group("text").split()), match.group("href")))
        return " "

    left = _LINK.sub(keep, text)
    broken = "[" in left or "](" in left
    rest = " ".join(_SEPARATORS.sub(" ", left).split())
    return _Reading(links, rest, images, broken, left.strip())


def _own_target(href: str, site: str | None) -> bool | None:
    """Whether a link leads to a page of the page's own site by an address or a rooted path
    (True), by a path relative to the page shaped like an article's (False: a converter of a
    site with a base address writes these), or None: elsewhere, an anchor, a file, a manual."""
    href = href.strip()
    if _no_page(href):
        return None
    if href.startswith("/") or _SCHEME.match(href):  # (rooted, or an address: not relative)
        return True if is_own(href, site, relative=False) else None
    return _relative_target(href)


def own_target(href: str, site: str | None) -> bool | None:
    """The public reading of ``_own_target``: True by address or rooted path, False by a path
    relative to the page, None elsewhere."""
    return _own_target(href, site)


def read_block(doc: Document, node: Node) -> _Reading:
    """A block's links, pictures and other words from its raw text (``_read``)."""
    return _read(_source(doc, node))


def own_link(href: str, site: str | None) -> bool:
    """Whether a link leads to a page of the page's own site (``_own_target``)."""
    return _own_target(href, site) is not None


def _no_page(href: str) -> bool:
    """An anchor of the page, a repository's Markdown file, a manual's page: no article."""
    return not href or href.startswith("#") or is_source_file_link(href) or reference_link(href)


def _relative_target(href: str) -> bool | None:
    """False for a path relative to the page that a site's converter writes (``politique/
    article/slug``, ``auteur/name``), None for a file beside the page (``setup.md``, ``../a``)."""
    if href.startswith(".") or names_a_file(href):
        return None
    return False if is_article_link(href) or "/" in href.rstrip("/") else None


def _end_line(doc: Document, finding: Finding) -> int:
    return doc.text.count("\n", 0, finding.end)


def page_site(doc: Document) -> str | None:
    """The page's own site: the one its saver noted, else the one most of its links lead to."""
    address = crawl_address(doc)
    if address is not None:
        return site_of(address)
    site = link_site(link.href for link in links_in(doc, doc.root.children))
    return site if site is not None else _wrapped_site(doc)


def _wrapped_site(doc: Document) -> str | None:
    """The site most links lead to, read from the page's raw text: the links a converter broke
    over lines or blocks (no links to a Markdown reader) count too."""
    return link_site(href for _, href in _read(doc.text).links)
