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
from ..fastpath.fences import fenced_code
from ..fastpath.raw_text import per_text
from ..fastpath.triggers import Check, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text

_NOT_ALNUM = re.compile(r"[\W_]+")
_COPY_KINDS = frozenset({"paragraph", "code_block"})
_MIN_CHARS = 24
_NEIGHBOURS = 2  # a plain copy and a flattened one on the same side
_MIN_LINES = 3


# What ``html.unescape`` may read as a character reference ("&amp;", "&#39", "&not"): an "&"
# before any character its references may start with (a lone "&&" or "& " is none).
_MAY_BE_ENTITY = re.compile(r"&[^\t\n\f <&;]")


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
        """A fenced block whose code stands again in the text: the copy stands beside one."""
        return all_of(
            self.trigger_once_parsed(),
            Check(self._may_be_copied, "a fence's letters and digits stand twice in the text"),
        )

    def trigger_once_parsed(self) -> Trigger:
        """A fenced block (``find`` reads a parsed page's fences faster than the raw text)."""
        return literals("```", "~~~")

    def _may_be_copied(self, lowered: str) -> bool:
        """Whether the code of one of the text's fences (of enough lines and characters) stands
        twice in the letters and digits of the whole text: once in the fence, once in a copy
        beside it. ``find`` reads top-level fences; the raw text places all of them or says it
        cannot (``fenced_code``: None). A copy is a top-level paragraph or indented block, so
        its letters and digits are a run of the text's, and ``fingerprint`` reads a text
        character by character but where it decodes entities ("&") or where lower-casing
        split a character (the dotted capital I): there, maybe."""
        fences = fenced_code(lowered)
        if fences is None or "\u0307" in lowered or _MAY_BE_ENTITY.search(lowered):
            return True
        whole: str | None = None
        for start, end in fences:
            content = lowered[start:end]
            if _code_lines(content) < _MIN_LINES:
                continue
            code = fingerprint(content)
            if len(code) < self.min_chars:
                continue
            whole = _fingerprint_of_text(lowered) if whole is None else whole
            if whole.find(code, whole.find(code) + len(code)) >= 0:
                return True
        return False

    def find(self, doc: Document) -> Iterator[Finding]:
        taken: set[int] = set()
        for fence in doc.root.children:
            read = self._fence_code(fence)
            if read is None:
                continue
            code, lines = read
            for copies in (
                self._copies(doc, fence, -1, code)[::-1],
                self._copies(doc, fence, 1, code),
            ):
                if not _flattened_run(copies, taken, lines):
                    continue
                taken.update(id(copy) for copy in copies)
                start, end = doc.node_span(copies[0])[0], doc.node_span(copies[-1])[1]
                yield Finding(start, end, edits=(remove_blocks(doc, copies[0], copies[-1]),))

    def _fence_code(self, fence: Node) -> tuple[str, int] | None:
        """A fenced block's code fingerprint and its number of lines, when it is long enough
        for a copy of it to count; None for any other block."""
        if fence.kind != "fence" or fence.token is None:
            return None
        code = fingerprint(fence.token.content)
        if len(code) < self.min_chars:
            return None
        lines = _code_lines(fence.token.content)
        if lines < _MIN_LINES:
            return None
        return code, lines

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


@per_text  # (asked of the lower-cased text, once)
def _fingerprint_of_text(lowered: str) -> str:
    return fingerprint(lowered)


def _code_lines(code: str) -> int:
    return sum(1 for line in code.splitlines() if line.strip())


def _flattened_run(copies: list[Node], taken: set[int], code_lines: int) -> bool:
    """Whether the copies on one side of a fence go: none is taken yet (neighbouring copies
    go as one run: their seams would overlap), and one is flattened (the same lines shown as
    text and as code are a syntax demo)."""
    if not copies or any(id(copy) in taken for copy in copies):
        return False
    return any(_flattened(copy, code_lines) for copy in copies)


def _flattened(node: Node, code_lines: int) -> bool:
    """A paragraph on fewer lines than the code it repeats: the highlighter's one-line copy.
    (A docs page that shows the same lines as text and as code keeps their line breaks.)"""
    return node.kind == "paragraph" and node.end_line - node.start_line < code_lines
