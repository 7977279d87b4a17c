"""BP185's safe core: plain ``--fix`` takes a saved page's own link rows outside its article
only with two exact signals (the noted page address, a pure row of that site's links)."""

from __future__ import annotations

import mdclean
from mdclean.matchers.link_targets import is_own, site_of

ONLY = mdclean.Config(select=("BP185",))

ARTICLE = (
    "The router's own resolver kept port 53, so the filtering server moved to port 54. Every "
    "client now asks the router, and the router forwards each query to the filter first."
)


def _safe(text: str) -> str:
    return mdclean.fix(text, config=ONLY, unsafe=False).text


def _page(head: str, tail: str, note: str = "url: https://blog.example.org/dns/") -> str:
    return f"---\n{note}\n---\n\n{head}# Moving DNS\n\n{ARTICLE}\n\n{tail}"


MENU = (
    "[Skip to content](#content)\n\n"
    "- [Home](https://blog.example.org/)\n"
    "- [Linux](https://blog.example.org/category/linux/)\n"
    "- [About](/about/)\n\n"
)
FOOTER = (
    "[Privacy](https://blog.example.org/privacy/) · [Imprint](https://www.example.org/imprint/)\n"
)


def test_a_noted_page_loses_its_menu_and_footer_rows_with_plain_fix() -> None:
    fixed = _safe(_page(MENU, FOOTER))
    assert fixed == f"---\nurl: https://blog.example.org/dns/\n---\n\n# Moving DNS\n\n{ARTICLE}\n"


def test_a_url_source_line_is_a_noted_address() -> None:
    text = (
        "Title: Moving DNS\n\nURL Source: https://blog.example.org/dns/\n\nMarkdown Content:\n"
        f"# Moving DNS\n\n{ARTICLE}\n\n{FOOTER}"
    )
    fixed = _safe(text)
    assert "[Privacy]" not in fixed and fixed.endswith(f"{ARTICLE}\n")


def test_without_a_noted_address_plain_fix_keeps_everything() -> None:
    text = f"{MENU}# Moving DNS\n\n{ARTICLE}\n\n{FOOTER}"
    assert _safe(text) == text  # (the skip link proves a saving, not the page's site)
    assert "[About]" not in mdclean.fix(text, config=ONLY, unsafe=True).text


def test_a_row_with_a_link_to_another_site_waits_for_unsafe_fixes() -> None:
    tail = "[Mastodon](https://mastodon.social/@me) [GitHub](https://github.com/me)\n"
    text = _page("", tail)
    assert _safe(text) == text
    assert "[GitHub]" not in mdclean.fix(text, config=ONLY, unsafe=True).text


def test_a_row_with_words_of_its_own_or_one_link_stays_in_safe_mode() -> None:
    for tail in (
        "Teil 2: [Weiter](https://blog.example.org/dns-2/) und [zurück](https://blog.example.org/)\n",
        "[Part two](https://blog.example.org/dns-2/)\n",
    ):
        text = _page("", tail, note="source: https://blog.example.org/dns/")
        assert _safe(text) == text


def test_an_authors_introduced_list_of_own_posts_stays() -> None:
    tail = (
        "この記事の続きはこちら：\n\n"
        "- [第2回](https://blog.example.org/dns-2/)\n- [第3回](https://blog.example.org/dns-3/)\n"
    )
    text = _page("", tail)
    assert mdclean.fix(text, config=ONLY, unsafe=True).text == text


def test_the_site_of_an_address() -> None:
    assert site_of("https://www.blog.example.co.uk/x") == "example.co.uk"
    assert site_of("http://WWW.Example.org") == "example.org"
    assert site_of("/about/") is None
    assert is_own("/about/", "example.org", relative=False)
    assert not is_own("#content", "example.org", relative=False)
    assert not is_own("../setup", "example.org", relative=False)
    assert not is_own("https://example.org.evil.net/", "example.org", relative=False)


def test_a_platforms_host_is_one_site_and_a_mention_is_no_site_link() -> None:
    assert site_of("https://alice.wordpress.com/2024/01/x/") == "alice.wordpress.com"
    assert not is_own("https://bob.wordpress.com/", "alice.wordpress.com", relative=False)
    tail = "[@yuno](https://forum.example.org/u/yuno) [@jsye](https://forum.example.org/u/jsye)\n"
    text = _page("", tail, note="url: https://forum.example.org/t/topic/12")
    assert _safe(text) == text


def test_references_written_one_paragraph_per_item_stay_under_their_heading() -> None:
    # A converter that escaped the list's bullets writes each reference as its own paragraph
    # of links; all of them are the article's, not only the first under the heading.
    references = (
        "## Further reading\n\n"
        "\\- [Resolver ports explained](https://dns.example.net/ports/)\n\n"
        '\\- ["DNS and BIND",](https://books.example.com/bind) '
        "[Cricket Liu](https://books.example.com/bind)\n\n"
        "\\- [Filtering at home (talk, 2024)](https://www.youtube.com/watch?v=WYa9n0F4CRM)\n"
    )
    text = _page("", references)
    assert mdclean.fix(text, config=ONLY, unsafe=True).text == text
    menu_after = _page(
        "", f"{references}\n- [Home](https://blog.example.org/)\n- [About](/about/)\n"
    )
    assert mdclean.fix(menu_after, config=ONLY, unsafe=True).text == text
