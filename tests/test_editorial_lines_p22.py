"""Session 22's editorial lines, each beside its look-alike: the page's <title> echoed as its first
line (BP480), a reporter's byline with a mail address (BP481) or a newsroom credit (BP485), a
timestamp above or below the article (BP482), a newsletter box's heading and its one line
(BP483), an offer of a free e-book, the magazine or the app (BP484), an author card under "About
[Name](/author/name/)" (BP041), a Korean news footer's statutory lines (BP141) and a noscript
box (BP250). Every rule here is unsafe but BP041's card and BP250's notice."""

from __future__ import annotations

import pytest
from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

PROSE_DE = (
    "Die Preise für Mangos und Papayas sind in Hamburg gestiegen, weil weniger Flugzeuge fliegen "
    "und die Fracht in den Bäuchen der Passagiermaschinen fehlt, sagt die Chefin des Großmarkts, "
    "die seit Jahren den Handel mit exotischen Früchten in der Stadt beobachtet und die Händler "
    "in der großen Halle am Oberhafen berät."
)
MENU = (
    "* [Politik](https://www.example-zeitung.de/politik/)\n"
    "* [Wirtschaft](https://www.example-zeitung.de/wirtschaft/)\n"
    "* [Sport](https://www.example-zeitung.de/sport/)\n"
)


# --- BP480: the <title> echoed as the first line -------------------------------------------


def test_title_echo_goes_when_a_later_heading_is_its_title() -> None:
    page = (
        "Warum Mangos jetzt teurer sind - Hamburger Abendblatt\n\n"
        f"{MENU}\n# Warum Mangos jetzt teurer sind\n\n{PROSE_DE}\n"
    )
    fixed = _unsafe("BP480", page)
    assert fixed.startswith("* [Politik]")
    assert "# Warum Mangos jetzt teurer sind" in fixed
    assert _safe("BP480", page) == page  # no crawler's note: unsafe only


def test_title_echo_is_safe_on_a_page_that_notes_its_address() -> None:
    page = (
        "---\nurl: https://www.example-zeitung.de/wirtschaft/mangos/\n---\n"
        "Hamburger Abendblatt | Warum Mangos jetzt teurer sind\n\n"
        f"# Warum Mangos jetzt teurer sind\n\n{PROSE_DE}\n"
    )
    assert "Hamburger Abendblatt |" not in _safe("BP480", page)


@pytest.mark.parametrize(
    "page",
    [
        # a project's name (fewer than three words) over its section
        "mdclean - lint and clean Markdown scraped from the web\n\n## mdclean\n\nInstall it.\n",
        # the sides name nothing later in the page
        f"Paris - Berlin - Warsaw: three cities by night train\n\n{PROSE_DE}\n",
        # the page opens with the author's heading
        f"# Warum Mangos jetzt teurer sind - Hamburg\n\nWarum Mangos jetzt teurer sind\n\n{PROSE_DE}\n",
    ],
)
def test_title_echo_look_alikes_stay(page: str) -> None:
    assert _unsafe("BP480", page) == page


# --- BP481 / BP485: bylines and newsroom credits --------------------------------------------


def test_reporter_byline_with_a_mail_address_goes_anywhere() -> None:
    page = (
        f"{PROSE_DE}\n\n홍길동 기자 hong@example.co.kr\n\n{PROSE_DE}\n\n"
        "By Jane Roe, jane.roe@example.com\n"
    )
    assert _unsafe("BP481", page) == f"{PROSE_DE}\n\n{PROSE_DE}\n"


@pytest.mark.parametrize(
    "line",
    [
        "Write to Jane Roe at jane.roe@example.com with your questions.",
        "Jane Roe jane.roe@example.com",  # no title: a contact
        "Text user@example.com",  # a word glued to the address is no name
    ],
)
def test_reporter_byline_look_alikes_stay(line: str) -> None:
    page = f"{PROSE_DE}\n\n{line}\n"
    assert _unsafe("BP481", page) == page


def test_newsroom_credit_goes_in_the_tail_and_stays_between_long_paragraphs() -> None:
    tail = f"# Titel\n\n{PROSE_DE}\n\nRedaktion: Jan Roe\n"
    assert _unsafe("BP485", tail) == f"# Titel\n\n{PROSE_DE}\n"
    middle = f"# Titel\n\n{PROSE_DE}\n\nRedaktion: Jan Roe\n\n{PROSE_DE}\n"
    assert _unsafe("BP485", middle) == middle


def test_newsroom_credit_name_before_title_only_without_capitals() -> None:
    korean = f"# 제목\n\n{PROSE_DE}\n\n박준석 기자\n"
    assert _unsafe("BP485", korean) == f"# 제목\n\n{PROSE_DE}\n"
    english = f"# Title\n\n{PROSE_DE}\n\n[Dialog Editor](../windows/dialog-editor.md)\n"
    assert _unsafe("BP485", english) == english


# --- BP482: a timestamp above or below the article ------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "Fr, 15.05.2020, 07.11 Uhr",
        "20/11/2019 / 11:54 am",
        "15 Mai 2019 à 06h00",
        "2018-09-28 17:32",
    ],
)
def test_timestamp_after_the_article_of_a_saved_page_goes(stamp: str) -> None:
    page = f"{MENU}\n# Titel\n\n{PROSE_DE}\n\n{stamp}\n"
    assert _unsafe("BP482", page) == f"{MENU}\n# Titel\n\n{PROSE_DE}\n"


@pytest.mark.parametrize(
    "page",
    [
        f"{MENU}\n# Tagebuch\n\n{PROSE_DE}\n\n15.05.2020\n",  # a date alone
        f"{MENU}\n# Tagebuch\n\n{PROSE_DE}\n\n2020-05-15 14:00 Treffen mit dem Team\n",
        f"# Log\n\n{PROSE_DE}\n\n2024-03-03 14:02:11\n",  # no sign of a saving
        f"{MENU}\n# Log\n\n{PROSE_DE}\n\n2024-03-03 14:02:11\n\n{PROSE_DE}\n",  # mid-article
    ],
)
def test_timestamp_look_alikes_stay(page: str) -> None:
    assert _unsafe("BP482", page) == page


# --- BP483 / BP484: newsletter box, lead magnets --------------------------------------------


def test_newsletter_heading_box_goes_and_a_section_about_a_newsletter_stays() -> None:
    box = (
        f"{PROSE_DE}\n\n### Immobilien-Newsletter für Hamburg\n\n"
        "Bleiben sie auf dem Laufenden rund um die Themen Immobilien, Wohnen & Stadtentwicklung\n\n"
        f"### Handel\n\n{PROSE_DE}\n"
    )
    assert _unsafe("BP483", box) == f"{PROSE_DE}\n\n### Handel\n\n{PROSE_DE}\n"
    section = (
        "## Der Newsletter des Vereins\n\n"
        "Der Verein druckt seinen Newsletter seit 1962, und jede Ausgabe nennt die Treffen.\n"
    )
    assert _unsafe("BP483", section) == section


def test_lead_magnet_offer_goes_and_an_article_sentence_stays() -> None:
    offer = f'# Título\n\n{PROSE_DE}\n\nBaixe agora o ebook "As 5 Etapas"\n\n{PROSE_DE}\n'
    assert _unsafe("BP484", offer) == f"# Título\n\n{PROSE_DE}\n\n{PROSE_DE}\n"
    sentence = (
        f"# Title\n\n{PROSE_DE}\n\nDownload the free e-book from Project Gutenberg, then open "
        "chapter three in any reader.\n"
    )
    assert _unsafe("BP484", sentence) == sentence


# --- BP041: "About [Name](/author/name/)" ---------------------------------------------------


def test_about_heading_linking_the_author_page_opens_a_safe_card() -> None:
    card = (
        f"{PROSE_DE}\n\n#### Sobre [Carlos Nadalim](https://blog.example.com.br/author/carlos/)\n\n"
        "Pai de Francesco e Teresa, Carlos é coordenador pedagógico e co-fundador do blog.\n\n"
        "[Facebook](https://www.facebook.com/carlos.example)\n\n### Artigos relacionados\n"
    )
    assert "Sobre" not in _safe("BP041", card)
    project = (
        f"{PROSE_DE}\n\n## About [Example Tool](https://example.org/tool/)\n\n"
        "Example Tool is a command line program that checks links in Markdown files.\n\n"
        "[GitHub](https://github.com/example)\n"
    )
    assert _unsafe("BP041", project) == project


# --- BP141 / BP250: Korean news footer, noscript box ----------------------------------------


def test_korean_news_footer_statutory_lines_go() -> None:
    page = (
        f"# 제목\n\n{PROSE_DE}\n\n"
        "[광고제휴문의 /](http://www.example.co.kr/adguide.html)\n"
        "[개인정보취급방침 /](http://www.example.co.kr/privacy.html)\n"
        "[찾아오시는길](http://www.example.co.kr/map.html)\n\n"
        "[ 발행인 및 편집인 : 최명희 ]\n[ 등록번호 : 서울, 아02321 ]\n"
        "Copyright © 2018 Example.co.kr\n"
    )
    fixed = _unsafe("BP141", page)
    assert "발행인" not in fixed and "광고제휴문의" not in fixed
    assert PROSE_DE in fixed


def test_noscript_box_goes_and_a_howto_step_stays() -> None:
    page = (
        f"{PROSE_DE}\n\nSie haben Javascript für Ihren Browser deaktiviert.  \n"
        "Aktivieren Sie Javascript in Ihren Einstellungen, um unsere Artikel wie gewohnt lesen "
        "zu können.\n"
    )
    assert _safe("BP250", page) == f"{PROSE_DE}\n"
    step = f"{PROSE_DE}\n\nÖffnen Sie die Einstellungen und aktivieren Sie dort Javascript.\n"
    assert _safe("BP250", step) == step
