"""Front matter generators cannot see: never closed, or with something before the opening line.

``front-matter-unterminated``: an opening ``---`` followed by ``key: value`` lines and
no closing line. The repair inserts the closing ``---`` after the run of entries,
only when that run is followed by a blank line (or the end) and loads as a mapping.

``front-matter-prefix``: blank lines (``what: blank-lines``) or a U+FEFF byte order
mark (``what: bom``) before the opening delimiter of a block that loads as a
mapping. Jekyll and Hexo then take the block for body text; the fix removes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..frontmatter.block import FrontMatter, locate, offset
from ..frontmatter.formats import toml_problem
from ..frontmatter.yamlload import load
from ..models import Edit, Finding
from .base import Matcher, ParamError

_ENTRY_LINE = re.compile(r"""(?:[A-Za-z0-9_$@"'][^:=\s]*[ \t]*:(?:[ \t]|$))""")
_TOML_ENTRY_LINE = re.compile(r"""[A-Za-z0-9_"'][\w."' -]*=""")
_CONTINUATION = re.compile(r"[ \t]+\S|-[ \t]|-$|#")


class FrontMatterUnterminatedMatcher(Matcher):
    name = "front-matter-unterminated"
    front_matter = True
    params = MappingProxyType({"keywords": list})

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if block is None or block.closed or not block.lines:
            return
        entry = _ENTRY_LINE if block.format == "yaml" else _TOML_ENTRY_LINE
        if not entry.match(block.lines[0]):
            return  # a thematic break, not an opening delimiter
        start = doc.line_offset(block.open_line)
        fence = "---" if block.format == "yaml" else "+++"
        edits = _closing(doc, block) if block.format == "yaml" else None
        yield Finding(
            start,
            doc.line_end(block.open_line),
            f"front matter opened with {fence} is never closed",
            edits,
        )


def _closing(doc: Document, block: FrontMatter) -> tuple[Edit, ...] | None:
    """Insert ``---`` after the run of entries, when where the block ends is beyond doubt."""
    lines = block.lines
    end = _entries_end(lines)
    if not _ends_beyond_doubt(lines, end):
        return None
    run = load("".join(line + "\n" for line in lines[:end]))
    if not run.ok or not isinstance(run.data, dict):
        return None
    return (_closing_line(doc, block, end),)


def _entries_end(lines: tuple[str, ...]) -> int:
    """The index of the first line after the entries (and their continuation lines) that open
    the block."""
    end = 0
    while end < len(lines) and (
        _ENTRY_LINE.match(lines[end]) or (end and _CONTINUATION.match(lines[end]))
    ):
        end += 1
    return end


def _ends_beyond_doubt(lines: tuple[str, ...], end: int) -> bool:
    """Whether the block must end at line ``end``: a blank line or the end follows the entries,
    and no entry comes further down."""
    if end < len(lines) and lines[end].strip():
        return False  # the run runs into text: where the author meant to close is a guess
    return not any(
        _ENTRY_LINE.match(line) for line in lines[end:]
    )  # (else the block may end there)


def _closing_line(doc: Document, block: FrontMatter, end: int) -> Edit:
    """The closing ``---`` line inserted before body line ``end`` (at the end of the file)."""
    if end < len(block.lines):
        at = offset(doc, block, end)
        return Edit(at, at, "---" + doc.newline)
    text = doc.text
    ending = "" if text.endswith(("\n", "\r")) else doc.newline
    return Edit(len(text), len(text), ending + "---" + doc.newline)


class FrontMatterPrefixMatcher(Matcher):
    name = "front-matter-prefix"
    front_matter = True
    params = MappingProxyType({"keywords": list, "what": str})
    required = frozenset({"what"})
    _WHAT = ("blank-lines", "bom")

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        if params["what"] not in self._WHAT:
            raise ParamError(
                f"params.what: expected one of {', '.join(self._WHAT)}, got {params['what']!r}"
            )
        self.what = params["what"]

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if block is None or not block.closed:
            return
        prefixed = block.bom if self.what == "bom" else block.open_line > 0
        if not prefixed or not _is_mapping(block):  # (loading the block is the costly part: last)
            return
        if self.what == "bom":
            yield Finding(
                0,
                1,
                "byte order mark before the front matter: generators may not see the block",
                (Edit(0, 1),),
            )
        else:
            start = 1 if block.bom else 0
            end = doc.line_offset(block.open_line)
            yield Finding(
                start,
                end,
                "blank lines before the front matter: generators take the block for text",
                (Edit(start, end),),
            )


def _is_mapping(block: FrontMatter) -> bool:
    """Whether the block holds front matter at all (and is not, say, text between two rules)."""
    if block.format == "toml":
        return toml_problem(block.body) is None
    loaded = load(block.body)
    if loaded.ok:
        return isinstance(loaded.data, dict) and bool(loaded.data)
    return (
        bool(block.lines) and _ENTRY_LINE.match(block.lines[0]) is not None
    )  # broken, but front matter
