"""BP270-BP274 (``named-region``): a page's regions named by the field's class/id vocabulary go
whole, read with their nesting; the article's wrappers, code, look-alikes and unclosed
containers stay. Each case puts the evidence beside its look-alike."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

CODES = ("BP270", "BP271", "BP272", "BP273", "BP274")


def _fix(text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=Config(select=CODES), unsafe=unsafe).text


def _found(text: str) -> list[str]:
    return [v.code for v in mdclean.lint(text, config=Config(select=CODES))]


WRAPPED_PAGE = """\
::: {#page .hfeed .site}
::: {.site-branding}
[Un blog](https://blog.example.fr/ "Un blog") {.site-title}
==========
:::

::: {#primary .content-area}
::: {.entry-content}
Le premier paragraphe de l'article, assez long pour être de la prose.

Le deuxième paragraphe de l'article.
:::

::: {#comments .comments-area}
Deux réflexions {.comments-title}
---------------

1.  ::: {#li-comment-1}
    Un commentaire de lecteur.
    :::
:::
:::

::: {#secondary .widget-area role="complementary"}
Archives {.widget-title}
========

-   [juillet 2019](https://blog.example.fr/2019/07/)
:::

::: {.site-info}
[Propulsé par WordPress](https://wordpress.org/)
:::
:::
"""


def test_a_wrapped_page_keeps_its_article_and_loses_its_named_chrome() -> None:
    fixed = _fix(WRAPPED_PAGE)
    assert "Le premier paragraphe de l'article" in fixed
    assert "Le deuxième paragraphe de l'article." in fixed
    for junk in ("site-title", "Un commentaire", "juillet 2019", "Propulsé"):
        assert junk not in fixed, junk
    assert _fix(fixed) == fixed  # idempotent


def test_the_template_names_are_safe_and_the_rest_waits_for_unsafe() -> None:
    safe = _fix(WRAPPED_PAGE, unsafe=False)
    assert "Un commentaire" not in safe  # comments-area
    assert "juillet 2019" not in safe  # widget-area
    assert "Propulsé" not in safe  # site-info
    page = (
        "::: {#page .site}\n:::\n\n::: {#footer}\nMentions légales\n:::\n\n::: {#header}\nx\n:::\n"
    )
    assert _fix(page, unsafe=False) == page  # weak names: unsafe only


def test_a_region_that_wraps_the_article_stays_and_only_its_chrome_goes() -> None:
    text = (
        '<div id="comments" class="comments-area">\n<article class="post">\n\n'
        "The article's text.\n\n</article>\n</div>\n"
    )
    assert _found(text) == []


def test_a_region_that_never_closes_stays() -> None:
    text = "Text.\n\n::: {#comments .comments-area}\nA comment\n\nThe rest of the page.\n"
    assert _found(text) == []


def test_code_is_never_read() -> None:
    fence = '```html\n<div id="secondary" class="widget-area">\n</div>\n```\n'
    span = 'Wrap it in `<aside class="widget-area"></aside>` as the theme does.\n'
    indented = "Example:\n\n    ::: {.site-info}\n    Powered by\n    :::\n"
    for text in (fence, span, indented):
        assert _found(text) == [], text


def test_names_match_whole() -> None:
    for name in ("commentary-text", "has-sidebar-layout", "comments-area-note2"):
        text = f"::: {{.{name}}}\nThe author's own words.\n:::\n"
        assert _found(text) == [], name


def test_weak_names_need_two_template_names_on_two_containers() -> None:
    book = "# Chapter\n\n::: {.sidebar}\n**Why queues?** A queue smooths bursts of work.\n:::\n"
    assert _found(book) == []
    page = "::: {#page}\n::: {.sidebar}\n[Archives](https://blog.example.com/archives/)\n:::\n:::\n"
    assert _found(page) == ["BP271"]


def test_a_readability_rescue_name_keeps_the_container() -> None:
    text = (
        "::: {#page}\n::: {.sidebar .column}\nA layout column.\n:::\n\n::: {#footer}\nx\n:::\n:::\n"
    )
    assert "BP271" not in _found(text)


def test_a_raw_html_comment_list_goes_with_the_markdown_between_its_tags() -> None:
    text = (
        "The last paragraph.\n\n"
        '<ol class="commentlist">\n<li id="comment-1">\n\n'
        "A reader's long comment about the post.\n\n</li>\n</ol>\n\nMore of the page.\n"
    )
    assert _fix(text) == "The last paragraph.\n\nMore of the page.\n"


def test_camel_cased_names_read_with_hyphens() -> None:
    text = (
        "::: {#siteWrapper}\n::: {#footer}\nx\n:::\n:::\n\n"
        '::: {#mainNavWrapper content-field="navigation"}\n[home](index.html)\n:::\n\nText.\n'
    )
    assert "home" not in _fix(text)


def test_the_heading_attributes_of_the_title_keep_a_header_region() -> None:
    text = (
        "::: {#page}\n::: {#footer}\nx\n:::\n:::\n\n"
        "::: {.header}\nThe post's title {#the-posts-title .entry-title}\n================\n:::\n"
    )
    assert "The post's title" in _fix(text)


def test_a_quotes_footer_is_its_citation_on_a_templated_page() -> None:
    text = (
        '<div id="page" class="site">\n<div class="entry-content">\n\n'
        "<blockquote>\n<p>Simplicity is prerequisite for reliability.</p>\n"
        "<footer>Edsger W. Dijkstra</footer>\n</blockquote>\n\n</div>\n"
        '<footer id="colophon" class="site-footer">\n<p>© 2021</p>\n</footer>\n</div>\n'
    )
    fixed = _fix(text)
    assert "Edsger W. Dijkstra" in fixed
    assert "© 2021" not in fixed


def test_an_articles_own_header_and_footer_stay_on_a_templated_page() -> None:
    text = (
        '<div id="page" class="site">\n\n<article>\n<header>\n<h1>The post</h1>\n</header>\n\n'
        "The article's text.\n\n<footer>\n<p>Tags: queues</p>\n</footer>\n</article>\n\n"
        "<header>\n<h1>Another post, unnamed</h1>\n</header>\n\n"
        '<footer id="colophon" class="site-footer">\n<p>© 2021</p>\n</footer>\n</div>\n'
    )
    fixed = _fix(text)
    for kept in ("The post", "Tags: queues", "Another post, unnamed"):
        assert kept in fixed, kept
    assert "© 2021" not in fixed
