"""Phrase lists: the words that mark site chrome, kept as data in ``rules/phrases/``.

Each ``<name>.yaml`` maps a language code to a list of regular expressions
(case-insensitive, matched against a whole label, so ``Also read`` does not
match ``Also read the manual``). A rule names the lists it uses in its params
(``phrases: [related-labels]``) and may add its own inline (``labels: [...]``);
adding a language is adding a key to a file, no code.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .base import ParamError

PHRASES_FOLDER = "phrases"


def phrases_dir() -> Path:
    """``rules/phrases`` next to the built-in rules (installed or in a checkout)."""
    from ..catalogue import builtin_rules_dir  # the catalogue imports the matchers: import late
    return builtin_rules_dir() / PHRASES_FOLDER


@lru_cache(maxsize=None)
def load_phrase_list(name: str) -> tuple[str, ...]:
    """Every phrase of ``rules/phrases/<name>.yaml``, all languages together."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ParamError(f"phrase list {name!r}: names are lower-case letters, digits and '-'")
    path = phrases_dir() / f"{name}.yaml"
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ParamError(f"phrase list {name!r}: no file {path}") from None
    except YAMLError as error:
        raise ParamError(f"phrase list {name!r}: {path} is not valid YAML: {error}") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) and all(isinstance(p, str) for p in v)
                                             for v in data.values()):
        raise ParamError(f"phrase list {name!r}: {path} must map language codes to lists of phrases "
                         "(quote a phrase that holds ': ')")
    return tuple(phrase for phrases in data.values() for phrase in phrases)


def phrase_pattern(params: Mapping[str, Any], lists_key: str = "phrases",
                   inline_key: str = "labels") -> str | None:
    """One regex alternation (no anchors) of the named lists and the inline phrases."""
    phrases: list[str] = []
    for name in params.get(lists_key, []):
        phrases.extend(load_phrase_list(str(name)))
    phrases.extend(str(p) for p in params.get(inline_key, []))
    return _alternation(phrases, f"params.{lists_key}/{inline_key}")


def _alternation(phrases: Iterable[str], where: str) -> str | None:
    parts = []
    for phrase in phrases:
        try:
            re.compile(phrase)
        except re.error as error:
            raise ParamError(f"{where}: bad phrase {phrase!r}: {error}") from None
        parts.append(f"(?:{phrase})")
    return "|".join(parts) if parts else None
