"""BP390 (the author box's remnant by the byline's author link), the links a converter broke
that BP101 reads back, and Post Views Counter's label (BP017): each beside its look-alike."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.matchers.link_remnants import mended
from mdclean.matchers.linkblocks import LINK, Link, Skeleton


def _fix(code: str, text: str, *, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=unsafe).text


BYLINE = "Ott 31, 2025 [Marina Rossi](https://news.example.it/author/marina-rossi/)\n\n"
PROSE = (
    "L'IA è un ottimo strumento per scrivere codice velocemente, ma un utilizzo non monitorato "
    "di questa tecnologia porta a numerosi problemi, compresi rischi di sicurezza non "
    "indifferenti per chi sviluppa e per chi usa il software ogni giorno.\n\n"
)
AVATAR = "![](https://secure.gravatar.com/avatar/25fb9b2d4cf1cb03?s=90&d=mm&r=g)\n\n"
RELATED = "##### Articoli correlati\n"


def test_a_gravatar_over_the_linked_name_goes_with_safe_fixes() -> None:
    box = AVATAR + "##### [Marina Rossi](https://news.example.it/author/marina-rossi/)\n\n"
    text = BYLINE + PROSE + box + RELATED
    assert _fix("BP390", text, unsafe=False) == BYLINE + PROSE + RELATED


def test_a_name_heading_without_its_avatar_and_link_waits_for_unsafe_fixes() -> None:
    text = BYLINE + PROSE + "##### Marina Rossi\n\n" + RELATED
    assert _fix("BP390", text, unsafe=False) == text
    assert _fix("BP390", text, unsafe=True) == BYLINE + PROSE + RELATED


def test_a_name_the_page_does_not_link_as_its_author_stays() -> None:
    text = BYLINE + PROSE + AVATAR + "##### Paolo Bianchi\n\n" + RELATED
    assert _fix("BP390", text, unsafe=True) == text


def test_a_section_under_the_authors_name_stays() -> None:
    section = "## Marina Rossi\n\nHa scritto il libro.\n\nE ne scrive un altro.\n\n"
    text = BYLINE + PROSE + section + RELATED
    assert _fix("BP390", text, unsafe=True) == text


def test_a_link_broken_over_two_blocks_is_read_back() -> None:
    skel = Skeleton('Jane Doe](https://x.example/author/jane/ "Posts by Jane Doe") @ 12:35 pm')
    fixed = mended(skel, skel.text)
    assert fixed.text == f"{LINK} @ 12:35 pm"
    assert fixed.links == [Link("Jane Doe", "https://x.example/author/jane/")]


def test_a_link_around_a_link_keeps_the_inner_one() -> None:
    inner = Link("News", "https://x.example/category/news/")
    skel = Skeleton(f"in [{LINK}](https://x.example/post/)", [inner])
    assert mended(skel, skel.text) == Skeleton(f"in {LINK}", [inner])


def test_a_link_cut_at_the_end_is_read_back_and_code_is_left_alone() -> None:
    skel = Skeleton("Posted in[security](https://x.example/category/secur...")
    assert mended(skel, skel.text).links == [
        Link("security", "https://x.example/category/secur...")
    ]
    code = Skeleton("use [a](https://x.example/author/a/) here")
    assert mended(code, "use `[a](https://x.example/author/a/)` here") is code


def test_post_views_counter_goes_and_a_sentence_about_views_stays() -> None:
    text = "The article's text, long enough to be read as prose.\n\nPost Views: 8,450\n"
    assert (
        _fix("BP017", text, unsafe=False)
        == "The article's text, long enough to be read as prose.\n"
    )
    sentence = "The post views: 8,450 of them came from one link.\n"
    assert _fix("BP017", sentence, unsafe=True) == sentence
