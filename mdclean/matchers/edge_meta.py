"""``edge-meta``: the stamp and byline lines at the article's two edges, read by structure.

A news or blog page prints, between its title and the article's first paragraph, and again
right after its last one, a few short lines of its template: the post's date and time
("30 Ekim 2020 Cuma 18:28", "17:26 - 18/01/2016 | Giáo dục - Sức khỏe", "[Kompas.com](/) -
02/11/2023, 21:34 WIB"), the author's name alone or after a one-word "by" ("Por Patrícia
Cassese", "###### Isna Rifka Sri Rahayu,", "Hillel Italie, AP National Writer"), a link to
the author's page, a source line ("Bron: 112 Den Haag"). BP101 wants a label, a count or a
meta link as proof and reads only the page's first blocks; here the place is the proof:

- the *head zone*: the units between the page's title (its level-one heading, or the heading
  that names the front matter's title) and the article's first paragraph of prose; on a page
  without a title heading, the ``near`` units right above the first line of the article's
  prose core (``text_copy``);
- the *tail zone*: the ``near`` units right after the article's last paragraph of prose.

A *unit* is a top-level block, or one line of a paragraph a text copy wrote one line per
element. In a zone, a *stamp* is a unit made of a date (``dates``) and, around it, only a time
of day, a weekday (``weekdays``), a stamp's label (``label_phrases``), a small word between
them, a time zone, or a section's name of a few words after a separator; a stamp with a time,
a weekday, a label or a section goes alone, a bare date only beside another meta unit. A
*name* (two to four capitalised words, or a few characters of a script without spaces, alone,
after one small word of ``words``, bold or as a minor heading, with a role after a comma or a
mail address), an author's link and a *credit* (a one-word label, a colon, a name) go only in
a run with a stamp.

What stays: headings of levels one to three (a changelog's dates), a line with a word of prose,
a sentence, two dates without a time (a life's or an event's span), a name whose words the
title holds (an obituary's subject), everything between two paragraphs of prose (a dateline
that opens the first paragraph is prose), and every page whose front matter says it is a docs
page (``skip-front-matter-keys``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.triggers import AnyOf, Literals, Search, Trigger
from ..models import Edit, Finding
from ..removal import remove_blocks, remove_lines
from .fix_safety import safe_if
from .inline_links import links, without_links
from .line_reading import credit_line, line_reading
from .linkblocks import Link, heading_level, word_count
from .page_head import crawl_source, front_matter_title, names_title
from .phrase_lists import fold_width
from .post_meta import DATE_DIGITS, DATE_WORDS, PostMetaMatcher, address_kind, link_kind
from .text_copy import SENTENCE_IN, merged_edits, text_copy

HEAD = "head"
TAIL = "tail"
_MAX_ZONE = 24  # units between a title and its article's first paragraph, at most
_MINOR_LEVEL = 4
_MAX_STAMP_CHARS = 120
_PROSE_WORDS = 8  # a paragraph of prose: a sentence's end and this many words, or
_LONG_WORDS = 20  # this many
_MAX_NAME_WORDS = 4
_MAX_SECTION_WORDS = 4
_WRAP_CHARS = 40
_MAX_SOURCE_CHARS = 6
_OTHER = -1  # the level of a block that is no paragraph and no heading
_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s*|\s#+\s*$")
_FILED_WORDS = 6  # "und abgelegt unter", "and is filed under"
_STANDFIRST_WORDS = 80  # a standfirst under the title: one paragraph of prose, this many words
# The kinds of a run's units that leave it safe beside a plain stamp ("_stamps_only").
_SURE_KINDS = frozenset({"stamp", "label", "byline"})
_META_LINKS = frozenset({"author-link", "taxonomy", "comments", "date", "dated", "share"})
# A time of day: "18:28", "12:27 a. m.", "16h33", "10h02", "11.08 Uhr", "9.45pm", "10時00分",
# "21:34:05".
_TIME = re.compile(
    r"(?<![\d:])\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2})?(?:\s?(?:uhr|hrs?|h)\b\.?)?"
    r"(?:\s?[ap]\.?\s?m\b\.?)?|[.．]\d{2}\s?(?:uhr|h|[ap]\.?\s?m\b\.?)\b|h\d{2}\b(?:\s?(?:min)\b)?"
    r"|\s?(?:时|時|시)\s?\d{1,2}\s?(?:分|분)(?:\s?\d{1,2}\s?(?:秒|초))?)(?![\d:])",
    re.IGNORECASE,
)
# The small word between a stamp's date and its time ("à", "at", "um", "alle", "às", "a las",
# "lúc", "saat", "pukul", "o", "om", "в"), and the zone after it (UTC, GMT, the American zones,
# Indonesia's WIB/WITA/WIT, CET/CEST, MSK, JST/KST).
_SMALL = re.compile(
    r"(?<![^\W\d_])(?:à|at|um|alle|às|a las|lúc|saat|pukul|o|om|в|de|del|le|am|el|on|the)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:utc|gmt|[ecmp][sd]t|cest?|bst|msk|jst|kst|wib|wita|wit)(?:\s?[+-]\d{1,2})?(?![^\W\d_])",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"[\s.,:;|/·•»«›‹()\[\]\-–—*_~#+]+")
# A separator between a stamp and its section's name ("| Giáo dục", " - El Deporte").
_SEPARATOR = re.compile(r"\s?[|·•/–—-]\s|\s[|·•/–—-]\s?")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A name or a source's name in a script without spaces: Han or Hangul (kana write words).
_NAME_SCRIPT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_INITIAL = re.compile(r"[^\W\d_]\.")
_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "da", "di", "le", "la", "del", "der", "dos", "do", "bin"}
)


@dataclass(frozen=True)
class _Unit:
    """A block, or a line of a paragraph written one line per element."""

    node: Node
    first: int  # its first line
    end: int  # the line after it
    raw: str
    text: str  # as a reader sees it
    whole: bool  # the whole block
    image: bool
    level: int = 0  # a heading's level

    @property
    def words(self) -> int:
        return word_count(self.text)


class EdgeMetaMatcher(PostMetaMatcher):
    name = "edge-meta"
    params = MappingProxyType(
        {
            **PostMetaMatcher.params,
            "label_phrases": list,
            "weekdays": list,
            "by_words": list,
            "ratings": list,
            "zone": str,
            "near": int,
        }
    )
    required = frozenset(
        {
            "dates",
            "counts",
            "meta_labels",
            "words",
            "label_phrases",
            "weekdays",
            "by_words",
            "ratings",
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.zone = str(params.get("zone", HEAD))
        self.near = int(params.get("near", 4))

    def trigger(self) -> Trigger:
        """A date's shape (every stamp holds one of ``dates``, or a time: "Updated: 9.45pm")."""
        return AnyOf(
            (Search(DATE_DIGITS, folded=False), Literals(DATE_WORDS), Search(_TIME, folded=False))
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        units = list(_units(doc))
        if not _web_page(doc, units):
            return  # a page that opens with its title (an event's, a log's): its dates are its own
        zone = self._head_zone(doc, units) if self.zone == HEAD else self._tail_zone(doc, units)
        title = _title_words(doc, units)
        # Over a text copy's core, a lone line of dates and times is BP507's (the same reading
        # of the same lines: it vouches for nothing).
        titled = self.zone == HEAD and _title_at(doc, units) is not None
        yield from self._zone_findings(doc, zone, title, titled)
        if titled:
            yield from self._standfirst_findings(doc, units, title)

    def _zone_findings(
        self, doc: Document, zone: Sequence[_Unit], title: frozenset[str], titled: bool
    ) -> Iterator[Finding]:
        """The zone's runs; under a title heading, a run of stamps alone is safe."""
        for run in self._meta_runs(zone, title):
            if titled or not (len(run) == 1 and self._date_line(run[0][0].text)):
                yield _run_finding(doc, run, self._stamps_only(run) and titled)

    def _standfirst_findings(
        self, doc: Document, units: Sequence[_Unit], title: frozenset[str]
    ) -> Iterator[Finding]:
        """The runs with a stamp under the title's standfirst, beside other template lines."""
        after = self._after_standfirst(doc, units)
        shown = sum(bool(unit.text.strip()) for unit in after)
        for run in self._meta_runs(after, title):
            # (a stamp alone between two paragraphs is a diary's entry's: the template's
            # stamp stands with its widgets, a share row, a comment count, a rating)
            if any(kind == "stamp" for _, kind in run) and shown > len(run):
                yield _run_finding(doc, run, self._stamps_only(run))

    # -- the zones ---------------------------------------------------------------------------

    def _head_zone(self, doc: Document, units: Sequence[_Unit]) -> Sequence[_Unit]:
        """The units between the title and the article's first paragraph of prose; without a
        title heading, the ``near`` units above the first line of the text copy's core."""
        title = _title_at(doc, units)
        if title is not None:
            for at in range(title + 1, min(len(units), title + 2 + _MAX_ZONE)):
                if self._opens(units[at]):
                    return units[title + 1 : at]
            return ()
        copy = text_copy(doc)
        if copy.core is None:
            return ()
        start = _unit_at(units, copy.lines[copy.core[0]].line)
        body = _unit_at(units, copy.lines[copy.body[0]].line) if copy.body else start
        if start is None or body is None:
            return ()
        # (the header between the core's first line and its body: a standfirst, the byline)
        return units[max(0, start - self.near) : max(start, body)]

    def _after_standfirst(self, doc: Document, units: Sequence[_Unit]) -> Sequence[_Unit]:
        """The units between the title's standfirst (the first paragraph of prose under the
        title, a short one) and the next paragraph of prose: the stamp a template prints under
        its standfirst ("Publié le 27 octobre 2023 à 15h01")."""
        title = _title_at(doc, units)
        if title is None:
            return ()
        at = title + 1 + len(self._head_zone(doc, units))
        if at >= len(units) or not self._opens(units[at]) or units[at].words > _STANDFIRST_WORDS:
            return ()
        return self._until_prose(units[at + 1 : at + 1 + self.near])

    def _stamps_only(self, run: list[tuple[_Unit, str]]) -> bool:
        """A run of stamps with a time or a label and nothing else (no bare name, no link), a
        label alone beside them perhaps, or a byline (a name after a byline's own word: "Por
        Patrícia Cassese", "von Dennis Kochinky": the word and the name's shape agree)."""
        stamps = [unit for unit, kind in run if kind == "stamp"]
        # (a reading time or a view count beside the date is the template's too: "Publié le
        # 27 octobre 2023 à 15h01 Lecture 1 min.")
        plain = all(self._plain_stamp(self._parts["counts"].sub(" ", unit.text)) for unit in stamps)
        return bool(stamps) and plain and all(kind in _SURE_KINDS for _, kind in run)

    def _tail_zone(self, doc: Document, units: Sequence[_Unit]) -> Sequence[_Unit]:
        """The ``near`` units right after the article's last paragraph of prose."""
        end = _core_end(doc, units)
        if end is None:
            return ()
        while end > 0 and self._stamped(units[end]):
            end -= 1  # (a theme's "posted on … filed under …" line closes the core's prose)
        return self._until_prose(units[end + 1 : end + 1 + self.near])

    def _until_prose(self, units: Sequence[_Unit]) -> list[_Unit]:
        """The units before the first paragraph of prose among ``units`` (``_opens``)."""
        zone: list[_Unit] = []
        for unit in units:
            if self._opens(unit):
                break
            zone.append(unit)
        return zone

    def _opens(self, unit: _Unit) -> bool:
        """A paragraph of prose that is no stamp ("Miércoles, 4 de Mayo de 2022 a las 07:46hrs.")."""
        return _prose(unit) and not self._stamped(unit)

    def _stamped(self, unit: _Unit) -> bool:
        """A stamp, or a theme's line of a stamp and meta links."""
        return self._stamp(unit.raw, unit.text) is not None or self._filed_stamp(unit.raw)

    # -- the runs ----------------------------------------------------------------------------

    def _meta_runs(
        self, zone: Sequence[_Unit], title: frozenset[str]
    ) -> Iterator[list[tuple[_Unit, str]]]:
        """The runs of meta units in the zone that hold a stamp (a bare date or a name only
        beside another meta unit); pictures and other blocks between them break no run."""
        run: list[tuple[_Unit, str]] = []
        for unit in [*zone, None]:
            kind = self._kind(unit, title) if unit is not None else None
            if kind is not None and unit is not None:
                run.append((unit, kind))
                continue
            if unit is not None and _neutral(unit):
                continue
            yield from _proven(run)
            run = []

    def _kind(self, unit: _Unit, title: frozenset[str]) -> str | None:
        """What a unit of a zone is: "stamp", "date" (a bare date), "name", "link" (an
        author's link), "credit"; None for any other."""
        if unit.image or (unit.level and unit.level < _MINOR_LEVEL):
            return None
        if not unit.text or len(unit.text) > _MAX_STAMP_CHARS * 2:
            return None
        kind = self._stamp_kind(unit)
        if kind is not None or "](" in unit.raw:
            return kind  # (a linked name is an author's link or none: a section's, a tag's)
        return self._person_kind(unit.text, title)

    def _stamp_kind(self, unit: _Unit) -> str | None:
        """ "stamp", "date", "link" (an author's) or "label" (a stamp's label alone)."""
        stamp = self._stamp(unit.raw, unit.text)
        if stamp is not None:
            return stamp
        if self._filed_stamp(unit.raw):
            return "stamp"
        if _author_link(unit.raw, unit.text):
            return "link"
        return "label" if self._label_only(unit.text) else None

    def _person_kind(self, text: str, title: frozenset[str]) -> str | None:
        """ "byline" (a name after a byline's word), "name" or "credit"."""
        if self._name(text, title):
            return "byline" if self._by_name(text) else "name"
        return "credit" if self._credit(text, title) else None

    def _stamp(self, raw: str, text: str) -> str | None:
        """The kind of stamp: "stamp" for a date with a time or a label; "date" for a date
        alone (a weekday, a section's name beside it); None for any other line."""
        if len(text) > _MAX_STAMP_CHARS or _EMAIL.search(text):
            return None
        rest, times, dates, labels = self._stamp_parts(fold_width(text))
        if not dates:
            return _timed_label(rest, times, labels)
        if not self._sectioned(rest):
            return None
        if dates > 1 and not (times or labels):
            return None  # a span of dates ("3 March 1930 – 5 May 2024"): a life's, an event's
        # (a weekday or a section beside a bare date: a print edition's citation, "（2011年4月10日
        # 読売新聞）", an event's day; a time or a label makes it the template's stamp)
        return "stamp" if times or labels else "date"

    def _stamp_parts(self, text: str) -> tuple[str, int, int, int]:
        """The text without its times, dates, stamp labels and counts (a reading time, a view
        count: "Lecture 1 min."), and how many times, dates and labels."""
        rest, times = _TIME.subn(" ", text)
        rest, dates = self._parts["dates"].subn(" ", rest)
        rest, labels = self._parts["label_phrases"].subn(" ", rest)
        rest = self._parts["counts"].sub(" ", rest)
        return rest, times, dates, labels

    def _plain_stamp(self, text: str) -> bool:
        """Dates and times, with a stamp's labels and connectors only."""
        rest = _TIME.sub(" ", fold_width(text))
        rest = self._parts["label_phrases"].sub(" ", self._parts["dates"].sub(" ", rest))
        return not _LEFTOVER.sub("", _SMALL.sub(" ", rest))

    def _date_line(self, text: str) -> bool:
        """BP507's line: a date, with times and a stamp's labels and connectors only (a label
        and a time without a date, "Updated: 9.45pm", is no line of BP507's)."""
        return self._plain_stamp(text) and self._stamp_parts(fold_width(text))[2] > 0

    def _filed_stamp(self, raw: str) -> bool:
        """A theme's "posted on … at … and filed under [Linux](/category/linux/)" line (the
        WordPress default themes' entry footer and meta, in any language): a date with its
        time, its label or its permalink, links to the post's categories, tags, author,
        comments or dated permalink only, and a few words besides."""
        kinds = _meta_link_kinds(raw)
        if not kinds:
            return False
        text, _ = line_reading(without_links(raw))
        if len(text) > _MAX_STAMP_CHARS:
            return False
        rest, times, dates, labels = self._stamp_parts(fold_width(text))
        dates += sum(kind in ("date", "dated") for kind in kinds)
        rest = self._parts["words"].sub(" ", self._parts["weekdays"].sub(" ", rest))
        words = _LEFTOVER.sub(" ", _SMALL.sub(" ", rest)).split()
        dated = times or labels or "dated" in kinds
        return dates == 1 and bool(dated) and len(words) <= _FILED_WORDS

    def _sectioned(self, rest: str) -> bool:
        """What is left of a stamp once its weekday and small words go: nothing, or a
        section's name (``_section``)."""
        rest = _SMALL.sub(" ", self._parts["weekdays"].sub(" ", rest))
        words = _LEFTOVER.sub(" ", rest).split()
        return not words or self._section(rest, words)

    def _section(self, rest: str, words: list[str]) -> bool:
        """What is left of a stamp is a section's or a site's name after a separator ("|
        Giáo dục - Sức khỏe", "[Kompas.com](https://www.kompas.com) -"): a few words, no
        digit, no small word of a sentence."""
        if len(words) > _MAX_SECTION_WORDS or _with_digit(words):
            return False
        if _UNSPACED.search("".join(words)):
            return _source_name("".join(words))
        if _SEPARATOR.search(rest) is None:
            return False
        # (a small word may open it: "/w [Informacje]", "in News")
        small = [w for w in words if self._parts["words"].fullmatch(w)]
        closing = self._parts["words"].fullmatch(words[-1])
        return len(small) <= 1 and len(small) < len(words) and not closing

    def _name(self, text: str, title: frozenset[str]) -> bool:
        """A person's name (or two), alone, after one small word ("Por", "von", "By"), with a
        role after a comma or a mail address after it."""
        text = self._without_lead(_EMAIL.sub(" ", text).strip(" ,;|-–—"))
        parts = [p.strip(" ,;") for p in re.split(r",", text, maxsplit=1)]
        names = self._parts["words"].split(parts[0])
        if not _all_names(names) or (
            len(parts) > 1 and parts[1] and not _is_role(parts[1].split())
        ):
            return False
        words = {w.lower() for n in names for w in n.split() if len(w) > 2}
        return bool(words) and not words & title

    def _without_lead(self, text: str) -> str:
        """The text after its first small word or byline word ("Por", "von", "By"), if any."""
        lead = self._parts["words"].match(text) or self._parts["by_words"].match(text)
        return text[lead.end() :] if lead is not None else text

    def _label_only(self, text: str) -> bool:
        """A stamp's label alone ("Publicado:"), its date on the next line; a rating widget's
        label, its stars gone ("Bewertung:")."""
        folded = fold_width(text)
        for key in ("label_phrases", "ratings"):
            rest = self._parts[key].sub(" ", folded)
            if rest != folded and not _LEFTOVER.sub("", rest):
                return True
        return False

    def _by_name(self, text: str) -> bool:
        """A name after a byline's own word ("Por", "von", "By", ``by_words``): a byline
        whatever stands beside it."""
        lead = self._parts["by_words"].match(text.strip())
        return lead is not None and text.strip()[lead.end() : lead.end() + 1].isspace()

    def _credit(self, text: str, title: frozenset[str]) -> bool:
        """A one-word label, a colon and a name ("Bron: 112 Den Haag")."""
        credit = credit_line(text, one_word=True)
        if credit is None:
            return False
        words = credit[1].split()
        if not 0 < len(words) <= _MAX_NAME_WORDS + 1 or SENTENCE_IN.search(credit[1]):
            return False
        return _credited_name(words, title)


# -- units ---------------------------------------------------------------------------------


def _units(doc: Document) -> Iterator[_Unit]:
    """The page's top-level blocks as units; a paragraph a text copy wrote one line per
    element (``_per_line``) as one unit per line."""
    for node in doc.root.children:
        end = doc.content_end_line(node)
        if node.kind == "heading":
            raw = doc.line_text(node.start_line)
            text, image = line_reading(_HEADING_MARKS.sub("", raw))
            level = heading_level(doc, node)
            yield _Unit(node, node.start_line, end, raw, text, True, image, level)
        elif node.kind == "paragraph" and _per_line(doc, node, end):
            for line in range(node.start_line, end):
                raw = doc.line_text(line)
                text, image = line_reading(raw)
                yield _Unit(node, line, line + 1, raw, text, False, image)
        else:
            raw = "\n".join(doc.line_text(n) for n in range(node.start_line, end))
            text, image = line_reading(raw) if node.kind == "paragraph" else ("", False)
            level = 0 if node.kind == "paragraph" else _OTHER
            yield _Unit(node, node.start_line, end, raw, text, True, image, level)


def _per_line(doc: Document, node: Node, end: int) -> bool:
    """A paragraph of several lines, none wrapped at a width (a converter's: every line but
    the last long) and none inside a link that runs over lines: a text copy's elements."""
    lines = [doc.line_text(n) for n in range(node.start_line, end)]
    if len(lines) < 2 or node in text_copy(doc).wrapped:
        return False
    if all(len(line) >= _WRAP_CHARS for line in lines[:-1]):
        return False
    return all(_balanced(line) for line in lines)


def _balanced(line: str) -> bool:
    """Whether a line closes each bracket it opens (no link runs on to the next line)."""
    return line.count("[") == line.count("]") and line.count("(") == line.count(")")


def _prose(unit: _Unit) -> bool:
    """A paragraph of prose: a sentence's end and ``_PROSE_WORDS`` words, or ``_LONG_WORDS``."""
    if unit.level:
        return False
    words = unit.words
    return words >= _LONG_WORDS or (
        words >= _PROSE_WORDS and SENTENCE_IN.search(unit.text) is not None
    )


def _neutral(unit: _Unit) -> bool:
    """A unit that breaks no run of meta: a picture, an empty line, a list or other block
    (a share row between the date and the author)."""
    return (unit.image and unit.words <= 2) or (not unit.text.strip() and unit.level <= 0)


def _title_at(doc: Document, units: Sequence[_Unit]) -> int | None:
    """The index of the page's title: the heading that names the front matter's title, else
    its first heading of level one."""
    named = front_matter_title(doc)
    if named is not None:
        for at, unit in enumerate(units):
            if unit.level > 0 and names_title(doc, unit.node, named):
                return at
    return next((at for at, unit in enumerate(units) if unit.level == 1), None)


def _web_page(doc: Document, units: Sequence[_Unit]) -> bool:
    """Whether the page reads as a saved web page: its title stands under blocks of the site's
    (a menu, a logo), its front matter or first lines name the address it was saved from, or
    it has no title heading (a text copy)."""
    title = _title_at(doc, units)
    if title is None or crawl_source(doc):
        return True
    first = next((at for at, unit in enumerate(units) if unit.node.kind != "front_matter"), 0)
    return title > first


def _title_words(doc: Document, units: Sequence[_Unit]) -> frozenset[str]:
    """The title's words (lower case), to tell a byline from the name of the article's
    subject; with the front matter's title."""
    at = _title_at(doc, units)
    text = units[at].text if at is not None else ""
    text += " " + (front_matter_title(doc) or "")
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]{3,}", text))


def _core_end(doc: Document, units: Sequence[_Unit]) -> int | None:
    """The unit of the article's last line of prose: the text copy's core's end; on a page
    too short for a core, its last paragraph of prose when it has two."""
    copy = text_copy(doc)
    if copy.core is None:
        prose = [at for at, unit in enumerate(units) if _prose(unit)]
        return prose[-1] if len(prose) >= 2 else None
    return _unit_at(units, copy.lines[copy.core[1]].line)


def _unit_at(units: Sequence[_Unit], line: int) -> int | None:
    return next((at for at, unit in enumerate(units) if unit.first <= line < unit.end), None)


def _timed_label(rest: str, times: int, labels: int) -> str | None:
    """A stamp without a date: a label and a time alone ("Updated: 9.45pm", the day on the
    stamp above it)."""
    return "stamp" if times and labels and not _LEFTOVER.sub("", _SMALL.sub(" ", rest)) else None


def _run_finding(doc: Document, run: list[tuple[_Unit, str]], stamps: bool) -> Finding:
    """One finding for the run: it goes whole, before another rule's part of it (a stamp taken
    alone would leave the name it proved). Safe: a link to the author's archive page (a CMS's
    own address) beside a stamp; or, right under a title heading, ``stamps`` (the run holds
    nothing but dates with their times or labels: the place and the line's every token say
    the same)."""
    units = [unit for unit, _ in run]
    start, end = doc.line_offset(units[0].first), doc.line_offset(units[-1].end)
    edits = merged_edits(_removals(doc, units))
    sure = stamps or {"link", "stamp"} <= {kind for _, kind in run} or any(map(_signed, run))
    return Finding(start, end, edits=edits, applicability=safe_if(sure))


def _signed(part: tuple[_Unit, str]) -> bool:
    """A stamp that links the author's archive page on its own line ("[Yasmine
    Hassan](/news/author/yasmine-hassan) · CBC News · Posted: Aug 08, 2024 4:00 AM"): the
    CMS's address and the stamp's date agree, as a link beside a stamp does."""
    unit, kind = part
    return kind == "stamp" and "author-link" in _meta_link_kinds(unit.raw)


def _removals(doc: Document, units: Sequence[_Unit]) -> Iterator[Edit]:
    """The edits that remove the units: a block whole when the run holds all its lines, else
    the run's lines of it."""
    for node, group in itertools.groupby(units, key=lambda unit: unit.node):
        parts = list(group)
        lines = sum(unit.end - unit.first for unit in parts)
        if parts[0].whole or lines == doc.content_end_line(node) - node.start_line:
            yield remove_blocks(doc, node, node)
            continue
        for unit in parts:
            yield remove_lines(doc, unit.first, unit.end)


def _proven(run: list[tuple[_Unit, str]]) -> Iterator[list[tuple[_Unit, str]]]:
    """The run when it holds a stamp or a name after a byline's word, or a bare date beside
    another meta unit."""
    kinds = [kind for _, kind in run]
    if "stamp" in kinds or "byline" in kinds or ("date" in kinds and len(kinds) >= 2):
        yield run


# -- names ---------------------------------------------------------------------------------


def _is_name(words: list[str]) -> bool:
    """Two to four capitalised words (initials too), or a name of two to four characters of a
    script without spaces."""
    if len(words) == 1 and _UNSPACED.search(words[0]):
        return _unspaced_name(words[0])
    if not 2 <= len(words) <= _MAX_NAME_WORDS or _with_digit(words):
        return False
    capitals = [w for w in words if _capitalised(w)]
    others = [w for w in words if w.lower() in _NAME_PARTICLES]
    return len(capitals) >= 2 and len(capitals) + len(others) == len(words)


def _unspaced_name(word: str) -> bool:
    """A name of two to four Han or Hangul characters (kana write words, not names)."""
    return _NAME_SCRIPT.fullmatch(word) is not None and 2 <= len(word) <= 4


def _all_names(names: list[str]) -> bool:
    """Each part between a byline's small words ("Elsa Provenzano et Mickaël Bosredon") is a
    name."""
    return all(_is_name(n.strip(" ,;").split()) for n in names if n.strip(" ,;"))


def _with_digit(words: list[str]) -> bool:
    return any(re.search(r"\d", w) for w in words)


def _capitalised(word: str) -> bool:
    """A capitalised word ("Cassese", "Mühlbauer") or an initial ("J.")."""
    return word[:1].isupper() and (word[1:].islower() or _INITIAL.fullmatch(word) is not None)


def _meta_link_kinds(raw: str) -> list[str | None]:
    """The kinds of the line's links when all are meta links (a category, a tag, the author,
    the comments, a dated permalink); no kinds else."""
    kinds = [link_kind(Link(text, href)) for text, href in links(raw)]
    return kinds if all(kind in _META_LINKS for kind in kinds) else []


def _credited_name(words: list[str], title: frozenset[str]) -> bool:
    """Capitalised words or numbers ("112 Den Haag"), one capitalised at least, none of the
    title's."""
    capital = [w for w in words if w[:1].isupper()]
    plain = all(w[:1].isupper() or w.isdigit() or w.lower() in _NAME_PARTICLES for w in words)
    return plain and bool(capital) and not {w.lower() for w in capital} & title


def _source_name(joined: str) -> bool:
    """A source's name in a script without spaces after a stamp ("参考消息"): Han or Hangul,
    a few characters."""
    return bool(_NAME_SCRIPT.fullmatch(joined)) and len(joined) <= _MAX_SOURCE_CHARS


def _is_role(words: list[str]) -> bool:
    """A newsroom role after a name ("AP National Writer", "Tim Redaksi"): a few words, no
    digit, no sentence's end."""
    return 0 < len(words) <= _MAX_NAME_WORDS and not _with_digit(words)


def _author_link(raw: str, text: str) -> bool:
    """A unit that is one link to an author's page ("[Андрей Сидорчик](/opinion/author/1174)"),
    perhaps after one small word or before a role of a few words, the link's text a few
    words."""
    found = links(raw)
    if len(found) != 1:
        return False
    label, href = found[0]
    if address_kind(href) != "author-link" or not 0 < word_count(label) <= _MAX_NAME_WORDS:
        return False
    rest = text.replace(" ".join(label.split()), " ", 1)
    # (a newsroom role beside the link: "[Thabo Mokone](/authors/thabo-mokone) Parliamentary
    # editor")
    return word_count(rest) <= 1 or (_is_role(rest.split()) and not SENTENCE_IN.search(rest))
