"""``interface-run``: a web page's own interface text, kept as short blocks of their own.

A crawler or converter that turns a whole page into Markdown keeps the captions of the page's
controls as lines: a video player's ("Tap to unmute", "If playback doesn't begin shortly, try
restarting your device."), a theme toggle ("Dark - Light"), a language menu ("Open language
menu"), a plain "Skip to main content". The same strings stand on every site that uses the same
player, theme or browser, in its translations: they are field knowledge, not one site's shape.

Each top-level paragraph (or heading) is read as a reader sees it (link texts, no images or
emphasis, spaces folded) and sorted:

- an *anchor*: its whole text is one of the rule's ``phrases`` (a template string);
- a *caption*: its whole text is one of ``caption_phrases`` (a control's one word, "Share", "Search"),
  or it is only links whose targets match ``caption_links``;
- a *gap*: with ``max_gap_words``, a short line without a sentence's end between two of them
  (a video's channel name);
- a *kept link*: with ``keep_links``, a block of nothing but links there (the video's own
  link): the run goes on across it, and it stays.

Neighbouring sorted blocks make a run; gaps, kept links and headings at its ends are left out
(a heading inside a run, the player's "More videos", goes with it; one at its end would leave
the section under it without its title). A run goes when it holds ``min_anchors`` different
anchors and ``min_blocks`` blocks, or, with ``alone_in_head``, when it stands in the page's
head: among its first blocks, above its first heading and its first paragraph of prose (a lone
"Skip to main content" over the site's menu).
A caption alone, or words in a sentence, stay. With ``plain_anchors``, an anchor
is not a block of nothing but a link (a linked skip link is another rule's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import ParamError
from .linkblocks import Skeleton, rough_text, skeleton
from .phrase_lists import fold_width, phrase_pattern
from .phrases import PhraseMatcher

ANCHOR, CAPTION, GAP, KEPT = "anchor", "caption", "gap", "kept"
_KINDS = ("paragraph", "heading")
_EMPHASIS = re.compile(r"[*_`\\]+")
_SENTENCE_END = re.compile(r"[.!?。！？]")
_PROSE_WORDS = 12
"""Words outside links that make a paragraph the article's prose (the page's head ends there)."""
_HEAD_BLOCKS = 3
"""At most this many blocks stand above a control's caption in the page's head."""


def reader_text(skel: Skeleton) -> str:
    """What a reader sees of a block: link texts kept, images, emphasis and escapes dropped,
    spaces folded, full-width punctuation made ASCII."""
    return fold_width(" ".join(_EMPHASIS.sub("", skel.visible).split()))


class InterfaceRunMatcher(PhraseMatcher):
    name = "interface-run"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "caption_phrases": list,
            "caption_labels": list,
            "caption_links": list,
            "keep_links": list,
            "max_gap_words": int,
            "max_words": int,
            "min_anchors": int,
            "min_blocks": int,
            "alone_in_head": bool,
            "plain_anchors": bool,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._captions = phrase_pattern(params, "caption_phrases", "caption_labels")
        self._caption_links = _joined(params.get("caption_links", []))
        self._keep_links = _joined(params.get("keep_links", []))
        self.max_gap_words = int(params.get("max_gap_words", 0))
        self.max_words = int(params.get("max_words", 40))
        self.min_anchors = int(params.get("min_anchors", 1))
        self.min_blocks = int(params.get("min_blocks", 1))
        self.alone_in_head = bool(params.get("alone_in_head", False))
        self.plain_anchors = bool(params.get("plain_anchors", False))
        if self.min_anchors < 1:
            raise ParamError("params.min_anchors: a run needs an anchor (at least 1)")

    @cached_property
    def _anchor(self) -> re.Pattern[str]:
        return re.compile(f"(?:{self.labels})[\\s.:!]*", re.IGNORECASE)

    @cached_property
    def _caption(self) -> re.Pattern[str] | None:
        if self._captions is None:
            return None
        return re.compile(f"(?:{self._captions})[\\s.:!]*", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        sorts = [self._sort(doc, node) for node in blocks]
        for start, end in _runs(sorts):
            first, last = _trimmed(blocks, sorts, start, end)
            if first > last or not self._goes(doc, blocks, sorts, first, last):
                continue
            for a, b in _segments(sorts, first, last):
                begin, finish = doc.node_span(blocks[a])[0], doc.node_span(blocks[b])[1]
                yield Finding(begin, finish, edits=(remove_blocks(doc, blocks[a], blocks[b]),))

    def _sort(self, doc: Document, node: Node) -> tuple[str, str] | None:
        """The block's sort and its reader's text; None when it is none of them."""
        skel = skeleton(doc, node) if node.kind in _KINDS else None
        if skel is None or skel.words() > self.max_words:
            return None
        text = reader_text(skel)
        sort = self._sort_block(doc, node, skel, text) if text else None
        return (sort, text.lower()) if sort is not None else None

    def _sort_block(self, doc: Document, node: Node, skel: Skeleton, text: str) -> str | None:
        sort = self._sort_text(text)
        if sort == ANCHOR and not self._anchor_opens(doc, node, skel):
            sort = None
        if sort is None and skel.link_only and node.kind == "paragraph":
            sort = self._sort_links(skel)
        if sort is None and self._is_gap(node, skel, text):
            sort = GAP
        return sort

    def _anchor_opens(self, doc: Document, node: Node, skel: Skeleton) -> bool:
        """Whether the anchor also opens the block's source, past its markup, as the phrase
        rules' probe reads it: the fast path's trigger (a label opening a line) then holds
        wherever an anchor stands. With ``plain_anchors``, a block of nothing but a link is no anchor (a
        linked skip link is BP045's)."""
        if self.plain_anchors and skel.link_only:
            return False
        return self.probe.match(fold_width(rough_text(doc, node))) is not None

    def _sort_text(self, text: str) -> str | None:
        if self._anchor.fullmatch(text):
            return ANCHOR
        if self._caption is not None and self._caption.fullmatch(text):
            return CAPTION
        return None

    def _sort_links(self, skel: Skeleton) -> str | None:
        for pattern, sort in ((self._keep_links, KEPT), (self._caption_links, CAPTION)):
            if pattern is not None and all(pattern.search(link.href) for link in skel.links):
                return sort
        return None

    def _is_gap(self, node: Node, skel: Skeleton, text: str) -> bool:
        return (
            node.kind == "paragraph"
            and not skel.links
            and 0 < skel.words() <= self.max_gap_words
            and _SENTENCE_END.search(text) is None
        )

    def _goes(
        self, doc: Document, blocks: list[Node], sorts: list[Any], first: int, last: int
    ) -> bool:
        run = sorts[first : last + 1]
        anchors = {s[1] for s in run if s is not None and s[0] == ANCHOR}
        if len(anchors) < self.min_anchors:
            return False
        removed = sum(1 for s in run if s is not None and s[0] != KEPT)
        if removed >= self.min_blocks:
            return True
        return self.alone_in_head and _in_head(doc, blocks[:first])


def _joined(patterns: list[Any]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def _runs(sorts: list[Any]) -> Iterator[tuple[int, int]]:
    """The stretches of neighbouring sorted blocks, first and last index."""
    start = None
    for i, sort in enumerate([*sorts, None]):
        if sort is not None and start is None:
            start = i
        elif sort is None and start is not None:
            yield start, i - 1
            start = None


def _trimmed(blocks: list[Node], sorts: list[Any], first: int, last: int) -> tuple[int, int]:
    """The run without gaps, kept links and headings at its ends."""

    def loose(i: int) -> bool:
        return sorts[i][0] in (GAP, KEPT) or blocks[i].kind == "heading"

    while first <= last and loose(first):
        first += 1
    while last >= first and loose(last):
        last -= 1
    return first, last


def _segments(sorts: list[Any], first: int, last: int) -> Iterator[tuple[int, int]]:
    """The parts of a run between its kept links: each goes as one removal."""
    start = first
    for i in range(first, last + 2):
        if i > last or sorts[i][0] == KEPT:
            if start < i:
                yield start, i - 1
            start = i + 1


def _in_head(doc: Document, before: list[Node]) -> bool:
    """Whether the page's head is still open: at most ``_HEAD_BLOCKS`` blocks above, none of
    them a heading (the article's title) or a paragraph of the article's prose (``_is_prose``)."""
    if len(before) > _HEAD_BLOCKS:
        return False
    for node in before:
        if node.kind == "heading":
            return False
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        if skel is not None and _is_prose(skel):
            return False
    return True


def _is_prose(skel: Skeleton) -> bool:
    """A paragraph of the article: ``_PROSE_WORDS`` words outside links, ending a sentence (a
    page's title line above its skip link, "[2606.02563] A Framework for …", ends none)."""
    return (
        skel.outside_words() >= _PROSE_WORDS
        and _SENTENCE_END.search(reader_text(skel)[-2:]) is not None
    )
