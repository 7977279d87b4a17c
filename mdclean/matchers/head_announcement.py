"""``head-announcement``: a site's announcement banner kept above a page's title ("[Deep
Research](/docs/deep-research) is now available in preview with …").

Docs portals and product sites show a one-line banner over every page, announcing their newest
product; a crawler keeps it as the page's first paragraph. It is known by where it stands and
what it says, in any language: a paragraph among the first ``head_blocks`` blocks of the body,
before any heading, with a page title (a level-one heading) after it, and nothing but short
blocks (chrome: a breadcrumb, a translation notice) between them; at most ``max_words`` words; a
link, every link to the page's own site (relative, or the host the front matter or a crawl
header names); and an announcement of ``phrases`` ("is now available", "jest teraz dostępna",
"现已推出"). A page that names no address of its own is not read: a README's or a note's
opening lines are the author's.

The same sentence in the article (after the title), a changelog's entries under their headings,
a lead paragraph followed by more of the article, and a banner linking to another site stay.
Unsafe: the position and the words are the only evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from ..document import Document, Node
from ..fastpath.triggers import InHead, Search, Trigger, all_of
from ..filterlists import page_host
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .linkblocks import heading_level, skeleton
from .phrase_lists import fold_width, phrase_pattern

_CRAWL_SOURCE = re.compile(
    r"^[ \t]*[\"']?(?:url source|source_?url|original_?url|source|url)[\"']?\s*:\s*[\"']?(https?://[^\s\"']+)",
    re.I | re.M,
)
# A crawler's header lines, read as paragraphs before the page ("URL Source: …", "Markdown Content:").
_CRAWL_HEADER = re.compile(r"^(?:title|url source|published time|markdown content)\s*:", re.I)
_CRAWL_HEADER_BLOCKS = 4
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go"})


class HeadAnnouncementMatcher(Matcher):
    name = "head-announcement"
    params = MappingProxyType(
        {
            "phrases": list,
            "head_blocks": int,
            "max_words": int,
            "chrome_words": int,
            "max_chrome_blocks": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        pattern = phrase_pattern(params)
        if pattern is None:
            raise ParamError("params.phrases: name at least one phrase list")
        self.pattern = pattern
        self.head_blocks = int(params.get("head_blocks", 3))
        self.max_words = int(params.get("max_words", 40))
        self.chrome_words = int(params.get("chrome_words", 25))
        self.max_chrome_blocks = int(params.get("max_chrome_blocks", 10))

    @cached_property
    def announcement(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)

    def trigger(self) -> Trigger:
        """An announcement in the body's head (the blocks a banner may be among)."""
        return InHead(self.head_blocks + _CRAWL_HEADER_BLOCKS, all_of(Search(self.announcement)))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = [node for node in doc.root.children if not _crawl_header(doc, node)]
        host = _own_host(doc)
        if host is None:
            return
        for index, node in enumerate(page[: self.head_blocks]):
            if node.kind == "heading":
                return
            if self._is_banner(doc, node, host) and self._title_after(doc, page, index):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node, node),))
                return

    def _is_banner(self, doc: Document, node: Node, host: str) -> bool:
        skel = skeleton(doc, node)
        if node.kind != "paragraph" or skel is None or not skel.links:
            return False
        if skel.words() > self.max_words:
            return False
        if not all(_same_site(link.href, host) for link in skel.links):
            return False
        return self.announcement.search(fold_width(" ".join(skel.visible.split()))) is not None

    def _title_after(self, doc: Document, page: list[Node], index: int) -> bool:
        """Whether a level-one heading follows with only short chrome blocks before it."""
        for node in page[index + 1 : index + 2 + self.max_chrome_blocks]:
            if node.kind == "heading":
                return heading_level(doc, node) == 1
            skel = skeleton(doc, node)
            if node.kind not in ("paragraph", "bullet_list", "ordered_list", "html_block"):
                return False
            if skel is not None and skel.words() > self.chrome_words:
                return False
        return False


def _crawl_header(doc: Document, node: Node) -> bool:
    """The front matter, or a crawler's header line among the first blocks."""
    if node.kind == "front_matter":
        return True
    if node.kind != "paragraph" or node.index >= _CRAWL_HEADER_BLOCKS + 1:
        return False
    return _CRAWL_HEADER.match(doc.text[slice(*doc.node_span(node))]) is not None


def _own_host(doc: Document) -> str | None:
    """The page's own host: from the front matter's address, or a crawler's source line."""
    children = doc.root.children
    if children and children[0].kind == "front_matter":
        start, end = doc.node_span(children[0])
        found = page_host(doc.text[start:end])
        if found:
            return found
    head = doc.text[:2000]
    match = _CRAWL_SOURCE.search(head)
    if match is None:
        return None
    try:
        return urlsplit(match.group(1)).hostname or None
    except ValueError:
        return None


def _site(host: str) -> str:
    labels = host.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def _same_site(href: str, host: str) -> bool:
    """Whether a link stays on the page's site (a relative link does)."""
    if not href.startswith(("http://", "https://", "//")):
        return not href.startswith(("mailto:", "javascript:"))
    try:
        other = urlsplit(href).hostname
    except ValueError:
        return False
    return other is not None and _site(other) == _site(host)
