"""Session 18's safe cores, each beside its look-alike: the site's links an offline copy wrote
relative to the page (climbing to the site's root), one link of the theme's own (a tag page, the
site's name linking home), the site's name and tagline above the title its saver named."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.matchers.fix_safety import climbs_to_root, site_home, theme_line

ARTICLE = (
    "The router's own resolver kept port 53, so the filtering server moved to port 54. Every "
    "client now asks the router, and the router forwards each query to the filter first."
)
ADDRESS = "https://blog.example.org/2024/05/dns/"


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


def _saved(tail: str, note: str = f"url: {ADDRESS}") -> str:
    return f"---\n{note}\n---\n\n# Moving DNS\n\n{ARTICLE}\n\n{tail}"


def test_a_link_climbs_to_the_root_with_as_many_steps_as_the_page_is_deep() -> None:
    assert climbs_to_root("../../../about/", ADDRESS)
    assert climbs_to_root("../../../", ADDRESS)
    assert climbs_to_root("../about/", "https://example.de/blog/post.html")
    # A file beside the page, a folder above it but below the root: the page's own.
    assert not climbs_to_root("setup.md", ADDRESS)
    assert not climbs_to_root("../img/chart.png", ADDRESS)
    assert not climbs_to_root("../../about/", ADDRESS)
    assert not climbs_to_root("../../../../about/", ADDRESS)
    # Without the page's address, no depth is known.
    assert not climbs_to_root("../../../about/", None)


def test_a_home_link_is_the_site_s_root() -> None:
    assert site_home("/", "example.org")
    assert site_home("https://www.example.org/", "example.org")
    assert site_home("https://blog.example.org/index.html", "example.org")
    assert not site_home("https://example.org/about/", "example.org")
    assert not site_home("https://other.net/", "example.org")


# BP185: the site's menu an offline copy wrote relative to the page.

CLIMBING = "[Archive](../../../archive/) · [About](../../../about/) · [Home](../../../)\n"


def test_the_site_s_links_rewritten_relative_to_the_page_go_with_safe_fixes() -> None:
    fixed = _safe("BP185", _saved(CLIMBING))
    assert "[Archive]" not in fixed
    assert ARTICLE in fixed


def test_links_beside_the_page_wait_for_unsafe_fixes() -> None:
    # (the article's own files: a folder below the root is no site's menu)
    tail = "[Data](data/) · [Notes](notes/) · [Slides](../slides/)\n"
    text = _saved(tail)
    assert _safe("BP185", text) == text


def test_climbing_links_on_a_page_without_its_address_wait_for_unsafe_fixes() -> None:
    text = _saved(CLIMBING, note="title: Moving DNS")
    assert _safe("BP185", text) == text


# BP185: one link of the theme's own is enough; one link to a post may be the author's.


def test_a_lone_tag_link_past_the_article_goes_with_safe_fixes() -> None:
    fixed = _safe("BP185", _saved("[#dns](https://blog.example.org/tags/dns/)\n"))
    assert "[#dns]" not in fixed


def test_a_lone_link_to_the_next_post_waits_for_unsafe_fixes() -> None:
    text = _saved("[Part two](https://blog.example.org/2024/06/dns-part-two/)\n")
    assert _safe("BP185", text) == text


# BP306: the site's logo and its name with its tagline in one block.

HEAD = (
    "[![](/img/avatar.jpg)](/)\n\n"
    "[Example Blog](https://blog.example.org/)\nNotes on networks\n\n"
    "* [Home](/)\n* [Tags](/tags)\n\n"
)


def _titled(head: str) -> str:
    return f"---\ntitle: Moving DNS\nurl: {ADDRESS}\n---\n\n{head}# Moving DNS\n\n{ARTICLE}\n"


def test_a_site_name_and_its_tagline_above_the_named_title_go_with_safe_fixes() -> None:
    fixed = _safe("BP306", _titled(HEAD))
    assert fixed == _titled("")


def test_a_picture_beside_the_site_s_link_waits_for_unsafe_fixes() -> None:
    # (a picture not inside a link may be the article's own figure)
    text = _titled(HEAD.replace("[![](/img/avatar.jpg)](/)", "![](/img/dns.jpg) [Home](/)"))
    assert _safe("BP306", text) == text
    assert _unsafe("BP306", text) == _titled("")


def test_a_tagline_that_ends_as_a_sentence_waits_for_unsafe_fixes() -> None:
    text = _titled(HEAD.replace("Notes on networks", "Seldom updated, often right."))
    assert _safe("BP306", text) == text


# BP083: a theme's footer line whose links are the platform's machinery (its feeds).

WP_POST = f"# Moving DNS\n\n{ARTICLE}\n\n"
WP_TAIL = (
    "### Partager :\n\n"
    "* [Mastodon](https://blog.janedoe.net/2024/05/dns/?share=mastodon)\n"
    "* [Bluesky](https://blog.janedoe.net/2024/05/dns/?share=bluesky)\n\n"
    "Like Loading...\n\n"
)
CREDIT = (
    "[Entries (RSS)](https://blog.janedoe.net/feed/) and "
    "[Comments (RSS)](https://blog.janedoe.net/comments/feed/).\n"
)


def test_a_theme_s_feeds_and_credit_are_its_machinery() -> None:
    feeds = ["https://blog.janedoe.net/feed/", "https://blog.janedoe.net/comments/feed/"]
    assert theme_line(["http://wordpress.org/", *feeds], 7)
    assert theme_line(["https://blog.janedoe.net/2024/05/dns/?share=twitter"], 1)
    # A page of another site, a placeholder host a guide names: not the theme's.
    assert not theme_line(["https://other.janedoe.org/notes/", *feeds], 7)
    assert not theme_line(["https://example.com/feed/"], 2)
    assert not theme_line(feeds, 20)  # (a sentence of the author's around them)


def test_a_credit_line_after_a_closed_thread_goes_with_safe_fixes() -> None:
    tail = (
        "Comments are closed.\n\n---\n\n"
        "Jane's blog is proudly powered by [WordPress](http://wordpress.org/)\n"
        "[Entries (RSS)](https://blog.janedoe.net/feed/) and "
        "[Comments (RSS)](https://blog.janedoe.net/comments/feed/).\n"
    )
    assert mdclean.fix(WP_POST + WP_TAIL + tail).text == WP_POST.rstrip("\n") + "\n"
