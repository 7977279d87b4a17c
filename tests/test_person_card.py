"""BP391 (author and reviewer cards by their avatar), BP392 (a byline by its author link's
WordPress title) and BP393 (Molongui's byline address): each safe core beside its look-alike."""

from __future__ import annotations

import mdclean
from mdclean.config import Config


def _fix(code: str, text: str, *, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=unsafe).text


TITLE = "# Wie man eine langsame Website repariert\n\n"
PROSE = (
    "Die Migration ist abgeschlossen, Ihre Website ist auf dem neuen Server live, und Sie "
    "sind bereit zu feiern, bis die Seiten plötzlich ewig brauchen, um zu laden.\n"
)


def test_a_labelled_avatar_line_and_its_bio_go_with_safe_fixes() -> None:
    card = (
        "Geschrieben von: Autor-Avatar Joella Dunn\n"
        "Autor-Avatar Joella Dunn\n"
        "Joella ist eine Autorin mit langjähriger Erfahrung in WordPress und Wartung.\n\n"
    )
    assert _fix("BP391", TITLE + card + PROSE, unsafe=False) == TITLE + PROSE


def test_an_unlabelled_avatar_line_with_its_bio_waits_for_unsafe_fixes() -> None:
    card = (
        "Autor-Avatar Joella Dunn\n"
        "Joella ist eine Autorin mit langjähriger Erfahrung in WordPress und Wartung.\n\n"
    )
    text = TITLE + card + PROSE
    assert _fix("BP391", text, unsafe=False) == text
    assert _fix("BP391", text, unsafe=True) == TITLE + PROSE


def test_an_avatar_word_before_a_name_alone_stays() -> None:
    text = TITLE + "Avatar Stack Example\n\nShow several users' pictures in a row.\n"
    assert _fix("BP391", text, unsafe=True) == text


def test_a_closing_picture_card_after_the_article_goes_and_an_opening_one_stays() -> None:
    card = (
        "![](https://cdn.example.com/uploads/2024/03-jdiwali.jpg) Jana Diwali\n\n"
        "Jana Diwali previously worked as Director of Solutions Engineering at Example.\n"
    )
    assert _fix("BP391", TITLE + PROSE + "\n" + card, unsafe=True) == TITLE + PROSE
    opening = TITLE + card + "\n" + PROSE
    assert _fix("BP391", opening, unsafe=True) == opening


BYLINE = 'Von [Anna Berg](https://blog.example.de/author/anna/ "Beiträge von Anna Berg")\n\n'


def test_a_byline_whose_link_title_is_the_template_filled_with_its_text_goes() -> None:
    assert _fix("BP392", TITLE + BYLINE + PROSE, unsafe=False) == TITLE + PROSE


def test_a_link_title_that_only_holds_the_text_stays() -> None:
    other = 'Von [Anna](https://blog.example.de/author/anna/ "Beiträge von Anna Berg")\n\n'
    text = TITLE + other + PROSE
    assert _fix("BP392", text, unsafe=True) == text


def test_the_titled_link_between_paragraphs_of_prose_stays() -> None:
    text = TITLE + PROSE + "\n" + BYLINE + PROSE
    assert _fix("BP392", text, unsafe=True) == text


def test_molongui_byline_goes_and_a_sentence_naming_the_address_stays() -> None:
    byline = "A cura di:[Redazione](#molongui-disabled-link)  Ore 6 Settembre 2026\n\n"
    assert _fix("BP393", TITLE + byline + PROSE, unsafe=False) == TITLE + PROSE
    sentence = (
        "After the update every guest author's name linked to "
        "[a dead anchor](#molongui-disabled-link) until we turned the archives back on.\n"
    )
    assert _fix("BP393", TITLE + sentence, unsafe=True) == TITLE + sentence
