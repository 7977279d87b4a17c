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

    readings: dict[Callable[..., Any], Any]

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
