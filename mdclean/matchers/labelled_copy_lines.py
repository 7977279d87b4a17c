"""``labelled-copy-lines``: a related box inside a text copy: its label line and the headline
lines under it, between the article's prose lines.

A select-all copy or an innerText extraction keeps a news site's "read also" box where the page
put it, in the middle of the article, as bare lines: the box's label ("Lee también", "Lesen
Sie auch", "Читайте также"), then each teaser's headline and its author or date, then the
article's prose again. No line is a link; the label is the evidence, and the lines under it are
the box's as long as they are no prose.

The label is a line of a top-level paragraph (as ``text_copy`` reads it) whose whole text is a
phrase of the rule's lists, of two words or more (or four characters of a script without
spaces). Under it, in the same paragraph, up to ``max_lines`` lines that are no sentence line
(no prose: short, ending no sentence, no short "Source: X" credit) and of at most ``max_line_words`` words, one of them a
headline of ``min_headline_words`` words or more; the lines end at a prose line of the
article, the paragraph's end or another block. The page must hold an article's core (prose
lines around: ``text_copy``) and the label stand inside it, before its last prose line (a box
after the article is ``text-dump-edges``'s). Label and lines go; what stays: a label over prose (an article's
own "read also" paragraph), a label over nothing, a page without prose.

Unsafe: the lines under the label are read from their shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..models import Finding
from ..removal import remove_span
from .linkblocks import word_count
from .phrase_lists import fold_width
from .phrases import PhraseMatcher
from .text_copy import CopyLine, text_copy

_STATEMENT = re.compile(r"[.;。；](?:[\"'”’»」』)\]]*)$|[.;。；]\s+[^\W\d_]")
# A short "name: value" line, a source's or a photo's credit, no headline.
_FIELD = re.compile(r"[^\W\d_][\w.-]*(?: [\w.-]+)?\s?[:：]\s*\S+(?: \S+)?")
# A word of four letters or more: what a subheading and the answer under it share.
_WORD = re.compile(r"[^\W\d_]{4,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


class LabelledCopyLinesMatcher(PhraseMatcher):
    name = "labelled-copy-lines"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "max_lines": int,
            "max_line_words": int,
            "min_headline_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_lines = int(params.get("max_lines", 10))
        self.max_line_words = int(params.get("max_line_words", 25))
        self.min_headline_words = int(params.get("min_headline_words", 4))

    @cached_property
    def label(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self.labels})\s*[:：]?[\W_]*", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        copy = text_copy(doc)
        if copy.core is None:
            return
        lines = copy.lines
        at, last_prose = copy.core
        while at < last_prose:
            end = self._box_end(lines, at)
            if end is None:
                at += 1
                continue
            first, last = lines[at], lines[end - 1]
            start, stop = doc.line_offset(first.line), doc.line_end(last.line)
            yield Finding(start, stop, edits=(remove_span(doc, start, stop),))
            at = end

    def _is_label(self, line: CopyLine) -> bool:
        if line.brk or line.lazy or line.link or line.node.kind != "paragraph":
            return False
        text = " ".join(fold_width(line.text).split())
        if not self.label.fullmatch(text):
            return False
        return word_count(text) >= 2 or len(_CJK.findall(text)) >= 4

    def _box_end(self, lines: Sequence[CopyLine], at: int) -> int | None:
        """The index after the box's last line when a label stands at ``at``; None otherwise."""
        label = lines[at]
        if not self._is_label(label):
            return None
        end = at + 1
        while end < len(lines) and end - at <= self.max_lines:
            line = lines[end]
            if line.brk or line.node is not label.node or not self._box_line(line):
                break
            end += 1
        if end - at > self.max_lines:
            return None
        end = self._without_echoes(lines, at, end)
        if not any(line.words >= self.min_headline_words for line in lines[at + 1 : end]):
            return None
        return end

    def _without_echoes(self, lines: Sequence[CopyLine], at: int, end: int) -> int:
        """``end`` moved above the box's last lines that the prose line right after echoes: an
        interview's subheading quotes the answer under it ("„Die Mutter des Entführers nahm
        mich in den Arm“" over "… nahm mich in den Arm …"), a teaser's headline does not."""
        if end >= len(lines) or not lines[end].prose:
            return end
        following = set(_WORD.findall(lines[end].text.casefold()))
        while end > at + 1:
            words = set(_WORD.findall(lines[end - 1].text.casefold()))
            shared = len(words & following)
            if shared < 2 or 2 * shared < len(words):
                break
            end -= 1
        return end

    def _box_line(self, line: CopyLine) -> bool:
        """A teaser's headline, its author or its date: short, no prose, no statement."""
        if not line.text or line.prose or line.wrapped or line.cells:
            return False
        if _FIELD.fullmatch(line.text):
            return False  # (a credit under the article: "Źródło: ISBnews", "Fuente: EFE")
        return line.words <= self.max_line_words and not _STATEMENT.search(line.text)
