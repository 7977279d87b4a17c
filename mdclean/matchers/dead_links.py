"""``repeated-target-links``: a link list whose links, under different texts, all lead to one page.

A scraper or an affiliate plugin that rewrites every link leaves tables of
contents and navigation rows whose entries ("Introduction", "Method 1", "Price")
all point at one product page, or at another site's front page plus a fragment
(``https://www.example.com/#toc-design``). They no longer navigate anything.
A link list (see :mod:`.duplicate_links`) with at least ``min_links`` links and
on average ``min_links_per_target`` links per distinct target (fragments
ignored) goes. Identical targets, fragment and all, are a rewrite for certain:
safe. Targets that differ only in their fragment may be a real table of contents
written with absolute links: unsafe. In-page anchors (``#install``) and relative
links are never looked at, nor are placeholder domains and folders of a code repository
(samples named one by one rightly lead to the folder that holds them).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_triggers import ExternalLinks
from .linkblocks import (
    LIST_KINDS,
    Link,
    is_external,
    link_list,
    raw_text,
    skeleton,
    word_count,
)
from .repository_links import in_repository

# Documentation's placeholder domains (RFC 2606): links there are examples, not rewrites.
_PLACEHOLDER_HOST = re.compile(r"(?:https?:)?//(?:[\w-]+\.)*example\.(?:com|org|net)\b", re.I)

_CAPTION_WORDS = 4
_CAPTIONED_ROW = re.compile(r"\s*([^\x00\x01:：]{1,40})[:：][\s\x00|·•,/-]*\x00[\s\x00|·•,/-]*")


class RepeatedTargetLinksMatcher(Matcher):
    name = "repeated-target-links"
    params = MappingProxyType(
        {"keywords": list, "min_links": int, "min_links_per_target": (int, float)}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_links = int(params.get("min_links", 3))
        self.min_links_per_target = float(params.get("min_links_per_target", 3))
        # Averaging this many links per page means one page has at least this many.
        self._links_to_one_page = max(1, math.ceil(self.min_links_per_target))

    def trigger(self) -> Trigger:
        """Some page is the target of enough external links to be one page's repeated target.
        Not the ``//`` keyword: a target may spell its slashes ``&#47;`` (``ExternalLinks``
        reads them)."""
        return ExternalLinks(self.min_links, self._links_to_one_page)

    def find(self, doc: Document) -> Iterator[Finding]:
        for block, links in _link_blocks(doc):
            targets = [link.href.strip() for link in links]
            if not self._lead_to_few_pages(targets) or _one_text(links):
                continue
            certain = len(set(targets)) == 1
            first = _caption(doc, block) or block
            start, end = doc.node_span(first)[0], doc.node_span(block)[1]
            yield Finding(
                start,
                end,
                edits=(remove_blocks(doc, first, block),),
                applicability=Applicability.SAFE if certain else None,
            )

    def _lead_to_few_pages(self, targets: list[str]) -> bool:
        """Whether there are enough targets, all external and none a placeholder, with on
        average ``min_links_per_target`` of them per page (fragments ignored)."""
        if (
            len(targets) < self.min_links
            or not all(is_external(t) for t in targets)
            or any(_PLACEHOLDER_HOST.match(t) or in_repository(t) for t in targets)
        ):
            return False
        pages = {t.split("#", 1)[0].rstrip("/") for t in targets}
        return not len(targets) < self.min_links_per_target * len(pages)


def _one_text(links: list[Link]) -> bool:
    """The same link repeated ("Download", "Download") is a button row, not a list."""
    return len({" ".join(link.text.lower().split()) for link in links}) < 2


def _link_blocks(doc: Document) -> Iterator[tuple[Node, list[Link]]]:
    """Single blocks that are only links: outermost lists, link rows, HTML link blocks.

    A run of link paragraphs is not one list here: each paragraph is judged alone,
    so a share row next to a table of contents does not dilute it.
    """
    for node in doc.nodes():
        if _may_be_link_block(node):
            links = link_list(doc, node) or _captioned_row(doc, node)
            if links:
                yield node, links


def _may_be_link_block(node: Node) -> bool:
    """An HTML block, or a list or paragraph that no list holds (the outermost list is judged whole)."""
    if node.kind in LIST_KINDS or node.kind == "paragraph":
        return not any(a.kind in LIST_KINDS for a in node.ancestors())
    return node.kind == "html_block"


def _captioned_row(doc: Document, node: Node) -> list[Link] | None:
    """The links of a paragraph that is a short caption, a colon and links ("Articles: [..] | [..]")."""
    if node.kind != "paragraph" or not _may_hold_caption_and_links(raw_text(doc, node)):
        return None
    skel = skeleton(doc, node)
    if skel is None or not skel.links:
        return None
    caption = _CAPTIONED_ROW.match(skel.text)
    if caption is None or len(caption.group(1).split()) > _CAPTION_WORDS:
        return None
    return skel.links


def _may_hold_caption_and_links(raw: str) -> bool:
    """Before the inline parse: a link needs a ``[`` or ``<``, the caption's colon a ``:``,
    a ``：`` or an entity; a paragraph with neither cannot match."""
    return ("[" in raw or "<" in raw) and (":" in raw or "：" in raw or "&" in raw)


def _caption(doc: Document, block: Node) -> Node | None:
    """The list's caption ("**Table of Contents**", "Quick Navigation") right before it, which goes with it."""
    previous = block.previous_sibling
    if previous is None or previous.kind != "paragraph":
        return None
    skel = skeleton(doc, previous)
    if skel is None or skel.links or skel.images:
        return None
    text = skel.visible.rstrip(" :：")
    if not text or word_count(text) > _CAPTION_WORDS or text[-1] in ".!?;,)":
        return None
    return previous
