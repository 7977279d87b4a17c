"""Triggers that ask for their evidence in one place (one chunk of lines, two in a row), not
anywhere on the page: each case is linted with the fast path on and off, and the trigger's
answer is pinned, so a "no" is shown to be both right and useful."""

from __future__ import annotations

from dataclasses import replace

import pytest

import mdclean
from mdclean.config import Config
from mdclean.fastpath.body import read_body
from mdclean.fastpath.chunks import Spelt, Together, chunk_ends, chunk_of
from mdclean.fastpath.raw_text import RawText

POST_NAVIGATION = Config(select=("LK008",))


def _codes(text: str, config: Config) -> list[str]:
    return [v.code for v in mdclean.lint(text, config=config)]


def _both_ways(text: str, config: Config) -> list[str]:
    """The codes found with the fast path on, once shown to be those found with it off."""
    fast = _codes(text, config)
    assert fast == _codes(text, replace(config, fast_path=False))
    return fast


def _asked(text: str, config: Config) -> bool:
    rule = config.rules[0]
    return rule.matcher.may_match(read_body(text.lower()).text)


def test_chunks_end_at_blank_lines_as_markdown_it_reads_them() -> None:
    text = "a\nb\n\n \t\r\n\nc\n\u00a0\nd\r\re\n\nf"
    assert chunk_ends(text) == [text.index("c"), text.index("f")]
    assert [chunk_of(text, text.index(c)) for c in "abcdef"] == [0, 0, 1, 1, 1, 2]


def test_together_wants_each_spelling_within_the_span() -> None:
    older, newer, middle = Spelt(words=("older",)), Spelt(words=("newer",)), Spelt(("middle",))
    text = RawText("older\n\nnewer\n\n\nmiddle\n\nolder")
    assert not Together((older, newer), 1).holds(text)
    assert Together((older, newer), 2).holds(text)
    assert not Together((older, middle), 1).holds(text)
    assert Together((middle, older), 2).holds(text)
    assert not Together((older, Spelt(("absent",))), 3).holds(text)


def test_words_stand_alone_and_marks_anywhere() -> None:
    spelt = Spelt(marks=("»",), words=("prev", "previous", "前へ"))
    text = "folder prevent _previous_ x»y 次前へ prev2 (prev)"
    assert [text[at : at + 4] for at in sorted(spelt.offsets(text))] == [
        "prev",
        "»y 次",
        "前へ p",
        "prev",
    ]


ROW = "Intro text.\n\n{row}\n\nEnd.\n"


@pytest.mark.parametrize(
    ("row", "found"),
    [
        ("← [Previous post](https://a.example/p/1) | [Next post](https://a.example/p/2) →", True),
        ("- Previous: [One](https://a.example/p/1)\n\n- Next: [Two](https://a.example/p/2)", True),
        ("_Previous_: [One](https://a.example/p/1) _Next_: [Two](https://a.example/p/2)", True),
        # an entity that spells the whole word: no direction written out, nothing found
        ("&#80;revious: [One](https://a.example/p/1) Next: [Two](https://a.example/p/2)", False),
        # arrows spelt as entities are not read (``_written_out``)
        (
            "&lt;&lt; [Old post here](https://a.example/p/1) | [New post](https://a.example/p/2) >>",
            False,
        ),
    ],
)
def test_a_row_of_two_posts_is_found_both_ways(row: str, found: bool) -> None:
    text = ROW.format(row=row)
    assert _asked(text, POST_NAVIGATION) or not found
    assert (_both_ways(text, POST_NAVIGATION) == ["LK008"]) is found


RECOMMENDED = Config(select=("LK009",))
_RELATED = "Last paragraph.\n\n### Related\n\n{item}\n\n{item}\n"


@pytest.mark.parametrize(
    "item",
    [
        "[A post title](https://b.example/p/?relatedposts_hit=1&relatedposts_origin=7)",
        # an entity spells the "=" of the mark
        "[A post title](https://b.example/p/?relatedposts_hit&#61;1&amp;relatedposts_origin=7)",
        # a target in angle brackets, with a space (the reading of targets stops at it)
        "[A post title](<https://b.example/a b?utm_source=related>)",
    ],
)
def test_a_marked_related_link_is_asked_for_and_found_both_ways(item: str) -> None:
    text = _RELATED.format(item=item)
    assert _asked(text, RECOMMENDED)
    assert _both_ways(text, RECOMMENDED) == ["LK009"]


@pytest.mark.parametrize(
    ("config", "text"),
    [
        # words inside longer words: "folder", "context"
        (
            POST_NAVIGATION,
            "See the folder [a](https://a.example/p/1) and its context [b](https://a.example/p/2).\n",
        ),
        # each direction in its own paragraph, a paragraph apart
        (
            POST_NAVIGATION,
            "Previous [a](https://a.example/p/1).\n\nMiddle.\n\nNext [b](https://a.example/p/2).\n",
        ),
        # the keywords ("&", "src=", "utm_") stand in the text, but no target carries a mark
        (
            RECOMMENDED,
            'Cats &amp; dogs.\n\n<img src="a.png">\n\n[Docs](https://d.example/?utm_source=news)\n',
        ),
        # a mark in prose, not in a target
        (RECOMMENDED, "Append ?relatedposts_hit=1 to the address.\n\n[Docs](https://d.example/)\n"),
    ],
)
def test_evidence_out_of_place_asks_for_no_parse(config: Config, text: str) -> None:
    assert not _asked(text, config)
    assert _codes(text, replace(config, fast_path=False)) == []


DUPLICATES = Config(select=("LK001",))
_TWICE = "{first}\n\nText between.\n\n{second}\n"


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        # the repository's own files, listed twice: cross-references, left alone
        (
            "- [A](a.md)\n- [B](b.md)\n- [C](../c.md#x)",
            "- [C](../c.md#x)\n- [A](a.md)\n- [B](b.md)",
            False,
        ),
        # one target only looks like a file: it goes on past ".md" (``a.md|x`` is no source file)
        (
            "- [A](a.md|x)\n- [B](b.md)\n- [C](c.md)",
            "- [C](c.md)\n- [A](a.md|x)\n- [B](b.md)",
            True,
        ),
        # in angle brackets a space does not end the target
        (
            "- [A](<a.md x>)\n- [B](b.md)\n- [C](c.md)",
            "- [C](c.md)\n- [A](<a.md x>)\n- [B](b.md)",
            True,
        ),
        # a scheme makes it no file of the repository
        (
            "- [A](http:a.md)\n- [B](b.md)\n- [C](c.md)",
            "- [C](c.md)\n- [A](http:a.md)\n- [B](b.md)",
            True,
        ),
        (
            '<a href="a.md">A</a> <a href="b.md">B</a> <a href="c.md">C</a>',
            "- [C](c.md)\n- [A](a.md)\n- [B](b.md)",
            False,
        ),
    ],
)
def test_lists_of_the_repository_own_files_ask_for_no_parse(
    first: str, second: str, found: bool
) -> None:
    text = _TWICE.format(first=first, second=second)
    assert _asked(text, DUPLICATES) is found
    assert (_both_ways(text, DUPLICATES) == ["LK001"]) is found


REPEATED = Config(select=("LK005",))


def test_repeated_long_lines_must_hold_the_words_not_only_the_characters() -> None:
    code = "```\n" + "\n".join(
        f"value_{i:02}_with_a_long_name_here = compute({i})" for i in range(8)
    )
    text = f"# Guide\n\n{code}\n```\n\nThen again:\n\n{code}\n```\n"
    assert not _asked(text, REPEATED)  # 8 long lines twice: 350 characters, 48 words
    assert _codes(text, replace(REPEATED, fast_path=False)) == []
    article = "\n\n".join(
        f"Paragraph {i} tells the story again with words enough to count as prose here." * 2
        for i in range(6)
    )
    copied = f"{article}\n\n{article}\n"
    assert _asked(copied, REPEATED)
    assert _both_ways(copied, REPEATED) == ["LK005"]


NEXT_LINK = Config(select=("LK010",))


@pytest.mark.parametrize(
    ("link", "found"),
    [
        ("**Next tutorial - [Pointers](https://tutorials.example.com/pointers/)**", True),
        ("_Next_ - [Pointers](https://tutorials.example.com/pointers/)", True),
        # "next" only inside longer words ("context", "nextcloud"): nothing to ask
        ("Context - [Nextcloud](https://tutorials.example.com/pointers/)", False),
    ],
)
def test_a_next_link_needs_its_word_standing_alone(link: str, found: bool) -> None:
    text = f"Like my tutorials? Please support the content.\n\n{link}\n\n## The end\n"
    assert _asked(text, NEXT_LINK) is found
    assert (_both_ways(text, NEXT_LINK) == ["LK010"]) is found
