"""Read markdown-it-py style fixture files: title, '.', input, '.', expected, '.'."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
NO_FINAL_BREAK = "[no-eol]"
"""A title ending in this marks a case whose input and output lack the final line break."""


@dataclass(frozen=True)
class Case:
    title: str
    line: int
    input: str
    expected: str

    def __str__(self) -> str:
        return f"{self.line}: {self.title}"


def read_cases(path: Path) -> list[Case]:
    """Cases with the line number of their title, so a failure points into the file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == "." and lines[i].strip():
            title, title_line = lines[i], i + 1
            i += 2
            parts: list[list[str]] = [[], []]
            for part in parts:
                while lines[i] != ".":
                    part.append(lines[i])
                    i += 1
                i += 1
            source, expected = _block(parts[0]), _block(parts[1])
            if title.endswith(NO_FINAL_BREAK):
                source, expected = source.removesuffix("\n"), expected.removesuffix("\n")
            cases.append(Case(title, title_line, source, expected))
        else:
            i += 1
    return cases


def _block(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)
