"""``card-run``: a widget's cards of other posts, each a few blocks, repeated in the page's tail.

A "recommended for you" or "more like this" widget prints one card per post, and a
converter turns each card into the same few blocks: a title link, a date and a count,
a snippet ("![](…) 博客 [Title](…)" / "01-18 ![](…) 2558" / "[snippet…](…)" on CSDN,
"- Sep 2026" / "## [Title](…)" on a blog theme). The run is found by its shape:
``min_cards`` or more groups of ``2..max_card_blocks`` consecutive top-level blocks
with the same sequence of kinds (a paragraph with a link, with an image, a heading, a
one-item list), where each card holds a link to an article page (an absolute address
with a path) whose text is as long as a headline (``min_words_per_link``, Chinese and
Japanese counted by characters), a date or a count (a digit outside the links), and at
most ``max_words_outside`` words outside its links. The run stands in the page's tail:
no paragraph after it is longer than ``max_following_words``, and prose comes before it.

Left alone: cards of one block (LK004 reads those), a page that is only cards (a blog's
archive), a repository's record of work (commits, issues, releases), links relative to the
page (a docs index), and repeated blocks with sentences in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.tail import InTail
from ..fastpath.triggers import Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_triggers import ExternalLinks
from .linkblocks import IMAGE, LINK, LIST_KINDS, SEPARATORS, Link, is_external, skeleton, word_count
from .phrase_lists import phrase_pattern
from .phrases import matchable_title
from .post_navigation_row import article_page
from .repository_links import record_of_work

_Shape = tuple[str, bool, bool]


class CardRunMatcher(Matcher):
    name = "card-run"
    params = MappingProxyType(
        {
            "keywords": list,
            "min_cards": int,
            "max_card_blocks": int,
            "min_words_per_link": (int, float),
            "max_words_outside": int,
            "max_following_words": int,
            "min_prose_words": int,
            "max_title_words": int,
            "exempt": list,
            "exempt_labels": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_cards = int(params.get("min_cards", 2))
        self.max_card_blocks = int(params.get("max_card_blocks", 4))
        self.min_words_per_link = float(params.get("min_words_per_link", 4))
        self.max_words_outside = int(params.get("max_words_outside", 12))
        self.max_following_words = int(params.get("max_following_words", 40))
        self.min_prose_words = int(params.get("min_prose_words", 20))
        self.max_title_words = int(params.get("max_title_words", 6))
        exempt = phrase_pattern(params, "exempt", "exempt_labels")
        self.exempt_title = re.compile(rf"\W*(?:{exempt})\W*", re.I) if exempt else None

    def trigger(self) -> Trigger:
        """A keyword, and a title link per card to an external page beyond a site's root, in
        the page's tail: the run stands after the last paragraph of more than
        ``max_following_words`` words, which the raw text can prove (``fastpath.tail``)."""
        titles = ExternalLinks(self.min_cards, beyond_root=True)
        return InTail(self.max_following_words, all_of(self.keyword_trigger(), titles))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        prose = next(
            (i for i, node in enumerate(blocks) if _words(doc, node) >= self.min_prose_words),
            None,
        )
        if prose is None:
            return  # no prose: a page of cards (an archive) is its own content
        index = max(prose + 1, self._tail_start(doc, blocks))
        # Only the blocks from there on can start a run: the others are never read.
        shapes = [None] * index + [_shape(doc, node) for node in blocks[index:]]
        while index < len(blocks):
            run = self._run_at(doc, blocks, shapes, index)
            if run is None or self._under_content_title(doc, blocks, index):
                index += 1
                continue
            first, last = self._titled(doc, blocks, index), blocks[run - 1]
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, first, last),))
            index = run

    def _titled(self, doc: Document, blocks: Sequence[Node], index: int) -> Node:
        """The run's first block, or the widget's title right above it: a short heading
        without a link ("More like this", "相关推荐")."""
        above = blocks[index - 1]
        skel = skeleton(doc, above) if above.kind == "heading" else None
        if skel is not None and not skel.links and _short(skel.visible, self.max_title_words):
            return above
        return blocks[index]

    def _under_content_title(self, doc: Document, blocks: Sequence[Node], index: int) -> bool:
        """Whether the nearest heading above the run is a content title ("References",
        "See also", "参考文献"): a bibliography's entries keep their years."""
        heading = next((n for n in reversed(blocks[:index]) if n.kind == "heading"), None)
        return (
            heading is not None
            and self.exempt_title is not None
            and self.exempt_title.fullmatch(matchable_title(doc, heading)) is not None
        )

    def _tail_start(self, doc: Document, blocks: Sequence[Node]) -> int:
        """The index after the page's last paragraph of more than ``max_following_words``
        words outside its links (0 when there is none)."""
        for index in range(len(blocks) - 1, -1, -1):
            if _words(doc, blocks[index]) > self.max_following_words:
                return index + 1
        return 0

    def _run_at(
        self, doc: Document, blocks: Sequence[Node], shapes: list[_Shape | None], index: int
    ) -> int | None:
        """The end (exclusive) of the longest run of cards starting at ``index``, else None."""
        best: int | None = None
        for size in range(2, self.max_card_blocks + 1):
            card = shapes[index : index + size]
            if len(card) < size or None in card:
                break
            count = 1
            while shapes[index + count * size : index + (count + 1) * size] == card:
                count += 1
            end = index + count * size
            longer = count >= self.min_cards and (best is None or end > best)
            if longer and self._cards(doc, blocks, index, size, count):
                best = end
        return best

    def _cards(
        self, doc: Document, blocks: Sequence[Node], index: int, size: int, count: int
    ) -> bool:
        """Whether each group is a card: a headline link to an article page, a digit
        outside the links, few words besides; all titles distinct pages of one site, no
        record of work."""
        titles: list[Link] = []
        for number in range(count):
            group = blocks[index + number * size : index + (number + 1) * size]
            title = self._card_title(doc, group)
            if title is None:
                return False
            titles.append(title)
        hosts = {article_page(link.href) or ("", "") for link in titles}
        return (
            len({link.href for link in titles}) == count
            and len({host for host, _ in hosts}) == 1
            and not record_of_work(titles)
        )

    def _card_title(self, doc: Document, group: Sequence[Node]) -> Link | None:
        """The card's title link, when the group is a card."""
        links: list[Link] = []
        outside = ""
        for node in group:
            skel = skeleton(doc, _leaf(node))
            if skel is None:
                return None
            links.extend(skel.links)
            outside += " " + SEPARATORS.sub(" ", skel.text.replace(LINK, " ").replace(IMAGE, " "))
        if word_count(outside) > self.max_words_outside or not any(c.isdigit() for c in outside):
            return None
        return next((link for link in links if self._headline(link)), None)

    def _headline(self, link: Link) -> bool:
        """A link to an article page of a site, its text as long as a headline."""
        return (
            is_external(link.href)
            and article_page(link.href) is not None
            and word_count(link.text) >= self.min_words_per_link
        )


def _short(text: str, most: int) -> bool:
    return 0 < word_count(text) <= most


def _leaf(node: Node) -> Node:
    """A one-item list's paragraph stands for the list; any other block for itself."""
    if node.kind in LIST_KINDS and len(node.children) == 1 and len(node.children[0].children) == 1:
        return node.children[0].children[0]
    return node


def _shape(doc: Document, node: Node) -> _Shape | None:
    """A block's kind and whether it holds a link and an image; None for blocks no card holds."""
    leaf = _leaf(node)
    if leaf.kind not in ("paragraph", "heading"):
        return None
    skel = skeleton(doc, leaf)
    if skel is None:
        return None
    return node.kind, bool(skel.links), bool(skel.images)


def _words(doc: Document, node: Node) -> int:
    """Words outside a paragraph's links (a card's snippet is a link: it is no article prose)."""
    if node.kind != "paragraph":
        return 0
    skel = skeleton(doc, node)
    return word_count(skel.text.replace(LINK, " ")) if skel is not None else 0
