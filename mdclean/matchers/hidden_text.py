"""``hidden-text``: a block a page showed to screen readers only, kept by Pandoc with its class.

Every CMS and CSS framework hides some text from sighted readers with one class of its own:
WordPress's ``screen-reader-text`` (and the older ``assistive-text``), Drupal's
``element-invisible`` and ``visually-hidden``, Bootstrap's and Tailwind's ``sr-only``,
HTML5 Boilerplate's ``visuallyhidden``, Foundation's ``show-for-sr``, Joomla's and others'
``screenreader-only``. Pandoc keeps the class on the span, link or heading it converts:
``[[Standard]{.screen-reader-text}]{.entry-format-badge}``, ``[Search](#search){.screen-reader-text}``,
``Post navigation {#post-navigation .screen-reader-text}``, a row of icon links whose only
words are hidden (``[[Email]{.screen-reader-text}](mailto:…)``).

A paragraph goes when nothing of it is left to see once its hidden spans and links are set
aside (other spans and links count by their text; an image counts as seen), and a list when
each of its items is such a paragraph: the page showed icons, or nothing. A heading goes
when its own attributes hide it. The class names are the software's, exact evidence; a
heading is unsafe all the same (a theme may hide the page's own title).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Node
from ..fastpath.triggers import Literals, Trigger
from ..models import Applicability, Finding
from ..removal import remove_blocks, remove_lines
from .base import Matcher
from .linkblocks import raw_text

_HIDDEN_CLASSES = (
    "screen-reader-text", "assistive-text", "element-invisible", "visually-hidden",
    "visuallyhidden", "sr-only", "show-for-sr", "screenreader-only", "screen-reader-only",
)  # fmt: skip
_HIDDEN = re.compile(rf"(?<![\w-])\.(?:{'|'.join(_HIDDEN_CLASSES)})(?![\w-])")
# The innermost span or link: ``[text]{attrs}``, ``[text](target){attrs}``, ``[text](target)``.
_INNER = re.compile(r"(?<!!)\[([^\[\]]*)\](?:\((?:[^()]|\([^()]*\))*\))?(?:\{([^{}]*)\})?")
_IMAGE = re.compile(r"!\[")
_HEADING_ATTRIBUTES = re.compile(r"\{([^{}]*)\}\s*#*\s*$")
_LEFT_OVER = re.compile(r"[\s|·•,;/\\*_()-]*")
_LIST_KINDS = frozenset({"bullet_list", "ordered_list"})
_FENCE_LINE = re.compile(r"(?m)^ {0,3}:::")


class HiddenTextMatcher(Matcher):
    name = "hidden-text"

    def trigger(self) -> Trigger:
        """One of the classes that hide text, as an attribute (``.sr-only``)."""
        return Literals(tuple(f".{name}" for name in _HIDDEN_CLASSES))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.nodes():
            if node.kind in _LIST_KINDS and _hidden_list(doc, node):
                yield _finding(doc, node, None)
            elif node.kind == "heading" and _hidden_heading(raw_text(doc, node)):
                yield _finding(doc, node, Applicability.UNSAFE)
            elif node.kind == "paragraph" and not _in_list(node):
                yield from _hidden_runs(doc, node)


def _finding(doc: Document, node: Node, safety: Applicability | None) -> Finding:
    start, end = doc.node_span(node)
    return Finding(start, end, edits=(remove_blocks(doc, node),), applicability=safety)


def _in_list(node: Node) -> bool:
    return any(a.kind in _LIST_KINDS for a in node.ancestors())


def _hidden_list(doc: Document, node: Node) -> bool:
    """Whether every item of the list (and nothing else in it) is a hidden paragraph."""
    if _in_list(node):
        return False
    items = node.children
    return bool(items) and all(
        [child.kind for child in item.children] == ["paragraph"]
        and _hidden(raw_text(doc, item.children[0]))
        for item in items
    )


def _hidden_runs(doc: Document, node: Node) -> Iterator[Finding]:
    """The paragraph when it is hidden; else, in a paragraph that holds Pandoc's fenced-div
    lines (``::: {.x}``, which Markdown reads as text), each run of lines between them that is
    hidden. The fence lines stay: they open and close the page's divs."""
    text = raw_text(doc, node)
    if not _FENCE_LINE.search(text):
        if _hidden(text):
            yield _finding(doc, node, None)
        return
    lines = text.split("\n")
    if node.parent is not doc.root or len(lines) != node.end_line - node.start_line:
        return  # (lines map to the source one to one only at the top level)
    for first, end in _runs_between_fences(lines):
        if _hidden("\n".join(lines[first:end])):
            start = doc.line_offset(node.start_line + first)
            edit = remove_lines(doc, node.start_line + first, node.start_line + end)
            yield Finding(start, doc.line_end(node.start_line + end - 1), edits=(edit,))


def _runs_between_fences(lines: list[str]) -> Iterator[tuple[int, int]]:
    first = 0
    for index, line in enumerate([*lines, ":::"]):
        if _FENCE_LINE.match(line):
            if index > first:
                yield first, index
            first = index + 1


def _hidden_heading(text: str) -> bool:
    if "\n" in text:
        return False  # a setext heading that took a fence line in: it is not the heading alone
    match = _HEADING_ATTRIBUTES.search(text)
    return match is not None and _HIDDEN.search(match.group(1)) is not None


def _hidden(text: str) -> bool:
    """Whether nothing of the paragraph is left to see once its hidden spans and links go."""
    if _IMAGE.search(text) or not _HIDDEN.search(text):
        return False
    hidden: list[str] = []

    def seen(match: re.Match[str]) -> str:
        if match.group(2) is not None and _HIDDEN.search(match.group(2)):
            hidden.append(match.group(1))
            return ""
        return match.group(1)

    for _ in range(8):  # spans nest a few deep; each pass opens the innermost
        text, count = _INNER.subn(seen, text)
        if count == 0:
            break
    return bool(hidden) and _LEFT_OVER.fullmatch(text) is not None
