"""How results reach users: one reporter per output format, fed one file at a time.

Every reporter has ``file(result)`` and ``summary()``, and keeps no result once it has
reported it: memory stays flat however many files a run checks. Text and GitHub
annotations print as files finish, and summaries are counts. JSON, SARIF and JUnit are
one document each: their per-file items are laid out as results arrive and spooled (to a
temporary file once they grow), and the document is written at the end, when its counts
are known. Results go to stdout, except when fixing stdin, whose cleaned text owns stdout.
The JSON and SARIF layouts are documented in docs/output.md; change them only
with a new ``version``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, TextIO
from urllib.parse import quote

import click

from . import __version__
from .catalogue import Rule
from .escape import printable
from .hints import fix_hint, unsafe_hint
from .models import Violation
from .runner import FileResult, Mode

FORMATS = ("text", "full", "json", "sarif", "github", "junit", "html")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
PROGRESS_DELAY = 0.5
"""Seconds a terminal run goes before the progress line appears: quick runs stay quiet."""
SPOOL_IN_MEMORY = 1 << 20
"""Bytes of a document's items kept in memory before they spill to a temporary file."""
_COPY_CHUNK = 1 << 16


class Reporter(Protocol):
    def file(self, result: FileResult) -> None: ...

    def summary(self) -> None: ...


def make_reporter(
    output_format: str,
    mode: Mode,
    *,
    unsafe: bool,
    quiet: bool = False,
    statistics: bool = False,
    show_fixes: bool = False,
    colour: bool = False,
    rules: Sequence[Rule] = (),
    to_stderr: bool = False,
    stdin_name: str | None = None,
) -> Reporter:
    """``to_stderr``: the run fixes stdin, whose cleaned text owns stdout, so the report goes to stderr."""
    if output_format == "full":
        from .output_full import FullReporter

        return FullReporter(
            mode,
            unsafe=unsafe,
            quiet=quiet,
            statistics=statistics,
            show_fixes=show_fixes,
            colour=colour,
            to_stderr=to_stderr,
            stdin_name=stdin_name,
        )
    if output_format == "html":
        from .review_html import HtmlReporter

        return HtmlReporter(unsafe=unsafe, to_stderr=to_stderr)
    if output_format == "json":
        return JsonReporter(mode, unsafe=unsafe, to_stderr=to_stderr)
    if output_format == "sarif":
        return SarifReporter(mode, rules=rules, to_stderr=to_stderr)
    if output_format == "github":
        return GithubReporter(mode, unsafe=unsafe, statistics=statistics, to_stderr=to_stderr)
    if output_format == "junit":
        return JunitReporter(mode, to_stderr=to_stderr)
    return TextReporter(
        mode,
        unsafe=unsafe,
        quiet=quiet,
        statistics=statistics,
        show_fixes=show_fixes,
        colour=colour,
        to_stderr=to_stderr,
    )


def _fixable(violation: Violation, unsafe: bool) -> bool:
    return violation.fix is not None and (violation.fix.is_safe or unsafe)


def shown(result: FileResult) -> FileResult:
    """The result as every format prints it: its path, error and messages escaped (see ``printable``)."""
    path = printable(result.path)
    error = None if result.error is None else printable(result.error)
    if (
        path == result.path
        and error == result.error
        and all(printable(v.message) == v.message for v in (*result.violations, *result.fixed))
    ):
        return result
    return dataclasses.replace(
        result,
        path=path,
        error=error,
        violations=[
            dataclasses.replace(v, message=printable(v.message), path=path)
            for v in result.violations
        ],
        fixed=[
            dataclasses.replace(v, message=printable(v.message), path=path) for v in result.fixed
        ],
    )


def print_error(message: str) -> None:
    """An ``error:`` line on stderr: always one line, whatever the file name holds."""
    click.echo(f"error: {printable(message)}", err=True)


class _Tally:
    """What the summaries say, counted as results go by."""

    def __init__(self, unsafe: bool) -> None:
        self.unsafe = unsafe
        self.files = self.files_with_violations = self.changed = self.errors = 0
        self.violations = self.safe = self.unsafe_only = self.fixed = 0
        """Violations left; of them, with a safe fix and with an unsafe one; violations fixed."""
        self.per_code: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.fixable_codes: set[str] = set()

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.files_with_violations += bool(result.violations)
        self.changed += result.changed
        self.errors += result.error is not None
        self.violations += len(result.violations)
        self.fixed += len(result.fixed)
        for v in result.violations:
            if v.fix is not None:
                if v.fix.is_safe:
                    self.safe += 1
                else:
                    self.unsafe_only += 1
            self.per_code[v.code] += 1
            self.names[v.code] = v.name
            if _fixable(v, self.unsafe):
                self.fixable_codes.add(v.code)

    @property
    def fixable(self) -> int:
        return self.safe + (self.unsafe_only if self.unsafe else 0)

    def statistics(self) -> list[dict[str, Any]]:
        """Violations left, counted per rule: most frequent first, then by code."""
        return [
            {
                "code": code,
                "name": self.names[code],
                "count": count,
                "fixable": code in self.fixable_codes,
            }
            for code, count in sorted(self.per_code.items(), key=lambda item: (-item[1], item[0]))
        ]


class _Spool:
    """Text written piece by piece and played back once: in memory while small, then in a temporary file."""

    def __init__(self) -> None:
        # The spool owns the file from here until ``echo`` closes it: no ``with`` spans that.
        self.file = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            SPOOL_IN_MEMORY, mode="w+", encoding="utf-8", newline=""
        )

    def write(self, text: str) -> None:
        self.file.write(text)

    def echo(self, err: bool) -> None:
        """Print everything written, then let it go."""
        self.file.seek(0)
        # Whole lines: click strips colour codes from piped output, and must see each one whole.
        while chunk := self.file.read(_COPY_CHUNK) + self.file.readline():
            click.echo(chunk, nl=False, err=err)
        self.file.close()


class TextReporter:
    """ruff's text format: ``path:line:col: CODE [*] message``, then a one-line summary."""

    def __init__(
        self,
        mode: Mode,
        *,
        unsafe: bool,
        quiet: bool,
        statistics: bool = False,
        show_fixes: bool = False,
        colour: bool = False,
        to_stderr: bool = False,
    ) -> None:
        self.mode = mode
        self.unsafe = unsafe
        self.quiet = quiet
        self.statistics = statistics
        self.colour = colour
        self.to_stderr = to_stderr
        self.tally = _Tally(unsafe)
        self.fixes_shown = _Spool() if show_fixes else None
        """--show-fixes: the lines for each file fixed, printed under a total at the end."""

    def _style(self, text: str, **style: Any) -> str:
        return click.style(text, **style) if self.colour else text

    def file(self, result: FileResult) -> None:
        result = shown(result)
        self.tally.add(result)
        if self.fixes_shown is not None and result.fixed:
            self._record_fixes(result)
        if result.error:
            click.echo(f"error: {result.error}", err=True)
        if result.diff:
            click.echo(result.diff, nl=False)
        if self.mode is Mode.DIFF or self.statistics:
            return
        if not result.violations:
            return
        # One write per file, not per line: click flushes after every echo.
        click.echo(
            "".join(self.violation_lines(result)), nl=False, err=self.to_stderr, color=self.colour
        )

    def violation_lines(self, result: FileResult) -> list[str]:
        """``path:line:col: CODE [*] message`` for each violation (the full format adds the source)."""
        return [self.headline(result.path, v) for v in result.violations]

    def headline(self, path: str, v: Violation) -> str:
        marker = self._style(" [*]", fg="cyan") if _fixable(v, self.unsafe) else ""
        location = self._style(f"{path}:{v.line}:{v.column}:", bold=True)
        return f"{location} {self._style(v.code, fg='red', bold=True)}{marker} {v.message}\n"

    def _record_fixes(self, result: FileResult) -> None:
        assert self.fixes_shown is not None
        counts = Counter((v.code, v.name) for v in result.fixed)
        self.fixes_shown.write(
            f"- {result.path}:\n"
            + "".join(
                f"    {count} × {code} ({name})\n" for (code, name), count in sorted(counts.items())
            )
        )

    def summary(self) -> None:
        err = self.to_stderr
        if self.statistics:
            self._print_statistics(err)
        if self.fixes_shown is not None:
            self._print_fixes(err)
        if self.quiet or self.mode is Mode.DIFF:
            return
        tally = self.tally
        if self.mode is Mode.FIX and tally.fixed:
            click.echo(
                f"Fixed {_plural(tally.fixed, 'problem')} in {_plural(tally.changed, 'file')}.",
                err=err,
            )
        if tally.violations:
            self._print_found(err)

    def _print_found(self, err: bool) -> None:
        """What is left: the problems, how many are fixable and how."""
        tally = self.tally
        fixable, hidden = tally.fixable, tally.unsafe_only
        click.echo(
            f"Found {_plural(tally.violations, 'problem')} ({fixable} fixable) in "
            f"{_plural(tally.files_with_violations, 'file')}.",
            err=err,
        )
        if self.mode is Mode.CHECK and fixable:
            click.echo(f"[*] {fixable} fixable with {fix_hint()}.", err=err)
        if hidden and not self.unsafe:
            click.echo(
                f"{_plural(hidden, 'more fix', 'more fixes')} available with {unsafe_hint()}.",
                err=err,
            )

    def _print_statistics(self, err: bool) -> None:
        _print_statistics(self.tally, err)

    def _print_fixes(self, err: bool) -> None:
        """--show-fixes: what --fix changed, per file and rule."""
        assert self.fixes_shown is not None
        if not self.tally.fixed:
            if self.mode is Mode.FIX:
                click.echo("No problems fixed.", err=err)
            return
        click.echo(f"Fixed {_plural(self.tally.fixed, 'problem')}:", err=err)
        self.fixes_shown.echo(err)


_STREAMED = "\0streamed\0"
"""Stands in a document's skeleton for its streamed items (no path or message holds a NUL)."""


class _JsonItems:
    """A JSON array written an item at a time, laid out as ``json.dumps(indent=2)`` lays out the whole."""

    def __init__(self, depth: int) -> None:
        self.spool = _Spool()
        self.indent = "\n" + "  " * depth
        self.count = 0

    def add(self, item: Any) -> None:
        text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", self.indent)
        self.spool.write(("[" if self.count == 0 else ",") + self.indent + text)
        self.count += 1

    def echo_inside(self, skeleton: dict[str, Any], err: bool) -> None:
        """Print the skeleton, dumped as JSON, with the items where it holds ``_STREAMED``."""
        head, _, tail = json.dumps(skeleton, indent=2, ensure_ascii=False).partition(
            json.dumps(_STREAMED)
        )
        self.spool.write("[]" if self.count == 0 else self.indent[:-2] + "]")
        click.echo(head, nl=False, err=err)
        self.spool.echo(err)
        click.echo(tail, err=err)


def violation_json(v: Violation) -> dict[str, Any]:
    fix = None
    if v.fix is not None:
        fix = {
            "applicability": v.fix.applicability.value,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement} for e in v.fix.edits
            ],
        }
    return {
        "code": v.code,
        "name": v.name,
        "message": v.message,
        "line": v.line,
        "column": v.column,
        "end_line": v.end_line,
        "end_column": v.end_column,
        "start": v.start,
        "end": v.end,
        "fix": fix,
    }


class JsonReporter:
    """One JSON document, version 1 of the layout in docs/output.md."""

    def __init__(self, mode: Mode, *, unsafe: bool, to_stderr: bool = False) -> None:
        self.mode = mode
        self.to_stderr = to_stderr
        self.tally = _Tally(unsafe)
        self.files = _JsonItems(depth=2)

    def file(self, result: FileResult) -> None:
        result = shown(result)
        if result.error:
            click.echo(f"error: {result.error}", err=True)
        self.tally.add(result)
        self.files.add(
            {
                "path": result.path,
                "violations": [violation_json(v) for v in result.violations],
                "fixed": [violation_json(v) for v in result.fixed],
                "error": result.error,
            }
        )

    def summary(self) -> None:
        tally = self.tally
        self.files.echo_inside(
            {
                "version": JSON_VERSION,
                "tool": {"name": "mdclean", "version": __version__},
                "mode": self.mode.value,
                "files": _STREAMED,
                "statistics": tally.statistics(),
                "summary": {
                    "files": tally.files,
                    "violations": tally.violations,
                    "fixable": tally.fixable,
                    "fixed": tally.fixed,
                    "errors": tally.errors,
                },
            },
            self.to_stderr,
        )


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (GitHub resolves them against the repo);
    a name's bytes are percent-encoded as they are, UTF-8 or not."""
    as_path = Path(path)
    if as_path.is_absolute():
        return as_path.as_uri()
    return quote(os.fsencode(as_path.as_posix()))


class SarifReporter:
    """SARIF 2.1.0, as GitHub code scanning reads it: one run, the catalogue as rules, fixes included.

    With ``--diff``, the violations ``--fix`` would fix are results too: they are what makes the run fail.
    """

    def __init__(
        self, mode: Mode = Mode.CHECK, *, rules: Sequence[Rule], to_stderr: bool = False
    ) -> None:
        self.mode = mode
        self.rules = list(rules)
        self.to_stderr = to_stderr
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.results = _JsonItems(depth=4)
        self.errors: list[str] = []

    def file(self, result: FileResult) -> None:
        uri = _uri(result.path)
        result = shown(result)
        if result.error:
            click.echo(f"error: {result.error}", err=True)
            self.errors.append(result.error)
        reported = (
            [*result.fixed, *result.violations] if self.mode is Mode.DIFF else result.violations
        )
        for v in reported:
            item: dict[str, Any] = {
                "ruleId": v.code,
                "level": "error",
                "message": {"text": v.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": {
                                "startLine": v.line,
                                "startColumn": v.column,
                                "endLine": v.end_line,
                                "endColumn": v.end_column,
                            },
                        }
                    }
                ],
            }
            if v.code in self.index:
                item["ruleIndex"] = self.index[v.code]
            if v.fix is not None:
                item["fixes"] = [
                    {
                        "description": {
                            "text": f"{v.fix.applicability.value} fix: remove {v.name}"
                        },
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": uri},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "charOffset": e.start,
                                            "charLength": e.end - e.start,
                                        },
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in v.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            self.results.add(item)

    def summary(self) -> None:
        # A file that could not be read or written is the tool's notification, not a result.
        notifications = [{"level": "error", "message": {"text": error}} for error in self.errors]
        self.results.echo_inside(
            {
                "$schema": SARIF_SCHEMA,
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {
                            "driver": {
                                "name": "mdclean",
                                "version": __version__,
                                "rules": [_sarif_rule(rule) for rule in self.rules],
                            }
                        },
                        "invocations": [
                            {
                                "executionSuccessful": not notifications,
                                "toolExecutionNotifications": notifications,
                            }
                        ],
                        "results": _STREAMED,
                    }
                ],
            },
            self.to_stderr,
        )


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": rule.explanation, "markdown": rule.explanation},
        "defaultConfiguration": {"enabled": rule.enabled, "level": "error"},
        "properties": {"fix": rule.fix.value if rule.fix is not None else "none"},
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    """GitHub Actions workflow commands: each violation is an annotation on the pull request.

    A file that cannot be read or written is an annotation too; with ``--diff``, each violation
    ``--fix`` would fix is one, followed by the diff, folded in a group.
    """

    def __init__(
        self,
        mode: Mode = Mode.CHECK,
        *,
        unsafe: bool = False,
        statistics: bool = False,
        to_stderr: bool = False,
    ) -> None:
        self.mode = mode
        self.to_stderr = to_stderr
        self.tally = _Tally(unsafe) if statistics else None

    def _echo(self, text: str) -> None:
        click.echo(text, err=self.to_stderr)

    def file(self, result: FileResult) -> None:
        result = shown(result)
        if self.tally is not None:
            self.tally.add(result)
        path = _escape_property(result.path)
        if result.error:
            click.echo(f"error: {result.error}", err=True)
            self._echo(f"::error file={path},title=mdclean::{_escape_data(result.error)}")
        if self.mode is Mode.DIFF:
            for v in result.fixed:
                self._echo(
                    f"::error file={path},line={v.line},col={v.column},endLine={v.end_line},"
                    f"endColumn={v.end_column},title={v.code}::{_escape_data(v.message)} (--fix removes it)"
                )
            if (
                result.diff
            ):  # every diff line starts with a space, +, - or @: none reads as a command
                self._echo(f"::group::mdclean --diff {_escape_data(result.path)}")
                click.echo(result.diff, nl=False, err=self.to_stderr)
                self._echo("::endgroup::")
            return
        for v in result.violations:
            self._echo(
                f"::error file={path},line={v.line},col={v.column},endLine={v.end_line},"
                f"endColumn={v.end_column},title={v.code}::{_escape_data(v.message)}"
            )

    def summary(self) -> None:
        if self.tally is not None:  # plain lines: the job log shows them, annotations are above
            _print_statistics(self.tally, self.to_stderr)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even escaped."""


def _xml_text(text: str) -> str:
    """Text for an XML element, lines kept: what XML cannot hold is spelled as an escape."""
    return _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class JunitReporter:
    """JUnit XML for CI test panels: a test case per file, and one per violation that fails.

    A file that cannot be read or written is a test case in error; with ``--diff``, a file
    that ``--fix`` would change is a failing test case holding the diff.
    """

    _CASE_INDENT = "\n    "
    """Between test cases, as ``ElementTree.indent`` lays out the whole document."""

    def __init__(self, mode: Mode = Mode.CHECK, *, to_stderr: bool = False) -> None:
        self.mode = mode
        self.to_stderr = to_stderr
        self.cases = _Spool()
        self.tests = self.failures = self.errors = 0

    def file(self, result: FileResult) -> None:
        result = shown(result)
        if result.error:
            click.echo(f"error: {result.error}", err=True)
            case = ElementTree.Element(
                "testcase", name=result.path, classname="mdclean", file=result.path
            )
            ElementTree.SubElement(case, "error", message=result.error)
            self._add(case)
            self.errors += 1
        if self.mode is Mode.DIFF:
            self._diff_case(result)
            return
        if not result.violations and not result.error:
            self._add(
                ElementTree.Element(
                    "testcase", name=result.path, classname="mdclean", file=result.path
                )
            )
        for v in result.violations:
            case = ElementTree.Element(
                "testcase",
                name=f"{v.code} at {result.path}:{v.line}:{v.column}",
                classname=result.path,
                file=result.path,
                line=str(v.line),
            )
            failure = ElementTree.SubElement(case, "failure", message=v.message, type=v.code)
            failure.text = f"{result.path}:{v.line}:{v.column}: {v.code} {v.message}"
            self._add(case)
            self.failures += 1

    def _diff_case(self, result: FileResult) -> None:
        if result.error and not result.diff:
            return
        case = ElementTree.Element(
            "testcase", name=result.path, classname="mdclean", file=result.path
        )
        if result.diff:
            fixes = _plural(len(result.fixed), "fix", "fixes")
            failure = ElementTree.SubElement(
                case, "failure", message=f"--fix would change this file ({fixes})", type="diff"
            )
            failure.text = _xml_text(result.diff)
            self.failures += 1
        self._add(case)

    def _add(self, case: ElementTree.Element) -> None:
        ElementTree.indent(case, level=2)  # a case sits in <testsuites><testsuite>
        self.cases.write(
            (self._CASE_INDENT if self.tests else "")
            + ElementTree.tostring(case, encoding="unicode")
        )
        self.tests += 1

    def summary(self) -> None:
        counts = {
            "tests": str(self.tests),
            "failures": str(self.failures),
            "errors": str(self.errors),
        }
        root = ElementTree.Element("testsuites", {"name": "mdclean", **counts})
        suite = ElementTree.SubElement(root, "testsuite", {"name": "mdclean", **counts})
        if self.tests:
            ElementTree.SubElement(suite, "testcase", name=_STREAMED)  # where the spooled cases go
        ElementTree.indent(root)
        head, _, tail = ElementTree.tostring(root, encoding="unicode").partition(
            ElementTree.tostring(
                ElementTree.Element("testcase", name=_STREAMED), encoding="unicode"
            )
        )
        click.echo('<?xml version="1.0" encoding="UTF-8"?>\n' + head, nl=False, err=self.to_stderr)
        self.cases.echo(self.to_stderr)
        click.echo(tail, err=self.to_stderr)


class Progress:
    """A one-line progress count on a terminal's stderr, shown only once a run takes a moment."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        delay: float | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.delay = PROGRESS_DELAY if delay is None else delay
        self.started = time.monotonic()
        self.done = 0
        self.problems = 0
        self.shown = False

    def update(self, result: FileResult) -> None:
        self.done += 1
        self.problems += bool(result.violations or result.error)
        if self.enabled and time.monotonic() - self.started >= self.delay:
            self.stream.write(
                f"\r\x1b[Kmdclean: {self.done} files checked, {self.problems} with problems"
            )
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Erase the line before anything else is printed on the terminal."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _print_statistics(tally: _Tally, err: bool) -> None:
    """ruff's --statistics: one line per rule, most frequent first."""
    for row in tally.statistics():
        marker = "[*]" if row["fixable"] else "[ ]"
        click.echo(f"{row['count']:>5}  {row['code']:<7} {marker} {row['name']}", err=err)


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
