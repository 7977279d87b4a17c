"""The hosted site builders' chrome: their template strings (BP385), their cart icon's link
(BP386) and Wix's menu closed by its screen-reader hint (BP387). Each safe core stands beside
its look-alike: if a loose branch went safe, one of them fails."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config

ARTICLE = "We fired the kiln twice this week and lost only one bowl to the cold draught.\n"


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


# BP385: one long exact string alone, or two multi-word strings in one block, are safe.


@pytest.mark.parametrize(
    "chrome",
    ["Use tab to navigate through the menu items.", "Open Menu Close Menu"],
)
def test_a_long_builder_string_or_two_in_a_block_go_with_safe_fixes(chrome: str) -> None:
    assert _safe("BP385", f"{chrome}\n\n{ARTICLE}") == ARTICLE


@pytest.mark.parametrize("chrome", ["top of page", "Powered by Squarespace"])
def test_a_short_builder_string_alone_waits_for_unsafe_fixes(chrome: str) -> None:
    text = f"{chrome}\n\n{ARTICLE}"
    assert _safe("BP385", text) == text
    assert _unsafe("BP385", text) == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "Recent Posts\n\n" + ARTICLE,  # one string of two words
        "Skip to content\n\n" + ARTICLE,  # a skip link is BP045's
        'Wix adds "top of page" to every page as an anchor.\n',
        "Set `Open Menu Close Menu` as the toggle's label.\n",
    ],
)
def test_builder_strings_in_prose_code_or_alone_and_short_stay(text: str) -> None:
    assert _unsafe("BP385", text) == text


# BP386: the cart's address and a count are safe; a word in the link waits.


def test_a_split_cart_link_with_its_count_goes_with_safe_fixes() -> None:
    assert _safe("BP386", f"[\n\n0\n\n](/cart)\n\n{ARTICLE}") == ARTICLE


@pytest.mark.parametrize("link", ["[0](/cart)", '[](/cart "Cart")', "[2](/fr/cart-page)"])
def test_a_cart_link_with_a_count_goes_with_safe_fixes(link: str) -> None:
    assert _safe("BP386", f"{link}\n\n{ARTICLE}") == ARTICLE


def test_a_cart_link_with_a_word_waits_for_unsafe_fixes() -> None:
    text = f"[Cart 2](https://shop.example.com/cart)\n\n{ARTICLE}"
    assert _safe("BP386", text) == text
    assert _unsafe("BP386", text) == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        "Open [your cart](/cart) before you pay.\n",
        "[0](/cartography)\n",
        "[Read the guide to carts and checkouts](/cart)\n",
        "[\n\nHow we pack your order\n\n](/cart)\n",
    ],
)
def test_a_cart_link_in_a_sentence_to_another_page_or_with_a_title_stays(text: str) -> None:
    assert _unsafe("BP386", text) == text


# BP387: the hint closes the list above it when that list is a menu.

MENU = "* [Home](https://example.com)\n* [About us](https://example.com/about)\n* More\n\n"
HINT = "Use tab to navigate through the menu items.\n\n"


def test_a_menu_closed_by_the_wix_hint_goes_with_safe_fixes() -> None:
    assert _safe("BP387", f"# Garden\n\n{MENU}{HINT}{ARTICLE}") == f"# Garden\n\n{ARTICLE}"


def test_a_list_of_sentences_above_the_hint_stays() -> None:
    text = (
        "# Checklist\n\n- Every menu can be reached with the keyboard.\n"
        f"- Submenus open with the space bar.\n\n{HINT}{ARTICLE}"
    )
    assert _unsafe("BP387", text) == text
