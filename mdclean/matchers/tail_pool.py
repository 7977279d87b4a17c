"""``tail-pool``: on a saved page, the site's pool of links after the article's prose core.

The twin of BP306's pool head (``title_head._pool_head``). A converter of the whole page
(html2text, markdownify, a crawler, a reader's dump) prints after the article's last prose
what the site keeps below every article: its footer menus, the teasers of its other articles,
its tag cloud, its sections again. What marks that tail is the page's region, not a widget's
shape: it stands after the article's prose core (``vouching.core_end``: the text copy's core
or the page's prose span), and it is the site's pool of links:

- a run of the page's top-level blocks past the core's last line, each a heading, a list, a
  paragraph, a quote, a rule or a list of links html2text indented into code, none of them
  prose (``_is_text``) or a sentence outside its links (``title_head._speaks``), a picture
  without a link (a figure), a reference list or a table of contents (links that all jump to
  a part of a page);
- the run holds ``_POOL_LINKS`` links to pages or more, ``_POOL_SHARE`` of its words links'
  texts at least, and ``_OWN_SHARE`` of those links lead to the page's own site (its
  sections and articles: ``link_targets.is_own`` of the site the saver noted, or that the
  links above the article name with a link to its home page);
- a heading that names content ("See also", "References", ``content_titles``) ends the run
  and keeps what follows it up to the next heading: a docs page's list of its related pages,
  a post's sources.

Its leading captions (a heading, a short line: "Top stories", "Rubriken") go with it; a short
line without links at its end is left to the rules that read it. The run is read from the page's
shape, so the fix is unsafe.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .article_region import (
    SENTENCE_MARK,
    ArticleRegionMatcher,
    _home_site,
    _mended_reading,
    _Reading,
)
from .fix_safety import safe_if
from .link_targets import DOWNLOADS, is_file_target, is_own, noted_site
from .page_head import heading_text
from .reference_list import is_reference_list
from .thread_page import is_thread
from .title_head import _speaks, _web_links

_POOL_LINKS = 8
"""The links to pages of a tail that is the site's pool (a footer's menus, a teaser list)."""
_POOL_SHARE = (2, 3)
"""The share of a pool's words that are links' texts, at least."""
_OWN_SHARE = (2, 3)
"""The share of a pool's links that lead to the page's own site, at least (a post's sources
lead to other sites)."""
_KINDS = frozenset({"paragraph", "heading", "bullet_list", "ordered_list", "blockquote", "hr"})


class TailPoolMatcher(ArticleRegionMatcher):
    """BP185's gate and readings; the runs of the site's links after the prose core."""

    name = "tail-pool"

    def find(self, doc: Document) -> Iterator[Finding]:
        page = None if is_thread(doc) else self.page_blocks(doc)
        if page is None:
            return  # (a forum thread's posts are its article)
        from ..vouching import core_end  # (vouching reads the matchers' modules)

        end = core_end(doc)
        if end is None:
            return
        blocks, readings = page
        site = self._own_site(doc, blocks, readings)
        for run in self._runs(doc, blocks, readings, end):
            if _pool([readings[i] for i in run], site):
                first, last = blocks[run[0]], blocks[run[-1]]
                span = (doc.node_span(first)[0], doc.node_span(last)[1])
                edit = remove_blocks(doc, first, last)
                yield Finding(*span, edits=(edit,), applicability=safe_if(False))

    def _own_site(
        self, doc: Document, blocks: list[Node], readings: list[_Reading | None]
    ) -> str | None:
        """The page's site as its saver noted it, else as the links above the article read it
        (``_home_site``: the site most of them lead to, its home page among them); None
        without either (a page of links to one platform's many projects names no site)."""
        site = noted_site(doc)
        if site is not None:
            return site
        region = self._region(doc, blocks, readings)
        return None if region is None else _home_site(readings, region[0])

    def _reading(self, doc: Document, node: Node) -> _Reading | None:
        """BP185's reading of a block, and a heading's too (a teaser's linked headline)."""
        if node.kind != "heading":
            return super()._reading(doc, node)
        skel = _mended_reading(doc, node)
        if skel is None:
            return None
        return _Reading(
            skel.words(), skel.link_words(), skel.visible, tuple(skel.links), skel.images
        )

    def _runs(
        self, doc: Document, blocks: list[Node], readings: list[_Reading | None], end: int
    ) -> Iterator[list[int]]:
        """The runs of consecutive blocks past line ``end`` that may be the site's, each cut
        to end at its last block with a link."""
        run: list[int] = []
        content = False  # (under a heading that names content: its blocks stay)
        for i, node in enumerate(blocks):
            if node.start_line <= end:
                continue
            if node.kind == "heading":
                content = self._names_content(heading_text(doc, node))
            if content or not self._pool_part(doc, node, readings[i]):
                yield from _linked(run, blocks, readings)
                run = []
                continue
            run.append(i)
        yield from _linked(run, blocks, readings)

    def _pool_part(self, doc: Document, node: Node, reading: _Reading | None) -> bool:
        """A block that may be part of the site's pool: no prose, no sentence of its own,
        no figure, no code (but a list of links html2text indented), no reference list."""
        coded = node.kind == "code_block" and reading is not None
        if not (node.kind in _KINDS or coded) or self._is_text(node, reading):
            return False
        if is_reference_list(doc, node) or _speaks(reading) or _article_links(reading):
            return False
        return reading is None or not reading.images or bool(reading.links)


def _article_links(reading: _Reading | None) -> bool:
    """The article's own links: its table of contents (``_contents``), or its download
    ("##### [**Download the paper**](….pdf)", ``_download``)."""
    return _contents(reading) or _download(reading)


def _download(reading: _Reading | None) -> bool:
    """A block that links a file to download (``.pdf``, ``.zip``): the article's, not a
    teaser's linked headline."""
    return reading is not None and any(
        is_file_target(link.href, DOWNLOADS) for link in reading.links
    )


def _contents(reading: _Reading | None) -> bool:
    """A block whose links all jump to a part of a page (``#``, the page's own address with a
    fragment too): a table of contents, the article's."""
    return (
        reading is not None
        and bool(reading.links)
        and all("#" in link.href for link in reading.links)
    )


def _linked(
    run: list[int], blocks: list[Node], readings: list[_Reading | None]
) -> Iterator[list[int]]:
    """A run cut to start at its first block of several links (``_DENSE``: a menu, a list of
    teasers, a teaser's linked headline) with its captions right above it (``_caption``, two
    at most), and to end at its last block that holds a link; none for a run without such a
    block. The short lines of one link or two before it (a source's credit, a byline's link
    home, a tag line) are the article's closing lines, other rules read them."""
    dense = next((k for k, i in enumerate(run) if _dense(blocks[i], readings[i])), None)
    if dense is None:
        return
    start = dense
    while start > max(0, dense - _CAPTIONS) and _caption(
        blocks[run[start - 1]], readings[run[start - 1]]
    ):
        start -= 1  # (the pool's captions: "Top stories", a date line)
    last = max(k for k, i in enumerate(run) if _links(readings[i]))
    yield run[start : last + 1]


_CAPTIONS = 2
"""The captions above a pool's first block of links that go with it, at most."""
_CAPTION_WORDS = 12


def _caption(node: Node, reading: _Reading | None) -> bool:
    """A pool's caption: a heading or a short line without a link or a sentence's end (the
    last line of a poem or of a note ends with its stop)."""
    if node.kind == "heading":
        return not _links(reading)
    if reading is None or reading.links or reading.words > _CAPTION_WORDS:
        return False
    return SENTENCE_MARK.search(reading.text) is None and not reading.text.rstrip().endswith(".")


_DENSE = 3
"""The links of a block that is a pool's part on its own (a menu, a list of teasers)."""


def _links(reading: _Reading | None) -> int:
    return 0 if reading is None else len(reading.links)


def _dense(node: Node, reading: _Reading | None) -> bool:
    """A block of ``_DENSE`` links or more, or a heading that is links alone (a teaser's
    headline; a paragraph of one link may be the article's: its download)."""
    if reading is None or not reading.links:
        return False
    headline = node.kind == "heading" and reading.link_words >= reading.words > 0
    return len(reading.links) >= _DENSE or headline


def _pool(readings: list[_Reading | None], site: str | None) -> bool:
    """Whether blocks are the site's pool of links: ``_POOL_LINKS`` links to pages or more,
    ``_POOL_SHARE`` of their words links' texts, ``_OWN_SHARE`` of the links the site's own."""
    read = [reading for reading in readings if reading is not None]
    if sum(_web_links(reading) for reading in read) < _POOL_LINKS:
        return False
    return _linked_share(read) and _own_share(read, site)


def _linked_share(read: list[_Reading]) -> bool:
    words = sum(reading.words for reading in read)
    linked = sum(reading.link_words for reading in read)
    return linked * _POOL_SHARE[1] >= words * _POOL_SHARE[0]


def _own_share(read: list[_Reading], site: str | None) -> bool:
    hrefs = [link.href for reading in read for link in reading.links]
    hrefs = [href for href in hrefs if not href.startswith("#")]
    own = sum(is_own(href, site) for href in hrefs)
    return own * _OWN_SHARE[1] >= len(hrefs) * _OWN_SHARE[0]
