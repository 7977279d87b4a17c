"""The front matter shortcuts (reading simple bodies without a YAML parser, skipping checks
that cannot fire) give exactly the results of the parser's path."""

from __future__ import annotations

import random
from typing import Any

import pytest
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

import mdclean
from mdclean.catalogue import builtin_rules
from mdclean.document import Document
from mdclean.frontmatter import block as block_module
from mdclean.frontmatter import simple
from mdclean.frontmatter.block import BOM, TOML_FENCE, YAML_CLOSE, YAML_FENCE, FrontMatter
from mdclean.frontmatter.simple import read
from mdclean.frontmatter.yamlload import MAY_BE_TYPED, STRING_TAG, compose, implicit_tag, loaders
from mdclean.matchers import front_matter_keys

FM_RULES = tuple(f"FM{n:03d}" for n in range(1, 11))


def _strict(value: Any) -> Any:
    """A value with its types spelled out: ``True == 1`` and ``{'a': 1, 'b': 2} == {'b': 2, 'a': 1}`` must not pass."""
    if isinstance(value, dict):
        return ("map", [(_strict(k), _strict(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_strict(v) for v in value])
    return (type(value).__name__, value)


def _mappings(node: Node | None) -> list[MappingNode]:
    if isinstance(node, MappingNode):
        return [node] + [m for key, value in node.value for m in _mappings(key) + _mappings(value)]
    if isinstance(node, SequenceNode):
        return [m for item in node.value for m in _mappings(item)]
    return []


def _assert_read_is_exact(lines: tuple[str, ...]) -> bool:
    """When ``read`` accepts the lines, both YAML loaders give its data and no mapping repeats a key."""
    data = read(lines)
    if data is None:
        return False
    body = "".join(line + "\n" for line in lines)
    for loader in loaders():
        assert _strict(loader.load(body)) == _strict(data), lines
    for mapping in _mappings(compose(body)):
        keys = [key.value for key, _ in mapping.value]
        assert len(keys) == len(set(keys)), lines
    return True


# -- reading simple bodies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ('title: "First is version (184)"', "date: 2024-08-05", "tags: [project, message]"),
            {
                "title": "First is version (184)",
                "date": "2024-08-05",
                "tags": ["project", "message"],
            },
        ),
        (
            (
                "title: 'It works'",
                "tags:",
                "  - a",
                "  - 'b c'",
                "",
                '  - "d"',
                "draft: false",
                "weight: 10",
            ),
            {"title": "It works", "tags": ["a", "b c", "d"], "draft": False, "weight": 10},
        ),
        (
            (
                "ms.date: 11/04/2016",
                "url: https://example.com/a?b=1&c=2",
                "n: ~",
                "e:",
                "x: []",
                "list:",
                "- a",
            ),
            {
                "ms.date": "11/04/2016",
                "url": "https://example.com/a?b=1&c=2",
                "n": None,
                "e": None,
                "x": [],
                "list": ["a"],
            },
        ),
        (
            (
                "updated: 2013-07-25 16:33:47 +0900",
                "version: 2.0.0",
                "t: a#b, [c] {d}",
                "k: 웹 개발  ",
            ),
            {
                "updated": "2013-07-25 16:33:47 +0900",
                "version": "2.0.0",
                "t": "a#b, [c] {d}",
                "k": "웹 개발",
            },
        ),
        (("a: [ x , 'y, z' ]",), {"a": ["x", "y, z"]}),  # a comma inside a quoted flow item
        (
            (
                'helpviewer_keywords: ["functions [C++], calling", "a: b #c", "", \'it, "q"\']',
                "external help file: Microsoft.PowerShell.Commands.Utility.dll-Help.xml",
                "online version: https://learn.microsoft.com/powershell?view=7.4",
                "Download Help Link: https://aka.ms/x",
            ),
            {
                "helpviewer_keywords": ["functions [C++], calling", "a: b #c", "", 'it, "q"'],
                "external help file": "Microsoft.PowerShell.Commands.Utility.dll-Help.xml",
                "online version": "https://learn.microsoft.com/powershell?view=7.4",
                "Download Help Link": "https://aka.ms/x",
            },
        ),
        (("a: [x, y]",), {"a": ["x", "y"]}),
        (
            (
                "title: Plain",
                "params:",
                "  functions_and_methods:",
                "    returnType: string",
                "    signatures: [PAGE.Plain]",
                "",
                "  alt title: x",
                "  list:",
                "  - a",
                "  - b",
                "  deep:",
                "      - c",
                "  empty:",
                "menu:",
                "    docs:",
                "        parent: functions",
                "        weight: 10",
                "aliases: [/functions/plain]",
            ),
            {
                "title": "Plain",
                "params": {
                    "functions_and_methods": {"returnType": "string", "signatures": ["PAGE.Plain"]},
                    "alt title": "x",
                    "list": ["a", "b"],
                    "deep": ["c"],
                    "empty": None,
                },
                "menu": {"docs": {"parent": "functions", "weight": 10}},
                "aliases": ["/functions/plain"],
            },
        ),
        (("a:", "  title: x", "b:", "  title: y"), {"a": {"title": "x"}, "b": {"title": "y"}}),
        (
            (
                "p: 'C:\\dir'",
                "q: C:\\dir",
                "r: [TRUE, Null, 0, 'x']",
            ),  # no escapes outside double quotes
            {"p": "C:\\dir", "q": "C:\\dir", "r": [True, None, 0, "x"]},
        ),
    ],
)
def test_read(lines: tuple[str, ...], expected: dict[str, Any] | None) -> None:
    assert _strict(read(lines)) == _strict(expected)
    if expected is not None:
        assert _assert_read_is_exact(lines)


@pytest.mark.parametrize(
    "lines",
    [
        ("title: a", "title: b"),  # a key written twice
        ("true: a",),
        ("null: a",),
        ("'q': a",),
        ('"q": a',),
        ("a  b: c",),  # two spaces inside a key
        ("a:", "  b: 1", "  b: 2"),  # a nested key written twice
        ("a:", "  b: 1", " c: 2"),  # between two indentations
        ("a:", "    b: 1", "  c: 2"),
        ("a:", "  b: 1", "    c: 2"),  # deeper under a value
        ("a:", "  - x", "  b: 1"),  # a key after the items
        ("a:", "  b:", "  - x", "    c: 1"),
        ("a:", "  b:", " - x"),  # an item left of its key
        ("a:", "  b:", "  - x", "   - y"),
        ("  a: b",),  # the top-level mapping indented
        ("a:", "  true: x"),
        ("a:", "  # note", "  b: c"),
        ("a:", "  b: c #d"),
        ("a:", "  ? b", "  : c"),
        ("a:", "  -b: c"),
        ("a b : c",),
        ("a #b: c",),
        ("a b: c", "a b: d"),
        ("a: [x, ]",),
        ('a: ["x"]y',),
        ('a: ["x" y]',),
        ('a: ["x"',),
        ('a: ["x" "y"]',),
        ('a: ["x": y]',),
        ("a: ['x'', y']",),
        ('a: ["x\\", y]',),
        ("k" * 101 + ": a",),
        ("a: b: c",),
        ("a: b #c",),
        ("a: b:",),
        ("a: -b",),
        ("a: &x b",),
        ("a: *x",),
        ("a: !!str b",),
        ("a: |", "  b"),
        ("a: >", "  b"),
        ("a: {b: c}",),
        ("a: [b: c]",),
        ("a: [b,]",),
        ("a: [[b]]",),
        ("a: [b] c",),
        ('a: "b\\tc"',),
        ("a: 'it''s'",),
        ('a: "b" c',),
        ("a: 1.5",),
        ("a: 010",),
        ("a: 0x1F",),
        ("a: 1_000",),
        ("a: .inf",),
        ("a: <<",),
        ("a: =",),
        ("<<: *x",),
        ("a: b", "  c"),  # a plain scalar over two lines
        ("a: b", "  - c"),
        ("a:", "  - b", "    - c"),
        ("a:", "  - b", " - c"),
        ("a:", "  - b: c"),
        ("a:", "  -"),
        ("a:", "  - [b]"),
        ("a:", "\t- b"),
        ("a: b\tc",),
        ("a: b\u00a0c",),
        ("a: b\u2028c",),
        ("a: \ufeffb",),
        ("# comment", "a: b"),
        ("- a",),
        ("",),
        (),
    ],
)
def test_not_read(lines: tuple[str, ...]) -> None:
    assert read(lines) is None


_KEYS = [
    "title",
    "date",
    "tags",
    "y",
    "on",
    "ms.date",
    "_k",
    "a-b",
    "online version",
    "Download Help Link",
    "true",
    "Null",
    "k" * 101,
    "k" * 50 + " " + "k" * 50,
    "a  b",
    "a b ",
    "true x",
    "a #b",
    "a: b",
]
_ACCEPTED_KEYS = _KEYS[:10]
_SCALARS = [
    "a",
    "Hello world",
    "2024-03-05",
    "2024-3-5",
    "2024-03-05 10:00:00",
    "2024-03-05T10:00:00Z",
    "10",
    "010",
    "0",
    "1_0",
    "1.5",
    "1e5",
    ".5",
    ".inf",
    "true",
    "False",
    "TRUE",
    "yes",
    "No",
    "null",
    "~",
    "<<",
    "=",
    "<p>x</p>",
    "a: b",
    "a:",
    "a:b",
    "http://x.y/?a=1&b=2",
    "a #b",
    "a#b",
    "#c",
    "-x",
    "- x",
    "?x",
    ":x",
    "&a x",
    "*a",
    "!!str x",
    "|",
    ">",
    "%x",
    "@x",
    "`x`",
    '"q"',
    '"q \\" x"',
    '"a\\tb"',
    "'s'",
    "'it''s'",
    "'a' b",
    '"a" b',
    "{a: 1}",
    "{}",
    "[a, b]",
    "[]",
    "[ ]",
    "[a, 'b, c']",
    '["x", y]',
    "[a,]",
    "[a b, c:d]",
    "[a: b]",
    "[[a]]",
    "[a] b",
    "[a, #b]",
    "café",
    "\u00a0x",
    "a\tb",
    "x\u2028y",
    "\ufeffx",
    "웹 개발",
    "1:20",
    "0x1F",
    "0o7",
    "+1",
    "-1",
    "a  b",
    "'  sp  '",
    '"',
    "'",
    "a'b",
    'a"b',
    '[a, "b]"]',
    "[\"a, [b]\", 'c: #d']",
    '["a"  ,"b" ]',
    '["a" b]',
    '["a"]b',
    '["a"',
    '["a", ]',
    '["a\\"", b]',
    "['a'', b']",
    '[ "" ]',
    "a ]",
    "x,y",
    "a:  b",
    "12:30",
    "2024-13-45",
]
_ACCEPTED_SCALARS = [
    "a",
    "2024-03-05",
    "10",
    "true",
    "null",
    "~",
    "[a, b]",
    "[]",
    '"q"',
    "'s'",
    "http://x",
    "<p>",
    "a#b",
    "2024-03-05 10:00:00",
    "12:30",
    "1.2.3",
    "x,y",
    "café",
    "[TRUE, 'x', 7, ~]",
    '["functions [C++], calling", "x: y #z"]',
    "['a, b', \"c\"]",
]


def _random_lines(rng: random.Random) -> tuple[str, ...]:
    lines = []
    depth, opened = 0, False  # a key's depth: mostly one deeper after a key with no value
    for _ in range(rng.randint(1, 7)):
        scalar = rng.choice(_ACCEPTED_SCALARS if rng.random() < 0.8 else _SCALARS)
        r = rng.random()
        if r < 0.55:
            value = scalar if rng.random() < 0.6 else ""
            key = rng.choice(_ACCEPTED_KEYS if rng.random() < 0.9 else _KEYS)
            step = rng.choice([1, 1, 1, 0] if opened else [-1, 0, 0, 0, 1])
            depth, opened = max(0, depth + step), not value
            indent = " " * (depth * rng.choice([2, 2, 2, 4, 1, 3]))
            lines.append(
                indent + key + rng.choice([":", ": ", ":  "]) + value + rng.choice(["", "", " "])
            )
        elif r < 0.9:
            lines.append(
                rng.choice(["", "  ", "  ", "    ", "\t"]) + rng.choice(["- ", "- ", "-"]) + scalar
            )
        else:
            lines.append(rng.choice(["", "  ", "# c", "  x", "a"]))
    return tuple(lines)


def test_read_agrees_with_both_loaders_on_random_bodies() -> None:
    rng = random.Random(6)
    bodies = [_random_lines(rng) for _ in range(6000)]
    accepted = [lines for lines in bodies if _assert_read_is_exact(lines)]
    assert len(accepted) > 300  # the generator does reach the accepted shapes
    nested = [lines for lines in accepted if any(isinstance(v, dict) for v in read(lines).values())]
    assert len(nested) > 60  # nested mappings too


# -- every front matter rule, with and without the shortcuts ------------------------------

_TRICKY = [
    # Ordinary docs front matter, in all its spellings.
    '---\ntitle: "Install (3)"\ndate: 2024-01-06\ntags: [next, network]\n---\n\n# T\n',
    "---\ntitle: T\ndate: 2024-01-06\ntags:\n  - a\n  - b\n---\nText\n",
    "---\r\ntitle: T\r\ndate: 2024-01-06\r\ntags:\r\n  - a\r\n---\r\nText\r\n",
    "\ufeff---\ntitle: T\ndate: 2024-01-06\n---\nText\n",
    "\n\n---\ntitle: T\ndate: 2024-01-06\n---\nText\n",
    "\ufeff\n---\ntitle: T\n---\nText\n",
    "---\ntitle: T\ndate: 2024-15-30\n---\n",
    "---\ntitle: T\nDate: tuesday\nupdated: 13/01/2020\nlastmod: 2020-01-02T03:04:05+01:00\n---\n",
    "---\ndate: 20240105\nupdated: true\nlastmod: ~\npublishDate: ''\nexpiryDate: []\n---\n",
    "---\ntitle: ''\nauthor:\ndate: 2020-01-01\n---\n",
    "---\ntitle: T\ntitle: U\n---\n",
    "---\ntitle: T\n---\n---\nnot: front matter\n---\n",
    # Anchors, aliases and merge keys.
    "---\nbase: &b\n  date: someday\n  x: 1\npost:\n  <<: *b\n  x: 2\n  x: 3\ndate: *b\n---\n",
    "---\n<<: {date: tuesday}\ntitle: T\n---\n",
    "---\ndefaults: &d [a, b]\ntags: *d\n---\n",
    # Flow mappings, quoted keys, nested mappings with duplicate inner keys.
    "---\nmeta: {a: 1, a: 2, date: x}\n---\n",
    "---\n'title': T\n\"title\": U\ndate: 2020-01-01\n---\n",
    "---\nauthor:\n  name: A\n  name: B\nlist:\n  - k: 1\n    k: 2\n---\n",
    "---\n? complex\n: value\ncomplex: again\n---\n",
    # Multi-line strings, comments, tabs.
    "---\ntitle: a\n  continued\ndate: |\n  2020-01-01\nsummary: >\n  folded\n  text\n---\n",
    "---\n# a comment\ntitle: T # trailing\ndate: 2020-01-01 # when\n---\n",
    "---\ntitle: T\ntags:\n\t- a\n\t- b\n---\n",
    "---\ntitle:\tT\ndate: 2020-01-01\n---\n",
    # Link lists, plain and escaped.
    "---\ntitle: T\nrelated: \"<ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul>\"\n---\n",
    '---\ntitle: T\nrelated: "\\x3ca href=/a>A\\x3c/a> \\u003ca href=/b>B\\u003c/a>"\n---\n',
    "---\nrelated:\n  - <a href='/a'>A</a>\n  - <a href='/b'>B</a>\n---\n",
    # Broken YAML, unclosed blocks, TOML.
    "---\ntitle: Emacs: Write A Major Mode\ndate: 2020-01-01\n---\n",
    '---\ntitle: "Stop coding.\nh: 1\n---\n',
    "---\ntitle: T\ndate: 2020-01-01\n\nText\n",
    "---\ntitle: T\n",
    "---\n\nText after a rule.\n",
    '---\ntitle = "T"\ndate = 2020-01-01\n---\n',
    '+++\ntitle = "T"\ndate = 2020-01-01\n+++\n',
    '+++\ntitle = "T"\ntags = ["a" "b"]\n+++\n',
    "---\n---\n",
    "---\n...\n",
    "---\ntitle: T\n...\nText\n",
    "---\ntrue: T\nnull: N\nyes: Y\n---\n",
    "---\n" + "k" * 1100 + ": T\n---\n",
    "---\ntitle: caf\u00e9 \u00a0nbsp\nother: \u2028sep\n---\n",
    "---\r\ntitle: T\rdate: 2020-01-01\r---\rText\r",
    "",
    "No front matter.\n",
]
_EXAMPLES = [
    example.text for rule in builtin_rules() if rule.code in FM_RULES for example in rule.examples
]
_IDS = [f"tricky-{n}" for n in range(len(_TRICKY))] + [
    f"example-{n}" for n in range(len(_EXAMPLES))
]


@pytest.mark.parametrize("text", _TRICKY + _EXAMPLES, ids=_IDS)
def test_front_matter_rules_are_the_same_without_the_shortcuts(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    configs = (
        mdclean.Config(select=FM_RULES),
        mdclean.Config(
            select=FM_RULES,
            required_keys=("title", "author", "date"),
            date_keys=("date", "Published", "updated"),
        ),
    )
    results = []
    for shortcuts in (True, False):
        if not shortcuts:  # no body is simple, any body may hold a link list
            monkeypatch.setattr(simple, "read", lambda lines: None)
            monkeypatch.setattr(front_matter_keys, "may_hold_link_list", lambda body: True)
        for config in configs:
            fixed = mdclean.fix(text, config=config, unsafe=True)
            results.append(
                (mdclean.lint(text, config=config), fixed.text, fixed.fixed, fixed.remaining)
            )
    half = len(results) // 2
    assert results[:half] == results[half:]


def test_docs_front_matter_takes_the_shortcut() -> None:
    text = '---\ntitle: "Install (3)"\ndate: 2024-01-06\ntags: [next, network]\n---\n\n# T\n'
    front_matter = block_module.locate(Document(text))
    assert front_matter is not None
    assert simple.simple_mapping(front_matter) == {
        "title": "Install (3)",
        "date": "2024-01-06",
        "tags": ["next", "network"],
    }


# -- locating the block from the text ----------------------------------------------------


def _locate_by_line_table(doc: Document) -> FrontMatter | None:
    """The block as found through the document's line table (how locate read it before)."""

    def line_text(n: int) -> str:
        text = doc.line_text(n)
        return text[1:] if n == 0 and doc.text.startswith(BOM) else text

    line = 0
    while line < doc.line_count and line_text(line).strip() == "":
        line += 1
    if line >= doc.line_count:
        return None
    if YAML_FENCE.fullmatch(line_text(line)):
        fmt, close = "yaml", YAML_CLOSE
    elif TOML_FENCE.fullmatch(line_text(line)):
        fmt, close = "toml", TOML_FENCE
    else:
        return None
    close_line = next(
        (n for n in range(line + 1, doc.line_count) if close.fullmatch(doc.line_text(n))), None
    )
    end = close_line if close_line is not None else doc.line_count
    return FrontMatter(
        fmt,
        line,
        close_line,
        tuple(doc.line_text(n) for n in range(line + 1, end)),
        doc.text.startswith(BOM),
    )


@pytest.mark.parametrize(
    "text",
    [
        *_TRICKY,
        "\n",
        "\r\n",
        "\r",
        "\ufeff",
        "\ufeff\n",
        "\ufeff---",
        "---",
        "---\n",
        "---\r",
        "---\r\n---",
        "\n\r\n\r---\n",
        "  \n---\nx: 1\n---",
        "---\nx: 1\r\n--- \r\nBody",
        "+++\nx = 1\n+++   \n",
        "---\nx: 1\n+++\n",
        "--- x\n---\n",
        "\ufeff\ufeff---\nx: 1\n---\n",
        " ---\nx: 1\n---\n",
        "---\nx: 1\n\n\n",
    ],
    ids=repr,
)
def test_locate_reads_the_text_as_the_line_table_does(text: str) -> None:
    doc = Document(text)
    assert block_module.locate(doc) == _locate_by_line_table(doc)


# -- plain scalars that need no resolver --------------------------------------------------

_SUFFIXES = ("", "rue", "RUE", "alse", "ull", "ULL", "0", "1", ".5", "e5", "<", "x", "es", "n")
_SUFFIXES += ("ff", "FF", "o", "=", ":00", "inf", "nan", ".Inf", "0:00", "-01-01", "b1", "o7")


def test_a_plain_scalar_that_cannot_be_typed_is_a_string_for_the_loader_too() -> None:
    """The resolver picks its implicit resolvers by a scalar's first character: every printable
    character left out of ``MAY_BE_TYPED`` gives a string whatever follows it."""
    from ruamel.yaml.nodes import ScalarNode

    resolver = loaders()[0].resolver
    for code in range(0x110000):
        first = chr(code)
        if first in MAY_BE_TYPED or not first.isprintable():
            continue
        for suffix in _SUFFIXES:
            assert resolver.resolve(ScalarNode, first + suffix, (True, False)) == STRING_TAG
    for first in MAY_BE_TYPED:
        for suffix in (*_SUFFIXES, "itle", "ags", "ame", "ote", "rue x", "ull_", "alsey", "ES"):
            plain = first + suffix
            assert implicit_tag(plain) == resolver.resolve(ScalarNode, plain, (True, False))
    for word in ("true", "False", "NULL", "yes", "No", "on", "OFF", "y", "N", "~", "", "1_0"):
        assert implicit_tag(word) == resolver.resolve(ScalarNode, word, (True, False))
    assert implicit_tag("title") == implicit_tag("Hello") == STRING_TAG
    assert implicit_tag("true") == "tag:yaml.org,2002:bool"
    assert implicit_tag("") == "tag:yaml.org,2002:null"
