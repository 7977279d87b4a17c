"""``site-head``: a web page's site head, read upward from where its article starts.

A clipper, crawler or "save page" converter keeps the page's head above the article: the
site's logo and name linked to its home page, the menu, tabs, a breadcrumb, a search box's
and a menu toggle's captions ("Search", "Menu", "Ctrl K"), a theme toggle, a language name.
The article starts at its title: the heading that names the front matter's ``title``, the
heading that repeats the converter's own title line, else the page's level-one heading.
The blocks right above it go when each is shaped as a head's part (``head_parts``) and the
page gives two independent signs that they are a site's head (``HeadSigns``). A page with
no title heading is read from its top down while its blocks are head parts.

A head that holds prose, code, a table, a heading of its own or a README's badge row stays:
none of them is a head part. A README's logo and language links carry no sign of a web
page (no crawl source, no title the front matter names, no menu of one site's top pages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..fastpath.triggers import AnyOf, InHead, Repeated, Search, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .article_notes import CreditReader, without_figures
from .base import Matcher
from .fix_safety import safe_if
from .head_parts import (
    LINKED,
    LOGO,
    ROOT_LINK,
    WEB_LINK,
    Anchor,
    HeadPart,
    head_part,
    leading_source_lines,
    own_host,
    title_anchors,
)
from .page_head import MENU_LINE, MENU_LINKS, crawl_source
from .phrase_lists import phrase_pattern

HEAD_BLOCKS = 24
"""A site's head stands among the page's first blocks: read no further for its top."""


@dataclass(frozen=True)
class HeadSigns:
    """The independent signs that blocks above an article are a site's head."""

    titled: bool  # the article's title is the one the front matter or converter names
    crawled: bool  # the page says it was clipped or crawled from the web
    menu: bool  # a menu of one site's top pages
    control: bool  # a head control's caption or a template's notice
    notice: bool  # a template's notice (the llms.txt box)
    home: bool  # the site's logo or name linked to its home page

    def count(self) -> int:
        return sum((self.titled, self.crawled, self.menu, self.control, self.home))

    def in_body(self) -> bool:
        """Whether one sign stands in the page's body (not only in its front matter): the
        trigger looks for these."""
        return self.menu or self.notice or self.home


class SiteHeadMatcher(Matcher):
    name = "site-head"
    params = MappingProxyType(
        {"keywords": list, "controls": list, "control_labels": list, "credits": list}
    )
    required = frozenset({"controls"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        controls = phrase_pattern(params, "controls", "control_labels")
        self._control = lazy_compile(rf"(?:{controls})", re.IGNORECASE) if controls else None
        self._credits = CreditReader(phrase_pattern(params, "credits", "credit_labels"))

    def trigger(self) -> Trigger:
        """A web link (an absolute address, or one rooted at the site) among the head's first
        ``HEAD_BLOCKS`` blocks, and a sign of a head there that the body shows: a link to a
        site's home (or a logo), a menu (``MENU_LINKS`` lines that ``MENU_LINE`` reads), the
        llms.txt notice. ``find`` removes a head only with a web part and one of these signs
        (``HeadSigns.in_body``); a control's caption alone opens too many lines of text to
        be asked for."""
        signs = AnyOf(
            (
                Search(ROOT_LINK),
                Repeated(MENU_LINE, MENU_LINKS),
                literals(LOGO, "llms.txt"),
            )
        )
        web = Search(WEB_LINK)
        return all_of(self.keyword_trigger(), InHead(HEAD_BLOCKS, web), InHead(HEAD_BLOCKS, signs))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        found = self._head(doc, blocks)
        if found is None:
            return
        start, end, sure = found
        first, last = blocks[start], blocks[end - 1]
        span_start, span_end = doc.node_span(first)[0], doc.node_span(last)[1]
        # (the article's lead figure, a picture and its credit line, stays)
        parts = without_figures(doc, blocks, (start, end), self._credits)
        edits = tuple(remove_blocks(doc, blocks[a], blocks[b - 1]) for a, b in parts)
        yield Finding(span_start, span_end, edits=edits, applicability=safe_if(sure))

    def _head(self, doc: Document, blocks: list[Node]) -> tuple[int, int, bool] | None:
        """The head's first and end index and whether its removal is certain: above the
        first title candidate whose head holds the signs (a popup's heading may stand
        above the site's head); on a page without a title heading, from its top down."""
        titled = False
        for anchor in title_anchors(doc, blocks, HEAD_BLOCKS):
            titled = True
            parts, start = self._upward(doc, blocks, anchor.index, anchor.top)
            found = self._judged(doc, parts, start, anchor.index, anchor)
            if found is not None:
                return found
        if titled:
            return None  # the page's top over a title heading is read upward only
        parts, end = self._downward(doc, blocks)
        return self._judged(doc, parts, end - len(parts), end, None)

    def _judged(
        self,
        doc: Document,
        parts: list[HeadPart],
        start: int,
        end: int,
        anchor: Anchor | None,
    ) -> tuple[int, int, bool] | None:
        """The head ``parts`` (``start``..``end``) when the page gives two signs of a site's
        head, one of them in its body."""
        parts, end = _trimmed_over_title(parts, end, anchor is not None and anchor.named)
        if not any(part.web for part in parts):
            return None
        signs = _head_signs(doc, parts, anchor)
        if signs.count() < 2 or not signs.in_body():
            return None
        return start, end, _certain(doc, parts, start, anchor)

    def _upward(
        self, doc: Document, blocks: list[Node], anchor: int, top: int
    ) -> tuple[list[HeadPart], int]:
        """The head parts right above the title, read upward to ``top``, in reading order."""
        parts: list[HeadPart] = []
        index = anchor
        while index > top:
            part = head_part(doc, blocks[index - 1], self._control)
            if part is None:
                break
            parts.append(part)
            index -= 1
        parts.reverse()
        return parts, index

    def _downward(self, doc: Document, blocks: list[Node]) -> tuple[list[HeadPart], int]:
        """The head parts from the page's top down, on a page without a title heading; none
        when the page's blocks are all head parts (no article under them)."""
        parts: list[HeadPart] = []
        top = leading_source_lines(doc, blocks[:HEAD_BLOCKS])  # a crawler's lines stay
        for index in range(top, min(len(blocks), HEAD_BLOCKS)):
            part = head_part(doc, blocks[index], self._control)
            if part is None:
                return parts, index
            parts.append(part)
        return [], 0


def _trimmed_over_title(parts: list[HeadPart], end: int, named: bool) -> tuple[list[HeadPart], int]:
    """The head's parts and end without the parts right over the title that stay with it
    (``_kept_over_title``)."""
    parts = list(parts)
    while parts and _kept_over_title(parts[-1], named):
        parts.pop()
        end -= 1
    return parts, end


def _head_signs(doc: Document, parts: list[HeadPart], anchor: Anchor | None) -> HeadSigns:
    """The signs the head's parts, the page and its title anchor give."""
    title = anchor.title if anchor is not None else ""
    return HeadSigns(
        titled=anchor is not None and anchor.named,
        crawled=crawl_source(doc) or (anchor is not None and anchor.sourced),
        menu=any(part.kind == "menu" for part in parts),
        control=any(part.kind in ("control", "notice") for part in parts),
        notice=any(part.kind == "notice" for part in parts),
        home=any(part.kind == "home" and part.name not in title for part in parts),
    )


def _certain(doc: Document, parts: list[HeadPart], start: int, anchor: Anchor | None) -> bool:
    """Whether the head's removal is certain: over the title the front matter names, read up
    to the anchor's top, every part a caption or a link to the page's own site."""
    return (
        anchor is not None
        and anchor.by_front_matter
        and start == anchor.top
        and _own_site_only(doc, parts)
    )


def _kept_over_title(part: HeadPart, named: bool) -> bool:
    """Whether a part right over the title stays with it: a hero picture, and a kicker
    (a short label) unless the title is the one the front matter or converter names, under
    which a label is the head's last caption ("Send feedback", the breadcrumb's last step)."""
    if part.kind in LINKED or part.kind == "control":
        return False
    return part.kind == "image" or not named


def _own_site_only(doc: Document, parts: Sequence[HeadPart]) -> bool:
    """Whether every part is a control's caption or links to the page's own site alone (a
    label or a picture is no exact evidence)."""
    host = own_host(doc)
    if host is None:
        return False
    return all(
        part.kind == "control" or (part.kind in LINKED and part.hosts <= {host, ""})
        for part in parts
    )
