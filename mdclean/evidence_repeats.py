"""A part's evidence that needs no link and no phrase: lines the page prints twice, in order.

A site prints its chrome more than once: the menu in the head and again in the footer or a
mobile drawer, a teaser box's headlines under two tabs ("Most read", "Newest"), a ticker
printed twice. A select-all copy or a converter keeps every copy, as bare lines or as links.
An article does not print a run of its own lines twice in the same order outside its prose:
its table of contents comes back as headings *between* its paragraphs, a pull quote stands
inside its prose.

``repeated_lines`` reads the page's non-blank lines, each as a reader sees it (markup and link
targets gone, spaces folded), outside the article's prose core (``core``: the text copy's core,
else the page's prose paragraphs), and finds:

- every window of ``MIN_WINDOW`` consecutive lines that the page prints again, in the same
  order, at least ``MIN_WINDOW`` lines away, both copies outside the core: a menu printed twice;
- past the core, the lines from a headline (``HEADLINE_WORDS`` words or more) the page prints
  twice outside the core to the last such headline, ``MIN_HEADLINES`` different ones, with no
  line of prose between them: a teaser box whose headlines another box prints again (the
  article's title printed twice over its prose stays: the head is not read so).

The article's own title is no line printed again (``title_again``): the only headline over the
core that the page prints again, and only past the core's end (a box of the site's latest
headlines under the article lists the article among them), is the article's title, whatever
stands between it and the prose (a byline, buttons, a read-aloud notice). A menu's items are
shorter than a headline; a ticker over the article prints several headlines the tail prints
again.

A line of prose (a sentence of five words or more that does not ask or exclaim, or more than
twenty-five words) is never one of them and cuts a headline span: a chorus or a quoted
paragraph is no menu, nor a table of contents (links inside the page). A page without a core
has none. Such lines are evidence for a part of an unsafe finding (``vouching.vouched_parts``):
plain ``--fix`` only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .document import Document
from .matchers.line_reading import item_reading
from .matchers.linkblocks import word_count
from .matchers.text_copy import SENTENCE_END, text_copy

MIN_WINDOW = 3
"""Lines in a row that the page prints twice in the same order (a menu, not a repeated word)."""
HEADLINE_WORDS = 4
"""A teaser's headline: at least this many words (two characters of a script without spaces
count as one)."""
MIN_HEADLINES = 2
"""Different headlines printed twice that a teaser box past the article holds."""
_SPACES = re.compile(r"\s+")
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_LETTER = re.compile(r"[^\W\d_]")
_PROSE_WORDS = 5
_ASKS = re.compile(r"[?!？！][\"'”’»」』)\]]*$")
"""A short line that asks or exclaims is a teaser's headline, not the article's prose."""
_LONG_WORDS = 25


def _key(raw: str) -> str | None:
    """A line as a reader sees it, spaces folded; None for a line without a letter, one of
    prose, or one whose links all lead inside the page (a table of contents printed twice)."""
    targets = _TARGET.findall(raw)
    if targets and all(target.startswith("#") for target in targets):
        return None
    text = _SPACES.sub(" ", item_reading(raw)).strip().casefold()
    if not _LETTER.search(text):
        return None
    words = word_count(text)
    if words > _LONG_WORDS or (
        words >= _PROSE_WORDS and SENTENCE_END.search(text) and not _ASKS.search(text)
    ):
        return None
    return text


def core(doc: Document, prose: tuple[int, int]) -> tuple[int, int] | None:
    """The article's prose core as the document's first and last line: the text copy's core
    (``text_copy``: its lines read one by one, a copy without blank lines too), else ``prose``
    (the page's prose paragraphs); None for neither."""
    found = text_copy(doc).core_lines()
    if found is not None:
        return found
    return prose if prose[1] >= prose[0] else None


def repeated_lines(doc: Document, prose: tuple[int, int]) -> frozenset[int]:
    """The document's lines (0-based) of windows the page prints twice in order, both copies
    outside its core (``core``); none on a page without a core."""
    store = doc.shared("evidence_repeats")
    if "lines" not in store:
        store["lines"] = _read(doc, core(doc, prose))
    found: frozenset[int] = store["lines"]
    return found


def printed_again(doc: Document, prose: tuple[int, int]) -> frozenset[int]:
    """The document's lines (0-based) outside its core whose text the page prints again outside
    the core, not on the next line (a menu's item in the head and again in the footer, in any
    order); none on a page without a core. Evidence only where a rule read the line's region as
    chrome (``vouching``'s regional parts): a line alone printed twice is no menu."""
    store = doc.shared("evidence_repeats")
    if "again" not in store:
        store["again"] = _again(doc, core(doc, prose))
    found: frozenset[int] = store["again"]
    return found


def _again(doc: Document, span: tuple[int, int] | None) -> frozenset[int]:
    if span is None:
        return frozenset()
    lines, where = _printings(doc, span)
    title = title_again(doc, span)
    return frozenset(
        lines[k]
        for positions in where.values()
        if positions[-1] - positions[0] > 1
        for k in positions
        if lines[k] != title
    )


def title_again(doc: Document, span: tuple[int, int] | None) -> int | None:
    """The document's line (0-based) of the article's title that the page prints again past
    its core (``span``, its first and last lines): the only line over the core of
    ``HEADLINE_WORDS`` words or more whose text the page prints again, when every other
    printing stands past the core's end (a box of the site's headlines under the article);
    None when no line, or more than one (a ticker over the article), reads so."""
    if span is None:
        return None
    store = doc.shared("evidence_repeats")
    key = ("title", span)
    if key not in store:
        store[key] = _title_again(*_printings(doc, span), span)
    found: int | None = store[key]
    return found


def _printings(doc: Document, span: tuple[int, int]) -> tuple[list[int], dict[str, list[int]]]:
    """The document's non-blank lines, and for each line's text outside ``span`` (``_key``)
    its positions among them; read once a page and core (``_again`` and ``title_again``)."""
    store = doc.shared("evidence_repeats")
    key = ("printings", span)
    if key not in store:
        store[key] = _read_printings(doc, span)
    found: tuple[list[int], dict[str, list[int]]] = store[key]
    return found


def _read_printings(doc: Document, span: tuple[int, int]) -> tuple[list[int], dict[str, list[int]]]:
    where: dict[str, list[int]] = defaultdict(list)
    lines: list[int] = []
    for i in range(doc.line_count):
        raw = doc.line_text(i)
        if not raw.strip():
            continue
        lines.append(i)
        key = None if span[0] <= i <= span[1] else _key(raw)
        if key is not None:
            where[key].append(len(lines) - 1)
    return lines, where


def _title_again(
    lines: Sequence[int], where: dict[str, list[int]], span: tuple[int, int]
) -> int | None:
    """``title_again`` read from ``_printings`` (the core's lines have no text there)."""
    head = [
        [lines[k] for k in positions if lines[k] < span[0]]
        for key, positions in where.items()
        if len(positions) > 1 and word_count(key) >= HEADLINE_WORDS
    ]
    head = [found for found in head if found]
    if len(head) != 1 or len(head[0]) != 1:
        return None
    return head[0][0]


def _read(doc: Document, span: tuple[int, int] | None) -> frozenset[int]:
    if span is None:
        return frozenset()
    lines: list[int] = []
    keys: list[str | None] = []
    tail: list[bool] = []  # (past the core's last line)
    for i in range(doc.line_count):
        raw = doc.line_text(i)
        if not raw.strip():
            continue
        lines.append(i)
        # (the core's lines: no copy of a window stands there)
        keys.append(None if span[0] <= i <= span[1] else _key(raw))
        tail.append(i > span[1])
    found = _repeated_positions(keys) | _headline_spans(keys, tail)
    return frozenset(lines[k] for k in found)


def _headline_spans(keys: Sequence[str | None], tail: Sequence[bool]) -> set[int]:
    """The positions past the core from a headline printed twice to the last such headline
    with no line of prose (nor the core) between them, when ``MIN_HEADLINES`` different ones
    stand there: a teaser box whose headlines another box (most read, newest, the head's
    ticker) prints again. A headline: ``HEADLINE_WORDS`` words or more and no sentence's end
    (a question's aside); its copies not next to each other (a card's picture and title)."""
    twice = _headlines_printed_twice(keys, tail)
    found: set[int] = set()
    for stretch in _tail_stretches(keys, tail):
        anchors = [k for k in stretch if k in twice]
        if len({keys[k] for k in anchors}) >= MIN_HEADLINES:
            found.update(k for k in stretch if anchors[0] <= k <= anchors[-1])
    return found


def _headlines_printed_twice(keys: Sequence[str | None], tail: Sequence[bool]) -> set[int]:
    """The positions past the core of headlines the page prints again outside its core (not
    right next to each other)."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key is not None and word_count(key) >= HEADLINE_WORDS:
            where[key].append(i)
    return {
        i
        for positions in where.values()
        if positions[-1] - positions[0] > 1
        for i in positions
        if tail[i]
    }


def _tail_stretches(keys: Sequence[str | None], tail: Sequence[bool]) -> list[list[int]]:
    """The stretches of positions past the core between lines of prose."""
    stretches: list[list[int]] = [[]]
    for i, key in enumerate(keys):
        if tail[i] and key is not None:
            stretches[-1].append(i)
        elif stretches[-1]:
            stretches.append([])
    return [stretch for stretch in stretches if stretch]


def _repeated_positions(keys: Sequence[str | None]) -> set[int]:
    """The positions of windows whose keys come again, in order, a window's length away."""
    starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(keys) - MIN_WINDOW + 1):
        window = keys[i : i + MIN_WINDOW]
        if any(key is None for key in window) or len(set(window)) < 2:
            continue
        starts[tuple(key for key in window if key is not None)].append(i)
    found: set[int] = set()
    for positions in starts.values():
        if positions[-1] - positions[0] < MIN_WINDOW:
            continue
        for start in positions:
            found.update(range(start, start + MIN_WINDOW))
    return found
