"""The named containers of a page: HTML elements and Pandoc fenced divs with their names.

Converters keep a saved page's structure where it was named: raw HTML elements
(``<div id="comments" class="comments-area">``) and Pandoc's fenced divs
(``::: {#secondary .widget-area role="complementary"}``). This module reads them once per
page (shared by every rule that asks): each container's first and last line, and its names
(the tokens of its class, id and role attributes, a fenced div's bare class). Nesting is read
as a browser and Pandoc read it: an HTML element closes at the closing tag of its name (see
:func:`mdclean.markup.scan_elements`), a fenced div at the next bare fence of its level. Code
is never read: fenced and indented code (unless it is markup only, a converter's indentation
inside an open element), code spans and ``<pre>``/``<code>`` bodies are masked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, Node
from ..markup import Element, code_span_ranges, is_markup_only, mask, mask_code, scan_elements

# The HTML elements that hold a page's regions (never a table's rows or an inline span).
_CONTAINER_TAGS = frozenset(
    {"div", "section", "aside", "nav", "footer", "header", "ul", "ol", "form", "article", "main"}
)
# Elements read for their names only (a post's title, ``<h1 class="entry-title">``, inside a
# region tells that the region is the article's): never a region themselves.
_QUOTING_TAGS = frozenset({"blockquote", "figure", "table"})
_NAMED_ONLY_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Pandoc's attributes closing a heading's line (``Title {#id .entry-title}``).
_HEADING_ATTRIBUTES = re.compile(r"\{([^{}\n]*)\}[ \t]*$", re.MULTILINE)
_ATTRIBUTE = re.compile(r"""\b(class|id|role|itemprop)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# A fence that opens a div (``::: {attributes}`` or ``::: name``) and one that closes it.
# (After a list item's or a quote's marks, a fence is the item's: nested, never a region's own.)
_MARKS = r"(?P<marks>(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+|[ \t]*>[ \t]?)*)(?P<indent>[ \t]*)"
_DIV_OPENING = re.compile(rf"^{_MARKS}:{{3,}}[ \t]*(?:\{{([^{{}}\n]*)\}}|([\w-]+))[ \t]*:*[ \t]*$")
_DIV_CLOSING = re.compile(rf"^{_MARKS}:{{3,}}[ \t]*$")
# Inside Pandoc's attributes: ``#id``, ``.class`` and ``role="..."``/``itemprop=...``.
_PANDOC_NAME = re.compile(r"(?:^|\s)[#.]([\w-]+)")
_PANDOC_KEYED = re.compile(r"""(?:^|\s)(?:role|itemprop)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
# What a page hides from every reader (``style="display: none"``, ``visibility: hidden``, HTML's
# ``hidden`` attribute): such a container carries the name ``hidden`` too, as Bootstrap's own
# ``.hidden`` class does (Readability and trafilatura drop hidden nodes before they read a page).
HIDING = re.compile(
    r"""\bstyle\s*=\s*["'][^"'\n]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)"""
    r"""|<[a-z][^<>\n]*?\shidden(?:\s*=\s*["']?(?:hidden)?["']?)?(?=[\s/>])"""
)
_INLINE_KINDS = ("paragraph", "heading")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Container:
    """One named element or fenced div of the page."""

    first_line: int
    """0-based line of its opening tag or fence."""
    last_line: int
    """0-based line of its closing tag or fence."""
    names: frozenset[str]
    """Its class, id and role tokens, lower-cased (an HTML element's tag name too)."""
    whole_lines: bool
    """Whether it fills its lines: nothing but spaces before its opening and after its closing."""
    fenced: bool
    named_only: bool = False
    """A heading's names (a post's title): read for them, never a region nor a template's."""


def containers(doc: Document) -> tuple[Container, ...]:
    """The page's named containers that close, in order of their opening (read once per page)."""
    store = doc.shared("named-containers")
    if "all" not in store:
        masked = _masked_text(doc)
        unclosed: dict[int, frozenset[str]] = {}
        found = [
            *_fenced_divs(masked, unclosed),
            *_html_elements(doc, masked),
            *_heading_attributes(doc, masked),
        ]
        store["unclosed"] = unclosed
        store["all"] = tuple(sorted(found, key=lambda c: (c.first_line, -c.last_line)))
    result: tuple[Container, ...] = store["all"]
    return result


def _masked_text(doc: Document) -> str:
    """The page's text with its code blanked out (offsets and lines kept)."""
    ranges: list[tuple[int, int]] = []
    for node in doc.leaves("fence", "code_block", *_INLINE_KINDS):
        start, end = doc.node_span(node)
        source = doc.text[start:end]
        if node.kind == "fence" or (node.kind == "code_block" and not is_markup_only(source)):
            ranges.append((start, end))
        elif node.kind in _INLINE_KINDS and "`" in source:
            ranges.extend((start + a, start + b) for a, b in code_span_ranges(source))
    masked = mask(doc.text, ranges)
    return mask_code(masked, inline_markdown=False) if "<" in masked else masked


def unclosed_fences(doc: Document) -> dict[int, frozenset[str]]:
    """The top-level fences that open a div no fence closes (a page cut short), by line, with
    their names."""
    containers(doc)
    result: dict[int, frozenset[str]] = doc.shared("named-containers")["unclosed"]
    return result


def _fenced_divs(masked: str, unclosed: dict[int, frozenset[str]]) -> list[Container]:
    """The fenced divs of the text, each from its opening fence to the fence that closes it;
    the top-level opening fences that nothing closes go into ``unclosed``."""
    found: list[Container] = []
    if ":::" not in masked:
        return found
    stack: list[tuple[int, frozenset[str], bool]] = []
    for number, line in enumerate(masked.split("\n")):
        if ":::" not in line:
            continue
        closing = _DIV_CLOSING.match(line)
        if closing is not None:
            if stack:
                first, names, plain = stack.pop()
                whole = plain and _plain(closing)
                found.append(Container(first, number, names, whole, True))
            continue
        opening = _DIV_OPENING.match(line)
        if opening is not None:
            names = _fence_names(opening.group(3), opening.group(4))
            stack.append((number, names, _plain(opening)))
    unclosed.update((first, names) for first, names, plain in stack if plain)
    return found


def _plain(fence: re.Match[str]) -> bool:
    """Whether a fence stands at the top level: no list or quote marks, indented three spaces
    at most."""
    return not fence.group("marks") and len(fence.group("indent").expandtabs(4)) <= 3


def _fence_names(attributes: str | None, bare: str | None) -> frozenset[str]:
    if attributes is None:
        return frozenset(_spellings(bare or ""))
    names: set[str] = set()
    for m in _PANDOC_NAME.finditer(attributes):
        names.update(_spellings(m.group(1)))
    for m in _PANDOC_KEYED.finditer(attributes):
        for value in (m.group(1) or m.group(2) or m.group(3) or "").split():
            names.update(_spellings(value))
    if HIDING.search(attributes.lower()):
        names.add("hidden")
    return frozenset(names)


def _spellings(name: str) -> tuple[str, ...]:
    """A name lower-cased, and its camel case parted by hyphens (Squarespace's
    ``mainNavWrapper`` is ``main-nav-wrapper``): the names the rules list."""
    lowered = name.lower()
    parted = _CAMEL_HUMP.sub("-", name).lower()
    return (lowered, parted) if parted != lowered else (lowered,)


def _html_elements(doc: Document, masked: str) -> list[Container]:
    """The closed container elements of the text's HTML with their names."""
    if "<" not in masked:
        return []
    found: list[Container] = []
    elements = scan_elements(masked)
    for element in elements:
        if _quoted(elements, element):
            continue  # a quote's or a figure's own footer is its citation
        if element.name in _NAMED_ONLY_TAGS:
            names = _tag_names(element.opening_tag(masked))
            found.append(_named_only(doc, element.start, {*names, element.name}))
            continue
        if element.name not in _CONTAINER_TAGS or element.close_start >= element.end:
            continue  # not a region's element, or left open (its end would be a guess)
        names = _tag_names(element.opening_tag(masked))
        names.add(element.name)
        first = doc.position(element.start)[0] - 1
        last = doc.position(element.end - 1)[0] - 1
        whole = (
            masked[doc.line_offset(first) : element.start].strip() == ""
            and masked[element.end : doc.line_end(last)].strip() == ""
        )
        found.append(Container(first, last, frozenset(names), whole, False))
    return found


def _quoted(elements: list[Element], element: Element) -> bool:
    """Whether an element stands inside a quote, a figure or a table."""
    parent = element.parent
    while parent is not None:
        if elements[parent].name in _QUOTING_TAGS:
            return True
        parent = elements[parent].parent
    return False


def _heading_attributes(doc: Document, masked: str) -> list[Container]:
    """Pandoc headings' attributes, as containers read for their names only."""
    if "{" not in masked:
        return []
    found: list[Container] = []
    for node in doc.leaves("heading"):
        start, end = doc.node_span(node)
        for m in _HEADING_ATTRIBUTES.finditer(masked, start, end):
            found.append(_named_only(doc, m.start(), set(_fence_names(m.group(1), None))))
    return found


def _named_only(doc: Document, offset: int, names: set[str]) -> Container:
    """A container that only carries names (never whole lines: never a region)."""
    line = doc.position(offset)[0] - 1
    return Container(line, line, frozenset(names), False, False, named_only=True)


def _tag_names(tag: str) -> set[str]:
    names: set[str] = set()
    for m in _ATTRIBUTE.finditer(tag):
        value = m.group(2) if m.group(2) is not None else m.group(3) or m.group(4) or ""
        for name in value.split():
            names.update(_spellings(name))
    if HIDING.search(tag.lower()):
        names.add("hidden")
    return names


def root_block(doc: Document, line: int) -> Node | None:
    """The top-level block that holds a line (None for a blank line between blocks)."""
    blocks = doc.root.children
    low, high = 0, len(blocks)
    while low < high:
        middle = (low + high) // 2
        if blocks[middle].end_line <= line:
            low = middle + 1
        else:
            high = middle
    if low < len(blocks) and blocks[low].start_line <= line:
        return blocks[low]
    return None
