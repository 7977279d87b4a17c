"""The tail of a converter's whole-page output read as a region (session 30, T30; BP307): the
site's pool of links after the article's prose core goes with ``--unsafe-fixes``; the article's
closing lines, a docs page's "See also", a post's sources and a short list of links stay."""

from __future__ import annotations

import mdclean

HEAD = '---\nsource: "https://zeitung.example.de/politik/haushalt-2025-123.html"\n---\n'
PROSE = (
    "# Der Haushalt steht\n\n"
    "Nach langen Verhandlungen hat sich die Koalition in der Nacht auf den Haushalt für das "
    "kommende Jahr geeinigt. Die Ausgaben für Bildung steigen, bei der Verwaltung wird gespart.\n\n"
    "Die Opposition kritisierte die Einigung als unausgewogen und kündigte an, im Ausschuss "
    "eigene Vorschläge vorzulegen. Die Abstimmung im Parlament ist für Dezember geplant.\n"
)
MENUS = (
    "\nRubriken\n\n"
    "* [Startseite](/)\n* [Politik](/politik)\n* [Wirtschaft](/wirtschaft)\n"
    "* [Kultur](/kultur)\n\n"
    "Service\n\n"
    "* [Impressum](/impressum)\n* [Datenschutz](/datenschutz)\n* [Kontakt](/kontakt)\n"
    "* [Abonnement](https://abo.zeitung.example.de/)\n"
)
TEASERS = "\n## Weitere Nachrichten\n\n" + "".join(
    f"#### [Meldung {n}: Die Stadt plant neu](https://zeitung.example.de/lokal/meldung-{n})\n"
    for n in range(1, 9)
)


def _fixed(text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=mdclean.Config(select=("BP307",)), unsafe=unsafe).text


def test_the_site_menus_after_the_prose_go() -> None:
    assert _fixed(HEAD + PROSE + MENUS) == HEAD + PROSE


def test_teasers_wait_for_unsafe_fixes() -> None:
    text = HEAD + PROSE + TEASERS
    assert _fixed(text, unsafe=False) == text


def test_plain_fix_leaves_menu_lines_whose_only_marks_are_captions() -> None:
    # (the menu's and the legal lines' captions are one kind of mark, whatever their families,
    # session 30: the region's reading needs a second kind, a line printed again or links that
    # all lead outward, so the menus wait for --unsafe-fixes)
    text = HEAD + PROSE + MENUS
    assert _fixed(text, unsafe=False) == text


def test_the_articles_closing_lines_stay_before_the_pool() -> None:
    closing = (
        "\nQuelle: [dpa](https://www.dpa.example/)\n\nvon [Zeitung](https://zeitung.example.de/)\n"
    )
    assert _fixed(HEAD + PROSE + closing + MENUS) == HEAD + PROSE + closing


def test_teaser_headlines_under_a_caption_go_with_their_caption() -> None:
    assert _fixed(HEAD + PROSE + TEASERS) == HEAD + PROSE


def test_a_short_list_of_the_sites_links_stays() -> None:
    short = "\nMehr zum Thema\n\n* [Steuern](/steuern)\n* [Rente](/rente)\n* [Bildung](/bildung)\n"
    text = HEAD + PROSE + short
    assert _fixed(text) == text


def test_a_see_also_list_of_the_sites_pages_stays() -> None:
    see_also = "\n## Siehe auch\n\n" + "".join(
        f"- [Kapitel {n}](/handbuch/kapitel-{n}/)\n" for n in range(1, 10)
    )
    text = HEAD + PROSE + see_also
    assert _fixed(text) == text


def test_a_list_of_sources_on_other_sites_stays() -> None:
    sources = "\n" + "".join(
        f"- [Studie {n}](https://forschung{n}.example.org/bericht)\n" for n in range(1, 10)
    )
    text = HEAD + PROSE + sources
    assert _fixed(text) == text


def test_a_readme_ending_with_its_documents_stays() -> None:
    # (no sign of a saving: a repository's page links its own files)
    readme = (
        "# Haushalt\n\n"
        + PROSE.split("\n\n", 1)[1]
        + "\n"
        + "".join(f"- [Kapitel {n}](docs/kapitel-{n}.md)\n" for n in range(1, 10))
    )
    assert _fixed(readme) == readme
