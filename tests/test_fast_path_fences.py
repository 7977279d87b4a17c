"""The raw text without its fenced code: only lines markdown-it reads as a fence's code go."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mdclean.fastpath.fences import outside_fences

_PARSER = MarkdownIt("commonmark").enable("table")

_PIECES = [
    "```\n",
    "```py\n",
    "~~~\n",
    "````\n",
    "  ```\n",
    "``` a`b\n",
    "\n",
    "(1) (2) (3)\n",
    "#tag #other\n",
    "- item\n",
    "  code\n",
    "    indented\n",
    "> quote\n",
    "<!--\n",
    "-->\n",
    "<div>\n",
    "<pre>\n",
    "</pre>\n",
    "| a |\n",
    "|---|\n",
    "text\n",
    "1. one\n",
]


def _code_lines(text: str) -> set[int]:
    """The lines markdown-it reads as a fence's content (not its opening or closing line)."""
    lines: set[int] = set()
    for token in _PARSER.parse(text):
        if token.type == "fence" and token.map is not None:
            first, end = token.map
            lines.update(range(first + 1, end))
    return lines


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_only_lines_of_fenced_code_are_blanked(text: str) -> None:
    seen = outside_fences(text)
    before, after = text.split("\n"), seen.split("\n")
    assert len(before) == len(after)
    blanked = {i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b}
    assert all(not after[i] for i in blanked)
    assert blanked <= _code_lines(text), text


def test_code_in_a_provable_fence_goes_and_an_indented_fence_leaves_the_text_whole() -> None:
    text = "Intro.\n\n```c\n#include <stdio.h>\nf(1); f(2); f(3);\n```\n\n#tag #other\n"
    assert outside_fences(text) == "Intro.\n\n```c\n\n\n```\n\n#tag #other\n"
    listed = "- item\n\n  ```\n  f(1)\n  ```\n"
    assert outside_fences(listed) == listed
    right_after = "Text.\n```\nf(1)\n```\n"
    assert outside_fences(right_after) == right_after
