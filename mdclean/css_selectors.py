"""Just enough CSS to test a filter list's element-hiding selector against one HTML element.

Filter lists hide ads with selectors (``ins.adsbygoogle[data-ad-slot]``, ``.ad.leaderboard``,
``div[id^="div-gpt-"]``). Here only compound selectors are read: a tag name, classes, ids and
attribute tests (``[a]``, ``=``, ``^=``, ``$=``, ``*=``, ``~=``, ``|=``, with the ``i`` flag).
A selector with a combinator or a pseudo-class is never taken to match: what cannot be
checked on the element alone is no evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_OPEN_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_PART = re.compile(
    r"""\.(?P<cls>-?[_a-zA-Z][\w-]*)|\#(?P<id>[\w-]+)"""
    r"""|\[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[~|^$*]?=)\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w-]+))"""
    r"""\s*(?P<flag>[iIsS])?\s*)?\]"""
)
_TAG_NAME = re.compile(r"[a-zA-Z][\w-]*|\*")


def attributes(opening_tag: str) -> dict[str, str]:
    """An opening tag's attributes, names lower-cased (the first of a repeated name wins, as in HTML)."""
    name = _OPEN_TAG_NAME.match(opening_tag)
    rest = opening_tag[name.end() :] if name else opening_tag
    found: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(rest.rstrip(">").rstrip("/")):
        key = m.group(1).lower()
        if key not in found:
            value = next((g for g in m.groups()[1:] if g is not None), "")
            found[key] = value
    return found


@dataclass(frozen=True)
class Compound:
    tag: str | None
    tests: tuple[tuple[str, str | None, str, bool], ...]
    """(attribute, operator or None for presence, value, ignore case)"""

    def matches(self, tag: str, attrs: Mapping[str, str]) -> bool:
        if self.tag is not None and self.tag != tag:
            return False
        return all(_test(attrs.get(name), op, value, fold) for name, op, value, fold in self.tests)


def _test(actual: str | None, op: str | None, wanted: str, fold: bool) -> bool:
    if actual is None:
        return False
    if op is None:
        return True
    if fold:
        actual, wanted = actual.lower(), wanted.lower()
    return _OPERATORS[op](actual, wanted)


# ``[a^=""]``, ``[a$=""]`` and ``[a*=""]`` match nothing in CSS.
_OPERATORS: dict[str, Callable[[str, str], bool]] = {
    "=": lambda actual, wanted: actual == wanted,
    "~=": lambda actual, wanted: wanted in actual.split(),
    "|=": lambda actual, wanted: actual == wanted or actual.startswith(wanted + "-"),
    "^=": lambda actual, wanted: bool(wanted) and actual.startswith(wanted),
    "$=": lambda actual, wanted: bool(wanted) and actual.endswith(wanted),
    "*=": lambda actual, wanted: bool(wanted) and wanted in actual,
}
"""Each attribute operator ``_PART`` reads, as a test of the element's value against the wanted one."""


@lru_cache(maxsize=4096)
def compound(selector: str) -> Compound | None:
    """The selector as one compound selector, or None when it is anything else."""
    text = selector.strip()
    position = 0
    tag = None
    name = _TAG_NAME.match(text)
    if name:
        tag = None if name.group() == "*" else name.group().lower()
        position = name.end()
    tests: list[tuple[str, str | None, str, bool]] = []
    while position < len(text):
        m = _PART.match(text, position)
        if m is None:
            return None  # a combinator, a pseudo-class or syntax this reader does not know
        tests.append(_part_test(m))
        position = m.end()
    if tag is None and not tests:
        return None
    return Compound(tag, tuple(tests))


def _part_test(m: re.Match[str]) -> tuple[str, str | None, str, bool]:
    """The test a ``.class``, ``#id`` or ``[attribute]`` part of a compound selector makes."""
    if m.group("cls") is not None:
        return ("class", "~=", m.group("cls"), False)
    if m.group("id") is not None:
        return ("id", "=", m.group("id"), False)
    value = next((g for g in (m.group("dq"), m.group("sq"), m.group("bare")) if g is not None), "")
    return (m.group("attr").lower(), m.group("op"), value, (m.group("flag") or "").lower() == "i")


def matching(
    selectors: list[str] | frozenset[str], tag: str, attrs: Mapping[str, str]
) -> list[str]:
    """The selectors that match the element."""
    found = []
    for selector in selectors:
        parsed = compound(selector)
        if parsed is not None and parsed.matches(tag, attrs):
            found.append(selector)
    return found
