"""One file's work, start to end: read, lint or fix, write. The CLI maps this over files."""
from __future__ import annotations

import difflib
import enum
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .engine import fix, lint
from .errors import MdcleanError
from .files import FileError, SourceFile, decode, discover, read_source, write_atomic
from .models import Violation


class Mode(str, enum.Enum):
    CHECK = "check"
    FIX = "fix"
    DIFF = "diff"


@dataclass
class FileResult:
    """What happened to one file, ready to be reported."""

    path: str
    violations: list[Violation] = field(default_factory=list)
    """Violations left (after fixing, in fix mode)."""
    fixed: list[Violation] = field(default_factory=list)
    error: str | None = None
    diff: str = ""
    changed: bool = False
    output: str | None = None
    """The fixed text, for stdin input in fix mode."""


def process_text(source: SourceFile, name: str, mode: Mode, config: Config) -> FileResult:
    result = FileResult(name)
    try:
        if mode is Mode.CHECK:
            result.violations = lint(source.text, path=name, config=config)
            return result
        outcome = fix(source.text, path=name, config=config)
        result.violations, result.fixed = outcome.remaining, outcome.fixed
        result.changed = outcome.text != source.text
        if not outcome.converged:
            result.error = f"{name}: fixes did not converge after many passes; file left untouched " \
                           "(please report this as a bug)"
            result.changed = False
            return result
        if mode is Mode.DIFF and result.changed:
            result.diff = "".join(difflib.unified_diff(
                source.text.splitlines(keepends=True), outcome.text.splitlines(keepends=True),
                fromfile=name, tofile=name))
        result.output = outcome.text
    except MdcleanError as error:
        result.error = f"{name}: {error}"
    except RecursionError:
        result.error = f"{name}: document nested too deeply to parse; file left untouched"
    return result


def process_file(path: Path, mode: Mode, config: Config) -> FileResult:
    name = str(path)
    try:
        source = read_source(path)
    except FileError as error:
        return FileResult(name, error=str(error))
    result = process_text(source, name, mode, config)
    if mode is Mode.FIX and result.changed and result.error is None and result.output is not None:
        try:
            write_atomic(path, source.encode(result.output))
        except FileError as error:
            result.error = str(error)
            result.changed = False
            # Nothing was written: report what is still there.
            result.violations = lint(source.text, path=name, config=config)
            result.fixed = []
    result.output = None  # the text is on disk; do not carry it around
    return result


ConfigFor = Callable[[Path], Config]
"""The effective configuration for a file (found by walking up from it)."""


def run_files(paths: Sequence[Path], mode: Mode, config_for: ConfigFor, *,
              stdin_name: str = "-") -> Iterator[FileResult]:
    """Process every file under ``paths`` (``-`` is stdin), yielding results in a stable order.

    Unreadable paths come back as results with an error; the run always goes on.
    """
    stdin_done = False
    for path in paths:
        if path == Path("-"):
            if not stdin_done:
                stdin_done = True
                yield process_stdin(stdin_name, mode, config_for(Path(stdin_name)))
            continue
        for item in discover([path]):
            if isinstance(item, FileError):
                yield FileResult(str(path), error=str(item))
            else:
                yield process_file(item, mode, config_for(item))


def process_stdin(name: str, mode: Mode, config: Config) -> FileResult:
    """Check or fix text from stdin; fixing writes the text to stdout."""
    try:
        source = decode(sys.stdin.buffer.read(), name)
    except FileError as error:
        return FileResult(name, error=str(error))
    result = process_text(source, name, mode, config)
    if mode is Mode.FIX:
        sys.stdout.buffer.write(source.encode(result.output if result.output is not None else source.text))
        sys.stdout.buffer.flush()
    return result
