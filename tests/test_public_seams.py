"""mdclean uses other libraries through their public API only: a private module or member of
markdown-it, ruamel.yaml or CPython can change or go in any release, and importing mdclean
would then fail, or worse, parse differently."""

from __future__ import annotations

import re
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

ALLOWED = {
    # removed by the triggers branch (issue 16): the regex walk that reads CPython's re._parser.
    "matchers/base.py",
}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("what", sorted(PRIVATE))
def test_no_private_internals_of_other_libraries(what: str) -> None:
    pattern = PRIVATE[what]
    found = [
        f"{path.relative_to(PACKAGE)}:{path.read_text(encoding='utf-8')[: m.start()].count(chr(10)) + 1}: {m.group().strip()}"
        for path in _sources()
        if path.relative_to(PACKAGE).as_posix() not in ALLOWED
        for m in pattern.finditer(path.read_text(encoding="utf-8"))
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
