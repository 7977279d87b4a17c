"""How results reach users: one reporter per output format, fed one file at a time.

Every reporter has ``file(result)`` and ``summary()``. Text and GitHub annotations
stream as files finish; JSON, SARIF and JUnit are one document, written at the end.
Results go to stdout, except when fixing stdin, whose cleaned text owns stdout.
The JSON and SARIF layouts are documented in docs/output.md; change them only
with a new ``version``.
"""
from __future__ import annotations

import json
import sys
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
from .models import Violation
from .runner import FileResult, Mode

FORMATS = ("text", "json", "sarif", "github", "junit")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
PROGRESS_DELAY = 0.5
"""Seconds a terminal run goes before the progress line appears: quick runs stay quiet."""


class Reporter(Protocol):
    def file(self, result: FileResult) -> None: ...

    def summary(self) -> None: ...


def make_reporter(output_format: str, mode: Mode, *, unsafe: bool, quiet: bool = False,
                  statistics: bool = False, show_fixes: bool = False, colour: bool = False,
                  rules: Sequence[Rule] = ()) -> Reporter:
    if output_format == "json":
        return JsonReporter(mode, unsafe=unsafe)
    if output_format == "sarif":
        return SarifReporter(mode, rules=rules)
    if output_format == "github":
        return GithubReporter(mode)
    if output_format == "junit":
        return JunitReporter(mode)
    return TextReporter(mode, unsafe=unsafe, quiet=quiet, statistics=statistics, show_fixes=show_fixes,
                        colour=colour)


def _fixable(violation: Violation, unsafe: bool) -> bool:
    return violation.fix is not None and (violation.fix.is_safe or unsafe)


def _stdin_fixed(mode: Mode, result: FileResult) -> bool:
    """Fixing stdin writes the text to stdout: everything else goes to stderr then."""
    return mode is Mode.FIX and result.output is not None


class TextReporter:
    """ruff's text format: ``path:line:col: CODE [*] message``, then a one-line summary."""

    def __init__(self, mode: Mode, *, unsafe: bool, quiet: bool, statistics: bool = False,
                 show_fixes: bool = False, colour: bool = False) -> None:
        self.mode = mode
        self.unsafe = unsafe
        self.quiet = quiet
        self.statistics = statistics
        self.show_fixes = show_fixes
        self.colour = colour
        self.results: list[FileResult] = []

    def _style(self, text: str, **style: Any) -> str:
        return click.style(text, **style) if self.colour else text

    def file(self, result: FileResult) -> None:
        self.results.append(result)
        to_stderr = _stdin_fixed(self.mode, result)
        if result.error:
            click.echo(f"error: {result.error}", err=True)
        if result.diff:
            click.echo(result.diff, nl=False)
        if self.mode is Mode.DIFF or self.statistics:
            return
        for v in result.violations:
            marker = self._style(" [*]", fg="cyan") if _fixable(v, self.unsafe) else ""
            location = self._style(f"{result.path}:{v.line}:{v.column}:", bold=True)
            click.echo(f"{location} {self._style(v.code, fg='red', bold=True)}{marker} {v.message}",
                       err=to_stderr, color=self.colour)

    def error(self, message: str) -> None:
        click.echo(f"error: {message}", err=True)

    def summary(self) -> None:
        results = self.results
        err = self.mode is Mode.FIX and any(r.output is not None for r in results)
        if self.statistics:
            self._print_statistics(err)
        if self.show_fixes:
            self._print_fixes(err)
        if self.quiet or self.mode is Mode.DIFF:
            return
        remaining = [v for r in results for v in r.violations]
        if self.mode is Mode.FIX:
            fixed = sum(len(r.fixed) for r in results)
            changed = sum(1 for r in results if r.changed)
            if fixed:
                click.echo(f"Fixed {_plural(fixed, 'problem')} in {_plural(changed, 'file')}.", err=err)
        if not remaining:
            return
        files = sum(1 for r in results if r.violations)
        safe = sum(1 for v in remaining if v.fix is not None and v.fix.is_safe)
        hidden = sum(1 for v in remaining if v.fix is not None and not v.fix.is_safe)
        fixable = safe + (hidden if self.unsafe else 0)
        click.echo(f"Found {_plural(len(remaining), 'problem')} ({fixable} fixable) in "
                   f"{_plural(files, 'file')}.", err=err)
        if self.mode is Mode.CHECK and fixable:
            click.echo(f"[*] {fixable} fixable with `mdclean --fix`.", err=err)
        if hidden and not self.unsafe:
            click.echo(f"{_plural(hidden, 'more fix', 'more fixes')} available with `--unsafe-fixes`.", err=err)

    def _print_statistics(self, err: bool) -> None:
        """ruff's --statistics: one line per rule, most frequent first."""
        for row in statistics(self.results, self.unsafe):
            marker = "[*]" if row["fixable"] else "[ ]"
            click.echo(f"{row['count']:>5}  {row['code']:<7} {marker} {row['name']}", err=err)

    def _print_fixes(self, err: bool) -> None:
        """--show-fixes: what --fix changed, per file and rule."""
        changed = [r for r in self.results if r.fixed]
        if not changed:
            if self.mode is Mode.FIX:
                click.echo("No problems fixed.", err=err)
            return
        total = sum(len(r.fixed) for r in changed)
        click.echo(f"Fixed {_plural(total, 'problem')}:", err=err)
        for result in changed:
            click.echo(f"- {result.path}:", err=err)
            counts = Counter((v.code, v.name) for v in result.fixed)
            for (code, name), count in sorted(counts.items()):
                click.echo(f"    {count} × {code} ({name})", err=err)


def statistics(results: Sequence[FileResult], unsafe: bool) -> list[dict[str, Any]]:
    """Violations left, counted per rule: most frequent first, then by code."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: dict[str, bool] = {}
    for result in results:
        for v in result.violations:
            counts[v.code] += 1
            names[v.code] = v.name
            fixable[v.code] = fixable.get(v.code, False) or _fixable(v, unsafe)
    return [{"code": code, "name": names[code], "count": count, "fixable": fixable[code]}
            for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


class _Collecting:
    """Base of the whole-document formats: keep every result, write once at the end."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.results: list[FileResult] = []

    def file(self, result: FileResult) -> None:
        self.results.append(result)
        if result.error:
            click.echo(f"error: {result.error}", err=True)

    def _write(self, text: str) -> None:
        err = any(_stdin_fixed(self.mode, r) for r in self.results)
        click.echo(text, err=err)


def violation_json(v: Violation) -> dict[str, Any]:
    fix = None
    if v.fix is not None:
        fix = {"applicability": v.fix.applicability.value,
               "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in v.fix.edits]}
    return {"code": v.code, "name": v.name, "message": v.message, "line": v.line, "column": v.column,
            "end_line": v.end_line, "end_column": v.end_column, "start": v.start, "end": v.end, "fix": fix}


class JsonReporter(_Collecting):
    """One JSON document, version 1 of the layout in docs/output.md."""

    def __init__(self, mode: Mode, *, unsafe: bool) -> None:
        super().__init__(mode)
        self.unsafe = unsafe

    def summary(self) -> None:
        results = self.results
        document = {
            "version": JSON_VERSION,
            "tool": {"name": "mdclean", "version": __version__},
            "mode": self.mode.value,
            "files": [{"path": r.path,
                       "violations": [violation_json(v) for v in r.violations],
                       "fixed": [violation_json(v) for v in r.fixed],
                       "error": r.error} for r in results],
            "statistics": statistics(results, self.unsafe),
            "summary": {
                "files": len(results),
                "violations": sum(len(r.violations) for r in results),
                "fixable": sum(1 for r in results for v in r.violations if _fixable(v, self.unsafe)),
                "fixed": sum(len(r.fixed) for r in results),
                "errors": sum(1 for r in results if r.error),
            },
        }
        self._write(json.dumps(document, indent=2, ensure_ascii=False))


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (GitHub resolves them against the repo)."""
    as_path = Path(path)
    if as_path.is_absolute():
        return as_path.as_uri()
    return quote(as_path.as_posix())


class SarifReporter(_Collecting):
    """SARIF 2.1.0, as GitHub code scanning reads it: one run, the catalogue as rules, fixes included."""

    def __init__(self, mode: Mode, *, rules: Sequence[Rule]) -> None:
        super().__init__(mode)
        self.rules = list(rules)

    def summary(self) -> None:
        index = {rule.code: i for i, rule in enumerate(self.rules)}
        results = []
        for result in self.results:
            uri = _uri(result.path)
            for v in result.violations:
                item: dict[str, Any] = {
                    "ruleId": v.code,
                    "level": "error",
                    "message": {"text": v.message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": v.line, "startColumn": v.column,
                                   "endLine": v.end_line, "endColumn": v.end_column},
                    }}],
                }
                if v.code in index:
                    item["ruleIndex"] = index[v.code]
                if v.fix is not None:
                    item["fixes"] = [{
                        "description": {"text": f"{v.fix.applicability.value} fix: remove {v.name}"},
                        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [
                            {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                             "insertedContent": {"text": e.replacement}} for e in v.fix.edits]}],
                    }]
                results.append(item)
        notifications = [{"level": "error", "message": {"text": r.error}} for r in self.results if r.error]
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "mdclean",
                    "version": __version__,
                    "rules": [_sarif_rule(rule) for rule in self.rules],
                }},
                "invocations": [{"executionSuccessful": not notifications,
                                 "toolExecutionNotifications": notifications}],
                "results": results,
            }],
        }
        self._write(json.dumps(log, indent=2, ensure_ascii=False))


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
    """GitHub Actions workflow commands: each violation is an annotation on the pull request."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode

    def file(self, result: FileResult) -> None:
        if result.error:
            click.echo(f"error: {result.error}", err=True)
        err = _stdin_fixed(self.mode, result)
        path = _escape_property(result.path)
        for v in result.violations:
            click.echo(f"::error file={path},line={v.line},col={v.column},endLine={v.end_line},"
                       f"endColumn={v.end_column},title={v.code}::{_escape_data(v.message)}", err=err)

    def summary(self) -> None:
        pass


class JunitReporter(_Collecting):
    """JUnit XML for CI test panels: a test case per file, and one per violation that fails."""

    def summary(self) -> None:
        suite = ElementTree.Element("testsuite", name="mdclean")
        failures = errors = tests = 0
        for result in self.results:
            if result.error:
                case = ElementTree.SubElement(suite, "testcase", name=result.path, classname="mdclean", file=result.path)
                ElementTree.SubElement(case, "error", message=result.error)
                errors += 1
                tests += 1
            if not result.violations and not result.error:
                ElementTree.SubElement(suite, "testcase", name=result.path, classname="mdclean", file=result.path)
                tests += 1
            for v in result.violations:
                case = ElementTree.SubElement(suite, "testcase", name=f"{v.code} at {result.path}:{v.line}:{v.column}",
                                              classname=result.path, file=result.path, line=str(v.line))
                failure = ElementTree.SubElement(case, "failure", message=v.message, type=v.code)
                failure.text = f"{result.path}:{v.line}:{v.column}: {v.code} {v.message}"
                failures += 1
                tests += 1
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        root = ElementTree.Element("testsuites", name="mdclean", tests=str(tests), failures=str(failures),
                                   errors=str(errors))
        root.append(suite)
        ElementTree.indent(root)
        self._write('<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode"))


class Progress:
    """A one-line progress count on a terminal's stderr, shown only once a run takes a moment."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None,
                 delay: float | None = None) -> None:
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
            self.stream.write(f"\r\x1b[Kmdclean: {self.done} files checked, {self.problems} with problems")
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Erase the line before anything else is printed on the terminal."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
