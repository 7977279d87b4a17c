"""A post's tail of links, read by their shapes: previous/next sides on two lines (LK008),
Blogger's pager with its link home (LK008), one labelled "next" link (LK010), a widget's
dated cards under a heading (LK002), and "Related on <site>:" lines (BP002)."""

from __future__ import annotations

import mdclean
from mdclean import Config

OLDER = "https://blog.example.com/2023/04/grind-coffee/"
NEWER = "https://blog.example.com/2023/06/sour-espresso/"
LAST = "The article's last paragraph.\r\n"


def _fixed(text: str, *codes: str) -> str:
    return mdclean.fix(text, config=Config(select=codes, unsafe_fixes=True)).text


def test_two_lines_of_one_link_each_go_together_and_crlf_stays() -> None:
    sides = f"[← Previous]({OLDER})\r\n\r\n[Next →]({NEWER})\r\n"
    assert _fixed(f"{LAST}\r\n{sides}\r\n## More like this\r\n", "LK008") == (
        f"{LAST}\r\n## More like this\r\n"
    )


def test_two_lines_that_point_the_same_way_stay() -> None:
    text = f"{LAST}\r\n[Previous: Grinding coffee]({OLDER})\r\n\r\n[Previous: Sour espresso]({NEWER})\r\n"
    assert _fixed(text, "LK008") == text


def test_one_line_alone_is_no_row() -> None:
    text = f"{LAST}\r\n←[Precedente: Macinare il caffè]({OLDER})\r\n"
    assert _fixed(text, "LK008") == text


def test_blogger_pager_goes_with_its_home_link() -> None:
    pager = f'[Newer Post]({NEWER} "Newer Post")[Older Post]({OLDER} "Older Post")[Home](https://blog.example.com/)'
    assert _fixed(f"{LAST}\n{pager}\n\n**Who**\n", "LK008") == f"{LAST}\n**Who**\n"


def test_a_pager_whose_third_link_leads_into_the_site_stays() -> None:
    pager = (
        f"[Newer Post]({NEWER})[Older Post]({OLDER})[Archive](https://blog.example.com/archive/)"
    )
    text = f"{LAST}\n{pager}\n"
    assert _fixed(text, "LK008") == text


def test_a_next_tutorial_link_goes_but_not_one_in_the_article() -> None:
    line = "**Next tutorial - [Pointers](https://tutorials.example.com/pointers/)**\n"
    assert _fixed(f"{LAST}\n{line}\n## The end\n", "LK010") == f"{LAST}\n## The end\n"
    prose = " ".join(["More of the article follows the link, word after word."] * 5)
    text = f"{LAST}\n{line}\n{prose}\n"
    assert _fixed(text, "LK010") == text


def test_a_next_link_to_a_relative_page_stays() -> None:
    text = f"{LAST}\n次の記事：[インストール](install.md)\n"
    assert _fixed(text, "LK010") == text


def test_dated_cards_under_a_heading_go_with_it() -> None:
    cards = "".join(
        f'[{title}](https://blog.example.com/2024/{n}/post/)2{n}. March 2024In "Tools"\r\n\r\n'
        for n, title in enumerate(
            (
                "Eighty macros to automate the data model",
                "A script that mends the usual model mistakes",
                "A generator that builds report pages",
            )
        )
    )
    text = f"{LAST}\r\n### Related\r\n\r\n{cards}## Comments\r\n"
    assert _fixed(text, "LK002") == f"{LAST}\r\n## Comments\r\n"


def test_related_on_a_site_line_goes_but_a_sentence_stays() -> None:
    line = f"**Related on Lots of Data:** [Part two]({NEWER}) · [Part one]({OLDER})\n"
    assert _fixed(f"{LAST}\n{line}", "BP002") == LAST
    sentence = (
        f"Related on the forum, people asked about [part two]({NEWER}) and [part one]({OLDER}).\n"
    )
    assert _fixed(f"{LAST}\n{sentence}", "BP002") == f"{LAST}\n{sentence}"


CARD = (
    "![](https://img.example.cn/blogType.png)\r\n博客\r\n[{title}](https://blog.example.cn/article/{n})\r\n\r\n"
    "0{n}-18\r\n![](https://img.example.cn/readCount.png)\r\n25{n}8\r\n\r\n"
    "[{title}的摘要……](https://blog.example.cn/article/{n})\r\n\r\n"
)
ARTICLE = "文章的最后一段，讲完了智能指针的用法，也讲了它们的代价和适用的场合，希望对大家写出更安全的代码有所帮助。\r\n\r\n"


def test_cards_of_three_blocks_go_and_crlf_stays() -> None:
    cards = "".join(
        CARD.format(title=title, n=n)
        for n, title in enumerate(
            ("劳动力市场正经历前所未有的变革", "开启图像处理与计算机视觉的大门")
        )
    )
    assert _fixed(f"{ARTICLE}{cards}", "LK011") == ARTICLE


def test_one_card_is_no_run() -> None:
    text = f"{ARTICLE}{CARD.format(title='劳动力市场正经历前所未有的变革', n=1)}"
    assert _fixed(text, "LK011") == text


def test_cards_that_lead_to_one_page_are_no_widget() -> None:
    cards = "".join(CARD.format(title="劳动力市场正经历前所未有的变革", n=1) for _ in range(3))
    assert _fixed(f"{ARTICLE}{cards}", "LK011") == f"{ARTICLE}{cards}"


def test_an_archive_tree_goes_with_its_heading_and_crlf_stays() -> None:
    tree = (
        "## Blog Archive\r\n\r\n- ▼ [2014](https://blog.example.com/2014/) (7)\r\n"
        "  - ▼ [January](https://blog.example.com/2014/01/) (1)\r\n"
        "    - [Unified push](https://blog.example.com/2014/01/unified-push.html)\r\n"
        "- ► [2013](https://blog.example.com/2013/) (3)\r\n"
    )
    assert _fixed(f"{LAST}\r\n{tree}\r\nPowered by Blogger.\r\n", "BP043") == (
        f"{LAST}\r\nPowered by Blogger.\r\n"
    )


def test_counted_things_in_an_article_stay() -> None:
    text = f"{LAST}\r\n- Apples (3)\r\n- Pears (5)\r\n- Lemons (2)\r\n"
    assert _fixed(text, "BP043") == text


def test_blogger_pager_of_the_newest_post_goes_with_its_home_link() -> None:
    pager = f'[Older Post]({OLDER} "Older Post")[Home](https://blog.example.com/)'
    assert _fixed(f"{LAST}\n{pager}\n\nSubscribe to:\n", "LK010") == f"{LAST}\nSubscribe to:\n"
