"""Which of many strings stand in a text, without looking for each one.

A family of UI strings holds hundreds of them, and a trigger that asks ``string in text`` of
each scans the text hundreds of times. Every three characters of a string that stands in a
text stand in it too, so the text's set of three-character pieces (``grams``, read once per
text and shared by every rule that asks) rules out, with one set intersection, each string
whose chosen piece it lacks; only the few others are looked for. The answer is exactly the
strings that stand in the text (substring semantics, as ``in``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .raw_text import per_text

GRAM = 3


@per_text  # (every rule with a ``StringSet`` asks it of the same text: read once)
def grams(text: str) -> frozenset[str]:
    """Every piece of ``GRAM`` characters of the text."""
    return frozenset({text[i : i + GRAM] for i in range(len(text) - GRAM + 1)})


def _grams_of(string: str) -> set[str]:
    return {string[i : i + GRAM] for i in range(len(string) - GRAM + 1)}


class StringSet:
    """Strings, indexed by one piece of each: the piece fewest of them share (a text that
    holds it is then likely to hold the string)."""

    def __init__(self, strings: Iterable[str]) -> None:
        distinct = sorted(set(strings))
        self.short = tuple(s for s in distinct if len(s) < GRAM)
        shared = Counter(g for s in distinct for g in _grams_of(s))
        by_gram: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for string in distinct:
            if len(string) >= GRAM:
                pieces = _grams_of(string)
                piece = min(pieces, key=lambda g: (shared[g], " " in g, g))
                by_gram.setdefault(piece, []).append((string, frozenset(pieces)))
        self.by_gram = {piece: tuple(found) for piece, found in by_gram.items()}
        self.pieces = frozenset(self.by_gram)

    def present(self, text: str) -> set[str]:
        """The strings that stand in ``text`` (``string in text``): those whose every piece it
        holds are looked for."""
        found = {s for s in self.short if s in text}
        held = grams(text)
        by_gram = self.by_gram
        for piece in self.pieces.intersection(held):
            for string, pieces in by_gram[piece]:
                if pieces <= held and string in text:
                    found.add(string)
        return found
