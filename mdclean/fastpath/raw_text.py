"""One text as the fast path reads it, with the readings every rule's trigger shares.

The prefilter makes one ``RawText`` per text (the lower-cased text, and its Markdown body
apart from the front matter) and asks every rule about it. A reading that several triggers
need (the text as a case-insensitive regex sees it, where lines start, the link targets
written in it) is a function marked ``@per_text``: computed on first use and kept on that
``RawText``, so it lives as long as the text and no longer. There is no module-level cache.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

_Result = TypeVar("_Result")


class RawText(str):
    """A text (a ``str``, so every trigger reads it as one) that keeps its shared readings."""

    readings: dict[object, Any]
    """Per reading (a ``per_text`` function, a trigger condition), its answer for this text."""

    def __new__(cls, text: str) -> RawText:
        made = super().__new__(cls, text)
        made.readings = {}
        return made


def per_text(read: Callable[[str], _Result]) -> Callable[[str], _Result]:
    """``read`` kept per text: asked about a ``RawText``, it reads it once and keeps the
    answer there (a text it derives, such as a folded copy, becomes a ``RawText`` in turn,
    so the readings of that copy are shared too); asked about a plain ``str``, it reads."""

    @functools.wraps(read)
    def kept(text: str) -> _Result:
        if not isinstance(text, RawText):
            return read(text)
        readings = text.readings
        if read in readings:
            result: _Result = readings[read]
            return result
        value = read(text)
        if isinstance(value, str) and not isinstance(
            value, RawText
        ):  # a derived text: its own readings are kept too
            readings[read] = RawText(value)
        else:
            readings[read] = value
        kept: _Result = readings[read]
        return kept

    return kept


def part_of(text: str, key: object, cut: Callable[[], str | None]) -> str | None:
    """A part of the text (its head, its tail: ``cut()``, None when it cannot be told), kept
    on a ``RawText`` under ``key``: the rules that read the same part share its readings
    (the part that is the whole text is the text itself)."""
    if not isinstance(text, RawText):
        return cut()
    readings = text.readings
    if key in readings:
        kept: str | None = readings[key]
        return kept
    made = cut()
    found = readings[key] = (
        None if made is None else text if len(made) == len(text) else RawText(made)
    )
    return found


# Letters a case-insensitive regex matches that ``str.lower`` leaves apart: the dotted and
# dotless i, the long s, the old Cyrillic letter forms (U+1C80-U+1C87, which match в д о с т т ъ ѣ).
_FOLDS = {
    "i\u0307": "i",
    "\u0131": "i",
    "\u017f": "s",
    "\u1c80": "\u0432",
    "\u1c81": "\u0434",
    "\u1c82": "\u043e",
    "\u1c83": "\u0441",
    "\u1c84": "\u0442",
    "\u1c85": "\u0442",
    "\u1c86": "\u044a",
    "\u1c87": "\u0463",
}


@per_text  # every rule that reads the text as a regex would asks: one copy, which the other readings share
def searchable(lowered_text: str) -> str:
    """The lower-cased text as a case-insensitive regex sees it.

    ``str.lower`` turns "İ" into two characters, and the regex folds "ı" and "ſ"
    into "i" and "s"; a literal test on the lowered text must do the same.
    """
    if lowered_text.isascii():
        return lowered_text
    for folded, plain in _FOLDS.items():
        if folded[-1] in lowered_text:
            lowered_text = lowered_text.replace(folded, plain)
    return lowered_text


FRAGMENTS_FROM = 4096
"""A text this long is read for whitespace-free strings in its distinct runs (``fragments``):
shorter, its readings would cost more than the scans they spare."""


@per_text  # (asked only of long texts: every literal trigger of the text shares the one copy)
def fragments(text: str) -> str:
    """The text's distinct runs of non-whitespace characters, one a line. A string without
    whitespace stands in the text exactly when it stands here (each of its occurrences lies in
    one run, and no occurrence here spans a line break): ``in`` scans a quarter to a half of
    the text (a page repeats its words), which is what makes the many literal questions of
    the fast path cheaper (``in`` looks for a word at about 300 MB/s)."""
    return "\n".join(set(text.split()))


def bare(string: str) -> bool:
    """Whether a string holds no whitespace (as ``str.split`` tells it): ``fragments`` can
    answer for it."""
    return string.split() == [string]


PIECES_AFTER = 100
"""How many strings a long text is asked about before its pieces are read: reading them costs
about what this many scans of its runs cost, so a text asked about few strings never pays for
them, and one asked about many (a page most rules ask) pays at most double."""


def _pieces(runs: str) -> frozenset[str]:
    """Every piece of three characters of these runs (``fragments``; of a string asked: its
    own pieces)."""
    return frozenset(map("".join, zip(runs, runs[1:], runs[2:], strict=False)))


_PIECES_OF: dict[str, frozenset[str]] = {}
"""Per string asked (the rules' literals and words: a few thousand), its pieces."""


def _pieces_of(string: str) -> frozenset[str]:
    found = _PIECES_OF.get(string)
    if found is None:
        if len(_PIECES_OF) > 50_000:
            _PIECES_OF.clear()  # (strings made on the fly: do not grow forever)
        found = _PIECES_OF[string] = _pieces(string)
    return found


_PIECES = object()  # the key, among a long text's readings, of its pieces
_ASKED = object()  # and of how many strings it was asked about before it had them


def holds_bare(text: str, string: str) -> bool:
    """``string in text`` for a string without whitespace (``bare``): asked of its
    ``fragments`` when the text is a long ``RawText``. Once such a text has been asked about
    ``PIECES_AFTER`` strings, its runs' pieces of three characters are read, and a string one
    of whose pieces they lack is absent without a scan: each occurrence of a string without
    whitespace lies in one run, and so does each of its pieces (most strings asked are absent).
    The answer is the scan's either way."""
    if len(text) < FRAGMENTS_FROM or not isinstance(text, RawText):
        return string in text
    readings = text.readings
    held: frozenset[str] | None = readings.get(_PIECES)
    if held is None:
        asked = readings[_ASKED] = readings.get(_ASKED, 0) + 1
        if asked < PIECES_AFTER:
            return string in fragments(text)
        held = readings[_PIECES] = _pieces(fragments(text))
    return _pieces_of(string) <= held and string in fragments(text)
