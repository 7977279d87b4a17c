"""BP560-BP562 (``notice-lines``): a site's notices as paragraphs or as a text copy's lines."""

from __future__ import annotations

import mdclean

CODES = ("BP560", "BP561", "BP562")
PROSE = (
    "The committee will publish its full report in the spring, the minister said.\n"
    "Opposition parties said they would study the proposals before taking a position.\n"
)


def _codes(text: str) -> list[str]:
    return [v.code for v in mdclean.lint(text, config=mdclean.Config(select=CODES))]


def _fixed(text: str) -> str:
    config = mdclean.Config(select=CODES)
    result = mdclean.fix(text, config=config, unsafe=True)
    assert result.converged
    assert mdclean.fix(result.text, config=config, unsafe=True).text == result.text
    return result.text


def test_a_text_copys_notice_lines_go_and_the_lines_around_them_stay() -> None:
    text = (
        PROSE + "The views expressed in this article do not necessarily reflect those of Example.\n"
        "Published 29/06/2019 15:12\n"
        "An error occurred. Please try again later.\n"
        "Suggest an article\n"
    )
    assert _fixed(text) == PROSE + "Published 29/06/2019 15:12\nSuggest an article\n"


def test_a_notice_of_two_lines_goes_whole() -> None:
    text = (
        PROSE + "Fehler auf taz.de entdeckt?\n"
        "Wir freuen uns über eine Mail an fehlerhinweis@taz.de!\n"
        "Inhaltliches Feedback?\n"
    )
    assert _fixed(text) == PROSE + "Inhaltliches Feedback?\n"


def test_a_wrapped_line_of_prose_keeps_its_line() -> None:
    text = (
        "The editor wrote that the policy was clear and that\n"
        "the views expressed here do not reflect those of the owners.\n"
        "She was quoting the founding charter of the paper.\n"
    )
    assert _codes(text) == []


def test_a_line_under_a_sentence_that_runs_on_keeps_its_line() -> None:
    text = (
        "When the dialog came up, the screen showed a long message that read\n"
        "An error occurred. Please try again later.\n"
        "and nothing else, so we called support.\n"
    )
    assert _codes(text) == []


def test_lines_a_list_item_runs_on_are_read_but_not_its_own_line() -> None:
    text = (
        "Intro paragraph of the page, long enough to be prose in any reading of it.\n\n"
        "* Все поля обязательны для заполнения\n"
        "Удалить профиль\n"
        "Вы уверены, что хотите удалить ваш профиль?\n"
        "ДаНет\n"
    )
    assert "Вы уверены" not in _fixed(text)
    own = "* An error occurred. Please try again later.\n* Second item of the list\n"
    assert _codes(own) == []


def test_a_quote_and_a_sentence_that_quotes_the_message_stay() -> None:
    text = (
        "> The views expressed here do not necessarily reflect those of the magazine.\n\n"
        'If the app says "Something went wrong. Please try again." clear its cache.\n'
    )
    assert _codes(text) == []
