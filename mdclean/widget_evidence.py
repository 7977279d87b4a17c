"""A widget's own evidence: share, follow and newsletter rows (``vouching``'s last reading).

A share row, a follow row and a newsletter box are junk by what they are, not by where a page's
shape puts them: links that all lead to share endpoints (``twitter.com/intent``,
``facebook.com/sharer``...) or all to social networks' profile pages, under or beside the
family's own caption ("Partager sur Facebook", "Seguici sui social", "Iscriviti alla
newsletter"). A rule that reads a page's tail or head from its shape finds such rows among
other lines; this reading keeps, among the lines a finding removes, the runs that are such a
row and nothing else, and only when the evidence is strong:

- every line of a run is one family's (share, follow or newsletter): the family's whole-line
  caption, a line of links of the family's shape (every link a share endpoint, or every link a
  profile; a newsletter's link captioned as one), or a button's bare name ("Facebook",
  "E-mail") the family may show; one family for the whole run (a header row of a "Subscribe"
  button and a follow link is a site's head, not a widget);
- two lines at least, one of them a link of the family's shape, and a second such link or a
  caption beside it (one share button beside a byline label, captions without a link or a
  single link captioned "Join us on Discord" are left to ``--unsafe-fixes``);
- no prose (a sentence of five words or more, more than fifteen words), no picture outside a
  link, no link of another shape or to a manual's page, no login or comment endpoint;
- whole blocks of text (paragraphs, list items' paragraphs, headings): a run never takes part
  of a paragraph, and never a line of code or of an HTML block; a heading does not end a run.

``widget_runs`` gives a finding's runs (as line indexes); ``vouching`` checks their blocks
(``whole_text_blocks``) and makes them safe parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .document import Document
from .matchers.fix_safety import documentation_link, share_endpoint, social_profile
from .matchers.inline_links import LINK, is_image
from .matchers.line_reading import line_reading, reads_as_prose
from .matchers.phrase_lists import phrase_pattern

SHARE, FOLLOW, NEWSLETTER = "share", "follow", "newsletter"
CAPTIONS: dict[str, tuple[str, ...]] = {
    SHARE: ("share-buttons", "share-labels"),
    FOLLOW: ("follow-prompts",),
    NEWSLETTER: ("newsletter-signup-captions", "subscribe-buttons"),
}
"""The chrome lists whose whole-line captions are a family's caption."""
FORM_MESSAGES = ("signup-form-messages",)
"""A sign-up form's messages: whole sentences, but the software's, not an author's."""
FILLERS: dict[str, frozenset[str]] = {
    "share-button-words": frozenset({SHARE}),
    "social-network-names": frozenset({SHARE, FOLLOW}),
    "signup-form-fields": frozenset({NEWSLETTER}),
}
"""A button's bare name, and the families that show it: evidence beside the others only."""
_CAPTION_CHARACTERS = 120
_MARKER = re.compile(r"^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_HEADING = re.compile(r"^(?:>\s*)*#{1,6}\s")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_TEXT_BLOCKS = frozenset({"paragraph", "heading"})
_MIN_LINES = 2


@dataclass(frozen=True)
class WidgetLine:
    """One line's reading: the families it may belong to, and what it is to them."""

    families: frozenset[str]
    link: bool = False
    """A link of the family's shape."""
    caption: bool = False
    """The family's caption (not a button's bare name)."""


@cache
def _pattern(lists: tuple[str, ...]) -> re.Pattern[str] | None:
    pattern = phrase_pattern({"phrases": list(lists)})
    return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None


def _whole(lists: tuple[str, ...], text: str) -> bool:
    pattern = _pattern(lists)
    return pattern is not None and pattern.fullmatch(text) is not None


@lru_cache(maxsize=8192)
def caption_of(text: str) -> WidgetLine | None:
    """The families whose whole-line caption (or button name) ``text`` is, None for none."""
    if not text or len(text) > _CAPTION_CHARACTERS:
        return None
    if _whole(FORM_MESSAGES, text):
        return WidgetLine(frozenset({NEWSLETTER}), caption=True)
    return None if reads_as_prose(text) else _family_caption(text)


def _family_caption(text: str) -> WidgetLine | None:
    families = frozenset(family for family, lists in CAPTIONS.items() if _whole(lists, text))
    if families:
        return WidgetLine(families, caption=True)
    fillers = [families for lists, families in FILLERS.items() if _whole((lists,), text)]
    return WidgetLine(frozenset().union(*fillers)) if fillers else None


def _without_images(line: str) -> tuple[str, bool]:
    """A line without its pictures, and whether one stood outside a link."""
    kept, outside, at = [], False, 0
    for match in LINK.finditer(line):
        if not is_image(match):
            continue
        before = line[at : match.start() - 1]
        outside = outside or not before.rstrip().endswith("[")
        kept.append(before)
        at = match.end()
    return "".join([*kept, line[at:]]), outside


def _shaped(hrefs: list[str]) -> frozenset[str]:
    if all(share_endpoint(href) for href in hrefs):
        return frozenset({SHARE})
    if all(social_profile(href) for href in hrefs):
        return frozenset({FOLLOW})
    return frozenset()


def read_line(raw: str) -> WidgetLine | None:
    """A source line's reading as a widget's line, None for any other line."""
    line, picture = _without_images(_MARKER.sub("", raw.strip()))
    if picture:
        return None
    hrefs = [href for _, href in LINK.findall(line)]
    if not hrefs:
        return caption_of(_EDGES.sub("", line_reading(line.lstrip("#").strip())[0]))
    if any(documentation_link(href) for href in hrefs):
        return None  # (a manual's page: "Share" names the guide to the button)
    shaped = _shaped(hrefs)
    return _shaped_line(line, shaped) if shaped else _newsletter_button(line)


def _newsletter_button(line: str) -> WidgetLine | None:
    """A line of links of another shape: a newsletter's button captioned as one, or none."""
    found = caption_of(_EDGES.sub("", line_reading(line.lstrip("#").strip())[0]))
    if found is None or NEWSLETTER not in found.families or not found.caption:
        return None
    return WidgetLine(frozenset({NEWSLETTER}), link=True, caption=True)


def _shaped_line(line: str, shaped: frozenset[str]) -> WidgetLine | None:
    """A line of links of a family's shape, with nothing beside them or a caption the family
    may show."""
    outside = _EDGES.sub("", line_reading(LINK.sub(" ", line))[0])
    if not outside:
        return WidgetLine(shaped, link=True)
    found = caption_of(outside)
    if found is None or not found.families & shaped:
        return None
    return WidgetLine(found.families & shaped, link=True, caption=found.caption)


def _strong(run: Sequence[WidgetLine]) -> bool:
    """One family for every line; two lines; a link and a second link or a caption."""
    if len(run) < _MIN_LINES or not frozenset.intersection(*(line.families for line in run)):
        return False
    links = sum(line.link for line in run)
    return links >= _MIN_LINES or (links >= 1 and any(line.caption for line in run))


def widget_runs(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The runs (first, last line index in ``lines``) of widget lines with strong evidence,
    blank lines between them joined, a heading at a run's end left out."""
    found: list[tuple[int, int]] = []
    run: dict[int, WidgetLine] = {}
    for i in [*range(len(lines)), len(lines)]:
        if i < len(lines) and not lines[i].strip():
            continue
        reading = read_line(lines[i]) if i < len(lines) else None
        if reading is not None:
            run[i] = reading
            continue
        found += _kept(run, lines)
        run = {}
    return found


def _kept(run: dict[int, WidgetLine], lines: Sequence[str]) -> list[tuple[int, int]]:
    """A run as (first, last), a heading at its end left out; none when its evidence is weak."""
    kept = sorted(run)
    while kept and _HEADING.match(lines[kept[-1]].strip()):
        kept.pop()
    return [(kept[0], kept[-1])] if kept and _strong([run[k] for k in kept]) else []


def whole_text_blocks(doc: Document, first: int, last: int) -> bool:
    """Whether lines ``first``..``last`` (0-based) are whole blocks of text: every leaf block
    they touch is a paragraph or a heading and lies within them (no code, no HTML block, no
    part of a paragraph)."""
    for node in doc.leaves():
        end = doc.content_end_line(node) - 1
        if end < first or node.start_line > last:
            continue
        if node.kind not in _TEXT_BLOCKS or node.start_line < first or end > last:
            return False
    return True
