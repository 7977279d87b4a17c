"""How results reach users: one reporter per output format, fed one file at a time."""
from __future__ import annotations

import click

from .runner import FileResult, Mode


class TextReporter:
    """ruff's text format: ``path:line:col: CODE [*] message``, then a one-line summary."""

    def __init__(self, mode: Mode, *, unsafe: bool, quiet: bool) -> None:
        self.mode = mode
        self.unsafe = unsafe
        self.quiet = quiet
        self.results: list[FileResult] = []

    def file(self, result: FileResult) -> None:
        self.results.append(result)
        # Fixing stdin writes the text to stdout: everything else goes to stderr then.
        to_stderr = self.mode is Mode.FIX and result.output is not None
        if result.error:
            click.echo(f"error: {result.error}", err=True)
        if result.diff:
            click.echo(result.diff, nl=False)
        if self.mode is Mode.DIFF:
            return
        for v in result.violations:
            fixable = v.fix is not None and (v.fix.is_safe or self.unsafe)
            click.echo(f"{result.path}:{v.line}:{v.column}: {v.code}{' [*]' if fixable else ''} {v.message}",
                       err=to_stderr)

    def error(self, message: str) -> None:
        click.echo(f"error: {message}", err=True)

    def summary(self) -> None:
        if self.quiet or self.mode is Mode.DIFF:
            return
        results = self.results
        err = self.mode is Mode.FIX and any(r.output is not None for r in results)
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


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
