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
    r"""(?P<sep>[ \t]*:[ \t]+)(?P<value>\S(?:.*\S)?)[ \t]*"""
)
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
    repaired, loaded_alone = _repair_failing_entries(lines)
    changed = [LineRepair(i, text) for i, text in enumerate(repaired) if text != lines[i]]
    if not changed or any(_continued(lines, r.line) for r in changed):
        return None
    return _keeping_entries(lines, repaired, loaded_alone, changed)


def _repair_failing_entries(lines: tuple[str, ...]) -> tuple[list[str], dict[int, Any]]:
    """The lines with those of each entry that does not load alone repaired (but the content of
    block scalars), and the data of each entry that does, by its first line."""
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
    return repaired, loaded_alone


def _keeping_entries(
    lines: tuple[str, ...],
    repaired: list[str],
    loaded_alone: dict[int, Any],
    changed: list[LineRepair],
    absorbed: frozenset[int] = frozenset(),
) -> list[LineRepair] | None:
    """``changed`` if the repaired body loads and every entry that loaded alone (but those
    ``absorbed`` into a repaired value) loads to the same value; None otherwise."""
    after = load(_body(tuple(repaired)))
    if not after.ok or not isinstance(after.data, dict):
        return None
    kept = [data for start, data in loaded_alone.items() if start not in absorbed]
    return changed if _same_values(kept, after.data) else None


def _same_values(kept: list[Any], after: dict[Any, Any]) -> bool:
    """Whether each key of the entries ``kept`` (each a mapping) has its value in ``after``
    (a key written twice is front-matter-duplicate-key's to report, not ours to keep)."""
    if not all(isinstance(data, dict) for data in kept):
        return False
    written = Counter(key for data in kept for key in data)
    return all(
        written[key] > 1 or (key in after and after[key] == value)
        for data in kept
        for key, value in data.items()
    )


# A line a reader takes for a key: a one-word (or quoted) key, then a colon and a space or the line end.
# A "key" whose value starts with // is a URL a space split (``https: //t.co/abc``), not a key.
_READS_AS_KEY = re.compile(
    r"""(?:"[^"]*"|'[^']*'|[^\s:#'"\[\]{}][^\s:]*)[ \t]*:(?:[ \t]+(?!//)|$)"""
)


def _opens_quote(line: str) -> bool:
    """Whether the line's value opens a quoted string that it does not close."""
    m = _KEY_VALUE.fullmatch(line)
    return (
        m is not None and m.group("value")[0] in "\"'" and _closing_quote(m.group("value")) is None
    )


def _continued(lines: tuple[str, ...], line: int) -> bool:
    """Whether a quote the line opens and never closes is followed by a line a reader would read as
    the rest of the value: closing the quote on the line would make that text a key (or a stray)."""
    if not _opens_quote(lines[line]):
        return False
    following = next((text for text in lines[line + 1 :] if text.strip()), None)
    return (
        following is not None
        and not following.lstrip().startswith("#")
        and _READS_AS_KEY.match(following.lstrip()) is None
    )


def repair_continued_quote(lines: tuple[str, ...]) -> list[LineRepair] | None:
    """Close a quote never closed after the lines that read as the rest of its value (not a key):
    what a reader most likely meant, but a guess (the lines could be keys gone wrong), so unsafe."""
    if load(_body(lines)).ok:
        return None
    opened = next((i for i in range(len(lines)) if _continued(lines, i)), None)
    if opened is None:
        return None
    opening = _KEY_VALUE.fullmatch(lines[opened])
    assert opening is not None  # (the line opens a quote)
    last = _value_end(lines, opened)
    repaired = list(lines)
    repaired[last] = _close_quote(lines[last], opening.group("value")[0])
    changed = [LineRepair(last, repaired[last])]
    absorbed = frozenset(range(opened, last + 1))
    if _keeping_entries(lines, repaired, _loaded_alone(lines), changed, absorbed) is None:
        return None
    value = load(_body(tuple(repaired))).data
    key = opening.group("key").strip("\"'")
    return changed if isinstance(value, dict) and isinstance(value.get(key), str) else None


def _loaded_alone(lines: tuple[str, ...]) -> dict[int, Any]:
    """The data of each entry that loads on its own, by its first line."""
    return {e.start: alone.data for e in entries(lines) if (alone := load(segment(lines, e))).ok}


def _value_end(lines: tuple[str, ...], opened: int) -> int:
    """The last line of the value a quote opened on line ``opened`` runs over: up to a blank
    line or one that reads as a key."""
    last = opened + 1
    while (
        last + 1 < len(lines)
        and lines[last + 1].strip()
        and _READS_AS_KEY.match(lines[last + 1].lstrip()) is None
    ):
        last += 1
    return last


def _close_quote(line: str, mark: str) -> str:
    """The line with ``mark`` after its last visible character."""
    text = line.rstrip(" \t")
    return text + mark + line[len(text) :]


def _body(lines: tuple[str, ...]) -> str:
    return "".join(line + "\n" for line in lines)


def _repair_line(line: str, anchors: frozenset[str]) -> str:
    line = _untab_indent(line)
    m = _KEY_VALUE.fullmatch(line)
    if m is None:
        return line
    key, sep, value = m.group("key"), m.group("sep").strip(" \t") + " ", m.group("value")
    if load(f"{key}{sep}{value}\n").ok or _is_alias(value, anchors):
        return line
    quoted = _quoted_value(key, sep, value)
    return line if quoted is None else line[: m.start("value")] + quoted + line[m.end("value") :]


def _untab_indent(line: str) -> str:
    indent = _TAB_INDENT.match(line)
    if indent is None:
        return line
    return indent.group().replace("\t", _TAB_WIDTH) + line[indent.end() :]


def _is_alias(value: str, anchors: frozenset[str]) -> bool:
    """Whether the value is an alias of an anchor in another entry: YAML, not a string."""
    return value.startswith("*") and value[1:].split(" ", 1)[0] in anchors


def _quoted_value(key: str, sep: str, value: str) -> str | None:
    """The first quoted form of ``value`` that loads, as the entry's only value, to the string
    it must be; None when none does."""
    for candidate, expected in _quotings(value):
        alone = load(f"{key}{sep}{candidate}\n")
        if alone.ok and isinstance(alone.data, dict) and len(alone.data) == 1:
            loaded = next(iter(alone.data.values()))
            if isinstance(loaded, str) and (expected is None or loaded == expected):
                return candidate
    return None


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
            if mark == "'" and value[i + 1 : i + 2] == "'":
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
            while j < len(lines) and (
                not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" \t")) > indent
            ):
                inside.add(j)
                j += 1
            i = j
            continue
        i += 1
    return inside
