"""LK007 (``misdirected-toc``): a table of contents rewritten to lead away goes; real ones stay."""

from __future__ import annotations

import mdclean
from mdclean import Config

LK007 = Config(select=("LK007",), unsafe_fixes=True)
SECTIONS = "## Design: built to last\n\nText.\n\n## Battery life\n\nText.\n\n## Price\n\nText.\n"


def _toc(*targets: str) -> str:
    names = ("Design", "Battery life", "Price")
    return "".join(f"- [{name}]({target})\n" for name, target in zip(names, targets, strict=True))


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=LK007).text


def test_a_table_of_contents_rewritten_to_other_sites_goes() -> None:
    toc = _toc("https://a.example.net/x1", "https://b.example.net/x2", "https://c.example.net/x3")
    assert _fixed(f"Intro.\n\n{toc}\n{SECTIONS}") == f"Intro.\n\n{SECTIONS}"


def test_absolute_links_to_the_original_page_s_anchors_stay() -> None:
    toc = _toc(
        "https://a.example.net/review#design",
        "https://b.example.net/review#battery",
        "https://c.example.net/review#price",
    )
    text = f"Intro.\n\n{toc}\n{SECTIONS}"
    assert _fixed(text) == text


def test_headings_above_the_list_are_not_what_it_names() -> None:
    # A list at the end whose texts repeat earlier headings is no table of contents.
    toc = _toc("https://a.example.net/x1", "https://b.example.net/x2", "https://c.example.net/x3")
    text = f"Intro.\n\n{SECTIONS}\n{toc}"
    assert _fixed(text) == text


def test_a_list_that_names_too_few_headings_stays() -> None:
    toc = _toc("https://a.example.net/x1", "https://b.example.net/x2", "https://c.example.net/x3")
    other = "- [Warranty](https://d.example.net/x4)\n- [Shipping](https://e.example.net/x5)\n"
    text = f"Intro.\n\n{toc}{other}\n{SECTIONS}"
    assert _fixed(text) == text  # three of five entries name a heading: 60% < 80%


def test_a_link_text_names_a_heading_only_up_to_a_word_s_end() -> None:
    # "Des" is no name of "Design: built to last".
    toc = "".join(
        f"- [{name}](https://{host}.example.net/x)\n"
        for name, host in (("Des", "a"), ("Batt", "b"), ("Pri", "c"))
    )
    text = f"Intro.\n\n{toc}\n{SECTIONS}"
    assert _fixed(text) == text


def test_the_trigger_rules_out_pages_whose_links_are_all_in_prose() -> None:
    from mdclean.matchers.misdirected_toc import MisdirectedTocMatcher

    matcher = MisdirectedTocMatcher({"min_links": 3})
    prose = "See [a](https://a.example.net/1), [b](https://b.example.net/2) and [c](//c.example.net/3).\n"
    assert not matcher.may_match(f"{prose}\n{SECTIONS}".lower())
    # A row that opens with a separator is a row of links all the same (old Mac line ends too).
    row = "| [Design](https://a.example.net/1) | [Battery life](https://b.example.net/2) | [Price](https://c.example.net/3)\n"
    text = f"Intro.\r\r{row}\r{SECTIONS}".replace("\n", "\r")
    assert matcher.may_match(text.lower())
    assert _fixed(text) == f"Intro.\r\r{SECTIONS}".replace("\n", "\r")
