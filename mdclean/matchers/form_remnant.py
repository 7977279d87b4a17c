"""``tail-form-remnant``: what a sign-up or lead form leaves at a page's end once converted.

A newsletter box, a "Download the brochure" or "Get a quote" form is converted to its field
labels, each a line of its own with the required mark the converter escaped ("First Name\\*",
"E-mail \\*"), the form's "\\* indicates required fields", and a few short lines ("CAPTCHA",
"Submit"). The widget's title and one line of pitch may stand above them.

The page's last blocks are read back while they are short (``max_words`` words at most, no
code, table or list of prose); among them, ``min_fields`` lines or more must be field labels:
a name of ``max_label_words`` words at most followed by the escaped required mark. That
shape (several fields, each marked) and the place (nothing but short lines after it to the
page's end, after the article's text: a paragraph of ``min_text_words`` words earlier) are
the two signs. The remnant runs from the first field, taking the form's short lines just
above it: the "indicates required" line, one line of pitch, and the widget's title (a
heading of ``max_words`` words at most). A form described in a manual has sentences around
its fields and stays.

The fix is unsafe: a form's labels are told by their shape and place, not by a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.tail import InTail
from ..fastpath.triggers import Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import rough_text, word_count

_FIELD = re.compile(r"[^\W\d_][^\n*]{0,40}?\s*\\\*", re.UNICODE)
"""A field's label and the required mark a converter escaped: ``First Name\\*``."""
_REQUIRED = re.compile(r"[\"'“”«»]?\\?\*[\"'“”«»]?\s*\w[^\n]{0,60}")
"""A line that explains the mark: ``"*" indicates required fields``, ``\\* Pflichtfeld``."""
_SHORT_KINDS = frozenset({"paragraph", "heading", "hr"})


class TailFormRemnantMatcher(Matcher):
    name = "tail-form-remnant"
    params = MappingProxyType(
        {
            "max_words": int,
            "max_label_words": int,
            "min_fields": int,
            "min_text_words": int,
            "max_pitch_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_words = int(params.get("max_words", 6))
        self.max_label_words = int(params.get("max_label_words", 4))
        self.min_fields = int(params.get("min_fields", 2))
        self.min_text_words = int(params.get("min_text_words", 30))
        self.max_pitch_words = int(params.get("max_pitch_words", 14))

    def trigger(self) -> Trigger:
        """An escaped required mark in the page's tail: every field label holds one, and no
        block after the fields holds more than ``max_pitch_words`` words."""
        return InTail(self.max_pitch_words, literals("\\*"))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        start = len(blocks)
        fields: list[int] = []
        while start > 0 and self._short(doc, blocks[start - 1]):
            start -= 1
            if self._field(doc, blocks[start]):
                fields.append(start)
        if len(fields) < self.min_fields:
            return
        first = self._opening(doc, blocks, min(fields))
        if not self._after_text(doc, blocks[:first]):
            return
        begin, end = doc.node_span(blocks[first])[0], doc.node_span(blocks[-1])[1]
        yield Finding(begin, end, edits=(remove_blocks(doc, blocks[first], blocks[-1]),))

    def _text(self, doc: Document, node: Node) -> str:
        return rough_text(doc, node).strip()

    def _words(self, doc: Document, node: Node) -> int:
        return word_count(self._text(doc, node))

    def _short(self, doc: Document, node: Node) -> bool:
        if node.kind not in _SHORT_KINDS:
            return False
        return node.kind == "hr" or word_count(self._text(doc, node)) <= self.max_words

    def _field(self, doc: Document, node: Node) -> bool:
        if node.kind != "paragraph":
            return False
        start, end = doc.node_span(node)
        raw = doc.text[start:end].strip()
        return (
            _FIELD.fullmatch(raw) is not None
            and word_count(raw.replace("\\*", "")) <= self.max_label_words
        )

    def _opening(self, doc: Document, blocks: list[Node], first: int) -> int:
        """The form's first block: its first field, with the "indicates required" line, one
        line of pitch and the widget's title just above it."""
        i = first
        if i > 0 and blocks[i - 1].kind == "paragraph":
            raw = doc.text[slice(*doc.node_span(blocks[i - 1]))].strip()
            if _REQUIRED.fullmatch(raw) and word_count(raw) <= self.max_words:
                i -= 1
        for kind, most in (("paragraph", self.max_pitch_words), ("heading", self.max_words)):
            if i > 0 and blocks[i - 1].kind == kind and self._words(doc, blocks[i - 1]) <= most:
                i -= 1
        return i

    def _after_text(self, doc: Document, before: list[Node]) -> bool:
        """Whether the article's text stands above: a paragraph of ``min_text_words`` words."""
        return any(
            node.kind == "paragraph" and word_count(self._text(doc, node)) >= self.min_text_words
            for node in before
        )
