"""The front matter most pages have, read exactly without a YAML parser.

Loading a body with ruamel.yaml costs about 0.1 ms even with libyaml, composing it
(for duplicate keys) about 0.5 ms, while most pages hold a few lines such as
``title: "..."``, ``date: 2024-03-05``, ``tags: [a, b]`` or ``tags:`` over ``  - x``
lines. ``simple_mapping`` reads a body made of such lines only:

- ``key: value`` at column 0, the key plain words (letters, digits, ``_.-``) joined by single
  spaces, at most 100 characters, that load as the string written (not ``true`` or ``null``)
  and are written once, then ``:`` and spaces, the value a scalar, a one-line flow list of
  scalars, or nothing;
- after a ``key:`` with nothing, ``- scalar`` lines, all at the same indentation;
- blank lines.

A scalar is double-quoted on one line with no ``"`` or backslash inside, single-quoted
with no ``'`` inside, or plain: not starting with an indicator, without ``: `` or `` #``,
not ending with ``:`` (in a flow list, without any of ``[]{}:#,``), and of a type
the loader's own resolver (asked through its public ``resolve``) gives as a string,
timestamp, bool, null or a decimal integer. A line with a character Python does not
call printable is left out: that covers tabs, YAML's non-printable characters and the
line separators YAML breaks lines at but the document does not.

Such a body always loads, to exactly the data returned here (timestamps kept as
strings, as :mod:`.yamlload` keeps them), and holds no mapping but the top-level
one, whose keys are distinct. Any other body gets None, and the rules take the
YAML parser's path.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .yamlload import implicit_tag

if TYPE_CHECKING:
    from .block import FrontMatter

_ENTRY = re.compile(r"(?=[^:]{1,100}:)([A-Za-z_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*):(?: +(.*))?")
"""A top-level entry with a plain key such as ``external help file`` (YAML limits implicit keys
to 1024 characters)."""
_ITEM = re.compile(r"( *)- +(.*)")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
_SINGLE_QUOTED = re.compile(r"'([^']*)'")
_FLOW_ITEM = re.compile(r""" *(?:"([^"\\]*)"|'([^']*)'|([^,\]]*)) *([,\]])""")
"""One item of a flow list with what ends it: quoted (where ``[],:#`` are text) or plain."""
_DECIMAL = re.compile(r"0|[1-9][0-9]*")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_FORBIDDEN = re.compile(r"[\[\]{}:#]")
"""Characters whose meaning in a plain flow item depends on what follows: such items take the parser's path."""
_NOT_SIMPLE = object()
_STRING_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"})


def simple_mapping(block: FrontMatter) -> dict[str, Any] | None:
    """A YAML block's data when its body is simple (see the module docstring); else None.

    Read once per block (every front matter rule of a document asks about the same one)."""
    return block.simple_data


def read(lines: tuple[str, ...]) -> dict[str, Any] | None:
    """The data of simple body lines, as ruamel's safe loader gives it; None: not simple."""
    body = _SimpleBody()
    for line in lines:
        if not body.take(line):
            return None
    return body.data or None


class _SimpleBody:
    """What the lines of a simple body read to so far."""

    __slots__ = ("data", "item_indent", "open_key")

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.open_key: str | None = None
        """The key written with no value whose ``- item`` lines may follow."""
        self.item_indent = -1

    def take(self, line: str) -> bool:
        """Read one more line; False: the body is not simple."""
        if not line.isprintable():
            return False  # tabs, control and format characters, odd spaces
        if line[:1] != " " and line[:1] != "-":
            return not line or self._entry(line)
        return not line.strip(" ") or self._item(line)

    def _entry(self, line: str) -> bool:
        m = _ENTRY.fullmatch(line)
        if m is None:
            return False
        key = m.group(1)
        if key in self.data or _plain_value(key) is not key:
            return False  # written twice, or a key that is not the string written (true, null)
        text = (m.group(2) or "").rstrip(" ")
        if not text:
            self.data[key], self.open_key, self.item_indent = None, key, -1
            return True
        value = self.data[key] = _block_value(text)
        self.open_key = None
        return value is not _NOT_SIMPLE

    def _item(self, line: str) -> bool:
        m = _ITEM.fullmatch(line)
        if m is None or self.open_key is None:
            return False
        indent = len(m.group(1))
        if self.item_indent < 0:
            self.item_indent = indent
            self.data[self.open_key] = []
        elif indent != self.item_indent:
            return False
        text = m.group(2).rstrip(" ")
        if not text or text[0] == "[":
            return False
        value = _block_value(text)
        self.data[self.open_key].append(value)
        return value is not _NOT_SIMPLE


def _block_value(text: str) -> Any:
    """The value of a stripped, non-empty scalar or flow list in block context."""
    first = text[0]
    if first == '"' or first == "'":
        return _quoted(text)
    if first == "[":
        return _flow_list(text)
    if ": " in text or " #" in text or text[-1] == ":":
        return _NOT_SIMPLE
    return _plain_value(text)


def _quoted(text: str) -> Any:
    """A one-line quoted scalar's string (no escapes, no doubled quotes in it)."""
    m = (_DOUBLE_QUOTED if text[0] == '"' else _SINGLE_QUOTED).fullmatch(text)
    return m.group(1) if m is not None else _NOT_SIMPLE


def _flow_list(text: str) -> Any:
    """A one-line flow list's items (``text`` starts with ``[``)."""
    if text[-1] != "]":
        return _NOT_SIMPLE
    if not text[1:-1].strip(" "):
        return []
    items: list[Any] = []
    position, end = 1, len(text)
    while position < end:
        m = _FLOW_ITEM.match(text, position)
        if m is None:
            return _NOT_SIMPLE
        double, single, plain, closer = m.groups()
        item = double if double is not None else single
        if item is None:
            item = _flow_plain(plain.rstrip(" "))
            if item is _NOT_SIMPLE:
                return _NOT_SIMPLE
        items.append(item)
        position = m.end()
        if closer == "]":
            return items if position == end else _NOT_SIMPLE
    return _NOT_SIMPLE  # a trailing comma


def _flow_plain(item: str) -> Any:
    """A plain flow item's value."""
    if not item or _FLOW_FORBIDDEN.search(item):
        return _NOT_SIMPLE  # an empty item, or one whose meaning depends on what follows
    return _plain_value(item)


def _plain_value(text: str) -> Any:
    """What a stripped plain scalar constructs to (the text itself for strings)."""
    first = text[0]
    if first in _INDICATORS:
        return _NOT_SIMPLE
    tag = implicit_tag(text)
    if tag in _STRING_TAGS:
        return text
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:int" and _DECIMAL.fullmatch(text):
        return int(text)
    return _NOT_SIMPLE  # floats, other integer forms, merge and value tags: the parser's call
