"""LK008 (``post-navigation-row``): "« older post | newer post »" rows by their arrows."""

from __future__ import annotations

import mdclean
from mdclean import Config

LK008 = Config(select=("LK008",), unsafe_fixes=True)
OLDER = "https://blog.example.com/2023/04/grind-coffee/"
NEWER = "https://blog.example.com/2023/06/sour-espresso/"
LAST = "The article's last paragraph.\r\n"


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=LK008).text


def test_a_row_goes_and_crlf_stays() -> None:
    row = f"[‹ Grinding coffee at home]({OLDER}) &middot; [Sour espresso shots ›]({NEWER})"
    assert _fixed(f"{LAST}\r\n{row}\r\n\r\nMore.\r\n") == f"{LAST}\r\nMore.\r\n"


def test_arrows_that_point_the_same_way_stay() -> None:
    text = f"{LAST}\r\n[Grinding coffee at home »]({OLDER}) [Sour espresso shots »]({NEWER})\r\n"
    assert _fixed(text) == text


def test_a_row_inside_a_list_stays() -> None:
    text = (
        f"{LAST}\r\n- [« Grinding coffee at home]({OLDER}) | [Sour espresso shots »]({NEWER})\r\n"
    )
    assert _fixed(text) == text


def test_one_word_titles_between_arrows_are_no_post_titles() -> None:
    text = f"{LAST}\r\n[« Home]({OLDER}) | [Blog »]({NEWER})\r\n"
    assert _fixed(text) == text


def test_words_of_direction_mark_one_word_titles() -> None:
    text = f"{LAST}\r\n[« Older]({OLDER}) | [Newer »]({NEWER})\r\n\r\nMore.\r\n"
    assert _fixed(text) == f"{LAST}\r\nMore.\r\n"


def test_ascii_double_angles_are_arrows() -> None:
    row = f"<< [Grinding coffee at home]({OLDER}) | [Sour espresso shots]({NEWER}) >>"
    assert _fixed(f"{LAST}\r\n{row}\r\n") == LAST


def test_a_list_of_two_labelled_items_goes() -> None:
    items = f"- Vorheriger Beitrag: [Kaffee mahlen]({OLDER})\r\n- Nächster Beitrag: [Saurer Espresso]({NEWER})\r\n"
    assert _fixed(f"{LAST}\r\n{items}\r\nMehr.\r\n") == f"{LAST}\r\nMehr.\r\n"


def test_a_list_of_three_items_stays() -> None:
    items = (
        f"- Previous post: [Grinding coffee]({OLDER})\r\n- Next post: [Sour espresso]({NEWER})\r\n"
        "- Next week: [Milk foam](https://blog.example.com/2023/07/milk/)\r\n"
    )
    assert _fixed(f"{LAST}\r\n{items}") == f"{LAST}\r\n{items}"


def test_two_sides_that_point_the_same_way_stay() -> None:
    text = (
        f"{LAST}\r\nNext post: [Grinding coffee]({OLDER}) Next week: [Sour espresso]({NEWER})\r\n"
    )
    assert _fixed(text) == text


def test_a_long_label_is_a_sentence() -> None:
    text = (
        f"{LAST}\r\nIn the previous post we saw [Grinding coffee]({OLDER}); "
        f"next: [Sour espresso]({NEWER})\r\n"
    )
    assert _fixed(text) == text


def test_the_first_block_stays() -> None:
    text = f"Previous post: [Grinding coffee]({OLDER}) Next post: [Sour espresso]({NEWER})\r\n"
    assert _fixed(text) == text


def test_two_links_to_one_page_stay() -> None:
    text = (
        f"{LAST}\r\n[« Grinding coffee at home]({OLDER}) | [Grinding it again »]({OLDER}#again)\r\n"
    )
    assert _fixed(text) == text


def test_a_wordpress_screen_reader_word_before_the_label_is_read() -> None:
    link = f"[Anterior: Entrada anterior: Cómo moler el café]({OLDER})"
    text = f"{LAST}\r\n{link}\r\n"
    assert mdclean.fix(text, config=Config(select=("BP037",), unsafe_fixes=True)).text == LAST


def test_the_navigation_heading_goes_with_its_links_and_crlf_stays() -> None:
    text = (
        f"{LAST}\r\nBeitragsnavigation\r\n------------------\r\n\r\n"
        f"[Vorheriger Beitrag: Kaffee mahlen]({OLDER})\r\n\r\n## Kommentare\r\n"
    )
    assert (
        mdclean.fix(text, config=Config(select=("BP042",))).text == f"{LAST}\r\n## Kommentare\r\n"
    )


def test_a_navigation_title_with_markup_inside_stays() -> None:
    text = f"{LAST}\r\n## *Post* navigation\r\n\r\n[Older post]({OLDER})\r\n"
    assert mdclean.fix(text, config=Config(select=("BP042",))).text == text


def test_paths_from_the_site_root_are_one_site() -> None:
    items = (
        "- [← Grinding coffee at home](/blog/grind/)\r\n- [Sour espresso shots →](/blog/sour/)\r\n"
    )
    assert _fixed(f"{LAST}\r\n{items}") == LAST


def test_a_root_path_and_another_site_are_two_sites() -> None:
    row = f"[← Grinding coffee at home](/blog/grind/) [Sour espresso shots →]({NEWER})"
    text = f"{LAST}\r\n{row}\r\n"
    assert _fixed(text) == text
