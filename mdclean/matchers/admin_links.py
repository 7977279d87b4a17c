"""``admin-links``: a CMS's admin toolbar or "Edit" link, kept by a clip made while logged in.

An author who clips or saves their own post while logged in keeps what only they saw: WordPress's
toolbar (a list of links to ``/wp-admin/…``: the dashboard, "33 updates", "New post", "Edit
post", "Howdy, jane" and ``wp-login.php?action=logout``) and the theme's "Edit" link under the
post (``/wp-admin/post.php?post=12&action=edit``). Visitors never see these addresses, and they
are of fixed shapes (``targets``), so they decide in any language.

A top-level block goes when it holds ``min_links`` links or more to admin addresses, they and
the toolbar's other links (``toolbar_links``: WordPress.org's pages) are most of its links
(``min_share``), and the words outside its links are few (at most ``words_per_link`` a link):
the toolbar's menus, not a guide that walks through the admin screens in sentences around each
link. A block that is one link of the ``single`` shapes and a word or two ("Edit") goes too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .linkblocks import LIST_KINDS, Link, inline_skeletons

_BLOCK_KINDS = ("paragraph", "html_block", *LIST_KINDS)
_INLINE_KINDS = ("paragraph", "heading", "html_block")
_SINGLE_WORDS = 2


class AdminLinksMatcher(Matcher):
    name = "admin-links"
    params = MappingProxyType(
        {
            "keywords": list,
            "targets": list,
            "toolbar_links": list,
            "single": list,
            "min_links": int,
            "min_share": float,
            "words_per_link": float,
        }
    )
    required = frozenset({"targets", "keywords"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        targets = any_pattern(compile_patterns(params["targets"], "targets"))
        assert targets is not None
        self.targets = targets
        self.toolbar_links = any_pattern(
            compile_patterns(params.get("toolbar_links", []), "toolbar_links")
        )
        self.single = any_pattern(compile_patterns(params.get("single", []), "single"))
        self.min_links = int(params.get("min_links", 1))
        self.min_share = float(params.get("min_share", 1.0))
        self.words_per_link = float(params.get("words_per_link", 0.0))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind not in _BLOCK_KINDS:
                continue
            read = _links_and_words(doc, node)
            if read is not None and self._is_admin_block(*read):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _is_admin_block(self, links: list[Link], words: int) -> bool:
        if self._is_edit_link(links, words):
            return True
        admin = _links_to(self.targets, links)
        others = _links_to(self.toolbar_links, links)
        return (
            admin >= self.min_links
            and admin + others >= self.min_share * len(links)
            and words <= self.words_per_link * len(links)
        )

    def _is_edit_link(self, links: list[Link], words: int) -> bool:
        """The theme's "Edit" link under the post: one link, few words, a ``single`` address."""
        single = self.single
        return (
            len(links) == 1
            and words <= _SINGLE_WORDS
            and single is not None
            and single.search(links[0].href) is not None
        )


def _links_to(targets: re.Pattern[str] | None, links: list[Link]) -> int:
    """How many of the links lead to an address ``targets`` finds (none without a pattern)."""
    if targets is None:
        return 0
    return sum(1 for link in links if targets.search(link.href))


def _links_and_words(doc: Document, node: Node) -> tuple[list[Link], int] | None:
    """The links of a block and the words outside them, summed over its inline blocks; None
    when it holds code, a table or a quote (no toolbar does)."""
    skeletons = inline_skeletons(doc, node, _INLINE_KINDS, (*LIST_KINDS, "list_item"))
    if skeletons is None:
        return None
    links = [link for skel in skeletons for link in skel.links]
    return links, sum(skel.outside_words() for skel in skeletons)
