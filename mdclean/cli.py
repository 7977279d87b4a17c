"""The command line: a thin shell over :mod:`mdclean.runner` and :mod:`mdclean.output`."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .config import Config
from .errors import MdcleanError
from .output import TextReporter
from .runner import Mode, run_files

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str]) -> tuple[str, ...]:
    """``--select AD,BP001 --select LK`` -> ('AD', 'BP001', 'LK')."""
    return tuple(code.strip().upper() for value in values for code in value.split(",") if code.strip())


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (with --fix or --diff).")
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
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    mode = Mode.FIX if fix else Mode.DIFF if diff else Mode.CHECK
    reporter = TextReporter(mode, unsafe=unsafe_fixes, quiet=quiet)
    errors = violations = changes = 0
    for result in run_files(paths, mode, lambda _path: config, stdin_name=stdin_filename or "-"):
        reporter.file(result)
        errors += result.error is not None
        violations += len(result.violations)
        changes += bool(result.diff)
    reporter.summary()
    if errors:
        sys.exit(EXIT_ERROR)
    if mode is Mode.DIFF:
        sys.exit(EXIT_VIOLATIONS if changes else EXIT_CLEAN)
    sys.exit(EXIT_VIOLATIONS if violations else EXIT_CLEAN)
