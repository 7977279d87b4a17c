"""``post-navigation-cards``: the links to the previous and the next post, as cards or under headings.

Many blog themes print the neighbouring posts as cards: a link around a thumbnail, a word
of direction and the post's title. A crawler keeps the link and cuts it at its blank
lines (``[![](thumb.jpg)`` / ``Previous`` / ``Title](https://…/post/)``); other themes
title each side with a heading (``### Next`` over ``[Title](…)``). The row readers (LK008, LK020) read a line or a labelled link; this matcher reads
the blocks of such a widget together, as raw text, from a block that is a word of direction
alone (``[前の記事``, ``Previous``, ``### Next``).

A widget is a run of short blocks (paragraphs, headings) whose text, joined, is
nothing but links and words of direction (``previous``, ``next``, ``前の記事``, ``이전 글``…
from the rule's lists), each link to a page that can be a post (``may_be_a_post``), each
link's text or the block above it holding such a word. A link cut across blocks is the
converter's trace of a card, evidence enough for one side; without one, both sides must
be there (two links), since a manual titles its own steps "Next" too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .also_read import may_be_a_post
from .inline_links import JOINED_LINK, without_one_line_images
from .label_shapes import Shape, label_shape
from .linkblocks import Link, word_count
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, PhraseMatcher

_KINDS = ("paragraph", "heading")
_MOST_BLOCKS = 8
_MOST_WORDS = 20
"""Words a block of the widget may hold: a word of direction and a post's title."""
_LEFTOVER = re.compile(r"[\W_]*")
_MARKUP = " \t\n#*_:|>-–—·•«»‹›←→"
"""What may stand around a word of direction above its link: heading marks, emphasis, arrows."""
"""What may stand between the links: markup, separators, arrows."""


@dataclass(frozen=True)
class _Widget:
    last: Node
    links: int
    cut: bool
    """Whether a link runs across blocks: a card a converter cut at its blank lines."""


class NavigationCardsMatcher(BlockLabelMatcher):
    name = "post-navigation-cards"

    @cached_property
    def label(self) -> re.Pattern[str]:
        """A block that is a word of direction alone, amid markup (``[``, ``«``, ``###``)."""
        return re.compile(rf"[\W_]*(?:{self.labels})[\W_]*", re.IGNORECASE)

    @cached_property
    def word(self) -> re.Pattern[str]:
        """A word of direction, standing alone among the text's words."""
        return re.compile(rf"(?<!\w)(?:{self.labels})(?!\w)", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        taken: set[Node] = set()
        for node, rough in self.blocks_to_probe(doc, *_KINDS):
            if node in taken or node.parent is not doc.root:
                continue
            if not self.label.fullmatch(fold_width(rough)):
                continue
            first = _card_opening(doc, node)
            widget = self._widget(doc, first)
            if widget is None or (widget.links < 2 and not widget.cut):
                continue
            node_run = _run(first, widget.last)
            taken.update(node_run)
            start, end = doc.node_span(first)[0], doc.node_span(widget.last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, first, widget.last),))

    def _widget(self, doc: Document, first: Node) -> _Widget | None:
        """The widget that starts at ``first``: the longest run of short blocks from it whose
        joined text is only navigation links, ending where no link stays open."""
        found: _Widget | None = None
        texts: list[str] = []
        node: Node | None = first
        while node is not None and len(texts) < _MOST_BLOCKS and node.kind in _KINDS:
            text = without_one_line_images(doc.node_source(node))
            if word_count(_LINK_TARGETS.sub(" ", text)) > _MOST_WORDS:
                break
            texts.append(text)
            links = self._navigation_links(texts)
            if links is not None:
                found = _Widget(node, links, cut=len(texts) > 1 and _cut_link(texts))
            node = node.next_sibling
        return found

    def _navigation_links(self, texts: list[str]) -> int | None:
        """How many links the joined blocks hold when they are navigation links alone: each to
        a post, each with its word of direction in its text or alone right above it (``### Previous``
        over ``[Title](…)``); nothing else but markup between and after them."""
        joined = "\n\n".join(texts)
        count = 0
        end = 0
        for link in JOINED_LINK.finditer(joined):
            above = fold_width(joined[end : link.start()]).strip(_MARKUP)
            if above and self.word.fullmatch(above) is None:
                return None  # words between the links that are no word of direction
            if not may_be_a_post(Link(link["text"], link["href"])):
                return None
            if not above and not self.word.search(fold_width(link["text"])):
                return None
            count += 1
            end = link.end()
        rest = joined[end:].replace("\\", "")
        return count if count and _LEFTOVER.fullmatch(rest) else None


_LINK_TARGETS = re.compile(r"\]\([^()\n]*\)")


def _cut_link(texts: list[str]) -> bool:
    """Whether some block opens a link that a later block closes."""
    depth = 0
    for text in texts[:-1]:
        depth += text.count("[") - text.count("]")
        if depth > 0:
            return True
    return False


def _card_opening(doc: Document, node: Node) -> Node:
    """The block where the card that holds ``node`` opens: the block above when it is only
    the opening of a link (``[`` or ``[![](thumb.jpg)``)."""
    above = node.previous_sibling
    if above is None or above.kind != "paragraph":
        return node
    text = without_one_line_images(doc.node_source(above), by="").strip()
    return above if text == "[" else node


def _run(first: Node, last: Node) -> list[Node]:
    found = [first]
    node: Node | None = first
    while node is not None and node is not last:
        node = node.next_sibling
        if node is not None:
            found.append(node)
    return found


class NavigationTableMatcher(PhraseMatcher):
    """``post-navigation-table``: the links to the previous and the next post laid in a table.

    Some themes lay the two sides of their post navigation in a table, and a converter keeps
    it: ``| [« Previous post](…) | [Next post »](…) |``. A table goes when every cell is
    empty or one link to a page that can be a post (arrows around it perhaps), three links
    at most, and a link's text holds a label of the rule's lists ("Previous post", "前の記事",
    "이전 글": labels that name a post, as a row of a manual's table never says).
    """

    name = "post-navigation-table"

    @cached_property
    def word(self) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{self.labels})(?!\w)", re.IGNORECASE)

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return label_shape(self.labels, r"", whole=False)  # a label opens a cell's link

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _rough in self.blocks_to_probe(doc, "table"):
            if node.parent is doc.root and self._is_navigation(doc.node_source(node)):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _is_navigation(self, table: str) -> bool:
        links = labelled = 0
        for cell in _cells(table):
            bare = without_one_line_images(cell).strip(_MARKUP)
            if not bare:
                continue
            link = JOINED_LINK.fullmatch(bare)
            if link is None or not may_be_a_post(Link(link["text"], link["href"])):
                return False
            links += 1
            labelled += self.word.search(fold_width(link["text"])) is not None
        return labelled > 0 and links <= _MOST_TABLE_LINKS


_MOST_TABLE_LINKS = 3
_TABLE_RULE = re.compile(r"[\s|:-]*")


def _cells(table: str) -> list[str]:
    """The cells of a pipe table, its delimiter row left out."""
    rows = [row.strip() for row in table.splitlines() if not _TABLE_RULE.fullmatch(row)]
    return [cell for row in rows for cell in row.strip("|").split("|")]
