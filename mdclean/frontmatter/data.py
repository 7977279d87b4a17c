"""A block's top-level data and where each top-level key is written."""

from __future__ import annotations

import re
from typing import Any

from ..document import Document
from .block import FrontMatter, locate
from .formats import toml_data
from .simple import simple_mapping
from .yamlload import entries, load

_PLAIN_ENTRY = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*):[ \t]+(\S.*?)[ \t]*$")
"""A one-line top-level ``key: value`` as a crawler or clipper writes it, read as text."""
_TOML_KEY = re.compile(r"""(?P<key>[A-Za-z0-9_-]+|"[^"]*"|'[^']*')[ \t]*=""")


def mapping(block: FrontMatter) -> dict[str, Any] | None:
    """The block's data when it loads as a mapping (YAML timestamps kept as written); else None."""
    if block.format == "toml":
        return toml_data(block.body)
    simple = simple_mapping(block)
    if simple is not None:
        return simple
    loaded = load(block.body)
    return loaded.data if loaded.ok and isinstance(loaded.data, dict) else None


def page_data(doc: Document) -> dict[str, Any] | None:
    """The document's front matter data as a mapping, loaded once per document (the title,
    the page's address and the docs keys are each asked by several rules); None without one."""
    store = doc.shared("front-matter-data")
    if "data" not in store:
        block = locate(doc)
        store["data"] = _read_for_pages(block) if block is not None else None
    data: dict[str, Any] | None = store["data"]
    return data


def _read_for_pages(block: FrontMatter) -> dict[str, Any] | None:
    """The block's data; a YAML block that does not load (most often a crawler's unquoted
    ``title: A: B``, which FM001 repairs in the same run) is read line by line, so the rules
    that read the page's title and address see the same page before and after that repair."""
    data = mapping(block)
    if data is not None or block.format != "yaml":
        return data
    lenient: dict[str, Any] = {}
    for entry in entries(block.lines):
        if entry.key is None or entry.key in lenient or entry.end - entry.start != 1:
            continue  # a value over several lines: no plain reading of it
        matched = _PLAIN_ENTRY.match(block.lines[entry.start])
        if matched is not None:
            lenient[matched.group(1)] = _unquoted(matched.group(2))
    return lenient or None


def _unquoted(value: str) -> str:
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def key_spans(block: FrontMatter) -> dict[str, tuple[int, int]]:
    """Top-level key -> (first body line, line after its last line); the first of duplicate keys."""
    spans: dict[str, tuple[int, int]] = {}
    if block.format == "toml":
        for i, line in enumerate(block.lines):
            if line.startswith("["):
                break  # keys under a table are not top-level
            m = _TOML_KEY.match(line)
            if m is not None:
                key = m.group("key").strip("\"'")
                spans.setdefault(key, (i, i + 1))
        return spans
    for entry in entries(block.lines):
        if entry.key is not None:
            spans.setdefault(
                entry.key, (entry.start, _last_content_line(block, entry.start, entry.end))
            )
    return spans


def _last_content_line(block: FrontMatter, start: int, end: int) -> int:
    """The end of an entry without the blank lines and comments that trail it."""
    while end - 1 > start and (
        not block.lines[end - 1].strip() or block.lines[end - 1].startswith("#")
    ):
        end -= 1
    return end
