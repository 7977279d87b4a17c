"""The precise fast-path tests of the phrase and ad rules: tricky spellings still reach the rule."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mdclean
from mdclean.config import Config
from mdclean.matchers import label_triggers
from mdclean.matchers.label_triggers import LabelTrigger
from mdclean.prefilter import prefilter_for

# Each text holds a finding of its rule, spelled so that a naive raw-text test would miss it.
FOUND = [
    ("BP002", "Intro.\n\n> **Also:** [Headline](https://example.com/a)\n"),
    ("BP002", "1. <span>Also read:</span> [Headline](https://example.com/a)\n"),
    ("BP002", '<p>Also<br>read: <a href="https://example.com/a">Headline</a></p>\n'),
    ("BP005", '<p><b>Share this:</b> <a href="https://x.com/share"><img src="x.png"></a></p>\n'),
    ("BP001", '<div\nclass="related">Related posts</div>\n\n- [One](https://example.com/1)\n'),
    ("AD006", '> <div\n> class="sidebar ad-slot">\n> buy\n> </div>\n'),
    ("AD008", "Text.\n\n{{<\n  GoogleAdsense >}}\n\nMore.\n"),
    ("AD008", "Text.\n\n{% include ad-unit.html %}\n\nMore.\n"),
    ("BP008", "Post.\n\n> **3 Comments**\n"),
    ("BP008", "Post.\n\n1. 12 responses\n"),
    ("BP009", "Post.\n\n_Tags_\\: [a](https://x.test/a)\n"),
    ("BP013", "Post.\n\n[Email](mailto:?subject=Hi) [X](https://x.com/intent/post?text=hi)\n"),
    (
        "BP013",
        "Post.\n\n[FB](https://www.facebook.com/sharer&#46;php?u=x) [T](https://twitter.com/share)\n",
    ),
    ("AD007", "Post.\n\n![](https://www.facebook.com/tr?id=1&ev=PageView)\n"),
    ("AD010", "Post.\n\n*Story continues\nbelow*\n\nMore.\n"),
    ("AD010", "Post.\n\n<!-- x > y -->Advertisement\n\nMore.\n"),
    (
        "LK002",
        "# Post\n\nText.\n\n## Read next\n\n![](i.png) [Ten ways to tune the database](https://a.test/1)\n"
        "[Why we left the big cloud](https://b.test/2)\n[How our build got twice as fast](https://c.test/3)\n",
    ),
    # A region between ad marker comments goes whatever its links: no keyword needed.
    ("AD009", "Hello there.\n\n<!-- ad begin -->\n\n<!-- ad end -->\n\nMore text.\n"),
    # A URL read percent-decoded: the keyword is spelt with an escape.
    ("AD009", 'Intro.\n\n{{< producto url="https://%61mzn.to/abc" >}}\n\nMore text.\n'),
    ("AD009", "Intro.\n\naffiliate: [buy](https://%61mzn.to/x)\n\nMore text.\n"),
    ("AD009", 'Intro.\n\n<p>affiliate: <a href="https://%61mzn.to/x">buy</a></p>\n\nMore text.\n'),
    (
        "AD009",
        "Intro.\n\n<p>Pick: <a href=\"javascript:window.open('https://amzn.to/x')\">buy</a></p>\n\nMore.\n",
    ),
    ("AD009", 'Intro.\n\n<video poster="https://amzn.to/x.jpg"></video>\n\nMore text.\n'),
    # Labels in other scripts: capitals, an old Cyrillic letter form (U+1C82 matches "о" in a
    # case-insensitive regex), a typographic apostrophe, full-width punctuation.
    ("BP001", "Текст.\n\n**ЧИТАЙТЕ ТАКЖЕ**\n\n- [Заголовок](https://example.ru/1)\n"),
    ("BP001", "Текст.\n\n**Пᲂхожие статьи**\n\n- [Заголовок](https://example.ru/1)\n"),
    ("BP007", "Fin.\n\nJ’aime chargement…\n"),
    ("BP005", "本文。\n\n> **シェア：** [X](https://x.example/1) [F](https://f.example/2)\n"),
    ("BP014", "本文。\n\n**よろしければフォローお願いします！**\n"),
    ("BP017", "正文。\n\n阅读：1.2万 · 点赞：35\n"),
    ("BP014", "正文。\n\n> 欢迎关注我的公众号：example\n"),
    (
        "LK004",
        "本文です。\n\n**【ほかの記事はこちら】**  \n[記事の見出しがここに入ります](https://a.example/1)  \n"
        "[二本目の記事の見出しです](https://a.example/2)  \n[三本目の記事の見出しです](https://a.example/3)\n",
    ),
    # LK004 reads the page's last line: links whose targets stand elsewhere still reach it.
    (
        "LK004",
        "Text of the post.\n\n- [Ten ways to tune the database][1]\n- [Why we left the big cloud][2]\n"
        "- [How our build got twice as fast][3]\n\n[1]: https://a.test/one\n[2]: https://b.test/two\n"
        "[3]: https://c.test/three\n",
    ),
    (
        "LK004",
        "Text of the post.\n\n[Ten ways to tune the database](https://a.test/1)\n\n"
        "[Why we left the big cloud](https://b.test/2)\n\n[How our build got twice as fast](https://c.test/3\n"
        '"A title on its own line")\n',
    ),
    # An entity spells the keyword of a share target.
    (
        "BP013",
        "Text.\n\n[a](https://www.facebook.com/&#115;harer/&#115;harer.php?u=x) "
        "[b](https://www.facebook.com/&#115;harer/&#115;harer.php?u=y)\n\nMore.\n",
    ),
]


@pytest.mark.parametrize(("code", "text"), FOUND)
def test_a_hard_spelling_is_found_with_the_fast_path(
    code: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config(select=(code,))
    slow = mdclean.lint(text, config=replace(config, fast_path=False))
    assert slow != []
    assert mdclean.lint(text, config=config) == slow


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("BP002", "The parser is fast. It also reads YAML:\n\n[Docs](https://example.com/docs)\n"),
        ("BP009", "Use the `tags` option to filter.\n"),
        ("AD006", 'Read the address: <div class="note">download</div>\n'),
        ("AD008", "Templates use {{ .Title }} and {% if page.title %}.\n"),
        ("BP001", "Also the parser reads YAML.\n\n- [One](https://example.com/1)\n"),
        ("BP008", "Each comment in the code says why; 3 comments were enough.\n"),
        ("BP009", "---\ntags: [a](https://x.test/a)\n---\n\nBody.\n"),
        ("BP013", "To share a file, see [the guide](https://docs.test/share-files).\n"),
        ("AD007", "![Diagram](/img/architecture.png)\n"),
        ("AD010", "Continue reading below the table; paid plans differ.\n"),
        (
            "LK002",
            "## Setup\n\n![Diagram](/img/a.png)\n\nSee [a](https://a.test/1), [b](https://b.test/2), "
            "[c](https://c.test/3).\n",
        ),
        (
            "LK003",
            "See [one] and [two] and [three].\n\n[one]: https://x.test/1\n[two]: https://x.test/2\n"
            "[three]: https://x.test/3\n",
        ),
        # With HTML, a keyword counts only in a URL the rule reads.
        (
            "AD009",
            '<p>Our affiliate program pays well: <a href="https://docs.test/terms">terms</a>.</p>\n',
        ),
        ("AD009", "<!-- a note --> Our affiliate program pays well.\n"),
        ("AD007", "![Chart](https://docs.test/i/chart.png)\n"),
        # The label is followed by more than a colon on its first line: the lines after it
        # (one that cannot be read, here) do not count.
        ("BP009", "Intro.\n\ntags = ['chemistry', 'science']\n<b>x</b>\n"),
    ],
)
def test_a_word_in_prose_no_longer_makes_a_rule_a_candidate(
    code: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert prefilter_for(Config(select=(code,)).rules).candidates(text) == ()


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        # Blank lines, bullets and quotes are crossed; a tag or a link target may span a line end.
        (
            'Intro line\n\n- item one\n  > quoted\n<div\nclass=x>Text</div>\n[a](x\n"t") after\n12) twelve\n\n',
            {
                "In": [0],
                "it": [14],
                "qu": [27],
                "Te": [47],
                "a]": [59],
                't"': [65],
                "tw": [79],
                "": [87],
            },
        ),
        ("**](u)** x\n", {"x\n": [9], "": [11]}),
        ("A\r\n\r\n* b\rc\n", {"A\r": [0], "b\r": [7], "c\n": [9], "": [11]}),  # CR line breaks
    ],
)
def test_heads_are_where_a_label_may_start(text: str, heads: dict[str, list[int]]) -> None:
    from mdclean.matchers.label_triggers import _heads

    assert _heads(text) == heads


def test_a_one_word_opening_is_a_plain_prefix_and_a_longer_one_is_spelt_word_by_word() -> None:
    from mdclean.matchers.label_triggers import LabelTrigger

    trigger = LabelTrigger.of(["also", "also read", "read more", "read µs"])
    assert trigger is not None
    assert trigger.plain_by_key == {"al": ("also",)}
    assert trigger.spelt_by_key == {"al": {"also": (("read",),)}, "re": {"read": (("more",),)}}
    assert trigger.by_key == {"al": ("also",), "re": ("read",)}
    assert trigger._regex_openings == {"re": {"read µs"}}  # "µ" folds with Greek letters
    text = "also_3 = x\nread  more\nread this\n- also\n  read\nread<b>\n more\nread\n"
    hits = trigger.hits(text)
    assert hits is not None and sorted(hits.heads) == [0, 11, 34, 46]
    greek = trigger.hits("READ <i>ΜS</i>\n".lower())
    assert greek is not None and greek.heads == [0]


def test_a_phrase_without_a_word_of_its_own_is_found_by_a_group_of_words() -> None:
    from mdclean.matchers.label_triggers import LabelTrigger

    trigger = LabelTrigger.of([".{0,12}(?:扫码|长按).{0,6}(?:关注|加群).{0,30}"])
    assert trigger is not None and set(trigger.words) == {"扫码", "长按"}
    hits = trigger.hits("正文。\n\n请长按识别二维码关注\n")
    assert hits is not None and hits.words == [6]
    assert trigger.hits("正文。\n") == type(hits)([], [])


@pytest.mark.parametrize(
    ("text", "at", "found"),
    [
        ("read more", 0, True),
        ("read \t <br/>\n<i> more", 0, True),  # white space and tags between the words
        ("read<b>more", 0, True),
        ("readmore", 0, False),
        ("read <b more", 0, False),  # an unclosed tag is no space
        ("x read more", 2, True),
        ("read  moral", 0, False),
        ("read\n\nmore", 0, True),
    ],
)
def test_a_spelt_opening_matches_where_its_regex_does(text: str, at: int, found: bool) -> None:
    from mdclean.matchers.label_triggers import _SPACE, _spelt_at

    regex = re.compile(rf"read{_SPACE}more", re.IGNORECASE | re.MULTILINE)
    spelt = text.startswith("read", at) and _spelt_at(text, at + 4, ("more",))
    assert spelt is found is bool(regex.match(text, at))


@pytest.mark.parametrize(
    ("text", "found"), [("read <i>x", True), ("read\n", True), ("read", False), ("reads", False)]
)
def test_an_opening_that_ends_in_a_space_wants_a_space_after_its_words(
    text: str, found: bool
) -> None:
    from mdclean.matchers.label_triggers import _SPACE, _spellable, _spelt_at

    regex = re.compile(rf"read{_SPACE}", re.IGNORECASE | re.MULTILINE)
    assert _spellable(("read", "")) and not _spellable(("read", "", "more"))
    spelt = text.startswith("read") and _spelt_at(text, 4, ("",))
    assert spelt is found is bool(regex.match(text, 0))


# Every character of the Basic Multilingual Plane (case pairs do not cross planes).
_BMP = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)


@pytest.mark.parametrize(
    "char", ["\u1e9b", "\u1e61", "\ufb05", "\ufb06", "\ua64b", "\u03c3", "\xb5"]
)
def test_a_letter_the_regex_folds_further_is_not_spelt(char: str) -> None:
    from mdclean.fastpath.raw_text import searchable
    from mdclean.matchers.label_triggers import _folds_as_lowered

    matched = re.findall(re.escape(char), _BMP, re.IGNORECASE)
    assert {searchable(m.lower()) for m in matched} != {char} and not _folds_as_lowered(char)


def test_the_letters_spelt_fold_only_as_lower_and_searchable_do() -> None:
    from mdclean.fastpath.raw_text import searchable
    from mdclean.matchers.label_triggers import _folds_as_lowered

    for code in [*range(0x20, 0x530), *range(0x1E00, 0x1F00), *range(0x3000, 0x3100), 0xFF41]:
        char = chr(code)
        if char != searchable(char.lower()) or not _folds_as_lowered(char):
            continue  # (the openings are lower-cased and folded so)
        matched = re.findall(re.escape(char), _BMP, re.IGNORECASE)
        assert {searchable(m.lower()) for m in matched} == {char}, hex(code)


@pytest.mark.parametrize("space", ["\x85 ", "  ", "\xa0 ", "\t "])
def test_white_space_the_guess_folds_leaves_a_label_shape_unsure(
    space: str, tmp_path: Path
) -> None:
    # markdown-it keeps these runs as written, the raw-text guess folds them into one space:
    # a label that needs two white space characters must still be found with the fast path.
    pack = tmp_path / "ZZ900.yaml"
    pack.write_text(
        "code: ZZ900\nname: two-spaces\nsummary: s\nexplanation: e\nfix: safe\n"
        "matcher: labelled-list\nparams:\n  labels: ['share\\s+ share']\n"
        'examples:\n  - bad: "share  share\\n"\n    fixed: ""\n  - good: "share\\n"\n',
        encoding="utf-8",
    )
    config = Config(select=("ZZ900",), rule_packs=(pack,))
    text = f"share{space}share\n"
    slow = mdclean.lint(text, config=replace(config, fast_path=False))
    assert [v.code for v in slow] == ["ZZ900"]
    assert mdclean.lint(text, config=config) == slow


def test_a_phrase_that_opens_with_a_number_is_found_by_its_words_in_another_script() -> None:
    """Docs are full of heads that start with a digit (tables, code, numbered steps): a phrase
    that opens with a number and holds a word in another script is looked for by that word."""
    cjk = LabelTrigger.of([r"\d+万优质内容无限畅学"])
    english = LabelTrigger.of([r"\d+ comments"])
    assert cjk is not None and english is not None
    assert not cjk.digit_start and cjk.words == ("万优质内容无限畅学",)
    assert english.digit_start
    table = "| 1 | 2 |\n|---|---|\n| 3 | 4 |\n\n1. Step one.\n"
    assert not cjk.may_match(table) and english.may_match(table)
    assert cjk.may_match("正文。\n\n3000万优质内容无限畅学\n")


# The regex the block-start test replaces: tried at every character, it cost a text with long
# runs of punctuation or indentation time in the square of their length.
_BLOCK_START = re.compile(r"(?:^|(?<=[\r>)]))(?:[^\w\n\r]|_|\d{1,9}[.)])*•", re.MULTILINE)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*"a1._ )>\r\n•-*", "12.", "9)"]), max_size=16).map("".join))
def test_a_block_may_open_where_the_block_start_regex_says(text: str) -> None:
    for at in (i for i, c in enumerate(text) if c == "•"):
        regex = any(_BLOCK_START.fullmatch(text, start, at + 1) for start in range(at + 1))
        assert label_triggers._block_may_open_at(text, at) == regex, (text, at)


def test_an_opening_outside_the_heads_is_found_where_a_block_may_open() -> None:
    trigger = LabelTrigger({"•"}, set())
    assert trigger.hits("text •\n") is not None  # after a word: no block opens there
    assert trigger.hits("text\n> **•** x\n") is None
    assert trigger.hits("[a](b)•\n") is None  # after a link's target
