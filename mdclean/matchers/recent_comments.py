"""``recent-comments``: a blog's "Recent Comments" widget, kept as a list of who commented where.

WordPress's widget (and Blogger's and many themes' after it) prints one line per comment:
the commenter's name, a joining word and the post's title linked to the comment's permalink
("Jane on [Moving to containers](https://blog.example/2024/05/post/#comment-12)", "小王 发表在
《[文章](…#comment-3)》", "[記事](…#comment-5) に 太郎 より"). A crawler writes the widget as a
list, in the sidebar's place: before or after the article, often under a "Recent Comments"
heading. A list goes when every item (two or more) is that line: one link to a comment's
permalink (``#comment-12``, ``?showComment=``), at most one other link (the commenter's site),
and outside the links only a few words that hold a joining word (``connectors``). The
permalink's shape and the widget's wording in every item are the evidence; a heading left
with nothing under it goes with the list (``sections.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AllOf, Literals, Repeated, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .comment_thread import COMMENT_URL
from .linkblocks import IMAGE, LINK, LIST_KINDS, Link, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern
from .phrases import matchable_title
from .required_phrases import required_alternation

# A link to one comment as the widget writes it: the post's address with the comment's anchor
# (WordPress ``#comment-12``, themes' ``#li-comment-12``, Blogger's ``?showComment=12``).
_PERMALINK = re.compile(r"#(?:li-)?comment-?\d+\s*$|showcomment=\d", re.I)
_PERMALINK_KEYS = ("#comment", "#li-comment", "showcomment=")
# What the trigger counts: two comments' anchors (one item is a citation, not a widget).
_PERMALINK_COUNT = re.compile(r"#(?:li-)?comment-?\d|showcomment=\d")
# Brackets and quotes the widget sets around the post's title (《》「」“”), list markup.
_QUOTES = re.compile(r"[《》「」『』〈〉“”„\"'«»()\[\]<>*_|,:;]+")
# Latin and Cyrillic letters: a joining word must stand apart from them ("on", not "Simon").
_LETTERS = r"a-zA-Z\u00c0-\u024f\u0400-\u04ff"


class RecentCommentsMatcher(Matcher):
    name = "recent-comments"
    params = MappingProxyType(
        {
            "connectors": list,
            "titles": list,
            "min_items": int,
            "max_name_words": int,
            "max_links": int,
        }
    )
    required = frozenset({"connectors"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._connectors = required_alternation(params, "connectors")
        titles = phrase_pattern(params, "titles", "titles_inline")
        self._title = re.compile(rf"(?:{titles})\W*", re.I) if titles else None
        self.min_items = int(params.get("min_items", 2))
        self.max_name_words = int(params.get("max_name_words", 4))
        self.max_links = int(params.get("max_links", 2))

    @cached_property
    def _shapes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The widget's line with its links as ``LINK``: "NAME on POST" (the permalink last),
        and "POST に NAME より" (the permalink first)."""
        join = rf"(?<![{_LETTERS}])(?:{self._connectors})(?![{_LETTERS}])"
        name = rf"(?P<name>{LINK}|[^{LINK}]{{1,60}}?)"
        return (
            re.compile(rf"{name} ?{join} ?{LINK}", re.IGNORECASE),
            re.compile(rf"{LINK} ?{join} ?{name}(?: ?{join})?", re.IGNORECASE),
        )

    def trigger(self) -> Trigger:
        """Two comments' anchors in the text (each item holds one)."""
        return AllOf((Literals(_PERMALINK_KEYS), Repeated(_PERMALINK_COUNT, self.min_items)))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.walk():
            if node.kind in LIST_KINDS and self._is_widget(doc, node):
                first = self._title_of(doc, node) or node
                start, end = doc.node_span(first)[0], doc.node_span(node)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, first, node),))

    def _title_of(self, doc: Document, node: Node) -> Node | None:
        """The widget's title right above it ("Recent Comments", "近期评论"), if any."""
        title = node.previous_sibling
        if self._title is None or title is None or title.kind != "heading":
            return None
        return title if self._title.fullmatch(matchable_title(doc, title)) else None

    def _is_widget(self, doc: Document, node: Node) -> bool:
        items = node.children
        return len(items) >= self.min_items and all(self._is_entry(doc, item) for item in items)

    def _is_entry(self, doc: Document, item: Node) -> bool:
        """Whether a list item is one line of the widget: a name, a joining word, the post's
        title linked to the comment."""
        if len(item.children) != 1 or item.children[0].kind != "paragraph":
            return False
        skel = skeleton(doc, item.children[0])
        if skel is None or not 1 <= len(skel.links) <= self.max_links:
            return False
        permalinks = [_is_permalink(link) for link in skel.links]
        if sum(permalinks) != 1 or not skel.links[permalinks.index(True)].text.strip():
            return False  # (the post's title is the permalink's text)
        line = fold_width(" ".join(_QUOTES.sub(" ", skel.text.replace(IMAGE, " ")).split()))
        return self._reads_as_entry(line, permalinks)

    def _reads_as_entry(self, line: str, permalinks: list[bool]) -> bool:
        """Whether the line is one of the widget's shapes (the post's title last, or first)
        with the permalink where that shape puts the title, and a commenter's name in it."""
        last, first = self._shapes
        for shape, at in ((last, len(permalinks) - 1), (first, 0)):
            match = shape.fullmatch(line)
            if match is not None and permalinks[at] and self._is_name(match["name"]):
                return True
        return False

    def _is_name(self, name: str) -> bool:
        """A commenter's name: their linked site, or a few words."""
        return name == LINK or 0 < word_count(name) <= self.max_name_words


def _is_permalink(link: Link) -> bool:
    return COMMENT_URL.search(link.href) is not None and _PERMALINK.search(link.href) is not None
