"""``archive-widget``: a blog sidebar's archive tree or label cloud, entries with post counts.

Blogger and WordPress sidebars list the blog's months and labels with the number of posts
in each: "► 2019 (12)", "▼ May (3)", "[Python](…/search/label/Python) (12)", "[May 2019](…/2019/05/)
(3)". A clipper keeps them at the page's end, as a nested list, link paragraphs, or lines
whose links it dropped. A run of consecutive top-level blocks whose every entry is such a
count entry (an optional toggle arrow, a link or a few words, a count in parentheses) is
the widget when it holds ``min_entries`` counted entries and says where it comes from: a
toggle arrow, links that all lead to the blog's archive pages (a date path, a label,
category or tag page), or, without links, entries that are years or months of a year
("mayo 2019 (3)"). Under an expanded month, the posts' own links (no count) belong to it.
The short heading right above ("Blog Archive", "Etiquetas") goes with it. It stands in the
page's tail: no paragraph after it has more than ``max_following_words`` words.

Left alone: a list of things with counts in the article ("Apples (3)"), entries with longer
texts, a run with fewer entries, and lists that link elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.tail import InTail
from ..fastpath.triggers import Repeated, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import LINK, LIST_KINDS, Link, skeleton, word_count

_TOGGLES = "►▼▶▸▾◄◀▽△▲"
# One count entry: a link or a few words, then the count ("[2019](…) (12)").
_ENTRY = re.compile(
    rf"[ \t]*({LINK}|[^\s{LINK}()\[\]]+(?:[ \t]+[^\s{LINK}()\[\]]+){{0,3}})[ \t]*\((\d{{1,5}})\)[ \t]*"
)
# A toggle arrow, with the list mark a converter may have left before it inline.
_TOGGLE = re.compile(rf"(?:(?<!\S)[-*+][ \t]+)?[{_TOGGLES}]")
# A post's link that a converter pulled into its month's line ("(1)    - [Post](…)").
_INLINE_POST = re.compile(rf"(?<!\S)[-*+][ \t]+{LINK}(?!\S)")
# A toggle arrow as Blogger writes it, a link to a script that markdown leaves as text.
_SCRIPT_TOGGLE = re.compile(rf"\[([{_TOGGLES}])\]\(javascript:[^)\s]*\)", re.I)
_COMMENT = re.compile(r"\s*<!--.*?-->\s*", re.S)
_YEARLY = re.compile(r"(?:[^\W\d]+[ \t]+)?(?:19|20)\d\d")
# A blog's archive pages: a year or month path, a label, category or tag page.
_ARCHIVE_PAGE = re.compile(
    r"(?:/(?:19|20)\d\d(?:/\d\d)?/?(?:[?#].*)?$|/(?:19|20)\d\d_\d\d_\d\d_archive\.html"
    r"|/search/label/|/(?:category|categories|tag|tags|label|labels)/)",
    re.I,
)


# Where the raw text may spell an entry's count, "(12)" as the skeleton reads it: an opening
# parenthesis (or its entity), then digits among what the skeleton drops (emphasis and code
# marks, escapes, spaces, entities but those of the parentheses), then the closing one; a tag
# after the parenthesis may hide anything. Each count is one match: none runs over a parenthesis.
_SILENT = r"[\s*_~`\\]"
_ENTITY = r"&(?!#0*4[01];|#x0*2[89];|lpar;|rpar;)#?\w+;"
_MAY_COUNT = re.compile(
    rf"(?:\(|&#0*40;|&#x0*28;|&lpar;)(?:{_SILENT})*"
    rf"(?:<|(?:\d|{_ENTITY})(?:\d|{_SILENT}|{_ENTITY})*(?:<|\)|&#0*41;|&#x0*29;|&rpar;))"
)


class _Entries:
    """The count entries of a run of blocks, and the links of its posts."""

    def __init__(self) -> None:
        self.counted = 0
        self.toggles = 0
        self.yearly = True
        self.links: list[Link] = []


class ArchiveWidgetMatcher(Matcher):
    name = "archive-widget"
    params = MappingProxyType(
        {
            "keywords": list,
            "min_entries": int,
            "max_following_words": int,
            "max_title_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_entries = int(params.get("min_entries", 3))
        self.max_following_words = int(params.get("max_following_words", 40))
        self.max_title_words = int(params.get("max_title_words", 4))

    def trigger(self) -> Trigger:
        """A keyword and ``min_entries`` counts in the page's tail, outside fenced code: what it
        finds stands after the last paragraph of more than ``max_following_words`` words,
        which the raw text can prove (``fastpath.tail``)."""
        counts = Repeated(_MAY_COUNT, self.min_entries)
        tail = InTail(self.max_following_words, all_of(self.keyword_trigger(), counts))
        return OutsideFences(tail)  # (code holds no entry: "f(476)")

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        index = self._tail_start(doc, blocks)
        while index < len(blocks):
            entries = _Entries()
            end = index
            while end < len(blocks) and _read_block(doc, blocks[end], entries, depth=0):
                end += 1
            if end > index and self._widget(entries):
                first = self._titled(doc, blocks, index)
                start, stop = doc.node_span(first)[0], doc.node_span(blocks[end - 1])[1]
                yield Finding(start, stop, edits=(remove_blocks(doc, first, blocks[end - 1]),))
            index = max(end, index + 1)

    def _widget(self, entries: _Entries) -> bool:
        """Enough counted entries, and a sign of a blog's sidebar."""
        if entries.counted < self.min_entries:
            return False
        if entries.toggles:
            return True
        if entries.links:
            return all(_ARCHIVE_PAGE.search(link.href) for link in entries.links)
        return entries.yearly

    def _titled(self, doc: Document, blocks: Sequence[Node], index: int) -> Node:
        """The run's first block, or the widget's short heading right above it."""
        if index == 0 or blocks[index - 1].kind != "heading":
            return blocks[index]
        skel = skeleton(doc, blocks[index - 1])
        short = skel is not None and 0 < word_count(skel.visible) <= self.max_title_words
        return blocks[index - 1] if short and skel is not None and not skel.links else blocks[index]

    def _tail_start(self, doc: Document, blocks: Sequence[Node]) -> int:
        """The index after the page's last paragraph of more than ``max_following_words``
        words; the page's first block is never a widget's."""
        for index in range(len(blocks) - 1, -1, -1):
            node = blocks[index]
            skel = skeleton(doc, node) if node.kind == "paragraph" else None
            if skel is not None and word_count(skel.visible) > self.max_following_words:
                return index + 1
        return 1


def _read_block(doc: Document, node: Node, entries: _Entries, *, depth: int) -> bool:
    """Add a block's entries; False when the block is anything but count entries."""
    if _comment(doc, node):
        return True  # a template's marker between the entries ("<!--THE END-->")
    if node.kind in LIST_KINDS:
        return all(_read_item(doc, item, entries, depth=depth) for item in node.children)
    if node.kind != "paragraph":
        return False
    skel = skeleton(doc, node)
    return skel is not None and not skel.images and _read_lines(skel.text, skel.links, entries)


def _read_item(doc: Document, item: Node, entries: _Entries, *, depth: int) -> bool:
    """A list item: paragraphs of count entries (a toggle may stand alone in one), nested
    lists; under an expanded month, a paragraph that is one post's link."""
    for child in item.children:
        if _comment(doc, child):
            continue
        if child.kind in LIST_KINDS:
            if not _read_block(doc, child, entries, depth=depth + 1):
                return False
            continue
        skel = skeleton(doc, child) if child.kind == "paragraph" else None
        if skel is None or skel.images:
            return False
        if depth > 0 and skel.text.strip() == LINK:
            entries.links.extend(skel.links)  # a post of the expanded month
        elif not _read_lines(skel.text, skel.links, entries):
            return False
    return bool(item.children)


def _read_lines(text: str, links: list[Link], entries: _Entries) -> bool:
    """Add the count entries of a paragraph's text; False when anything else stands in it.
    Lines are joined (a clipper breaks "▼ / [2024](…) / (27)" over three), and toggles (``[►](javascript:…)`` too) and
    list marks that a converter left inline ("(1)  - ►") are read as toggles."""
    joined = " ".join(_SCRIPT_TOGGLE.sub(r"\1", text).split())
    stripped, toggles = _TOGGLE.subn(" ", joined)
    stripped, posts = _INLINE_POST.subn(" ", stripped)
    rest = stripped.strip()
    if rest and not rest.endswith(")"):
        return False  # every entry ends with its count: not one entry, or more after the last
    found = list(_ENTRY.finditer(stripped))
    if "".join(m.group() for m in found).strip() != stripped.strip() or (posts and not found):
        return False
    entries.toggles += toggles
    entries.counted += len(found)
    entries.yearly = entries.yearly and all(
        m.group(1) == LINK or _YEARLY.fullmatch(m.group(1)) for m in found
    )
    entries.links.extend(links)
    return True


def _comment(doc: Document, node: Node) -> bool:
    """Whether a block is an HTML comment alone."""
    if node.kind != "html_block":
        return False
    return _COMMENT.fullmatch(doc.text[slice(*doc.node_span(node))]) is not None
