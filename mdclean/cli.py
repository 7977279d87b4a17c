"""The command line: a thin shell over :mod:`mdclean.runner` and :mod:`mdclean.output`."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import click

from . import __version__
from .cache import CACHE_DIR_NAME
from .catalogue import Rule
from .errors import MdcleanError
from .escape import printable
from .files import MARKDOWN_SUFFIXES, end_by_signal
from .output import FORMATS, Progress, make_reporter, print_error
from .ruledocs import explain, rule_listing
from .runner import Mode, default_jobs, run_files
from .settings import Overrides, Resolver
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
    if fix and diff:
        raise click.UsageError(
            "--fix and --diff do not go together: --diff only shows what --fix would do"
        )
    if output_format == "html" and not diff:
        raise click.UsageError(
            "--output-format html is a review page of what --fix would remove: "
            "use it with --diff (and --unsafe-fixes to review those too)"
        )
    if statistics and output_format not in ("text", "full", "github"):
        raise click.UsageError(
            f"--statistics goes with the text, full and github output formats, not {output_format}"
            + (" (the json format always has statistics)" if output_format == "json" else "")
        )
    if show_fixes and output_format not in ("text", "full"):
        raise click.UsageError(
            f"--show-fixes goes with the text and full output formats, not {output_format}"
            + (" (the json format always lists fixes)" if output_format == "json" else "")
        )
    if config_file is not None and isolated:
        raise click.UsageError(
            "--config and --isolated do not go together: --isolated ignores every "
            "configuration file, --config names the one to use"
        )
    overrides = Overrides(
        select=_codes(select) or None,
        ignore=_codes(ignore),
        extend_select=_codes(extend_select),
        unsafe_fixes=unsafe_fixes,
    )
    try:
        resolver = Resolver(overrides, config_file=config_file, isolated=isolated)
        # Resolve now: a bad code or configuration is one clear error before any file is read.
        here = resolver.config_for(Path(stdin_filename or "-"))
    except MdcleanError as error:
        print_error(str(error))
        sys.exit(EXIT_ERROR)
    if list_rules or explain_code:
        sys.exit(_rule_docs(here.catalogue, explain_code))
    profiles = SiteProfiles(
        resolver, paths, skip=resolver.skip, cache_dir=None if no_cache else cache_dir
    )
    if show_template:
        sys.exit(_show_templates(profiles, paths or (Path("."),)))
    if not paths:
        raise click.UsageError("give at least one Markdown file or folder (or - for stdin)")
    if show_settings or show_files:
        sys.exit(_show(paths, resolver, show_settings))
    mode = Mode.FIX if fix else Mode.DIFF if diff else Mode.CHECK
    if output_file is not None:
        if mode is Mode.FIX and Path("-") in paths:
            raise click.UsageError(
                "--output-file does not go with fixing stdin: the report goes to stderr"
            )
        sys.stdout = _open_output(output_file)
    colour = use_colour(sys.stdout)
    reporter = make_reporter(
        output_format,
        mode,
        unsafe=unsafe_fixes or here.unsafe_fixes,
        quiet=quiet,
        statistics=statistics,
        show_fixes=show_fixes,
        colour=colour,
        rules=here.catalogue,
        to_stderr=mode is Mode.FIX and Path("-") in paths,  # stdout: stdin's cleaned text
        stdin_name=stdin_filename or "-",
    )
    progress = Progress(sys.stderr, enabled=_is_terminal(sys.stderr))
    if threading.current_thread() is threading.main_thread():  # only there can a handler be set
        signal.signal(signal.SIGTERM, end_by_signal)
    errors = violations = changes = files = fixed_files = 0
    try:
        profiles.learn_all(paths, jobs or default_jobs())
        for result in run_files(
            paths,
            mode,
            profiles.config_for,
            stdin_name=stdin_filename or "-",
            jobs=jobs or default_jobs(),
            cache_dir=None if no_cache else cache_dir,
            skip=resolver.skip,
        ):
            progress.clear()
            reporter.file(result)
            progress.update(result)
            files += 1
            errors += result.error is not None
            violations += len(result.violations)
            changes += bool(result.diff)
            fixed_files += result.changed
    except MdcleanError as error:  # a configuration file met on the way is broken
        progress.clear()
        print_error(str(error))
        sys.exit(EXIT_ERROR)
    progress.clear()
    profiles.save()
    if (
        not files and not quiet and all(_is_folder(p) for p in paths)
    ):  # a wrong folder, or all excluded
        # (Files named one by one and all excluded stay quiet: pre-commit names them so.)
        click.echo(
            f"warning: no Markdown files found in {', '.join(printable(str(p)) for p in paths)} "
            f"(looked for {', '.join('*' + s for s in sorted(MARKDOWN_SUFFIXES))})",
            err=True,
        )
    reporter.summary()
    sys.stdout.flush()
    if errors:
        sys.exit(EXIT_ERROR)
    if exit_non_zero_on_fix and mode is Mode.FIX and fixed_files:
        sys.exit(EXIT_VIOLATIONS)
    if exit_zero:
        sys.exit(EXIT_CLEAN)
    if mode is Mode.DIFF:
        sys.exit(EXIT_VIOLATIONS if changes else EXIT_CLEAN)
    sys.exit(EXIT_VIOLATIONS if violations else EXIT_CLEAN)


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
