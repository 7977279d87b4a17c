"""Safe repairs of broken YAML front matter: quote what the author meant as a string, untab indentation.

A repair only touches the entries that do not load on their own, and only the
lines of those that fail alone (a value with ``: ``, a leading indicator, a quote
it does not close) or are indented with tabs. It is kept only when the whole
body then loads and every entry that loaded on its own loads to the same value;
every other byte of the block (comments, order, quoting, blank lines) stays.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .yamlload import entries, load, segment

_KEY_VALUE = re.compile(
    r"""(?P<lead>[ \t]*(?:-[ \t]+)*)"""
    r"""(?P<key>"[^"]*"|'[^']*'|[^\s:#'"\[\]{},&*!|>%@`-][^:]*?|-[^\s:][^:]*?)"""
    r"""(?P<sep>[ \t]*:[ \t]+)(?P<value>\S(?:.*\S)?)[ \t]*""")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?")
_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")
_TAB_INDENT = re.compile(r"[ \t]*\t[ \t]*")
_TAB_WIDTH = "  "  # what Hexo's front matter reader turns a leading tab into


@dataclass(frozen=True, slots=True)
class LineRepair:
    line: int
    """0-based line of the body."""
    text: str
    """The repaired line."""


def repair(lines: tuple[str, ...]) -> list[LineRepair] | None:
    """Line repairs that make the body load without changing any other entry; None: no safe repair."""
    if load(_body(lines)).ok:
        return None
    scalar_lines = _block_scalar_content(lines)
    anchors = frozenset(_ANCHOR.findall(_body(lines)))
    repaired = list(lines)
    loaded_alone: dict[int, Any] = {}
    for entry in entries(lines):
        alone = load(segment(lines, entry))
        if alone.ok:
            loaded_alone[entry.start] = alone.data
            continue
        for i in range(entry.start, entry.end):
            if i not in scalar_lines:
                repaired[i] = _repair_line(lines[i], anchors)
    changed = [LineRepair(i, text) for i, text in enumerate(repaired) if text != lines[i]]
    if not changed:
        return None
    after = load(_body(tuple(repaired)))
    if not after.ok or not isinstance(after.data, dict):
        return None
    written = Counter(key for data in loaded_alone.values() if isinstance(data, dict) for key in data)
    for data in loaded_alone.values():
        if not isinstance(data, dict):
            return None
        for key, value in data.items():
            if written[key] == 1 and (key not in after.data or after.data[key] != value):
                return None  # (a key written twice is front-matter-duplicate-key's to report)
    return changed


def _body(lines: tuple[str, ...]) -> str:
    return "".join(line + "\n" for line in lines)


def _repair_line(line: str, anchors: frozenset[str]) -> str:
    indent = _TAB_INDENT.match(line)
    if indent is not None:
        line = indent.group().replace("\t", _TAB_WIDTH) + line[indent.end():]
    m = _KEY_VALUE.fullmatch(line)
    if m is None:
        return line
    key, sep, value = m.group("key"), m.group("sep").strip(" \t") + " ", m.group("value")
    if load(f"{key}{sep}{value}\n").ok:
        return line
    if value.startswith("*") and value[1:].split(" ", 1)[0] in anchors:
        return line  # an alias of an anchor in another entry: YAML, not a string
    for candidate, expected in _quotings(value):
        alone = load(f"{key}{sep}{candidate}\n")
        if alone.ok and isinstance(alone.data, dict) and len(alone.data) == 1:
            loaded = next(iter(alone.data.values()))
            if isinstance(loaded, str) and (expected is None or loaded == expected):
                return line[:m.start("value")] + candidate + line[m.end("value"):]
    return line


def _quotings(value: str) -> list[tuple[str, str | None]]:
    """Quoted forms of a value, best first, with the string each must load to (None: any)."""
    forms: list[tuple[str, str | None]] = []
    if value[0] in "\"'" and _closing_quote(value) is None:
        forms.append((value + value[0], None))  # the author opened a quoted string: close it
    forms.append((quote(value), value))  # otherwise the string is exactly what was written
    return forms


def _closing_quote(value: str) -> int | None:
    """Index of the quote that closes the quoted scalar ``value`` starts with."""
    mark, i = value[0], 1
    while i < len(value):
        char = value[i]
        if mark == '"' and char == "\\":
            i += 2
            continue
        if char == mark:
            if mark == "'" and value[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def quote(value: str) -> str:
    """``value`` as a YAML flow scalar that loads to exactly ``value``."""
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _block_scalar_content(lines: tuple[str, ...]) -> set[int]:
    """Lines inside ``|`` / ``>`` block scalars: their text is content, never repaired."""
    inside: set[int] = set()
    i = 0
    while i < len(lines):
        m = _KEY_VALUE.fullmatch(lines[i])
        if m is not None and _BLOCK_SCALAR.fullmatch(m.group("value")):
            indent = len(lines[i]) - len(lines[i].lstrip(" \t"))
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or
                                      len(lines[j]) - len(lines[j].lstrip(" \t")) > indent):
                inside.add(j)
                j += 1
            i = j
            continue
        i += 1
    return inside
