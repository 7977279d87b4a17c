"""Promotions read by where their links lead (BP325, BP327): the URL readings, the safe cores
and their look-alikes."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config
from mdclean.matchers.promo_links import promo_links

LINKS = promo_links(
    {
        "platforms": ["promo-platforms"],
        "paths": ["promo-paths"],
        "campaigns": ["campaign-parameters"],
    }
)


@pytest.mark.parametrize(
    "href",
    [
        "https://fr.tipeee.com/roseaux",
        "https://vox.memberful.com/checkout?plan=81108",
        "https://www.paypal.com/donate/?hosted_button_id=ABC",
        "https://connpass.com/event/123456/",
        "/soutenir",
        "https://www.example.de/jetzt-unterstuetzen/",
        "https://example.org/pages/support-now?itm_campaign=x",
        "https://example.com.br/doar.html",
        "https://example.ghost.io/#/portal/signup",
    ],
)
def test_promo_endpoints(href: str) -> None:
    assert LINKS.endpoint(href)


@pytest.mark.parametrize(
    "href",
    [
        "https://example.com/donald-knuth/",
        "https://docs.example.com/support/",
        "https://example.com/pricing",
        "donate",  # a path relative to the page: a repository's file, never a site's page
        "https://github.com/example/donate",
        "https://www.eventbrite.com/x/the-power-of-ai-tickets-1",
    ],
)
def test_not_promo_endpoints(href: str) -> None:
    assert not LINKS.endpoint(href)


def test_campaign_parameters_are_read_by_name() -> None:
    assert LINKS.campaign("https://example.org/donate?utm_source=a&utm_campaign=b")
    assert LINKS.campaign("https://example.org/?mc_cid=1")
    assert not LINKS.campaign("https://example.org/?utm_source=newsletter")
    assert not LINKS.campaign("https://example.org/utm_campaign/")


_BOX = (
    "The runners meet on Sundays at the old bridge, and nobody keeps their times.\n\n"
    "[Donate today](https://news.example.org/donate?utm_campaign=article_cta)\n\n"
    "The club has grown to forty members since the spring.\n"
)


def test_a_tagged_donate_button_goes_with_safe_fixes() -> None:
    result = mdclean.fix(_BOX, config=Config(select=("BP325",)))
    assert "Donate today" not in result.text


def test_an_untagged_donate_button_that_asks_waits_for_unsafe_fixes() -> None:
    text = _BOX.replace("?utm_campaign=article_cta", "")
    assert mdclean.fix(text, config=Config(select=("BP325",))).text == text
    fixed = mdclean.fix(text, config=Config(select=("BP325",), unsafe_fixes=True)).text
    assert "Donate today" not in fixed


_BUTTON = "[![Ko-fi](https://storage.ko-fi.com/cdn/kofi2.png?v=3)](https://ko-fi.com/example)\n"


def test_a_platform_button_on_a_saved_page_goes_with_safe_fixes() -> None:
    text = "---\nurl: https://blog.example.org/post/\n---\n\nThe post ends here.\n\n" + _BUTTON
    result = mdclean.fix(text, config=Config(select=("BP327",)))
    assert "ko-fi" not in result.text


def test_a_platform_button_in_a_readme_stays() -> None:
    text = "# tool\n\nA small tool that converts files.\n\n" + _BUTTON
    config = Config(select=("BP325", "BP327"), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == text
