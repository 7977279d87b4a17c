"""BP345 (``edge-widget-lines``): widget lines taken from a paragraph's edges, line by line.

Each safe core beside its look-alike; the lines of the paragraph that stay keep every byte;
the trigger says "maybe" wherever ``find`` finds something."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config
from mdclean.fastpath.raw_text import RawText

PROSE = "Heute wird es technisch, denn wir beschäftigen uns mit der Datei und ihren Regeln.\n"


def _fix(text: str, *, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=("BP345",)), unsafe=unsafe).text


def _rule_trigger_holds(text: str) -> bool:
    rule = next(rule for rule in Config().rules if rule.code == "BP345")
    return rule.matcher.may_match(RawText(text.lower()))


def test_a_share_row_of_button_texts_goes_with_safe_fixes() -> None:
    text = "Share on Facebook41Share on Google+13Tweet about this on Twitter\n" + PROSE
    assert _fix(text, unsafe=False) == PROSE


def test_one_share_button_beside_a_byline_label_waits_for_unsafe_fixes() -> None:
    text = "Geschrieben von\nTweet this\n" + PROSE
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == PROSE


def test_a_breadcrumb_from_home_to_the_title_goes_with_safe_fixes() -> None:
    title = "Türkiye’de Engellilere Kanunen Verilen Haklar"
    text = f"Home / Engelli Dostu / {title}\n\n{title}\n\n{PROSE}"
    assert _fix(text, unsafe=False) == f"{title}\n\n{PROSE}"


def test_a_breadcrumb_from_home_to_another_page_waits_for_unsafe_fixes() -> None:
    text = f"Home / Engelli Dostu / Haklar\n\nTürkiye’de Engellilere Kanunen Verilen\n\n{PROSE}"
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == f"Türkiye’de Engellilere Kanunen Verilen\n\n{PROSE}"


def test_a_breadcrumb_that_ends_in_its_arrow_waits_for_unsafe_fixes() -> None:
    title = "Jak rozwój oprogramowania napędza wzrost biznesu?"
    text = f"{title}\n\nBlog >\n\n{title}\n\n{PROSE}"
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == f"{title}\n\n{title}\n\n{PROSE}"


def test_the_lines_that_stay_keep_their_bytes() -> None:
    standfirst = "Un grupo reúne a 755.000 personas  \r\n"
    text = f"{standfirst}por 18 septiembre, 2025\r\nLectura de 2 min\r\n\r\n{PROSE}"
    assert _fix(text, unsafe=True) == f"{standfirst}\r\n{PROSE}"


@pytest.mark.parametrize(
    "text",
    [
        "Monday, March 3, 2025\nToday I finally finished the garden fence.\n",
        "My trip\n\n3 May 2024\n\nWe left early and drove to the coast for the whole long day there.\n",
        "Open Settings > Privacy > Cookies\nto change it.\n",
        "Author: Atishay Jain\nPublisher: Manning Publications\n",
        "By default, this cmdlet returns no output.\nIt writes nothing.\n",
        "Ik hoop dat u mijn verzoek wilt overwegen.\nJan de Vries\nAmsterdam, 12 maart 2024\n",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert _fix(text, unsafe=True) == text


@pytest.mark.parametrize(
    "text",
    [
        "Title of the post here\n\nby Jane Roe 53 views\n\n" + PROSE,
        "Title of the post here\n\nPosted by Jane on March 3, 2024\n\n" + PROSE,
        "---\ntitle: x\n```\n---\n\nA title of the page\n\nEscrito por Adrian Diaz\n\n" + PROSE,
        "10\nmin czytania\n20.10.2025\n\n" + PROSE,
    ],
)
def test_the_trigger_holds_where_a_line_goes(text: str) -> None:
    assert _fix(text, unsafe=True) != text
    assert _rule_trigger_holds(text)


def test_a_row_of_controls_from_home_goes_with_unsafe_fixes() -> None:
    text = "Inicio | Anterior | Imprimir\n" + PROSE
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == PROSE


def test_a_row_of_two_pager_captions_stays() -> None:
    text = PROSE + "Previous | Next\n"
    assert _fix(text, unsafe=True) == text


def test_one_long_ui_family_string_is_a_widget_line_and_a_short_one_waits_for_another() -> None:
    assert _fix("Powered by giscus\n" + PROSE, unsafe=True) == PROSE
    text = "Subscribe\n" + PROSE
    assert _fix(text, unsafe=True) == text


def test_a_tail_a_colon_opens_stays_and_a_share_label_goes_with_its_buttons() -> None:
    text = "Der Kanal zeigt zwei Zeilen:\nStartseite | Drucken\n"
    assert _fix(text, unsafe=True) == text
    text = PROSE + "Compartilhe isso:\nTweet\n"
    assert _fix(text, unsafe=True) == PROSE


def test_a_run_of_template_strings_goes_with_safe_fixes() -> None:
    text = "Thanks for reading, see you next week.\nLeave a Reply\nCancel reply\n\n" + PROSE
    assert _fix(text, unsafe=False) == "Thanks for reading, see you next week.\n\n" + PROSE


def test_one_template_string_beside_a_date_waits_for_unsafe_fixes() -> None:
    text = "Thanks for reading, see you next week.\nLeave a Reply\n3 May 2024\n\n" + PROSE
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == "Thanks for reading, see you next week.\n\n" + PROSE


def test_a_run_inside_a_paragraph_keeps_the_lines_around_it() -> None:
    head = "Das war der letzte Teil der Reihe.\n"
    tail = "Der nächste Teil erscheint im März, dann geht es um Backups.\n"
    text = f"{head}Schlagwörter\nDocker\n4\nLinux\n3\nPython\n7\n{tail}"
    assert _fix(text, unsafe=True) == head + tail


def test_a_colon_opens_a_run_inside_a_paragraph() -> None:
    text = "The comment form's buttons read:\nLeave a Reply\nCancel reply\nThat is all.\n"
    assert _fix(text, unsafe=True) == text


def test_the_template_strings_of_a_run_go_with_safe_fixes_and_the_rest_waits() -> None:
    head = "Thanks for reading, see you next week.\n"
    text = f"{head}Leave a Reply\nCancel reply\n3 May 2024\n\n{PROSE}"
    assert _fix(text, unsafe=False) == f"{head}3 May 2024\n\n{PROSE}"
    assert _fix(text, unsafe=True) == f"{head}\n{PROSE}"
