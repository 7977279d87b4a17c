"""``--output-format full``: each violation with the source lines it spans and a caret under it (ruff's full)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .files import FileError, read_source
from .models import Violation
from .output import TextReporter
from .runner import FileResult

CONTEXT_LINES = 1
"""Lines shown before and after a violation."""
MAX_SPAN_LINES = 6
"""A longer violation shows its first and last lines, with ``...`` between."""


class FullReporter(TextReporter):
    """The text format, with each violation's source under its headline.

    The source is read back from the file once results come in: after ``--fix`` it is
    the fixed text, which is where the violations left are. Text from stdin is gone by
    then: its violations are printed as in the text format.
    """

    def __init__(self, *args: Any, stdin_name: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stdin_name = stdin_name

    def violation_lines(self, result: FileResult) -> list[str]:
        lines = self.source_lines(result.path)
        if lines is None:
            return super().violation_lines(result)
        out: list[str] = []
        for v in result.violations:
            out.append(self.headline(result.path, v))
            out.extend(self.snippet(lines, v))
            out.append("\n")
        return out

    def source_lines(self, path: str) -> list[str] | None:
        if path == "-" or path == self.stdin_name:
            return None
        try:
            return read_source(Path(path)).text.splitlines()
        except (FileError, OSError):
            return None

    def snippet(self, lines: list[str], v: Violation) -> list[str]:
        first, last = (
            v.line,
            max(v.line, v.end_line - (1 if v.end_column == 1 and v.end_line > v.line else 0)),
        )
        shown = _shown_lines(len(lines), first, last)
        width = len(str(shown[-1])) if shown else 1
        gutter = self._style(" " * width + " |", fg="blue", bold=True)
        out = [gutter + "\n"]
        previous = None
        for number in shown:
            if previous is not None and number != previous + 1:
                out.append(self._style(":".rjust(width) + " |", fg="blue", bold=True) + "\n")
            text = lines[number - 1].expandtabs(4) if number <= len(lines) else ""
            out.append(
                self._style(f"{number:>{width}} |", fg="blue", bold=True)
                + (" " + text if text else "")
                + "\n"
            )
            if number == first:
                out.append(gutter + " " + self._caret(lines[number - 1], v, number == last) + "\n")
            previous = number
        out.append(gutter + "\n")
        return out

    def _caret(self, line: str, v: Violation, one_line: bool) -> str:
        start = len(line[: v.column - 1].expandtabs(4))
        end = len(line[: v.end_column - 1].expandtabs(4)) if one_line else len(line.expandtabs(4))
        carets = "^" * max(1, end - start)
        return " " * start + self._style(f"{carets} {v.code}", fg="red", bold=True)


def _shown_lines(count: int, first: int, last: int) -> list[int]:
    """The line numbers a snippet of lines ``first``..``last`` shows, with their context; the
    middle of a long span is left out."""
    shown = list(range(max(1, first - CONTEXT_LINES), min(count, last + CONTEXT_LINES) + 1))
    if last - first + 1 > MAX_SPAN_LINES:
        keep = set(range(first - CONTEXT_LINES, first + MAX_SPAN_LINES // 2)) | set(
            range(last - MAX_SPAN_LINES // 2 + 1, last + CONTEXT_LINES + 1)
        )
        shown = [n for n in shown if n in keep]
    return shown
