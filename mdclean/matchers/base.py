"""What every matcher is: configured once from a rule's params, then run on documents."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from ..document import Document
from ..fastpath.raw_text import RawText, per_text, searchable
from ..fastpath.regex_literals import max_width, required_literals
from ..fastpath.triggers import ALWAYS, Trigger, literals
from ..models import Finding


class ParamError(ValueError):
    """A rule's params do not fit its matcher; the message names the key."""


class Matcher:
    """Finds one kind of junk. Subclasses set ``name`` and implement ``find``.

    A matcher is pure: a document in, findings out, no I/O and no state kept
    between documents. Its ``trigger`` feeds the fast path: a text that does not hold it
    (by default, none of the ``keywords``, ignoring case) cannot produce a finding, so it is
    never parsed. A subclass declares a tighter trigger; it does not override ``may_match``.
    """

    name: ClassVar[str]
    params: ClassVar[Mapping[str, type | tuple[type, ...]]] = MappingProxyType({})
    """The keys this matcher accepts and their types; anything else is an error."""
    required: ClassVar[frozenset[str]] = frozenset()
    front_matter: ClassVar[bool] = False
    extends_findings: ClassVar[bool] = False
    """Whether the matcher reads the other rules' findings (``doc.shared("findings")``): it runs
    after them, and the fast path runs it on exactly the texts another body rule runs on."""
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
        self._keyword_trigger = literals(*keywords) if keywords else ALWAYS
        self._declared: Trigger | None = None  # built from the params on first use
        self._declared_once_parsed: Trigger | None = None

    def trigger(self) -> Trigger:
        """What a text must hold for ``find`` to find anything, declared with the conditions of
        ``fastpath.triggers`` (by default: one of the ``keywords``, when the rule has any).
        Built once, on the first question, so that a matcher asked nothing compiles nothing."""
        return self._keyword_trigger

    def keyword_trigger(self) -> Trigger:
        """One of the ``keywords`` (``ALWAYS`` without keywords): the part of a trigger that
        the rule's YAML declares."""
        return self._keyword_trigger

    def trigger_once_parsed(self) -> Trigger:
        """What the rule is asked once another rule has made the parse certain: a condition
        that its ``trigger`` implies, for a rule whose ``find`` rules a parsed document out
        faster than the rest of its trigger would (by default, the whole trigger)."""
        return self.trigger()

    def may_match(self, lowered_text: str, *, parse_certain: bool = False) -> bool:
        """Cheap test on the lower-cased raw text; False proves ``find`` would find nothing.
        With ``parse_certain``, the test of ``trigger_once_parsed``."""
        if parse_certain:
            declared = self._declared_once_parsed
            if declared is None:
                declared = self._declared_once_parsed = self.trigger_once_parsed()
        else:
            declared = self._declared
            if declared is None:
                declared = self._declared = self.trigger()
        if not isinstance(lowered_text, RawText):
            lowered_text = RawText(lowered_text)  # its conditions share their readings
        return declared.holds(lowered_text)

    def costly_to_ask(self) -> bool:
        """Whether ``may_match`` costs more than ``find`` on a parsed document: once a parse is
        certain the fast path runs the rule without asking (``find`` finds nothing where
        ``may_match`` would say False, so nothing changes); asked last."""
        return False

    def reads_front_matter(self) -> bool:
        """Whether the rule looks into the front matter (``front_matter``, declared by the class)."""
        return self.front_matter

    def find(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError


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


def loosened(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """Patterns written for a link target, made to search a whole raw text: their anchors
    (``^``, ``$``, ``\\A``, ``\\Z``) and word boundaries dropped (a target's neighbours in
    the raw text differ from the href's). An assertion consumes nothing, so without it a
    regex matches wherever it matched: the result matches wherever one of the patterns
    matches a target written in the text. Lookarounds go too (they consume nothing either).
    None when a pattern holds an assertion that cannot be dropped so (a quantified one) or is
    verbose."""
    loose = []
    for pattern in patterns:
        source = None if pattern.flags & re.VERBOSE else _without_anchors(pattern.pattern)
        if source is None:
            return None
        try:
            loose.append(re.compile(source, pattern.flags))
        except re.error:
            return None
    return any_pattern(loose, patterns[0].flags) if loose else None


_VERBOSE = re.compile(r"\(\?[a-zA-Z]*x")
_ANCHORS = ("^", "$", "\\A", "\\Z", "\\b", "\\B")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _without_anchors(source: str) -> str | None:
    """The regex source with its anchors, word boundaries and lookarounds dropped, read token
    by token (escapes and character classes kept whole); None when that is unsure."""
    if _VERBOSE.search(source):
        return None
    kept: list[str] = []
    at = 0
    while at < len(source):
        token = _group(source, at) if source.startswith(_LOOKAROUNDS, at) else _token(source, at)
        if not token:
            return None  # an unclosed lookaround
        at += len(token)
        if token in _ANCHORS or token.startswith(_LOOKAROUNDS):
            if source[at : at + 1] in ("?", "*", "+", "{"):
                return None  # a quantified assertion: its quantifier would apply elsewhere
            continue
        kept.append(token)
    return "".join(kept)


def _group(source: str, at: int) -> str:
    """The group that opens at ``at``, up to its closing parenthesis ("" when unclosed)."""
    depth = 0
    end = at
    while end < len(source):
        token = _token(source, end)
        end += len(token)
        depth += (token == "(") - (token == ")")
        if depth == 0:
            return source[at:end]
    return ""


def _token(source: str, at: int) -> str:
    """The token of the regex source at ``at``: an escape, a whole character class, or one
    character."""
    if source[at] == "\\":
        return source[at : at + 2]
    if source[at] != "[":
        return source[at]
    end = at + 1
    if source[end : end + 1] == "^":
        end += 1
    if source[end : end + 1] == "]":
        end += 1  # a "]" first in a class is a member
    while end < len(source) and source[end] != "]":
        end += 2 if source[end] == "\\" else 1
    return source[at : end + 1]


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
