"""``head-announcement``: a site's announcement banner kept above a page's title ("[Deep
Research](/docs/deep-research) is now available in preview with …").

Docs portals and product sites show a one-line banner over every page, announcing their newest
product; a crawler keeps it as the page's first paragraph. It is known by where it stands and
what it says, in any language: a paragraph among the first ``head_blocks`` blocks of the body,
with nothing but the page's head chrome (lists, short blocks: a breadcrumb, a contents list, a
translation notice) before it and between it and the page's title (a level-one heading) after
it; at most ``max_words`` words; with a link; and an announcement of ``phrases`` ("is now
available", "jest teraz dostępna", "现已推出", "introducing", "register now"). A page that names
no address of its own (front matter, a crawler's source line) is not read: a README's or a
note's opening lines are the author's.

The same sentence in the article (after the title), a changelog's entries under their headings,
and a lead paragraph followed by more of the article stay.
Unsafe: the position and the words are the only evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.raw_text import searchable
from ..fastpath.regex_literals import top_level_branches
from ..fastpath.triggers import AllOf, Check, InHead, Trigger, all_of, search_each
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .closing_ask import Clauses, _clauses, _one_branch_in
from .label_search import _rarest_literals
from .label_triggers import phrase_text
from .linkblocks import heading_level, skeleton
from .page_head import crawl_source
from .phrase_lists import fold_width, phrase_pattern

# A crawler's header lines, read as paragraphs before the page ("URL Source: …", "Markdown Content:").
_CRAWL_HEADER = re.compile(r"^(?:title|url source|published time|markdown content)\s*:", re.I)
_CRAWL_HEADER_BLOCKS = 4


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
        """An announcement in the body's head (the blocks a banner may be among); the regex
        (fifteen languages, each branch opening with ``\\b``: tried at every character) only
        where a word one of its branches needs stands there (``_branch_words``)."""
        search = search_each(self.announcement)
        words = _branch_words(self.pattern)
        if words is None:
            return InHead(self.head_blocks + _CRAWL_HEADER_BLOCKS, all_of(search))
        literals, clauses = words

        def holds(lowered: str) -> bool:
            folded = searchable(lowered)
            return any(literal in folded for literal in literals) or _one_branch_in(
                clauses, phrase_text(lowered)
            )

        gate = Check(holds, "a word one of the announcement's branches needs; then its regex")
        return InHead(self.head_blocks + _CRAWL_HEADER_BLOCKS, AllOf((gate, search)))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = [node for node in doc.root.children if not _crawl_header(doc, node)]
        if not crawl_source(doc):
            return  # a README's or a note's opening lines are the author's
        for index, node in enumerate(page[: self.head_blocks]):
            if self._is_banner(doc, node) and self._title_after(doc, page, index):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node, node),))
                return
            if not self._is_chrome(doc, node):
                return  # a heading, or the article's text: the head is over

    def _is_banner(self, doc: Document, node: Node) -> bool:
        skel = skeleton(doc, node)
        if node.kind != "paragraph" or skel is None or not skel.links:
            return False
        if skel.words() > self.max_words or not all(_web_link(link.href) for link in skel.links):
            return False
        return self.announcement.search(fold_width(" ".join(skel.visible.split()))) is not None

    def _title_after(self, doc: Document, page: list[Node], index: int) -> bool:
        """Whether a level-one heading follows with only short chrome blocks before it."""
        for node in page[index + 1 : index + 2 + self.max_chrome_blocks]:
            if node.kind == "heading":
                return heading_level(doc, node) == 1
            if not self._is_chrome(doc, node):
                return False
        return False

    def _is_chrome(self, doc: Document, node: Node) -> bool:
        """A block of a page's head chrome: a list (a breadcrumb, a menu, a contents list), an
        image, a short paragraph or HTML block (a notice, a "Send feedback" button)."""
        if node.kind in ("bullet_list", "ordered_list", "hr"):
            return True
        if node.kind not in ("paragraph", "html_block"):
            return False
        skel = skeleton(doc, node)
        return skel is None or skel.words() <= self.chrome_words


def _branch_words(pattern: str) -> tuple[tuple[str, ...], tuple[Clauses, ...]] | None:
    """Per top-level branch of the phrases, what every match of it holds: ASCII literals
    (``label_search._rarest_literals``, looked for as a case-insensitive regex sees the text),
    else its words (``closing_ask._clauses``, in the text as phrases read it); None when a
    branch gives neither (the regex alone then)."""
    literals: list[str] = []
    clauses: list[Clauses] = []
    branches = top_level_branches(pattern)
    if branches is None:
        return None
    for branch in branches:
        found = _rarest_literals(branch, re.IGNORECASE)
        if found:
            literals.extend(found)
            continue
        words = _clauses(branch)
        if words is None:
            return None
        clauses.append(words)
    return tuple(dict.fromkeys(literals)), tuple(clauses)


def _crawl_header(doc: Document, node: Node) -> bool:
    """The front matter, or a crawler's header line among the first blocks."""
    if node.kind == "front_matter":
        return True
    if node.kind != "paragraph" or node.index >= _CRAWL_HEADER_BLOCKS + 1:
        return False
    return _CRAWL_HEADER.match(doc.text[slice(*doc.node_span(node))]) is not None


def _web_link(href: str) -> bool:
    """A link to a web page (absolute or relative), not a mail address or a script."""
    return not href.lower().startswith(("mailto:", "javascript:", "tel:"))
