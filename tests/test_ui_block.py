"""``ui-block`` (BP310-BP313): blocks made only of a software's UI strings. What ``cut`` reads
as covered, what it leaves, and the trigger letting through every page the rule acts on."""

from __future__ import annotations

import re

import pytest
from fast_path_checks import builtin_rule, found_both_ways

from mdclean.matchers.ui_block import cut

_STRINGS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in ("add to cart", "sold out", r"[\d.,]+ comments", "カートに追加する", "売り切れ")
)


def _asks(code: str, text: str) -> bool:
    return builtin_rule(code).matcher.may_match(text.lower())


@pytest.mark.parametrize(
    ("text", "strings"),
    [
        ("add to cart | sold out", 2),
        ("sold out · add to cart (2)", 2),
        ("3 comments add to cart", 2),
        ("カートに追加する売り切れ", 2),
        ("add to cart", 1),
    ],
)
def test_cut_covers_strings_and_what_stands_between(text: str, strings: int) -> None:
    cover = cut(text, _STRINGS)
    assert cover is not None and cover.strings == strings


@pytest.mark.parametrize(
    "text", ["add to cart now", "add to carts", "sold outside", "we sold out add to cart"]
)
def test_cut_leaves_a_word_it_does_not_know(text: str) -> None:
    assert cut(text, _STRINGS) is None


@pytest.mark.parametrize(
    "page",
    [
        "Text.\n\nRegular price | Sale price | Sold out\n",
        # Markup inside and around the strings: links, emphasis, line breaks, an image
        "Text.\n\n[Regular price](/p) **Sale** price\nSold ![x](y.png) out\n",
        "Text.\n\n- Votre panier est vide\n- Continuer les achats\n",
        "テキスト。\n\n通常価格セール価格カートに追加する\n",
    ],
)
def test_pages_with_strings_trigger_and_find_both_ways(page: str) -> None:
    assert _asks("BP310", page)
    assert found_both_ways("BP310", page)


@pytest.mark.parametrize(
    "docs",
    [
        "# Accounts\n\nConta contains the account settings.\n\nSubscribe to the events.\n",
        "Set `Sold out` in the theme.\n\n| Add to cart | Sold out |\n| --- | --- |\n",
        "When a product is sold out, the Add to cart button says so.\n",
    ],
)
def test_docs_pages_do_not_find(docs: str) -> None:
    for code in ("BP310", "BP311", "BP312", "BP313"):
        assert found_both_ways(code, docs) == []


def test_a_caption_inside_a_word_does_not_trigger() -> None:
    assert not _asks("BP312", "Contact us about contains().\n\nThe account page.\n")
