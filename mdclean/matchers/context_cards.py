"""``context-line-cards``: related posts printed as cards whose last line names the post's category.

WordPress's Jetpack prints its related posts as up to six cards: the post's title as a
link, its date, and a context line that names where it was filed, ``In "Coffee"``,
in the site's language (``En «Café»``, ``Dans « Café »``, ``In „Kaffee“``, ``В «Кофе»``,
``「コーヒー」内``), under a bare title (``Related``, ``Relacionado``, ``Similaire``). A
converter keeps each card's lines as paragraphs, list items or one paragraph's lines.

The widget is a run of sibling blocks whose every line is a card's line (a post's link,
a date, a context line from the rule's phrase lists), with context lines and links among
them, and perhaps the bare title right above (a block whose text is a phrase of
``leads``). Without the title two context lines are needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .linkblocks import LIST_KINDS, skeleton
from .phrase_lists import fold_width, phrase_pattern
from .phrases import PhraseMatcher

_CARD_KINDS = ("paragraph", *LIST_KINDS)
_LINE_MARKUP = re.compile(r"^[\s>]*(?:[-*+]\s+|\d{1,2}[.)]\s+)?")
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
_LINK_LINE = re.compile(
    r"(?:\[!\[[^\]]*\]\([^)\s]+\)\]\([^)\s]+\)\s*)?"  # a thumbnail that links to the post
    r"\[(?!!)[^\]\n]{3,200}\]\((?:https?:)?/[^)\s]+(?:\s+\"[^\"]*\")?\)"
)
_DATE_LINE = re.compile(
    r"(?=[^\n]*\b(?:19|20)\d\d\b)[\w.,/\-–\s]{6,30}|(?:19|20)\d\d年\d{1,2}月\d{1,2}日",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Run:
    first: Node
    last: Node
    contexts: int = 0
    links: int = 0


class ContextLineCardsMatcher(PhraseMatcher):
    name = "context-line-cards"
    params = MappingProxyType({**PhraseMatcher.params, "leads": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        titles = phrase_pattern({"phrases": params.get("leads", [])})
        self._titles = titles

    @cached_property
    def context(self) -> re.Pattern[str]:
        """A context line (``In "Coffee"``), matched whole against a line or searched for in a block."""
        return re.compile(rf"(?:{self.labels})", re.IGNORECASE)

    @cached_property
    def title(self) -> re.Pattern[str] | None:
        if self._titles is None:
            return None
        return re.compile(rf"\W*(?:{self._titles})\s*[:：]?\W*", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        done: set[int] = set()
        for paragraph, rough in self.blocks_to_probe(doc, "paragraph"):
            node = _card_unit(paragraph)
            if id(node) in done or not self.context.search(fold_width(rough)):
                continue
            run = self._run_around(doc, node)
            if run is None:
                continue
            sibling: Node | None = run.first
            while sibling is not None:
                done.add(id(sibling))
                sibling = None if sibling is run.last else sibling.next_sibling
            start = doc.node_span(run.first)[0]
            end = doc.node_span(run.last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, run.first, run.last),))

    def _run_around(self, doc: Document, node: Node) -> _Run | None:
        """The cards' run that holds ``node`` (a block with a context line), with its title."""
        if self._card_lines(doc, node) is None:
            return None
        run = self._counted(doc, *self._extent(doc, node))
        titled = run.first.previous_sibling
        if titled is not None and self._is_title(doc, titled):
            run.first = titled
            return run if run.contexts and run.links else None
        return run if run.contexts >= 2 and run.links >= 2 else None

    def _extent(self, doc: Document, node: Node) -> tuple[Node, Node]:
        """The first and the last of the card blocks around ``node``."""
        first = node
        while (before := first.previous_sibling) is not None and self._is_card(doc, before):
            first = before
        last = node
        while (after := last.next_sibling) is not None and self._is_card(doc, after):
            last = after
        return first, last

    def _counted(self, doc: Document, first: Node, last: Node) -> _Run:
        """The run from ``first`` to ``last`` with its context lines and links counted."""
        run = _Run(first, last)
        sibling: Node | None = first
        while sibling is not None:
            contexts, links = self._card_lines(doc, sibling) or (0, 0)
            run.contexts += contexts
            run.links += links
            sibling = None if sibling is last else sibling.next_sibling
        return run

    def _is_card(self, doc: Document, node: Node) -> bool:
        """Whether a neighbour joins the run: a paragraph of card lines, or a list of cards
        that holds a context line itself (an article's own list of links stays its own)."""
        lines = self._card_lines(doc, node)
        return lines is not None and (node.kind == "paragraph" or lines[0] > 0)

    def _card_lines(self, doc: Document, node: Node) -> tuple[int, int] | None:
        """The context lines and link lines of a block all of whose lines are a card's;
        None when one line is something else."""
        if node.kind not in _CARD_KINDS:
            return None
        cache = doc.shared("context-cards")
        key = (id(node), self.labels)
        if key not in cache:
            cache[key] = self._read_card_lines(doc, node)
        found: tuple[int, int] | None = cache[key]
        return found

    def _read_card_lines(self, doc: Document, node: Node) -> tuple[int, int] | None:
        contexts = links = dates = 0
        for number in range(node.start_line, doc.content_end_line(node)):
            raw = doc.line_text(number).strip()
            line = _EMPHASIS.sub("", _LINE_MARKUP.sub("", raw).strip()).strip()
            if not line:
                continue
            if self.context.fullmatch(raw):
                # Read as written, after white space only: the keywords find it so.
                contexts += 1
            elif _LINK_LINE.fullmatch(line):
                links += 1
            elif _DATE_LINE.fullmatch(fold_width(line)):
                dates += 1
            else:
                return None
        return (contexts, links) if contexts or links or dates else None

    def _is_title(self, doc: Document, node: Node) -> bool:
        if self.title is None or node.kind not in ("paragraph", "heading"):
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        return self.title.fullmatch(" ".join(fold_width(skel.text).split())) is not None


def _card_unit(node: Node) -> Node:
    """The block among its siblings that holds a paragraph: the paragraph, or its whole list."""
    unit = node
    while unit.parent is not None and unit.parent.kind in ("list_item", *LIST_KINDS):
        unit = unit.parent
    return unit
