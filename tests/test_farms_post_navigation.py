"""LK008 (``post-navigation-row``): "« older post | newer post »" rows by their arrows."""

from __future__ import annotations

import mdclean
from mdclean import Config

LK008 = Config(select=("LK008",), unsafe_fixes=True)
OLDER = "https://blog.example.com/2023/04/grind-coffee/"
NEWER = "https://blog.example.com/2023/06/sour-espresso/"
LAST = "The article's last paragraph.\r\n"


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=LK008).text


def test_a_row_goes_and_crlf_stays() -> None:
    row = f"[‹ Grinding coffee at home]({OLDER}) &middot; [Sour espresso shots ›]({NEWER})"
    assert _fixed(f"{LAST}\r\n{row}\r\n\r\nMore.\r\n") == f"{LAST}\r\nMore.\r\n"


def test_arrows_that_point_the_same_way_stay() -> None:
    text = f"{LAST}\r\n[Grinding coffee at home »]({OLDER}) [Sour espresso shots »]({NEWER})\r\n"
    assert _fixed(text) == text


def test_a_row_inside_a_list_stays() -> None:
    text = (
        f"{LAST}\r\n- [« Grinding coffee at home]({OLDER}) | [Sour espresso shots »]({NEWER})\r\n"
    )
    assert _fixed(text) == text


def test_one_word_titles_are_no_post_titles() -> None:
    text = f"{LAST}\r\n[« Older]({OLDER}) | [Newer »]({NEWER})\r\n"
    assert _fixed(text) == text


def test_two_links_to_one_page_stay() -> None:
    text = (
        f"{LAST}\r\n[« Grinding coffee at home]({OLDER}) | [Grinding it again »]({OLDER}#again)\r\n"
    )
    assert _fixed(text) == text
