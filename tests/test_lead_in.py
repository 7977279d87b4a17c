"""``tail_lead.introduces``: the article's own lead-in past its end, one reading for BP083's
walk back and BP610's walk forward (what they keep as the article's)."""

from __future__ import annotations

import pytest

from mdclean.matchers.tail_lead import introduces


@pytest.mark.parametrize(
    ("visible", "lead_in"),
    [
        ("This post is one of a series:", True),
        ("Descargas:**", True),
        ("Weitere Folgen der Reihe: ", True),
        ("相关下载：", True),
        ("Happy Coding :)", False),  # a smiley, no lead-in
        ("Notes:✎...", False),
        ("Thanks for reading.", False),
    ],
)
def test_a_lead_in_ends_with_a_colon(visible: str, lead_in: bool) -> None:
    assert introduces(visible) is lead_in
