"""BP091 (copyright-footer): the footer's menus above the copyright line go with it, and only those."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

TEXT = (
    "The tool reads every file of the folder, cleans it and writes it back, keeping its line "
    "endings and its encoding, and it never touches a file that has nothing to clean.\n\n"
)
LINE = "© 2024 Tool authors\n"


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP091",)), unsafe=True).text


def test_a_menu_of_one_sites_pages_above_the_line_goes_with_it() -> None:
    menu = (
        "* [Impressum](https://www.beispiel.de/impressum/)\n"
        "* [Kontakt](https://www.beispiel.de/kontakt/)\n\n"
        "[Startseite](/) | [Archiv](/archiv/)\n\n"
    )
    assert _fixed(TEXT + menu + LINE) == TEXT.rstrip("\n") + "\n"


def test_a_list_under_its_own_heading_stays() -> None:
    section = (
        "## Links\n\n"
        "* [Website](https://tool.example.com/)\n"
        "* [Changelog](https://tool.example.com/changelog/)\n\n"
    )
    assert _fixed(TEXT + section + LINE) == TEXT + section.rstrip("\n") + "\n"


def test_a_table_of_contents_and_page_relative_links_stay() -> None:
    toc = "* [Install](#install)\n* [Usage](#usage)\n\n"
    manual = "[Next chapter](usage.md) · [Index](index.md)\n\n"
    assert _fixed(TEXT + toc + LINE) == TEXT + toc.rstrip("\n") + "\n"
    assert _fixed(TEXT + manual + LINE) == TEXT + manual.rstrip("\n") + "\n"


def test_links_to_two_sites_are_not_a_footers_menu() -> None:
    links = "[Source](https://github.com/acme/tool) · [Docs](https://tool.example.com/)\n\n"
    assert _fixed(TEXT + links + LINE) == TEXT + links.rstrip("\n") + "\n"
