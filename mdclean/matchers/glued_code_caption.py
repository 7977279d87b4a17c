"""``glued-code-caption``: a code button's caption that a converter wrote into the code itself.

A code block's buttons ("Copy", "Copy code", Habr's "Объяснить с", "复制代码") sit in the
block's frame. A converter that flattens the frame writes their caption into the code: a
first line of its own ("Copy code", a chat export's "pythonCopy code": the language label and
the caption run together), a last line of its own, or glued to the end of the last line
("}Объяснить с"). Such a caption goes and every other byte of the code stays: the whole
first or last line when it is nothing but a caption (``phrases``, or one of ``heads`` for a
first line), else a caption of ``tails`` glued after a bracket or quote at the end of the
last line (never after a letter or a digit: ``obj.copy`` is code). A block of one line is
left alone. A text clipper that lost the fences as well leaves the doubled button of some
platforms (``doubled``: "COPY", a blank line, then a paragraph that opens with "COPY"): both
captions go.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import fenced_code
from ..fastpath.triggers import ALWAYS, AnyOf, Check, Trigger, all_of, literals
from ..models import Edit, Finding
from ..removal import remove_blocks
from .base import (
    Matcher,
    ParamError,
    any_pattern,
    compile_patterns,
    required_literals,
    searchable,
)
from .phrase_lists import fold_width, phrase_pattern

_CLOSING_FENCE = re.compile(r"[ \t]*(?:`{3,}|~{3,})[ \t]*")


class GluedCodeCaptionMatcher(Matcher):
    name = "glued-code-caption"
    params = MappingProxyType(
        {
            "phrases": list,
            "labels": list,
            "heads": list,
            "glued_heads": list,
            "tails": list,
            "doubled": list,
            "keywords": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        captions = phrase_pattern(params)
        if captions is None:
            raise ParamError("params.phrases: give at least one phrase list or label")
        # A caption alone on its line, give or take the emphasis and punctuation around it.
        self.caption_line = re.compile(rf"[\W_]*(?:{captions})[\W_]*", re.IGNORECASE)
        heads = compile_patterns(params.get("heads", []), "heads")
        self.heads = any_pattern(heads)
        self._head_literals = required_literals(heads) if heads else None
        # Glued before the first line's code ("pythonCopy codeimport os"): matched as written
        # (case counts), and only when code follows on the line.
        glued_heads = compile_patterns(params.get("glued_heads", []), "glued_heads", flags=0)
        self.glued_head = (
            None
            if not glued_heads
            else re.compile("|".join(f"(?:{p.pattern})" for p in glued_heads) + r"(?=\S)")
        )
        # The captions a clipped platform doubles ("COPY" over "COPY": Hashnode's two buttons).
        self.doubled = frozenset(str(caption).lower() for caption in params.get("doubled", []))
        tail_patterns = compile_patterns(params.get("tails", []), "tails")
        self._tail_literals = _literals_of(tail_patterns)
        tails = any_pattern(tail_patterns)
        # A tail caption alone on a line of a paragraph: a clipper that lost the fences.
        self.tail_line = (
            None if tails is None else re.compile(rf"[ \t]*(?:{tails.pattern})[ \t]*", re.I)
        )
        # Glued after a closing bracket, a quote, a tag's ">" or a ";", or alone on the line;
        # never after a letter, a digit or a dot, where it would be a name in the code.
        self.tail = (
            None
            if tails is None
            else re.compile(
                rf"(?:^|(?<=[)\]}}>\"';]))[ \t]*(?:{tails.pattern})[ \t]*$", re.IGNORECASE
            )
        )

    def trigger(self) -> Trigger:
        """A fence and one of the keywords (every caption holds one), or a doubled caption: its
        line, a blank line, its line again (``_doubled_caption`` wants exactly that)."""
        # A caption on a fence's first or last line of code, where ``_in_fence`` reads them.
        by_a_fence = Check(self._caption_by_a_fence, "a caption on a fence's first or last line")
        in_fence = all_of(literals("```", "~~~"), self.keyword_trigger(), by_a_fence)
        doubled = [f"{c}{nl}{nl}{c}" for c in sorted(self.doubled) for nl in ("\n", "\r\n")]
        parts = [in_fence]
        if self.heads is not None:  # a head alone on a paragraph's first line
            parts.append(literals(*self._head_literals) if self._head_literals else ALWAYS)
        if doubled:
            parts.append(literals(*doubled))
        if self.tail_line is not None:  # a tail caption alone on a paragraph's line
            parts.append(
                literals(*self._tail_literals) if self._tail_literals else self.keyword_trigger()
            )
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def _caption_by_a_fence(self, lowered: str) -> bool:
        """Whether a fence's first or last line of code may hold a caption as ``_in_fence``
        reads it, for the fences the raw text can place (``fenced_code``; any line when it
        cannot). The case-sensitive ``glued_head`` is asked as a keyword on the line."""
        text = searchable(lowered)
        code = fenced_code(text)
        if code is None:
            return True
        for start, end in code:
            if start >= end:
                continue  # no code
            first_end = text.find("\n", start, end)
            first = text[start : end if first_end < 0 else first_end]
            last = text[max(start, text.rfind("\n", start, end - 1) + 1) : end - 1]
            if self._may_head(first) or self._may_tail(last):
                return True
        return False

    def _may_head(self, line: str) -> bool:
        return (
            self._is_caption(line)
            or (self.heads is not None and self.heads.fullmatch(line.strip()) is not None)
            or (self.glued_head is not None and self.keyword_trigger().holds(line))
        )

    def _may_tail(self, line: str) -> bool:
        return self._is_caption(line) or (
            self.tail is not None and self.tail.search(line) is not None
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("fence"):
            yield from self._in_fence(doc, node)
        if not self._paragraphs_may_hold_captions(doc):
            return
        for node in doc.leaves("paragraph"):
            finding = self._doubled_caption(doc, node) or self._head_paragraph(doc, node)
            if finding is not None:
                yield finding
            else:
                yield from self._tail_lines(doc, node)

    def _paragraphs_may_hold_captions(self, doc: Document) -> bool:
        """Whether the text holds a literal of a paragraph's caption (a head, a doubled
        caption, a tail): most pages with code hold none, and their paragraphs are not read."""
        lowered = doc.text.lower()
        wanted = [*(self._head_literals or ()), *(self._tail_literals or ())]
        wanted += [f"{caption}\n\n{caption}" for caption in self.doubled]
        wanted += [f"{caption}\r\n\r\n{caption}" for caption in self.doubled]
        unread = (self.heads is not None and not self._head_literals) or (
            self.tail_line is not None and not self._tail_literals
        )
        return unread or any(literal in lowered for literal in wanted)

    def _is_caption(self, line: str) -> bool:
        return self.caption_line.fullmatch(fold_width(line.strip())) is not None

    def _in_fence(self, doc: Document, node: Node) -> Iterator[Finding]:
        lines = _code_lines(doc, node)
        if len(lines) < 2:
            return
        first, last = lines[0], lines[-1]
        head = self._head(doc, first)
        if head is not None:
            yield head
        tail_text = doc.line_text(last)
        if self._is_caption(tail_text):
            yield _lines(doc, last, last + 1, in_code=True)
            return
        glued = self.tail.search(tail_text) if self.tail is not None else None
        if glued is not None and glued.start() == 0:
            yield _lines(doc, last, last + 1, in_code=True)  # the caption alone on its line
        elif glued is not None:
            start, end = doc.line_offset(last) + glued.start(), doc.line_offset(last) + glued.end()
            yield Finding(start, end, edits=(Edit(start, end, code_caption=True),))

    def _head(self, doc: Document, line: int) -> Finding | None:
        """The caption that is the code's whole first line, or glued before its code."""
        text = doc.line_text(line)
        if self._is_caption(text) or (
            self.heads is not None and self.heads.fullmatch(text.strip())
        ):
            return _lines(doc, line, line + 1, in_code=True)
        glued = self.glued_head.match(text) if self.glued_head is not None else None
        if glued is None:
            return None
        start = doc.line_offset(line)
        return Finding(
            start, start + glued.end(), edits=(Edit(start, start + glued.end(), code_caption=True),)
        )

    def _head_paragraph(self, doc: Document, node: Node) -> Finding | None:
        """A top-level paragraph whose first line is a head ("bashCopy code") over unfenced code:
        the line goes (the paragraph, when it is all of it)."""
        if self.heads is None or node.parent is None or node.parent.kind != "root":
            return None
        if not self.heads.fullmatch(doc.line_text(node.start_line).strip()):
            return None
        if node.end_line - node.start_line == 1:
            start, end = doc.node_span(node)
            return Finding(start, end, edits=(remove_blocks(doc, node),))
        return _lines(doc, node.start_line, node.start_line + 1, in_code=False)

    def _tail_lines(self, doc: Document, node: Node) -> Iterator[Finding]:
        """The lines of a top-level paragraph that are a tail caption and nothing else ("Объяснить
        с" under the code a clipper merged into the paragraph); the paragraph, if that is all."""
        if self.tail_line is None or node.parent is None or node.parent.kind != "root":
            return
        lines = range(node.start_line, node.end_line)
        captions = [line for line in lines if self.tail_line.fullmatch(doc.line_text(line))]
        if len(captions) == len(lines):
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node),))
            return
        for line in captions:
            yield _lines(doc, line, line + 1, in_code=False)

    def _doubled_caption(self, doc: Document, node: Node) -> Finding | None:
        """A one-line paragraph that is a caption, right before a paragraph whose first line is
        the same caption (a clipped code block's two buttons): both captions go, the rest of
        the second paragraph stays."""
        following = node.next_sibling
        if (
            node.end_line - node.start_line != 1
            or following is None
            or following.kind != "paragraph"
            or following.start_line != node.start_line + 2
            or following.end_line - following.start_line < 2
            or doc.line_text(node.start_line + 1) != ""
        ):
            return None
        caption = doc.line_text(node.start_line)
        if caption.lower() not in self.doubled or doc.line_text(following.start_line) != caption:
            return None
        return _lines(doc, node.start_line, following.start_line + 1, in_code=False)


_METACHARACTERS = frozenset(".^$*+?{}[]\\|()")


def _literals_of(patterns: list[re.Pattern[str]]) -> tuple[str, ...] | None:
    """Strings one of which every match holds: a plain caption is its own (the regex reader
    reads only ASCII), else what the reader finds; None when a pattern gives none."""
    found: list[str] = []
    for pattern in patterns:
        if not _METACHARACTERS.intersection(pattern.pattern):
            found.append(pattern.pattern.lower())
            continue
        read = required_literals([pattern])
        if read is None:
            return None
        found.extend(read)
    return tuple(found) or None


def _code_lines(doc: Document, node: Node) -> list[int]:
    """The lines of a fenced block's code: without its opening fence, nor its closing one."""
    end = node.end_line
    if end - node.start_line >= 2 and _CLOSING_FENCE.fullmatch(doc.line_text(end - 1)):
        end -= 1
    return list(range(node.start_line + 1, end))


def _lines(doc: Document, first: int, end: int, *, in_code: bool) -> Finding:
    """Lines ``first`` up to ``end`` (excluded) removed whole, line breaks and all."""
    start, stop = doc.line_offset(first), doc.line_offset(end)
    return Finding(start, stop, edits=(Edit(start, stop, code_caption=in_code),))
