"""``front-matter-yaml``: YAML front matter that does not load, repaired where the intent is clear.

The parser's message is reported at its position in the file. The repair (see
:mod:`mdclean.frontmatter.repair`) quotes values the author meant as strings and
turns tab indentation into spaces, and is offered only when it makes the block
load without changing any other entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..frontmatter.block import FrontMatter, locate, offset
from ..frontmatter.formats import toml_lines
from ..frontmatter.repair import LineRepair, repair, repair_continued_quote
from ..frontmatter.simple import simple_mapping
from ..frontmatter.yamlload import load
from ..models import Applicability, Edit, Finding
from .base import Matcher


class FrontMatterYamlMatcher(Matcher):
    name = "front-matter-yaml"
    front_matter = True
    params = {"keywords": list}

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if (
            block is None
            or block.format != "yaml"
            or not block.closed
            or simple_mapping(block) is not None
        ):
            return  # (a simple body loads)
        if toml_lines(block.lines):
            return
        loaded = load(block.body)
        if loaded.ok or loaded.problem is None:
            return
        problem = loaded.problem
        start = offset(doc, block, problem.line, problem.column)
        line_end = doc.line_end(doc.position(start)[0] - 1)
        repairs, applicability = repair(block.lines), None
        if repairs is None:
            # A quote never closed, followed by what reads as the rest of its value: closing it there is a guess.
            repairs, applicability = repair_continued_quote(block.lines), Applicability.UNSAFE
        edits = tuple(_edit(doc, block, r) for r in repairs) if repairs else None
        yield Finding(
            start,
            max(line_end, start),
            _message(problem.message, doc.position(start)[0]),
            edits,
            applicability if edits else None,
        )


def _message(problem: str, line: int) -> str:
    """The parser's problem, in words where it is one a person cannot read (a quote never closed)."""
    if "while scanning a quoted scalar" in problem:
        return f"front matter is not valid YAML: the quoted value that opens on line {line} is never closed"
    return f"front matter is not valid YAML: {problem}"


def _edit(doc: Document, block: FrontMatter, fixed: LineRepair) -> Edit:
    """The smallest edit that turns the line into its repaired text."""
    old, new = block.lines[fixed.line], fixed.text
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start = offset(doc, block, fixed.line, head)
    return Edit(start, start + len(old) - head - tail, new[head : len(new) - tail])
