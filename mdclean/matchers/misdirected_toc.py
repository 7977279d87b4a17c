"""``misdirected-toc``: a table of contents whose entries name the page's headings but lead away.

A scraper or an affiliate plugin that rewrites every link of a page turns its
table of contents into a list whose entries ("Design", "Setup Process", "Price")
still name the headings below them, while each link now leads to some other
site (an affiliate redirect, an unrelated article). It navigates nothing. A link
list (a list of links, an HTML link block, or a run of link-only paragraphs) of
at least ``min_links`` links, every one to another site and none to a fragment,
whose texts name headings further down the page (``min_named_share`` of them, at
least ``min_links``) goes (a heading left over nothing, "Quick Links", goes with it
as with every rule: ``sections.py``).

A table of contents that links to anchors (``#design``, or an address with a
fragment: the original page's anchors) and a docs index of relative links stay;
so does a list of links whose texts are no headings of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import AtLeast, Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .duplicate_links import link_groups
from .link_triggers import ExternalLinks
from .linkblocks import Link, is_external
from .phrases import matchable_title

# A line that may open a block of links (a list of links, a link row, an HTML link block):
# past quote marks, bullets, emphasis and the separators a link row may open with, a link's
# "[", an image's "!", a tag's or autolink's "<", or an entity or escape that reads as a
# space or a separator ("&nbsp;", "\|"). Every other line opens prose.
_LINK_BLOCK_START = re.compile(
    r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))*[\s*_~|,;·•/\\>»«→\-–—:｜，、；：／・]*[\[<!&\\]",
    re.M,
)

Title = tuple[int, str]
"""A heading's first line and its text, folded for comparison."""


class MisdirectedTocMatcher(Matcher):
    name = "misdirected-toc"
    params = MappingProxyType({"keywords": list, "min_links": int, "min_named_share": (int, float)})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_links = int(params.get("min_links", 3))
        self.min_named_share = float(params.get("min_named_share", 0.8))

    def trigger(self) -> Trigger:
        """A keyword, ``min_links`` external links (``find`` wants as many in one list; a
        target may spell its slashes ``&#47;``, which ``ExternalLinks`` reads) and a line that
        may open a block of links."""
        return all_of(
            self.keyword_trigger(),
            AtLeast("//", self.min_links),
            ExternalLinks(self.min_links),
            # Hand-written: line ends of every kind are read as one (a ``Search`` would not).
            Check(_may_open_link_block, "a line may open a block of links"),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        titles = [(h.start_line, _folded(matchable_title(doc, h))) for h in doc.leaves("heading")]
        if len(titles) < self.min_links:
            return
        for first, last, links in link_groups(doc, doc.root):
            if not self._misdirected(links, [t for line, t in titles if line >= last.end_line]):
                continue
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _misdirected(self, links: list[Link], titles: list[str]) -> bool:
        """Whether the links all lead to other sites, no fragment, and name enough of the titles."""
        if len(links) < self.min_links or len(titles) < self.min_links:
            return False
        if not all(is_external(link.href) and "#" not in link.href for link in links):
            return False
        named = sum(_names_a_title(_folded(link.text), titles) for link in links)
        return named >= self.min_links and named >= self.min_named_share * len(links)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _names_a_title(text: str, titles: list[str]) -> bool:
    """Whether a link's text is a title, or the start of one up to a word's end ("Design" of
    "Design: built to last")."""
    if not text:
        return False
    return any(
        title == text or (title.startswith(text) and not title[len(text)].isalnum())
        for title in titles
    )


def _may_open_link_block(lowered_text: str) -> bool:
    if "\r" in lowered_text:
        lowered_text = lowered_text.replace("\r\n", "\n").replace("\r", "\n")
    return _LINK_BLOCK_START.search(lowered_text) is not None
