"""A long text's literal questions: its distinct runs (``fragments``), then, once it has been
asked about many strings, the three-character pieces of those runs rule a string out before any
scan (``raw_text.holds_bare``). The answer is always ``string in text``."""

from __future__ import annotations

import string as strings

from hypothesis import given
from hypothesis import strategies as st

from mdclean.fastpath import raw_text
from mdclean.fastpath.raw_text import FRAGMENTS_FROM, PIECES_AFTER, RawText, holds_bare

# Few letters, so that strings often stand in the text, and white space of several kinds.
_LETTERS = "abcé\u0131-/"
_TEXT = st.text(alphabet=_LETTERS + " \n\t\u00a0\x85", min_size=0, max_size=200)
_BARE = st.text(alphabet=_LETTERS, min_size=1, max_size=6)


def _long(text: str) -> RawText:
    """The text made long enough to be read by its runs (repeated, with a filler run)."""
    return RawText((text + " ") * (FRAGMENTS_FROM // max(len(text) + 1, 1) + 1) + "zz")


@given(_TEXT, st.lists(_BARE, min_size=1, max_size=20))
def test_every_answer_is_the_scan_of_the_text(text: str, asked: list[str]) -> None:
    raw = _long(text)
    plain = str(raw)
    # Past the questions after which the pieces are read, and before.
    questions = [*asked, *(["q"] * PIECES_AFTER), *asked]
    for question in questions:
        assert holds_bare(raw, question) == (question in plain), question


def test_pieces_are_read_only_after_many_questions() -> None:
    raw = _long("alpha beta gamma")
    for _ in range(PIECES_AFTER - 1):
        assert not holds_bare(raw, "delta")
    assert raw_text._PIECES not in raw.readings
    assert holds_bare(raw, "gamma") and not holds_bare(raw, "ammag")
    assert raw_text._PIECES in raw.readings
    assert holds_bare(raw, "amm") and holds_bare(raw, "zz") and holds_bare(raw, "a")
    assert not holds_bare(raw, "betagamma")  # (two runs: pieces of both, no such string)


def test_short_strings_and_short_texts_are_scanned() -> None:
    raw = _long(strings.ascii_lowercase)
    for _ in range(PIECES_AFTER):
        holds_bare(raw, "xyz")
    assert holds_bare(raw, "q") and holds_bare(raw, "yz") and not holds_bare(raw, "zy")
    short = RawText("abc def")
    assert holds_bare(short, "de") and not holds_bare(short, "cd")
    assert raw_text._PIECES not in short.readings
