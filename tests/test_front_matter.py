"""Front matter: locating the block, repairing YAML without changing meaning, and the settings."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.document import Document
from mdclean.frontmatter.block import locate
from mdclean.frontmatter.dates import is_valid_date
from mdclean.frontmatter.repair import quote, repair
from mdclean.frontmatter.yamlload import load


def _only(*codes: str, **settings: object) -> mdclean.Config:
    return mdclean.Config(select=codes, **settings)  # type: ignore[arg-type]


# -- locating the block ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: A\n---\nBody\n", ("yaml", 0, 2, ("title: A",), False)),
        ("---\r\ntitle: A\r\n...\r\nBody\r\n", ("yaml", 0, 2, ("title: A",), False)),
        ("\n\n---\ntitle: A\n---\n", ("yaml", 2, 4, ("title: A",), False)),
        ("\ufeff---\ntitle: A\n---\n", ("yaml", 0, 2, ("title: A",), True)),
        ("+++\ntitle = 'A'\n+++\n", ("toml", 0, 2, ("title = 'A'",), False)),
        ("---\ntitle: A\n\nBody\n", ("yaml", 0, None, ("title: A", "", "Body"), False)),
    ],
)
def test_locate(text: str, expected: tuple) -> None:
    block = locate(Document(text))
    assert block is not None
    assert (block.format, block.open_line, block.close_line, block.lines, block.bom) == expected


@pytest.mark.parametrize("text", ["", "Body\n---\n", "# Title\n\n---\n", "    ---\nx: 1\n---\n"])
def test_locate_finds_nothing(text: str) -> None:
    assert locate(Document(text)) is None


# -- repairing YAML ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A colon in a plain value.
        (("title: Emacs: Write A Major Mode",), {0: "title: 'Emacs: Write A Major Mode'"}),
        # An indicator first; the text keeps its comment-like tail as the author wrote it.
        (("title: [Emacs] tips #1",), {0: "title: '[Emacs] tips #1'"}),
        (("title: @someone: hi",), {0: "title: '@someone: hi'"}),
        (("title: `code`: x",), {0: "title: '`code`: x'"}),
        # A quoted phrase followed by more text: the whole text, quotes included.
        (("title: 'Days Gone' Review",), {0: "title: \"'Days Gone' Review\""}),
        # Both quote characters and a backslash: single quotes, doubled.
        (("t: 'a' \"b\" \\c",), {0: "t: '''a'' \"b\" \\c'"}),
        # An opened quote is closed.
        (('d: "Stop coding.', "h: 1"), {0: 'd: "Stop coding."'}),
        (("d: 'Stop coding.", "h: 1"), {0: "d: 'Stop coding.'"}),
        # ... unless closing it does not load (a bad escape): then quoted as written.
        (('p: "C:\\qpath',), {0: "p: '\"C:\\qpath'"}),
        # Tab indentation.
        (("tags:", "\t- a", "\t\t- b: c"), None),  # nesting no repair can tell
        (("tags:", "\t- a", "\t- b"), {1: "  - a", 2: "  - b"}),
        # Nested mapping values and list items of mappings.
        (("author:", "  name: A: B", "  - x"), None),
        (("author:", "  name: A: B", "  url: u"), {1: "  name: 'A: B'"}),
        (("items:", "  - name: A: B"), {1: "  - name: 'A: B'"}),
    ],
)
def test_repair(lines: tuple[str, ...], expected: dict[int, str] | None) -> None:
    repairs = repair(lines)
    assert ({r.line: r.text for r in repairs} if repairs else None) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ("title: fine", "tags: [a, b]"),  # loads: nothing to repair
        (
            "summary: |",
            "  a: b: c",
            "x: 1",
            " y: 2",
        ),  # block scalar content is never touched; x is nesting
        (
            "a: &x 1",
            "b: *x",
            "c: 1",
            " d: 2",
        ),  # an alias of an anchor is YAML, not a string to quote
    ],
)
def test_no_repair(lines: tuple[str, ...]) -> None:
    assert repair(lines) is None


def test_repair_keeps_every_other_entry() -> None:
    lines = ("# comment", "a: &x 1", "b: *x", "'q': \"k\"  # c", "", "c: d: e", "l:", "  - 1")
    repairs = repair(lines)
    assert repairs is not None and [(r.line, r.text) for r in repairs] == [(5, "c: 'd: e'")]
    fixed = list(lines)
    fixed[5] = repairs[0].text
    assert load("".join(line + "\n" for line in fixed)).data == {
        "a": 1,
        "b": 1,
        "q": "k",
        "c": "d: e",
        "l": [1],
    }


@pytest.mark.parametrize(
    "value", ["plain", "it's", 'say "hi"', "both ' and \" \\", "a: b #c", "[x]"]
)
def test_quote_loads_to_the_value(value: str) -> None:
    assert load(f"k: {quote(value)}\n").data == {"k": value}


# -- FM001 on whole documents ------------------------------------------------------------


def test_invalid_yaml_crlf_position_and_fix() -> None:
    text = "---\r\ntitle: A: b\r\ndate: 2020-01-01\r\n---\r\nText\r\n"
    [violation] = mdclean.lint(text, config=_only("FM001"))
    assert (violation.line, violation.column, violation.message) == (
        2,
        9,
        "front matter is not valid YAML: mapping values are not allowed here",
    )
    assert (
        mdclean.fix(text, config=_only("FM001")).text
        == "---\r\ntitle: 'A: b'\r\ndate: 2020-01-01\r\n---\r\nText\r\n"
    )


def test_unclosed_quote_is_reported_where_it_opens() -> None:
    text = '---\ntitle: T\ndescription: "Open\nhash: 1\n---\n'
    [violation] = mdclean.lint(text, config=_only("FM001"))
    assert (violation.line, violation.column) == (3, 14)


def test_an_unclosed_quote_followed_by_more_of_its_value_is_no_safe_repair() -> None:
    # Closing the quote on its line would make "https" a key: the safe fix must not invent one.
    text = '---\ntitle: Hello\ndescription: "A new perspective:\nhttps: //t.co/abc\n---\n\nText.\n'
    [violation] = mdclean.lint(text, config=_only("FM001"))
    assert violation.line == 3
    assert (
        violation.message
        == "front matter is not valid YAML: the quoted value that opens on line 3 is never closed"
    )
    assert violation.fix is not None and not violation.fix.is_safe
    assert mdclean.fix(text, config=_only("FM001")).text == text
    fixed = mdclean.fix(text, config=_only("FM001"), unsafe=True).text
    assert (
        fixed
        == '---\ntitle: Hello\ndescription: "A new perspective:\nhttps: //t.co/abc"\n---\n\nText.\n'
    )
    assert load(fixed.split("---\n")[1]).data == {
        "title": "Hello",
        "description": "A new perspective: https: //t.co/abc",
    }


def test_an_unclosed_quote_followed_by_a_key_is_closed_on_its_line() -> None:
    text = '---\ndescription: "Open\nhash: 7a5e4dcd\n---\n'
    [violation] = mdclean.lint(text, config=_only("FM001"))
    assert violation.fix is not None and violation.fix.is_safe
    assert (
        mdclean.fix(text, config=_only("FM001")).text
        == '---\ndescription: "Open"\nhash: 7a5e4dcd\n---\n'
    )


def test_duplicate_keys_do_not_block_a_repair() -> None:
    text = "---\na: 1\na: 2\nb: c: d\n---\n"
    result = mdclean.fix(text, config=_only("FM001", "FM003"))
    assert result.text == "---\na: 1\na: 2\nb: 'c: d'\n---\n"
    assert [(v.code, v.line) for v in result.remaining] == [("FM003", 3)]


def test_unterminated_block_at_end_of_text_without_line_break() -> None:
    result = mdclean.fix("---\ntitle: x", config=_only("FM002"), unsafe=True)
    assert result.text == "---\ntitle: x\n---\n"


def test_unterminated_block_followed_by_more_entries_is_not_fixed() -> None:
    text = "---\ntitle: x\n\ndate: 2020-01-01\n\nText\n"
    [violation] = mdclean.lint(text, config=_only("FM002"))
    assert violation.fix is None


# -- settings from the configuration -----------------------------------------------------


def test_date_keys_come_from_the_configuration() -> None:
    text = "---\ndate: someday\npublished: 2018-15-30\n---\n"
    assert [v.message for v in mdclean.lint(text, config=_only("FM006"))] == [
        "date: 'someday' is not a valid date"
    ]
    assert [
        v.message for v in mdclean.lint(text, config=_only("FM006", date_keys=("Published",)))
    ] == ["published: '2018-15-30' is not a valid date"]


def test_required_keys_come_from_the_configuration() -> None:
    text = "---\ntitle: T\nauthor: ''\n---\n"
    assert mdclean.lint(text, config=_only("FM007")) == []  # the rule's own default: title
    found = mdclean.lint(text, config=_only("FM007", required_keys=("title", "author", "date")))
    assert [(v.line, v.message) for v in found] == [
        (1, "front matter lacks required key date"),
        (3, "required key author is empty"),
    ]


def test_required_keys_rule_is_off_by_default() -> None:
    assert mdclean.lint("No front matter.\n", config=mdclean.Config(required_keys=("title",))) == []


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2020-01-02", True),
        ("2020-1-2", True),
        ("2024-08-27T06:34:16.283Z", True),
        ("2013-07-25 16:33:47 +0900", True),
        ("2020-01-02T03:04:05+01:00", True),
        ("2020/01/02 10:00", True),
        ("12/31/2020", True),
        ("January 2, 2006", True),
        ("2 Jan 2006", True),
        ("Mon, 02 Jan 2006 15:04:05 -0700", True),
        ("2018-15-30", False),
        ("2018-02-30", False),
        ("2020-01-02T25:00", False),
        ("tuesday", False),
        ("13/01/2020", False),
        ("2020", False),
        ("", False),
    ],
)
def test_dates(value: str, valid: bool) -> None:
    assert is_valid_date(value) is valid


# -- TOML --------------------------------------------------------------------------------


def test_toml_error_position() -> None:
    text = '+++\ntitle = "T"\ntags = ["a" "b"]\n+++\n'
    [violation] = mdclean.lint(text, config=_only("FM008"))
    assert (violation.line, violation.column) == (3, 13)
    assert violation.message.startswith("front matter is not valid TOML: ")


# -- a page's data when its YAML does not load -------------------------------------------


def test_page_data_reads_a_crawlers_unquoted_title_line_by_line() -> None:
    from mdclean.frontmatter.data import page_data

    text = (
        "---\n"
        "title: Kernel Linux: a new flaw\n"
        "url: 'https://example.org/news/kernel'\n"
        "tags:\n"
        "  - linux\n"
        "---\n\nBody\n"
    )
    assert load("title: Kernel Linux: a new flaw\n").ok is False
    assert page_data(Document(text)) == {
        "title": "Kernel Linux: a new flaw",
        "url": "https://example.org/news/kernel",
    }


def test_a_crawled_menu_is_found_before_and_after_the_title_is_repaired() -> None:
    """BP105 ends a crawled menu at the front matter's title: the pass that repairs the title's
    quoting (FM001) sees the same menu as the passes after it."""
    head = (
        "* [Home](https://example.org/)\n* [News](https://example.org/news/)\n"
        "* [About](https://example.org/about/)\n\n"
        "## Kernel Linux: a new flaw\n\n"
        "A researcher found a flaw in the kernel that lets a local user gain root, and the "
        "maintainers shipped a patch within days of the report.\n"
    )
    url = "url: https://example.org/news/kernel\n---\n\n"
    for title in ("title: Kernel Linux: a new flaw\n", "title: 'Kernel Linux: a new flaw'\n"):
        found = mdclean.lint("---\n" + title + url + head, config=_only("BP105"))
        assert [(v.code, v.line) for v in found] == [("BP105", 6)]
