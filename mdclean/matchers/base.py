"""What every matcher is: configured once from a rule's params, then run on documents."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from ..document import Document
from ..fastpath.raw_text import per_text
from ..fastpath.regex_literals import max_width, required_literals
from ..models import Finding


class ParamError(ValueError):
    """A rule's params do not fit its matcher; the message names the key."""


class Matcher:
    """Finds one kind of junk. Subclasses set ``name`` and implement ``find``.

    A matcher is pure: a document in, findings out, no I/O and no state kept
    between documents. ``keywords`` feed the fast path: a text that contains none
    of them (ignoring case) cannot produce a finding, so it is never parsed.
    """

    name: ClassVar[str]
    params: ClassVar[Mapping[str, type | tuple[type, ...]]] = MappingProxyType({})
    """The keys this matcher accepts and their types; anything else is an error."""
    required: ClassVar[frozenset[str]] = frozenset()
    front_matter: ClassVar[bool] = False
    """Whether the rule looks into the front matter; the fast path shows it to no other rule."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        for key, value in params.items():
            if key not in self.params:
                known = ", ".join(sorted(self.params)) or "none"
                raise ParamError(
                    f"params.{key}: not a parameter of matcher {self.name!r} (known: {known})"
                )
            if not isinstance(value, self.params[key]):
                raise ParamError(
                    f"params.{key}: expected {_type_name(self.params[key])}, "
                    f"got {type(value).__name__}"
                )
        for key in sorted(self.required - set(params)):
            raise ParamError(f"params.{key}: required by matcher {self.name!r}")
        keywords = params.get("keywords")
        self.keywords = tuple(str(k).lower() for k in keywords) if keywords else None

    @property
    def keywords(self) -> tuple[str, ...] | None:
        return self._keywords

    @keywords.setter
    def keywords(self, keywords: tuple[str, ...] | None) -> None:
        self._keywords = keywords
        # Each keyword with a character of it that prose seldom holds: looking for one character
        # is far faster than for a string, so a text without that character is ruled out at once.
        self._gated_keywords = tuple((k, _rare_character(k)) for k in keywords or ())

    def may_match(self, lowered_text: str) -> bool:
        """Cheap test on the lower-cased raw text; False proves ``find`` would find nothing."""
        return self.keywords is None or any(
            (rare is None or rare in lowered_text) and keyword in lowered_text
            for keyword, rare in self._gated_keywords
        )

    def costly_to_ask(self) -> bool:
        """Whether ``may_match`` costs more than ``find`` on a parsed document: once a parse is
        certain the fast path runs the rule without asking (``find`` finds nothing where
        ``may_match`` would say False, so nothing changes)."""
        return False

    def reads_front_matter(self) -> bool:
        """Whether the rule looks into the front matter (``front_matter``, declared by the class)."""
        return self.front_matter

    def find(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError


_COMMON_PUNCTUATION = "-./:_"  # every text with links or code holds these: a poor gate


def _rare_character(keyword: str) -> str | None:
    """A character of a longer keyword that is neither a letter, a digit, a space nor common punctuation."""
    if len(keyword) < 2:
        return None
    return next(
        (c for c in keyword if not (c.isalnum() or c.isspace() or c in _COMMON_PUNCTUATION)), None
    )


# Letters a case-insensitive regex matches that ``str.lower`` leaves apart: the dotted and
# dotless i, the long s, the old Cyrillic letter forms (U+1C80-U+1C87, which match в д о с т т ъ ѣ).
_FOLDS = {
    "i\u0307": "i",
    "\u0131": "i",
    "\u017f": "s",
    "\u1c80": "\u0432",
    "\u1c81": "\u0434",
    "\u1c82": "\u043e",
    "\u1c83": "\u0441",
    "\u1c84": "\u0442",
    "\u1c85": "\u0442",
    "\u1c86": "\u044a",
    "\u1c87": "\u0463",
}


@per_text  # every rule that reads the text as a regex would asks: one copy, which the other memos share
def searchable(lowered_text: str) -> str:
    """The lower-cased text as a case-insensitive regex sees it.

    ``str.lower`` turns "İ" into two characters, and the regex folds "ı" and "ſ"
    into "i" and "s"; a literal test on the lowered text must do the same.
    """
    if lowered_text.isascii():
        return lowered_text
    for folded, plain in _FOLDS.items():
        if folded[-1] in lowered_text:
            lowered_text = lowered_text.replace(folded, plain)
    return lowered_text


def decoded(text: str) -> str:
    """The text with HTML entities and backslash escapes decoded, as in a parsed link target."""
    return html.unescape(text).replace("\\", "")


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {
        list: "a list",
        str: "a string",
        bool: "true or false",
        int: "a number",
        dict: "a mapping",
    }
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def compile_patterns(
    values: list[Any], key: str, flags: int = re.IGNORECASE
) -> list[re.Pattern[str]]:
    """Compile a list of regexes, naming the key and item of a bad one."""
    patterns = []
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise ParamError(f"params.{key}[{i}]: expected a regular expression string")
        try:
            patterns.append(re.compile(value, flags))
        except re.error as error:
            raise ParamError(
                f"params.{key}[{i}]: bad regular expression {value!r}: {error}"
            ) from None
    return patterns


_ANCHOR_AT_START = re.compile(r"^\^")
_ASSERTION = re.compile(r"\\[bB]")
_UNLOOSENABLE = re.compile(r"(?<![\\\[])[\^$]|\(\?<?[=!]|\\[AZ]")


def loosened(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """Patterns written for a link target, made to search a whole raw text: a leading ``^``
    and every word boundary dropped (a target's neighbours in the raw text differ from the
    href's). The result matches wherever one of the patterns matches a target written in
    the text. None when a pattern holds an assertion that cannot be dropped so."""
    loose = []
    for pattern in patterns:
        source = _ASSERTION.sub("", _ANCHOR_AT_START.sub("", pattern.pattern))
        if _UNLOOSENABLE.search(source):
            return None
        try:
            loose.append(re.compile(source, pattern.flags))
        except re.error:
            return None
    return any_pattern(loose, patterns[0].flags) if loose else None


def any_pattern(
    patterns: list[re.Pattern[str]], flags: int = re.IGNORECASE
) -> re.Pattern[str] | None:
    """One alternation of many patterns, so a text is searched once, not once per pattern."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags)


__all__ = [
    "Matcher",
    "ParamError",
    "any_pattern",
    "compile_patterns",
    "decoded",
    "loosened",
    "max_width",
    "per_text",
    "required_literals",
    "searchable",
]
