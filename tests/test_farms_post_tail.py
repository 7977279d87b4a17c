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
