"""What one line of a text dump is, read alone: a widget of a known kind, or the article's.

A select-all copy, a reader service's text mode or html2text without links keeps a page's
chrome as lines: the share row's button texts glued into one line ("Share on Facebook41Tweet
about this on Twitter"), a breadcrumb ("Home / Blog / Title", "Blog >"), a reading time ("Lectura
de 2 min"), a date line in CLDR month names, a byline label whose name was an image ("Geschrieben
von"), a control's caption ("Down arrow button"). ``LineKinds`` names the kind of such a line, as
a reader sees it (``line_reading``), from the phrase lists the rule names; any other line is
``PROSE``. Every kind is a whole line: a line that names a date inside a sentence is prose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .phrase_buckets import PhraseBuckets
from .phrase_lists import phrases_of

PROSE = "prose"
SHARE = "share"  # a share row's button texts, counts between them
# One share button's text alone ("Share to Twitter", "Email This"): one signal, as an author's
# closing line or a docs menu's entry may say it; it goes only with another widget line.
SHARE_ONE = "share-one"
COUNTER = "counter"  # a reading time, a view count
LABEL = "label"  # a byline's label alone ("Geschrieben von")
NAMED = "named"  # a byline's label with a name ("Author: Jane Roe": also a book record's line)
DATE = "date"  # a date, perhaps after a byline's small word ("por 18 septiembre, 2025")
UI = "ui"  # a control's caption, or one long template string of a UI family
# One short string of a UI family ("Subscribe", "See all", "Accept all"): a heading or an
# author's line may say as much; it goes only beside another widget line.
UI_SHORT = "ui-short"
# One long string of a UI family ("Sign in with GitHub"): a widget line at a paragraph's edge;
# alone as a paragraph it is a caption a page may name (the family rules' look-alikes).
UI_FAMILY = "ui-family"
CONTROLS = "controls"  # a row of the page's controls' captions ("Startseite - Zurück - Drucken")
TRAIL = "trail"  # a breadcrumb: short items and arrows or slashes
# A network's name alone under a share button's caption ("Share on Facebook", "Facebook"):
# the button's visible label (read as such only after a share line: ``EdgeWidgetLines``).
NETWORK = "network"
NUMBER = "number"  # a count alone: the first half of a widget split over two lines
# A sidebar widget's lines: its title ("Categorias", "标签") over three entries or more, each a
# name and its count ("Dicas (32)", or "Atlassian" then "1"): a category list, a tag cloud.
WIDGET_LIST = "widget-list"

_MAX_CHARS = 200  # a widget line is short; long lines are prose (and no regex backtracks on them)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_NUMBER = re.compile(r"\d{1,4}")
_COUNT = re.compile(r"\d")
_MIN_ENTRIES = 3  # a widget's list: a name or two with counts may be an article's
_COUNTED_ENTRY = re.compile(r"[^\W\d_][^()]{0,60}?\s?\(\d{1,6}\)")
_REFERENCE = re.compile(r"\]\[[^\[\]]*\]")  # a reference link's label ("[Tweet][1]") is no count
# A trail's separators: an arrow, or a slash with spaces around it ("and/or" is no trail).
_TRAIL_SEPARATOR = re.compile(r"\s+(?:>|»|›|→|〉|/)(?:\s+|$)")
# A row's separators: a spaced dash, bar, middle dot or bullet ("Home | Print").
_ROW_ITEMS = 3
_ROW_SEPARATOR = re.compile(r"\s+[-|·•–]\s+")
# A trail's item is a page's name: no markup, code or address ("<br/>", "a=b", "`x`", "://").
_TRAIL_ITEM = re.compile(r"[^<>=\"`{}|\\\[\]]+")
_TRAIL_ITEM_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?。！？]$")
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w.'’-]*")
_MAX_NAME_WORDS = 4
_LONG_WORDS = 3
_LONG_CJK = 6
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ANY_CASE_NAME = re.compile(r"[^\W\d_][\w.'’-]*")  # a name's word as the trigger reads it


def _whole(alternation: str, filler: str = r"[\W_]") -> re.Pattern[str]:
    """A line made of the phrases and nothing else but ``filler`` around and between them."""
    return re.compile(rf"{filler}*(?:(?:{alternation}){filler}*)+", re.IGNORECASE)


def _alternation(params: Mapping[str, Any], key: str) -> str:
    phrases = phrases_of(params, key, f"{key}_inline")
    return "|".join(f"(?:{phrase})" for phrase in phrases) or r"(?!)"


@dataclass(frozen=True)
class Trail:
    """A breadcrumb line's items: whether the first is a home label, the last item's text
    (empty when the line ends with its arrow: "Blog >")."""

    home_first: bool
    last: str


class LineKinds:
    """The kinds of widget lines, from the phrase lists of a rule's params."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = params

    @cached_property
    def share(self) -> re.Pattern[str]:
        return _whole(_alternation(self.params, "share"), r"[\W\d_]")

    @cached_property
    def share_label(self) -> re.Pattern[str]:
        """A share row's label alone ("Compartilhe isso:", "Share this:")."""
        return re.compile(rf"[\W_]*(?:{_alternation(self.params, 'share_labels')})\s*:", re.I)

    @cached_property
    def labelled_networks(self) -> re.Pattern[str]:
        """A share row's label, its colon and the networks' names, nothing else."""
        label = _alternation(self.params, "share_labels")
        network = _alternation(self.params, "networks")
        return re.compile(
            rf"[\W_]*(?:{label})\s*:\s*(?:{network})(?:[\s,|·/]+(?:{network}))*[\W_]*", re.I
        )

    @cached_property
    def share_buttons(self) -> re.Pattern[str]:
        """One share button's text: the safe core counts them."""
        return re.compile(_alternation(self.params, "share"), re.IGNORECASE)

    @cached_property
    def counter(self) -> re.Pattern[str]:
        return _whole(_alternation(self.params, "counters"))

    @cached_property
    def label(self) -> re.Pattern[str]:
        """A byline label at the line's start (what follows is read by ``_label_rest``)."""
        labels = _alternation(self.params, "labels")
        # The label ends a word: "by" opens "by Jane", not "Bytes".
        return re.compile(rf"[\W_]*(?:{labels})(?:(?<=[\W_])|(?![^\W_]))[:\s]*", re.I)

    def may_be_label_line(self, text: str) -> bool:
        """Whether a line may be a byline label's (any case: the trigger reads lower case)."""
        found = self.label.match(text)
        if found is None:
            return False
        rest = text[found.end() :].split()
        names = 0
        while names < min(len(rest), _MAX_NAME_WORDS) and _ANY_CASE_NAME.fullmatch(rest[names]):
            names += 1
        # Any split: ``_label_kind`` ends the name where capitals end, which lower case hides.
        return any(self._plain_tail(" ".join(rest[at:])) for at in range(names + 1))

    def _plain_tail(self, tail: str) -> bool:
        """Nothing, a count or a date: what may follow a byline's name ("53 views")."""
        return not tail or bool(self.counter.fullmatch(tail) or self.date.fullmatch(tail))

    @cached_property
    def date(self) -> re.Pattern[str]:
        words = f"{_alternation(self.params, 'labels')}|{_alternation(self.params, 'words')}"
        days = _alternation(self.params, "weekdays")
        dates = _alternation(self.params, "dates")
        return re.compile(
            rf"[\W_]*(?:(?:{words})[\W_]*)?(?:(?:{days})[\W_]*)?"
            rf"(?:(?:{dates})[\W_]*)+(?:(?:{words})[\W_]*)?",
            re.IGNORECASE,
        )

    @cached_property
    def byline_word(self) -> re.Pattern[str]:
        """A byline's small word before a date ("por 18 septiembre, 2025")."""
        return re.compile(rf"[\W_]*(?:{_alternation(self.params, 'words')})\b", re.IGNORECASE)

    def dated_byline(self, text: str) -> bool:
        """A date line with a second sign of a byline: a time, or a byline's small word first
        ("por 18 septiembre, 2025"; a manual's "Updated: July 8, 2013" is its own)."""
        return _TIME.search(text) is not None or self.byline_word.match(text) is not None

    @staticmethod
    def timed(text: str) -> bool:
        """Whether a line holds a time of day ("10:32")."""
        return _TIME.search(text) is not None

    @cached_property
    def ui(self) -> re.Pattern[str]:
        return _whole(_alternation(self.params, "ui"))

    @cached_property
    def family(self) -> PhraseBuckets:
        """One string of the UI families (template strings from the software's translation
        files), and nothing else on the line but punctuation around it."""
        return PhraseBuckets(phrases_of(self.params, "families", "families_inline"))

    @cached_property
    def home(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{_alternation(self.params, 'home')})[\W_]*", re.I)

    def kind(self, text: str) -> str:
        """The kind of a line as a reader sees it (a share button's screen-reader note left
        out: "Share on X (Opens in new window)" is the button's caption)."""
        if not text or len(text) > _MAX_CHARS:
            return PROSE
        text = self._without_notes(text)
        if _NUMBER.fullmatch(text):
            return NUMBER
        phrase = self._phrase_kind(text)
        if phrase is not None:
            return phrase
        label = self._label_kind(text)
        if label is not None:
            return label
        if self._control_row(text):
            return CONTROLS
        return TRAIL if self.trail(text) is not None else PROSE

    @cached_property
    def notes(self) -> re.Pattern[str]:
        """A share button's screen-reader note after its caption ("(Opens in new window)")."""
        return re.compile(rf"\s*\((?:{_alternation(self.params, 'notes')})\)", re.IGNORECASE)

    def _without_notes(self, text: str) -> str:
        if "(" not in text:
            return text
        bare = self.notes.sub("", text).strip()
        return bare or text

    @cached_property
    def network(self) -> re.Pattern[str]:
        """A social network's name alone: a share button's visible label under its title."""
        return re.compile(rf"[\W_]*(?:{_alternation(self.params, 'networks')})[\W_]*", re.I)

    def _phrase_kind(self, text: str) -> str | None:
        """The kind of a line made of one list's phrases: a share row or its label, a
        counter, a date, a control's caption, a UI family's string."""
        if self.share.fullmatch(text):
            return self._share_kind(text)
        if self.share_label.fullmatch(text):
            return SHARE_ONE  # "Share this:" above the buttons: one signal
        if self.labelled_networks.fullmatch(text):
            return SHARE  # "Compartilhe: Twitter": the label and its buttons' names
        for kind, pattern in ((COUNTER, self.counter), (DATE, self.date), (UI, self.ui)):
            if pattern.fullmatch(text):
                return kind
        if self.family.fullmatch(text):
            return UI_FAMILY if self._strong_string(text) else UI_SHORT
        return None

    @cached_property
    def widget_title(self) -> re.Pattern[str]:
        """A sidebar widget's title alone on its line ("CATEGORIAS", "标签:")."""
        return re.compile(rf"[\W_]*(?:{_alternation(self.params, 'widget_titles')})[\W_]*", re.I)

    def widget_list_end(self, texts: Sequence[str], at: int) -> int | None:
        """Where a sidebar widget that starts at line ``at`` ends: its title, then three
        entries or more, each "Name (N)" or a name's line and its count's line."""
        if not self.widget_title.fullmatch(texts[at]):
            return None
        end = at + 1
        entries = 0
        while end < len(texts):
            if counted_entry(texts[end]):
                end += 1
            elif end + 1 < len(texts) and _entry_pair(texts[end], texts[end + 1]):
                end += 2
            else:
                break
            entries += 1
        return end if entries >= _MIN_ENTRIES else None

    def _strong_string(self, text: str) -> bool:
        """A long family string is a widget line alone, unless a page may print it as its
        subject: a skip link ("Skip to content"), "Comments are closed." (the ``weak`` lists)."""
        return _long_string(text) and not self.weak.fullmatch(text)

    @cached_property
    def weak(self) -> re.Pattern[str]:
        return _whole(_alternation(self.params, "weak"))

    def _share_kind(self, text: str) -> str:
        """A share row: two buttons or more, or a button and its count ("Share on Facebook41");
        one button's text alone is one signal."""
        if len(self.share_buttons.findall(text)) >= 2 or _COUNT.search(_REFERENCE.sub("", text)):
            return SHARE
        return SHARE_ONE

    def _label_kind(self, text: str) -> str | None:
        """A byline label alone, or with a name of a few capitalised words after it."""
        found = self.label.match(text)
        if found is None:
            return None
        rest = text[found.end() :].split()
        if not rest:
            # "Categories:" alone opens what follows (a list, a record): only a bare label
            # ("Geschrieben von") is a byline whose name was lost.
            return NAMED if text.rstrip().endswith(":") else LABEL
        names = 0
        while names < len(rest) and _NAME_WORD.fullmatch(rest[names]):
            names += 1
        if not 0 < names <= _MAX_NAME_WORDS:
            return None
        return NAMED if self._plain_tail(" ".join(rest[names:])) else None

    @cached_property
    def control(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{_alternation(self.params, 'controls')})", re.IGNORECASE)

    def _control_row(self, text: str) -> bool:
        """Two controls' captions or more and nothing else, set apart by a theme's separator:
        the home link, back, print, e-mail, next ("Startseite - Zurück - Drucken")."""
        items = [item.strip() for item in _ROW_SEPARATOR.split(text)]
        if len(items) < 2 or not all(self.control.fullmatch(item) for item in items):
            return False
        # Two pager captions alone may be a sentence's example ("Previous | Next"); a row
        # that starts at home, or holds three controls, is the page's.
        return len(items) >= _ROW_ITEMS or self.home.fullmatch(items[0]) is not None

    def trail(self, text: str) -> Trail | None:
        """The line read as a breadcrumb: two items or more joined by arrows or spaced
        slashes, each a few words and no sentence; or one item and a closing arrow."""
        items = _TRAIL_SEPARATOR.split(text)
        if len(items) < 2 or not items[0].strip():
            return None
        last = items[-1].strip()
        inner = [item.strip() for item in items[:-1]]
        if not all(item and _short_item(item) for item in inner):
            return None
        if last and (len(last.split()) > 2 * _TRAIL_ITEM_WORDS or len(items) < 3):
            # Two items with text on both sides are a sentence's "A > B", not a trail.
            return None
        return Trail(self.home.fullmatch(inner[0]) is not None, last)


def counted_entry(text: str) -> bool:
    """A widget's entry with its count: a few words and "(N)" ("Dicas (32)")."""
    return bool(_COUNTED_ENTRY.fullmatch(text)) and len(text.split()) <= _TRAIL_ITEM_WORDS + 1


def entry_name(text: str) -> bool:
    """A tag's or a category's name, the line above its count: a few words, no sentence."""
    return 0 < len(text.split()) <= _TRAIL_ITEM_WORDS and not _SENTENCE_END.search(text)


def _entry_pair(name: str, count: str) -> bool:
    """A tag cloud's entry over two lines: a name, then its count alone ("Atlassian", "1")."""
    return _NUMBER.fullmatch(count) is not None and entry_name(name) and not name.isdigit()


def _long_string(text: str) -> bool:
    """Three words or more, or six CJK characters: a template string no heading says."""
    return len(text.split()) >= _LONG_WORDS or len(_CJK.findall(text)) >= _LONG_CJK


def _short_item(item: str) -> bool:
    return (
        len(item.split()) <= _TRAIL_ITEM_WORDS
        and not _SENTENCE_END.search(item)
        and _TRAIL_ITEM.fullmatch(item) is not None
        and "://" not in item
    )
