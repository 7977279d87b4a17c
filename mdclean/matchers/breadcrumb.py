"""``breadcrumb-trail``: a site's breadcrumb ("Home › Blog › Post") kept above a crawled article.

Themes print where a page sits in the site as a row of links joined by arrows: "[Home](/) »
[Blog](/blog/) » Post title", "[首页](https://x.cn/) > [技术](https://x.cn/tech/) > 正文". A
crawler keeps it at the head of the article. A block is a breadcrumb when:

- its first item is the site's home: a link to a site's root (``/``, ``https://host/``,
  ``index.html``) or a home label (``labels``: "Home", "Startseite", "首页", "ホーム");
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
from ..fastpath.triggers import Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import IMAGE, LINK, Link, skeleton, word_count
from .page_head import prose
from .required_phrases import required_alternation

_ARROW = r"(?:\\?>|»|›|→|/|＞|〉|&gt;|&raquo;|&rsaquo;)"
_ITEM_SPLIT = re.compile(r"\s*(?:>|»|›|→|＞|〉)\s*|\s+/\s+")
# A link to a site's home: its root, with or without the host, or its index page.
_HOME_TARGET = re.compile(r"(?:https?://[^/\s]+)?/?(?:index\.html?)?(?:#[^\s]*)?", re.I)
_MAX_ITEM_WORDS = 8
_MAX_ITEMS = 8


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
        marker = r"^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?(?:[*_]{1,2})?"
        label = rf"\[?[ \t]*(?:{self._labels})[ \t]*(?:\]\([^)\n]*\))?"
        root = (
            r"\[[^\]\n]{1,80}\]\((?:https?://[^/\s)]+)?/?(?:index\.html?)?(?:[ \t]+\"[^\"\n]*\")?\)"
        )
        return re.compile(
            rf"{marker}(?:{label}|{root})(?:[*_]{{1,2}})?[ \t]*{_ARROW}",
            re.IGNORECASE | re.MULTILINE,
        )

    def trigger(self) -> Trigger:
        """The keywords, then a line that opens with a home item and an arrow: ``find`` asks
        the same pattern of each block's lines."""
        return all_of(self.keyword_trigger(), Search(self.opening))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if prose(doc, node):
                return  # the article has begun
            if node.kind == "paragraph" and self._breadcrumb(doc, node):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _breadcrumb(self, doc: Document, node: Node) -> bool:
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


def _trail_links(text: str, links: list[Link]) -> list[Link] | None:
    """The links of a trail's items, in order, when every item but the last is one short link
    and the last is a link or a short text (the page's title); None for any other row."""
    items = _ITEM_SPLIT.split(text.strip())
    if not 2 <= len(items) <= _MAX_ITEMS:
        return None
    remaining = iter(links)
    linked: list[Link] = []
    for position, item in enumerate(items):
        if item == LINK:
            link = next(remaining)
            if word_count(link.text) > _MAX_ITEM_WORDS:
                return None
            linked.append(link)
        elif position < len(items) - 1 or LINK in item or IMAGE in item:
            return None  # only the last item (the page's title) may be plain text
        elif word_count(item) > 2 * _MAX_ITEM_WORDS:
            return None
    return linked
