"""``section-menu``: a saved page's copy of the site's navigation, read by where its links lead.

A converter (html2text, markdownify, crawl4ai, a clipper) prints a site's menus as many small
blocks: lists and rows of short links, link headings ("#### [Internacional](…)"), a mega-menu's
captions between them, anywhere on the page (above the title, past the article, between its
parts). Whatever the language, such a block links the site's own *section pages*
(``link_targets``: its home, ``/politika``, ``list_25488``, a sister subdomain) with short
texts (``max_link_words`` words, CJK counted by characters), and holds few words of its own.

A run of such blocks (with short captions, headings without a sentence and rules between them)
is one menu when it links ``min_links`` different section pages or more and no article's
permalink of the site. It goes when it stands outside the article's prose (above its first
block of prose or past its last); between two blocks of prose only when it links
``min_middle_links`` section pages or more (a mega-menu, never an author's list).

Read only on a page that says it was saved from the web (``article_region``'s gate) or that
holds a converter's script link (``javascript:``). Left alone: a list under a heading that
names the article's own links ("See also", "References"), or after a line that introduces it;
a table of contents (anchors), a docs page's relative files (``.md``), an awesome list (other
sites), a list of posts (permalinks). Unsafe: the menu is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AtLeast, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .article_region import ArticleRegionMatcher, _Reading, code_links
from .link_targets import PERMALINK, SECTION, own_link, page_site, target_shape
from .linkblocks import LIST_KINDS, Link, heading_level, skeleton, word_count

_BLOCK_KINDS = frozenset({"paragraph", "heading", "code_block", *LIST_KINDS})
_SENTENCE_END = re.compile(r"[.!?。！？…](?:\s|$|[\"'”’）)\]])|[。！？]")
_SCRIPT_LINK = re.compile(r"\]\(javascript:", re.I)
_SCRIPT_TARGET = re.compile(r"javascript:", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CAPTION_WORDS = 6
"""The words of a caption between a menu's blocks ("Агентство", "拉近你与现场距离")."""
_HEADING_WORDS = 6


@dataclass(slots=True)
class _Menu:
    """What a run of menu blocks links: the section pages and all the links with a text."""

    sections: set[str] = field(default_factory=set)
    links: int = 0


@dataclass(slots=True)
class _Page:
    """One page's readings: its blocks, their words and links, its prose, its site."""

    blocks: list[Node]
    readings: list[_Reading | None]
    prose: list[int]
    site: str | None
    gated: bool
    titles: set[int]
    """The headings of level one (the article's title, never a menu's caption)."""
    menus: dict[int, _Menu] = field(default_factory=dict)


class SectionMenuMatcher(ArticleRegionMatcher):
    """BP185's gate and readings; the site's menus by where their links lead."""

    name = "section-menu"
    params = MappingProxyType(
        {
            **ArticleRegionMatcher.params,
            "min_links": int,
            "min_middle_links": int,
            "max_link_words": int,
            "max_link_chars": int,
            "min_absolute_links": int,
            "min_head_links": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        own = {
            "min_links",
            "min_middle_links",
            "max_link_words",
            "max_link_chars",
            "min_absolute_links",
            "min_head_links",
        }
        super().__init__({k: v for k, v in params.items() if k not in own})
        self.min_links = int(params.get("min_links", 5))
        self.min_middle_links = int(params.get("min_middle_links", 8))
        self.max_link_words = int(params.get("max_link_words", 4))
        self.max_link_chars = int(params.get("max_link_chars", 10))
        self.min_absolute_links = int(params.get("min_absolute_links", 10))
        self.min_head_links = int(params.get("min_head_links", 2))

    def trigger(self) -> Trigger:
        """``min_links`` inline links at least (``find`` asks the same first)."""
        return AtLeast("](", self.min_links)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = self._page(doc)
        if page is None:
            return
        blocks = page.blocks
        for run in self._runs(page, self._menus(page)):
            if self._taken(doc, page, run):
                yield _finding(doc, blocks[run[0]], blocks[run[-1]])

    def _page(self, doc: Document) -> _Page | None:
        """The page's readings, on a page with ``min_links`` links and prose; else None."""
        if doc.text.count("](") < self.min_links:
            return None
        gated = self.saved_page_of(doc) or _SCRIPT_LINK.search(doc.text) is not None
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        readings = [_block_reading(doc, node) or self._reading(doc, node) for node in blocks]
        prose = [i for i, node in enumerate(blocks) if self._prose(node, readings[i])]
        if not prose:
            return None
        return _Page(blocks, readings, prose, page_site(doc), gated, _titles(doc, blocks))

    def _menus(self, page: _Page) -> dict[int, _Menu]:
        """The page's menu blocks (``_menu_block``), by index; kept with the page."""
        page.menus = {
            i: menu
            for i, node in enumerate(page.blocks)
            if (menu := self._menu_block(node, page.readings[i], page.site)) is not None
        }
        return page.menus

    def _prose(self, node: Node, reading: _Reading | None) -> bool:
        """A block of the article's text (BP185's reading), not a list of links a converter
        indented into a code block."""
        if node.kind == "code_block" and reading is not None:
            return False
        return self._is_text(node, reading)

    def _menu_block(self, node: Node, reading: _Reading | None, site: str | None) -> _Menu | None:
        """A block of the site's menu: short links to its section pages (an off-site sister
        link among them), no permalink of its own site, few words of its own. A list of links
        a converter indented into a code block (a submenu under its heading) stands in a menu
        whatever its texts, when most of its links are no permalinks."""
        texts = _link_texts(node, reading)
        if reading is None or not texts:
            return None
        if node.kind == "code_block":
            return _indented_menu(texts, site)
        if not self._menu_words(reading, texts):
            return None
        menu, foreign, permalinks = _tally(texts, site)
        if permalinks or not menu.sections or 3 * foreign > menu.links:
            return None
        return menu

    def _menu_words(self, reading: _Reading, texts: list[Link]) -> bool:
        """Short link texts, few words of the block's own and no sentence among them."""
        if any(not self._short(link.text) for link in texts):
            return False
        own = _own_text(reading)
        return word_count(own) <= max(2, len(texts)) and _SENTENCE_END.search(own) is None

    def _short(self, text: str) -> bool:
        text = " ".join(text.split())
        if _CJK.search(text):
            return len(text.replace(" ", "")) <= self.max_link_chars
        return word_count(text) <= self.max_link_words

    def _filler(self, node: Node, reading: _Reading | None) -> bool:
        """A block that may stand between a menu's blocks: a rule, a short caption or heading
        without a link or a sentence, linked pictures without words (a logo)."""
        if node.kind == "hr":
            return True
        if reading is None:
            return False
        if reading.words == 0:
            return True  # (pictures, icons)
        if reading.links or _SENTENCE_END.search(reading.text):
            return False
        if self._names_content(reading.text.strip()):
            return False  # ("See also", "References": the article's own links follow)
        limit = _HEADING_WORDS if node.kind == "heading" else _CAPTION_WORDS
        return node.kind in ("paragraph", "heading") and reading.words <= limit

    def _runs(self, page: _Page, menus: dict[int, _Menu]) -> Iterator[list[int]]:
        """The runs of menu blocks, the fillers between them kept, none at their edges (a
        title of level one is never a filler: the article's, between two menus)."""
        run: list[int] = []
        for i, node in enumerate(page.blocks):
            filler = i not in page.titles and self._filler(node, page.readings[i])
            if i in menus or (run and filler):
                run.append(i)
                continue
            yield from _trimmed(run, menus)
            run = []
        yield from _trimmed(run, menus)

    def _taken(self, doc: Document, page: _Page, run: list[int]) -> bool:
        """Whether a run is the site's menu: enough section pages for where it stands (on a
        page without the sign of a saving, ``min_absolute_links`` written with the site's
        host), not a list the article introduces."""
        sections: set[str] = set()
        for i in run:
            if i in page.menus:
                sections |= page.menus[i].sections
        if len(sections) < self._enough(page.blocks, run, page.prose):
            return False
        absolute = sum(key.startswith("//") for key in sections)
        if not page.gated and absolute < self.min_absolute_links:
            return False
        first = run[0]
        if self._under_content_title(doc, page.blocks, first):
            return False
        # (above the article, the line before a menu is the page's, not the author's lead-in;
        # no author leads into a mega-menu of ``min_middle_links`` sections)
        if first < page.prose[0] or len(sections) >= self.min_middle_links:
            return True
        return not self._introduced(doc, page.blocks, page.readings, first, page.site)

    def _enough(self, blocks: list[Node], run: list[int], prose: list[int]) -> int:
        """The section pages a run must link where it stands: ``min_middle_links`` between
        two blocks of the article's prose, ``min_head_links`` above the page's first heading
        and its first prose (the site's head), else ``min_links``."""
        if prose[0] < run[0] and run[-1] < prose[-1]:
            return self.min_middle_links
        headings = [i for i, node in enumerate(blocks) if node.kind == "heading"]
        if run[-1] < prose[0] and (not headings or run[-1] < headings[0]):
            return self.min_head_links
        return self.min_links


def _block_reading(doc: Document, node: Node) -> _Reading | None:
    """A heading's words and links, as BP185 reads a paragraph's (it reads no heading); a code
    block that is nothing but a list of links, read as that list (never the article's code)."""
    if node.kind == "code_block":
        return code_links(doc, node)
    if node.kind != "heading":
        return None
    skel = skeleton(doc, node)
    if skel is None:
        return None
    return _Reading(skel.words(), skel.link_words(), skel.visible, tuple(skel.links), skel.images)


def _tally(links: list[Link], site: str | None) -> tuple[_Menu, int, int]:
    """The section pages of the site that ``links`` lead to, the links off the site or to
    other pages of it (``foreign``), and those to the site's permalinks."""
    menu = _Menu(links=len(links))
    foreign = permalinks = 0
    for link in links:
        if _SCRIPT_TARGET.match(link.href.strip()):
            menu.links -= 1
            continue  # (a control's script: a log-in box, a menu's toggle)
        shape = target_shape(link.href)
        if own_link(link.href, site) and shape == SECTION:
            menu.sections.add(_key(link.href))
        elif own_link(link.href, site) and shape == PERMALINK:
            permalinks += 1
        else:
            foreign += 1
    return menu, foreign, permalinks


def _indented_menu(links: list[Link], site: str | None) -> _Menu | None:
    menu, _, permalinks = _tally(links, site)
    return None if 2 * permalinks >= len(links) else menu


_RAW_SCRIPT_LINK = re.compile(r"\[[^\[\]\n]*\]\(javascript:[^\n]*?\)(?=\s|\[|$)", re.I)
"""A script link as the reading leaves it: Markdown refuses ``javascript:`` targets."""


def _own_text(reading: _Reading) -> str:
    """A block's words outside its links (script links, which stay text, left out too)."""
    text = _RAW_SCRIPT_LINK.sub(" ", reading.text)
    for link in reading.links:
        text = text.replace(link.text, " ", 1)
    return text


def _key(href: str) -> str:
    """A section page's address, as one page however the menu writes it."""
    href = href.strip().strip("<>").split("#")[0].rstrip("/").lower()
    return re.sub(r"^(?:https?:)?//(?:www\.)?", "//", href)


def _titles(doc: Document, blocks: list[Node]) -> set[int]:
    """The headings of level one among ``blocks``, by index."""
    return {
        i
        for i, node in enumerate(blocks)
        if node.kind == "heading" and heading_level(doc, node) == 1
    }


def _finding(doc: Document, first: Node, last: Node) -> Finding:
    start, end = doc.node_span(first)[0], doc.node_span(last)[1]
    return Finding(start, end, edits=(remove_blocks(doc, first, last),))


def _link_texts(node: Node, reading: _Reading | None) -> list[Link]:
    """The links with a text of a block a menu may be."""
    if node.kind not in _BLOCK_KINDS or reading is None:
        return []
    return [link for link in reading.links if link.text.strip()]


def _trimmed(run: list[int], menus: dict[int, _Menu]) -> Iterator[list[int]]:
    while run and run[-1] not in menus:
        run = run[:-1]
    while run and run[0] not in menus:
        run = run[1:]
    if run:
        yield run
