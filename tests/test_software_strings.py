"""The software's own strings wherever a converter left them (session 22, role K): a template's
placeholder kept unfilled, a heading whose link html2text wrapped onto the next block, a post
navigation's labelled links, CookieLawInfo's preference centre, WordPress's comment-form anchor,
a self-hosted ad server's image invocation. Each with its look-alike, both ways (fast path on
and off)."""

from __future__ import annotations

import re

from fast_path_checks import builtin_rule
from fast_path_checks import found_both_ways as _found_both_ways

from mdclean import engine
from mdclean.config import Config
from mdclean.document import Document
from mdclean.matchers.ui_block import cut
from mdclean.models import Applicability


def found_both_ways(code: str, page: str) -> list[str]:
    """What the rule finds (fast path on and off alike), each span without its line ends."""
    return [span.strip("\n") for span in _found_both_ways(code, page)]


_PROSE = "The review goes on for a while, and this paragraph is the article's own text.\n\n"


def test_cut_counts_the_literal_placeholder() -> None:
    strings = (re.compile(r"(?:[\d.,]+|%d) bloggers like this:", re.IGNORECASE),)
    assert cut("%d bloggers like this:", strings).literal == 1  # type: ignore[union-attr]
    assert cut("7 bloggers like this:", strings).literal == 0  # type: ignore[union-attr]


_WRAPPED = (
    "### Leave a Reply [Cancel reply](/2020/05/a-rather-long-post-title-that-goes-\n"
    "on-and-on/#respond)\n\n"
)


def test_a_heading_whose_link_target_html2text_wrapped_goes_with_the_rest() -> None:
    assert found_both_ways("BP375", f"{_PROSE}{_WRAPPED}Comment\n") == [_WRAPPED.strip("\n")]


def test_a_wrapped_link_under_an_ordinary_heading_stays() -> None:
    page = f"{_PROSE}### Our trip [photos](/2020/05/a-rather-long-post-title-that-goes-\non-and-on/)\n\nMore.\n"
    assert found_both_ways("BP375", page) == []


_POST_NAV = (
    "## Post navigation\n\n"
    "[Previous Post:Free scooter and motorcycle training](https://example.co.uk/8054/free-scooter/)\n\n"
    "[Next Post:REDANT Motorcycle Cleaner and Power Clean](https://example.co.uk/7917/redant/)\n"
)


def test_a_post_navigation_of_labelled_links_goes_with_its_heading() -> None:
    assert found_both_ways("BP375", f"{_PROSE}{_POST_NAV}") == [_POST_NAV.strip("\n")]


def test_one_labelled_link_alone_stays() -> None:
    page = f"{_PROSE}[Next Post: how we fixed the brakes](https://example.co.uk/7917/brakes/)\n"
    assert found_both_ways("BP375", page) == []


def test_labelled_links_are_never_a_safe_fix() -> None:
    rule = builtin_rule("BP375")
    (found,) = engine.check(Document(f"{_PROSE}{_POST_NAV}", None, Config()), (rule,))
    assert found.fix is not None
    assert found.fix.applicability is not Applicability.SAFE  # (the titles are the site's)


_CLI = (
    "#### Privacy Overview\n\n"
    "This website uses cookies to improve your experience while you navigate\n"
    "through the website. Out of these cookies, the cookies that are categorized as\n"
    "necessary are stored on your browser as they are essential for the working of\n"
    "basic functionalities of the website. We also use third-party cookies that\n"
    "help us analyze and understand how you use this website. These cookies will be\n"
    "stored in your browser only with your consent. You also have the option to\n"
    "opt-out of these cookies. But opting out of some of these cookies may have an\n"
    "effect on your browsing experience.\n\n"
    "Necessary  Always Enabled\n\n"
    "Necessary cookies are absolutely essential for the website to function\n"
    "properly. This category only includes cookies that ensures basic\n"
    "functionalities and security features of the website. These cookies do not\n"
    "store any personal information.\n"
)


def test_cookielawinfo_preference_centre_goes_whole() -> None:
    assert found_both_ways("BP313", f"{_PROSE}{_CLI}") == [_CLI.strip("\n")]


def test_a_privacy_page_that_explains_its_own_cookies_stays() -> None:
    page = (
        "## Privacy Overview\n\n"
        "We use two cookies: one keeps you signed in, the other remembers your language.\n\n"
        "Necessary cookies are those without which the shop cannot take your order.\n"
    )
    assert found_both_ways("BP313", page) == []


def test_the_comment_form_anchor_link_alone_goes() -> None:
    assert found_both_ways("BP460", f"{_PROSE}[Keine Kommentare](#respond)\n") == [
        "[Keine Kommentare](#respond)"
    ]
    assert found_both_ways("BP460", f"{_PROSE}Ask [below](#respond), I answer.\n") == []


def test_a_revive_image_invocation_goes_and_a_delivery_photo_stays() -> None:
    ad = "[![](https://ads.example.net/www/delivery/avw.php?zoneid=5&n=a1)](https://ads.example.net/www/delivery/ck.php?n=a1)"
    assert found_both_ways("AD018", f"{_PROSE}{ad}\n") == [ad]
    photo = "![Van](https://example.com/delivery/van.jpg)"
    assert found_both_ways("AD018", f"{_PROSE}{photo}\n") == []
