"""The front matter most pages have, read exactly without a YAML parser.

Loading a body with ruamel.yaml costs about 0.1 ms even with libyaml, composing it
(for duplicate keys) about 0.5 ms, while most pages hold a few lines such as
``title: "..."``, ``date: 2024-03-05``, ``tags: [a, b]`` or ``tags:`` over ``  - x``
lines. ``simple_mapping`` reads a body made of such lines only:

- ``key: value`` at column 0 (the top-level mapping), the key plain words (letters, digits, ``_.-``) joined by single
  spaces, at most 100 characters, that load as the string written (not ``true`` or ``null``)
  and are written once, then ``:`` and spaces, the value a scalar, a one-line flow list of
  scalars, or nothing;
- after a ``key:`` with nothing, ``- scalar`` lines, all at the same indentation (not left
  of the key), or the lines of a nested mapping: ``key: value`` lines as above, all at one
  deeper indentation (Hugo's ``params:``/``menu:`` blocks);
- blank lines.

A scalar is double-quoted on one line with no ``"`` or backslash inside, single-quoted
with no ``'`` inside, or plain: not starting with an indicator, without ``: `` or `` #``,
not ending with ``:`` (in a flow list, without any of ``[]{}:#,``), and of a type
the loader's own resolver (asked through its public ``resolve``) gives as a string,
timestamp, bool, null or a decimal integer. A line with a character Python does not
call printable is left out: that covers tabs, YAML's non-printable characters and the
line separators YAML breaks lines at but the document does not.

Such a body always loads, to exactly the data returned here (timestamps kept as
strings, as :mod:`.yamlload` keeps them), and no mapping of it holds a key twice. Any other
body gets None, and the rules take the YAML parser's path.
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
_ITEM = re.compile(r"- +(.*)")
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

    __slots__ = ("data", "item_indent", "mappings", "open_key")

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.mappings: list[tuple[int, dict[str, Any]]] = [(0, self.data)]
        """The block mappings open at the current line, with their indentation, innermost last."""
        self.open_key: str | None = None
        """The key written with no value (in the innermost mapping): its ``- item`` lines or its
        own mapping's lines may follow."""
        self.item_indent = -1

    def take(self, line: str) -> bool:
        """Read one more line; False: the body is not simple."""
        if not line.isprintable():
            return False  # tabs, control and format characters, odd spaces
        content = line.lstrip(" ")
        if not content:
            return True
        indent = len(line) - len(content)
        if content[0] == "-":
            return self._item(indent, content)
        return self._entry(indent, content)

    def _entry(self, indent: int, content: str) -> bool:
        m = _ENTRY.fullmatch(content)
        mapping = self._mapping_at(indent) if m is not None else None
        if m is None or mapping is None:
            return False
        key = m.group(1)
        if key in mapping or _plain_value(key) is not key:
            return False  # written twice, or a key that is not the string written (true, null)
        text = (m.group(2) or "").rstrip(" ")
        self.item_indent = -1
        if not text:
            mapping[key], self.open_key = None, key
            return True
        value = mapping[key] = _block_value(text)
        self.open_key = None
        return value is not _NOT_SIMPLE

    def _mapping_at(self, indent: int) -> dict[str, Any] | None:
        """The mapping a key at this indentation belongs to: a new one, the open key's value, when
        it is deeper than the innermost; else the open one at exactly this indentation."""
        top_indent, top = self.mappings[-1]
        if indent > top_indent:
            if self.open_key is None or self.item_indent >= 0:
                return None  # deeper, but under a value or an item
            nested: dict[str, Any] = {}
            top[self.open_key] = nested
            self.mappings.append((indent, nested))
            return nested
        while self.mappings[-1][0] > indent:
            self.mappings.pop()
        top_indent, top = self.mappings[-1]
        return top if top_indent == indent else None

    def _item(self, indent: int, content: str) -> bool:
        m = _ITEM.fullmatch(content)
        if m is None or self.open_key is None:
            return False
        top_indent, top = self.mappings[-1]
        if self.item_indent < 0:
            if indent < top_indent:
                return False  # left of the mapping whose key it would follow
            self.item_indent = indent
            top[self.open_key] = []
        elif indent != self.item_indent:
            return False
        text = m.group(1).rstrip(" ")
        if not text or text[0] == "[":
            return False
        value = _block_value(text)
        top[self.open_key].append(value)
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
