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

A label alone on its line, with its title on the line right under it ("Previous article",
"Splunk Knowledge Objects: Tag vs EventType"), is a pager line too, but only as one of a pair.

Two pager lines with different labels, one right after the other (only blank lines between),
are the navigation wherever they stand: a safe fix. One pager line alone goes only below
the page's last line of prose, and only glued or after a colon: unsafe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
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
        """The pager lines to remove: a pair (first, last, True) anywhere, a line alone
        (line, line, False) below the page's last line of prose."""
        entries = list(self._entries(doc, units))
        last_prose = _last_prose(units)
        i = 0
        while i < len(entries):
            entry = entries[i]
            following = entries[i + 1] if i + 1 < len(entries) else None
            if following is not None and _pair(doc, units, entry, following):
                yield entry.first, following.last, True
                i += 2
                continue
            if not entry.bare and entry.first >= last_prose:
                yield entry.first, entry.last, False
            i += 1

    def _entries(self, doc: Document, units: Sequence[LineUnit]) -> Iterator[_Entry]:
        """The pager lines in order: a label with its title on one line, or a label alone
        on its line right above a line of its title (only a pair of these goes)."""
        i = 0
        while i < len(units):
            label = self._label(units[i])
            if label is not None:
                yield _Entry(i, i, label, False)
            elif i + 1 < len(units) and self._titled(doc, units, i):
                yield _Entry(i, i + 1, _folded(self._bare.fullmatch(units[i].text)), True)
                i += 1
            i += 1

    @cached_property
    def _bare(self) -> re.Pattern[str]:
        return re.compile(rf"{_LEAD}(?P<label>{self.labels})\s*:?[^\w\n]*", re.IGNORECASE)

    def _titled(self, doc: Document, units: Sequence[LineUnit], i: int) -> bool:
        """Whether line ``i`` is a label alone and the next line, right under it, a title."""
        unit, title = units[i], units[i + 1]
        if not _plain_line(unit) or self._bare.fullmatch(unit.text) is None:
            return False
        if not _plain_line(title) or not touching(doc, units, i + 1):
            return False
        if self._bare.fullmatch(title.text) or self._label(title) is not None:
            return False
        return self._is_title(title.text)

    def _is_title(self, title: str) -> bool:
        words = word_count(title)
        return 0 < words <= self.max_title_words and _FULL_STOP.search(title) is None

    def _label(self, unit: LineUnit) -> str | None:
        """The line's label, lower-cased, when it is a pager line."""
        if not _plain_line(unit):
            return None
        found = self._pager.fullmatch(unit.text)
        if found is None or not self._is_title(found["title"]):
            return None
        return _folded(found)


@dataclass(frozen=True)
class _Entry:
    first: int  # its first and last unit
    last: int
    label: str
    bare: bool  # the label on a line of its own, the title on the next


def _plain_line(unit: LineUnit) -> bool:
    """A line of a paragraph or a list item that holds no link."""
    return unit.kind in ("line", "item") and "](" not in unit.raw and "<" not in unit.raw


def _folded(found: re.Match[str] | None) -> str:
    assert found is not None  # (the caller matched it)
    return " ".join(found["label"].lower().split())


def _pair(doc: Document, units: Sequence[LineUnit], entry: _Entry, following: _Entry) -> bool:
    """Two pager lines with different labels, one right after the other."""
    return (
        following.first == entry.last + 1
        and following.label != entry.label
        and touching(doc, units, following.first)
    )


def _last_prose(units: Sequence[LineUnit]) -> int:
    """The index of the page's last line of prose (-1: none)."""
    return max((i for i, unit in enumerate(units) if is_prose(unit)), default=-1)
