"""Links a converter wrapped, healed for reading (never for writing).

html2text wraps its output at 78 columns and breaks a long link target after a hyphen:
``[Docs](https://example.com/long-\\npath/)``. A link target holds no line break, so markdown-it
reads no link there, and a menu of such links reads as words. ``healed_skeleton`` reads a block
as the converter meant it: the line break after a hyphen inside a link's target taken out. It
only reads: the bytes a fix writes are the page's own.
"""

from __future__ import annotations

import re

from .. import parsing
from ..document import Document, Node
from .linkblocks import Skeleton, skeleton, tokens_skeleton

WRAPPED_TARGET = re.compile(r"(\]\(<?[^\s()<>\[\]]+-)\n[ \t]*(?=[^\s()<>\[\]])")
"""A link's target broken after a hyphen at a line's end, and the next line's indent: what the
healing joins ("](https://example.com/long-" + "path/)")."""


def heal(content: str) -> str:
    """Inline content with its wrapped link targets joined (``WRAPPED_TARGET``)."""
    return WRAPPED_TARGET.sub(r"\1", content)


def healed_skeleton(doc: Document, node: Node) -> Skeleton | None:
    """A paragraph's or heading's skeleton read with its wrapped link targets joined (the
    block's own skeleton when none is wrapped, or for another block)."""
    token = node.token
    if token is None or token.type != "inline" or "-\n" not in token.content:
        return skeleton(doc, node)
    healed = heal(token.content)
    if healed == token.content:
        return skeleton(doc, node)
    cache = doc.shared("healed_skeleton")
    if node not in cache:
        cache[node] = tokens_skeleton(parsing.parse_inline(healed, dict(doc.env)))
    found: Skeleton = cache[node]
    return found
