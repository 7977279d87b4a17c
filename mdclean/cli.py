"""The command line: a thin shell over :mod:`mdclean.runner` and the library API."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .config import Config
from .errors import MdcleanError
from .files import FileError, decode, discover
from .runner import FileResult, Mode, process_file, process_text

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str]) -> tuple[str, ...]:
    """``--select AD,BP001 --select LK`` -> ('AD', 'BP001', 'LK')."""
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (implies nothing without --fix or --diff).")
@click.option("--diff", is_flag=True, help="Print the diff --fix would make; write nothing.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes.")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Add these to the selected rules.")
@click.option("--stdin-filename", metavar="PATH", help="The path to report for input read from stdin.")
@click.option("-q", "--quiet", is_flag=True, help="Print violations only: no summary.")
@click.version_option(__version__, "--version", prog_name="mdclean")
def main(paths: tuple[Path, ...], fix: bool, unsafe_fixes: bool, diff: bool, select: tuple[str, ...],
         ignore: tuple[str, ...], extend_select: tuple[str, ...], stdin_filename: str | None,
         quiet: bool) -> None:
    """Find ads, boilerplate and broken front matter in Markdown files, and remove them with --fix."""
    if not paths:
        raise click.UsageError("give at least one Markdown file or folder (or - for stdin)")
    if fix and diff:
        raise click.UsageError("--fix and --diff do not go together: --diff only shows what --fix would do")
    config = Config(select=_codes(select) or None, ignore=_codes(ignore), extend_select=_codes(extend_select),
                    unsafe_fixes=unsafe_fixes, origin="command line")
    try:
        config.rules  # resolve now: a bad code is one clear error before any file is read
    except MdcleanError as error:
        _fail(str(error))
    mode = Mode.FIX if fix else Mode.DIFF if diff else Mode.CHECK
    results: list[FileResult] = []
    errors = 0
    for item in _inputs(paths):
        if isinstance(item, FileError):
            click.echo(f"error: {item}", err=True)
            errors += 1
            continue
        if item == Path("-"):
            result = _process_stdin(stdin_filename or "-", mode, config)
        else:
            result = process_file(item, mode, config)
        _report_file(result, mode, unsafe_fixes)
        if result.error:
            errors += 1
        results.append(result)
    if not quiet and mode is not Mode.DIFF and not (mode is Mode.FIX and paths == (Path("-"),)):
        _summary(results, mode, unsafe_fixes)
    if errors:
        sys.exit(EXIT_ERROR)
    if mode is Mode.DIFF:
        sys.exit(EXIT_VIOLATIONS if any(r.diff for r in results) else EXIT_CLEAN)
    sys.exit(EXIT_VIOLATIONS if any(r.violations for r in results) else EXIT_CLEAN)


def _inputs(paths: Sequence[Path]):
    stdin_seen = False
    for path in paths:
        if path == Path("-"):
            if not stdin_seen:
                stdin_seen = True
                yield path
            continue
        yield from discover([path])


def _process_stdin(name: str, mode: Mode, config: Config) -> FileResult:
    try:
        source = decode(sys.stdin.buffer.read(), name)
    except FileError as error:
        return FileResult(name, error=str(error))
    result = process_text(source, name, mode, config)
    if mode is Mode.FIX:
        # The fixed text is the output; reports go to stderr so a pipe gets clean Markdown.
        sys.stdout.buffer.write(source.encode(result.output if result.output is not None else source.text))
        sys.stdout.buffer.flush()
    return result


def _report_file(result: FileResult, mode: Mode, unsafe: bool) -> None:
    to_stderr = mode is Mode.FIX and result.output is not None  # stdin: stdout carries the text
    if result.error:
        click.echo(f"error: {result.error}", err=True)
    if result.diff:
        click.echo(result.diff, nl=False)
    if mode is Mode.DIFF:
        return
    for v in result.violations:
        marker = " [*]" if v.fix is not None and (v.fix.is_safe or unsafe) else ""
        click.echo(f"{result.path}:{v.line}:{v.column}: {v.code}{marker} {v.message}", err=to_stderr)


def _summary(results: list[FileResult], mode: Mode, unsafe: bool) -> None:
    remaining = [v for r in results for v in r.violations]
    files = sum(1 for r in results if r.violations)
    err = any(r.path == "-" for r in results) and mode is Mode.FIX
    if mode is Mode.FIX:
        fixed = sum(len(r.fixed) for r in results)
        changed = sum(1 for r in results if r.changed)
        if fixed:
            click.echo(f"Fixed {_plural(fixed, 'problem')} in {_plural(changed, 'file')}.", err=err)
    if not remaining:
        return
    safe = sum(1 for v in remaining if v.fix is not None and v.fix.is_safe)
    hidden = sum(1 for v in remaining if v.fix is not None and not v.fix.is_safe)
    fixable = safe + (hidden if unsafe else 0)
    click.echo(f"Found {_plural(len(remaining), 'problem')} ({fixable} fixable) in {_plural(files, 'file')}.",
               err=err)
    if mode is Mode.CHECK and fixable:
        click.echo(f"[*] {fixable} fixable with `mdclean --fix`.", err=err)
    if hidden and not unsafe:
        click.echo(f"{_plural(hidden, 'more fix', 'more fixes')} available with `--unsafe-fixes`.", err=err)


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m mdclean``)."""
    try:
        main.main(args=list(argv) if argv is not None else None, prog_name="mdclean", standalone_mode=True)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0
