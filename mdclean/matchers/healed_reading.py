"""One healed reading of a document's converter wraps, shared by the matchers that read links,
headings and lines.

html2text wraps its output at 78 columns: inside link targets after a hyphen (``healed_links``),
and inside a heading, whose second line becomes a paragraph of its own: ``#### Sobre [Carlos``
then ``Nadalim](/author/carlos-nadalim/)``, or ``### Deixe uma resposta [Cancelar
resposta](/blog/long-`` then ``post/#respond)``. markdown-it reads a heading as one line, so
the heading holds half a link and the paragraph its rest, and a rule that reads the heading
sees neither the link nor its words.

``healed_block(doc, node)`` reads a paragraph or heading as the converter meant it: its wrapped
and spaced link targets healed, and a heading that ends inside a link joined with the
paragraph right under it that closes the link (its ``continuation``). The reading is computed
once per block and kept with the document (``Document.shared``): every rule that asks shares
it. It only reads: a rule that takes a healed heading removes its blocks from ``first`` to
``last`` (the continuation too), and ``to_source`` maps an offset of the healed text back to
the exact byte of the page it stands for.
"""

from __future__ import annotations

import re
from functools import cached_property

from .. import parsing
from ..document import Document, Node
from .healed_links import heal_mapped, healed_skeleton, may_need_healing
from .linkblocks import Skeleton, skeleton, tokens_skeleton

# A heading whose text ends inside a link: a link text that opens and does not close, or a
# target that opens and does not close, at the heading's end.
_OPEN_LINK = re.compile(r"\[[^\[\]]*$|\]\(<?[^\s()<>]*$")
_MAX_CONTINUATION_CHARS = 400


class HealedBlock:
    """A paragraph or heading read healed: ``text`` (its inline content healed, a heading's
    continuation joined after a line break), ``skeleton`` (that text's inline parse), the
    blocks it spans (``first`` to ``last``) and ``to_source``."""

    def __init__(self, doc: Document, first: Node, last: Node) -> None:
        self._doc = doc
        self.first = first
        self.last = last

    @property
    def joined(self) -> bool:
        """Whether a heading's continuation is part of the reading."""
        return self.last is not self.first

    @cached_property
    def _source_content(self) -> str:
        parts = [_content(self.first)]
        if self.joined:
            parts.append(_content(self.last))
        return "\n".join(parts)

    @cached_property
    def _mapped(self) -> tuple[str, tuple[int, ...]]:
        return heal_mapped(self._source_content)

    @property
    def text(self) -> str:
        content = self._source_content
        return self._mapped[0] if may_need_healing(content) else content

    @property
    def healed(self) -> bool:
        """Whether the reading differs from the block's own (a wrap healed or a heading joined)."""
        return self.joined or self.text != self._source_content

    @cached_property
    def skeleton(self) -> Skeleton | None:
        if not self.healed:
            return skeleton(self._doc, self.first)
        return tokens_skeleton(parsing.parse_inline(self.text, dict(self._doc.env)))

    def span(self) -> tuple[int, int]:
        """The source span of the blocks the reading covers."""
        return self._doc.node_span(self.first)[0], self._doc.node_span(self.last)[1]

    def to_source(self, offset: int) -> int:
        """The document offset of the healed text's character at ``offset`` (its end maps to
        the end of the last block's content)."""
        origins = self._mapped[1] if may_need_healing(self._source_content) else None
        at = origins[offset] if origins is not None else offset
        head = len(_content(self.first))
        if at <= head or not self.joined:
            content = self._doc.content(self.first)
            assert content is not None
            return content.to_source(min(at, head))
        content = self._doc.content(self.last)
        assert content is not None
        return content.to_source(at - head - 1)


# html2text wraps its lines at 78 columns (``body_width``), an ATX heading's with the rest
_WRAP_WIDTH = 78
_WRAPPED_LINES = 2


def _paragraph_right_under(node: Node) -> Node | None:
    """The paragraph that starts on the line right after ``node`` (no blank line between)."""
    following = node.next_sibling
    if (
        following is None
        or following.kind != "paragraph"
        or following.start_line != node.end_line
        or following.token is None
    ):
        return None
    return following


def _wrapped_at_width(doc: Document, node: Node) -> Node | None:
    """The paragraph right under a one-line ATX heading (no blank line between) that html2text's
    wrap cut from it: the heading's line fits the width and would not with the paragraph's first
    word, and every line of the paragraph fits it too (``# ... confirma`` then ``irmã``)."""
    following = _paragraph_right_under(node)
    if (
        following is None
        or node.end_line - node.start_line != 1
        or following.end_line - following.start_line > _WRAPPED_LINES
    ):
        return None
    line = doc.line_text(node.start_line)
    rest = [doc.line_text(i) for i in range(following.start_line, following.end_line)]
    first_word = rest[0].split(" ", 1)[0]
    if not line.startswith("#") or not first_word:
        return None
    fits = all(len(part) <= _WRAP_WIDTH for part in (line, *rest))
    return following if fits and len(line) + 1 + len(first_word) > _WRAP_WIDTH else None


def _content(node: Node) -> str:
    assert node.token is not None
    return node.token.content


def continuation(doc: Document, node: Node) -> Node | None:
    """The paragraph that finishes a heading a converter wrapped: right under it (no blank line
    between), when the heading's text ends inside a link and the two read together close it,
    or when the heading's line is as long as html2text's wrap lets it be (``_wrapped_at_width``)."""
    if node.kind != "heading" or node.token is None or node.token.type != "inline":
        return None
    if _OPEN_LINK.search(node.token.content) is None:
        return _wrapped_at_width(doc, node)
    following = _paragraph_right_under(node)
    if (
        following is None
        or following.token is None
        or len(following.token.content) > _MAX_CONTINUATION_CHARS
        or ")" not in following.token.content
    ):
        return None
    joined = HealedBlock(doc, node, following).skeleton
    own = [skeleton(doc, node), skeleton(doc, following)]
    links = sum(len(skel.links) for skel in own if skel is not None)
    return following if joined is not None and len(joined.links) > links else None


def healed_block(doc: Document, node: Node) -> HealedBlock | None:
    """The healed reading of a paragraph or heading (None for other blocks), read once per
    document whatever the number of rules that ask."""
    if node.token is None or node.token.type != "inline":
        return None
    cache = doc.shared("healed_reading")
    if node not in cache:
        last = continuation(doc, node) or node
        cache[node] = HealedBlock(doc, node, last)
    found: HealedBlock = cache[node]
    return found


def healed_heading_skeleton(doc: Document, node: Node) -> Skeleton | None:
    """A block's skeleton as ``healed_block`` reads it (a heading with its continuation)."""
    block = healed_block(doc, node)
    return block.skeleton if block is not None else skeleton(doc, node)


def healed_last(doc: Document, node: Node) -> Node:
    """The last block of the healed reading that ``node`` opens (its continuation, or itself)."""
    block = healed_block(doc, node)
    return block.last if block is not None else node


def is_continuation(doc: Document, node: Node) -> bool:
    """Whether the paragraph is the rest of the heading above it (a converter's wrap)."""
    before = node.previous_sibling
    return before is not None and node.kind == "paragraph" and healed_last(doc, before) is node


_READ_WITH_HEADING = Skeleton(text="")


def healed_reading(doc: Document, node: Node) -> Skeleton | None:
    """A block as a reader of whole blocks sees it healed: a heading with its wrapped rest, the
    rest itself as nothing (it was read with its heading), any other paragraph or heading with
    its wrapped and spaced link targets healed (``healed_links.healed_skeleton``)."""
    if node.kind == "heading":
        block = healed_block(doc, node)
        if block is not None and block.joined:
            return block.skeleton
    elif node.kind == "paragraph" and is_continuation(doc, node):
        return _READ_WITH_HEADING
    return healed_skeleton(doc, node)
