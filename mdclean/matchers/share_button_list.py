"""``share-button-list``: WordPress's share buttons as a converter leaves them, with the
like and related-posts remnants that follow them.

Jetpack's sharing module (sharedaddy) prints each button as a link whose text is its caption,
a screen-reader note and the service's name: "Click to share on Reddit (Opens in new window)
Reddit" to ``…/post/?share=reddit``; the e-mail button loses its link in most conversions
("Click to email a link to a friend (Opens in new window) Email"), and the row holds a "More"
slot that opens the hidden services. A list (or a paragraph) whose every item is such a button
(``notes``: the note in the plugin's translations), at least ``min_endpoints`` of them linking
to a share endpoint (``?share=``, ``#print``, a network's share address), and the rest the
e-mail button without its link or the "More" slot (``more``), is the row. Any other item, a
link anywhere else or a word more keeps the list.

With the row go the blocks around it that the same plugin prints and that are nothing
without it: the row's label before it ("Share this:", ``labels``), the like widget after it
("Like this:", "Like Loading...", ``likes``), a second row, and the related-posts headline
Jetpack leaves alone once its script-loaded posts are gone: a heading that is the word
emphasised and nothing else ("### *Related*", ``related``), when no list follows it.

The fix is safe: the note and the share endpoints are the plugin's exact template, two
signals in every linked button.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import junk_endpoint
from .linkblocks import LIST_KINDS, raw_text
from .phrase_lists import fold_width, phrase_pattern

_SHARE_TARGET = re.compile(r"[?&#]share=[\w-]+|#print$", re.IGNORECASE)
_HEADING_MARKS = re.compile(r"^\s*#{1,6}\s*|\s*#*\s*$")
_EMPHASISED = re.compile(r"(\*{1,2}|_{1,2})([^*_]+)\1")
_LABEL_TRIM = " \t*_:："
_MAX_BARE_RUN = 1500  # characters: a row of a dozen buttons, never an article's paragraph


class ShareButtonListMatcher(Matcher):
    name = "share-button-list"
    params = MappingProxyType(
        {
            "keywords": list,
            "notes": list,
            "more": list,
            "labels": list,
            "likes": list,
            "ratings": list,
            "related": list,
            "min_endpoints": int,
        }
    )
    required = frozenset({"keywords", "notes", "more"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        notes = phrase_pattern(params, "notes", "notes_inline")
        # caption (a few words), the note in parentheses, the service's name (a few words)
        unit = rf"[^\[\]()]{{0,80}}?\s*\((?:{notes})\)\s*[^\[\]()]{{0,40}}?"
        self.linked = re.compile(
            rf"\[\s*{unit}\s*\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)", re.IGNORECASE
        )
        self.bare = re.compile(rf"\s*{unit}\s*", re.IGNORECASE)
        self.bare_run = re.compile(rf"(?:\s*{unit}\s*)+", re.IGNORECASE)
        self.note = re.compile(rf"\((?:{notes})\)", re.IGNORECASE)
        self.more = _whole(params, "more")
        self.labels = _whole(params, "labels")
        self.likes = _whole(params, "likes")
        self.ratings = _whole(params, "ratings")
        self.related = _whole(params, "related")
        self.min_endpoints = int(params.get("min_endpoints", 2))

    def find(self, doc: Document) -> Iterator[Finding]:
        taken = -1  # the last line of the previous finding: a run is reported once
        for node in doc.nodes():
            if node.start_line <= taken or not self._row(doc, node):
                continue
            first, last = self._before(doc, node), self._after(doc, node)
            taken = last.end_line
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _row(self, doc: Document, node: Node) -> bool:
        """Whether the block is a row of share buttons: a list of buttons, or a paragraph of
        buttons only; not inside another list."""
        units = self._units(doc, node)
        if not units or any(unit is None for unit in units):
            return False
        if units.count("endpoint") >= self.min_endpoints:
            return True
        # A dump that dropped the links: the notes alone, beside the plugin's label or likes.
        return units.count("bare") >= self.min_endpoints and self._beside_widget(doc, node)

    def _units(self, doc: Document, node: Node) -> list[str | None]:
        """The kinds of button a top-level list or paragraph holds (see ``_item``)."""
        if any(a.kind in LIST_KINDS for a in node.ancestors()):
            return []
        if node.kind in LIST_KINDS:
            return [self._item(doc, item) for item in node.children]
        if node.kind == "paragraph":
            return self._paragraph(raw_text(doc, node))
        return []

    def _beside_widget(self, doc: Document, node: Node) -> bool:
        """Whether the row's label stands before it, or the like widget's line after it."""
        previous, following = node.previous_sibling, node.next_sibling
        return (previous is not None and _says(doc, previous, self.labels)) or (
            following is not None and _says(doc, following, self.likes)
        )

    def _item(self, doc: Document, item: Node) -> str | None:
        """A list item's kind of button ("endpoint", "bare", "more"; "empty" for the row's
        empty closing slot, Jetpack's ``share-end``), None for anything else."""
        if not item.children:
            return "empty"
        if len(item.children) != 1 or item.children[0].kind != "paragraph":
            return None
        text = " ".join(raw_text(doc, item.children[0]).split())
        found = self.linked.fullmatch(text)
        if found is not None:
            return "endpoint" if _share_endpoint(found.group(1)) else None
        if self.bare.fullmatch(text):
            return "bare"
        return "more" if self.more and self.more.fullmatch(fold_width(text)) else None

    def _paragraph(self, raw: str) -> list[str | None]:
        """A paragraph's buttons when it is linked buttons and white space only, or buttons
        whose links a dump dropped (captions and notes only, one "bare" unit per note)."""
        text = " ".join(raw.split())
        if "](" not in text and len(text) <= _MAX_BARE_RUN and self.bare_run.fullmatch(text):
            return ["bare"] * len(self.note.findall(text))
        units: list[str | None] = []
        position = 0
        for found in self.linked.finditer(text):
            if text[position : found.start()].strip():
                return [None]
            units.append("endpoint" if _share_endpoint(found.group(1)) else None)
            position = found.end()
        return units if units and not text[position:].strip() else [None]

    def _before(self, doc: Document, row: Node) -> Node:
        """The row's label, when the block before it is one, and the rating widget's label
        before that ("Rate this:", whose stars were a script); else the row."""
        first = row
        for phrases in (self.labels, self.ratings):
            previous = first.previous_sibling
            if previous is not None and _says(doc, previous, phrases):
                first = previous
        return first

    def _after(self, doc: Document, row: Node) -> Node:
        """The last of the blocks after the row that belong to the plugin: another row, the
        like widget's lines, the related-posts headline left alone."""
        last = row
        node = row.next_sibling
        while node is not None:
            if self._row(doc, node) or _says(doc, node, self.likes):
                last = node
            elif self._lone_headline(doc, node):
                return node
            else:
                break
            node = node.next_sibling
        return last

    def _lone_headline(self, doc: Document, node: Node) -> bool:
        """Whether the block is the related-posts headline, emphasised, with no list under it."""
        if node.kind != "heading" or self.related is None:
            return False
        following = node.next_sibling
        if following is not None and (following.kind in LIST_KINDS or following.kind == "table"):
            return False
        text = _HEADING_MARKS.sub("", doc.line_text(node.start_line))
        found = _EMPHASISED.fullmatch(text.strip())
        return found is not None and self.related.fullmatch(fold_width(found.group(2))) is not None


def _whole(params: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    """The phrases of ``key``'s lists as one pattern read against a whole text."""
    pattern = phrase_pattern(params, key, f"{key}_inline")
    return re.compile(rf"\s*(?:{pattern})\s*", re.IGNORECASE) if pattern else None


def _says(doc: Document, node: Node, phrases: re.Pattern[str] | None) -> bool:
    """Whether a heading or paragraph of one or two lines is one of the phrases alone."""
    if phrases is None or node.kind not in ("heading", "paragraph"):
        return False
    if node.end_line - node.start_line > 2:
        return False
    text = raw_text(doc, node) if node.kind == "paragraph" else doc.line_text(node.start_line)
    text = _HEADING_MARKS.sub("", text) if node.kind == "heading" else text
    return phrases.fullmatch(fold_width(" ".join(text.split()).strip(_LABEL_TRIM))) is not None


def _share_endpoint(href: str) -> bool:
    """Whether a link leads to a share button's endpoint."""
    return _SHARE_TARGET.search(href) is not None or junk_endpoint(href)
