"""``post-navigation-row``: a blog theme's "« older post | newer post »" row, found by its arrows.

Under an article a blog theme prints links to the previous and the next post,
labelled in its language ("Previous post", "上一篇", BP rules know the labels) or
by arrows alone: "« How to grind coffee | Why espresso tastes sour »". A paragraph
of exactly two links to two article pages of one site (absolute addresses with a
path), whose text opens with a backward arrow (``earlier_marks``) and closes with a
forward one (``later_marks``), with nothing but arrows and separators outside the
links and titles of ``min_words_per_link`` words, is that row: it goes.

Left alone: relative links (a docs series' "← Install | Configure →", which its
site renders), a row of one link, rows inside lists or quotes, the page's first
block, and arrows that point the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AtLeast, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import LINK, SEPARATORS, Link, skeleton, word_count

# An article page: an absolute http(s) address, its host, and a path beyond the site's root.
_ARTICLE = re.compile(r"(?:https?:)?//([^/#?\s]+)(/[^#?\s]*[^/#?\s][^#?\s]*)", re.I)


class PostNavigationRowMatcher(Matcher):
    name = "post-navigation-row"
    params = MappingProxyType(
        {
            "keywords": list,
            "earlier_marks": list,
            "later_marks": list,
            "min_words_per_link": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.earlier_marks = tuple(str(m) for m in params.get("earlier_marks", ()))
        self.later_marks = tuple(str(m) for m in params.get("later_marks", ()))
        self.min_words_per_link = int(params.get("min_words_per_link", 2))
        marks = sorted({*self.earlier_marks, *self.later_marks}, key=len, reverse=True)
        self._marks = re.compile("|".join(map(re.escape, marks))) if marks else None

    def trigger(self) -> Trigger:
        """A keyword, two absolute addresses and an arrow of each kind."""
        return all_of(
            self.keyword_trigger(),
            AtLeast("//", 2),
            literals(*self.earlier_marks),
            literals(*self.later_marks),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children[1:]:
            if node.kind == "paragraph" and self._is_row(doc, node):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _written_out(self, raw: str) -> bool:
        """Whether both addresses and both arrows are written out in the paragraph (an arrow
        spelt as an entity, an address in a reference definition elsewhere are not read):
        what the trigger can tell from the text."""
        return (
            raw.count("//") >= 2
            and _holds_any(raw, self.earlier_marks)
            and _holds_any(raw, self.later_marks)
        )

    def _is_row(self, doc: Document, node: Node) -> bool:
        if self._marks is None or not self._written_out(doc.text[slice(*doc.node_span(node))]):
            return False
        skel = skeleton(doc, node)
        if skel is None or len(skel.links) != 2 or skel.images:
            return False
        outside = self._marks.sub("", skel.text.replace(LINK, ""))
        if SEPARATORS.sub("", outside):
            return False  # words outside the links: a sentence, a label (the BP rules' part)
        visible = skel.visible.strip()
        if not (visible.startswith(self.earlier_marks) and visible.endswith(self.later_marks)):
            return False
        return self._two_posts(skel.links)

    def _two_posts(self, links: list[Link]) -> bool:
        """Whether two links lead to two article pages of one site, titled as posts are."""
        pages = [_article_page(link.href) for link in links]
        if None in pages or len({page[0] for page in pages if page}) != 1 or len(set(pages)) != 2:
            return False
        marks = self._marks
        return marks is not None and all(
            word_count(marks.sub(" ", link.text)) >= self.min_words_per_link for link in links
        )


def _holds_any(text: str, marks: tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks)


def _article_page(href: str) -> tuple[str, str] | None:
    """The host (``www.`` aside) and path of an absolute address of an article page, else None."""
    address = _ARTICLE.fullmatch(href.strip())
    if address is None:
        return None
    return address.group(1).lower().removeprefix("www."), address.group(2).rstrip("/")
