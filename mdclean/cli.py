"""The command line: a thin shell over :mod:`mdclean.runner` and :mod:`mdclean.output`."""
from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .catalogue import Rule
from .errors import MdcleanError
from .files import end_by_signal
from .output import FORMATS, Progress, make_reporter
from .cache import CACHE_DIR_NAME
from .ruledocs import explain, rule_listing
from .runner import Mode, default_jobs, run_files
from .settings import Overrides, Resolver
from .site.learning import SiteProfiles

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
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Use this .mdclean.toml or pyproject.toml for every file, instead of finding one.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--output-format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="How to print results: text, json, sarif (code scanning), github (annotations), junit.")
@click.option("--statistics", is_flag=True, help="Print the number of violations per rule instead of each one.")
@click.option("--show-fixes", is_flag=True, help="After --fix, list what was fixed in each file.")
@click.option("--list-rules", is_flag=True, help="List every rule: code, name, fix safety, on by default.")
@click.option("--explain", "explain_code", metavar="CODE", help="Explain a rule, with its examples.")
@click.option("--show-template", is_flag=True,
              help="Print, per site, the blocks TPL001 learned (files holding each, fix safety) and exit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes [default: the number of cores].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="MDCLEAN_CACHE_DIR",
              default=CACHE_DIR_NAME, show_default=True, help="Where results are cached between runs.")
@click.version_option(__version__, "--version", prog_name="mdclean")
def main(paths: tuple[Path, ...], fix: bool, unsafe_fixes: bool, diff: bool, select: tuple[str, ...],
         ignore: tuple[str, ...], extend_select: tuple[str, ...], stdin_filename: str | None,
         quiet: bool, jobs: int | None, no_cache: bool, cache_dir: Path, config_file: Path | None,
         isolated: bool, output_format: str, statistics: bool, show_fixes: bool, list_rules: bool,
         explain_code: str | None, show_template: bool) -> None:
    """Find ads, boilerplate and broken front matter in Markdown files, and remove them with --fix."""
    if fix and diff:
        raise click.UsageError("--fix and --diff do not go together: --diff only shows what --fix would do")
    if (statistics or show_fixes) and output_format != "text":
        raise click.UsageError("--statistics and --show-fixes go with the text output format "
                               "(the json format always has statistics and fixes)")
    overrides = Overrides(select=_codes(select) or None, ignore=_codes(ignore),
                          extend_select=_codes(extend_select), unsafe_fixes=unsafe_fixes)
    try:
        resolver = Resolver(overrides, config_file=config_file, isolated=isolated)
        # Resolve now: a bad code or configuration is one clear error before any file is read.
        here = resolver.config_for(Path(stdin_filename or "-"))
    except MdcleanError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    if list_rules or explain_code:
        sys.exit(_rule_docs(here.catalogue, explain_code))
    profiles = SiteProfiles(resolver, paths, skip=resolver.skip, cache_dir=None if no_cache else cache_dir)
    if show_template:
        sys.exit(_show_templates(profiles, paths or (Path("."),)))
    if not paths:
        raise click.UsageError("give at least one Markdown file or folder (or - for stdin)")
    mode = Mode.FIX if fix else Mode.DIFF if diff else Mode.CHECK
    colour = _is_terminal(sys.stdout) and not os.environ.get("NO_COLOR")
    reporter = make_reporter(output_format, mode, unsafe=unsafe_fixes or here.unsafe_fixes, quiet=quiet,
                             statistics=statistics, show_fixes=show_fixes, colour=colour, rules=here.catalogue,
                             to_stderr=mode is Mode.FIX and Path("-") in paths)  # stdout: stdin's cleaned text
    progress = Progress(sys.stderr, enabled=_is_terminal(sys.stderr))
    if threading.current_thread() is threading.main_thread():  # only there can a handler be set
        signal.signal(signal.SIGTERM, end_by_signal)
    errors = violations = changes = 0
    try:
        profiles.learn_all(paths, jobs or default_jobs())
        for result in run_files(paths, mode, profiles.config_for, stdin_name=stdin_filename or "-",
                                jobs=jobs or default_jobs(), cache_dir=None if no_cache else cache_dir,
                                skip=resolver.skip):
            progress.clear()
            reporter.file(result)
            progress.update(result)
            errors += result.error is not None
            violations += len(result.violations)
            changes += bool(result.diff)
    except MdcleanError as error:  # a configuration file met on the way is broken
        progress.clear()
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    progress.clear()
    profiles.save()
    reporter.summary()
    if errors:
        sys.exit(EXIT_ERROR)
    if mode is Mode.DIFF:
        sys.exit(EXIT_VIOLATIONS if changes else EXIT_CLEAN)
    sys.exit(EXIT_VIOLATIONS if violations else EXIT_CLEAN)


def _show_templates(profiles: SiteProfiles, paths: Sequence[Path]) -> int:
    from .site.report import describe

    try:
        click.echo(describe(profiles.sites(paths)), nl=False)
    except MdcleanError as error:
        click.echo(f"error: {error}", err=True)
        return EXIT_ERROR
    profiles.save()
    return EXIT_CLEAN


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _rule_docs(catalogue: Sequence[Rule], code: str | None) -> int:
    """--list-rules and --explain: read from the rules (built-in and rule packs)."""
    if code is None:
        click.echo(rule_listing(catalogue), nl=False)
        return EXIT_CLEAN
    rule = next((r for r in catalogue if r.code == code.strip().upper()), None)
    if rule is None:
        click.echo(f"error: --explain: unknown rule code {code!r} (run `mdclean --list-rules` to see the codes)",
                   err=True)
        return EXIT_ERROR
    click.echo(explain(rule), nl=False)
    return EXIT_CLEAN
