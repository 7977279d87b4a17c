"""The raw text with the lines of its fenced code blanked: code is never a rule's block.

A rule whose evidence stands in a paragraph, a heading or a list (counts, hashtags) need
not be triggered by what code blocks hold ("#include <stdio.h>", "f(476)"). Without a parse
the blanking must be sound, so only fences whose place the raw text proves are read: a fence
that opens at the line's start (no container can hold it) after a blank line or at the start,
outside an HTML block that runs over blank lines, and closes with its own closing line.
Where any other line looks like a fence (indented in a list, right after a paragraph, never
closed), the text is left whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .head import LONG_HTML_ENDS, _is_blank
from .raw_text import RawText, per_text
from .triggers import Trigger

_LINE = re.compile(r"[^\n]*\n|[^\n]+")  # markdown-it's lines: only LF ends one
_FENCE_LIKE = re.compile(r" {0,3}(`{3,}|~{3,})")
_OPENER_INFO = re.compile(r"[^`\n]*\n?")  # what may follow a backtick fence's opening run
# The openings of HTML blocks of kinds 1-5 (the text is lower-cased), as ``head`` reads them:
# those run over blank lines, so a fence inside one is no fence.
_LONG_HTML = re.compile(
    r" {0,3}<(?:(?:script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[cdata\[)|(![a-z]))"
)


@per_text  # the triggers that read past code share one reading
def outside_fences(text: str) -> str:
    """``text`` with the lines inside its provable fences made empty (line breaks kept); the
    text itself when it holds no fence, or a line that may be a fence the reading cannot place."""
    if "```" not in text and "~~~" not in text:
        return text
    if text.startswith("---") or "\r" in text:
        return text  # front matter left in, or CR line breaks: leave it to the parse
    lines = _LINE.findall(text)
    kept: list[str] = []
    previous_blank = True
    html_end: re.Pattern[str] | None = None
    at = 0
    while at < len(lines):
        line = lines[at]
        at += 1
        if html_end is not None:  # inside an HTML block that runs to its end marker
            if _FENCE_LIKE.match(line):
                return text  # (the block may have ended before it, with a container)
            if html_end.search(line):
                html_end = None
        elif (fence := _FENCE_LIKE.match(line)) is not None:
            closing = _closing_line(lines, at, line, fence, previous_blank)
            if closing is None:
                return text
            kept.append(line)
            kept.extend("\n" for _ in range(at, closing))
            at = closing
            line = lines[at]
            at += 1
        elif (html := _LONG_HTML.match(line)) is not None:
            end = LONG_HTML_ENDS[html.lastindex or 0]
            html_end = None if end.search(line, html.end()) else end
        kept.append(line)
        previous_blank = _is_blank(line)
    return "".join(kept)


def _closing_line(
    lines: list[str], at: int, line: str, fence: re.Match[str], previous_blank: bool
) -> int | None:
    """The index of the line that closes the fence ``line`` opens, when it surely opens one
    at the top level (at the line's start, after a blank line); None when unsure."""
    run = fence.group(1)
    if fence.start(1) != 0 or not previous_blank:
        return None  # indented (a list's?) or right after a paragraph line (an HTML block's?)
    if run[0] == "`" and _OPENER_INFO.fullmatch(line, fence.end()) is None:
        return None  # a backtick in the info string: no fence (inline code)
    closing = re.compile(rf" {{0,3}}{re.escape(run[0])}{{{len(run)},}}[ \t]*\n?")
    for index in range(at, len(lines)):
        if closing.fullmatch(lines[index]):
            return index
    return None  # never closed


@dataclass(frozen=True)
class OutsideFences(Trigger):
    """``inner`` holds in the text with its provable fenced code blanked (``outside_fences``)."""

    inner: Trigger

    def holds(self, text: str) -> bool:
        seen = outside_fences(text)  # (a ``RawText`` of its own when the text is one)
        return self.inner.holds(seen if isinstance(seen, RawText) else RawText(seen))
