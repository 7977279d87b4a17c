"""``front-matter-yaml``: YAML front matter that does not load, repaired where the intent is clear.

The parser's message is reported at its position in the file. The repair (see
:mod:`mdclean.frontmatter.repair`) quotes values the author meant as strings and
turns tab indentation into spaces, and is offered only when it makes the block
load without changing any other entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..document import Document
from ..frontmatter.block import FrontMatter, locate, offset
from ..frontmatter.formats import toml_lines
from ..frontmatter.simple import simple_mapping
from ..frontmatter.yamlload import YamlProblem, load
from ..models import Applicability, Edit, Finding
from .base import Matcher

if TYPE_CHECKING:
    from ..frontmatter.repair import LineRepair


class FrontMatterYamlMatcher(Matcher):
    name = "front-matter-yaml"
    front_matter = True
    params = MappingProxyType({"keywords": list})

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        problem = _yaml_problem(block) if block is not None else None
        if block is None or problem is None:
            return
        start = offset(doc, block, problem.line, problem.column)
        line_end = doc.line_end(doc.position(start)[0] - 1)
        edits, applicability = _repair_edits(doc, block)
        yield Finding(
            start,
            max(line_end, start),
            _message(problem.message, doc.position(start)[0]),
            edits,
            applicability,
        )


def _yaml_problem(block: FrontMatter) -> YamlProblem | None:
    """Why a closed YAML block does not load; None when it loads or holds TOML lines
    (front-matter-format's)."""
    if block.format != "yaml" or not block.closed or simple_mapping(block) is not None:
        return None  # (a simple body loads)
    if toml_lines(block.lines):
        return None
    loaded = load(block.body)
    return None if loaded.ok else loaded.problem


def _repair_edits(
    doc: Document, block: FrontMatter
) -> tuple[tuple[Edit, ...] | None, Applicability | None]:
    """The edits that make the block load, and how safe they are; (None, None) without a repair."""
    from ..frontmatter.repair import repair, repair_continued_quote  # here: only broken YAML

    repairs, applicability = repair(block.lines), None
    if repairs is None:
        # A quote never closed, followed by what reads as the rest of its value: closing it there is a guess.
        repairs, applicability = repair_continued_quote(block.lines), Applicability.UNSAFE
    if not repairs:
        return None, None
    return tuple(_edit(doc, block, r) for r in repairs), applicability


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
