"""Just enough HTML and inline-Markdown scanning to find whole elements in block content.

Raw HTML in Markdown is rarely well formed, so this is a forgiving scanner, not a
parser: it pairs open and close tags by name, treats void elements as complete,
reads ``<script>``/``<style>`` bodies as raw text, and never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# An attribute follows a space, or straight after a quoted value (`"a"b=1`): a browser's
# tokenizer reads on there, and scraped ad code has such slips.
_ATTRIBUTE = r"""(?:(?:\s+|(?<=["']))[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)"""
TAG = re.compile(
    rf"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>{_ATTRIBUTE}*)\s*(?P<self>/?)>"
)
COMMENT = re.compile(r"<!--.*?-->", re.S)
# A line of tags, or of tags around a few words (`<a href="..."><span>Twitter</span></a>`).
_MARKUP_LINE = re.compile(r"\s*(?:<[^<>]+>(?:.*>)?)?\s*")


def sub_closed(
    pattern: re.Pattern[str],
    replacement: str | Callable[[re.Match[str]], str],
    text: str,
    closer: str = ">",
) -> str:
    """``pattern.sub`` for a pattern whose every match ends with ``closer`` (``>`` for a tag,
    ``-->`` for a comment), scanning only up to the text's last ``closer``: past it no match
    can end, and the regex engine would try every opener there against all the rest
    (quadratic on a page of unclosed tags)."""
    end = closed_end(text, closer)
    if end == len(text):
        return pattern.sub(replacement, text)
    return pattern.sub(replacement, text[:end]) + text[end:]


def closed_end(text: str, closer: str = ">") -> int:
    """Where the text's last ``closer`` ends (0 without one): no tag or comment ends past it."""
    end = text.rfind(closer)
    return end + len(closer) if end >= 0 else 0


def is_markup_only(text: str) -> bool:
    """Whether ``text`` is HTML tags line by line (blank lines aside, one line at least): what
    a converter that indents HTML leaves as indented code after a blank line."""
    lines = text.splitlines()
    return any(line.strip() for line in lines) and all(
        _MARKUP_LINE.fullmatch(line) for line in lines
    )


_LINK_LINE = re.compile(
    r"[ \t]*(?:[-*+][ \t]+)?\[([^\[\]\n]*)\]\(<?([^\s()<>]+)>?(?:[ \t]+\"[^\"\n]*\")?\)[ \t]*"
)
"""One line of a list of links a converter indented into a code block (html2text's submenu
under a caption): "    * [Mega Sena](https://site/loterias/mega-sena/ "Mega Sena")"."""


def link_lines(text: str) -> list[tuple[str, str]] | None:
    """The links (text, target) of a code block's ``text`` when it is nothing but a list of
    links, one a line (blank lines aside, ``_LINK_LINES`` links at least): what html2text leaves as
    indented code when a site's submenu follows a caption; None for any other text (and for
    one link alone)."""
    links: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _LINK_LINE.fullmatch(line)
        if match is None:
            return None
        links.append((match.group(1).strip(), match.group(2)))
    return links if len(links) >= _LINK_LINES else None


_LINK_LINES = 2
"""The links of a list: one link alone, indented, is a line of the page's (a credit)."""

VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
RAW_TEXT_ELEMENTS = frozenset({"script", "style", "textarea"})
_BACKTICK_RUN = re.compile(r"`+")
# Elements whose text is code a reader is shown, not markup the browser runs.
_CODE_ELEMENTS = re.compile(r"<(pre|code|xmp)\b[^>]*>.*?</\1\s*>", re.S | re.I)


@dataclass(frozen=True, slots=True)
class Element:
    """One HTML element in a text: ``text[start:end]`` is the whole of it."""

    name: str
    start: int
    open_end: int
    """End of the opening tag."""
    close_start: int
    """Start of the closing tag (== end for void or unclosed elements)."""
    end: int
    parent: int | None
    """Index of the enclosing element in the scan's list, if any."""

    def opening_tag(self, text: str) -> str:
        return text[self.start : self.open_end]

    def inner(self, text: str) -> str:
        return text[self.open_end : self.close_start]


def code_span_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of CommonMark code spans: a backtick run up to the next run of the same length."""
    ranges: list[tuple[int, int]] = []
    runs = list(_BACKTICK_RUN.finditer(text))
    i = 0
    while i < len(runs):
        run = runs[i]
        if _escaped(text, run.start()) and len(run.group()) == 1:
            # "\`" is a literal backtick; a longer run may still open a span with the rest.
            i += 1
            continue
        width = len(run.group())
        for j in range(i + 1, len(runs)):
            if len(runs[j].group()) == width:
                ranges.append((run.start(), runs[j].end()))
                i = j
                break
        i += 1
    return ranges


def _escaped(text: str, index: int) -> bool:
    slashes = 0
    while index - slashes - 1 >= 0 and text[index - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def mask(text: str, ranges: list[tuple[int, int]], fill: str = " ") -> str:
    """The text with each range replaced by ``fill`` characters, keeping offsets and line breaks."""
    if not ranges:
        return text
    parts: list[str] = []
    last = 0
    for start, end in sorted(ranges):
        if start < last:
            start = last
        if end <= start:
            continue
        parts.append(text[last:start])
        # Each line of the range becomes as many fill characters as it has characters.
        parts.append("\n".join(fill * len(line) for line in text[start:end].split("\n")))
        last = end
    parts.append(text[last:])
    return "".join(parts)


# Several rules scan the same blocks (every ad rule, the pixel rule): scan each text once.
_SCANNED_TEXTS = 512


@lru_cache(maxsize=_SCANNED_TEXTS)
def mask_code(text: str, *, inline_markdown: bool) -> str:
    """Blank out code a reader is shown: code spans (in Markdown text) and <pre>/<code> bodies."""
    ranges = code_span_ranges(text) if inline_markdown and "`" in text else []
    if "<" in text:
        ranges.extend((m.start(), m.end()) for m in _CODE_ELEMENTS.finditer(text))
    return mask(text, ranges)


def scan_elements(text: str) -> list[Element]:
    """All elements of a text, in order of their opening tags; comments are skipped."""
    return list(_scan_elements(text))


@lru_cache(maxsize=_SCANNED_TEXTS)
def _scan_elements(text: str) -> tuple[Element, ...]:
    return _ElementScan(text).run()


class _ElementScan:
    """One scan of a text's tags, with the elements still open at each point."""

    def __init__(self, text: str) -> None:
        comments = (
            [(m.start(), m.end()) for m in COMMENT.finditer(text, 0, closed_end(text, "-->"))]
            if "<!--" in text
            else []
        )
        self.text = text
        self.scan = mask(text, comments) if comments else text
        self.elements: list[Element | None] = []
        self.open_stack: list[tuple[str, int, int, int]] = []  # name, start, open_end, index
        self.open_names: dict[
            str, int
        ] = {}  # how many of each name are open: a stray closer costs O(1)

    def run(self) -> tuple[Element, ...]:
        pos = 0
        end = closed_end(self.scan)
        while True:
            m = TAG.search(self.scan, pos, end)
            if m is None:
                break
            name = m.group("name").lower()
            if m.group("close"):
                self._close(m, name)
                pos = m.end()
            else:
                pos = self._open(m, name)
        self._leave_open()
        return tuple(e for e in self.elements if e is not None)

    def _parent(self, depth: int) -> int | None:
        """The index of the element open around the one at ``depth`` of the stack, if any."""
        return self.open_stack[depth - 1][3] if depth else None

    def _close(self, m: re.Match[str], name: str) -> None:
        if not self.open_names.get(name):
            return
        stack = self.open_stack
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == name), None)
        if depth is None:
            return
        # Close this element; anything opened inside and left open ends here too.
        for k in range(depth + 1, len(stack)):
            other_name, other_start, other_open_end, index = stack[k]
            self.elements[index] = Element(
                other_name, other_start, other_open_end, m.start(), m.start(), stack[k - 1][3]
            )
        _, start, open_end, index = stack[depth]
        self.elements[index] = Element(
            name, start, open_end, m.start(), m.end(), self._parent(depth)
        )
        for closed in stack[depth:]:
            self.open_names[closed[0]] -= 1
        del stack[depth:]

    def _open(self, m: re.Match[str], name: str) -> int:
        """Take an opening tag; where the scan goes on (after a raw-text element's closing tag)."""
        parent = self.open_stack[-1][3] if self.open_stack else None
        index = len(self.elements)
        if name in VOID_ELEMENTS or m.group("self"):
            self.elements.append(Element(name, m.start(), m.end(), m.end(), m.end(), parent))
            return m.end()
        if name in RAW_TEXT_ELEMENTS:
            close = re.compile(rf"</{name}\s*>", re.I).search(self.scan, m.end())
            close_start = close.start() if close else len(self.text)
            end = close.end() if close else len(self.text)
            self.elements.append(Element(name, m.start(), m.end(), close_start, end, parent))
            return end
        self.elements.append(None)
        self.open_stack.append((name, m.start(), m.end(), index))
        self.open_names[name] = self.open_names.get(name, 0) + 1
        return m.end()

    def _leave_open(self) -> None:
        for k, (name, start, open_end, index) in enumerate(self.open_stack):
            # Left open: the element is just its opening tag; guessing its end could eat prose.
            self.elements[index] = Element(
                name, start, open_end, open_end, open_end, self._parent(k)
            )


def iter_comments(text: str) -> Iterator[re.Match[str]]:
    return COMMENT.finditer(text, 0, closed_end(text, "-->"))
