"""Triggers of the rules added in session 8: what each rules out, and what it must let through.

Each case is asked both ways: the trigger's answer, and the rule's findings with the fast path
on and off (equal, and as written here)."""

from __future__ import annotations

import pytest
from fast_path_checks import builtin_rule, found_both_ways

from mdclean.fastpath.tail import tail_start, words_outside_links

_PROSE = (
    "This paragraph of the article runs on for well over forty words so that the tail of "
    "the page starts right after it, as a reader would count them: one two three four five "
    "six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen."
)


@pytest.mark.parametrize(
    ("chunk", "words"),
    [
        ("one two three", 3),
        ("one **two** three.", 3),
        # link and image texts and targets are no words outside links
        ("see [the long guide](https://x.org/a) and ![an image](i.png) here", 3),
        # a link's title is unseen: unsure
        ('see [guide](https://x.org/a "a title") here', 0),
        # HTML may hide what follows it
        ("one two <!-- three four --> five", 2),
        ("one [two three", 1),  # an unclosed bracket: nothing after it counts
        ("caf\u00e9 one two", 0),  # not ASCII: unsure
        ("one two\nthree four", 3),  # a line break could join two words
    ],
)
def test_words_outside_links_never_overcount(chunk: str, words: int) -> None:
    assert words_outside_links(chunk) == words


_LONG = " ".join(["word"] * 41)


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        (f"# T\n\n{_LONG}\n\n- x\n", "\n- x\n"),
        (f"{_LONG}\n\nshort\n\n{_LONG}\n\nend\n", "\nend\n"),
        # forty words are not more than forty
        (f"{' '.join(['word'] * 40)}\n\nend\n", None),
        # inside a fence, a list item, under a heading line, or after a table row: no paragraph
        (f"```\n\n{_LONG}\n\n```\n\nend\n", None),
        (f"- x\n\n  {_LONG}\n\nend\n", None),
        (f"# T\n{_LONG}\n\nend\n", None),
        (f"{_LONG}\n---\n\nend\n", None),
        (f"{_LONG}\n\n```\nunclosed\n", None),  # the raw text cannot tell: the whole text
        (f"{_LONG}\n\n[a]: https://x.org\n\nend\n", "\n[a]: https://x.org\n\nend\n"),
        # a reference definition above the tail may name a link in it
        (f"[a]: https://x.org\n\n{_LONG}\n\nend [a]\n", None),
    ],
)
def test_the_tail_starts_after_the_last_surely_long_paragraph(text: str, tail: str | None) -> None:
    start = tail_start(text, 40)
    assert (text[start:] if start else None) == tail


_ARCHIVE = (
    "## Blog Archive\n\n"
    "- ► [2015](https://blog.example.com/2015/) (3)\n"
    "- ► [2014](https://blog.example.com/2014/) (7)\n"
    "- ► [2013](https://blog.example.com/2013/) (2)\n"
)


def test_bp043_counts_above_the_last_long_paragraph_do_not_trigger() -> None:
    text = f"{_ARCHIVE}\n{_PROSE}\n"
    assert builtin_rule("BP043").matcher.keyword_trigger().holds(text.lower())
    assert not builtin_rule("BP043").matcher.may_match(text.lower())
    assert found_both_ways("BP043", text) == []


def test_bp043_an_archive_in_the_tail_still_triggers() -> None:
    text = f"{_PROSE}\n\n{_ARCHIVE}"
    assert builtin_rule("BP043").matcher.may_match(text.lower())
    assert found_both_ways("BP043", text) == [_ARCHIVE.rstrip("\n")]


_NEXT = "Next: [Pointers in C explained](https://blog.example.com/2024/05/pointers.html)"


def test_lk010_a_next_word_above_the_last_long_paragraph_does_not_trigger() -> None:
    text = f"{_NEXT}\n\n{_PROSE} Next we go on.\n\n{_PROSE}\n"
    assert builtin_rule("LK010").matcher.keyword_trigger().holds(text.lower())
    assert not builtin_rule("LK010").matcher.may_match(text.lower())
    assert found_both_ways("LK010", text) == []


def test_lk010_a_next_post_link_in_the_tail_still_triggers() -> None:
    text = f"{_PROSE}\n\n{_NEXT}\n"
    assert builtin_rule("LK010").matcher.may_match(text.lower())
    assert found_both_ways("LK010", text) == [_NEXT]


_CARDS = (
    "[How we moved our build to a new runner](https://blog.example.com/2024/05/runner.html)\n\n"
    "May 3, 2024 · 12 comments\n\n"
    "[What a year of on-call taught the team](https://blog.example.com/2024/04/on-call.html)\n\n"
    "April 9, 2024 · 7 comments\n"
)


def test_lk011_absolute_links_above_the_last_long_paragraph_do_not_trigger() -> None:
    text = f"{_PROSE}\n\n{_CARDS}\n{_PROSE}\n"
    assert builtin_rule("LK011").matcher.keyword_trigger().holds(text.lower())
    assert not builtin_rule("LK011").matcher.may_match(text.lower())
    assert found_both_ways("LK011", text) == []


def test_lk011_cards_in_the_tail_still_trigger() -> None:
    text = f"{_PROSE}\n\n{_CARDS}"
    assert builtin_rule("LK011").matcher.may_match(text.lower())
    assert found_both_ways("LK011", text) == [_CARDS.rstrip("\n")]


_TOOLBAR = (
    "* ![](https://csdnimg.cn/like.png) 11 点赞\n* ![](https://csdnimg.cn/collect.png) 25 收藏\n"
)


def test_bp070_captions_in_prose_lines_do_not_trigger() -> None:
    text = (
        f"{_PROSE}\n\n分享你的配置，收藏这篇文章：已有 12 条评论。\n\n"
        "* 保存文件，然后评论一下（3 次）\n"
    )
    assert builtin_rule("BP070").matcher.keyword_trigger().holds(text.lower())
    assert not builtin_rule("BP070").matcher.may_match(text.lower())
    assert found_both_ways("BP070", text) == []


@pytest.mark.parametrize(
    "toolbar",
    [
        _TOOLBAR,
        # captions in link texts; a caption with a space over two lines; a link over two lines
        "* [点赞](https://x.org/a) 11\n* [分享](https://x.org/b) 3\n",
        "- 12 分享到\n  qq\n- 5 评论\n",
        "- [点赞](https://x.org/a\n) 11 分享\n- 3 收藏\n",
        # emphasis marks that find drops join two runs of letters into a caption
        "- 11 **点**赞\n- 3 分享\n",
    ],
)
def test_bp070_a_toolbar_still_triggers(toolbar: str) -> None:
    text = f"{_PROSE}\n\n{toolbar}"
    assert builtin_rule("BP070").matcher.may_match(text.lower())
    assert found_both_ways("BP070", text) == [toolbar.rstrip("\n")]


_PROMO = (
    "## noteでも情報発信中\n\n"
    "実際に試したAIツールや知的生産手法をnoteで公開しています。\n\n"
    "[Tweets by lifeoptimizer7](https://twitter.com/lifeoptimizer7)\n"
)


def test_bp072_a_promo_heading_above_a_long_paragraph_does_not_trigger() -> None:
    text = f"{_PROSE}\n\n{_PROMO}\n{' '.join(['word'] * 201)}\n"
    assert builtin_rule("BP072").matcher.may_match(f"{_PROSE}\n\n{_PROMO}".lower())
    assert not builtin_rule("BP072").matcher.may_match(text.lower())
    assert found_both_ways("BP072", text) == []


def test_bp072_a_promo_section_in_the_tail_still_triggers() -> None:
    text = f"{_PROSE}\n\n{_PROMO}"
    assert builtin_rule("BP072").matcher.may_match(text.lower())
    assert found_both_ways("BP072", text) == [_PROMO.rstrip("\n")]
