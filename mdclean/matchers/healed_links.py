"""Links a converter wrapped, healed for reading (never for writing).

html2text wraps its output at 78 columns and breaks a long link target after a hyphen:
``[Docs](https://example.com/long-\\npath/)``; it also writes a target's spaces as they are
(a share button's ``&text=The post's title``) and wraps there too. A link target holds no line
break or space, so markdown-it reads no link there, and a menu or share row of such links
reads as words. ``healed_skeleton`` reads a block as the converter meant it: the line break
after a hyphen inside a link's target taken out, and the spaces of a target that starts with a
scheme percent-encoded. It only reads: the bytes a fix writes are the page's own.
"""

from __future__ import annotations

import re

from .. import parsing
from ..document import Document, Node
from .linkblocks import Skeleton, skeleton, tokens_skeleton

WRAPPED_TARGET = re.compile(r"(\]\(<?[^\s()<>\[\]]+-)\n[ \t]*(?=[^\s()<>\[\]])")
"""A link's target broken after a hyphen at a line's end, and the next line's indent: what the
healing joins ("](https://example.com/long-" + "path/)")."""


SPACED_TARGET = re.compile(r"\]\(<?(?:https?:|mailto:)[^\s()<>]*[ \t\n][^()<>]{0,1500}?\)")
"""A link's target that starts with a scheme and holds spaces or line breaks before its closing
parenthesis (no parenthesis or angle bracket inside): what the healing percent-encodes."""

BROKEN_TARGET = re.compile(r"\]\(<?[^\s()<>\[\]]+-$")
"""A link's target broken after a hyphen at the end of a block's text: a heading ends at its line,
so "### Leave a Reply [Cancel reply](/2020/05/long-" keeps the link's opening and the next block
is the target's rest (``TARGET_REST``: "post-title/#respond)")."""

TARGET_REST = re.compile(r"[^\s()<>\[\]]+\)")
"""A block that is nothing but the rest of a link target the block before it broke off."""

_TITLE = re.compile(r"\s[\"']")
_SPACES = re.compile(r"[ \t]*\n[ \t]*|[ \t]+")


def _encoded(match: re.Match[str]) -> str:
    target = match.group()
    if "](" in target[2:] or "\n\n" in target or _TITLE.search(target):
        # another link opens inside, a paragraph ends, or a space opens the link's title
        return target
    return _SPACES.sub("%20", target)


def heal(content: str) -> str:
    """Inline content with its wrapped link targets joined (``WRAPPED_TARGET``) and the spaces
    of its targets encoded (``SPACED_TARGET``)."""
    joined = WRAPPED_TARGET.sub(r"\1", content)
    return SPACED_TARGET.sub(_encoded, joined) if "](" in joined else joined


def heal_mapped(content: str) -> tuple[str, tuple[int, ...]]:
    """``heal`` with where each character of the healed text comes from in ``content`` (an
    encoded space's three characters all come from the white space they stand for), and
    ``len(content)`` last: a healed span maps back to the exact bytes it reads."""
    joined: list[str] = []
    origins: list[int] = []
    position = 0
    for found in WRAPPED_TARGET.finditer(content):
        _keep(content, position, found.end(1), joined, origins)
        position = found.end()  # (the line break and the next line's indent go)
    _keep(content, position, len(content), joined, origins)
    text = "".join(joined)
    if "](" not in text:
        return text, (*origins, len(content))
    healed: list[str] = []
    healed_origins: list[int] = []
    position = 0
    for found in SPACED_TARGET.finditer(text):
        if _encoded(found) == found.group():
            continue
        _keep_mapped(text, origins, position, found.start(), healed, healed_origins)
        position = found.start()
        for space in _SPACES.finditer(text, found.start(), found.end()):
            _keep_mapped(text, origins, position, space.start(), healed, healed_origins)
            healed.append("%20")
            healed_origins.extend([origins[space.start()]] * 3)
            position = space.end()
    _keep_mapped(text, origins, position, len(text), healed, healed_origins)
    return "".join(healed), (*healed_origins, len(content))


def _keep(content: str, start: int, end: int, parts: list[str], origins: list[int]) -> None:
    parts.append(content[start:end])
    origins.extend(range(start, end))


def _keep_mapped(
    text: str, origins: list[int], start: int, end: int, parts: list[str], kept: list[int]
) -> None:
    parts.append(text[start:end])
    kept.extend(origins[start:end])


def may_need_healing(content: str) -> bool:
    """Cheap test: the content may hold a wrapped or spaced link target."""
    return "](" in content and ("-\n" in content or SPACED_TARGET.search(content) is not None)


def healed_skeleton(doc: Document, node: Node) -> Skeleton | None:
    """A paragraph's or heading's skeleton read with its wrapped link targets joined (the
    block's own skeleton when none is wrapped, or for another block)."""
    token = node.token
    if token is None or token.type != "inline" or not may_need_healing(token.content):
        return skeleton(doc, node)
    healed = heal(token.content)
    if healed == token.content:
        return skeleton(doc, node)
    cache = doc.shared("healed_skeleton")
    if node not in cache:
        cache[node] = tokens_skeleton(parsing.parse_inline(healed, dict(doc.env)))
    found: Skeleton = cache[node]
    return found
