"""``next-post-link``: one link to the next (or the previous) post, labelled as such.

Under an article a blog theme, or a tutorial site, often prints one link only: "Next:
[Pointers](…)", "**Next tutorial - [Pointers](…)**", "下一篇：[…](…)", "[次の記事：…](…)".
The block is a paragraph of one link to an article page (an absolute address with a path,
or a path from the site's root), and a word of direction (``earlier_words``,
``later_words``) opens or closes what a reader sees. Words outside the link are a short
label (``max_label_words``) that opens the paragraph and ends with a separator ("Next
tutorial -", "下一篇："), or none. Only the page's tail holds such a line: no paragraph
after it is longer than ``max_following_words`` (the row is navigation, not the
article's "Next, read [the guide](…)" sentence).

Left alone: links relative to the page (a docs walkthrough's "**Next:** [Testing](testing.md)"),
a sentence around the link ("Next, try [modifying the control](…)."), arrows without a word,
the page's first block, and a line followed by more of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.chunks import Spelt, Together
from ..fastpath.tail import InTail
from ..fastpath.triggers import AnyOf, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import all_posts, links_in, safe_if
from .linkblocks import SEPARATORS, skeleton, word_count
from .post_navigation_row import article_page, ends_pattern, holds_any, one_link

# A label's last character: a separator or colon between it and the link ("Next:", "下一篇：").
_LABEL_END = re.compile(rf"(?:{SEPARATORS.pattern})$")


# How an inline link to an article page (``article_page``: a path from the site's root, or
# an absolute address) starts its target, or an autolink: the target begins with "/" or
# "h" (http:, https:), after spaces or "<"; an entity or escape may spell its first character.
_ARTICLE_TARGETS = ("](/", "](h", "](<", "]( ", "](\t", "](\n", "](\r", "](&", "](\\", "<")


class NextPostLinkMatcher(Matcher):
    name = "next-post-link"
    params = MappingProxyType(
        {
            "keywords": list,
            "earlier_words": list,
            "later_words": list,
            "max_label_words": int,
            "max_following_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.words = tuple(
            str(w).lower()
            for w in (*params.get("earlier_words", ()), *params.get("later_words", ()))
        )
        self.max_label_words = int(params.get("max_label_words", 4))
        self.max_following_words = int(params.get("max_following_words", 40))
        self._word_ends = ends_pattern((), self.words)

    def trigger(self) -> Trigger:
        """In the page's tail (after the last paragraph of more than ``max_following_words``
        words, which the raw text can prove: ``fastpath.tail``): a keyword, and a paragraph
        (one chunk) with a word of direction written out and a link that may lead to an
        article page (``_ARTICLE_TARGETS``; any link, where a reference definition may name
        its target). The word stands alone, as ``_word_ends`` reads it (the underscore of
        emphasis counted as a boundary), or anywhere beside an ``&`` (an entity may spell
        part of it). Each is needed by ``find``."""
        linked_paragraph = AnyOf(
            (
                literals("]:"),
                Together((Spelt(words=self.words), Spelt(marks=_ARTICLE_TARGETS))),
                all_of(literals("&"), Together((Spelt(self.words), Spelt(("&",))))),
            )
        )
        in_paragraph = AnyOf(
            (
                Together((Spelt(words=self.words),)),
                all_of(literals("&"), Together((Spelt(self.words), Spelt(("&",))))),
            )
        )
        return InTail(
            self.max_following_words,
            all_of(self.keyword_trigger(), in_paragraph, linked_paragraph),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        tail_from = self._tail_start(doc, blocks)
        for node in blocks[max(1, tail_from) :]:
            if node.kind == "paragraph" and self._next_link(doc, node):
                start, end = doc.node_span(node)
                sure = all_posts(links_in(doc, [node]))  # a post's address: certain
                yield Finding(
                    start, end, edits=(remove_blocks(doc, node),), applicability=safe_if(sure)
                )

    def _tail_start(self, doc: Document, blocks: list[Node]) -> int:
        """The index after the page's last paragraph longer than ``max_following_words``."""
        for index in range(len(blocks) - 1, -1, -1):
            node = blocks[index]
            if node.kind == "paragraph" and self._long(doc, node):
                return index + 1
        return 0

    def _long(self, doc: Document, node: Node) -> bool:
        skel = skeleton(doc, node)
        return skel is not None and word_count(skel.visible) > self.max_following_words

    def _next_link(self, doc: Document, node: Node) -> bool:
        """Whether the paragraph is one labelled link to another post of the site."""
        if self._word_ends is None or not holds_any(
            doc.text[slice(*doc.node_span(node))].lower(), self.words
        ):
            return False  # the trigger reads the raw text: the word must be written out
        read = one_link(doc, node)
        if read is None:
            return False
        before, link, after = read
        seen = " ".join(f"{before} {link.text} {after}".lower().split())
        return (
            not SEPARATORS.sub("", after)
            and self._label(before)
            and self._word_ends.search(seen) is not None
            and article_page(link.href) is not None
        )

    def _label(self, before: str) -> bool:
        """Whether the words before the link are none, or a short label ending in a separator."""
        if not SEPARATORS.sub("", before):
            return True
        return (
            word_count(before) <= self.max_label_words
            and _LABEL_END.search(before.rstrip(" ")) is not None
        )
