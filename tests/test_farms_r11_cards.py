"""BP135 related-post-cards and BP136 post-navigation-cards: widgets a converter left in pieces."""

from __future__ import annotations

import pytest

import mdclean

PROSE = (
    "The migration took three weeks, mostly because the old build scripts had grown around "
    "assumptions nobody had written down, and every step uncovered another one of them."
)
CLOSING = "## Comments"


def _fixed(text: str, *codes: str) -> str:
    config = mdclean.Config(select=codes or ("BP135", "BP136"))
    return mdclean.fix(text, config=config, unsafe=True).text


def _page(widget: str, newline: str = "\n") -> str:
    lines = ["# Build times", "", PROSE, "", *widget.split("\n"), "", CLOSING, ""]
    return newline.join(lines)


def _without(newline: str = "\n") -> str:
    return newline.join(["# Build times", "", PROSE, "", CLOSING, ""])


CUT_CARDS = """## Related posts

[![](https://blog.example.com/img/grind.jpg)

### How to grind coffee at home

Grinding right before brewing keeps the aroma.](https://blog.example.com/2023/04/grind/)

[![](https://blog.example.com/img/sour.jpg)

### Why espresso tastes sour

Sour shots usually mean under-extraction.](https://blog.example.com/2023/06/sour/)"""


@pytest.mark.parametrize(
    "widget",
    [
        CUT_CARDS,
        # a grid of cards kept as a table (Korean label)
        "### 이 글과 관련된 글\n\n"
        "| [집에서 커피 가는 법](https://example.tistory.com/12) "
        "| [에스프레소가 신 이유](https://example.tistory.com/14) |\n| --- | --- |",
        # a category before each title
        "**Artikel Terkait**\n\n"
        "- Kopi · [Cara menggiling kopi](https://blog.example.id/2023/04/giling/)\n"
        "- Espresso · [Kenapa espresso asam](https://blog.example.id/2023/06/asam/)",
        # the date inside each link, the link cut inside its item
        "### More articles\n\n"
        "* [How to grind coffee at home\n  \n  April 12, 2023](https://blog.example.com/2023/04/grind/)\n"
        "* [Why espresso tastes sour\n  \n  June 3, 2023](https://blog.example.com/2023/06/sour/)",
        # cards of a title, an excerpt and a "Read more" link
        "### Other posts you may like\n\n#### How to grind coffee at home\n\n"
        "Grinding right before brewing keeps the aroma.\n\n"
        "[Read more »](https://blog.example.com/2023/04/grind/)\n\n"
        "#### Why espresso tastes sour\n\nSour shots usually mean under-extraction.\n\n"
        "[Read more »](https://blog.example.com/2023/06/sour/)",
    ],
)
def test_related_cards_go_whatever_shape_the_converter_left(widget: str) -> None:
    assert _fixed(_page(widget), "BP135") == _without()


def test_the_last_card_keeps_its_date_as_the_first_one_did() -> None:
    widget = (
        "## Похожие записи\n\n"
        "[![](https://blog.example.ru/a.png)\n\nКак молоть кофе](https://blog.example.ru/grind/)\n\n"
        "12.04.2023\n\n"
        "[![](https://blog.example.ru/b.png)\n\nПочему эспрессо кислит](https://blog.example.ru/sour/)\n\n"
        "03.06.2023"
    )
    assert _fixed(_page(widget), "BP135") == _without()


def test_crlf_and_the_neighbours_stay_byte_for_byte() -> None:
    page = _page(CUT_CARDS, "\r\n")
    fixed = _fixed(page, "BP135")
    assert fixed == _without("\r\n")
    assert _fixed(fixed, "BP135") == fixed  # idempotent


@pytest.mark.parametrize(
    "widget",
    [
        # the page's own sentence introducing an archive list
        "## Archives\n\nOlder releases are kept on the archive page, one per month:\n\n"
        "* [March 2023](https://acme.dev/releases/2023/03/)\n"
        "* [February 2023](https://acme.dev/releases/2023/02/)",
        # a docs manual's related pages in the repository
        "## Related articles\n\n- [Identifying units](identifying-units.md)\n"
        "- [Asset units](../concepts/asset-unit.md)",
        # a reading list whose links go to documentation
        "## Further reading\n\n"
        "- [pg_dump](https://www.postgresql.org/docs/current/app-pgdump.html)\n"
        "- [Upgrading](https://www.postgresql.org/docs/current/upgrading.html)",
        # one post only
        "## Related posts\n\n[![](https://blog.example.com/a.jpg)\n\n"
        "How to grind coffee](https://blog.example.com/2023/04/grind/)",
        # a list whose items are not all links: the page's own notes
        "## Recent posts\n\n* [How to grind coffee](https://blog.example.com/2023/04/grind/)\n"
        "* We also wrote about kettles, but that post is not online any more.",
    ],
)
def test_lists_that_are_the_pages_own_stay(widget: str) -> None:
    page = _page(widget)
    assert _fixed(page, "BP135") == page


NAV_CUT = """[![](https://blog.example.com/img/grind.jpg)

Previous

How to grind coffee at home](https://blog.example.com/2023/04/grind/)

[![](https://blog.example.com/img/sour.jpg)

Next

Why espresso tastes sour](https://blog.example.com/2023/06/sour/)"""


@pytest.mark.parametrize(
    "widget",
    [
        NAV_CUT,
        "[前の記事\n\nコーヒーの挽き方](https://blog.example.jp/entry/2023/04/grind) [次の記事\n\n"
        "エスプレッソが酸っぱい理由](https://blog.example.jp/entry/2023/06/sour)",
        "[\n\n« Article précédent\n\nMoudre son café](https://blog.example.fr/2023/04/moudre/)",
        "[Vorheriger Beitrag\n\n### Kaffee mahlen](https://blog.example.de/2023/04/mahlen/)",
        "### Previous\n\n[How to grind coffee](https://blog.example.com/2023/04/grind/)\n\n"
        "### Next\n\n[Why espresso tastes sour](https://blog.example.com/2023/06/sour/)",
        "이전 글\n\n[집에서 커피 가는 법](https://example.tistory.com/12)\n\n"
        "다음 글\n\n[에스프레소가 신 이유](https://example.tistory.com/14)",
    ],
)
def test_post_navigation_cards_go(widget: str) -> None:
    assert _fixed(_page(widget), "BP136") == _without()


def test_navigation_cards_keep_crlf_and_are_idempotent() -> None:
    fixed = _fixed(_page(NAV_CUT, "\r\n"), "BP136")
    assert fixed == _without("\r\n")
    assert _fixed(fixed, "BP136") == fixed


@pytest.mark.parametrize(
    "widget",
    [
        # a manual's next step: one link, no card
        "### Next\n\n[Configure the server](https://example.com/guide/configure/)",
        # a tutorial's own pages in the repository
        "### Previous\n\n[Installing](install.md)\n\n### Next\n\n[Configuring](configure.md)",
        # a docs site's pager
        "### Previous\n\n[Install](https://docs.example.com/install/)\n\n"
        "### Next\n\n[Configure](https://docs.example.com/configure/)",
        # a word of direction that opens a sentence
        "Next\n\nwe [open the settings](https://blog.example.com/2023/04/settings/) and turn the "
        "cache off, then restart the server and watch the log for a minute or two.",
        # a card whose link has no word of direction
        "[![](https://blog.example.com/a.jpg)\n\nHow to grind coffee](https://blog.example.com/grind/)",
    ],
)
def test_what_is_no_post_navigation_stays(widget: str) -> None:
    page = _page(widget)
    assert _fixed(page, "BP136") == page
