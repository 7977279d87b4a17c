"""Session 20's safe cores (third round): each exact second signal beside its look-alike, so
that a loose reading going safe (or an exact one going unsafe) fails one of them."""

from __future__ import annotations

from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe
from test_fix_safety import WP_POST, WP_TAIL

import mdclean
from mdclean.document import Document
from mdclean.matchers.tail_evidence import source_credit

# BP105: the title Jina Reader's "Title:" line names closes the header as a clipper's front
# matter does; a header whose end is guessed stays unsafe.

JINA = (
    "Title: Gas & Fees\n\nURL Source: https://docs.example.org/chain/gas\n\nMarkdown Content:\n\n"
)
DOCS_HEAD = (
    "[Skip to content](https://docs.example.org/chain/gas#content)\n\n"
    "Search...\n\n"
    "## On this page\n\n"
    "*   [How fees are charged](https://docs.example.org/chain/gas#charged)\n"
    "*   [Optimizing fees](https://docs.example.org/chain/gas#optimizing)\n\n"
)
FEES = (
    "The chain uses ETH as its native gas token, and every transaction pays a fee made of "
    "two parts: the cost of running it here and the cost of posting its data to the parent "
    "chain.\n"
)


def test_a_header_closed_by_the_title_jina_names_goes_with_safe_fixes() -> None:
    body = "# Gas & Fees\n\n" + FEES
    text = JINA + DOCS_HEAD + body
    assert _safe("BP105", text) == JINA + body


def test_a_header_closed_by_another_heading_than_the_named_title_waits() -> None:
    # The saver named "Gas & Fees"; the heading that closes the header names something else,
    # under a section heading of level two: where the article starts is read from its shape.
    body = "# Fees in practice\n\n" + FEES
    text = JINA + DOCS_HEAD + body
    assert _safe("BP105", text) == text
    assert _unsafe("BP105", text) == JINA + body


# BP083: a tail block the run adds is certain by what the converter kept of the theme's markup
# (pandoc's empty containers, a heading shown to screen readers only), by the theme's widget
# addresses (a month's archive page), or because the page prints it twice.


def _with(block: str) -> str:
    return WP_POST + WP_TAIL.replace("### _Related_\n\n", block + "### _Related_\n\n")


def test_pandocs_empty_containers_in_a_tail_go_with_safe_fixes() -> None:
    block = '::: {style="display:none"}\n::: {.grofile-hash-map-5023f40e085dd05991fc}\n:::\n\n'
    assert mdclean.fix(_with(block)).text == WP_POST.rstrip("\n") + "\n"


def test_a_container_holding_a_word_waits_for_unsafe_fixes() -> None:
    block = "::: {.note}\nThanks!\n:::\n\n"
    assert "Thanks!" in mdclean.fix(_with(block)).text


def test_a_heading_shown_to_screen_readers_only_goes_with_safe_fixes() -> None:
    block = "Post navigation {#post-navigation .screen-reader-text}\n===============\n\n"
    assert mdclean.fix(_with(block)).text == WP_POST.rstrip("\n") + "\n"


def test_an_archive_widgets_months_go_with_safe_fixes() -> None:
    block = (
        "-   [avril 2020](https://blog.example.com/2020/04/)\n"
        "-   [mars 2020](https://blog.example.com/2020/03/)\n\n"
    )
    assert mdclean.fix(_with(block)).text == WP_POST.rstrip("\n") + "\n"


def test_links_to_posts_in_a_tail_wait_for_unsafe_fixes() -> None:
    # A post's address goes on past its month: the author's reading list, not an archive.
    block = (
        "-   [Part one](https://blog.example.com/2020/04/sop-bypass-part-one/)\n"
        "-   [Part two](https://blog.example.com/2020/05/sop-bypass-part-two/)\n\n"
    )
    assert "Part one" in mdclean.fix(_with(block)).text


def test_a_list_of_links_the_page_prints_twice_goes_with_safe_fixes() -> None:
    toc = "1. [Cache](#cache)\n2. [Origins](#origins)\n\n"
    text = toc + _with(toc)
    assert mdclean.fix(text).text.count("[Origins](#origins)") == 1


def test_a_list_of_links_printed_once_waits_for_unsafe_fixes() -> None:
    toc = "1. [Cache](#cache)\n2. [Origins](#origins)\n\n"
    assert "[Origins](#origins)" in mdclean.fix(_with(toc)).text


# BP305 without a noted address: the copyright line and a row of the blog template's own links
# (its category pages, share endpoints) are two exact signals; the site's links alone are not.

POTAGER = (
    "[Aller au contenu](#main)\n\n"
    "# Le potager\n\n"
    "Autrefois, le mot potager désignait le pot, puis l'endroit où l'on chauffe le potage. "
    "Il faudra attendre la fin du seizième siècle pour qu'il prenne son sens actuel et "
    "désigne le lieu où l'on cultive les légumes.\n"
)
CATEGORIES = (
    "[Jardins](https://musee.example.fr/category/jardins/) "
    "[Histoire](https://musee.example.fr/category/histoire/) "
    "[Cuisine](https://musee.example.fr/category/cuisine/)\n"
)
SITE_ROW = (
    "[Accueil](https://musee.example.fr/) [Contact](https://musee.example.fr/contact/) "
    "[Plan du site](https://musee.example.fr/plan/)\n"
)


def test_a_tail_with_the_templates_own_row_goes_with_safe_fixes() -> None:
    text = POTAGER + "\n© 2024 Musée de la Ville\n\n" + CATEGORIES
    assert _safe("BP305", text) == POTAGER


def test_a_tail_with_the_sites_links_only_waits_for_unsafe_fixes() -> None:
    text = POTAGER + "\n© 2024 Musée de la Ville\n\n" + SITE_ROW
    assert _safe("BP305", text) == text
    assert _unsafe("BP305", text) == POTAGER


def test_a_video_players_strings_in_a_tail_say_nothing() -> None:
    player = "\nIf playback doesn't begin shortly, try restarting your device.\n"
    text = POTAGER + "\n© 2024 Musée de la Ville\n" + player + "\n" + CATEGORIES
    assert _safe("BP305", text) == POTAGER


def test_a_sentence_in_a_tail_keeps_it_unsafe() -> None:
    closing = "\nMerci à l'équipe des jardiniers, qui nous a ouvert les portes un matin de juin.\n"
    text = POTAGER + "\n© 2024 Musée de la Ville\n" + closing + "\n" + CATEGORIES
    assert _safe("BP305", text) == text


# BP185: past the crawler's own print of the title (the page's first block), the site's head
# above the page's own title is a head above a title.

CRAWLED = "---\ntitle: Moving a router's DNS to port 54\nurl: https://blog.example.com/dns\n---\n\n"
SITE_HEAD = (
    '# [Example Blog](/ "Example Blog - home")\n\n'
    "* [Linux](https://blog.example.com/category/linux/)\n"
    "* [Networks](https://blog.example.com/category/networks/)\n"
    "* [About](https://blog.example.com/about/)\n\n"
)
DNS = (
    "The router's own resolver must move aside before another one can listen on port 53, "
    "and its DHCP server then stops announcing any resolver at all, so every client falls "
    "back to the addresses it was given by hand.\n"
)


def test_the_sites_head_under_the_crawlers_title_goes_with_safe_fixes() -> None:
    top = CRAWLED + "# Moving a router's DNS to port 54\n\n"
    body = "# Moving the router's DNS to port 54 (updated)\n\n" + DNS
    assert _safe("BP185", top + SITE_HEAD + body) == top + body


def test_the_sites_head_without_the_pages_own_title_waits_for_unsafe_fixes() -> None:
    top = CRAWLED + "# Moving a router's DNS to port 54\n\n"
    text = top + SITE_HEAD + DNS
    assert _safe("BP185", text) == text


# BP083 (a wrong finding fixed): the article's credit to its source ends the run as an editor's
# note does; the widgets after it stay for their own rules.


def test_a_source_credit_in_a_tail_is_the_articles() -> None:
    credit = "转自：https://www.example.cn/essay/how-to-use-it\n\n"
    text = WP_POST + "Like Loading...\n\n" + credit + WP_TAIL
    assert credit.strip() in mdclean.fix(text, unsafe=True).text


def test_a_line_naming_no_address_is_no_credit() -> None:
    for line, credit in (
        ("转自：https://www.example.cn/essay/how-to-use-it", True),
        ("Quelle: [Tagesschau](https://www.example.de/artikel)", True),
        ("转自：作者的笔记", False),
        ("See https://www.example.cn/essay/how-to-use-it", False),
        ("Source: https://a.example/x\nand a second line", False),
    ):
        doc = Document(line + "\n")
        assert source_credit(doc, doc.root.children[0]) is credit, line
