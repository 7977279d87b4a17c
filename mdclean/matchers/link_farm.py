"""``link-farm-section``: a heading whose section is nothing but links to other sites' articles.

The section (the blocks up to the next heading of the same or a higher level)
holds only link lists: lists of links, HTML link blocks, paragraphs that are
only links; at least ``min_links`` of them, link text at least ``min_link_share``
of the text, every target on another site, and headline-like link texts
(``min_words_per_link`` words on average; any length under a known related-links
title). Heading and section go together.

It is a guess, so the fix is unsafe; it is safe when the heading itself is a
known boilerplate title ("Related posts"). Content titles ("See also",
"References", "Further reading") exempt the section; tables of contents (links
to ``#anchors``), documentation indexes (relative links) and changelogs (links to
a repository's commits, issues and releases: ``repository_links``) never qualify.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AllOf, AnyOf, Check, Search, Trigger, literals
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_triggers import ExternalLinks
from .linkblocks import (
    LIST_KINDS,
    Link,
    Skeleton,
    heading_level,
    is_external,
    link_list,
    may_hold_links,
    raw_text,
    skeleton,
    word_count,
)
from .phrase_lists import phrase_pattern
from .phrases import matchable_title
from .repository_links import record_of_work
from .tracking_pixel import MARKDOWN_IMAGE
from .trailing_links import dated_link_list, headline_texts

# A top-level setext heading's underline (ATX headings are caught by their ``#``).
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.M)


class LinkFarmSectionMatcher(Matcher):
    name = "link-farm-section"
    params = MappingProxyType(
        {
            "keywords": list,
            "phrases": list,
            "labels": list,
            "exempt": list,
            "exempt_labels": list,
            "min_links": int,
            "min_link_share": (int, float),
            "min_words_per_link": (int, float),
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        known = phrase_pattern(params)
        self.known_title = re.compile(rf"\W*(?:{known})\W*", re.I) if known else None
        exempt = phrase_pattern(params, "exempt", "exempt_labels")
        self.exempt_title = re.compile(rf"\W*(?:{exempt})\W*", re.I) if exempt else None
        self.min_links = int(params.get("min_links", 3))
        self.min_link_share = float(params.get("min_link_share", 0.8))
        self.min_words_per_link = float(params.get("min_words_per_link", 4))

    def costly_to_ask(self) -> bool:
        return True  # the raw text's headings and links are read; ``find`` reads only top-level headings

    def trigger(self) -> Trigger:
        """A heading, then a block that may be a list of links, and ``min_links`` external
        links. Not the ``//`` keyword: a target may spell its slashes ``&#47;``."""
        return AllOf(
            (
                AnyOf((literals("#"), Search(_SETEXT_UNDERLINE, folded=False))),
                # Hand-written: a heading line, the first line of the block after it and the
                # ``//`` of the section up to the next heading are read together; no condition
                # on the whole text says that.
                Check(self._heading_before_links, "a heading over what may be a link list"),
                ExternalLinks(self.min_links),
            )
        )

    def _heading_before_links(self, lowered_text: str) -> bool:
        # A slash spelt ``&#47;`` or ``\/`` hides a ``//`` from the section's count.
        # ("&" and "\\" first: a one-character test is far faster than one for a longer string.)
        disguised = ("&" in lowered_text and ("&#" in lowered_text or "&sol" in lowered_text)) or (
            "\\" in lowered_text and "\\/" in lowered_text
        )
        return _heading_before_links(lowered_text, 0 if disguised else self.min_links)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        for index, heading in enumerate(page):
            if heading.kind != "heading":
                continue
            farm = self._farm_section(doc, page, index)
            if farm is None:
                continue
            section, known = farm
            start, end = doc.node_span(heading)[0], doc.node_span(section[-1])[1]
            yield Finding(
                start,
                end,
                edits=(remove_blocks(doc, heading, section[-1]),),
                applicability=Applicability.SAFE if known else None,
            )

    def _farm_section(
        self, doc: Document, page: list[Node], index: int
    ) -> tuple[list[Node], bool] | None:
        """The blocks under the heading ``page[index]`` when they are a farm, and whether its
        title is a known related-links title; None for any other section."""
        section = _section(doc, page, index)
        # Most sections open with prose: ruled out on their raw text before the title's
        # and the blocks' inline parse (the answer is the same: see ``_may_be_widget``).
        if not section or not all(_may_be_widget(doc, node) for node in section):
            return None
        title = matchable_title(doc, page[index])
        if self.exempt_title is not None and self.exempt_title.fullmatch(title):
            return None
        known = self.known_title is not None and self.known_title.fullmatch(title) is not None
        return (section, known) if self._is_farm(doc, section, known=known) else None

    def _is_farm(self, doc: Document, section: list[Node], *, known: bool) -> bool:
        """Whether a section is only links to other sites, as long as headlines unless its
        title is a known related-links title (then "Tools" or "Vim" are related posts too)."""
        links = _section_links(doc, section, known=known)
        if links is None or not self._headlines_elsewhere(links, headlines=not known):
            return False
        link_chars = sum(len(link.text.replace(" ", "")) for link in links)
        all_chars = sum(_counted_chars(doc, node, known=known) for node in section)
        return all_chars > 0 and link_chars >= self.min_link_share * all_chars

    def _headlines_elsewhere(self, links: list[Link], *, headlines: bool) -> bool:
        """Whether there are enough links, all to other sites, with texts as long as headlines
        (when ``headlines``)."""
        if len(links) < self.min_links or not all(is_external(link.href) for link in links):
            return False
        if record_of_work(links):
            return False  # a changelog's commits, issues and releases are its content
        return not headlines or headline_texts(links, self.min_words_per_link)


def _section_links(doc: Document, section: list[Node], *, known: bool) -> list[Link] | None:
    """The links of a section whose every block is a link list, or a widget's cards that kept
    their date ("[Title](…) 30. October 2024"), or under a known title a list of posts with
    their snippets ("Popular posts"); None for any other section."""
    links: list[Link] = []
    for node in section:
        found = _widget_links(doc, node, known=known)
        if found is None:
            return None
        links.extend(found)
    return links


def _may_be_widget(doc: Document, node: Node) -> bool:
    """Cheap test, on the raw text: False where ``_widget_links`` is None under any title. Each
    of its readings needs a list, an HTML block or a paragraph that may hold a link (a list's
    first item opens with one of them)."""
    if node.kind in LIST_KINDS:
        first = node.children[0] if node.children else None
        return first is not None and bool(first.children) and _may_be_widget(doc, first.children[0])
    if node.kind == "paragraph":
        return may_hold_links(raw_text(doc, node))
    return node.kind == "html_block"


def _widget_links(doc: Document, node: Node, *, known: bool) -> list[Link] | None:
    found = link_list(doc, node) or dated_link_list(doc, node)
    if found is None and known:
        found = _snippet_list(doc, node)
    return found


_MAX_SNIPPET_WORDS = 60


def _snippet_list(doc: Document, node: Node) -> list[Link] | None:
    """The links of a list whose every item is a link, then perhaps a short snippet without
    a link (a "Popular posts" widget's items)."""
    if node.kind not in LIST_KINDS:
        return None
    links: list[Link] = []
    for item in node.children:
        if not 1 <= len(item.children) <= 2:
            return None
        found = link_list(doc, item.children[0])
        snippet = skeleton(doc, item.children[-1]) if len(item.children) == 2 else None
        if found is None or (snippet is not None and not _is_snippet(snippet)):
            return None
        if len(item.children) == 2 and snippet is None:
            return None
        links.extend(found)
    return links


def _is_snippet(skel: Skeleton) -> bool:
    return not skel.links and not skel.images and word_count(skel.visible) <= _MAX_SNIPPET_WORDS


# A line that may be a heading (ATX, or a setext underline), then the first line of the next
# block. Read on the text after a line break, so each regex starts with a literal "\n" (fast).
_HEADING = r"\n(?: {0,3}#[^\n]*| {0,3}(?:=+|-+)[ \t]*)(?=\n|$)"
_HEADING_THEN_LINE = re.compile(_HEADING + r"(?=\n(?:[ \t]*\n)*([^\n]*))")
_NEXT_HEADING = re.compile(_HEADING)
_BULLET = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _heading_before_links(lowered: str, min_links: int) -> bool:
    """Whether some heading is followed by a block that may be a list of links, in a section
    that may hold ``min_links`` external links.

    A farm section's first block is a link list: a paragraph or HTML block whose text
    starts with ``[``, ``<`` or ``![`` (past emphasis) and holds a link besides its images,
    or a list whose first item is one. Each of its links is external: a ``//`` in the
    section. The section ends at the next line that may be a heading (or an hr, which a
    farm cannot hold either).
    """
    if "\r" in lowered:
        lowered = lowered.replace("\r\n", "\n").replace("\r", "\n")
    lowered = "\n" + lowered
    for m in _HEADING_THEN_LINE.finditer(lowered):
        line = _line_opening(m.group(1))
        if line[:1] not in ("[", "<", "!"):
            continue
        section_end = _NEXT_HEADING.search(lowered, m.end())
        section = lowered[m.start(1) : section_end.start() if section_end else len(lowered)]
        if section.count("//") >= min_links and _may_hold_link(line, section):
            return True
    return False


def _line_opening(line: str) -> str:
    """A line past its bullets (a nested list's too) and the emphasis around it."""
    while (bullet := _BULLET.match(line)) is not None and bullet.end() > 0:
        line = line[bullet.end() :]
    return line.strip(" \t*_~|")


def _may_hold_link(line: str, section: str) -> bool:
    """Whether the section's first block may hold a link: one that opens with an image must
    hold a link besides its images (images only: no link in the block)."""
    if line[:1] != "!":
        return True
    blank = _BLANK_LINE.search(section)
    block = MARKDOWN_IMAGE.sub("", section[: blank.start() if blank else len(section)])
    return "[" in block or "<" in block


def _section(doc: Document, page: list[Node], index: int) -> list[Node]:
    """The blocks under the heading ``page[index]``; empty when a deeper heading opens
    subsections. (Read by index in the page's blocks: ``next_sibling`` looks its node up.)"""
    end = index + 1
    while end < len(page) and page[end].kind != "heading":
        end += 1
    if end < len(page) and heading_level(doc, page[end]) > heading_level(doc, page[index]):
        return []
    return page[index + 1 : end]


def _counted_chars(doc: Document, node: Node, *, known: bool) -> int:
    """A block's visible characters (spaces aside); a widget card's date and category, and a
    post's snippet under a known title, are the widget's, not prose: only the links count."""
    if link_list(doc, node) is None and (cards := _widget_links(doc, node, known=known)):
        return sum(len(link.text.replace(" ", "")) for link in cards)
    return len(_visible(doc, node).replace(" ", ""))


def _visible(doc: Document, node: Node) -> str:
    if node.is_container:
        return " ".join(_visible(doc, child) for child in node.children)
    skel = skeleton(doc, node)
    return skel.visible if skel is not None else ""
