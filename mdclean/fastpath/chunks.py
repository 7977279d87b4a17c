"""Where a text's blank lines cut it into chunks, and a trigger asking for things in one place.

A paragraph never holds a blank line, so all of a paragraph stands inside one *chunk*: a run of
lines between blank lines, as markdown-it reads them (only spaces and tabs; a lone CR, which
markdown-it reads as a line break, is read here as part of a line, so chunks are at most too
long, never cut where markdown-it would not cut). A rule whose find reads one block can ask
for its evidence inside one chunk, or a few chunks in a row (a loose list of two items spans
two), instead of anywhere on the page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .raw_text import per_text
from .triggers import Trigger, kept

# One run of blank lines: the line break before them, then each blank line and its break.
_BLANK_RUN = re.compile(r"\n(?:[ \t\r]*\n)+")


@per_text  # every trigger that asks where chunks end shares one scan of the text
def chunk_ends(text: str) -> list[int]:
    """Where each chunk of the text but the last ends (the offsets just past its blank lines)."""
    return [match.end() for match in _BLANK_RUN.finditer(text)]


def chunk_of(text: str, offset: int) -> int:
    """The index of the chunk that holds ``offset``."""
    return bisect.bisect_right(chunk_ends(text), offset)


@dataclass(frozen=True)
class Spelt:
    """Marks written anywhere, and words standing alone: no letter or digit right before or after
    a word whose last character is ASCII (the underscore of emphasis is no letter); one in
    another script may stand inside a run of its letters."""

    marks: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    _all: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _alone: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        alone = frozenset(w for w in self.words if w[-1:].isascii()) - set(self.marks)
        object.__setattr__(self, "_all", tuple(sorted({*self.marks, *self.words})))  # (frozen)
        object.__setattr__(self, "_alone", alone)

    def offsets(self, text: str) -> Iterator[int]:
        """Where a mark, or a word standing alone, starts in the text (each string looked for
        on its own: ``str.find`` is far faster than an alternation of many)."""
        plain = text.isascii()  # (a string in another script cannot stand in it)
        for spelt in self._all:
            if plain and not spelt.isascii():
                continue
            at = text.find(spelt)
            alone = spelt in self._alone
            while at >= 0:
                end = at + len(spelt)
                if not alone or not (
                    (at and text[at - 1].isalnum()) or (end < len(text) and text[end].isalnum())
                ):
                    yield at
                at = text.find(spelt, at + 1)


@dataclass(frozen=True)
class Together(Trigger):
    """Each of ``spelt`` stands in the text, all of them inside one run of at most ``span``
    consecutive chunks (none of them runs over a line break)."""

    spelt: tuple[Spelt, ...]
    span: int = 1

    def holds(self, text: str) -> bool:
        return kept(self, text, lambda: self._found(text))

    def _found(self, text: str) -> bool:
        places: list[set[int]] = []
        for spelt in self.spelt:
            found = {chunk_of(text, at) for at in spelt.offsets(text)}
            if not found:
                return False
            places.append(found)
        rarest = min(places, key=len)
        return any(
            all(any(first + step in found for step in range(self.span)) for found in places)
            for first in {at - back for at in rarest for back in range(self.span)}
        )
