"""A post's comment section past the article, read inside a regional finding's lines
(``vouching._region_runs``): the section's label and a second comment line under it.

A page's tail often keeps what is left of the comment section: its label with the count
("### Kommentare (0)", "komentarze (0)", "## Comments"), a button's caption ("Kommentare
anzeigen", "Mostrar comentarios"), the form's prompt, its e-mail notice ("Votre adresse e-mail ne
sera pas publiée") or its field labels, a sign-in line, the thread's policy, and the readers'
own words between them. Where a rule that reads the page's regions took those lines, past the
article's core, the section is a part of its own when the place and two comment lines agree:

- the section opens at a whole line that is a comment section's label (``LABEL_LISTS``);
- a second whole line under it is the section's own (``MARK_LISTS``: another label, a button's
  caption, a prompt, a field label, the e-mail notice, a policy, a closed-thread note);
- it runs to its last line that names comments or is the section's own, before the next
  heading that names none (the section's own headings, "#### Kommentar abgeben", go with it),
  a fence, a table or ``_MAX_GAP`` lines that name none: the readers' words between go with it,
  what follows is another reading's.

A label alone ("## Comments" over a script's empty box) waits for ``--unsafe-fixes``, and so does a
section the article's core holds (a guide's chapter on comments).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .matchers.line_reading import item_reading
from .matchers.linkblocks import word_count
from .matchers.phrase_lists import phrase_pattern, whole_phrase

LABEL_LISTS = ("comment-section-labels",)
"""What a comment section prints over its thread: its label, with a count."""
MARK_LISTS = (
    "comment-section-labels",
    "comment-prompts",
    "comment-form-fields",
    "comment-policies",
    "comments-closed-notes",
    "comment-disclaimers",
    "reply-buttons",
)
"""Whole lines of the section's own: a second one under the label makes the section."""
_HEADING_WORDS = 6
"""A heading of the section (that names comments): at most this many words."""
_CHARACTERS = 200
"""A longer line is no caption of the section (a reader's comment may be, between them)."""
_MAX_GAP = 8
"""Lines (not blank) between two lines that name comments: a longer stretch is no section's."""
_HEADING = re.compile(r"\s*(?:>\s*)*#{1,6}\s")
_BARRIER = re.compile(r"\s*(?:```|~~~|\|.*\|\s*$)")


@cache
def _whole(lists: tuple[str, ...]) -> re.Pattern[str] | None:
    return whole_phrase({"phrases": list(lists)})


@cache
def _names_comments() -> re.Pattern[str] | None:
    listed = phrase_pattern({"phrases": list(LABEL_LISTS)})
    return re.compile(rf"(?:{listed})", re.IGNORECASE) if listed else None


def _text(raw: str) -> str:
    return item_reading(raw).strip()


def _is(raw: str, lists: tuple[str, ...]) -> bool:
    pattern = _whole(lists)
    text = _text(raw)
    return pattern is not None and 0 < len(text) <= _CHARACTERS and bool(pattern.fullmatch(text))


def _section_heading(raw: str) -> bool:
    """A short heading that names comments ("Kommentar abgeben", "Leave a comment")."""
    return word_count(_text(raw)) <= _HEADING_WORDS and _names(raw)


def comment_runs(lines: Sequence[str], outside: int) -> list[tuple[int, int]]:
    """The runs (first, last index of ``lines``) of comment sections from ``outside`` on: a
    label, and a second line of the section's own under it (module doc)."""
    runs: list[tuple[int, int]] = []
    i = max(outside, 0)
    while i < len(lines):
        if _is(lines[i], LABEL_LISTS):
            end, marks = _section_end(lines, i + 1)
            if marks:
                runs.append((i, end))
                i = end
        i += 1
    return runs


def _section_end(lines: Sequence[str], start: int) -> tuple[int, int]:
    """The last line of a section whose label stands just above ``start``, and the lines of
    the section's own under the label (``MARK_LISTS``)."""
    end, marks, since = start - 1, 0, 0
    for j in range(start, len(lines)):
        raw = lines[j]
        if not raw.strip():
            continue
        if _BARRIER.match(raw) or since >= _MAX_GAP:
            break
        if _HEADING.match(raw) and not _section_heading(raw):
            break
        mark = _is(raw, MARK_LISTS)
        marks += mark
        since = 0 if mark or _names(raw) else since + 1
        end = j if since == 0 else end
    return end, marks


def _names(raw: str) -> bool:
    """A line that names comments ("… um einen Kommentar abzugeben."): the section's lines
    reach it; past the last one, the tail is another reading's."""
    names = _names_comments()
    text = _text(raw)
    return names is not None and len(text) <= _CHARACTERS and bool(names.search(text))
