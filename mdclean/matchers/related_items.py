"""``labelled-post-list``: a "Related posts" label over a list of posts, each a link and a little more.

A related-posts, recent-posts or archive widget prints each post as a list item: the
post's title as a link, then what the theme adds to it: a date ("12.04.2023"), a
count ("(4)"), a line of excerpt ("[Title](/blog/x/). Why dictated messages land
better."). Where the items are links alone, ``labelled-list`` (BP001) reads the widget;
this matcher reads the items that carry more.

The label is a block of its own (a heading or a short paragraph) whose whole text is a
phrase of the rule's lists; right under it stands a list of two items or more, each one
paragraph that opens with its link (after a thumbnail, perhaps) and holds no other
link, the rest short; each link leads to a page that can be a post (``may_be_a_post``:
not an anchor, a Markdown source file or a documentation page). Label and list go.
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
from .also_read import may_be_a_post
from .linkblocks import IMAGE, LINK, LIST_KINDS, skeleton, word_count
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, PhraseMatcher

_LABEL_KINDS = ("paragraph", "heading")
_DATE_ARCHIVE = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/?(?:[?#]|$)|[?&]m=(?:19|20)\d{4}\b|/archive/(?:19|20)\d\d"
)
"""A month's archive page: WordPress's and Blogger's ``/2023/12/``, WordPress's plain ``?m=202312``."""


class LabelledPostListMatcher(BlockLabelMatcher):
    name = "labelled-post-list"
    params = MappingProxyType({**PhraseMatcher.params, "min_items": int, "max_extra_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_items = int(params.get("min_items", 2))
        self.max_extra_words = int(params.get("max_extra_words", 30))
        """Words an item may hold besides its link: a date, a count, a line of excerpt."""

    @cached_property
    def item(self) -> re.Pattern[str]:
        """An item's text: perhaps a thumbnail, then its link, then words without a link."""
        return re.compile(rf"[^\w{LINK}]*(?:{IMAGE}[^\w{LINK}]*)?{LINK}(?P<extra>[^{LINK}]*)")

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in self.blocks_to_probe(doc, *_LABEL_KINDS):
            if not self.probe.match(fold_width(rough)):
                continue
            following = node.next_sibling
            if following is None or not self.is_label_block(doc, node):
                continue
            if following.kind in LIST_KINDS:
                last = following if self._is_post_list(doc, following) else None
            else:
                last = self._last_card(doc, following)
            if last is not None:
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, node, last),))

    def _last_card(self, doc: Document, first: Node) -> Node | None:
        """The last block of the cards from ``first`` on: each a post's title alone (a heading or a
        paragraph that is one link), then as many short paragraphs without a link (its date, its
        excerpt) as the first card has, one or two: a theme prints its cards alike, so the
        article's own closing paragraph after the last card is no card's. None unless
        ``min_items`` cards stand there."""
        card = self._card_extras(doc, first, 2)
        if card is None or len(card) < 2:
            return None
        extras = len(card) - 1
        cards = 0
        last: Node | None = None
        node: Node | None = first
        while node is not None:
            found = self._card_extras(doc, node, extras)
            if found is None or len(found) != extras + 1:
                break
            cards += 1
            last = found[-1]
            node = last.next_sibling
        return last if cards >= self.min_items else None

    def _card_extras(self, doc: Document, title: Node, most: int) -> list[Node] | None:
        """The title (first) and up to ``most`` short plain paragraphs after it; None when
        ``title`` is no card's title."""
        if not self._is_title_link(doc, title):
            return None
        found = [title]
        node = title.next_sibling
        while node is not None and len(found) <= most:
            words = _plain_words(doc, node)
            if words is None or words > self.max_extra_words:
                break
            found.append(node)
            node = node.next_sibling
        return found

    def _is_title_link(self, doc: Document, node: Node) -> bool:
        """A card's title: a heading or paragraph that is one link to a post, a thumbnail perhaps."""
        if node.kind not in _LABEL_KINDS:
            return False
        skel = skeleton(doc, node)
        if skel is None or len(skel.links) != 1 or not may_be_a_post(skel.links[0]):
            return False
        found = self.item.fullmatch(" ".join(fold_width(skel.text).split()))
        return found is not None and not found.group("extra").strip(_SEPARATORS)

    def _is_post_list(self, doc: Document, listed: Node) -> bool:
        """Whether every item is one link to a post and a few words more, and some item has more
        (a list of links alone is ``labelled-list``'s), or every link is a month's archive."""
        items = listed.children
        if len(items) < self.min_items:
            return False
        extras = 0
        archives = 0
        for item in items:
            extra = self._extra_words(doc, item)
            if extra is None:
                return False
            extras += extra
            archives += _DATE_ARCHIVE.search(_only_link(doc, item)) is not None
        return extras > 0 or archives == len(items)

    def _extra_words(self, doc: Document, item: Node) -> int | None:
        """The words an item holds besides its link; None when it is not a post's item."""
        if len(item.children) != 1 or item.children[0].kind != "paragraph":
            return None
        skel = skeleton(doc, item.children[0])
        if skel is None or len(skel.links) != 1 or not may_be_a_post(skel.links[0]):
            return None
        found = self.item.fullmatch(" ".join(fold_width(skel.text).split()))
        if found is None:
            return None
        words = word_count(found.group("extra"))
        return words if words <= self.max_extra_words else None


def _only_link(doc: Document, item: Node) -> str:
    """The target of the one link of an item that ``_extra_words`` accepted."""
    skel = skeleton(doc, item.children[0])
    return skel.links[0].href if skel is not None and skel.links else ""


_SEPARATORS = " \t*_~·•|-–—:>»›→"


def _plain_words(doc: Document, node: Node) -> int | None:
    """The words of a paragraph without links or images (a card's date or excerpt); None for any
    other block."""
    if node.kind != "paragraph":
        return None
    skel = skeleton(doc, node)
    if skel is None or skel.links or skel.images:
        return None
    return word_count(skel.text)
