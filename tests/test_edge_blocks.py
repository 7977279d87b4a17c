"""jusText's classes (``block_quality``) and BP275, which removes the bad blocks at a saved page's edges."""

from __future__ import annotations

import mdclean
from mdclean import block_quality as bq

SETTINGS = bq.Settings()
PROSE_EN = (
    "The router's own resolver kept port 53, so the filtering server moved to port 54. Every "
    "client now asks the router, and the router forwards each query to the filter first. It "
    "took an afternoon, and it has run since the spring without a single lost query."
)


def _fix(text: str) -> str:
    config = mdclean.Config(select=("BP275",))
    return mdclean.fix(text, config=config, unsafe=True).text


def test_every_language_has_a_list() -> None:
    wanted = [
        "en",
        "zh",
        "es",
        "ja",
        "de",
        "fr",
        "pt",
        "ru",
        "ko",
        "it",
        "id",
        "tr",
        "pl",
        "nl",
        "vi",
    ]
    assert set(wanted) <= set(bq.languages())
    assert all(len(bq.stopwords(language)) >= 20 for language in wanted)


def test_prose_is_good_and_a_menu_is_bad() -> None:
    blocks = [
        bq.Block(PROSE_EN),
        bq.Block("Home Archive Tags About Contact Privacy Imprint Search Login"),
    ]
    assert bq.classify(blocks, "en", SETTINGS) == [bq.GOOD, bq.BAD]


def test_links_and_copyright_make_a_block_bad() -> None:
    linked = bq.Block("Read more on the blog", link_text="Read more on the blog", links=1)
    assert bq.context_free(linked, "en", SETTINGS) == bq.BAD
    assert bq.context_free(bq.Block("© 2025 Example"), "en", SETTINGS) == bq.BAD


def test_short_blocks_take_their_neighbours_class() -> None:
    blocks = [
        bq.Block(PROSE_EN),
        bq.Block("So it goes."),
        bq.Block(PROSE_EN),
        bq.Block("380 views"),
    ]
    assert bq.classify(blocks, "en", SETTINGS) == [bq.GOOD, bq.GOOD, bq.GOOD, bq.BAD]


def test_scripts_without_spaces_are_read_by_characters() -> None:
    share, by_characters = bq.density("我们在这里使用了一个新的方法，这是我的看法。", "en")
    assert by_characters and share > 0.3
    assert bq.script_language("これは日本語の文です") == "ja"
    assert bq.script_language("이것은 한국어 문장입니다") == "ko"
    assert bq.density("首页 归档 标签 关于 友情链接", "en")[0] < 0.1


def test_the_page_tells_its_language() -> None:
    assert bq.page_language(["Le serveur est dans la cave et il fait du bruit."]) == "fr"
    assert bq.page_language(["Der Server steht im Keller und er ist laut."]) == "de"


PAGE = """---
title: Moving DNS
url: https://blog.example.com/dns/
---

# Moving DNS

{prose}

{closing}

[Home](https://blog.example.com/) [Archive](https://blog.example.com/archive/) [About](https://blog.example.com/about/)

{after}
"""


def test_the_sources_after_the_sites_links_stay() -> None:
    text = PAGE.format(
        prose=PROSE_EN, closing="Thanks for reading!", after="## Sources\n\nRFC 1034, section 3\n"
    )
    assert _fix(text) == text


def test_the_sites_lines_after_its_links_go() -> None:
    text = PAGE.format(prose=PROSE_EN, closing="See you", after="Newsletter\n\nSubscribe now\n")
    assert _fix(text) == text.replace("\nNewsletter\n\nSubscribe now\n", "")


def test_a_page_without_the_sign_of_a_saving_is_not_read() -> None:
    text = f"# Notes\n\n380 views\n\n{PROSE_EN}\n\n[a](https://a.example.org/) [b](https://b.example.org/)\n\nSubscribe now\n"
    assert _fix(text) == text


def test_a_picture_keeps_its_caption_and_a_wrapped_title_its_line() -> None:
    text = (
        "---\ntitle: Moving DNS to port 54 for All\nurl: https://blog.example.com/dns/\n---\n\n"
        "# Moving DNS to port 54 for All\nOur Users\n\n"
        "![The router](https://blog.example.com/router.png)\n\nThe router\n\n"
        f"{PROSE_EN}\n"
    )
    assert _fix(text) == text


def test_a_page_whose_good_blocks_are_no_prose_is_read() -> None:
    text = (
        "---\ntitle: Moving DNS\nurl: https://blog.example.com/dns/\n---\n\n# Moving DNS\n\n"
        + "Der die und das ist ein mit dem den von zu im auf es nicht " * 5
        + "\n"
    )
    assert _fix(text) == text


def test_a_deck_under_a_wrapped_title_stays_and_the_byline_under_it_goes() -> None:
    # html2text wraps a long title at its line width: the deck stands under the title's tail.
    head = (
        "---\ntitle: Adolescente encontrada morta\nurl: https://news.example.com.br/a/\n---\n\n"
        "# Adolescente encontrada morta em vala estava grávida de 3 meses, confirma\nirmã\n\n"
        "Gestação era mantida em segredo pela vítima e a irmã\n\n"
    )
    byline = "Por Adriano Fernandes | 03/05/2022 20:36\n\n"
    text = head + byline + f"{PROSE_EN}\n"
    assert _fix(text) == head + f"{PROSE_EN}\n"
