"""``code-copy``: a code block's second rendering that a syntax highlighter left beside it.

A page whose code went through a highlighter plugin (SyntaxHighlighter, Crayon, Prism's
plain-text toggle) holds each snippet twice or three times: the highlighted table, a plain
copy for the "view source" button, a flattened one-line copy. A converter keeps them all,
so the Markdown shows the code as a paragraph (its lines run together, its symbols read as
Markdown) or as an indented block, right next to the fenced block that holds it properly.

A paragraph or indented code block right before or after a fenced block of three lines or
more counts as its copy when both hold the same letters and digits in the same order (case,
spacing, punctuation, escapes and entities aside), at least ``min_chars`` of them, and one of
the copies on that side is flattened: a paragraph on fewer lines than the code. That is exact
evidence: prose that explains the code never repeats all of it character for character, and a
docs page that shows the same lines as text and as code (a Markdown syntax demo, a linter's
test page) keeps their line breaks. The fix is safe. The fenced block stays; the copies next
to it go.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text

_NOT_ALNUM = re.compile(r"[\W_]+")
_COPY_KINDS = frozenset({"paragraph", "code_block"})
_MIN_CHARS = 24
_NEIGHBOURS = 2  # a plain copy and a flattened one on the same side
_MIN_LINES = 3


def fingerprint(text: str) -> str:
    """The letters and digits of a text, in order and case-folded, entities read as their
    characters: what a copy keeps whatever its renderer did to spacing and symbols."""
    return _NOT_ALNUM.sub("", html.unescape(text)).casefold()


class CodeCopyMatcher(Matcher):
    name = "code-copy"
    params = MappingProxyType({"min_chars": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_chars = int(params.get("min_chars", _MIN_CHARS))

    def trigger(self) -> Trigger:
        """A fenced block: the copy stands beside one."""
        return literals("```", "~~~")

    def find(self, doc: Document) -> Iterator[Finding]:
        taken: set[int] = set()
        for fence in doc.root.children:
            if fence.kind != "fence" or fence.token is None:
                continue
            code = fingerprint(fence.token.content)
            if len(code) < self.min_chars:
                continue
            lines = _code_lines(fence.token.content)
            if lines < _MIN_LINES:
                continue
            for copies in (
                self._copies(doc, fence, -1, code)[::-1],
                self._copies(doc, fence, 1, code),
            ):
                # Neighbouring copies go as one run: their seams would overlap.
                if not copies or any(id(copy) in taken for copy in copies):
                    continue
                if not any(_flattened(copy, lines) for copy in copies):
                    continue  # the same lines shown as text and as code: a syntax demo
                taken.update(id(copy) for copy in copies)
                start, end = doc.node_span(copies[0])[0], doc.node_span(copies[-1])[1]
                yield Finding(start, end, edits=(remove_blocks(doc, copies[0], copies[-1]),))

    def _copies(self, doc: Document, fence: Node, step: int, code: str) -> list[Node]:
        """The blocks next to ``fence`` on one side (``step`` -1 before, 1 after) that hold
        its code again, nearest first, up to the first block that does not."""
        copies: list[Node] = []
        siblings = fence.parent.children if fence.parent is not None else []
        i = fence.index + step
        while 0 <= i < len(siblings) and len(copies) < _NEIGHBOURS:
            block = siblings[i]
            if block.kind not in _COPY_KINDS or fingerprint(raw_text(doc, block)) != code:
                break
            copies.append(block)
            i += step
        return copies


def _code_lines(code: str) -> int:
    return sum(1 for line in code.splitlines() if line.strip())


def _flattened(node: Node, code_lines: int) -> bool:
    """A paragraph on fewer lines than the code it repeats: the highlighter's one-line copy.
    (A docs page that shows the same lines as text and as code keeps their line breaks.)"""
    return node.kind == "paragraph" and node.end_line - node.start_line < code_lines
