"""``menu-hint``: a site builder's menu, closed by the screen-reader hint its template prints.

Wix renders every site's menu as a ``<nav>`` whose last child is a hidden hint for screen
readers, "Use tab to navigate through the menu items."; a conversion keeps the menu as a list
and the hint as the paragraph right after it. The hint is the builder's exact string (``hints``),
and where it stands the list before it is the menu it describes: the hint and its place are the
two signs, in any language of the site (the menu's items are the site's; the hint is the
builder's).

The hint's paragraph goes with the list right above it when that list is a menu: every item a
link (of twice ``max_item_words`` at most) or a short label (``max_item_words``), sub-lists alike, no item with a sentence's end. A
hint with no list above it, or after a list of sentences, is left to the rules that read
strings alone (BP385). Safe: the builder's exact string closes the menu it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .linkblocks import LIST_KINDS, raw_text, skeleton

_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")


class MenuHintMatcher(Matcher):
    name = "menu-hint"
    params = MappingProxyType({"keywords": list, "hints": list, "max_item_words": int})
    required = frozenset({"hints", "keywords"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        hints = any_pattern(compile_patterns(params["hints"], "hints"))
        assert hints is not None
        self.hints = hints
        self.max_item_words = int(params.get("max_item_words", 6))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind != "paragraph" or not self._is_hint(doc, node):
                continue
            menu = node.previous_sibling
            if menu is None or menu.kind not in LIST_KINDS or not self._is_menu(doc, menu):
                continue
            start, end = doc.node_span(menu)[0], doc.node_span(node)[1]
            edit = remove_blocks(doc, menu, node)
            yield Finding(start, end, edits=(edit,), applicability=Applicability.SAFE)

    def _is_hint(self, doc: Document, node: Node) -> bool:
        """The paragraph's source is the hint and nothing else (as the fast path reads it)."""
        return self.hints.fullmatch(" ".join(raw_text(doc, node).split())) is not None

    def _is_menu(self, doc: Document, node: Node) -> bool:
        """Every item of the list and of its sub-lists is a link or a short label."""
        for item in node.children:
            for child in item.children:
                if child.kind in LIST_KINDS:
                    if not self._is_menu(doc, child):
                        return False
                elif child.kind != "paragraph" or not self._is_entry(doc, child):
                    return False
        return bool(node.children)

    def _is_entry(self, doc: Document, node: Node) -> bool:
        """A menu's entry: a few words (twice as many for a link: a page's title), no sentence."""
        skel = skeleton(doc, node)
        if skel is None:
            return False
        limit = self.max_item_words * (2 if skel.link_only else 1)
        return skel.words() <= limit and _SENTENCE_END.search(skel.visible) is None
