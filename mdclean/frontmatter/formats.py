"""The other front matter format: TOML between ``+++``, and TOML written between ``---`` by mistake."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

_TOML_ASSIGNMENT = re.compile(
    r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\.[A-Za-z0-9_-]+)*[ \t]*=(?:[ \t]|$).*"""
)
_TOML_TABLE = re.compile(r"\[\[?[A-Za-z0-9_.\"' -]+\]\]?[ \t]*(?:#.*)?")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _toml() -> Any:
    """The TOML reader, imported on first use (about 6 ms of start-up; most pages have no TOML)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    return tomllib


@dataclass(frozen=True, slots=True)
class TomlProblem:
    message: str
    line: int
    """0-based line of the body."""
    column: int
    """0-based column."""


def toml_data(body: str) -> dict[str, Any] | None:
    """A TOML body's table; None when it does not parse."""
    toml = _toml()
    try:
        table: dict[str, Any] = toml.loads(body)
    except toml.TOMLDecodeError:
        return None
    return table


def toml_problem(body: str) -> TomlProblem | None:
    """Why a TOML body does not parse (None: it parses), with tomllib's position."""
    toml = _toml()
    try:
        toml.loads(body)
    except toml.TOMLDecodeError as error:
        message = str(error)
        m = _AT.search(message)
        if m is None:  # "at end of document"
            lines = body.split("\n")
            return TomlProblem(message, max(len(lines) - 2, 0), 0)
        return TomlProblem(message[: m.start()].rstrip(), int(m.group(1)) - 1, int(m.group(2)) - 1)
    return None


def toml_lines(lines: tuple[str, ...]) -> list[int]:
    """The lines that are TOML assignments or tables, when every top-level line is (else none).

    A ``key = value`` line can also be a YAML plain scalar, so one such line among
    ``key: value`` lines proves nothing; a body of nothing else is TOML.
    """
    found = []
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#") or line[:1] in " \t":
            continue
        if not (_TOML_ASSIGNMENT.fullmatch(line) or _TOML_TABLE.fullmatch(line)):
            return []
        found.append(i)
    return found if any(_TOML_ASSIGNMENT.fullmatch(lines[i]) for i in found) else []
