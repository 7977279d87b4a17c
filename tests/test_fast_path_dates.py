"""BP101's trigger asks for a date by its digits (``DATE_DIGITS``) or words (``DATE_WORDS``):
wherever one of the shapes every post date has (``DATE_SHAPE``) stands, so does one of those."""

from __future__ import annotations

import random

import pytest

from mdclean.matchers.post_meta import DATE_DIGITS, DATE_SHAPE, DATE_WORDS


def _trigger_holds(text: str) -> bool:
    return DATE_DIGITS.search(text) is not None or any(word in text for word in DATE_WORDS)


@pytest.mark.parametrize(
    "line",
    [
        "posted on 2024-05-03 by jane",
        "updated 3/5/24",
        "may 3, 2024 · 5 min read",
        "may 3rd 2024",
        "3 de mayo de 2024",
        "3. mai 2024",
        "2024年5月3日",
        "5月3日 10:11",
        "2024. 5. 3. 오후",
        "12 tháng 5",
        "10:42",
        "3 days ago",
        "2 дня назад",
        "3日前",
        "yesterday at noon",
    ],
)
def test_a_date_line_holds_the_trigger(line: str) -> None:
    assert DATE_SHAPE.search(line) is not None
    assert _trigger_holds(line)


def test_the_trigger_holds_wherever_a_date_shape_stands() -> None:
    chance = random.Random(16)
    alphabet = "0123 ,.-/:年月时 tháng maydestnrh\n"
    for _ in range(50_000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 18)))
        if DATE_SHAPE.search(text) is not None:
            assert _trigger_holds(text), text


def test_a_page_without_a_date_does_not_hold_it() -> None:
    assert not _trigger_holds("version one of the api, see chapter two\n\nnothing dated here")
