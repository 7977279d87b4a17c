"""A footer's closing line: the copyright line under a site's menu or related links.

Rules that remove the block a page ends with (its "more articles" links, its site
menu) see through it and take it along: one short line, no link, with one of the
rule's ``closing_marks`` ("©", "版权所有").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..document import Document, Node
from .linkblocks import skeleton, word_count


def closing_line(doc: Document, node: Node, marks: re.Pattern[str] | None, max_words: int) -> bool:
    """Whether a block is a footer's closing line: one short line, no link, with a copyright
    mark ("© 2024 Example", "版权所有")."""
    if (
        marks is None
        or node.kind != "paragraph"
        or doc.content_end_line(node) - node.start_line > 1
    ):
        return False
    skel = skeleton(doc, node)
    if skel is None or skel.links or skel.images or word_count(skel.visible) > max_words:
        return False
    return marks.search(skel.visible) is not None


def closing_marks(params: Mapping[str, Any]) -> re.Pattern[str] | None:
    """The ``closing_marks`` of a rule's params as one pattern (literal marks, any case)."""
    marks = params.get("closing_marks") or []
    return re.compile("|".join(re.escape(str(m)) for m in marks), re.I) if marks else None


def may_close(lowered_line: str, marks: re.Pattern[str] | None) -> bool:
    """Whether a raw line (lower-cased) may be a closing line: it holds a mark, or an entity
    that may spell one (``&copy;``)."""
    return marks is not None and ("&" in lowered_line or marks.search(lowered_line) is not None)
