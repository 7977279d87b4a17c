"""A widget's own evidence: share, follow, newsletter and app rows (``vouching``'s last reading).

A share row, a follow row, a newsletter box and an app's store badges are junk by what they
are, not by where a page's shape puts them: links that all lead to share endpoints
(``twitter.com/intent``, ``facebook.com/sharer``...), all to social networks' profile pages or
all to an app store, under or beside the family's own caption ("Partager sur Facebook", "Seguici sui social", "Iscriviti alla
newsletter"). A rule that reads a page's tail or head from its shape finds such rows among
other lines; this reading keeps, among the lines a finding removes, the runs that are such a
row and nothing else, and only when the evidence is strong:

- every line of a run is one family's (share, follow, newsletter or app): the family's
  whole-line caption, a line of links of the family's shape (every link a share endpoint, or
  every link a profile, or every link an app's page in an app store; a newsletter's link
  captioned as one), or a button's bare name ("Facebook", "E-mail") the family may show; one family for the whole run (a header row of a "Subscribe"
  button and a follow link is a site's head, not a widget);
- two lines at least, one of them a link of the family's shape, and a second such link or a
  caption beside it (one share button beside a byline label, captions without a link or a
  single link captioned "Join us on Discord" are left to ``--unsafe-fixes``), or one row of
  three such links and nothing else (a follow row of icon links);
- a link html2text wrapped over a paragraph's lines is read whole, as the row it was;
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
from .matchers.site_paths import app_store

SHARE, FOLLOW, NEWSLETTER, APP = "share", "follow", "newsletter", "app"
CAPTIONS: dict[str, tuple[str, ...]] = {
    SHARE: ("share-buttons", "share-labels"),
    FOLLOW: ("follow-prompts",),
    NEWSLETTER: ("newsletter-signup-captions", "subscribe-buttons"),
    APP: ("app-download-captions",),
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
_ROW_LINKS = 3
"""A row alone: this many links of one family's shape (three networks' icons, each link a
profile page or a share endpoint) are a widget by themselves."""


@dataclass(frozen=True)
class WidgetLine:
    """One line's reading: the families it may belong to, and what it is to them."""

    families: frozenset[str]
    link: bool = False
    """A link of the family's shape."""
    caption: bool = False
    """The family's caption (not a button's bare name)."""
    links: int = 0
    """How many links of the family's shape the line holds."""


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
    if all(app_store(href) for href in hrefs):
        return frozenset({APP})
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
    return _shaped_line(line, shaped, len(hrefs)) if shaped else _newsletter_button(line)


def _newsletter_button(line: str) -> WidgetLine | None:
    """A line of links of another shape: a newsletter's button captioned as one, or none."""
    found = caption_of(_EDGES.sub("", line_reading(line.lstrip("#").strip())[0]))
    if found is None or NEWSLETTER not in found.families or not found.caption:
        return None
    return WidgetLine(frozenset({NEWSLETTER}), link=True, caption=True)


def _shaped_line(line: str, shaped: frozenset[str], links: int) -> WidgetLine | None:
    """A line of links of a family's shape, with nothing beside them or a caption the family
    may show."""
    outside = _EDGES.sub("", line_reading(LINK.sub(" ", line))[0])
    if not outside:
        return WidgetLine(shaped, link=True, links=links)
    found = caption_of(outside)
    if found is None or not found.families & shaped:
        return None
    return WidgetLine(found.families & shaped, link=True, caption=found.caption, links=links)


def _strong(run: Sequence[WidgetLine]) -> bool:
    """One family for every line; two lines, a link and a second link or a caption; or one
    row of ``_ROW_LINKS`` links of the family's shape and nothing else, or of two beside the
    family's caption ("Descarga la app" and the two stores' badges)."""
    if not run or not frozenset.intersection(*(line.families for line in run)):
        return False
    if len(run) < _MIN_LINES:
        return _one_row(run[0])
    links = sum(line.link for line in run)
    return links >= _MIN_LINES or (links >= 1 and any(line.caption for line in run))


_MAX_WRAPPED = 4
"""A link a converter wrapped spans this many lines at most (html2text breaks a row of icon
links, ``[ ](https://www.facebook.com/… "Facebook") [`` + ``](https://twitter.com/…)``)."""


def _open_link(text: str) -> bool:
    """Whether ``text`` ends inside a link: a bracket or a target opened and not closed."""
    return text.count("[") > text.count("]") or text.rfind("](") > text.rfind(")")


def _units(lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """The lines as units (first, last, text): a line, or the lines of one paragraph a wrapped
    link spans, joined with a space (read as the converter meant the row)."""
    units: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        last, text = i, lines[i].strip()
        while (
            _open_link(text)
            and last + 1 < len(lines)
            and lines[last + 1].strip()
            and last - i + 1 < _MAX_WRAPPED
        ):
            last += 1
            text = f"{text} {lines[last].strip()}"
        if last > i and _open_link(text):
            last, text = i, lines[i].strip()  # (no link closes: the line alone)
        units.append((i, last, text))
        i = last + 1
    return units


def _one_row(line: WidgetLine) -> bool:
    """A run of one line: ``_ROW_LINKS`` links of the family's shape, or two beside its caption."""
    return line.links >= _ROW_LINKS or (line.links >= _MIN_LINES and line.caption)


def widget_runs(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The runs (first, last line index in ``lines``) of widget lines with strong evidence,
    blank lines between them joined, a heading at a run's end left out; a link a converter
    wrapped over lines is read whole (``_units``)."""
    found: list[tuple[int, int]] = []
    run: dict[int, WidgetLine] = {}
    ends: dict[int, int] = {}
    for first, last, text in [*_units(lines), (len(lines), len(lines), "")]:
        if first < len(lines) and not text:
            continue
        reading = read_line(text) if first < len(lines) else None
        if reading is not None:
            run[first], ends[first] = reading, last
            continue
        found += _kept(run, lines, ends)
        run = {}
    return found


def _kept(
    run: dict[int, WidgetLine], lines: Sequence[str], ends: dict[int, int]
) -> list[tuple[int, int]]:
    """A run as (first, last), a heading at its end left out; none when its evidence is weak."""
    kept = sorted(run)
    while kept and _HEADING.match(lines[kept[-1]].strip()):
        kept.pop()
    return [(kept[0], ends[kept[-1]])] if kept and _strong([run[k] for k in kept]) else []


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
