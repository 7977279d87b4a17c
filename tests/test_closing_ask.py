"""BP160: the pleading sentences at one end of the closing paragraph go, byte for byte."""

from __future__ import annotations

import mdclean
from mdclean.catalogue import builtin_rules

_ARTICLE = (
    "The service has run on the new cluster for three weeks now without a single page to "
    "the engineer on call, which the old one never managed in any week.\n\n"
)
_CONFIG = mdclean.Config(select=("BP160",))


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=_CONFIG, unsafe=True).text


def test_a_trailing_plea_goes_and_the_line_endings_stay() -> None:
    closing = "That is the whole setup, and it ran for a month on two machines."
    text = (
        _ARTICLE
        + closing
        + " If you enjoyed this, **share it** with [friends](https://x.example/s)!\n"
    )
    assert _fixed(text) == _ARTICLE + closing + "\n"
    crlf = text.replace("\n", "\r\n")
    assert _fixed(crlf) == (_ARTICLE + closing + "\n").replace("\n", "\r\n")


def test_the_cut_keeps_the_emphasis_around_the_paragraph() -> None:
    text = (
        _ARTICLE
        + "**All done: the server answers in a hundred milliseconds now. Please share this post with your team!**\n"
    )
    assert (
        _fixed(text)
        == _ARTICLE + "**All done: the server answers in a hundred milliseconds now.**\n"
    )


def test_a_fix_is_idempotent() -> None:
    text = (
        _ARTICLE
        + "That is the whole setup, and it ran for a month on two machines. Please share this post with your team!\n"
    )
    once = _fixed(text)
    assert once != text
    assert _fixed(once) == once


def test_a_plea_above_more_of_the_article_stays() -> None:
    text = (
        "That is the first half. If you enjoyed this, please share it with your team.\n\n"
        + _ARTICLE
    )
    assert _fixed(text) == text


def test_a_paragraph_too_short_to_keep_stays_for_the_block_rule() -> None:
    text = _ARTICLE + "Done. Please share this post with your team!\n"
    assert _fixed(text) == text


def test_the_trigger_rules_out_a_text_without_a_word_of_an_ask() -> None:
    rule = next(r for r in builtin_rules() if r.code == "BP160")
    assert not rule.matcher.may_match("the build ran in ten minutes.\n")
    assert rule.matcher.may_match("great post. please share this post with your team!\n")
