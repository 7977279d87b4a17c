"""mdclean uses other libraries through their public API only: a private module or member of
markdown-it, ruamel.yaml or CPython can change or go in any release, and importing mdclean
would then fail, or worse, parse differently."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mdclean"

PRIVATE = {
    "CPython's regex parser": re.compile(
        r"\bre\._(?:parser|constants|compiler)\b|\bfrom\s+re\s+import\s+_|\bsre_(?:parse|constants|compile)\b"
    ),
    "markdown-it's ruler internals": re.compile(r"__rules__|__cache__|__find__|__compile__"),
    "tokens built past their constructor": re.compile(r"\bToken\.__new__\b"),
    "markdown-it's block parser replaced": re.compile(r"\bblock\.parse\s*=|\bStateBlock\)"),
    "ruamel's undocumented resolver table": re.compile(
        r"\bimplicit_resolvers\b|\byaml_implicit_resolvers\b"
    ),
    "a private module of another library": re.compile(
        r"^\s*(?:from|import)\s+(?!mdclean\b)[A-Za-z]\w*(?:\.\w+)*\._\w+", re.MULTILINE
    ),
}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


_TEXT_TOKENS = {tokenize.COMMENT, tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)}


def _code(path: Path) -> str:
    """The module's source with its comments and string literals blanked (a docstring may name
    what the code avoids), every other character where it was."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    with path.open("rb") as source:
        for token in tokenize.tokenize(source.readline):
            if token.type in _TEXT_TOKENS:
                (first, start), (last, end) = token.start, token.end
                for number in range(first, last + 1):
                    line = lines[number - 1]
                    a = start if number == first else 0
                    b = end if number == last else len(line.rstrip("\r\n"))
                    lines[number - 1] = line[:a] + " " * (b - a) + line[b:]
    return "".join(lines)


@pytest.mark.parametrize("what", sorted(PRIVATE))
def test_no_private_internals_of_other_libraries(what: str) -> None:
    pattern = PRIVATE[what]
    found = [
        f"{path.relative_to(PACKAGE)}:{code[: m.start()].count(chr(10)) + 1}: {m.group().strip()}"
        for path in _sources()
        for code in [_code(path)]
        for m in pattern.finditer(code)
    ]
    assert found == [], what


@pytest.mark.parametrize(
    ("what", "line"),
    [
        ("CPython's regex parser", "from re import _parser"),
        ("CPython's regex parser", "tree = re._parser.parse(pattern)"),
        ("CPython's regex parser", "import sre_parse"),
        ("markdown-it's ruler internals", "for rule in md.block.ruler.__rules__:"),
        ("markdown-it's ruler internals", "ruler.__cache__ = {}"),
        ("tokens built past their constructor", "token = Token.__new__(Token)"),
        ("markdown-it's block parser replaced", "md.block.parse = parse"),
        ("markdown-it's block parser replaced", "class _State(StateBlock):"),
        (
            "ruamel's undocumented resolver table",
            "from ruamel.yaml.resolver import implicit_resolvers",
        ),
        ("a private module of another library", "from markdown_it._punycode import to_ascii"),
        ("a private module of another library", "import ruamel.yaml._private"),
    ],
)
def test_each_pattern_finds_what_it_names(what: str, line: str) -> None:
    assert PRIVATE[what].search(line), line


def test_mdclean_own_private_names_are_not_flagged() -> None:
    for line in (
        "from ._private import x",
        "from mdclean.parsing.links import _NORMAL_URL",
        "x._last = 1",
    ):
        assert not any(pattern.search(line) for pattern in PRIVATE.values()), line


def test_comments_and_strings_are_not_code(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Not re._parser."""\n\nx = "__rules__"  # nor sre_parse\ny = re._parser.parse(p)\n',
        encoding="utf-8",
    )
    code = _code(module)
    assert {
        what: pattern.findall(code) for what, pattern in PRIVATE.items() if pattern.findall(code)
    } == {"CPython's regex parser": ["re._parser"]}
    assert code.count("\n") == 4
