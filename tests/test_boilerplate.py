"""Boilerplate and link rules on whole articles (fixtures/boilerplate*.txt): junk out, every other byte kept."""

from __future__ import annotations

import pytest
from fixtures import FIXTURES, Case, read_cases

import mdclean

SAFE = read_cases(FIXTURES / "boilerplate.txt") + read_cases(FIXTURES / "boilerplate_unseen.txt")
UNSAFE = read_cases(FIXTURES / "boilerplate_unsafe.txt")
ALL = [(case, False) for case in SAFE] + [(case, True) for case in UNSAFE]
IDS = [f"{'unsafe' if unsafe else 'safe'}-{case}" for case, unsafe in ALL]


@pytest.mark.parametrize(("case", "unsafe"), ALL, ids=IDS)
def test_fix_gives_expected_text(case: Case, unsafe: bool) -> None:
    assert mdclean.fix(case.input, unsafe=unsafe).text == case.expected


@pytest.mark.parametrize(("case", "unsafe"), ALL, ids=IDS)
def test_fix_is_idempotent(case: Case, unsafe: bool) -> None:
    once = mdclean.fix(case.input, unsafe=unsafe).text
    assert mdclean.fix(once, unsafe=unsafe).text == once


@pytest.mark.parametrize(("case", "unsafe"), ALL, ids=IDS)
def test_crlf_gives_the_same_result_with_crlf(case: Case, unsafe: bool) -> None:
    crlf = case.input.replace("\n", "\r\n")
    assert mdclean.fix(crlf, unsafe=unsafe).text == case.expected.replace("\n", "\r\n")


def test_safe_fixes_leave_the_topic_box_reported() -> None:
    seed = SAFE[0]
    remaining = mdclean.fix(seed.input).remaining
    assert [(v.code, v.line, v.fix is not None and not v.fix.is_safe) for v in remaining] == [
        ("LK002", 21, True)
    ]


def test_a_french_follow_heading_goes_with_its_icons() -> None:
    text = (
        "Le dernier paragraphe de l'article.\n\n"
        "## Nous suivre\n\n"
        "[![](https://example.fr/img/social/twitter-50.png)](https://twitter.com/exemple)"
        " [![](https://example.fr/img/social/rss-50.png)](https://example.fr/rss.xml)\n"
    )
    config = mdclean.Config(select=("BP014",))
    assert mdclean.fix(text, config=config).text == "Le dernier paragraphe de l'article.\n"


def test_a_sentence_about_following_a_route_stays() -> None:
    text = "Le dernier paragraphe.\n\nNous suivre sur ce chemin demande de la patience et une bonne carte.\n"
    assert mdclean.fix(text, config=mdclean.Config(), unsafe=True).text == text


def test_an_outro_of_asks_goes_and_the_article_before_it_stays() -> None:
    text = (
        "## Conclusion\n\n"
        "We moved the site to GitHub Pages and added a custom domain.\n\n"
        "If you enjoyed this article, please share it with your friends. "
        "If you have any questions, feel free to reach out to me.\n"
    )
    fixed = mdclean.fix(text, config=mdclean.Config(select=("BP086",)), unsafe=True)
    assert fixed.text == (
        "## Conclusion\n\nWe moved the site to GitHub Pages and added a custom domain.\n"
    )
