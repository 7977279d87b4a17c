"""LK006 (site menu at the end of a page) and the copyright line LK004 and LK006 take along."""

from __future__ import annotations

import mdclean
from mdclean import Config

LK004 = Config(select=("LK004",), unsafe_fixes=True)
LK006 = Config(select=("LK006",), unsafe_fixes=True)

ARTICLE = "The article's last paragraph, long enough to be prose and not a label.\r\n"
MENU = (
    "[Home](https://blog.example.com/) | [About](https://blog.example.com/about/) | "
    "[Contact](https://blog.example.com/contact) | [Privacy](https://blog.example.com/privacy) | "
    "[Terms](https://blog.example.com/terms)\r\n"
)
RELATED = (
    "- [How to grind coffee beans at home](https://blog.example.com/grind-coffee-beans/)\r\n"
    "- [The best water temperature for tea](https://blog.example.com/water-temperature-tea/)\r\n"
    "- [Why your espresso tastes sour today](https://blog.example.com/sour-espresso/)\r\n"
)


def _fixed(text: str, config: Config) -> str:
    return mdclean.fix(text, config=config).text


def test_a_menu_and_its_copyright_line_go_and_crlf_stays() -> None:
    text = f"{ARTICLE}\r\n{MENU}\r\n© 2024 Example Blog\r\n"
    assert _fixed(text, LK006) == ARTICLE


def test_a_page_without_a_final_line_break_keeps_none() -> None:
    assert _fixed(f"{ARTICLE}\r\n{MENU}".rstrip("\r\n"), LK006) == ARTICLE.rstrip("\r\n")


def test_a_menu_under_a_heading_is_a_section_and_stays() -> None:
    text = f"{ARTICLE}\r\n## Pages\r\n\r\n{MENU}"
    assert _fixed(text, LK006) == text


def test_a_menu_of_four_pages_stays() -> None:
    four = MENU.rsplit(" | ", 1)[0] + "\r\n"
    assert _fixed(f"{ARTICLE}\r\n{four}", LK006) == f"{ARTICLE}\r\n{four}"


def test_links_to_one_page_four_times_are_no_menu() -> None:
    same = " | ".join(f"[Page {n}](https://blog.example.com/about/#p{n})" for n in range(5))
    text = f"{ARTICLE}\r\n{same}\r\n"
    assert _fixed(text, LK006) == text


def test_a_copyright_line_spelt_as_an_entity_is_seen() -> None:
    # The mark is read from the line's visible text: "&copy;" is "©".
    text = f"{ARTICLE}\r\n{RELATED}\r\n&copy; 2024 Example Blog\r\n"
    assert _fixed(text, LK004) == ARTICLE


def test_a_longer_closing_paragraph_keeps_the_related_links() -> None:
    closing = "© 2024 Example Blog. " + "Every word of this long notice counts here. " * 3
    text = f"{ARTICLE}\r\n{RELATED}\r\n{closing.strip()}\r\n"
    assert _fixed(text, LK004) == text


def test_the_copyright_line_alone_is_not_taken() -> None:
    text = f"{ARTICLE}\r\n© 2024 Example Blog\r\n"
    assert _fixed(text, LK004) == text
    assert _fixed(text, LK006) == text
