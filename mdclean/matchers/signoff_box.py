"""``signoff-box``: a paragraph each line of which is the post's sign-off: author, source, original
link, licence, a follow prompt, the account's QR code.

Chinese platforms put such a box under a post, or add it to the text a reader copies (Zhihu,
Juejin, Jianshu: "作者：… 链接：… 来源：… 著作权归作者所有…"; CSDN: "版权声明：… 原文链接：…"),
and bloggers write their own ("作者：… 出处：… 如果你喜欢本文，请长按二维码，关注…"). One such
line alone can be the article's ("作者：鲁迅" in a book review, "来源：《全唐诗》" under a poem), so
the paragraph goes only when every line of it is one of ``phrases`` (a line of nothing but
punctuation, such as a "————————" rule, counts as none), at least ``min_lines`` lines are,
and one line is ``evidence`` that the box is the platform's furniture: a licence or reprint
line, or a source given as a link. A box pasted onto the end of the article's paragraph without
a blank line, after a rule of dashes (CSDN's copy footer), goes from its rule on. The short
blocks right after a box that are such lines too (a licence link set apart in a quote) go with
it. An image in the box must be its QR code (``next_images``); the QR code's image block right
after the box goes with it, as in ``platform-chrome``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.raw_text import searchable
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks, remove_span
from .base import any_pattern, compile_patterns
from .label_lines import candidate_lines, text_lines
from .label_shapes import Shape
from .line_reading import line_reading
from .linkblocks import raw_text, rough_texts
from .platform_chrome import PlatformChromeMatcher

_WORD = re.compile(r"[^\W_]")
# The rule a copy footer opens with (CSDN: sixteen "—"); not a Markdown rule, so it stays in
# the paragraph it was pasted under.
_RULE_LINE = re.compile(r"[ \t>]*[-—─━_=~·]{6,}[ \t]*")


class SignoffBoxMatcher(PlatformChromeMatcher):
    name = "signoff-box"
    params = MappingProxyType(
        {**PlatformChromeMatcher.params, "evidence": list, "min_lines": int, "more_lines": list}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.evidence = any_pattern(compile_patterns(params.get("evidence", []), "evidence"))
        self.min_lines = int(params.get("min_lines", 2))
        # Lines a box may hold that prove nothing alone ("seki @ Twitter"): they are not
        # phrases, so the rule's trigger (its phrases) still holds wherever a box is found.
        self.more_lines = any_pattern(compile_patterns(params.get("more_lines", []), "more_lines"))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        # The box is several lines: its first phrase is not the block's whole text.
        return None

    def trigger(self) -> Trigger:
        """The phrases' trigger, then a box around a line of evidence: outside fenced code, a
        line that is evidence as ``find`` reads it (among those that may open with a phrase:
        ``candidate_lines``), in a run of sign-off lines with ``min_lines`` phrases."""
        box = OutsideFences(Check(self._may_hold_box, "a sign-off line is evidence"))
        return all_of(super().trigger(), box)

    def trigger_once_parsed(self) -> Trigger:
        """The keywords only: once the page is parsed, ``find`` reads its few paragraphs of
        several lines for less than the whole trigger costs."""
        return self.keyword_trigger()

    def _may_hold_box(self, lowered: str) -> bool:
        if self.evidence is None:
            return False  # (``_is_box`` wants evidence)
        candidates = candidate_lines(self.labels_trigger, lowered)
        if candidates is None:
            return True
        lines = text_lines(searchable(lowered))
        evidence = self.evidence
        return any(
            evidence.search(line_reading(lines[line])[0]) and self._box_around(lines, line)
            for line in candidates
        )  # (the evidence first: one search costs less than the phrases' match)

    def _box_around(self, lines: list[str], at: int) -> bool:
        """Whether line ``at`` is evidence and the run of sign-off lines around it holds
        ``min_lines`` phrases."""
        if self._line_kind(lines[at]) != "evidence":
            return False
        phrases = 1
        for step in (-1, 1):
            line = at + step
            while 0 <= line < len(lines) and (kind := self._line_kind(lines[line])) is not None:
                phrases += kind != "neutral"
                line += step
        return phrases >= self.min_lines

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _rough in rough_texts(doc, "paragraph"):
            if node.end_line - node.start_line < self.min_lines:
                continue  # too few lines to be a box
            if len(raw_text(doc, node)) > self.max_chars:
                continue
            if self._is_box(doc, node.start_line, node.end_line):
                yield self._whole_box(doc, node)
                continue
            rule = self._glued_box(doc, node)
            if rule is not None:
                start, end = doc.line_offset(rule), doc.line_end(node.end_line - 1)
                yield Finding(start, end, edits=(remove_span(doc, start, end),))

    def _whole_box(self, doc: Document, node: Node) -> Finding:
        box = _whole_quote(node)
        blocks = self._with_next_image(doc, self._box_end(doc, box))
        start, end = doc.node_span(box)[0], doc.node_span(blocks[-1])[1]
        return Finding(start, end, edits=(remove_blocks(doc, box, blocks[-1]),))

    def _glued_box(self, doc: Document, node: Node) -> int | None:
        """The line of the rule ("————————") that opens a box pasted onto the end of the
        article's paragraph without a blank line (CSDN's copy footer), else None."""
        for line in range(node.start_line + 1, node.end_line - 1):
            if _RULE_LINE.fullmatch(doc.line_text(line)):
                return line if self._is_box(doc, line + 1, node.end_line) else None
        return None

    def _box_end(self, doc: Document, box: Node) -> Node:
        """The box's last block: the blocks right after it that are sign-off lines too (the
        licence link a theme sets apart in a quote) belong to it."""
        last = box
        following = box.next_sibling
        while following is not None and self._is_continuation(doc, following):
            last, following = following, following.next_sibling
        return last

    def _is_continuation(self, doc: Document, node: Node) -> bool:
        if node.kind == "blockquote" and len(node.children) == 1:
            node = node.children[0]
        if node.kind != "paragraph":
            return False
        kinds = [self._line_kind(doc.line_text(i)) for i in range(node.start_line, node.end_line)]
        return None not in kinds and any(kind != "neutral" for kind in kinds)

    def _is_box(self, doc: Document, first: int, end: int) -> bool:
        """Whether every line from ``first`` to before ``end`` is a sign-off line, enough of them
        are, and one is evidence."""
        phrase_lines, evidence = 0, False
        for line in range(first, end):
            kind = self._line_kind(doc.line_text(line))
            if kind is None:
                return False
            phrase_lines += kind != "neutral"
            evidence = evidence or kind == "evidence"
        return evidence and phrase_lines >= self.min_lines

    def _line_kind(self, raw: str) -> str | None:
        """``evidence``, ``phrase`` or ``neutral`` (punctuation, the box's QR code, one of
        ``more_lines``); None for a line that is no part of a sign-off."""
        text, has_image = line_reading(raw)
        if _WORD.search(text) is None:
            return self._image_kind(raw) if has_image else "neutral"
        return None if has_image else self._text_kind(text)

    def _image_kind(self, raw: str) -> str | None:
        """An image line is the box's QR code, or no part of a sign-off."""
        qr = self.next_images
        return "neutral" if qr is not None and qr.search(raw) else None

    def _text_kind(self, text: str) -> str | None:
        if self.start.fullmatch(text):
            evidence = self.evidence
            return "evidence" if evidence is not None and evidence.search(text) else "phrase"
        more = self.more_lines
        return "neutral" if more is not None and more.fullmatch(text) else None


def _whole_quote(node: Node) -> Node:
    """The quote that holds nothing but the box, else the box's paragraph."""
    parent = node.parent
    if parent is not None and parent.kind == "blockquote" and len(parent.children) == 1:
        return parent
    return node
