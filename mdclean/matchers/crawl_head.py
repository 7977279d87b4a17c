"""``crawl-head``: a crawled page's site header, from the theme's skip link to the article's title.

Every accessible theme opens its page with a skip link ("Skip to content", "Zum Inhalt
springen", "跳至内容", ``phrases``), then the site's header: its name and tagline, a logo,
the menu, a search box, the post's categories. A crawler or "save page" converter keeps all
of it above the article. The skip link is the evidence that the page is a crawl, and it
says where the header starts; the article's title (``page_head.title_index``) says where it
ends. The blocks from the skip link's block to the title go, when none of them is prose (a
paragraph of sentences) or code: a header has neither. A page without a skip link in its
head, or without a title after it, keeps everything.

The fix is unsafe: where the article starts is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import AllOf, AnyOf, InHead, Repeated, Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .article_notes import CreditReader, without_figures
from .base import Matcher
from .fix_safety import safe_if
from .head_parts import title_anchors
from .label_shapes import LabelOpensLine
from .label_triggers import LabelTrigger, phrase_text
from .linkblocks import heading_level, skeleton
from .page_head import (
    MENU_LINE,
    MENU_LINKS,
    chrome_shaped,
    crawl_source,
    first_link,
    front_matter_title,
    heading_text,
    names_title,
    prose,
    site_menu,
    site_name_heading,
    site_root,
    site_root_name,
    site_tagline,
    skip_link_index,
    title_index,
)
from .phrase_lists import phrase_pattern, phrases_of
from .required_phrases import required_alternation

_CODE_KINDS = ("fence", "code_block", "table")
HEAD_BLOCKS = 12
"""A crawled page's menu without a skip link stands among its first blocks (after the
converter's own lines: its title, the page's address)."""
# A crawler's header lines above the page (Jina's "Title:", "URL Source:", "Markdown Content:").
_CRAWLER_LINE = re.compile(
    r"^(?:>\s*)?(?:title|url source|source|markdown content|published time)\s*:", re.IGNORECASE
)


class CrawlHeadMatcher(Matcher):
    name = "crawl-head"
    params = MappingProxyType(
        {
            "keywords": list,
            "phrases": list,
            "controls": list,
            "home_labels": list,
            "credits": list,
        }
    )
    required = frozenset({"phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._alternation = required_alternation(params)
        self._labels = LabelTrigger.of(phrases_of(params))
        controls = phrase_pattern(params, "controls", "control_labels")
        self._control = re.compile(rf"(?:{controls})", re.IGNORECASE) if controls else None
        home = phrase_pattern(params, "home_labels", "home_label_texts")
        self._home = re.compile(rf"\W*(?:{home})\W*", re.IGNORECASE) if home else None
        self._credits = CreditReader(phrase_pattern(params, "credits", "credit_labels"))

    @cached_property
    def skip_line(self) -> re.Pattern[str]:
        """A line that opens with a link whose whole text is a skip phrase and whose target
        holds an anchor (``#content``, ``https://site/post/#main``)."""
        return re.compile(
            rf"^[ \t]*(?:[-*+][ \t]+)?\[[ \t]*(?:{self._alternation})[ \t]*\]\([^)\s]*#",
            re.IGNORECASE | re.MULTILINE,
        )

    def trigger(self) -> Trigger:
        """The keywords, then a line that the skip-link pattern matches (asked only where a
        skip phrase opens a line, as the phrase rules' shared reading says: the link's text
        opens its line), or ``MENU_LINKS`` links to a site's top pages in the head's first
        ``HEAD_BLOCKS`` blocks: ``find`` reads the same lines and targets with the same
        patterns."""
        skip_line: Trigger = Search(self.skip_line)
        if self._labels is not None:
            opens = LabelOpensLine(self._labels, None, phrase_text, 1)
            skip_line = AllOf((OutsideFences(opens), skip_line))
        menu = InHead(HEAD_BLOCKS, Repeated(MENU_LINE, MENU_LINKS))
        return all_of(self.keyword_trigger(), AnyOf((skip_line, menu)))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        after_skip_link = self._after_skip_link(doc, blocks)
        if after_skip_link is not None:
            yield self._finding(
                doc, blocks, after_skip_link, sure_header(doc, blocks, *after_skip_link)
            )
            # A second menu between the title's copy and the title itself (a crawler keeps
            # the header twice) is read in the same pass: another rule's fix in this pass may
            # take the menu's link lines, the evidence a later pass would need.
            blocks = blocks[after_skip_link[1] :]
        menu_region = self._around_menu(doc, blocks)
        if menu_region is not None:
            # the menu's header on a crawled page: certain when the front matter's title ends it
            sure = crawl_source(doc) and _names_front_matter_title(doc, blocks[menu_region[1]])
            yield self._finding(doc, blocks, menu_region, sure)

    def _finding(
        self, doc: Document, blocks: list[Node], region: tuple[int, int], sure: bool
    ) -> Finding:
        first, last = blocks[region[0]], blocks[region[1] - 1]
        span_start, span_end = doc.node_span(first)[0], doc.node_span(last)[1]
        parts = without_figures(doc, blocks, region, self._credits)
        edits = tuple(remove_blocks(doc, blocks[a], blocks[b - 1]) for a, b in parts)
        return Finding(span_start, span_end, edits=edits, applicability=safe_if(sure))

    def _after_skip_link(self, doc: Document, blocks: list[Node]) -> tuple[int, int] | None:
        """From the skip link's block to the title, when none of them is prose or code."""
        start = skip_link_index(doc, blocks, self.skip_line)
        if start is None:
            return None
        end = title_index(doc, blocks, start)
        if end is not None:
            end = self._skip_target(doc, blocks, start, end)
        if end is None or not all(_header_block(doc, node) for node in blocks[start:end]):
            return None
        return start, end

    def _skip_target(self, doc: Document, blocks: list[Node], start: int, end: int) -> int:
        """Where the content starts: the block that holds the skip link's target anchor
        (``[]{#main-content}``, ``<div id="main-content">``) when it stands before the title
        ``blocks[end]``, else the title. The theme itself says where its header ends: what
        follows the anchor (a contributor's field, the post's meta) is the article's."""
        start_offset, end_offset = doc.node_span(blocks[start])
        link = self.skip_line.search(doc.text, start_offset, end_offset)
        target = _FRAGMENT.match(doc.text, link.end()) if link is not None else None
        if target is None:
            return end
        anchor = _anchor(target.group(1))
        for index in range(start + 1, end):
            if anchor.search(doc.text, *doc.node_span(blocks[index])):
                return index
        return end

    def _around_menu(self, doc: Document, blocks: list[Node]) -> tuple[int, int] | None:
        """The site's menu among the first blocks with the header's blocks around it (the
        site's name, logo, tagline), up to the article's title, on a page that says it was
        crawled (``crawl_source``) or whose header holds a second sign of a web page: a
        control's caption left alone on its line ("Menu", "Search", "検索:")."""
        menu = _first_menu(doc, blocks)
        if menu is None:
            return None
        end = title_index(doc, blocks, menu)
        if end is None or not all(chrome_shaped(doc, node) for node in blocks[menu:end]):
            return None
        start = menu
        while start > 0 and _header_part(doc, blocks[start - 1]):
            start -= 1
        if (
            crawl_source(doc)
            or self._control_caption(doc, blocks[start:end])
            or self._home_and_site_name(doc, blocks, start, menu, end)
        ):
            return start, end
        return None

    def _home_and_site_name(
        self, doc: Document, blocks: list[Node], start: int, menu: int, end: int
    ) -> bool:
        """Two more signs of a site's header: the menu's first item is the home page by a
        home label ("Home", "Startseite", "首页") linking to the site's root, and above the
        menu the site's name or logo links to that root too, under another name than the
        title's: a README's logo and links name the project its title names."""
        if self._home is None:
            return False
        first = first_link(doc, blocks[menu])
        if first is None or not site_root(first.href) or not self._home.fullmatch(first.text):
            return False
        title = heading_text(doc, blocks[end])
        names = [site_root_name(doc, node) for node in blocks[start:menu]]
        return any(name is not None and name not in title for name in names)

    def _control_caption(self, doc: Document, nodes: list[Node]) -> bool:
        """Whether a paragraph or list item among ``nodes`` is only a header control's
        caption (``controls``: the menu toggle, search, close), without a link."""
        if self._control is None:
            return False
        for node in nodes:
            for leaf in node.walk():
                skel = skeleton(doc, leaf) if leaf.kind == "paragraph" else None
                if skel is None or skel.links or skel.images:
                    continue
                caption = _CAPTION_EDGES.sub("", skel.visible)
                if caption and self._control.fullmatch(caption):
                    return True
        return False


# The fragment of a skip link's target, right after its "#": "main-content" in "(#main-content)".
_FRAGMENT = re.compile(r"([\w:.-]+)\)")


def _anchor(fragment: str) -> re.Pattern[str]:
    """An element or span with the fragment as its id: Pandoc's ``{#id}``, HTML's ``id=`` or ``name=``."""
    name = re.escape(fragment)
    return re.compile(rf"""\{{#{name}[\s}}]|\b(?:id|name)\s*=\s*["']?{name}\b""")


# Marks around a control's caption: an icon's text, a colon, an ellipsis ("Search …").
_CAPTION_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def sure_header(doc: Document, blocks: list[Node], start: int, end: int) -> bool:
    """Whether the header from the skip link is certain: it ends at the heading that names the
    front matter's title, or at the page's level-one heading (a web page's ``h1`` is its
    article's title) with no heading of level one or two above it, or it holds only links,
    short labels, wrappers and images."""
    if _names_front_matter_title(doc, blocks[end]) or _saver_named(doc, blocks, end):
        return True
    header = blocks[start:end]
    if heading_level(doc, blocks[end]) == 1 and not any(
        node.kind == "heading" and heading_level(doc, node) <= 2 for node in header
    ):
        return True
    return all(chrome_shaped(doc, node) for node in header)


def _saver_named(doc: Document, blocks: list[Node], end: int) -> bool:
    """Whether the heading at ``end`` is the title the page's saver named without front matter:
    the one Jina Reader's "Title:" line names, or the one that repeats the crawler's own title
    heading (``title_anchors``' named anchors): the saver's word, as a clipper's front matter."""
    return any(a.named and a.index == end for a in title_anchors(doc, blocks, end + 1))


def _names_front_matter_title(doc: Document, node: Node) -> bool:
    title = front_matter_title(doc)
    return title is not None and names_title(doc, node, title)


def _first_menu(doc: Document, blocks: list[Node]) -> int | None:
    """The index of the first site menu among the first ``HEAD_BLOCKS`` blocks, with no prose
    before it."""
    for index, node in enumerate(blocks[:HEAD_BLOCKS]):
        if prose(doc, node):
            return None
        if site_menu(doc, node):
            return index
    return None


def _header_part(doc: Document, node: Node) -> bool:
    """A block above the menu that belongs to the header: not a crawler's own header line
    ("URL Source:"), and shaped as a header's parts are, or the site's name as a heading
    that links to the site's home, or its tagline (``site_tagline``)."""
    if node.kind == "heading":
        return site_name_heading(doc, node)
    start, end = doc.node_span(node)
    if _CRAWLER_LINE.match(doc.text, start, end) is not None:
        return False
    return chrome_shaped(doc, node) or site_tagline(doc, node)


HEADER_SENTENCE_WORDS = 12
"""A sentence this long outside links is the page's text, not a header's tagline."""


def _header_block(doc: Document, node: Node) -> bool:
    """Whether a block may belong to a site's header: no sentence of ``HEADER_SENTENCE_WORDS``
    words, no code or table in it."""
    if node.kind in _CODE_KINDS or prose(doc, node, HEADER_SENTENCE_WORDS):
        return False
    return not any(child.kind in _CODE_KINDS for child in node.walk())
