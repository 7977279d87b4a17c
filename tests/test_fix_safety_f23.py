"""Session 23's safe cores for a site's legal footer (BP490), each beside its look-alike: a
copyright line with a year or a rights phrase at a page's end goes with plain ``--fix``; one
without either waits for ``--unsafe-fixes`` unless the run holds a safe core; a legal menu goes
safely when its links lead to one site, never when they are a manual's page-relative links; an
imprint label goes only in a run that holds other evidence; a licence, a reprint's copyright
line, a quoted reservation and a copyright line followed by prose stay."""

from __future__ import annotations

from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

ARTICLE = (
    "# Prices of mangos rise again\n\n"
    "Mangos and papayas cost more this summer because freight from South America and Asia has "
    "risen sharply and many containers are missing. Traders at the market report increases of "
    "up to thirty percent, and nobody expects the prices to fall before the winter.\n"
)
MENU = (
    "* [Privacy policy](https://www.news.example.com/privacy/)\n"
    "* [Terms of use](https://www.news.example.com/terms/)\n"
    "* [Contact](/contact/)\n"
)


def test_copyright_line_with_a_year_goes_safely() -> None:
    page = f"{ARTICLE}\n© 2003 - 2017 Example News\n"
    assert _safe("BP490", page) == ARTICLE


def test_copyright_line_with_the_reservation_goes_safely() -> None:
    page = f"{ARTICLE}\nExample News | Todos los derechos reservados\n"
    assert _safe("BP490", page) == ARTICLE


def test_copyright_line_without_year_waits_for_unsafe_fixes() -> None:
    page = f"{ARTICLE}\nCopyright © Example News\n"
    assert _safe("BP490", page) == page
    assert _unsafe("BP490", page) == ARTICLE


def test_copyright_line_without_year_goes_with_a_safe_menu() -> None:
    page = f"{ARTICLE}\n{MENU}\nCopyright © Example News\n"
    assert _safe("BP490", page) == ARTICLE


def test_legal_menu_to_one_site_goes_safely() -> None:
    page = f"{ARTICLE}\n{MENU}"
    assert _safe("BP490", page) == ARTICLE


def test_manual_links_to_its_own_privacy_page_stay() -> None:
    menu = "* [Privacy policy](privacy.md)\n* [Terms of use](terms.md)\n"
    page = f"{ARTICLE}\n{menu}"
    assert _unsafe("BP490", page) == page


def test_menu_of_many_sites_waits_for_unsafe_fixes() -> None:
    menu = (
        "* [Privacy](https://one.example.com/privacy/)\n* [Terms](https://two.example.org/terms/)\n"
    )
    page = f"{ARTICLE}\n{menu}"
    assert _safe("BP490", page) == page
    assert _unsafe("BP490", page) == ARTICLE


def test_imprint_label_alone_stays() -> None:
    page = f"{ARTICLE}\nГлавный редактор: Иванова Мария Петровна\n"
    assert _unsafe("BP490", page) == page


def test_imprint_label_goes_with_the_copyright_line() -> None:
    page = f"{ARTICLE}\nГлавный редактор: Иванова Мария\n\nCopyright (с) ООО «Пример», 2019.\n"
    assert _safe("BP490", page) == ARTICLE


def test_copyright_line_followed_by_prose_stays() -> None:
    prose = (
        "Thanks to everyone who sent patches and reports over the years; this release is yours "
        "as much as mine.\n"
    )
    page = f"{ARTICLE}\n© 2024 Jane Doe\n\n{prose}"
    assert _unsafe("BP490", page) == page


def test_licence_line_stays() -> None:
    page = f"{ARTICLE}\n© 2024 The Authors, MIT licence\n"
    assert _unsafe("BP490", page) == page


def test_licence_heading_keeps_its_copyright_line() -> None:
    page = f"{ARTICLE}\n## License\n\nCopyright (c) 2024 Jane Doe\n"
    assert _unsafe("BP490", page) == page


def test_reprint_copyright_line_stays() -> None:
    page = f"{ARTICLE}\nOriginally published by Fast Company\n\nCopyright © 2022 Mansueto Ventures LLC.\n"
    assert _unsafe("BP490", page) == page


def test_quoted_reservation_stays() -> None:
    page = f'{ARTICLE}\nMany still end their colophon with "All rights reserved."\n'
    assert _unsafe("BP490", page) == page


def test_page_without_article_text_stays() -> None:
    page = "# Legal\n\n© 2024 Example News. All rights reserved.\n"
    assert _unsafe("BP490", page) == page


def test_year_led_line_alone_stays() -> None:
    page = f"{ARTICLE}\n2014 Example Trading Co., Ltd.\n"
    assert _unsafe("BP490", page) == page


def test_year_led_line_goes_with_a_registration() -> None:
    page = f"{ARTICLE}\n2014 Example Trading Company\n\n京ICP备14027177号-1\n"
    assert _safe("BP490", page) == ARTICLE
