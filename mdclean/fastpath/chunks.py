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
from dataclasses import dataclass

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
class Together(Trigger):
    """Each pattern matches in the text, all of them inside one run of at most ``span``
    consecutive chunks. The patterns are searched in the whole text: each must be a literal
    or test its neighbours only for word characters (a chunk's edge is a line break, which no
    word character is), and must not run over a blank line."""

    patterns: tuple[re.Pattern[str], ...]
    span: int = 1

    def holds(self, text: str) -> bool:
        return kept(self, text, lambda: self._found(text))

    def _found(self, text: str) -> bool:
        places: list[set[int]] = []
        for pattern in self.patterns:
            found = {chunk_of(text, match.start()) for match in pattern.finditer(text)}
            if not found:
                return False
            places.append(found)
        rarest = min(places, key=len)
        return any(
            all(any(first + step in found for step in range(self.span)) for found in places)
            for first in {at - back for at in rarest for back in range(self.span)}
        )
