"""The command line: a thin shell over :mod:`mdclean.runner` and :mod:`mdclean.output`."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from . import __version__
from .cache import CACHE_DIR_NAME
from .errors import MdcleanError
from .escape import printable
from .files import MARKDOWN_SUFFIXES, end_by_signal
from .output import FORMATS, Progress, make_reporter, print_error
from .runner import Mode, default_jobs, run_files
from .settings import Overrides, Resolver

if TYPE_CHECKING:
    from .catalogue import Rule
    from .config import Config
    from .output import Reporter
    from .runner import FileResult
    from .site.learning import SiteProfiles

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def _codes(values: Sequence[str]) -> tuple[str, ...]:
    """``--select AD,BP001 --select LK`` -> ('AD', 'BP001', 'LK')."""
    return tuple(
        code.strip().upper() for value in values for code in value.split(",") if code.strip()
    )


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too (with --fix or --diff).")
@click.option("--diff", is_flag=True, help="Print the diff --fix would make; write nothing.")
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rule codes or prefixes (comma-separated).",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes.")
@click.option(
    "--extend-select", multiple=True, metavar="CODES", help="Add these to the selected rules."
)
@click.option(
    "--stdin-filename", metavar="PATH", help="The path to report for input read from stdin."
)
@click.option("-q", "--quiet", is_flag=True, help="Print violations only: no summary, no warnings.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Use this .mdclean.toml or pyproject.toml for every file, instead of finding one.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--output-format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="How to print results: text, full (with source), json, sarif (code scanning), github "
    "(annotations), junit, html (a review page, with --diff).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print the number of violations per rule instead of each one.",
)
@click.option("--show-fixes", is_flag=True, help="After --fix, list what was fixed in each file.")
@click.option(
    "--list-rules", is_flag=True, help="List every rule: code, name, fix safety, on by default."
)
@click.option(
    "--explain", "explain_code", metavar="CODE", help="Explain a rule, with its examples."
)
@click.option(
    "--show-template",
    is_flag=True,
    help="Print, per site, the blocks TPL001 learned (files holding each, fix safety) and exit.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes [default: the number of cores].",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="MDCLEAN_CACHE_DIR",
    default=CACHE_DIR_NAME,
    show_default=True,
    help="Where results are cached between runs.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit with 0 even when violations remain (errors still exit 2).",
)
@click.option(
    "--exit-non-zero-on-fix",
    is_flag=True,
    help="Exit with 1 when --fix changed a file, even if nothing is left.",
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the resolved settings for the first PATH, with where each came from.",
)
@click.option(
    "--show-files", is_flag=True, help="Print the files a run on PATH... would check, and stop."
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write the report to FILE instead of stdout.",
)
@click.version_option(__version__, "--version", prog_name="mdclean")
def main(
    paths: tuple[Path, ...],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    stdin_filename: str | None,
    quiet: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path,
    config_file: Path | None,
    isolated: bool,
    output_format: str,
    statistics: bool,
    show_fixes: bool,
    list_rules: bool,
    explain_code: str | None,
    exit_zero: bool = False,
    exit_non_zero_on_fix: bool = False,
    show_settings: bool = False,
    show_files: bool = False,
    output_file: Path | None = None,
    show_template: bool = False,
) -> None:
    """Find ads, boilerplate and broken front matter in Markdown files, and remove them with --fix.

    `mdclean server` starts the language server for editors (pip install 'mdclean[server]').
    """
    _check_combinations(fix, diff, output_format, config_file, isolated)
    _check_report_options(output_format, statistics, show_fixes)
    overrides = _overrides(select, ignore, extend_select, unsafe_fixes)
    stdin_name = stdin_filename or "-"
    resolver, here = _resolve(overrides, config_file, isolated, stdin_name)
    if list_rules or explain_code:
        sys.exit(_rule_docs(here.catalogue, explain_code))
    from .site.learning import SiteProfiles  # here: --list-rules and --explain need no site

    cache = None if no_cache else cache_dir
    profiles = SiteProfiles(resolver, paths, skip=resolver.skip, cache_dir=cache)
    _answer_queries(paths, resolver, profiles, show_template, show_settings, show_files)
    mode = _mode(fix, diff)
    to_stderr = mode is Mode.FIX and Path("-") in paths  # stdout: stdin's cleaned text
    if output_file is not None:
        _redirect_output(output_file, to_stderr)
    reporter = make_reporter(
        output_format,
        mode,
        unsafe=unsafe_fixes or here.unsafe_fixes,
        quiet=quiet,
        statistics=statistics,
        show_fixes=show_fixes,
        colour=use_colour(sys.stdout),
        rules=here.catalogue,
        to_stderr=to_stderr,
        stdin_name=stdin_name,
    )
    _end_on_sigterm()
    jobs = jobs or default_jobs()
    tally = _run(paths, mode, profiles, resolver, reporter, stdin_name, jobs, cache)
    profiles.save()
    if not quiet:
        _warn_if_nothing_found(paths, tally)
    reporter.summary()
    sys.stdout.flush()
    sys.exit(tally.exit_code(mode, exit_zero=exit_zero, exit_non_zero_on_fix=exit_non_zero_on_fix))


def _overrides(
    select: Sequence[str], ignore: Sequence[str], extend_select: Sequence[str], unsafe_fixes: bool
) -> Overrides:
    """What the command line sets over the configuration files."""
    return Overrides(
        select=_codes(select) or None,
        ignore=_codes(ignore),
        extend_select=_codes(extend_select),
        unsafe_fixes=unsafe_fixes,
    )


def _mode(fix: bool, diff: bool) -> Mode:
    return Mode.FIX if fix else Mode.DIFF if diff else Mode.CHECK


def _end_on_sigterm() -> None:
    """SIGTERM ends the run as Ctrl-C does (a write under way deletes its temporary file)."""
    with contextlib.suppress(ValueError):  # not the main thread: only there can a handler be set
        signal.signal(signal.SIGTERM, end_by_signal)


def _check_combinations(
    fix: bool, diff: bool, output_format: str, config_file: Path | None, isolated: bool
) -> None:
    """Options that do not go together: a usage error naming why."""
    if fix and diff:
        raise click.UsageError(
            "--fix and --diff do not go together: --diff only shows what --fix would do"
        )
    if output_format == "html" and not diff:
        raise click.UsageError(
            "--output-format html is a review page of what --fix would remove: "
            "use it with --diff (and --unsafe-fixes to review those too)"
        )
    if config_file is not None and isolated:
        raise click.UsageError(
            "--config and --isolated do not go together: --isolated ignores every "
            "configuration file, --config names the one to use"
        )


def _check_report_options(output_format: str, statistics: bool, show_fixes: bool) -> None:
    """--statistics and --show-fixes go with the formats that can show them."""
    json = output_format == "json"
    if statistics and output_format not in ("text", "full", "github"):
        raise click.UsageError(
            f"--statistics goes with the text, full and github output formats, not {output_format}"
            + (" (the json format always has statistics)" if json else "")
        )
    if show_fixes and output_format not in ("text", "full"):
        raise click.UsageError(
            f"--show-fixes goes with the text and full output formats, not {output_format}"
            + (" (the json format always lists fixes)" if json else "")
        )


def _answer_queries(
    paths: Sequence[Path],
    resolver: Resolver,
    profiles: SiteProfiles,
    show_template: bool,
    show_settings: bool,
    show_files: bool,
) -> None:
    """--show-template, --show-settings and --show-files print their answer and exit; a run
    with none of them needs a path."""
    if show_template:
        sys.exit(_show_templates(profiles, paths or (Path("."),)))
    if not paths:
        raise click.UsageError("give at least one Markdown file or folder (or - for stdin)")
    if show_settings or show_files:
        sys.exit(_show(paths, resolver, show_settings))


def _redirect_output(output_file: Path, to_stderr: bool) -> None:
    if to_stderr:
        raise click.UsageError(
            "--output-file does not go with fixing stdin: the report goes to stderr"
        )
    sys.stdout = _open_output(output_file)


def _warn_if_nothing_found(paths: Sequence[Path], tally: _Tally) -> None:
    """A wrong folder, or all excluded: say so. (Files named one by one and all excluded stay
    quiet: pre-commit names them so.)"""
    if not tally.files and all(_is_folder(p) for p in paths):
        click.echo(
            f"warning: no Markdown files found in {', '.join(printable(str(p)) for p in paths)} "
            f"(looked for {', '.join('*' + s for s in sorted(MARKDOWN_SUFFIXES))})",
            err=True,
        )


def _resolve(
    overrides: Overrides, config_file: Path | None, isolated: bool, stdin_name: str
) -> tuple[Resolver, Config]:
    """The settings resolver, and the settings where the run starts. Resolved now: a bad code or
    configuration is one clear error before any file is read."""
    try:
        resolver = Resolver(overrides, config_file=config_file, isolated=isolated)
        return resolver, resolver.config_for(Path(stdin_name))
    except MdcleanError as error:
        print_error(str(error))
        sys.exit(EXIT_ERROR)


@dataclass
class _Tally:
    """What a run found, for its exit code."""

    files: int = 0
    errors: int = 0
    violations: int = 0
    changes: int = 0
    """Files --diff shows a change for."""
    fixed_files: int = 0

    def count(self, result: FileResult) -> None:
        self.files += 1
        self.errors += result.error is not None
        self.violations += len(result.violations)
        self.changes += bool(result.diff)
        self.fixed_files += result.changed

    def exit_code(self, mode: Mode, *, exit_zero: bool, exit_non_zero_on_fix: bool) -> int:
        if self.errors:
            return EXIT_ERROR
        if exit_non_zero_on_fix and mode is Mode.FIX and self.fixed_files:
            return EXIT_VIOLATIONS
        if exit_zero:
            return EXIT_CLEAN
        if mode is Mode.DIFF:
            return EXIT_VIOLATIONS if self.changes else EXIT_CLEAN
        return EXIT_VIOLATIONS if self.violations else EXIT_CLEAN


def _run(
    paths: Sequence[Path],
    mode: Mode,
    profiles: SiteProfiles,
    resolver: Resolver,
    reporter: Reporter,
    stdin_name: str,
    jobs: int,
    cache_dir: Path | None,
) -> _Tally:
    """Check or fix every file, reporting each as it comes; a broken configuration met on the
    way is one error line and exit code 2."""
    tally = _Tally()
    progress = Progress(sys.stderr, enabled=_is_terminal(sys.stderr))
    try:
        profiles.learn_all(paths, jobs)
        for result in run_files(
            paths,
            mode,
            profiles.config_for,
            stdin_name=stdin_name,
            jobs=jobs,
            cache_dir=cache_dir,
            skip=resolver.skip,
        ):
            progress.clear()
            reporter.file(result)
            progress.update(result)
            tally.count(result)
    except MdcleanError as error:
        progress.clear()
        print_error(str(error))
        sys.exit(EXIT_ERROR)
    progress.clear()
    return tally


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def entry() -> None:
    """The ``mdclean`` command: ``mdclean server`` starts the language server, anything else is a run."""
    if sys.argv[1:2] == ["server"]:
        from .server import main as serve  # pygls is loaded only here

        serve(sys.argv[2:])
        return
    main(prog_name="mdclean")


def use_colour(stream: object) -> bool:
    """Colour on a terminal unless ``NO_COLOR``; ``FORCE_COLOR`` (not empty) forces it anywhere, as in ruff."""
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream) and not os.environ.get("NO_COLOR")


def _open_output(path: Path) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as error:
        print_error(f"{path}: --output-file: cannot write: {error.strerror or error}")
        sys.exit(EXIT_ERROR)


def _show(paths: Sequence[Path], resolver: Resolver, settings: bool) -> int:
    """--show-settings (for the first path) or --show-files."""
    from .show import show_files, show_settings

    try:
        if settings:
            click.echo(show_settings(paths[0], resolver), nl=False)
        else:
            for name in show_files(paths, resolver):
                click.echo(name)
    except MdcleanError as error:
        print_error(str(error))
        return EXIT_ERROR
    return EXIT_CLEAN


def _show_templates(profiles: SiteProfiles, paths: Sequence[Path]) -> int:
    from .site.report import describe

    try:
        click.echo(describe(profiles.sites(paths)), nl=False)
    except MdcleanError as error:
        print_error(str(error))
        return EXIT_ERROR
    profiles.save()
    return EXIT_CLEAN


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _rule_docs(catalogue: Sequence[Rule], code: str | None) -> int:
    """--list-rules and --explain: read from the rules (built-in and rule packs)."""
    from .ruledocs import explain, rule_listing

    if code is None:
        click.echo(rule_listing(catalogue), nl=False)
        return EXIT_CLEAN
    rule = next((r for r in catalogue if r.code == code.strip().upper()), None)
    if rule is None:
        click.echo(
            f"error: --explain: unknown rule code {code!r} (run `mdclean --list-rules` to see the codes)",
            err=True,
        )
        return EXIT_ERROR
    click.echo(explain(rule), nl=False)
    return EXIT_CLEAN
