"""TOML front matter that does not parse, and TOML written between YAML's ``---`` delimiters.

``front-matter-toml``: a ``+++`` block that tomllib rejects, at tomllib's line and column.
``front-matter-format``: a ``---`` block whose lines are all TOML ``key = value``
assignments; YAML reads them as one string, Hugo fails to unmarshal it.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from ..document import Document
from ..frontmatter.block import locate, offset
from ..frontmatter.formats import toml_lines, toml_problem
from ..models import Finding
from .base import Matcher


class FrontMatterTomlMatcher(Matcher):
    name = "front-matter-toml"
    front_matter = True
    params = MappingProxyType({"keywords": list})

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if block is None or block.format != "toml" or not block.closed:
            return
        problem = toml_problem(block.body)
        if problem is None:
            return
        start = offset(doc, block, problem.line, problem.column)
        end = doc.line_end(doc.position(start)[0] - 1)
        yield Finding(start, max(start, end), f"front matter is not valid TOML: {problem.message}")


class FrontMatterFormatMatcher(Matcher):
    name = "front-matter-format"
    front_matter = True
    params = MappingProxyType({"keywords": list})

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if block is None or block.format != "yaml" or not block.closed:
            return
        lines = toml_lines(block.lines)
        if not lines:
            return
        hint = (
            "this is TOML: put it between +++ lines"
            if toml_problem(block.body) is None
            else "this looks like TOML"
        )
        start = offset(doc, block, lines[0])
        yield Finding(
            start,
            doc.line_end(block.body_line + lines[0]),
            f"`key = value` lines between --- delimiters, which YAML reads as one string; {hint}, "
            "or write `key: value` lines for YAML",
        )
