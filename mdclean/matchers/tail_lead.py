"""The site's chrome right before the first widget another rule removes at a page's end.

BP083 (``chrome-tail``) runs from the first block another rule removes after the article's
last text to the page's end. A theme's tail often starts earlier, with blocks no rule knows:
the post's tag row, a "Back to all articles" link, a related list under a title no phrase
list holds, the footer's menus under their short captions ("Company", "Insights"), then
the copyright line another rule removes. This module reads back from that first removed
block over such blocks, and says where the chrome starts.

A block read back is the site's chrome when it is, by its shape *and* where its links lead:

- a row or list of links only (no word outside them) whose every link stays on the site
  (a path from the site's root, or a host the run's own links lead to) or leads to a
  social network's profile, none to a file (``.pdf``, ``.zip``) or an anchor of the page;
- a caption of at most ``MAX_CAPTION_WORDS`` words that does not end as a sentence, right
  above such a row (a footer menu's "Company");
- a heading of at most ``MAX_CAPTION_WORDS`` words right above a row of
  ``MIN_SECTION_LINKS`` links or more to different pages (a related list's "Related
  Research"), or a heading whose title is a widget's label;
- an image alone (a logo), or a thematic break.

The walk stops at anything else: prose, a content heading ("References"), a link to
another site, a link-only block introduced by the article's own sentence ending in a colon
(the article's list). The chrome must open with a heading or a row of two links or more: a
lone link or caption read first ("Download: [slides](/talk/)", a short line) stays, and so
do the rows under a heading the walk stopped at. Rows alone are chrome only when they hold
``MIN_UNFRAMED_LINKS`` links or more (a footer's menus); fewer need a caption or heading
among them: an unlabelled list of two links may be the article's last list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from ..document import Document, Node
from .link_targets import DOWNLOADS, FileKind, is_file_target
from .linkblocks import LIST_KINDS, Link, skeleton, word_count
from .phrases import matchable_title

MAX_CAPTION_WORDS = 4
MIN_SECTION_LINKS = 3
MIN_UNFRAMED_LINKS = 6

_FILES: tuple[FileKind, ...] = (*DOWNLOADS, "picture")
"""The files a tail's link may lead to (``link_targets.is_file_target``): a download, a picture."""
_PROFILE = re.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)?(?:twitter\.com|x\.com|facebook\.com|instagram\.com|youtube\.com"
    r"|linkedin\.com/(?:in|company)|github\.com|gitlab\.com|t\.me|tiktok\.com|pinterest\.[a-z.]+"
    r"|threads\.net|bsky\.app/profile|mastodon\.[a-z.]+|weibo\.com|zhihu\.com/people"
    r"|vk\.com|ok\.ru|line\.me|note\.com|qiita\.com|zenn\.dev)/",
    re.I,
)
"""A social network's page of the site or its author (the footer's follow icons)."""
_SENTENCE_END = re.compile(r"[.!?。！？:：]\W*$")


class SiteLinks:
    """Whether a link stays on the site: a path from its root, or one of ``hosts``."""

    def __init__(self, hosts: set[str]) -> None:
        self.hosts = hosts

    def __call__(self, href: str) -> bool:
        href = href.strip()
        if not href or href.startswith("#") or is_file_target(href, _FILES):
            return False
        if _PROFILE.match(href):
            return True
        if href.startswith("/") and not href.startswith("//"):
            return True
        return host_of(href) in self.hosts


def introduces(visible: str) -> bool:
    """Whether a paragraph's visible text is the author's lead into what follows: it ends with
    a colon (ASCII or full-width), emphasis marks and spaces aside ("This post is one of a
    series:", "**Descargas:**"). A smiley is no colon's ("Happy Coding :)"). The one reading of
    the article's own lead-in past its end, for BP083 (``_introduced``) and BP610
    (``site_footer``)."""
    return visible.rstrip(" *_").endswith((":", "："))


def file_link(href: str) -> bool:
    """Whether a link leads to a file (``.pdf``, ``.zip``, a picture's ``.jpg``): the article's
    download (``link_targets.is_file_target``)."""
    return is_file_target(href, _FILES)


def host_of(href: str) -> str:
    """A link's host without ``www.`` ("" for a path)."""
    try:
        host = urlsplit(href.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def chrome_lead(
    doc: Document,
    blocks: Sequence[Node],
    first: int,
    floor: int,
    site: SiteLinks,
    widget_label: Callable[[str], bool],
) -> int:
    """The first block of the site's chrome that leads to ``blocks[first]`` (read back to
    ``floor`` at most); ``first`` when none does."""
    start = first
    # index: distinct pages a row links to (the removed widget's own, to frame its caption)
    rows: dict[int, int] = {first: _pages(doc, blocks[first])}
    captions: set[int] = set()  # headings and captions over the rows
    i = first - 1
    while i >= floor:
        node = blocks[i]
        links = _row_links(doc, node, site)
        if links is not None:
            rows[i] = len({link.href for link in links})
        else:
            framing = _framing(doc, node, rows.get(i + 1, 0), widget_label)
            if framing is None:
                break
            if framing:
                captions.add(i)
        start = i
        i -= 1
    return _trimmed(doc, blocks, (start, first), rows, captions)


def _trimmed(
    doc: Document,
    blocks: Sequence[Node],
    span: tuple[int, int],
    rows: dict[int, int],
    captions: set[int],
) -> int:
    """Where the chrome read back from ``first`` to ``start`` opens, once what may be the
    article's is left out; ``first`` when nothing is left."""
    start, first = span
    if start < first and _introduced(doc, blocks, start):
        return first  # the article's own list, led by its sentence ("Parts of the series:")
    start = _opening(blocks, _past_headed_rows(blocks, span, rows), first, rows)
    return start if _two_signs(start, first, rows, captions) else first


def _past_headed_rows(blocks: Sequence[Node], span: tuple[int, int], rows: dict[int, int]) -> int:
    """``start``, past the rows of the section whose heading stays right above them (a short
    "Next" list)."""
    start, first = span
    if start < first and start > 0 and blocks[start - 1].kind == "heading":
        while start < first and start in rows:
            start += 1
    return start


def _opening(blocks: Sequence[Node], start: int, first: int, rows: dict[int, int]) -> int:
    """The first block from ``start`` that may open the chrome: a heading or a row of links
    (a lone link or caption stays)."""
    while start < first and not (blocks[start].kind == "heading" or rows.get(start, 0) >= 2):
        start += 1
    return start


def _two_signs(start: int, first: int, rows: dict[int, int], captions: set[int]) -> bool:
    """Whether the chrome ``start``..``first`` gives two signs: rows alone must be many (a
    footer's menus); fewer need a caption or a heading over them (an unlabelled list of two
    links may be the article's last list)."""
    framed = any(start <= i < first for i in captions)
    linked = sum(rows[i] for i in range(start, first) if i in rows)
    return framed or linked >= MIN_UNFRAMED_LINKS


def _pages(doc: Document, node: Node) -> int:
    """The distinct pages a paragraph links to (0 for any other block)."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    return len({link.href for link in skel.links}) if skel is not None else 0


def _row_links(doc: Document, node: Node, site: SiteLinks) -> list[Link] | None:
    """The links of a row, list or heading (a card's title) that holds nothing besides links
    to the site; else None."""
    if node.kind in LIST_KINDS:
        return _list_links(doc, node, site)
    if node.kind not in ("paragraph", "heading"):
        return None
    skel = skeleton(doc, node)
    if skel is None or not skel.links or skel.outside_words() > 0:
        return None
    return skel.links if all(site(link.href) for link in skel.links) else None


def _list_links(doc: Document, node: Node, site: SiteLinks) -> list[Link] | None:
    """The links of a list every block of whose items is a row of links to the site."""
    links: list[Link] = []
    for item in node.children:
        for child in item.children:
            inner = _row_links(doc, child, site)
            if inner is None:
                return None
            links += inner
    return links or None


def _framing(
    doc: Document, node: Node, row_after: int, widget_label: Callable[[str], bool]
) -> bool | None:
    """Whether a block without links frames the chrome: True for a short caption or heading
    over a row of links, or a widget's label; False for a thematic break or a logo, which
    the chrome may hold but which prove nothing; None for anything else."""
    if node.kind == "hr":
        return False
    if node.kind not in ("paragraph", "heading"):
        return None
    skel = skeleton(doc, node)
    if skel is None or skel.links:
        return None
    if skel.images and not skel.visible.strip():
        return False if node.kind == "paragraph" else None  # a logo or badge alone
    heading = node.kind == "heading"
    title = matchable_title(doc, node) if heading else skel.visible
    return _caption_framing(title, heading, row_after, widget_label)


def _caption_framing(
    title: str, heading: bool, row_after: int, widget_label: Callable[[str], bool]
) -> bool | None:
    """True for a widget's label, or a short caption that does not end as a sentence over a
    row of links (under a heading, a row of ``MIN_SECTION_LINKS`` links to different pages);
    None for anything else."""
    if widget_label(title):
        return True
    if word_count(title) > MAX_CAPTION_WORDS or _SENTENCE_END.search(title):
        return None
    needed = MIN_SECTION_LINKS if heading else 1
    return True if row_after >= needed else None


def _introduced(doc: Document, blocks: Sequence[Node], start: int) -> bool:
    """Whether the block before the chrome is the article's sentence that introduces what
    follows (it ends with a colon)."""
    if start == 0 or blocks[start - 1].kind != "paragraph":
        return False
    skel = skeleton(doc, blocks[start - 1])
    return skel is not None and introduces(skel.visible)
