"""``record-runs``: a comment thread or a teaser list read from the repetition of its line shapes.

A text copy of a page (select-all), a Readability clip or a converter that lost the links
writes a comment thread as the same few lines over and over: the commenter's name, a stamp
("2021-04-28 11:48:27", "wtorek, 11 maja 2021, 23:13", "le mercredi 15 mai 2019 à 08h07"),
the comment, its votes ("42", "7") and a reply button ("odpowiedz"); a "more news" list as a
headline and a date, eight times. No line is junk by its words: the repetition is the
evidence, in any language.

Each line of a top-level paragraph (and each other block, whole) is read as one *kind*
(``line_reading`` first): a *stamp* (a short line with a date of ``dates`` that holds a year,
a time of day or a relative time), a *count* (a bare small number, "↑ 3"), a *caption* (a
reply button of ``captions``, alone), an *image*, or *words* (any other line: a name, a
headline, the comment's text). Neighbouring word lines are one slot. The stamps cut the
sequence into segments (from a stamp to the next); ``min_records`` stamps whose segments
repeat one shape of 2 to ``max_period`` slots (one slot more or less allowed in a segment
of four or more) are a run of records; each record starts with the slots the segment ends
with (the name before the stamp). A block of code, a table or a quote ends a run.

- ``records: comments``: the records hold a reply caption, or counts or the commenter's name
  (one short word line before the stamp) with stamps that hold a time of day or a relative
  time (a schedule's and a changelog's dates hold none). A comment-section label of
  ``sections`` a few short lines above the first record goes with the run.
- ``records: teasers``: every record holds a headline (a word line of ``min_headline_words``
  words or more that ends no sentence, or a heading) and nothing longer than an excerpt.

The lines of a paragraph and which paragraphs are prose wrapped at a width are read once for
all the line readers (``text_copy``). The run stands outside the article's prose: the lines
of ``min_prose_words`` words or more that hold a sentence's end and the lines of wrapped prose (the runs' own lines
aside; a thread's comments are prose too, so a thread is read by the words around it, not by
the core's bounds) before it hold ``min_core_words`` words, at least twice
those after it (a thread closes the page); a teaser list may also stand before the core.
What stays: a run the line before introduces (it ends with ":"), a run inside the core (a
schedule, a changelog), a page that is all records (an archive), a transcript (its stamps
stand in lines of text, which are no stamps), a Q&A and a poem (no stamps).

Unsafe by default: the shape is the evidence. A thread is safe (``fix-when``) with a
comment-section label right above it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Repeated, Trigger, all_of
from ..models import Edit, Finding
from ..removal import remove_blocks, remove_span
from .base import Matcher, ParamError
from .fix_safety import safe_if
from .line_reading import line_reading
from .linkblocks import heading_level, word_count
from .page_head import front_matter_title, names_title
from .phrase_lists import phrase_pattern
from .text_copy import SENTENCE_IN, CopyLine, text_copy

# A relative time's number in words ("hace una hora", "il y a une heure", "vor einer Stunde").
_WORD_NUMBER = r"(?:une?|una?|uma?|einer?|zwei|drei|dos|tres|deux|trois)\b"
# What every stamp's raw line holds (lower-cased): a time of day, a year, a relative time. The
# trigger counts these: each record's stamp is a line of its own, so a run of ``min_records``
# records holds that many matches.
_CLOCK = r"\d:\d\d|\d ?h ?\d\d"
_RELATIVE = (
    r"ago\b|前|전|назад|önce|lalu|geleden|temu|trước|atrás"
    rf"|(?:vor|il y a|hace|há) (?:\d|{_WORD_NUMBER})|\d \w+ fa\b"
)
_STAMP_HINT = re.compile(rf"{_CLOCK}|(?<![\w/])(?:19|20)\d\d(?!\d)|{_RELATIVE}")
# What makes a stamp a comment's: a time of day or a time relative to now.
_TIME = re.compile(rf"{_CLOCK}|{_RELATIVE}", re.IGNORECASE)
_NUMERIC_DATE = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}|\d{1,2} ?h ?\d{2}\b"
# A vote count, a like count: a small number with at most a sign or an arrow.
_COUNT = re.compile(r"[-+−↑↓▲▼△▽👍👎♥❤★☆ ]{0,3}\d{1,5}[ ]?[-+−↑↓▲▼△▽👍👎♥❤]?")
_SENTENCE_END = re.compile(r"[.!?;。！？；…](?:[\"'”’)\]»]*)$")
_INTRODUCES = re.compile(r"[:：][\"'”’)\]*_]*$")
_COUNT_IN_CAPTION = re.compile(r"\s*[(\[]?\s*\d{1,5}\s*[)\]]?\s*$")
_STAMP_MAX_WORDS = 12
_STAMP_OTHER_WORDS = 6  # words of a stamp line beside its date: a name, "le", "à", "Autor"
_NAME_MAX_WORDS = 3
_EXCERPT_MAX_WORDS = 80
_MAX_UNITS = 40  # lines (blocks) of a record: a longer stretch between two stamps is no record
_LABEL_REACH = 6  # lines above a run where its section's label may stand
_LABEL_LINE_WORDS = 40
_TITLE_DATE_REACH = 3  # units from a title to its date

_STAMP, _COUNT_KIND, _CAPTION, _IMAGE, _WORDS, _BARRIER = "S", "N", "C", "I", "W", "X"
_BARRIER_KINDS = frozenset({"fence", "code_block", "table", "blockquote", "html_block", "hr"})
_SKIPPED_KINDS = frozenset({"front_matter"})


@dataclass(frozen=True)
class _Unit:
    """One line of a paragraph, or one other block, as a kind."""

    kind: str
    node: Node
    first: int  # its first line and the line after its last (0-based)
    end: int
    text: str  # as a reader sees it
    timed: bool = False  # a stamp with a time of day or a relative time
    heading: bool = False


@dataclass(frozen=True)
class _Slot:
    """Neighbouring units of one kind (word lines join; every other kind is a slot alone)."""

    kind: str
    first: int  # its first unit and the unit after its last
    end: int


@dataclass(frozen=True)
class _Run:
    first: int  # its first unit and the unit after its last
    end: int
    shape: tuple[str, ...]  # a record's slots, from the stamp on
    stamps: tuple[int, ...]  # each record's stamp (its unit)
    labelled: bool


def _distance(a: Sequence[str], b: Sequence[str]) -> int:
    """Edit distance of two short sequences."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


class RecordRunsMatcher(Matcher):
    name = "record-runs"
    params = MappingProxyType(
        {
            "keywords": list,
            "records": str,
            "dates": list,
            "captions": list,
            "sections": list,
            "min_records": int,
            "max_period": int,
            "min_core_words": int,
            "min_prose_words": int,
            "min_headline_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.records = str(params.get("records", "comments"))
        if self.records not in ("comments", "teasers"):
            raise ParamError("params.records: 'comments' or 'teasers'")
        self.min_records = max(3, int(params.get("min_records", 3)))
        self.max_period = int(params.get("max_period", 8))
        self.min_core_words = int(params.get("min_core_words", 60))
        self.min_prose_words = int(params.get("min_prose_words", 20))
        self.min_headline_words = int(params.get("min_headline_words", 4))
        self._dates = phrase_pattern(params, "dates", "dates_inline")
        self._captions = phrase_pattern(params, "captions", "captions_inline")
        self._sections = phrase_pattern(params, "sections", "sections_inline")

    def trigger(self) -> Trigger:
        """``min_records`` stamps: each holds a year, a time of day or a relative time."""
        return all_of(self.keyword_trigger(), Repeated(_STAMP_HINT, self.min_records))

    @cached_property
    def _date(self) -> re.Pattern[str]:
        dates = f"{self._dates}|{_NUMERIC_DATE}" if self._dates else _NUMERIC_DATE
        return re.compile(rf"(?:{dates})", re.IGNORECASE)

    @cached_property
    def _caption(self) -> re.Pattern[str] | None:
        if not self._captions:
            return None
        return re.compile(rf"[\W_]*(?:{self._captions})[\W_]*", re.IGNORECASE)

    @cached_property
    def _section(self) -> re.Pattern[str] | None:
        if not self._sections:
            return None
        return re.compile(rf"[\W_]*(?:{self._sections})[\W_]*", re.IGNORECASE)

    # -- reading ----------------------------------------------------------------------------

    def _units(self, doc: Document) -> list[_Unit]:
        store = doc.shared("record_runs")
        key = (self._dates, self._captions)
        found: list[_Unit] | None = store.get(key)
        if found is None:
            found = store[key] = list(self._read(doc))
        return found

    def _read(self, doc: Document) -> Iterator[_Unit]:
        """The page's paragraph lines as ``text_copy`` reads them; any other block whole."""
        lines = _paragraph_lines(doc)
        for node in doc.root.children:
            if node.kind in _SKIPPED_KINDS:
                continue
            if node.kind in _BARRIER_KINDS:
                yield _Unit(_BARRIER, node, node.start_line, node.end_line, "")
            elif node.kind == "paragraph":
                for copy in lines.get(node, ()):
                    unit = self._line_unit(node, copy.line, copy.raw, copy.text, copy.image)
                    if unit is not None:
                        yield unit
            else:
                yield self._block_unit(doc, node)

    def _block_unit(self, doc: Document, node: Node) -> _Unit:
        """A heading or a list as one unit: a heading is words; a list of one line is read as
        that line."""
        end = doc.content_end_line(node)
        if node.kind == "heading":
            text = line_reading(doc.line_text(node.start_line))[0].lstrip("#").strip()
            return _Unit(_WORDS, node, node.start_line, end, text, heading=True)
        if end - node.start_line == 1:
            raw = doc.line_text(node.start_line)
            text = line_reading(raw.lstrip(" \t*+-0123456789.)"))[0]
            unit = self._line_unit(node, node.start_line, raw, text)
            if unit is not None:
                return unit
        return _Unit(_WORDS, node, node.start_line, end, "")

    def _line_unit(
        self, node: Node, line: int, raw: str, text: str, has_image: bool = False
    ) -> _Unit | None:
        if not text:
            return _Unit(_IMAGE, node, line, line + 1, "") if has_image else None
        kind, timed = self._kind(raw, text)
        return _Unit(kind, node, line, line + 1, text, timed=timed)

    def _kind(self, raw: str, text: str) -> tuple[str, bool]:
        if _COUNT.fullmatch(text):
            return _COUNT_KIND, False
        caption = self._caption
        if caption is not None and len(text) < 60:
            bare = _COUNT_IN_CAPTION.sub("", text)
            if bare and caption.fullmatch(bare):
                return _CAPTION, False
        if self._is_stamp(raw, text):
            return _STAMP, _TIME.search(text) is not None
        return _WORDS, False

    def _is_stamp(self, raw: str, text: str) -> bool:
        """A short line with a date that holds a year, a time or a relative time."""
        if len(text) > 120 or not _STAMP_HINT.search(raw.lower()):
            return False
        words = word_count(text)
        if words > _STAMP_MAX_WORDS:
            return False
        dates = list(self._date.finditer(text))
        if not dates:
            return False
        rest = word_count(self._date.sub(" ", text))
        # (a sentence with a score or a time in it, "Wynik dwumeczu: 98:70 dla Unii.", is none)
        return rest <= _STAMP_OTHER_WORDS and not (rest > 2 and _SENTENCE_END.search(text))

    # -- slots and runs ---------------------------------------------------------------------

    def find(self, doc: Document) -> Iterator[Finding]:
        units = self._units(doc)
        if sum(unit.kind == _STAMP for unit in units) < self.min_records:
            return
        slots = _slots(units)
        runs = [run for run in self._runs(doc, units, slots) if self._records_fit(doc, units, run)]
        if not runs:
            return
        prose = self._prose(doc, units, runs)
        done = 0
        for run in runs:
            if run.first < done or self._kept(doc, units, run, prose):
                continue
            done = run.end
            yield self._finding(doc, units, run)

    def _prose(self, doc: Document, units: Sequence[_Unit], runs: Sequence[_Run]) -> list[int]:
        """Each unit's words of the article's prose (none for the runs' own units)."""
        taken: set[int] = set()
        for run in runs:
            taken.update(range(run.first, run.end))
        return [0 if at in taken else self._prose_words(doc, u) for at, u in enumerate(units)]

    def _prose_words(self, doc: Document, unit: _Unit) -> int:
        """The words of a line of the article's prose: a long sentence line (``text_copy``),
        or a line of a paragraph of prose wrapped at a width."""
        if unit.kind != _WORDS or unit.heading:
            return 0
        words = word_count(unit.text)
        # (a long line that holds a sentence's end; one without is a footer's row, a licence)
        if words >= self.min_prose_words and SENTENCE_IN.search(unit.text):
            return words
        node = unit.node
        if node.kind != "paragraph" or unit.end - unit.first != 1:
            return 0
        return words if node in text_copy(doc).wrapped else 0

    def _runs(
        self, doc: Document, units: Sequence[_Unit], slots: Sequence[_Slot]
    ) -> Iterator[_Run]:
        anchors = [at for at, slot in enumerate(slots) if slot.kind == _STAMP]
        segments = _segments(slots, anchors)
        start = 0
        while start < len(segments):
            stop = start
            while stop < len(segments) and self._repeats(segments[stop], segments[start]):
                stop += 1
            if stop - start + 1 < self.min_records:
                start += 1
                continue
            yield from self._untitled(
                doc, units, slots, anchors[start : stop + 1], segments[start:stop]
            )
            start = stop

    def _untitled(
        self,
        doc: Document,
        units: Sequence[_Unit],
        slots: Sequence[_Slot],
        anchors: Sequence[int],
        segments: Sequence[tuple[str, ...]],
    ) -> Iterator[_Run]:
        """The run of these records, or, when one holds the article's title (``_title_at``),
        the runs of the records before and after that one: a title and its date are no record."""
        anchors, segments = self._headlined_end(doc, units, slots, anchors, segments)
        if len(anchors) < self.min_records:
            return
        run = self._run(units, slots, anchors, segments)
        if run is None:
            return
        title = self._title_at(doc, units, run)
        if title is None:
            yield from self._whole_or_between_prose(doc, units, slots, anchors, segments, run)
            return
        slot = next(at for at, s in enumerate(slots) if s.first <= title < s.end)
        # (the title's record: the stamp that follows it; it stands in that record's lead)
        cut = next((k for k, anchor in enumerate(anchors) if anchor > slot), len(anchors) - 1)
        yield from self._untitled(doc, units, slots, anchors[:cut], segments[: cut - 1])
        yield from self._untitled(doc, units, slots, anchors[cut + 1 :], segments[cut + 1 :])

    def _headlined_end(
        self,
        doc: Document,
        units: Sequence[_Unit],
        slots: Sequence[_Slot],
        anchors: Sequence[int],
        segments: Sequence[tuple[str, ...]],
    ) -> tuple[Sequence[int], Sequence[tuple[str, ...]]]:
        """A run of teasers without its last records whose lines since the stamp before hold no
        headline: under a box's last teaser, the article's own standfirst and byline over its
        date read as one more record ("Hugo Valencia contó detalles …", a name, the date)."""
        if self.records != "teasers":
            return anchors, segments
        while len(anchors) >= self.min_records:
            since = range(slots[anchors[-2]].end, slots[anchors[-1]].first)
            if any(units[at].kind == _WORDS and self._is_headline(doc, units[at]) for at in since):
                break
            anchors, segments = anchors[:-1], segments[:-1]
        return anchors, segments

    def _whole_or_between_prose(
        self,
        doc: Document,
        units: Sequence[_Unit],
        slots: Sequence[_Slot],
        anchors: Sequence[int],
        segments: Sequence[tuple[str, ...]],
        run: _Run,
    ) -> Iterator[_Run]:
        """The run, or the runs of its records between its prose lines (``_prose_cuts``)."""
        cuts = self._prose_cuts(doc, units, slots, anchors, segments)
        if not cuts or self._whole(doc, units, run):
            yield run
            return
        for before, after in pairwise([-1, *cuts, len(segments)]):
            yield from self._untitled(
                doc, units, slots, anchors[before + 1 : after + 1], segments[before + 1 : after]
            )

    def _whole(self, doc: Document, units: Sequence[_Unit], run: _Run) -> bool:
        """Whether a run of teasers that fits goes as one (it is not read again between its
        prose lines)."""
        if not self._records_fit(doc, units, run):
            return False
        return not self._kept(doc, units, run, self._prose(doc, units, [run]))

    def _prose_cuts(
        self,
        doc: Document,
        units: Sequence[_Unit],
        slots: Sequence[_Slot],
        anchors: Sequence[int],
        segments: Sequence[tuple[str, ...]],
    ) -> list[int]:
        """For a run of teasers, the segments that hold a line of the article's prose: a text
        copy's prose, its boxes and its thread may repeat one shape of lines and stamps (a
        paragraph is a word line as a headline is), and a run that does not go whole is read
        again in the stretches between them."""
        if self.records != "teasers":
            return []
        return [
            k
            for k in range(len(segments))
            if any(
                self._prose_words(doc, units[at])
                for at in range(slots[anchors[k]].first, slots[anchors[k + 1]].first)
            )
        ]

    def _repeats(self, segment: tuple[str, ...], first: tuple[str, ...]) -> bool:
        if not 2 <= len(segment) <= self.max_period or _BARRIER in segment:
            return False
        if segment == first:
            return True
        return min(len(segment), len(first)) >= 4 and _distance(segment, first) <= 1

    def _title_at(self, doc: Document, units: Sequence[_Unit], run: _Run) -> int | None:
        """The unit of the article's title (or its standfirst heading) among the run's, if any:
        a heading of level one, one that names the front matter's title, or the one heading
        that outranks every other heading of the run (the records' headlines are lines, or
        headings of a lower level). A title with its date under it reads as one more record."""
        headings = [
            (heading_level(doc, unit.node), at)
            for at in range(run.first, run.end)
            if (unit := units[at]).heading and _dated(units, at)
        ]
        title = front_matter_title(doc)
        for level, at in headings:
            if level == 1 or (title is not None and names_title(doc, units[at].node, title)):
                return at
        return _outranking(headings)

    def _run(
        self,
        units: Sequence[_Unit],
        slots: Sequence[_Slot],
        anchors: Sequence[int],
        segments: Sequence[tuple[str, ...]],
    ) -> _Run | None:
        shape, count = Counter(segments).most_common(1)[0]
        if count < 2 or count * 3 < len(segments) * 2:
            return None  # most records repeat one shape exactly
        lead = _lead(shape)
        first_slot = _first_slot(slots, anchors[0], shape, lead)
        last_slot = _last_slot(slots, anchors[-1], shape, lead)
        stamps = tuple(slots[a].first for a in anchors)
        first = self._first_unit(units, slots, first_slot, anchors)
        end = self._end_unit(slots, segments, last_slot, anchors[-1])
        labelled_at = self._label_above(units, first)
        if labelled_at is not None:
            first = labelled_at
        return _Run(first, end, shape, stamps, labelled_at is not None)

    def _first_unit(
        self,
        units: Sequence[_Unit],
        slots: Sequence[_Slot],
        first_slot: int,
        anchors: Sequence[int],
    ) -> int:
        """The run's first unit: a word slot before the first stamp gives as many of its last
        lines as the same slot of the other records holds at least (the name, not the labels
        above it)."""
        slot = slots[first_slot]
        if slot.kind != _WORDS or first_slot == anchors[0]:
            return slot.first
        back = anchors[0] - first_slot
        sizes = [
            slots[a - back].end - slots[a - back].first
            for a in anchors[1:]
            if slots[a - back].kind == _WORDS
        ]
        size = min(sizes) if sizes else 1
        return max(slot.first, slot.end - size)

    def _end_unit(
        self,
        slots: Sequence[_Slot],
        segments: Sequence[tuple[str, ...]],
        last_slot: int,
        anchor: int,
    ) -> int:
        """The unit after the run: a word slot after the last stamp (the last comment's text)
        gives at most as many lines as the same slot of the other records holds."""
        slot = slots[last_slot]
        if slot.kind != _WORDS or last_slot == anchor:
            return slot.end
        ahead = last_slot - anchor
        return min(slot.end, slot.first + self._slot_size(slots, segments, ahead, anchor))

    def _slot_size(
        self, slots: Sequence[_Slot], segments: Sequence[tuple[str, ...]], ahead: int, anchor: int
    ) -> int:
        size = 1
        at = anchor
        for segment in reversed(segments):
            at -= len(segment)
            if ahead < len(segment) and segment[ahead] == _WORDS and at >= 0:
                slot = slots[at + ahead]
                size = max(size, slot.end - slot.first)
        return size

    def _label_above(self, units: Sequence[_Unit], first: int) -> int | None:
        """The unit of a comment-section label a few short lines above the run, if any."""
        section = self._section
        if section is None or self.records != "comments":
            return None
        for at in range(first - 1, max(-1, first - 1 - _LABEL_REACH), -1):
            unit = units[at]
            if unit.kind == _BARRIER or word_count(unit.text) > _LABEL_LINE_WORDS:
                return None
            if unit.text and section.fullmatch(_COUNT_IN_CAPTION.sub("", unit.text)):
                return at
        return None

    # -- what stays -------------------------------------------------------------------------

    def _kept(self, doc: Document, units: Sequence[_Unit], run: _Run, prose: Sequence[int]) -> bool:
        if not self._records_fit(doc, units, run):
            return True
        if not run.labelled and run.first > 0:
            before = units[run.first - 1].text
            if _INTRODUCES.search(before):
                return True
        before_words = sum(prose[: run.first])
        after_words = sum(prose[run.end :])
        after_core = before_words >= self.min_core_words and before_words >= 2 * after_words
        if self.records == "comments":
            return not after_core
        # (before the core: little prose above it, the article's below)
        before_core = after_words >= self.min_core_words and before_words * 4 <= min(
            after_words, 2 * self.min_core_words
        )
        return not (after_core or before_core)

    def _records_fit(self, doc: Document, units: Sequence[_Unit], run: _Run) -> bool:
        shape = run.shape
        if self.records == "comments":
            stamps = [u for u in units[run.first : run.end] if u.kind == _STAMP]
            timed = sum(u.timed for u in stamps) * 3 >= len(stamps) * 2
            if _CAPTION in shape:
                return True
            pictured = _IMAGE in shape  # an avatar by each stamp
            return timed and (_COUNT_KIND in shape or pictured or self._named(units, run))
        return self._headlined(doc, units, run)

    def _named(self, units: Sequence[_Unit], run: _Run) -> bool:
        """Whether most stamps stand under a short word line (the commenter's name)."""
        names = 0
        for at in run.stamps:
            unit = units[at - 1] if at > 0 else None
            if (
                unit is not None
                and unit.kind == _WORDS
                and not unit.heading
                and 0 < word_count(unit.text) <= _NAME_MAX_WORDS
                and not _SENTENCE_END.search(unit.text)
            ):
                names += 1
        return names * 3 >= len(run.stamps) * 2

    def _headlined(self, doc: Document, units: Sequence[_Unit], run: _Run) -> bool:
        """Whether the records hold a headline each, no caption and no more words than an
        excerpt."""
        if _CAPTION in run.shape:
            return False
        lines = [u for u in units[run.first : run.end] if u.kind == _WORDS]
        headlines = sum(self._is_headline(doc, u) for u in lines)
        words = sum(word_count(u.text) for u in lines)
        records = len(run.stamps)
        return headlines >= records and words <= _EXCERPT_MAX_WORDS * records

    def _is_headline(self, doc: Document, unit: _Unit) -> bool:
        """A heading, or a line of four to twenty-five words that ends no sentence (not a line
        of wrapped prose)."""
        if unit.heading:
            return True
        words = word_count(unit.text)
        if not self.min_headline_words <= words <= 25 or _SENTENCE_END.search(unit.text):
            return False
        return unit.node not in text_copy(doc).wrapped

    # -- the finding ------------------------------------------------------------------------

    def _finding(self, doc: Document, units: Sequence[_Unit], run: _Run) -> Finding:
        chosen = units[run.first : run.end]
        edits = _edits(doc, chosen)
        start = doc.line_offset(chosen[0].first)
        end = doc.line_end(chosen[-1].end - 1)
        return Finding(start, end, edits=edits, applicability=safe_if(run.labelled))


def _paragraph_lines(doc: Document) -> dict[Node, list[CopyLine]]:
    """The lines of each top-level paragraph, as ``text_copy`` reads them."""
    lines: dict[Node, list[CopyLine]] = {}
    for copy in text_copy(doc).lines:
        if not copy.brk and copy.node.kind == "paragraph" and not copy.lazy:
            lines.setdefault(copy.node, []).append(copy)
    return lines


def _outranking(headings: Sequence[tuple[int, int]]) -> int | None:
    """The unit of the one heading (level, unit) of a higher rank than all the others."""
    if not headings:
        return None
    levels = sorted(level for level, _ in headings)
    if len(levels) == 1 or levels[0] < levels[1]:
        return min(headings)[1]
    return None


def _dated(units: Sequence[_Unit], at: int) -> bool:
    """Whether a stamp follows unit ``at`` within ``_TITLE_DATE_REACH`` units (a title's date,
    a byline between them)."""
    return any(u.kind == _STAMP for u in units[at + 1 : at + 1 + _TITLE_DATE_REACH])


def _lead(shape: Sequence[str]) -> int:
    """How many of a shape's last slots stand before the stamp in a record: those after its
    last caption or count (the next commenter's name, picture); without either, its pictures
    (an avatar above the stamp), else one word slot (a name, a headline)."""
    tail = shape[1:]
    marks = [at for at, kind in enumerate(tail) if kind in (_CAPTION, _COUNT_KIND)]
    if marks:
        return len(tail) - 1 - marks[-1]
    pictures = 0
    for kind in reversed(tail):
        if kind != _IMAGE:
            break
        pictures += 1
    return pictures or 1


def _segments(slots: Sequence[_Slot], anchors: Sequence[int]) -> list[tuple[str, ...]]:
    """The slots' kinds from each stamp to the next (none for a stretch too long for a record)."""
    return [
        tuple(s.kind for s in slots[a:b]) if slots[b].first - slots[a].first <= _MAX_UNITS else ()
        for a, b in pairwise(anchors)
    ]


def _first_slot(slots: Sequence[_Slot], anchor: int, shape: Sequence[str], lead: int) -> int:
    """The first record's first slot: those before its stamp that the shape ends with."""
    first = anchor
    for back in range(1, lead + 1):
        at = anchor - back
        if at < 0 or slots[at].kind != shape[-back]:
            break
        first = at
    return first


def _last_slot(slots: Sequence[_Slot], anchor: int, shape: Sequence[str], lead: int) -> int:
    """The last record's last slot: the shape's slots after the stamp, but the next record's."""
    last = anchor
    for ahead in range(1, len(shape) - lead):
        at = anchor + ahead
        if at >= len(slots) or slots[at].kind != shape[ahead]:
            break
        last = at
    return last


def _slots(units: Sequence[_Unit]) -> list[_Slot]:
    slots: list[_Slot] = []
    for at, unit in enumerate(units):
        if slots and unit.kind == _WORDS and slots[-1].kind == _WORDS:
            slots[-1] = _Slot(_WORDS, slots[-1].first, at + 1)
        else:
            slots.append(_Slot(unit.kind, at, at + 1))
    return slots


def _edits(doc: Document, chosen: Sequence[_Unit]) -> tuple[Edit, ...]:
    """The units' lines removed: whole blocks with their seams, a paragraph's lines alone."""
    edits: list[Edit] = []
    groups: list[tuple[Node, int, int]] = []
    for unit in chosen:
        if groups and groups[-1][0] is unit.node:
            node, first, _ = groups[-1]
            groups[-1] = (node, first, unit.end)
        else:
            groups.append((unit.node, unit.first, unit.end))
    whole: list[Node] = []
    for node, first, end in groups:
        if first == node.start_line and end >= doc.content_end_line(node):
            whole.append(node)
            continue
        if whole:
            edits.append(remove_blocks(doc, whole[0], whole[-1]))
            whole = []
        edits.append(remove_span(doc, doc.line_offset(first), doc.line_end(end - 1)))
    if whole:
        edits.append(remove_blocks(doc, whole[0], whole[-1]))
    return tuple(edits)
