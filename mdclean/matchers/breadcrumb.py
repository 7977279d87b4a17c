"""``breadcrumb-trail``: a site's breadcrumb ("Home › Blog › Post") kept above a crawled article.

Themes print where a page sits in the site as a row of links joined by arrows: "[Home](/) »
[Blog](/blog/) » Post title", "[首页](https://x.cn/) > [技术](https://x.cn/tech/) > 正文". A
crawler keeps it at the head of the article. A block is a breadcrumb when:

- its first item is the site's home: a link to a site's root (``/``, ``https://host/``,
  ``index.html``) or a home label (``labels``: "Home", "Startseite", "首页", "ホーム");
- it is a paragraph, or a heading (a theme that prints its trail in a title's tag);
- its items are joined by an arrow or a slash (``>``, ``»``, ``›``, ``→``, ``/``): not by
  ``|`` or ``·``, a menu's marks;
- every item but the last is a link of a few words, and there are two links or more; the last
  item (the page's own title) may be plain text;
- it stands before the page's first paragraph of prose (``page_head.prose``).

The fix is unsafe: the row is found by its shape. A sentence that names a menu path ("Open
Settings > Privacy") stays: its items are not links to a home page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AllOf, AnyOf, Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import IMAGE, LINK, LIST_KINDS, Link, Skeleton, skeleton, word_count
from .page_head import prose
from .required_phrases import required_alternation

_ARROW = r"(?:\\?>|»|›|→|/|＞|〉|&gt;|&raquo;|&rsaquo;)"
# What every trail's opening holds: its home link's closing parenthesis, then the arrow (a
# literal-led search, cheap, asked before the opening's pattern).
_LINK_THEN_ARROW = re.compile(rf"\)[*_]{{0,2}}[ \t]*{_ARROW}")
_ITEM_SPLIT = re.compile(r"\s*(?:>|»|›|→|＞|〉)\s*|\s+/\s+")
# A link to a site's home: its root, with or without the host, or its index page.
_HOME_TARGET = re.compile(r"(?:https?://[^/\s]+)?/?(?:index\.html?)?(?:#[^\s]*)?", re.I)
_MAX_ITEM_WORDS = 8
_MAX_ITEMS = 8


# A link to a site's root (its text any short label, or none: a converter's remnant of the
# home icon, "[](/ "accueil")"): "[My Blog](/)", "[Home](https://site/)".
_ROOT_LINK = (
    r"\[[^\]\n]{0,80}\]\((?:https?://[^/\s)]+)?/?(?:index\.html?)?(?:[ \t]+\"[^\"\n]*\")?\)"
)


class BreadcrumbMatcher(Matcher):
    name = "breadcrumb-trail"
    params = MappingProxyType({"keywords": list, "phrases": list})
    required = frozenset({"phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._labels = required_alternation(params)

    @cached_property
    def opening(self) -> re.Pattern[str]:
        """A line that opens with the home item and an arrow after it: a home label (a link's
        text or plain), or a link to a site's root."""
        marker = r"^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+|#{1,6}[ \t]+)?(?:[*_]{1,2})?"
        label = rf"\[?[ \t]*(?:{self._labels})[ \t]*(?:\]\([^)\n]*\))?"
        return re.compile(
            rf"{marker}(?:{label}|{_ROOT_LINK})(?:[*_]{{1,2}})?[ \t]*{_ARROW}",
            re.IGNORECASE | re.MULTILINE,
        )

    @cached_property
    def list_opening(self) -> re.Pattern[str]:
        """A list item that is one link to the home (by its label or a site's root): the first
        line of a trail printed as a list (``1. [Home](/)``), as crawlers keep schema.org's
        breadcrumb lists."""
        label = rf"\[[ \t]*(?:{self._labels})[ \t]*\]\([^)\n]*\)"
        return re.compile(
            rf"^[ \t]*(?:[-*+]|\d{{1,2}}[.)])[ \t]+(?:{label}|{_ROOT_LINK})[ \t]*\r?$",
            re.IGNORECASE | re.MULTILINE,
        )

    def trigger(self) -> Trigger:
        """The keywords, then a link's end followed by an arrow and a line that opens with a
        home item and an arrow, or a list item that is one home link: ``find`` asks the same
        patterns of a block's first line, and wants the home item to be a link (its ``)``
        stands before the arrow)."""
        row = AllOf((Search(_LINK_THEN_ARROW), Search(self.opening)))
        return all_of(self.keyword_trigger(), AnyOf((row, Search(self.list_opening))))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if prose(doc, node):
                return  # the article has begun
            if self._breadcrumb(doc, node) or self._list_trail(doc, node):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _list_trail(self, doc: Document, node: Node) -> bool:
        """A list whose items are one short link each, the first to the home (``list_opening``
        reads its first line), and whose last item is the page's title as plain text."""
        if node.kind not in LIST_KINDS or not 3 <= len(node.children) <= _MAX_ITEMS:
            return False
        start, end = doc.node_span(node)
        if self.list_opening.match(doc.text, start, end) is None:
            return False
        items = [_only_paragraph(item) for item in node.children]
        skeletons = [skeleton(doc, p) if p is not None else None for p in items]
        *links, title = skeletons
        return _is_title_item(title) and all(_is_link_item(skel) for skel in links)

    def _breadcrumb(self, doc: Document, node: Node) -> bool:
        if node.kind not in ("paragraph", "heading"):
            return False
        start, end = doc.node_span(node)
        if self.opening.match(doc.text, start, end) is None:
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.images:
            return False
        linked = _trail_links(skel.text, skel.links)
        if linked is None or len(linked) < 2:
            return False
        first = linked[0]
        return bool(
            _HOME_TARGET.fullmatch(first.href.strip())
            or re.fullmatch(rf"\s*(?:{self._labels})\s*", first.text, re.IGNORECASE)
        )


def _is_title_item(skel: Skeleton | None) -> bool:
    """A trail's last item: the page's title as plain text, no longer than a title."""
    return (
        skel is not None
        and not skel.links
        and not skel.images
        and skel.words() <= 2 * _MAX_ITEM_WORDS
    )


def _is_link_item(skel: Skeleton | None) -> bool:
    """A trail's item before the last: one short link and nothing else."""
    return (
        skel is not None
        and skel.link_only
        and len(skel.links) == 1
        and not skel.images
        and word_count(skel.links[0].text) <= _MAX_ITEM_WORDS
    )


def _only_paragraph(item: Node) -> Node | None:
    """A list item's one paragraph; None for an item that holds anything else."""
    if len(item.children) != 1 or item.children[0].kind != "paragraph":
        return None
    return item.children[0]


def _trail_links(text: str, links: list[Link]) -> list[Link] | None:
    """The links of a trail's items, in order, when every item but the last is one short link
    and the last is a link or a short text (the page's title); None for any other row."""
    items = _ITEM_SPLIT.split(text.strip())
    if not 2 <= len(items) <= _MAX_ITEMS:
        return None
    remaining = iter(links)
    linked: list[Link] = []
    for position, item in enumerate(items):
        last = position == len(items) - 1
        if item == LINK:
            link = next(remaining)
            if word_count(link.text) > (2 * _MAX_ITEM_WORDS if last else _MAX_ITEM_WORDS):
                return None  # the last item, the page's title, may be as long as a title
            linked.append(link)
        elif not last or LINK in item or IMAGE in item:
            return None  # only the last item (the page's title) may be plain text
        elif word_count(item) > 2 * _MAX_ITEM_WORDS:
            return None
    return linked
