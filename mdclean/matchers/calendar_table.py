"""``calendar-table``: a blog sidebar's month calendar, kept as a table after the article.

WordPress's and Blogger's calendar widget is a table of one month: a header row of the seven
weekdays ("M T W T F S S", "Lu Ma Mi", "月 火 水", "一 二 三", "Пн Вт"), then the days 1 to 28-31
in weeks, the days with posts linked to their date archive. A converter keeps it as a
Markdown or HTML table, and as a table it reads like article data to every rule.

A table (Markdown or HTML) counts when its cells, read in order, are seven short cells
without digits (the weekdays, however a language writes them), then the days 1, 2, 3, ... up
to 28-31 in order, with at most ``max_other`` other cells (empty ones aside: the month's
first and last week's blanks; the "« Feb" and "Apr »" links of its footer). That is exact
evidence: no article table holds every day of a month and nothing else, so the fix is safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .inline_links import link_texts

_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_MAX_WORDS_AROUND = 6  # a caption ("February 2009") and the wrapper's tags
_HTML_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*")
_MARKUP = re.compile(r"[*_`\\]|&nbsp;")
_WEEKDAY_CELL = re.compile(r"[^\W\d_][^\W\d_.]{0,9}\.?")
_DAYS = 7
_MIN_DAYS = 28
_MAX_DAYS = 31


class CalendarTableMatcher(Matcher):
    name = "calendar-table"
    params = MappingProxyType({"max_other": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_other = int(params.get("max_other", 4))

    def trigger(self) -> Trigger:
        """A table: a Markdown row's pipe, or an HTML cell; and the day that every month has."""
        return all_of(literals("28"), literals("|", "<td", "<th"))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind not in ("table", "html_block"):
                continue
            start, end = doc.node_span(node)
            cells = _cells(doc.text[start:end], html=node.kind == "html_block")
            if cells is not None and self._is_month(cells):
                yield Finding(start, end, edits=(remove_blocks(doc, node, node),))

    def _is_month(self, cells: list[str]) -> bool:
        """Seven weekday cells, then the days 1..28-31 in order, few other cells."""
        filled = [cell for cell in cells if cell]
        if not _weekdays_lead(filled):
            return False
        days = [int(cell) for cell in filled if cell.isdigit()]
        if not _days_of_a_month(days):
            return False
        other = len(filled) - len(days) - _DAYS
        return other <= self.max_other


def _weekdays_lead(filled: list[str]) -> bool:
    """Whether the seven cells right before the first day are weekdays."""
    first_day = next((i for i, cell in enumerate(filled) if cell.isdigit()), None)
    if first_day is None or first_day < _DAYS:
        return False
    weekdays = filled[first_day - _DAYS : first_day]
    return all(_WEEKDAY_CELL.fullmatch(cell) for cell in weekdays)


def _days_of_a_month(days: list[int]) -> bool:
    """The days 1, 2, 3... in order, as many as a month has."""
    return days == list(range(1, len(days) + 1)) and _MIN_DAYS <= len(days) <= _MAX_DAYS


def _cells(source: str, *, html: bool) -> list[str] | None:
    """The text of each cell of a table, in reading order; None when the block is no table."""
    if html:
        table = _HTML_TABLE.search(source)
        if table is None:
            return None
        around = _TAG.sub(" ", source[: table.start()] + source[table.end() :])
        if len(around.split()) > _MAX_WORDS_AROUND:
            return None  # the block holds more than the calendar (a whole sidebar, an article)
        raw = _HTML_CELL.findall(table.group())
    else:
        raw = []
        for line in source.splitlines():
            if _DELIMITER_ROW.fullmatch(line):
                continue
            row = line.strip().strip("|")
            raw.extend(row.split("|"))
    return [_plain(cell) for cell in raw]


def _plain(cell: str) -> str:
    """A cell as a reader sees it: tags, link syntax and emphasis marks gone."""
    text = link_texts(_TAG.sub("", cell), keep_bangs=False)
    return _MARKUP.sub("", text).strip()
