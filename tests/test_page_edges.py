"""A saved page's edges read whole: the head above the title its saver named (BP306) and the
tail after the footer's first sign (BP305), each beside the look-alike it must leave alone."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.document import Document
from mdclean.matchers.saved_page import address_heading
from mdclean.matchers.trail_reading import breadcrumb


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


ARTICLE = (
    "The router kept its own resolver on port 53, so the filtering server moved to port 54. "
    "Every client now asks the router, and the router forwards each query to the filter "
    "first, which has run since the spring without a single lost query.\n"
)
FRONT = '---\ntitle: "Moving DNS to port 54"\nsource: "https://blog.example.com/dns"\n---\n'
TITLE = "\n# Moving DNS to port 54\n\n"


def test_a_head_of_captions_under_a_noted_address_goes_with_safe_fixes() -> None:
    head = "Home\nLinux\nAbout\n\n[Blog](https://blog.example.com/blog/)\n"
    assert _safe("BP306", FRONT + head + TITLE + ARTICLE) == FRONT + TITLE + ARTICLE


def test_a_head_with_a_sentence_waits_for_unsafe_fixes() -> None:
    # A line that says something above the title: where the article starts is read from shape.
    head = "Home\nLinux\n\nThis blog is written by one person and read by a few.\n"
    text = FRONT + head + TITLE + ARTICLE
    assert _safe("BP306", text) == text
    assert "Home" not in _unsafe("BP306", text)
    assert "This blog is written" in _unsafe("BP306", text)


def test_a_title_named_by_a_section_far_down_is_not_read() -> None:
    front = '---\ntitle: "Conclusion"\nsource: "https://blog.example.com/dns"\n---\n'
    text = (
        front
        + "## Intro\n\n"
        + "The first line of the post says what the post is about and why.\n\n"
        + "A second line says one more thing about the router and its resolver.\n\n"
        + "## Conclusion\n\n"
        + ARTICLE
    )
    assert _unsafe("BP306", text) == text


def test_the_tail_after_a_back_to_top_button_goes() -> None:
    tail = "\nBack to top\n\n## Site information\n\nAddress: 5 Cathedral Square\n\nLegal notice\n"
    text = "[Skip to content](#main)\n" + TITLE + ARTICLE
    assert _unsafe("BP305", text + tail) == text


def test_a_tail_of_one_block_is_left_to_other_rules() -> None:
    text = "[Skip to content](#main)\n" + TITLE + ARTICLE + "\nBack to top\n"
    assert _unsafe("BP305", text) == text


def test_a_back_to_top_button_before_more_prose_ends_nothing() -> None:
    text = "[Skip to content](#main)\n" + TITLE + ARTICLE + "\nBack to top\n\n## More\n\n" + ARTICLE
    assert _unsafe("BP305", text) == text


def test_a_sections_one_link_then_the_pages_title_is_a_trail() -> None:
    doc = Document("1. [Accueil](https://www.example.fr/fr/pro)\n2. Les questions\n")
    node = doc.root.children[0]
    assert breadcrumb(doc, node, {"les questions"})
    assert not breadcrumb(doc, node, {"autre chose"})
    other = Document("1. [Blog](https://www.example.fr/fr/pro)\n2. Les questions\n")
    assert not breadcrumb(other, other.root.children[0], {"les questions"})


def test_a_first_line_heading_that_is_an_address_is_a_crawlers_title() -> None:
    assert address_heading("# https://www.example.fr/fr/page/\n\nMenu\n")
    assert not address_heading("# Endpoints\n\n## https://api.example.com/v1\n")
    assert not address_heading("---\ntitle: x\n---\n# https://www.example.fr/\n")
    assert not address_heading("# https://www.example.fr/ and more words\n")
