"""BP240-BP249: promo cards and banners, and the look-alikes their rules' examples cannot show
(a look-alike example must be silent for every rule, and AD009 takes a lone affiliate button)."""

from __future__ import annotations

import mdclean


def _codes(text: str, code: str) -> list[str]:
    return [v.code for v in mdclean.lint(text, config=mdclean.Config(select=(code,)))]


_CARD = """## {n}. Item

[Item {n}](https://www.amazon.es/dp/B00000000{n}?tag=ejemplo-21)

Silencioso y ligero.

[Ver en Amazon](https://www.amazon.es/dp/B00000000{n}?tag=ejemplo-21)
"""


def test_a_roundup_of_products_keeps_its_cards() -> None:
    two = "\n".join(_CARD.format(n=n) for n in (1, 2))
    three = "\n".join(_CARD.format(n=n) for n in (1, 2, 3))
    assert _codes(two, "BP240") == ["BP240", "BP240"]
    assert _codes(three, "BP240") == []


def test_a_review_under_the_title_keeps_the_card() -> None:
    review = (
        "### [The Pragmatic Programmer](https://www.amazon.com/dp/0135957052?tag=example-20)\n\n"
        "I read this book twice, once as a junior and once ten years later, and it reads like a "
        "different book each time: the chapters on tracer bullets and on orthogonality made sense "
        "only after I had shipped a few systems and broken a few of them along the way.\n\n"
        "[Buy on Amazon](https://www.amazon.com/dp/0135957052?tag=example-20)\n"
    )
    assert _codes(review, "BP240") == []


def test_the_same_address_twice_is_safe_and_two_addresses_are_not() -> None:
    card = (
        "Text.\n\n### [Book](https://www.amazon.com/dp/0135957052?tag=example-20)\n\n"
        "[Buy on Amazon]({button})\n"
    )
    same = mdclean.lint(
        card.format(button="https://www.amazon.com/dp/0135957052?tag=example-20"),
        config=mdclean.Config(select=("BP240",)),
    )
    other = mdclean.lint(
        card.format(button="https://amzn.to/3xAmPlE"), config=mdclean.Config(select=("BP240",))
    )
    assert [v.fix.applicability.value for v in same if v.fix] == ["safe"]
    assert [v.fix.applicability.value for v in other if v.fix] == ["unsafe"]


def test_a_sentence_between_two_buttons_ends_the_card() -> None:
    text = (
        "Text.\n\n### [Book](https://www.amazon.com/dp/0135957052?tag=example-20)\n\n"
        "[Buy on Amazon](https://www.amazon.com/dp/0135957052?tag=example-20)\n\n"
        "Another option is the second edition.\n\n"
        "[Buy it](https://www.amazon.com/dp/0135957053?tag=example-20)\n"
    )
    found = mdclean.lint(text, config=mdclean.Config(select=("BP240",)))
    assert [(v.line, v.end_line) for v in found] == [(3, 5)]


_KAEREBA = """[![](https://images.example.jp/{n}.jpg)](https://af.moshimo.com/af/c/click?a_id=1&p_id=170&url={n})

[商品{n}](https://af.moshimo.com/af/c/click?a_id=1&p_id=170&url={n})

posted with [カエレバ](https://kaereba.com)

メーカー{n}

[Amazon](https://af.moshimo.com/af/c/click?a_id=1&p_id=170&url={n})

[楽天市場](https://af.moshimo.com/af/c/click?a_id=2&p_id=54&url={n})
"""


def test_a_box_plugins_cards_go_even_in_a_roundup_and_safely() -> None:
    text = "本文です。\n\n" + "\n本文の続きです。\n\n".join(_KAEREBA.format(n=n) for n in (1, 2, 3))
    found = mdclean.lint(text, config=mdclean.Config(select=("BP240",)))
    assert [v.fix.applicability.value for v in found if v.fix] == ["safe"] * 3
    fixed = mdclean.fix(text, config=mdclean.Config(select=("BP240",))).text
    assert "カエレバ" not in fixed and "本文の続きです。" in fixed
