"""``excerpt-card-run``: cards of other posts kept as text, each ending in a clipped excerpt.

A "more articles" or "related posts" widget prints each card as a few short lines (the
author, the title, maybe the title again from the image's alt text) and the post's opening
cut off by the theme with an ellipsis ("Have you ever wondered how you can take full
control over who g…"). A text clipper drops the links and keeps the lines: each card is a
paragraph of ``2..max_lines`` lines whose last line is that excerpt (``min_excerpt_words``
words or more, ending in "…", "...", "[…]" right after a word) and whose other lines are
short (``max_title_words`` words, the title and the byline), one of them a title (three
words or more, not ending a sentence). ``min_cards`` such paragraphs
in a row (each of ``max_following_words`` words at most), in the page's tail (no paragraph
after them is longer) and after the article's text (code, a table or a paragraph of twenty words), are the widget; its short
label right above ("MORE ARTICLES", a heading of a few words) goes with it.

Left alone: one paragraph ending in an ellipsis, prose (a long line before the excerpt), and
cards in the middle of a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.tail import InTail
from ..fastpath.triggers import ALWAYS, Repeated, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import skeleton, word_count

# An excerpt cut after a word: "… who g…", "… the value of a go...", "… of the [...]".
_CLIPPED = re.compile(r"\w\s?(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")
_TEXT_WORDS = 20  # a paragraph of the article's text, not a widget's line
_SENTENCE_END = re.compile(r"[.!?。！？:]\s*$")


class ExcerptCardRunMatcher(Matcher):
    name = "excerpt-card-run"
    params = MappingProxyType(
        {
            "keywords": list,
            "min_cards": int,
            "max_lines": int,
            "min_excerpt_words": int,
            "max_title_words": int,
            "max_following_words": int,
            "max_label_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_cards = int(params.get("min_cards", 2))
        self.max_lines = int(params.get("max_lines", 6))
        self.min_excerpt_words = int(params.get("min_excerpt_words", 8))
        self.max_title_words = int(params.get("max_title_words", 15))
        self.max_following_words = int(params.get("max_following_words", 40))
        self.max_label_words = int(params.get("max_label_words", 3))

    def trigger(self) -> Trigger:
        """An ellipsis per card (a keyword, ``min_cards`` times), outside fenced code, in the
        page's tail: the cards stand after its last long paragraph (a card has ``max_lines``
        short lines; its excerpt is at most ``max_following_words`` words)."""
        keywords = self.keywords or ()
        per_card = (
            Repeated(re.compile("|".join(map(re.escape, keywords))), self.min_cards)
            if keywords
            else ALWAYS
        )
        tail = InTail(self.max_following_words, all_of(self.keyword_trigger(), per_card))
        return OutsideFences(tail)

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        index = _tail_start(doc, blocks, self.max_following_words)
        while index < len(blocks):
            end = index
            while end < len(blocks) and self._card(doc, blocks[end]):
                end += 1
            if end - index >= self.min_cards and _text_before(doc, blocks[:index]):
                first = self._labelled(doc, blocks, index)
                span = doc.node_span(first)[0], doc.node_span(blocks[end - 1])[1]
                yield Finding(*span, edits=(remove_blocks(doc, first, blocks[end - 1]),))
            index = max(end, index + 1)

    def _card(self, doc: Document, node: Node) -> bool:
        """Whether a paragraph is a card: short lines, the last a clipped excerpt."""
        if node.kind != "paragraph":
            return False
        lines = [
            line for line in doc.text[slice(*doc.node_span(node))].splitlines() if line.strip()
        ]
        if not 2 <= len(lines) <= self.max_lines:
            return False
        if word_count(" ".join(lines)) > self.max_following_words:
            return False  # longer than the tail allows: the fast path reads it as text
        return self._excerpt(lines[-1]) and self._heads(lines[:-1])

    def _excerpt(self, line: str) -> bool:
        """Whether a line is an excerpt clipped by the theme, long enough to be one."""
        return _CLIPPED.search(line) is not None and word_count(line) >= self.min_excerpt_words

    def _heads(self, lines: list[str]) -> bool:
        """Whether a card's lines above its excerpt are short, one of them a title."""
        if not all(word_count(line) <= self.max_title_words for line in lines):
            return False
        return any(_title(line) for line in lines)

    def _labelled(self, doc: Document, blocks: Sequence[Node], index: int) -> Node:
        """The run's first card, or the widget's short label right above it."""
        before = blocks[index - 1]
        if before.kind not in ("paragraph", "heading"):
            return blocks[index]
        skel = skeleton(doc, before)
        if skel is None or skel.links or skel.images:
            return blocks[index]
        text = skel.visible
        short = 0 < word_count(text) <= self.max_label_words
        return before if short and not _SENTENCE_END.search(text) else blocks[index]


def _title(line: str) -> bool:
    """Whether a line may be a card's title: three words or more, not a sentence."""
    return word_count(line) >= 3 and not _SENTENCE_END.search(line)


def _text_before(doc: Document, blocks: Sequence[Node]) -> bool:
    """Whether an article comes first: code, a table, or a paragraph of twenty words."""
    for node in blocks:
        if node.is_code or node.kind == "table":
            return True
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        if skel is not None and word_count(skel.visible) >= _TEXT_WORDS:
            return True
    return False


def _tail_start(doc: Document, blocks: Sequence[Node], max_words: int) -> int:
    """The index after the page's last paragraph of more than ``max_words`` words; 0 when
    there is none."""
    for index in range(len(blocks) - 1, -1, -1):
        node = blocks[index]
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        if skel is not None and word_count(skel.visible) > max_words:
            return index + 1
    return 0
