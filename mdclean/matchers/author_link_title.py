"""``author-link-title``: a byline block told by its author link's title, WordPress's template.

WordPress prints the author's link with a title attribute from its own translation files:
core's ``the_author_posts_link()`` gives ``title="Posts by %s"`` ("Beiträge von %s",
"Articles par %s", "Articoli scritti da %s", "由 %s 发布", "%s の投稿"), and the default
themes and Jetpack "View all posts by %s". A converter keeps the title in the Markdown link:
``[Jane Doe](https://example.com/author/jane/ "Posts by Jane Doe")``. The title is the
template filled with the link's own text: two signs of the theme's byline, whatever the
address (``/author/jane/``, ``?author=1``). The byline block around it ("By … on DATE",
"Post author: … / Post published: … / Post category: …", the date, the category and the
comments count glued to it) goes when it is short (``max_words`` words outside links) and
stands in the page's head (before the article's first paragraph of prose) or in its tail
(after its last one). Safe when it has at most ``safe_words`` words outside links.
A sentence of the article that links the author's archive stays (it is prose, or it stands
between paragraphs of prose), and so does a link whose title is another text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .linkblocks import IMAGE, LINK, LIST_KINDS, Skeleton, skeleton, word_count
from .phrase_lists import phrase_pattern, phrases_of

_PROSE_WORDS = 25  # words outside links of a paragraph of the article (page_head.PROSE_WORDS)
_BLOCKS = ("paragraph", *LIST_KINDS)
# What Pandoc writes around a theme's byline and is no word of it: its fenced divs' markers
# ("::: {.entry-meta}") and the attributes after a span or a link ("{.author .vcard}").
_PANDOC_MARKUP = re.compile(r"\{[#.][^{}\n]*\}|:{3,}[^\n]*")


class AuthorLinkTitleMatcher(Matcher):
    name = "author-link-title"
    params = MappingProxyType(
        {"phrases": list, "labels": list, "max_words": int, "safe_words": int}
    )
    required = frozenset({"phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        titles = phrase_pattern(params) or "(?!)"
        # A link with a title that is one of the templates, in the lower-cased source: its
        # text (over lines at most once), its address, its title.
        self._link = re.compile(
            r"\[([^\[\]\n]+(?:\n[^\[\]\n]+)?)\]\(\s*<?[^)\s>]+>?\s+\"((?:" + titles + r"))\"\s*\)"
        )
        # Each template with its name's place as a group: the title must be the template
        # filled with the link's text, not a title that merely holds it.
        self._templates = [
            re.compile(re.sub(r"\.\{1,\d+\}", "(.+?)", phrase, count=1))
            for phrase in phrases_of(params)
        ]
        self.max_words = int(params.get("max_words", 20))
        self.safe_words = int(params.get("safe_words", 12))

    def trigger(self) -> Trigger:
        """A link whose title is a template (``find`` asks each block the same regex)."""
        return Search(self._link, folded=False)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in _head_and_tail(doc):
            if not self._titled(doc, node):
                continue
            words = _outside_words(doc, node)
            if words is None or words > self.max_words:
                continue
            start, end = doc.node_span(node)
            edit = remove_blocks(doc, node, node)
            yield Finding(
                start, end, edits=(edit,), applicability=safe_if(words <= self.safe_words)
            )

    def _titled(self, doc: Document, node: Node) -> bool:
        """Whether the block holds a link whose title is a template filled with its text."""
        source = doc.node_source(node).lower()
        for link in self._link.finditer(source):
            text = " ".join(link.group(1).split())
            if len(text) > 1 and self._filled_with(" ".join(link.group(2).split()), text):
                return True
        return False

    def _filled_with(self, title: str, text: str) -> bool:
        """Whether the title is one of the templates with the link's text in the name's place."""
        for template in self._templates:
            filled = template.fullmatch(title)
            if filled and filled.lastindex and filled.group(1).strip() == text:
                return True
        return False


def _head_and_tail(doc: Document) -> list[Node]:
    """The paragraphs and lists before the page's first paragraph of prose and after its last."""
    blocks = [node for node in doc.root.children if node.kind in _BLOCKS]
    prose = [i for i, node in enumerate(blocks) if _prose(doc, node)]
    if not prose:
        return blocks
    return blocks[: prose[0]] + blocks[prose[-1] + 1 :]


def _outside_words(doc: Document, node: Node) -> int | None:
    """The words outside links of a paragraph, or of every item of a list."""
    if node.kind == "paragraph":
        skel = skeleton(doc, node)
        return None if skel is None else _own_words(skel)
    total = 0
    for leaf in node.walk():
        if leaf.kind == "paragraph":
            skel = skeleton(doc, leaf)
            if skel is None:
                return None
            total += _own_words(skel)
        elif leaf.kind not in ("list_item", *LIST_KINDS):
            return None  # a list with a code block or a table is no byline
    return total


def _own_words(skel: Skeleton) -> int:
    """The words outside the block's links and Pandoc's markup."""
    text = skel.text.replace(LINK, " ").replace(IMAGE, " ")
    return word_count(_PANDOC_MARKUP.sub(" ", text))


def _prose(doc: Document, node: Node) -> bool:
    """A paragraph of the article: at least ``_PROSE_WORDS`` words outside links."""
    if node.kind != "paragraph":
        return False
    skel = skeleton(doc, node)
    return skel is not None and skel.outside_words() >= _PROSE_WORDS
