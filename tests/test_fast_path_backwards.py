"""``SearchBackwards``: a regex written backwards, searched in the text read backwards, finds a
match exactly where the forward regex does (BP100's "NAME says:" line, asked colon first)."""

from __future__ import annotations

import random

import pytest

from mdclean.fastpath.raw_text import RawText
from mdclean.fastpath.triggers import SearchBackwards
from mdclean.matchers.comment_thread import _SAYS_BACKWARDS, _SAYS_COLON, _SAYS_KEYS

SAYS = SearchBackwards(_SAYS_BACKWARDS)


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("jane says:\n\ngreat post", True),
        ("hans schreibt：danke", True),
        ("анна написала: спасибо", True),
        ("marie a dit : merci", True),
        ("john said... thanks", True),
        ("田中说…谢谢", True),
        ("see the wiki: it says nothing", True),  # ("ki:", as the forward regex reads it)
        ("jane says\n\nno colon after the verb", False),
        ("note: nothing said here", False),
    ],
)
def test_a_says_line_is_found_backwards(text: str, holds: bool) -> None:
    assert (_SAYS_COLON.search(text) is not None) is holds
    assert any(key in text for key in _SAYS_KEYS) is holds
    assert SAYS.holds(RawText(text)) is holds


def test_backwards_finds_what_forwards_finds() -> None:
    chance = random.Random(11)
    alphabet = "sayd wrotki:：.…говрлнап说말tdcé"
    for _ in range(50_000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 14)))
        assert SAYS.holds(RawText(text)) is (_SAYS_COLON.search(text) is not None), text
