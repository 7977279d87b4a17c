"""Session 17's safe cores, each beside its look-alike: BP185's captions and follow icons
between the site's rows, BP135's cards of the site's own posts, a named region that holds a
safe-named one (BP271)."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.matchers.fix_safety import social_profile

ARTICLE = (
    "The router's own resolver kept port 53, so the filtering server moved to port 54. Every "
    "client now asks the router, and the router forwards each query to the filter first."
)


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


def _saved(tail: str, note: str = "url: https://blog.example.org/2024/05/dns/") -> str:
    return f"---\n{note}\n---\n\n# Moving DNS\n\n{ARTICLE}\n\n{tail}"


# BP185: the site's rows with its captions and follow icons between them.

FOOTER = (
    "[Home](/) [Archive](https://blog.example.org/archive/) [About](/about/)\n\n"
    "Search\n\n"
    "[Privacy](/privacy/) [Mastodon](https://mastodon.social/@example) [X](https://x.com/example)\n\n"
    "© 2024 Example Blog\n"
)


def test_a_footer_of_site_rows_captions_and_follow_icons_goes_with_safe_fixes() -> None:
    fixed = _safe("BP185", _saved(FOOTER))
    assert fixed == _saved("").rstrip("\n") + "\n"


def test_a_line_no_caption_list_knows_between_the_rows_waits_for_unsafe_fixes() -> None:
    tail = FOOTER.replace("Search", "Alice and Bob")
    text = _saved(tail)
    assert _safe("BP185", text) == text
    assert "[Archive]" not in _unsafe("BP185", text)


def test_follow_icons_alone_wait_for_unsafe_fixes() -> None:
    text = _saved("[Mastodon](https://mastodon.social/@me) [X](https://x.com/me)\n")
    assert _safe("BP185", text) == text


def test_a_profile_is_a_handle_alone() -> None:
    for href in (
        "https://twitter.com/example",
        "https://www.linkedin.com/company/example/",
        "https://bsky.app/profile/example.bsky.social",
        "https://infosec.exchange/@example",
        "https://t.me/example",
    ):
        assert social_profile(href), href
    for href in (
        "https://github.com/owner/repo",
        "https://x.com/example/status/123",
        "https://twitter.com/intent/tweet",
        "https://www.youtube.com/watch?v=abc",
        "https://medium.com/@example/a-post-123",
    ):
        assert not social_profile(href), href


# BP135: a related label over cards of the site's own posts.

CARDS = (
    "## Related posts\n\n"
    "[![](https://blog.example.org/thumbs/a.jpg)\n\n### Port 54 revisited\n\n"
    "A year later.](https://blog.example.org/2025/05/port-54/)\n\n"
    "[![](https://blog.example.org/thumbs/b.jpg)\n\n### Filtering at home\n\n"
    "What broke.](https://blog.example.org/2023/11/filtering/)\n"
)


def test_cards_of_the_sites_own_posts_go_with_safe_fixes() -> None:
    text = f"{ARTICLE}\n\n{CARDS}"
    assert _safe("BP135", text) == f"{ARTICLE}\n"


def test_cards_of_a_noted_sites_pages_go_with_safe_fixes() -> None:
    cards = CARDS.replace("/2025/05/port-54/", "/port-54").replace("/2023/11/filtering/", "/filter")
    assert _safe("BP135", _saved(cards)) == _saved("").rstrip("\n") + "\n"


def test_cards_of_other_sites_pages_wait_for_unsafe_fixes() -> None:
    cards = CARDS.replace(
        "https://blog.example.org/2025/05/port-54/", "https://dns.example.net/port"
    )
    text = _saved(cards)
    assert _safe("BP135", text) == text
    assert "Related posts" not in _unsafe("BP135", text)


# BP271: a sidebar wrapper around the theme's widget area.

SIDEBAR = (
    '::: {#secondary .secondary role="complementary"}\n'
    "::: {#widget-area .widget-area}\n"
    "Recent Posts {#recent-posts .widget-title}\n"
    "============\n\n"
    "-   [Port 54](https://blog.example.org/2025/05/port-54/)\n"
    ":::\n"
    ":::\n"
)
WRAPPED = "::: {.entry-meta}\nPosted on 3 May\n:::\n\n"


def test_a_sidebar_around_a_widget_area_goes_with_safe_fixes() -> None:
    text = f"{WRAPPED}{ARTICLE}\n\n{SIDEBAR}"
    fixed = _safe("BP271", text)
    assert "Recent Posts" not in fixed and ARTICLE in fixed


def test_a_sidebar_without_a_widget_area_waits_for_unsafe_fixes() -> None:
    sidebar = SIDEBAR.replace("#widget-area .widget-area", "#widgets .widgets")
    text = f"{WRAPPED}{ARTICLE}\n\n{sidebar}"
    assert _safe("BP271", text) == text
    assert "Recent Posts" not in _unsafe("BP271", text)
