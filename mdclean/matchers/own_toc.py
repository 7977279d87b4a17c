"""``own-toc``: a saved page's on-page table of contents, its links in the page's full address.

A docs theme prints the page's headings beside the article ("On this page"); a crawler that
writes links in absolute form keeps it as a list of ``https://site/page#usage`` links, often
with no label and at the end of the dump. A list (of ``min_links`` links or more, links alone)
whose every link is the page's own address (``own_address``) with a fragment that names one of
the page's headings, its text that heading's words, goes (an author's list of steps that link
sections in other words stays). The absolute form is the sign of a saving: an author's or a README's
own table of contents links ``#usage`` and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Repeated, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import LIST_KINDS, link_list
from .own_address import heading_keys, names_heading, own_fragment, slug_key

_ABSOLUTE_FRAGMENT = re.compile(r"\]\(<?https?://[^\s()<>#]+#[^\s()<>#]")


class OwnTocMatcher(Matcher):
    name = "own-toc"
    params = MappingProxyType({"min_links": int, "keywords": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_links = int(params.get("min_links", 2))

    def trigger(self) -> Trigger:
        """``min_links`` links to a web address with a fragment (the absolute form ``find``
        needs, as often as the list holds them)."""
        return Repeated(_ABSOLUTE_FRAGMENT, self.min_links)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind in LIST_KINDS and self._is_own_toc(doc, node):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _is_own_toc(self, doc: Document, node: Node) -> bool:
        links = link_list(doc, node)
        if links is None or len(links) < self.min_links:
            return False
        keys = heading_keys(doc)
        for link in links:
            href = link.href.strip()
            fragment = own_fragment(doc, href)
            if href.startswith("#") or fragment is None:
                return False  # a relative anchor: an author's own table of contents
            if not _names_its_heading(link.text, fragment, keys):
                return False
        return True


def _names_its_heading(text: str, fragment: str, keys: frozenset[str]) -> bool:
    """Whether a link's fragment and its text both name the same heading of the page: a theme
    prints each heading's words; an author's list of steps that link sections says more."""
    key = slug_key(text)
    return key in keys and names_heading(fragment, key)
