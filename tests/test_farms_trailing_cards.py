"""LK004 reads a widget's cards that kept their date or count beside the link."""

from __future__ import annotations

import pytest

import mdclean
from mdclean import Config

LK004 = Config(select=("LK004",), unsafe_fixes=True)
SLOW = Config(select=("LK004",), unsafe_fixes=True, fast_path=False)
LAST = "The article's last paragraph.\r\n"
CARDS = (
    "\r\n[How to grind coffee beans at home](https://blog.example.com/grind/)\r\n{0} 1, 2024\r\n"
    "\r\n[Why your espresso shots taste sour](https://blog.example.com/sour/)\r\n{0} 9, 2024\r\n"
    "\r\n[The best coffee beans of the year](https://blog.example.com/beans/)\r\n{0} 3, 2024\r\n"
)


def test_cards_with_a_date_line_go_and_crlf_stays() -> None:
    text = LAST + CARDS.format("March")
    assert mdclean.fix(text, config=LK004).text == LAST


def test_cards_with_a_date_line_and_a_copyright_line_go() -> None:
    text = LAST + CARDS.format("März") + "\r\n© 2024 Example Verlag\r\n"
    assert mdclean.fix(text, config=LK004).text == LAST


@pytest.mark.parametrize(
    "meta",
    [
        "Posted by Jane",  # words, no digit
        "12\r\n13\r\n14\r\n15",  # four lines of figures: no card's meta
    ],
)
def test_other_lines_under_the_links_keep_them(meta: str) -> None:
    cards = "".join(
        f"\r\n[How to grind coffee beans, part {n}](https://blog.example.com/grind-{n}/)\r\n{meta}\r\n"
        for n in range(1, 4)
    )
    text = LAST + cards
    assert mdclean.fix(text, config=LK004).text == text
    assert mdclean.fix(text, config=SLOW).text == text


def test_the_fast_path_reads_a_card_ending_in_two_figure_lines() -> None:
    cards = "".join(
        f"\r\n[How to grind coffee beans, part {n}](https://blog.example.com/grind-{n}/)\r\n01-18\r\n2558\r\n"
        for n in range(1, 4)
    )
    assert mdclean.fix(LAST + cards, config=LK004).text == LAST
    assert mdclean.fix(LAST + cards, config=SLOW).text == LAST
