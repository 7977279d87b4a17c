"""Phrase lists: the words that mark site chrome, kept as data in ``rules/phrases/``.

Each ``<name>.yaml`` maps a language code to a list of regular expressions
(case-insensitive, matched against a whole label, so ``Also read`` does not
match ``Also read the manual``). A rule names the lists it uses in its params
(``phrases: [related-labels]``) and may add its own inline (``labels: [...]``);
adding a language is adding a key to a file, no code.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..fastpath.lazy import lazy_compile
from ..usercache import derived
from .base import ParamError

PHRASES_FOLDER = "phrases"
# Full-width punctuation (Chinese, Japanese, Korean typing) read as its ASCII twin wherever a
# label is matched: phrases are written with the ASCII character, texts are folded one to one.
FULL_WIDTH = "：！？（）｜"
_TO_ASCII = tuple(zip(FULL_WIDTH, ":!?()|", strict=True))


def without_accents(text: str) -> str:
    """``text`` with its combining marks dropped ("é" → "e"), as slugifiers write addresses."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold_width(text: str) -> str:
    """``text`` with full-width punctuation made ASCII (same length, same offsets)."""
    if text.isascii():
        return text
    # A page's text (a ``RawText``, folded once per page by ``phrase_text``) is not kept: with
    # the readings it carries, 4,096 of them held a worker's memory growing all run long.
    return _folded_width(text) if type(text) is str else _folded_width.__wrapped__(text)


# Every phrase rule folds the same blocks' texts: each text is folded once (a string keeps its
# hash, so asking again is one dictionary look-up).
@lru_cache(maxsize=4096)
def _folded_width(text: str) -> str:
    # One ``replace`` per character present: in C, where ``translate`` looks each one up.
    for wide, narrow in _TO_ASCII:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def phrases_dir() -> Path:
    """``rules/phrases`` next to the built-in rules (installed or in a checkout)."""
    from ..catalogue import builtin_rules_dir  # the catalogue imports the matchers: import late

    return builtin_rules_dir() / PHRASES_FOLDER


@cache
def load_phrase_list(name: str) -> tuple[str, ...]:
    """Every phrase of ``rules/phrases/<name>.yaml``, all languages together."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ParamError(f"phrase list {name!r}: names are lower-case letters, digits and '-'")
    where = f"phrase list {name!r}"
    path = phrases_dir() / f"{name}.yaml"
    try:
        info = path.stat()
    except OSError:
        raise ParamError(f"{where}: no file {path}") from None
    # Read through YAML and checked only when the file changed: kept between runs.
    stamp = (str(path), info.st_size, info.st_mtime_ns)
    return tuple(
        derived("phrases", stamp, lambda: _checked_list(path, where), sys.modules[__name__])
    )


def _checked_list(path: Path, where: str) -> list[str]:
    """The phrases of a list file, each checked (one clear error for the first bad one)."""
    phrases = _phrases_in(_read_list(path, where), path, where)
    for phrase in phrases:
        if fold_width(phrase) != phrase:
            raise ParamError(
                f"{where}: {phrase!r}: write full-width punctuation "
                f"({FULL_WIDTH}) as its ASCII twin, which matches both"
            )
    check_phrases(phrases, where)  # once per list here (many rules share a list), not per rule
    return phrases


def _read_list(path: Path, where: str) -> object:
    from ruamel.yaml import YAML  # here: a run whose lists come from the cache never needs it
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ParamError(f"{where}: no file {path}") from None
    except YAMLError as error:
        raise ParamError(f"{where}: {path} is not valid YAML: {error}") from None


def _phrases_in(data: object, path: Path, where: str) -> list[str]:
    """The phrases of a list's languages, in order; a clear error when it is not such a map."""
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) for p in v) for v in data.values()
    ):
        raise ParamError(
            f"{where}: {path} must map language codes to lists of phrases "
            "(quote a phrase that holds ': ')"
        )
    return [phrase for phrases in data.values() for phrase in phrases]


def phrases_of(
    params: Mapping[str, Any], lists_key: str = "phrases", inline_key: str = "labels"
) -> list[str]:
    """The phrases of the named lists and the inline ones."""
    phrases: list[str] = []
    for name in params.get(lists_key, []):
        phrases.extend(load_phrase_list(str(name)))
    phrases.extend(str(p) for p in params.get(inline_key, []))
    return phrases


def phrase_pattern(
    params: Mapping[str, Any], lists_key: str = "phrases", inline_key: str = "labels"
) -> str | None:
    """One regex alternation (no anchors) of the named lists and the inline phrases."""
    check_phrases([str(p) for p in params.get(inline_key, [])], f"params.{inline_key}")
    phrases = phrases_of(params, lists_key, inline_key)
    return "|".join(f"(?:{phrase})" for phrase in phrases) if phrases else None


def whole_phrase(
    params: Mapping[str, Any], lists_key: str = "phrases", inline_key: str = "labels"
) -> re.Pattern[str] | None:
    """``phrase_pattern`` as a pattern a whole label matches (``fullmatch``), its punctuation
    and spaces around it allowed; None when no phrase is given."""
    phrases = phrase_pattern(params, lists_key, inline_key)
    return lazy_compile(rf"\W*(?:{phrases})\W*", re.I) if phrases else None


def check_phrases(phrases: Iterable[str], where: str) -> None:
    """A clear error for a phrase that is not a regular expression."""
    for phrase in phrases:
        try:
            re.compile(phrase)
        except re.error as error:
            raise ParamError(f"{where}: bad phrase {phrase!r}: {error}") from None
