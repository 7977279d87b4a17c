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

from .head import LONG_HTML_ENDS
from .raw_text import RawText, per_text
from .triggers import Trigger

# A line that looks like a fence, or opens an HTML block of kinds 1-5 (the text is
# lower-cased), as ``head`` reads them: those run over blank lines, so a fence inside one is
# no fence. Only these lines are read; the text between them is not.
_EVENT = re.compile(
    r"^ {0,3}(?:(`{3,}|~{3,})"
    r"|<(?:(?:script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(!\[cdata\[)|(![a-z])))",
    re.MULTILINE,
)
_OPENER_INFO = re.compile(r"[^`\n]*")  # what may follow a backtick fence's opening run


@per_text  # the triggers that read past code share one reading
def fenced_code(text: str) -> tuple[tuple[int, int], ...] | None:
    """Where the code of each fence of ``text`` starts (past its opening line) and ends (at
    its closing line), for fences the reading can place; None when a line may be a fence
    it cannot place (then any line may be code)."""
    if "```" not in text and "~~~" not in text:
        return ()
    if text.startswith("---") or "\r" in text:
        return None  # front matter left in, or CR line breaks: leave it to the parse
    found: list[tuple[int, int]] = []
    read = 0  # the text up to here is read
    for event in _EVENT.finditer(text):
        if event.start() < read:
            continue  # inside a fence or an HTML block already read
        if event.group(1) is None:
            html_end = _html_end(text, event)
            if _FENCE_LINE.search(text, event.end(), html_end):
                return None  # a fence-like line in the HTML block (may it have ended before?)
            read = html_end
            continue
        code = _fenced_code(text, event)
        if code is None:
            return None
        found.append(code)
        read = _line_end(text, code[1]) + 1
    return tuple(found)


@per_text  # the triggers that read past code share one reading
def outside_fences(text: str) -> str:
    """``text`` with the lines inside its provable fences made empty (line breaks kept); the
    text itself when it holds no fence, or a line that may be a fence the reading cannot place."""
    code = fenced_code(text)
    if not code or all(text.count("\n", start, end) == end - start for start, end in code):
        return text  # (nothing to blank: the text itself, whose readings are shared)
    kept: list[str] = []
    done = 0  # the text up to here is in ``kept``
    for start, end in code:
        kept += (text[done:start], "\n" * text.count("\n", start, end))
        done = end  # (the closing line is kept)
    return "".join((*kept, text[done:]))


_FENCE_LINE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE)


def _html_end(text: str, opener: re.Match[str]) -> int:
    """Where the HTML block that ``opener`` opens ends: past the line of its end marker."""
    # Kind 1 has no group; kinds 2-5 have the groups after the fence's.
    kind = opener.lastindex - 1 if opener.lastindex else 0
    marker = LONG_HTML_ENDS[kind].search(text, opener.end())
    if marker is None:
        return len(text)
    line_end = text.find("\n", marker.end())
    return len(text) if line_end < 0 else line_end + 1


def _fenced_code(text: str, fence: re.Match[str]) -> tuple[int, int] | None:
    """Where the code of the fence that opens at ``fence`` starts (past its opening line) and
    ends (at its closing line), when it surely opens one at the top level: at the line's
    start, at the text's start or after a blank line, closed; None when unsure."""
    run = fence.group(1)
    at = fence.start()
    if fence.start(1) != at or not _after_blank(text, at):
        return None  # indented (a list's?) or right after a line (an HTML block's?)
    if run[0] == "`" and _OPENER_INFO.fullmatch(text, fence.end(), _line_end(text, at)) is None:
        return None  # a backtick in the info string: no fence (inline code)
    code_start = _line_end(text, at) + 1
    closing = re.compile(rf"^ {{0,3}}{re.escape(run[0])}{{{len(run)},}}[ \t]*$", re.MULTILINE)
    close = closing.search(text, code_start) if code_start <= len(text) else None
    return None if close is None else (code_start, close.start())


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _after_blank(text: str, at: int) -> bool:
    """Whether the line at ``at`` opens the text or follows a blank line."""
    if at == 0:
        return True
    previous = text[text.rfind("\n", 0, at - 1) + 1 : at - 1]
    return not previous.strip(" \t")


@dataclass(frozen=True)
class OutsideFences(Trigger):
    """``inner`` holds in the text with its provable fenced code blanked (``outside_fences``)."""

    inner: Trigger

    def holds(self, text: str) -> bool:
        seen = outside_fences(text)  # (a ``RawText`` of its own when the text is one)
        return self.inner.holds(seen if isinstance(seen, RawText) else RawText(seen))
