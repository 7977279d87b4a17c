"""``labelled-post-cards``: a "Related posts" label over post cards in the shapes a converter leaves.

A related, recent or popular posts widget prints each post as a card: a thumbnail, the
title, a date, a line of excerpt, a "Read more" link. Converted to Markdown, a card
seldom stays one tidy list item. A crawler that keeps a link around a whole card cuts
it at its blank lines (``[![](thumb.jpg)`` / ``### Title`` / ``Excerpt.](https://…/post/)``),
a table keeps the cards of a grid (``| [Title](…) | [Title](…) |``), a theme puts the
category before the title (``- Coffee · [Title](…)``) or the date inside the link.
``labelled-list`` (BP001) and ``labelled-post-list`` (BP121) read the tidy shapes; this
matcher reads the run of blocks under the label as raw text, whatever its shape.

The label is a block of its own whose whole text is a phrase of the rule's lists. Under
it runs the widget: blocks (paragraphs, deeper headings, list items, table rows) each
short (``max_words`` words besides its links) and linking only to pages that can be
posts (``may_be_a_post``: no anchor, no Markdown source file, no documentation page).
The run ends at a heading of the label's level or higher, a longer block, a link to
anything else, code or HTML; its last card is its last block that links, with as many
plain blocks after it as followed the first card's link (a date, an excerpt). Two
posts at least, or nothing is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .also_read import may_be_a_post
from .article_region import noted_site
from .fix_safety import safe_if
from .inline_links import JOINED_LINK_CLOSE, without_one_line_images
from .link_targets import is_own, is_post_address
from .linkblocks import LIST_KINDS, Link, heading_level, skeleton, word_count
from .page_head import site_root
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, PhraseMatcher

_LABEL_KINDS = ("paragraph", "heading")
"""An image, its alt text and source: a thumbnail is no link to a post."""
_ITEM_MARK = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[\s|:-]*$")
_MOST_UNLINKED = 3
"""Blocks without a link in a row within a card: a thumbnail, its title, a date, an excerpt."""


@dataclass(frozen=True)
class _Piece:
    """What one block of the run holds: the posts it links to, and whether it is plain text."""

    targets: tuple[str, ...]
    plain: bool
    opens_card: bool
    opened: int
    """Links the block opens less those it closes (a cut card's pieces)."""
    """Whether a card may start here: a link, a title heading, a thumbnail, a cut link's opening
    (a widget's first block is never the page's own sentence introducing a list)."""


class LabelledPostCardsMatcher(BlockLabelMatcher):
    name = "labelled-post-cards"
    params = MappingProxyType({**PhraseMatcher.params, "min_items": int, "max_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_items = int(params.get("min_items", 2))
        self.max_words = int(params.get("max_words", 30))
        """Words a block of the run may hold besides its links: a title, a date, an excerpt."""

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in self.blocks_to_probe(doc, *_LABEL_KINDS):
            if not self.probe.match(fold_width(rough)) or not self._is_label(doc, node):
                continue
            cards = self._last_card(doc, node)
            if cards is not None:
                last, posts = cards
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                sure = _own_posts(doc, posts)
                yield Finding(
                    start, end, edits=(remove_blocks(doc, node, last),), applicability=safe_if(sure)
                )

    def _is_label(self, doc: Document, node: Node) -> bool:
        if node.parent is not doc.root or node.next_sibling is None:
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        return self.label.fullmatch(" ".join(fold_width(skel.text).split())) is not None

    def _last_card(self, doc: Document, label: Node) -> tuple[Node, set[str]] | None:
        """The last block of the cards under ``label`` and the posts they link to; None unless
        they link to enough posts."""
        run = self._run_under(doc, label)
        if not run or not run[0][1].opens_card:
            return None
        linked = [i for i, (_, piece) in enumerate(run) if piece.targets]
        posts = {target for _, piece in run for target in piece.targets}
        if not linked or len(posts) < self.min_items:
            return None
        return run[linked[-1] + _trailing_extras(run, linked)][0], posts

    def _run_under(self, doc: Document, label: Node) -> list[tuple[Node, _Piece]]:
        """The blocks under the label that may be cards, each with its piece, up to the next
        section, a block that is no card's or too many blocks without a link."""
        level = heading_level(doc, label) if label.kind == "heading" else 7
        run: list[tuple[Node, _Piece]] = []
        unlinked = 0
        open_links = 0  # links a block opened that a later block closes: a card cut in pieces
        node = label.next_sibling
        while node is not None and unlinked <= _MOST_UNLINKED:
            piece = self._piece(doc, node)
            if piece is None or _next_section(doc, node, piece, level, open_links):
                break
            run.append((node, piece))
            open_links = max(0, open_links + piece.opened)
            unlinked = 0 if piece.targets or open_links else unlinked + 1
            node = node.next_sibling
        return run

    def _piece(self, doc: Document, node: Node) -> _Piece | None:
        """The block's piece of a card; None when the block is no part of a widget."""
        parts = _parts(doc, node)
        targets = self._targets(parts, each=node.kind not in _LABEL_KINDS) if parts else None
        if targets is None:
            return None
        bare = without_one_line_images(parts[0], by="").strip()
        if bare.rstrip("*_").endswith((":", "：")):
            return None  # a sentence that introduces what follows: the page's own text
        plain = not targets and node.kind == "paragraph"
        opens = bool(targets) or node.kind == "heading" or not bare or bare.startswith("[")
        unclosed = sum(part.count("[") - part.count("]") for part in map(_without_images, parts))
        return _Piece(tuple(targets), plain=plain, opens_card=opens, opened=unclosed)

    def _targets(self, parts: list[str], *, each: bool) -> list[str] | None:
        """The posts the parts link to; None when one is no card's (``each``: every part, an
        item or a row of a widget, is a card of its own and links to its post)."""
        targets: list[str] = []
        for part in parts:
            found = self._part_targets(part)
            if found is None or (each and not found):
                return None
            targets.extend(found)
        return targets

    def _part_targets(self, text: str) -> list[str] | None:
        """The posts a short piece of text links to; None when it is long or links elsewhere."""
        text = without_one_line_images(text)
        targets = JOINED_LINK_CLOSE.findall(text)
        if not all(may_be_a_post(Link("", target)) and not site_root(target) for target in targets):
            return None  # a home page is no post: the author's pointer to a project or a shop
        rest = JOINED_LINK_CLOSE.sub(" ", text).replace("[", " ").replace("]", " ")
        if "](" in rest or "<a " in rest.lower() or word_count(rest) > self.max_words:
            return None
        return targets


def _own_posts(doc: Document, posts: set[str]) -> bool:
    """The safe core's second signal besides the label: every card links a post by its
    address's shape (a dated permalink, ``?p=123``, ``/blog/slug``), or, on a page that notes
    its own address, a page of that site (the site's own widget; an author's reading list
    links other sites)."""
    site = noted_site(doc)
    return all(
        is_post_address(href) or (site is not None and is_own(href, site, relative=False))
        for href in posts
    )


def _next_section(doc: Document, node: Node, piece: _Piece, level: int, open_links: int) -> bool:
    """Whether a heading opens the page's next section: its level is the label's or higher, it
    links to no post and stands inside no cut card (a card's title does either)."""
    if node.kind != "heading" or open_links or piece.targets:
        return False
    return heading_level(doc, node) <= level


def _trailing_extras(run: list[tuple[Node, _Piece]], linked: list[int]) -> int:
    """How many plain blocks after the last card's link belong to it: as many as followed the
    first card's link (its date, its excerpt), no more than stand there."""
    first, last = linked[0], linked[-1]
    rhythm = 0
    while first + rhythm + 1 < len(run) and run[first + rhythm + 1][1].plain:
        rhythm += 1
    after = 0
    while after < rhythm and last + after + 1 < len(run) and run[last + after + 1][1].plain:
        after += 1
    return after


def _without_images(text: str) -> str:
    return without_one_line_images(text)


def _parts(doc: Document, node: Node) -> list[str]:
    """The pieces of a block that are each a card or a part of one: a paragraph or heading
    whole, a list's items, a table's rows; none for any other block or a footnote's definition."""
    if node.kind in _LABEL_KINDS:
        text = doc.node_source(node)
        # A footnote's definition: the article's own note, never a card.
        return [] if text.lstrip().startswith("[^") else [text]
    if node.kind in LIST_KINDS:
        return [_ITEM_MARK.sub("", doc.node_source(item)) for item in node.children]
    if node.kind == "table":
        rows = doc.node_source(node).splitlines()
        return [row for row in rows if not _TABLE_RULE.fullmatch(row)]
    return []
