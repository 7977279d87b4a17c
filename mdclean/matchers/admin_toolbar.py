"""``admin-toolbar``: a CMS's admin toolbar, kept when its logged-in author saves the page.

A site's author who clips or saves their own page keeps the toolbar the CMS shows only to
them: WordPress's admin bar ("About WordPress", the dashboard, "33 updates", "Add new", "Edit
post", "Howdy, name", "Log out"), Drupal's toolbar, Joomla's and Ghost's. Its links go to the
CMS's admin pages (``/wp-admin/``, ``wp-login.php?action=logout``, ``/admin/content``), which
no article links to in a row. A top-level list (or paragraph) goes when at least
``min_links`` of its links go there, they are most of its links, and its words are mostly
the links' own (a plugin's note may stand in an item: "Site Kit needs JavaScript").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Among, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns, loosened
from .fix_safety import safe_if
from .linkblocks import LIST_KINDS, Link, skeleton, word_count
from .written_targets import targets_and_decoded

_BLOCK_KINDS = ("paragraph", *LIST_KINDS)


class AdminToolbarMatcher(Matcher):
    name = "admin-toolbar"
    params = MappingProxyType({"paths": list, "keywords": list, "min_links": int})
    required = frozenset({"paths", "keywords"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        paths = compile_patterns(params["paths"], "paths")
        self._paths = any_pattern(paths)
        self._in_text = loosened(paths)
        self.min_links = int(params.get("min_links", 5))

    def trigger(self) -> Trigger:
        """A link target of the ``paths`` written in the text, read as written and decoded
        (entities, escapes), as ``link-target-row`` reads its targets; the ``keywords`` (each
        path holds one) are looked for in the targets first."""
        if self._in_text is None:
            return self.keyword_trigger()
        return Among(targets_and_decoded, (self._in_text,), self.keywords or ())

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind not in _BLOCK_KINDS:
                continue
            links, words, link_words = _reading(doc, node)
            admin = [link for link in links if self._admin(link)]
            if len(admin) < self.min_links or 2 * len(admin) <= len(links):
                continue
            if 2 * link_words < words:
                continue  # the author's own list of steps, with the addresses in it
            start, end = doc.node_span(node)
            sure = 3 * len(admin) >= 2 * len(links) and 3 * link_words >= 2 * words
            yield Finding(
                start, end, edits=(remove_blocks(doc, node),), applicability=safe_if(sure)
            )

    def _admin(self, link: Link) -> bool:
        return self._paths is not None and self._paths.search(link.href.strip()) is not None


def _reading(doc: Document, node: Node) -> tuple[list[Link], int, int]:
    """A block's links, its visible words, and the words of its links' texts."""
    links: list[Link] = []
    words = link_words = 0
    for leaf in node.walk():
        if leaf.kind not in ("paragraph", "heading"):
            continue
        skel = skeleton(doc, leaf)
        if skel is None:
            continue
        links.extend(skel.links)
        words += skel.words()
        link_words += sum(word_count(link.text) for link in skel.links)
    return links, words, link_words
