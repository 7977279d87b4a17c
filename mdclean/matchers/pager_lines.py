"""``pager-label-lines``: the links to the previous and the next post, their links stripped.

A text dump keeps a theme's post navigation as its captions and titles, the label glued to
the title where the markup stood between them ("Article précédentComment accepter les
paiements", "Article suivant15 meilleures alternatives"), or after a colon ("« 上一篇：
Pandas", "» 下一篇： Pandas进阶"). No link rule sees them: the link is gone.

A *pager line* is a top-level paragraph's line (or a one-line list item) that opens with a
label of ``phrases`` (labels that name a post: "Previous post", "Article précédent",
"上一篇", "이전 글"; never a docs series' bare "Next"), after punctuation or an arrow, then
the title: glued to the label (a capital, a digit, a quote or a character of a script
without spaces right after it), or after a colon or a dash. The title is at most
``max_title_words`` words, holds no link and does not end a sentence with a full stop.

Two pager lines with different labels, one right after the other (only blank lines between),
are the navigation wherever they stand: a safe fix. One pager line alone goes only below
the page's last line of prose, and only glued or after a colon: unsafe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import Trigger
from ..models import Finding
from .fix_safety import safe_if
from .label_shapes import Shape
from .linkblocks import word_count
from .phrases import PhraseMatcher
from .platform_runs import LineUnit, is_prose, line_units, touching, unit_removal

_LEAD = r"[^\w\n]*"  # an arrow, guillemets, a list's or emphasis' marks
# What joins the title to its label: a colon or a dash, or nothing where the title opens
# with a capital, a digit, a quote or a character of a script without spaces.
_JOIN = (
    r"(?:\s*[:：]\s*|\s+[-–—»›]\s+|[*_]*\s*(?=[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ0-9\"'“«「『【(\[]|"
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]))"
)
_FULL_STOP = re.compile(r"(?:(?<!\.)\.|。)[\"'”’)\]*_]*$")
_MAX_TITLE_WORDS = 20


class PagerLinesMatcher(PhraseMatcher):
    name = "pager-label-lines"
    params = MappingProxyType({**PhraseMatcher.params, "max_title_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_title_words = int(params.get("max_title_words", _MAX_TITLE_WORDS))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return None  # the label opens a line inside a paragraph, not the paragraph

    def trigger(self) -> Trigger:
        """A label opens a line outside fences (every pager line opens with one)."""
        return self.labels_open(None)

    @cached_property
    def _pager(self) -> re.Pattern[str]:
        return re.compile(rf"{_LEAD}(?P<label>{self.labels}){_JOIN}(?P<title>\S.*)", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        units = list(line_units(doc))
        for first, last, pair in self._pager_lines(doc, units):
            edit = unit_removal(doc, units, first, last)
            if edit is not None:
                start, end = doc.line_offset(units[first].line), doc.line_end(units[last].line)
                yield Finding(start, end, edits=(edit,), applicability=safe_if(pair))

    def _pager_lines(
        self, doc: Document, units: Sequence[LineUnit]
    ) -> Iterator[tuple[int, int, bool]]:
        """The pager lines to remove: a pair (first, second, True) anywhere, a line alone
        (line, line, False) below the page's last line of prose."""
        labels = [self._label(unit) for unit in units]
        last_prose = _last_prose(units)
        i = 0
        while i < len(units):
            pair = labels[i] is not None and self._pairs(doc, units, labels, i)
            if pair or (labels[i] is not None and i >= last_prose):
                yield i, i + 1 if pair else i, pair
            i += 2 if pair else 1

    def _label(self, unit: LineUnit) -> str | None:
        """The line's label, lower-cased, when it is a pager line."""
        if unit.kind not in ("line", "item") or "](" in unit.raw or "<" in unit.raw:
            return None
        found = self._pager.fullmatch(unit.text)
        if found is None:
            return None
        title = found["title"]
        if word_count(title) > self.max_title_words or _FULL_STOP.search(title):
            return None
        return " ".join(found["label"].lower().split())

    def _pairs(
        self, doc: Document, units: Sequence[LineUnit], labels: Sequence[str | None], i: int
    ) -> bool:
        """Whether line ``i`` and the next one are a pair: two different labels, touching."""
        following = labels[i + 1] if i + 1 < len(labels) else None
        return following is not None and following != labels[i] and touching(doc, units, i + 1)


def _last_prose(units: Sequence[LineUnit]) -> int:
    """The index of the page's last line of prose (-1: none)."""
    return max((i for i, unit in enumerate(units) if is_prose(unit)), default=-1)
