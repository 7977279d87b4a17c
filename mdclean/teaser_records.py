"""A box of the site's teasers read from its records' stamps (a part's reading, ``vouching``).

Past the article's end, a news site's "latest", "most read" and "recommended" boxes print each
teaser as the same few lines: a headline (perhaps an excerpt or a kicker), then its stamp on a
line of its own ("vor 8 Stunden", "April 22, 2020", "1月13日", "31/10"), perhaps a count of its
comments ("25"). A text copy keeps those lines without their links, and the region readings
(a text copy's tail, the chrome after the article) take them with the site's footer; no
chrome list names a headline. The records' repetition is a second reading of the lines: a run
of ``MIN_RECORDS`` stamps or more, each record holding words and at most ``MAX_RECORD_LINES``
lines beside its stamp, half the records at least a headline (``HEADLINE_WORDS`` words or
more), with the box's short title right above its first record.

A box's title is a second reading of its own (``labelled_runs``): a line that is a known title
of a related, popular or "also read" box (``LABELS``, 15 languages), then ``MIN_RECORDS``
headlines or more, with their excerpts, stamps and counts, to the next title, a caption of the
chrome lists or a line no teaser holds.

What stays: anything in the article's core (a schedule, a changelog), a list of dates without
headlines (a tour's dates, a table of releases), records of longer text (a comment thread's
comments are read by the comment rules), lines of code or tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise

from .matchers.line_reading import SENTENCE_END, item_reading
from .matchers.linkblocks import word_count
from .matchers.phrase_lists import phrase_pattern, whole_phrase

MIN_RECORDS = 3
"""Stamps of a box: at least this many records."""
MAX_RECORD_LINES = 3
"""Lines of a record beside its stamp and counts (a kicker, a headline, an excerpt)."""
HEADLINE_WORDS = 4
"""A record's headline: at least this many words (a script without spaces: two characters a
word, ``word_count``)."""
_MAX_LINE_WORDS = 40
"""A longer line is no teaser's (an excerpt is cut shorter): it ends a box."""
_TITLE_WORDS = 5
"""The box's title above its first record: at most this many words."""
_STAMP_CHARACTERS = 60
_STAMP_OTHER_WORDS = 3
"""Words of a stamp's line beside its date ("Aktualisiert", "Publié le", a short name)."""
_COUNT = re.compile(r"[-+]?\d{1,5}\s*[|·]?")
_DAY_MONTH = r"(?<!\d)\d{1,2}[/.]\d{1,2}(?![\d/.])"
# A relative time as a whole phrase, its number and unit: not record_runs' RELATIVE_TIME, a
# hint whose bare "前" or "ago" makes a headline a stamp (tried: t25 lost 7 teaser rows).
_RELATIVE = r"(?:vor|il y a|hace|há) (?:\d+|einer?|une?|una?|uma?) \w+|\d+ ?\w+ (?:ago|temu|trước)"
_BARRIER = re.compile(r"\s*(?:```|~~~|\|.*\|\s*$)")


LABELS = ("related-labels", "related-label-variants", "related-box-titles", "also-read-labels")
"""The titles of a box of other stories (not a manual's "See also": content-link-titles)."""
_EXCERPT_WORDS = 80
"""A longer line is no teaser's excerpt: it ends a titled box."""


@cache
def _title() -> re.Pattern[str] | None:
    return whole_phrase({"phrases": list(LABELS)})


def box_title(raw: str) -> bool:
    """A line that is a known title of a box of other stories, alone."""
    title = _title()
    text = _text(raw)
    return title is not None and bool(text) and title.fullmatch(text) is not None


@cache
def _dates() -> re.Pattern[str]:
    """The dates of a stamp: the post dates of 15 languages, a day and month, a relative time."""
    listed = phrase_pattern({"phrases": ["post-dates"]})
    return re.compile(rf"(?:{listed})|{_DAY_MONTH}|{_RELATIVE}", re.IGNORECASE)


def _text(raw: str) -> str:
    return item_reading(raw).strip()


def stamp_line(raw: str) -> bool:
    """A line that is a date (or a time) alone, with at most ``_STAMP_OTHER_WORDS`` words."""
    text = _text(raw).strip(" |·•-")
    if not text or len(text) > _STAMP_CHARACTERS or _dates().search(text) is None:
        return False
    rest = _dates().sub(" ", text)
    return word_count(rest) <= _STAMP_OTHER_WORDS and not SENTENCE_END.search(text)


def _kind(raw: str) -> str | None:
    """A line's kind: None blank, "S" a stamp, "N" a count, "H" a headline, "W" other words,
    "X" a line no teaser holds (code, a table's row, a long paragraph)."""
    if not raw.strip():
        return None
    if _BARRIER.match(raw):
        return "X"
    text = _text(raw)
    if _COUNT.fullmatch(text):
        return "N"
    if stamp_line(raw):
        return "S"
    words = word_count(text)
    if words > _MAX_LINE_WORDS:
        return "X"
    return "H" if words >= HEADLINE_WORDS else "W"


def stamped_runs(lines: Sequence[str], outside: int) -> list[tuple[int, int]]:
    """The runs (first, last index of ``lines``) of teaser records, read among the lines from
    ``outside`` on (the lines before it are the article's core)."""
    kinds = [_kind(line) if i >= outside else "X" for i, line in enumerate(lines)]
    runs: list[tuple[int, int]] = []
    for stamps in _stamp_groups(kinds):
        run = _box(kinds, lines, stamps)
        if run is not None:
            runs.append(run)
    return runs


def _stamp_groups(kinds: Sequence[str | None]) -> list[list[int]]:
    """The stamps, grouped where at most ``MAX_RECORD_LINES`` word lines (and no barrier)
    stand between two."""
    groups: list[list[int]] = []
    gap: int | None = None
    for i, kind in enumerate(kinds):
        if kind == "S":
            if gap is not None and gap <= MAX_RECORD_LINES and groups:
                groups[-1].append(i)
            else:
                groups.append([i])
            gap = 0
        elif kind == "X":
            gap = None
        elif kind in ("H", "W") and gap is not None:
            gap += 1
    return groups


def _box(
    kinds: Sequence[str | None], lines: Sequence[str], stamps: list[int]
) -> tuple[int, int] | None:
    """A group's box: its first record's lines (as many as the second record's) and title
    above its first stamp, to the counts after its last; None when it holds too few records,
    a record without words, or headlines in fewer than half of them."""
    if len(stamps) < MIN_RECORDS:
        return None
    between = [kinds[a + 1 : b] for a, b in pairwise(stamps)]
    sizes = [sum(kind in ("H", "W") for kind in record) for record in between]
    start, headline = _first_record(kinds, stamps[0], sizes[0])
    headlines = headline + sum("H" in record for record in between)
    if start is None or min(sizes) == 0 or 2 * headlines < len(stamps):
        return None
    return _titled(kinds, lines, start), _counted_end(kinds, stamps[-1])


def _counted_end(kinds: Sequence[str | None], stamp: int) -> int:
    """The last stamp's line, or the last count right after it."""
    end = stamp
    for i in range(stamp + 1, len(kinds)):
        if kinds[i] == "N":
            end = i
        elif kinds[i] is not None:
            break
    return end


def _first_record(kinds: Sequence[str | None], stamp: int, size: int) -> tuple[int | None, int]:
    """The first line of the record whose stamp is ``stamp`` (``size`` word lines at most;
    None without one) and whether a headline is among them (1 or 0)."""
    start, taken, headline = None, 0, 0
    i = stamp - 1
    while i >= 0 and taken < size and kinds[i] in ("H", "W", "N", None):
        if kinds[i] in ("H", "W"):
            taken += 1
            headline = headline or int(kinds[i] == "H")
            start = i
        i -= 1
    return start, headline


def _titled(kinds: Sequence[str | None], lines: Sequence[str], start: int) -> int:
    """``start``, or the line above it when that is a short title (the box's label)."""
    i = start - 1
    while i >= 0 and kinds[i] is None:
        i -= 1
    if i < 0 or kinds[i] not in ("H", "W"):
        return start
    text = _text(lines[i])
    if word_count(text) <= _TITLE_WORDS and not SENTENCE_END.search(text):
        return i
    return start


def labelled_runs(
    lines: Sequence[str], outside: int, stop: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The runs (first, last index of ``lines``) of boxes under a known title, from ``outside``
    on: the title and the lines under it to the next title, a line ``stop`` reads (a caption of
    the chrome lists) or a line no teaser holds, when ``MIN_RECORDS`` headlines are among them."""
    runs: list[tuple[int, int]] = []
    for i in range(max(outside, 0), len(lines)):
        if (runs and i <= runs[-1][1]) or not box_title(lines[i]):
            continue
        end, headlines = _titled_end(lines, i + 1, stop)
        if headlines >= MIN_RECORDS:
            runs.append((i, end))
    return runs


def _titled_end(lines: Sequence[str], start: int, stop: Callable[[str], bool]) -> tuple[int, int]:
    """The last line of a titled box whose records start at ``start``, and its headlines."""
    end, headlines = start - 1, 0
    for j in range(start, len(lines)):
        raw = lines[j]
        if not raw.strip():
            continue
        if box_title(raw) or stop(raw) or _BARRIER.match(raw):
            break
        words = word_count(_text(raw))
        if words > _EXCERPT_WORDS:
            break
        headlines += words >= HEADLINE_WORDS
        end = j
    return end, headlines
