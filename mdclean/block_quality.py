"""jusText's classification of a page's blocks: bad, short, near-good, good, then revised by context.

jusText (Pomikálek 2011, ``justext/core.py``) tells a page's text from its chrome without knowing
the site: a block whose text is mostly links is bad, a short one is short, a long one is good when
a third of its words are stop words ("the", "of", "und", "的", "の") and bad when fewer are (a
menu's or a footer's labels are nouns). Short and near-good blocks then take their class from
their neighbours, and a heading above good text is good. The stop words are data
(``data/stopwords``, one list per language); scripts without spaces are read by characters.

This module only classifies; which of the bad blocks a rule removes is the rule's choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BAD = "bad"
SHORT = "short"
NEAR_GOOD = "near-good"
GOOD = "good"

_DATA = Path(__file__).parent / "data" / "stopwords"
_CHARACTER_LANGUAGES = ("zh", "ja", "ko")
"""Languages read by characters: a block's density is the share of its characters in the list."""
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LATIN_WORD = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_WIDE_WEIGHT = 3
"""A Han or kana character carries about as much as three letters of a spaced script."""
_HANGUL_WEIGHT = 2
_SCALE = {"pl": 0.7, "ru": 0.55, "tr": 0.4, "vi": 0.7}
"""Where a short list undercounts a language's stop words (inflected forms, syllables), its
thresholds shrink by its prose's density over English's (medians of the article blocks of four
labelled sets of pages from 137 sites; jusText reaches the same with lists of thousands of forms)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """jusText's parameters (its defaults; the character thresholds for scripts without spaces)."""

    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    characters_low: float = 0.30
    characters_high: float = 0.32
    max_link_density: float = 0.2
    max_heading_distance: int = 200


@dataclass(frozen=True, slots=True)
class Block:
    """A block as jusText reads it: its visible text, how much of it is link text, whether it is a
    heading; ``fixed`` is a class the reader already knows (code and tables are the article's);
    ``links``, how many links it holds (for the reader's own use)."""

    text: str
    link_text: str = ""
    heading: bool = False
    fixed: str | None = None
    links: int = 0


@cache
def stopwords(language: str) -> frozenset[str]:
    """The language's list (``data/stopwords/LANG.txt``); empty for a language without one."""
    path = _DATA / f"{language}.txt"
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in _DATA.glob("*.txt")))


def length(text: str) -> int:
    """The text's length in letters of a spaced script: wide characters weigh more."""
    wide = len(_WIDE.findall(text))
    hangul = len(_HANGUL.findall(text))
    return len(text.strip()) + (_WIDE_WEIGHT - 1) * wide + (_HANGUL_WEIGHT - 1) * hangul


def script_language(text: str) -> str | None:
    """The language a block is read in by characters (kana: ja; Hangul: ko; Han: zh), when its
    wide characters outweigh its words in a spaced script; None for a spaced script."""
    han, kana, hangul = (len(p.findall(text)) for p in (_HAN, _KANA, _HANGUL))
    letters = sum(len(word) for word in _LATIN_WORD.findall(text))
    if (han + kana) * _WIDE_WEIGHT + hangul * _HANGUL_WEIGHT <= letters:
        return None
    if hangul > han + kana:
        return "ko"
    return "ja" if kana else "zh"


def page_language(texts: Iterable[str]) -> str:
    """The spaced language whose stop words are densest over the page's text (English when no
    list finds any): jusText is given the page's language; here the page tells it."""
    words = [word for text in texts for word in _WORD.findall(text.casefold())]
    best, best_count = "en", 0
    for language in languages():
        if language in _CHARACTER_LANGUAGES:
            continue
        listed = stopwords(language)
        count = sum(word in listed for word in words)
        if count > best_count:
            best, best_count = language, count
    return best


def density(text: str, language: str) -> tuple[float, bool]:
    """The share of the text's words that are stop words of ``language`` (or, for a block in a
    script without spaces, the share of its wide characters in that script's list), and whether
    it was read by characters."""
    wide = script_language(text)
    if wide is not None:
        listed = stopwords(wide)
        characters = [c for c in text if _WIDE.match(c) or _HANGUL.match(c)]
        return sum(c in listed for c in characters) / max(len(characters), 1), True
    words = _WORD.findall(text.casefold())
    listed = stopwords(language)
    return sum(word in listed for word in words) / max(len(words), 1), False


def context_free(block: Block, language: str, settings: Settings) -> str:
    """jusText's ``classify_paragraphs`` for one block."""
    if block.fixed is not None:
        return block.fixed
    size = length(block.text)
    links = length(block.link_text)
    if size and links / size > settings.max_link_density:
        return BAD
    if "©" in block.text or "&copy" in block.text:
        return BAD
    if size < settings.length_low:
        return BAD if links else SHORT
    return _by_stop_words(block.text, size, language, settings)


def _by_stop_words(text: str, size: int, language: str, settings: Settings) -> str:
    """A long block's class by its stop words: good (long enough) or near-good when dense, bad
    when sparse; the thresholds shrink for a language a short list undercounts."""
    share, by_characters = density(text, language)
    scale = 1.0 if by_characters else _SCALE.get(language, 1.0)
    low = scale * (settings.characters_low if by_characters else settings.stopwords_low)
    high = scale * (settings.characters_high if by_characters else settings.stopwords_high)
    if share >= high:
        return GOOD if size > settings.length_high else NEAR_GOOD
    return NEAR_GOOD if share >= low else BAD


def classify(blocks: Sequence[Block], language: str, settings: Settings) -> list[str]:
    """Each block's final class: context-free, then jusText's revision by neighbours."""
    first = [context_free(block, language, settings) for block in blocks]
    return revise(blocks, first, settings)


def revise(blocks: Sequence[Block], first: Sequence[str], settings: Settings) -> list[str]:
    """jusText's ``revise_paragraph_classification``: headings above good text, short blocks,
    near-good blocks by their neighbours, then headings again."""
    sizes = [length(block.text) for block in blocks]
    classes = list(first)
    for i, block in enumerate(blocks):
        if block.heading and classes[i] == SHORT and _good_below(classes, sizes, i, settings):
            classes[i] = NEAR_GOOD
    classes = _revise_short(classes)
    classes = [
        (BAD if _neighbours(classes, i, True) == (BAD, BAD) else GOOD) if c == NEAR_GOOD else c
        for i, c in enumerate(classes)
    ]
    return _revive_headings(blocks, first, classes, sizes, settings)


def _revive_headings(
    blocks: Sequence[Block],
    first: Sequence[str],
    classes: list[str],
    sizes: Sequence[int],
    settings: Settings,
) -> list[str]:
    """A heading the revision made bad is good again when good text follows it closely."""
    for i, block in enumerate(blocks):
        revived = block.heading and classes[i] == BAD and first[i] != BAD
        if revived and _good_below(classes, sizes, i, settings):
            classes[i] = GOOD
    return classes


def _revise_short(classes: list[str]) -> list[str]:
    """A short block between two good ones is good, between two bad ones bad; between a bad
    and a good one, good when a near-good block stands on the bad side next to it."""
    revised = list(classes)
    for i, current in enumerate(classes):
        if current != SHORT:
            continue
        before, after = _neighbours(classes, i, True)
        if (before, after) == (GOOD, GOOD):
            revised[i] = GOOD
        elif (before, after) == (BAD, BAD):
            revised[i] = BAD
        else:
            near_before, near_after = _neighbours(classes, i, False)
            near = (before == BAD and near_before == NEAR_GOOD) or (
                after == BAD and near_after == NEAR_GOOD
            )
            revised[i] = GOOD if near else BAD
    return revised


def _neighbours(classes: Sequence[str], i: int, skip_near: bool) -> tuple[str, str]:
    return _neighbour(classes, i, -1, skip_near), _neighbour(classes, i, 1, skip_near)


def _neighbour(classes: Sequence[str], i: int, step: int, skip_near: bool) -> str:
    """The nearest good or bad block that way (near-good too unless ``skip_near``); the page's
    edge counts as bad."""
    j = i + step
    while 0 <= j < len(classes):
        if classes[j] in (GOOD, BAD) or (classes[j] == NEAR_GOOD and not skip_near):
            return classes[j]
        j += step
    return BAD


def _good_below(classes: Sequence[str], sizes: Sequence[int], i: int, settings: Settings) -> bool:
    """Whether a good block follows within ``max_heading_distance`` letters of text."""
    distance = 0
    for j in range(i + 1, len(classes)):
        if distance > settings.max_heading_distance:
            return False
        if classes[j] == GOOD:
            return True
        distance += sizes[j]
    return False
