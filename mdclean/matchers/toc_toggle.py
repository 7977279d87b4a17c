"""``toc-toggle``: a WordPress table-of-contents plugin's box, its title, its toggle and its list.

Easy Table of Contents, the most installed such plugin, prints its box as a title (the site's
choice: "Table of Contents", "Inhaltsverzeichnis", "目录表"), a button whose caption is the
plugin's own untranslated word "Toggle", and the list of the page's headings, each link an
anchor of the page (``#Introduction``, or the page's address with one). A converter keeps the
three as blocks of their own. The caption between a short title and a list of anchors is the
plugin's template, so the three go together; the same list under an author's own "Contents"
heading, without the caption, is not this box and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Search, Trigger, all_of, literals
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .link_targets import is_section_anchor
from .linkblocks import LIST_KINDS, link_list, rough_text, word_count

# A title is a caption, not a sentence: no sentence's end, no link.
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")


class TocToggleMatcher(Matcher):
    name = "toc-toggle"
    params = MappingProxyType(
        {"toggles": list, "max_title_words": int, "min_links": int, "keywords": list}
    )
    required = frozenset({"toggles"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.toggles = tuple(str(t) for t in params["toggles"])
        if not self.toggles:
            raise ParamError("params.toggles: give at least one caption")
        self.max_title_words = int(params.get("max_title_words", 6))
        self.min_links = int(params.get("min_links", 2))
        self._line = re.compile(
            r"^[ \t]*(?:" + "|".join(re.escape(t.lower()) for t in self.toggles) + r")[ \t]*$",
            re.MULTILINE,
        )

    def trigger(self) -> Trigger:
        """A caption alone on its line (it is a block of its own)."""
        return all_of(
            literals(*(t.lower() for t in self.toggles)), Search(self._line, folded=False)
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        units = [node for node in doc.root.children if node.kind != "front_matter"]
        for at, node in enumerate(units):
            if at == 0 or not self._is_toggle(doc, node):
                continue
            title, lists = units[at - 1], self._anchor_lists(doc, units[at + 1 :])
            if lists and self._is_title(doc, title):
                start, end = doc.node_span(title)[0], doc.node_span(lists[-1])[1]
                edit = remove_blocks(doc, title, lists[-1])
                yield Finding(start, end, edits=(edit,), applicability=Applicability.SAFE)

    def _is_toggle(self, doc: Document, node: Node) -> bool:
        """A paragraph that is the caption alone (its link, if the converter kept one, aside)."""
        if node.kind != "paragraph":
            return False
        text = rough_text(doc, node).strip().strip("[]").strip()
        return text in self.toggles

    def _is_title(self, doc: Document, node: Node) -> bool:
        """A short paragraph or heading without a link or a sentence's end."""
        if node.kind not in ("paragraph", "heading"):
            return False
        text = rough_text(doc, node).strip().lstrip("#").strip()
        if not text or "](" in doc.node_source(node) or _SENTENCE_END.search(text):
            return False
        return word_count(text) <= self.max_title_words

    def _anchor_lists(self, doc: Document, after: list[Node]) -> list[Node]:
        """The lists right after the caption whose every item is an anchor of the page (a
        converter may cut one list in two where the bullet changes), when they hold
        ``min_links`` links; else none."""
        lists: list[Node] = []
        total = 0
        for node in after:
            links = link_list(doc, node) if node.kind in LIST_KINDS else None
            if not links or not all(is_section_anchor(link.href) for link in links):
                break
            lists.append(node)
            total += len(links)
        return lists if total >= self.min_links else []
