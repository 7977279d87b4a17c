"""Where a whole-page dump's article title stands: the zone under it where its byline is.

A crawl, an html2text or a "save page" dump keeps the site's header above the article: menus,
banners, a search box, scripts. The page's first blocks (BP101's and BP200's head) are then
the site's, and the post's byline stands under its title further down ("# Title", "07 May
2024", "4 min read"). The title is the page's first heading of level one that stands past the
body's first ``LATE_TITLE_CHARS`` characters (a page that opens with its title has its byline
in the head already); its zone is the ``ZONE_BLOCKS`` blocks under it, up to ``ZONE_CHARS``
characters past its end. A meta line read there must hold a date, the proof the trigger
(``LATE_DATED_TITLE``) asks of the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Node
from ..fastpath.body import body_of
from .linkblocks import heading_level

LATE_TITLE_CHARS = 600
ZONE_CHARS = 1200
ZONE_BLOCKS = 8
# The raw text's slack over ``ZONE_CHARS``: a heading's line break, and letters that lower-casing
# lengthens ("İ").
_SLACK = 200


def late_dated_title(date: str) -> re.Pattern[str]:
    """The trigger's reading of a late title: a heading of level one (an ATX line, a setext
    underline) past the body's first ``LATE_TITLE_CHARS`` characters, and ``date`` (a date's
    shape) in the ``ZONE_CHARS`` characters after it."""
    heading = r"(?:\n {0,3}#(?:[ \t][^\n]*)?|\n {0,3}=+[ \t]*)\n"
    return re.compile(
        rf"\A[\s\S]{{{LATE_TITLE_CHARS},}}?{heading}[\s\S]{{0,{ZONE_CHARS + _SLACK}}}?(?:{date})"
    )


@dataclass(frozen=True, slots=True)
class TitleZone:
    """The blocks under a late title: from index ``first`` to ``stop`` (excluded), ending by
    offset ``bound``."""

    first: int
    stop: int
    bound: int

    def holds(self, doc: Document, first: Node, last: Node) -> bool:
        """Whether the blocks from ``first`` to ``last`` lie in the zone."""
        return first.index >= self.first and doc.node_span(last)[1] <= self.bound


def title_zone(doc: Document, blocks: list[Node]) -> TitleZone | None:
    """The zone under the page's first heading of level one past the body's first
    ``LATE_TITLE_CHARS`` characters; None when there is none."""
    body = body_of(doc)
    body_start = len(body.whole) - len(body.text)
    for index, node in enumerate(blocks):
        if node.kind != "heading" or heading_level(doc, node) != 1:
            continue
        start, end = doc.node_span(node)
        if start - body_start >= LATE_TITLE_CHARS:
            return TitleZone(index + 1, index + 1 + ZONE_BLOCKS, end + ZONE_CHARS)
    return None
