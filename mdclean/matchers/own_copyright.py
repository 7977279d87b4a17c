"""``own-copyright``: the site's own copyright line, read by its parts.

A site's footer prints its copyright line: a mark (``©``, ``(C)``, "Copyright"), the year or
the years the site has run, the site's name, and often the rights phrase ("© 2019 Sputnik. All
rights reserved", "© ИноСМИ.ru 2000-2020", "© 1996-2022 Clarín.com - Clarín Digital - Todos los
derechos reservados."). BP091, BP490 and BP530 read such a line by its place (the page's last
blocks, the footer's links beside it); a converter or a text copy often leaves it elsewhere: in
a paragraph of the footer's lines (a select-all copy writes one line per element), between the
site's menus, in a list item, twice (a mobile menu's copy in the page's head). This matcher
reads the line by its parts, wherever it stands:

- the *mark* (required) and nothing but the parts and ``max_rest_words`` other words (a
  company's form, "Enfold Theme by Kriesi") when the rights phrase is there, else
  ``max_bare_rest`` words; a block or line of ``max_words`` words at most, no licence named, no
  reprint's credit in it or right above it, not in a quote or a table;
- the *site's own name*: a host name in the line ("Clarín.com"), or words that spell the page's
  own site: the host the front matter gives, or a site two of the page's absolute links lead to
  (``motorsport-magazin.com`` spells "Motorsport-Magazin"; "Sputnik" opens ``sputniknews``).

A line with the mark, the site's own name and a year or the rights phrase is the site's
footer wherever it stands. Else, after the article's last text (no paragraph or line of
``min_text_words`` words after it, one before it): the mark and the site's own name as a block
("(C) Motorsport-Magazin" under the article), or the mark and the rights phrase as a line among
the footer's short lines of a paragraph (a text copy's footer).

A paragraph is read line by line unless a converter wrapped it (each line as full as the next
word allows): a text copy keeps one element per line. Unsafe: the line is told by its words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..filterlists import page_host
from ..hosts import registrable
from ..models import Finding
from ..removal import remove_blocks, remove_lines
from .base import Matcher, ParamError
from .inline_links import without_loose_links
from .line_reading import line_reading
from .link_words import words_besides_links
from .linkblocks import skeleton, word_count
from .phrase_lists import phrase_pattern, without_accents

_MARK = re.compile(r"©|&copy;|\([cс]\)|\bcopyright\b", re.IGNORECASE)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d))?(?!\d)")
_HOST_NAME = re.compile(
    r"(?<![\w.@/-])[^\W_][\w-]*[^\W_]\.(?:[a-z]{2,3}\.)?(?:[a-z]{2,6}|рф)(?![\w-])", re.IGNORECASE
)
_LINK_HOST = re.compile(r"https?://(?:www\d?\.)?([a-z0-9.-]+\.[a-z]{2,})", re.IGNORECASE)
_COMPANY = re.compile(
    r"(?<![^\W_])(?:inc|ltd|llc|l\.?l\.?c|corp|co|s\.?\s?a|s\.?l\.?u?|s\.?p\.?a|gmbh|ag|kg|sas|"
    r"b\.?v|n\.?v|plc|pty|oy|ab|as|srl|s\.?r\.?l|sp\.? z o\.?o|a\.?s|tbk|jsc|ооо|оао|ао|株式会社)"
    r"(?![^\W_])\.?",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"[\"“”„«»]")
_SKIPPED_ANCESTORS = frozenset({"blockquote", "table", "thead", "tbody", "tr", "td", "th"})
_MIN_KEY = 5  # a name shorter than this spells a site only as the whole key
_SHORT_LINE = 15  # words of a footer's neighbouring line


@dataclass(frozen=True, slots=True)
class _Unit:
    """A line of a paragraph, or a paragraph a converter wrapped."""

    node: Node
    first: int  # the first source line
    end: int  # after the last source line
    text: str
    whole: bool  # the unit is its paragraph


@dataclass(frozen=True, slots=True)
class _Parts:
    own: bool
    dated: bool
    rights: bool
    rest: int  # words besides the parts


class OwnCopyrightMatcher(Matcher):
    name = "own-copyright"
    params = MappingProxyType(
        {
            "keywords": list,
            "rights": list,
            "licence": list,
            "reprint": list,
            "max_words": int,
            "max_rest_words": int,
            "max_bare_rest": int,
            "min_text_words": int,
        }
    )
    required = frozenset({"keywords", "rights", "licence"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.rights = _compiled(params, "rights")
        self.reprint = _compiled(params, "reprint")
        try:
            self.licence = re.compile("|".join(f"(?:{p})" for p in params["licence"]), re.I)
        except re.error as error:
            raise ParamError(f"params.licence: not a regular expression ({error})") from None
        self.max_words = int(params.get("max_words", 40))
        self.max_rest = int(params.get("max_rest_words", 12))
        self.max_bare_rest = int(params.get("max_bare_rest", 2))
        self.min_text_words = int(params.get("min_text_words", 30))

    def find(self, doc: Document) -> Iterator[Finding]:
        units = [unit for node in _paragraphs(doc) for unit in _units(doc, node)]
        text_lines = [u.first for u in units if self._text(doc, u)]
        if not text_lines:
            return  # no article's text on the page
        keys = _site_keys(doc)
        for index, unit in enumerate(units):
            parts = self._parts(doc, unit, keys)
            if parts is None or not self._taken(units, index, parts, text_lines):
                continue
            if unit.whole:
                start, end = doc.node_span(unit.node)
                edit = remove_blocks(doc, unit.node)
            else:
                start, end = doc.line_offset(unit.first), doc.line_end(unit.first)
                edit = remove_lines(doc, unit.first, unit.end)
            yield Finding(start, end, edits=(edit,))

    def _text(self, doc: Document, unit: _Unit) -> bool:
        """A unit of the article's text: ``min_text_words`` words outside links, no mark."""
        if _MARK.search(unit.text) or word_count(unit.text) < self.min_text_words:
            return False
        if unit.whole:
            skel = skeleton(doc, unit.node)
            return skel is not None and words_besides_links(skel) >= self.min_text_words
        raw = without_loose_links(doc.line_text(unit.first))
        return word_count(line_reading(raw)[0]) >= self.min_text_words

    def _taken(self, units: list[_Unit], index: int, parts: _Parts, text_lines: list[int]) -> bool:
        """Whether a copyright line's parts and place make it the site's footer."""
        if parts.own and (parts.dated or parts.rights):
            return True
        unit = units[index]
        if not text_lines[0] < unit.first:
            return False  # above the article's text
        if parts.own and unit.whole and not parts.rest:
            return True  # the mark and the site's name, a block of their own
        return text_lines[-1] < unit.first and _tail_line(units, index, parts)

    def _parts(self, doc: Document, unit: _Unit, keys: frozenset[str]) -> _Parts | None:
        """The copyright line's parts, or None when the unit is no such line."""
        if self._refused(doc, unit):
            return None
        rest, rights = self.rights.subn(" ", unit.text)
        rest, dated = _YEARS.subn(" ", rest)
        rest, hosts = _HOST_NAME.subn(" ", rest)
        rest = _COMPANY.sub(" ", _MARK.sub(" ", rest))
        words = _WORDS.findall(without_accents(rest).lower())
        named = _without_own_name(words, keys)
        own = bool(hosts) or named is not None
        left = len(named if named is not None else words)
        if left > (self.max_rest if rights else self.max_bare_rest):
            return None
        return _Parts(own=own, dated=bool(dated), rights=bool(rights), rest=left)

    def _refused(self, doc: Document, unit: _Unit) -> bool:
        """No mark, too long, a licence, a quote, or a reprint's credit in it or above it."""
        text = unit.text
        if not _MARK.search(text) or word_count(text) > self.max_words:
            return True
        if self.licence.search(text) or self.reprint.search(text) or _QUOTED.search(text):
            return True
        return self._reprint_above(doc, unit)

    def _reprint_above(self, doc: Document, unit: _Unit) -> bool:
        """A reprint's credit on the line or block right above: the reprinted text's line."""
        if unit.first == 0:
            return False
        above = line_reading(doc.line_text(unit.first - 1))[0]
        if not above and unit.whole and unit.node.previous_sibling is not None:
            previous = unit.node.previous_sibling
            above = " ".join(doc.node_source(previous).split())
        return self.reprint.search(above) is not None


def _paragraphs(doc: Document) -> Iterator[Node]:
    for node in doc.leaves("paragraph"):
        if not any(a.kind in _SKIPPED_ANCESTORS for a in node.ancestors()):
            yield node


def _units(doc: Document, node: Node) -> list[_Unit]:
    """A paragraph as its lines, or as one unit when a converter wrapped it."""
    first, end = node.start_line, doc.content_end_line(node)
    lines = [line_reading(doc.line_text(n))[0] for n in range(first, end)]
    if len(lines) == 1 or _wrapped(lines):
        return [_Unit(node, first, end, " ".join(lines), True)]
    return [_Unit(node, first + i, first + i + 1, line, False) for i, line in enumerate(lines)]


def _wrapped(lines: list[str]) -> bool:
    """Whether each line but the last is as full as the next line's first word allows."""
    width = max(len(line) for line in lines)
    for line, after in itertools.pairwise(lines):
        first_word = after.split(" ", 1)[0]
        if not line or len(line) + 1 + len(first_word) <= width:
            return False
    return True


def _tail_line(units: list[_Unit], index: int, parts: _Parts) -> bool:
    """After the article's last text: the mark and the site's name as a block of their own, or
    the mark and the rights phrase as a line among a footer's short lines."""
    if parts.own:
        return units[index].whole
    return parts.rights and not units[index].whole and _among_short_lines(units, index)


def _among_short_lines(units: list[_Unit], index: int) -> bool:
    """A line whose neighbours in its paragraph are short lines (a footer's lines)."""
    node = units[index].node
    near = [
        units[i] for i in (index - 1, index + 1) if 0 <= i < len(units) and units[i].node is node
    ]
    return bool(near) and all(word_count(u.text) <= _SHORT_LINE for u in near)


def _site_keys(doc: Document) -> frozenset[str]:
    """The page's own sites as names spell them: each host two of the page's absolute links
    (or its front matter's address) lead to, its registered label's letters and digits."""
    counts: dict[str, int] = {}
    page = doc.root.children
    if page and page[0].kind == "front_matter" and page[0].token is not None:
        own = page_host(page[0].token.content)
        if own:
            counts[_site_key(own.lower())] = 2
    for host in _LINK_HOST.findall(doc.text):
        key = _site_key(host.lower())
        if len(key) > 2:
            counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, count in counts.items() if count >= 2)


def _site_key(host: str) -> str:
    labels = host.strip(".").split(".")
    if len(labels) < 2:
        return ""
    return "".join(_WORDS.findall(registrable(host.strip(".")).split(".")[0]))


def _without_own_name(words: list[str], keys: frozenset[str]) -> list[str] | None:
    """The words without the run of one to three that spells one of the site's keys, or None
    when no run does."""
    for start in range(len(words)):
        for size in (3, 2, 1):
            run = "".join(words[start : start + size])
            if size > len(words) - start or not run:
                continue
            if any(_spells(run, key) for key in keys):
                return words[:start] + words[start + size :]
    return None


def _spells(run: str, key: str) -> bool:
    if run == key:
        return True
    return len(run) >= _MIN_KEY and key.startswith(run) and 2 * len(run) >= len(key)


def _compiled(params: Mapping[str, Any], key: str) -> re.Pattern[str]:
    pattern = phrase_pattern(params, key)
    if pattern is None:
        return re.compile(r"(?!)")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ParamError(f"params.{key}: not a regular expression ({error})") from None
