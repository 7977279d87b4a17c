"""``pitch-lines``: lines of a text dump's paragraph that are nothing but a site's pitch.

A text clipper or a crawler that writes one line per block of the page keeps a whole
article as one paragraph, and the publication's pitch as one of its lines ("X is a
reader-supported publication. To receive new posts…", "Get all the news you need to know,
delivered weekly."). A line goes when its text, as a reader sees it (``line_reading``), is
nothing but whole sentences of the phrase lists, one of them from the ``asks`` lists (as
``phrase-block``'s ``sentences`` reads a block); a line next to it that holds only phrases
(the tip offered after the pitch) goes with it. A paragraph whose every line is a pitch is
``phrase-block``'s to read as one block, so it is left here. A run whose every line is one
of ``safe_labels`` (a platform's template, word for word) is safe to remove.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import Trigger
from ..models import Finding
from ..removal import remove_span
from .fix_safety import safe_if
from .label_shapes import Shape
from .line_reading import line_reading
from .linkblocks import word_count
from .phrase_block import whole_sentences
from .phrase_lists import phrase_pattern
from .phrases import PhraseMatcher

_ASK, _COMPANION, _OTHER = "ask", "companion", "other"
# A reference link ("[supported by readers like you.][37]"), read as its text.
_REFERENCE_LINK = re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]")


class PitchLinesMatcher(PhraseMatcher):
    name = "pitch-lines"
    params = MappingProxyType(
        {**PhraseMatcher.params, "asks": list, "max_words": int, "safe_labels": list}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._asks = phrase_pattern(params, "asks", "ask_labels") or self.labels
        self.max_words = int(params.get("max_words", 60))
        safe = phrase_pattern({"labels": params.get("safe_labels", [])})
        self._safe = re.compile(rf"[\W_]*(?:{safe})[\W_]*", re.IGNORECASE) if safe else None

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return None  # the pitch opens a line inside a paragraph, not the paragraph

    def trigger(self) -> Trigger:
        """A phrase opens a line outside fences (every pitch line opens with one)."""
        return self.labels_open(None)

    @cached_property
    def _pitch(self) -> re.Pattern[str]:
        """Whole sentences of the phrases, one of them an ask (as BP260 reads a block)."""
        return whole_sentences(self.labels, self._asks)

    @cached_property
    def _phrases_only(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:(?:{self.labels})[\W_]*)+", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _ in self.blocks_to_probe(doc, "paragraph"):
            first, end = node.start_line, doc.content_end_line(node)
            if end - first < 2:
                continue  # one line: the block is the line, phrase-block reads it
            kinds = [self._kind(doc.line_text(line)) for line in range(first, end)]
            for start, stop in _runs(kinds):
                if stop - start < len(kinds):  # (the whole paragraph is phrase-block's)
                    sure = self._template(doc, first + start, first + stop)
                    yield _finding(doc, first + start, first + stop, sure)

    def _template(self, doc: Document, first: int, stop: int) -> bool:
        """Whether every line from ``first`` to ``stop`` (excluded) is a template's words."""
        safe = self._safe
        return safe is not None and all(
            safe.fullmatch(_reading(doc.line_text(line))[0]) for line in range(first, stop)
        )

    def _kind(self, raw: str) -> str:
        text, has_image = _reading(raw)
        if has_image or not text or word_count(text) > self.max_words:
            return _OTHER
        if self._pitch.fullmatch(text):
            return _ASK
        return _COMPANION if self._phrases_only.fullmatch(text) else _OTHER


def _reading(raw: str) -> tuple[str, bool]:
    """The line as a reader sees it, a reference link read as its text."""
    return line_reading(_REFERENCE_LINK.sub(r"\1", raw) if "][" in raw else raw)


def _runs(kinds: list[str]) -> Iterator[tuple[int, int]]:
    """The runs (start, stop) of consecutive ask and companion lines holding an ask."""
    start = None
    for i, kind in enumerate([*kinds, _OTHER]):
        if kind != _OTHER and start is None:
            start = i
        elif kind == _OTHER and start is not None:
            if _ASK in kinds[start:i]:
                yield start, i
            start = None


def _finding(doc: Document, first: int, stop: int, sure: bool) -> Finding:
    """The lines ``first`` to ``stop`` (excluded) of a paragraph, with their breaks."""
    start, end = doc.line_offset(first), doc.line_end(stop - 1)
    edits = (remove_span(doc, start, end),)
    return Finding(start, end, edits=edits, applicability=safe_if(sure))
