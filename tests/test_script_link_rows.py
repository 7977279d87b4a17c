"""BP026 (``script-link-row``): rows of links that only run a script, and a board's button row
that mixes them with ordinary links (session 33)."""

from __future__ import annotations

import mdclean

ARTICLE = "The board approved the new budget on Tuesday after a long debate.\n\n"
KEPT = ARTICLE.rstrip("\n") + "\n"


def _fixed(text: str, *, unsafe: bool) -> str:
    config = mdclean.Config(select=("BP026",))
    return mdclean.fix(text, config=config, unsafe=unsafe).text


def test_a_row_of_script_links_goes_safely() -> None:
    text = ARTICLE + "[Annuler](javascript:void\\(0\\);) [OK](javascript:;)\n"
    assert _fixed(text, unsafe=False) == KEPT


def test_a_button_row_mixing_script_and_other_links_waits_for_unsafe_fixes() -> None:
    row = (
        "[뒤로가기](javascript:history.go\\(-1\\))\n"
        "[인쇄하기](javascript:OpenWindow\\('../print.html?idx=1'\\))\n"
        "[목록](/news/news_list.html?page=1)\n"
        "[Tweet](http://twitter.com/share)\n"
    )
    text = ARTICLE + row
    assert _fixed(text, unsafe=False) == text
    assert _fixed(text, unsafe=True) == KEPT


def test_more_ordinary_links_than_script_links_or_a_long_caption_stay() -> None:
    many = ARTICLE + "[Print](javascript:print\\(\\)) [Home](/) [News](/news)\n"
    assert _fixed(many, unsafe=True) == many
    long = (
        ARTICLE + "[Print](javascript:print\\(\\)) [Read the whole report of the board](/report)\n"
    )
    assert _fixed(long, unsafe=True) == long
