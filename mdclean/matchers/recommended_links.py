"""``recommended-links``: a related-posts widget found by the marks its links carry.

A related-posts widget tags the links it recommends, so that its site can count the
clicks: Jetpack adds ``?relatedposts_hit=1&relatedposts_origin=…``, CSDN
``utm_medium=distribute.pc_relevant…``, Medium ``source=read_next_recirc…``, and
many themes a ``utm_*``, ``ref`` or ``from`` value naming "related" or "recommended"
(``link_marks``). The author's own links never carry them, so however a converter
left the widget (cards of a thumbnail and a title, links with a date and a category
after them, a list), each top-level block that holds such a link and little else
(``max_item_words`` words outside the links) is an item of the widget, and a run of
them goes, with the short heading right over it (the widget's title, "Relacionado",
"関連記事", whatever its words) or a title paragraph that is a known related-posts
label (``related-labels``).

A block of prose that quotes one such link (the author copied it from the widget) has
more words than an item and stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Among, AnyOf, Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, compile_patterns, loosened
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, Link, skeleton, word_count
from .phrase_lists import phrase_pattern
from .phrases import matchable_title
from .written_targets import targets_and_decoded

# A link's target or a definition's in angle brackets ("](<", "]: <"): it may hold spaces.
_ANGLE_TARGET = re.compile(r"\](?:\(|:)\s*<")


class RecommendedLinksMatcher(Matcher):
    name = "recommended-links"
    params = MappingProxyType(
        {
            "keywords": list,
            "phrases": list,
            "labels": list,
            "link_marks": list,
            "max_item_words": int,
            "max_label_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        known = phrase_pattern(params)
        self.known_label = re.compile(rf"\W*(?:{known})\W*", re.I) if known else None
        self.link_marks = compile_patterns(params.get("link_marks", []), "link_marks")
        self.max_item_words = int(params.get("max_item_words", 20))
        self.max_label_words = int(params.get("max_label_words", 6))

    def trigger(self) -> Trigger:
        """A keyword, and a link target written in the text (as written, or with its entities and
        escapes decoded) that a link mark matches (see ``written_targets``): every item holds a
        marked link. A target in angle brackets may hold spaces, which the reading of targets
        stops at: such a target is "maybe"."""
        marks = loosened(self.link_marks)
        if marks is None:
            return self.keyword_trigger()
        return all_of(
            self.keyword_trigger(),
            AnyOf((Search(_ANGLE_TARGET, folded=False), Among(targets_and_decoded, (marks,), ()))),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        index = 0
        while index < len(page):
            end = self._run_end(doc, page, index)
            if end == index:
                index += 1
                continue
            first = self._with_title(doc, page, index)
            start, stop = doc.node_span(page[first])[0], doc.node_span(page[end - 1])[1]
            yield Finding(start, stop, edits=(remove_blocks(doc, page[first], page[end - 1]),))
            index = end

    def _run_end(self, doc: Document, page: list[Node], index: int) -> int:
        """Where the run of widget items that starts at ``index`` ends (``index``: none)."""
        end = index
        while end < len(page) and self._is_item(doc, page[end]):
            end += 1
        return end

    def _is_item(self, doc: Document, node: Node) -> bool:
        """Whether a block holds a marked link and few words besides its links."""
        source = doc.text[slice(*doc.node_span(node))]
        if "=" not in source and "&" not in source:
            return False  # every mark is a query's "name=value" ("=" spelt out or as an entity)
        parts = _parts(doc, node)
        if parts is None:
            return False
        links = [link for _, part_links in parts for link in part_links]
        words = sum(words for words, _ in parts)
        return words <= self.max_item_words and any(self._marked(link) for link in links)

    def _marked(self, link: Link) -> bool:
        return any(mark.search(link.href) for mark in self.link_marks)

    def _with_title(self, doc: Document, page: list[Node], first: int) -> int:
        """The run's first block, or its title right above it: a short heading (the widget's
        own, whatever its words), or a paragraph that is a known related-posts label."""
        if first == 0:
            return first
        title = page[first - 1]
        if title.kind not in ("heading", "paragraph"):
            return first
        skel = skeleton(doc, title)
        if skel is None or skel.links or skel.images:
            return first
        text = matchable_title(doc, title)
        if word_count(text) > self.max_label_words:
            return first
        known = self.known_label is not None and self.known_label.fullmatch(text) is not None
        return first - 1 if known or title.kind == "heading" else first


def _parts(doc: Document, node: Node) -> list[tuple[int, list[Link]]] | None:
    """Each leaf's words outside links and images, and its links; None for code or tables."""
    if node.kind in LIST_KINDS:
        parts: list[tuple[int, list[Link]]] = []
        for item in node.children:
            for leaf in item.children:
                inner = _parts(doc, leaf)
                if inner is None:
                    return None
                parts.extend(inner)
        return parts
    skel = skeleton(doc, node) if node.kind != "heading" else None
    if skel is None:
        return None
    return [(words_besides_links(skel), skel.links)]
