"""The lines where a phrase may open a line as ``line_reading`` reads it, from the raw text.

Rules that read a block line by line (glued widget lines, sign-off boxes) want a line that,
as a reader sees it, opens with one of their phrases. Such a line holds a place where the
label trigger finds a label may stand (``LabelTrigger.hits``), or markup that the reading
drops or reads apart and the trigger's line heads do not (tags, code and emphasis marks,
escapes, link brackets): every other line is ruled out without reading it.
"""

from __future__ import annotations

import re

from ..fastpath.body import lines_at
from ..fastpath.fences import outside_fences
from ..fastpath.raw_text import per_text
from .label_triggers import LINE_END, LabelTrigger, phrase_text

_MARKED_LINE = re.compile(r"[<`\\*_~\[\]][^\n]*")


def candidate_lines(labels: LabelTrigger | None, lowered: str) -> list[int] | None:
    """The lines (0-based, sorted) of the lower-cased text that may open with one of the
    labels as ``line_reading`` reads them; None when any line may."""
    if labels is None:
        return None
    seen = phrase_text(outside_fences(lowered))  # (no line of code is a block's line)
    hits = labels.hits(seen)
    if hits is None:
        return None
    marked = [match.start() for match in _MARKED_LINE.finditer(seen)]
    return lines_at(seen, [*hits.heads, *hits.words, *marked])


@per_text  # the rules that read lines share one split of a text
def text_lines(text: str) -> list[str]:
    """The text's lines, cut where the document cuts them."""
    if "\r" in text:
        return LINE_END.split(text)
    return text.split("\n")  # (far faster than the regex)
