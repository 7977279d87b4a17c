"""``comment-editor``: a comment box's editor toolbar, kept as text by a clipper.

A page clipped while its reader was logged in keeps the comment box under the post or
thread: its tabs ("Write Preview"), its toolbar, whose buttons a converter writes as their
tooltips with their keyboard shortcuts ("Add bold text, <Ctrl+b>Add italic text, <Ctrl+i>",
"Adicionar texto em negrito, <Ctrl+b>"), its hints ("Attach files by dragging & dropping…
Styling with Markdown is supported") and its button ("Comment"). The shortcuts are the
same in every language.

The toolbar is a run of paragraphs that each hold a tooltip's keyboard shortcut (after a
comma, in angle brackets, the next tooltip glued to it: ``, <Ctrl+b>``, ``, <Cmd+Shift+7>``),
``min_shortcuts`` of them or more. With it go the tabs
right above it (a paragraph of at most ``max_tab_words`` words, and the commenter's avatar
above those), and below it the hints up to the one that names Markdown (within
``max_hints`` paragraphs of at most ``max_hint_words`` words) and the button after that
(at most ``max_tab_words`` words). A heading ends the box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AllOf, Literals, Repeated, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text, skeleton

# A keyboard shortcut as a toolbar's tooltip writes it, after the button's label and a comma,
# the next tooltip glued to it ("Add bold text, <Ctrl+b>Add italic text"); prose that names a
# shortcut ("press <Ctrl+b> for bold") writes no comma before it and a space after it.
_SHORTCUT = re.compile(
    r", ?<(?:ctrl|cmd|command|⌘|shift|alt|option|meta) ?\+[^<>\n]{1,16}>(?![ \t])", re.I
)
_SHORTCUT_KEYS = ("<ctrl+", "<cmd+", "<command+", "<⌘", "<shift+", "<alt+", "<option+", "<meta+")
_MARKDOWN = re.compile(r"markdown", re.IGNORECASE)


class CommentEditorMatcher(Matcher):
    name = "comment-editor"
    params = MappingProxyType(
        {"min_shortcuts": int, "max_tab_words": int, "max_hints": int, "max_hint_words": int}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_shortcuts = int(params.get("min_shortcuts", 3))
        self.max_tab_words = int(params.get("max_tab_words", 3))
        self.max_hints = int(params.get("max_hints", 3))
        self.max_hint_words = int(params.get("max_hint_words", 24))

    def trigger(self) -> Trigger:
        """The toolbar's shortcuts, ``min_shortcuts`` of them."""
        return AllOf((Literals(_SHORTCUT_KEYS), Repeated(_SHORTCUT, self.min_shortcuts)))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        counts = [_shortcuts(doc, node) for node in blocks]
        index = 0
        while index < len(blocks):
            if not counts[index]:
                index += 1
                continue
            last = index
            while last + 1 < len(blocks) and counts[last + 1]:
                last += 1
            if sum(counts[index : last + 1]) >= self.min_shortcuts:
                first, end = self._tabs(doc, blocks, index), self._hints(doc, blocks, last)
                start, stop = doc.node_span(blocks[first])[0], doc.node_span(blocks[end])[1]
                yield Finding(start, stop, edits=(remove_blocks(doc, blocks[first], blocks[end]),))
            index = last + 1

    def _tabs(self, doc: Document, blocks: list[Node], first: int) -> int:
        """The box's first block: the tabs above the toolbar, and the avatar above them."""
        if first > 0 and self._short(doc, blocks[first - 1], self.max_tab_words):
            first -= 1
            if first > 0 and _avatar(doc, blocks[first - 1]):
                first -= 1
        return first

    def _hints(self, doc: Document, blocks: list[Node], last: int) -> int:
        """The box's last block: the hint that names Markdown and the button after it."""
        end = last
        for index in range(last + 1, min(len(blocks), last + 1 + self.max_hints)):
            if not self._short(doc, blocks[index], self.max_hint_words):
                break
            if _MARKDOWN.search(raw_text(doc, blocks[index])):
                end = index
        button = end + 1 < len(blocks) and self._short(doc, blocks[end + 1], self.max_tab_words)
        return end + 1 if end > last and button else end

    def _short(self, doc: Document, node: Node, max_words: int) -> bool:
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        return skel is not None and 0 < skel.words() <= max_words and not skel.links


def _shortcuts(doc: Document, node: Node) -> int:
    return len(_SHORTCUT.findall(raw_text(doc, node))) if node.kind == "paragraph" else 0


def _avatar(doc: Document, node: Node) -> bool:
    """A paragraph that is one image, or one linked image (the commenter's avatar)."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    if skel is None or len(skel.links) > 1 or skel.words() > 1:
        return False
    return skel.images == 1 or (skel.link_only and raw_text(doc, node).lstrip().startswith("[!["))
