"""Session 21's safe cores and precision fixes, each beside its look-alike: the regions a converter
kept named by the platform's own names (WordPress's core blocks and widgets, Jetpack, Disqus,
Blogger) go with plain ``--fix``, the same regions named by a theme's own words wait for
``--unsafe-fixes``; a saver's own header lines stay (Jina Reader's "Published Time:",
MarkDownload's excerpt box)."""

from __future__ import annotations

import pytest
from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

import mdclean
from mdclean.config import Config

ARTICLE = (
    "The router's own resolver kept port 53, so the filtering server moved to port 54. Every "
    "client now asks the router, and the router forwards each query to the filter first."
)


def _page(region: str) -> str:
    """A pandoc conversion of a WordPress post: the article's container, then the region."""
    return f"::: {{.entry-content}}\n{ARTICLE}\n:::\n\n{region}"


# Each region by the platform's own name, and its look-alike named by a theme's own words (a name
# the rule knows, but no platform's).
NAMED = [
    (
        "BP272",
        "::: {.footer-widgets}\n::: {#text-8 .widget_text}\nÉcris-nous quand tu veux.\n:::\n:::\n",
        "#text-8 .widget_text",
        ".contact-box",
    ),
    (
        "BP274",
        "::: {#jp-relatedposts .jp-relatedposts}\n### Related\n\n"
        "[Moving DNS to port 54](https://blog.example.org/2024/05/dns/)\n:::\n",
        "#jp-relatedposts .jp-relatedposts",
        ".cookie-bar",
    ),
    (
        "BP274",
        "::: {#likes-other-gravatars}\n::: {.likes-text}\n%d blogueurs aiment cette page :\n:::\n:::\n",
        "#likes-other-gravatars",
        ".cookie-popup",
    ),
    (
        "BP273",
        "::: {.post-navigation-link-previous .wp-block-post-navigation-link}\n"
        '[Testando a ferramenta](https://blog.example.org/2023/01/28/testando/){rel="prev"}\n:::\n',
        ".post-navigation-link-previous .wp-block-post-navigation-link",
        ".main-menu",
    ),
    (
        "BP270",
        "::: {#disqus_thread}\nPlease enable JavaScript to view the comments.\n:::\n",
        "#disqus_thread",
        ".comments-wrapper",
    ),
    (
        "BP271",
        "::: {#sidebar .sidebar-shell}\n::: {.textwidget}\nSuivez moi sur les réseaux.\n:::\n:::\n",
        ".textwidget",
        ".dbx-content",
    ),
    (
        "BP272",
        "::: wp-block-template-part\n"
        "::: {.wp-block-post-date}\n[28 de janeiro de 2023](https://blog.example.org/2023/01/28/octant/)\n:::\n"
        ":::\n",
        ".wp-block-post-date",
        ".post-date-box",
    ),
]


@pytest.mark.parametrize(("code", "region", "name", "other"), NAMED)
def test_a_region_by_the_platforms_own_name_goes_with_safe_fixes(
    code: str, region: str, name: str, other: str
) -> None:
    fixed = _safe(code, _page(region))
    assert ARTICLE in fixed
    assert name not in fixed


@pytest.mark.parametrize(("code", "region", "name", "other"), NAMED)
def test_a_region_by_a_themes_own_word_waits_for_unsafe_fixes(
    code: str, region: str, name: str, other: str
) -> None:
    text = _page(region.replace(name, other))
    assert _safe(code, text) == text
    assert other not in _unsafe(code, text)


# BP101: Jina Reader's header field stays; the theme's byline under the title goes.

JINA = (
    "Title: How we cut our build times in half\n\n"
    "URL Source: https://blog.example.com/2023/03/build-times/\n\n"
    "Published Time: 2023-03-03T10:00:00+00:00\n\n"
    "Markdown Content:\n"
)
BYLINE = "# How we cut our build times in half\n\nBy Jane Doe · 5 min read\n\n"
BODY = "The build took forty minutes last spring, and this post explains what we changed.\n"


def test_jina_readers_published_time_stays() -> None:
    text = JINA + BODY
    assert _unsafe("BP101", text) == text


def test_the_byline_under_a_jina_header_goes() -> None:
    fixed = _unsafe("BP101", JINA + BYLINE + BODY)
    assert "Published Time: 2023-03-03" in fixed and "Jane Doe" not in fixed


def test_a_themes_published_line_is_still_a_byline() -> None:
    text = "# Title\n\nPublished on March 3, 2023 by [Jane](/author/jane/)\n\n" + BODY
    assert "Jane" not in _unsafe("BP101", text)


# BP081: MarkDownload's excerpt box is the saver's header: off unless a folder opts in.

MARKDOWNLOAD = (
    "---\nsource: https://docs.example.com/guide/faces\n---\n\n# Face types\n\n"
    "> ## Excerpt\n> This section describes the face types.\n\n---\n"
    "This section describes the face types found in the geometry and their properties.\n"
)


def test_markdownloads_excerpt_box_stays_by_default() -> None:
    assert mdclean.fix(MARKDOWNLOAD, unsafe=True).text == MARKDOWNLOAD


def test_markdownloads_excerpt_box_goes_when_the_rule_is_selected() -> None:
    assert "Excerpt" not in _safe("BP081", MARKDOWNLOAD)


# LK005: a second copy of the page's opening run is a second copy of the page; a copy of a
# run from the page's middle (a tutorial's sections again after a rule) waits.


def _lk005_examples() -> list[tuple[str, str]]:
    from mdclean.catalogue import builtin_rules

    rule = next(rule for rule in builtin_rules() if rule.code == "LK005")
    return [(ex.text, ex.fixed) for ex in rule.examples if ex.fixed is not None]


def test_a_second_copy_of_the_whole_page_goes_with_safe_fixes() -> None:
    bad, fixed = _lk005_examples()[0]
    assert _safe("LK005", bad) == fixed


def test_a_copy_of_a_run_from_the_middle_waits_for_unsafe_fixes() -> None:
    bad, fixed = _lk005_examples()[1]
    assert _safe("LK005", bad) == bad
    assert _unsafe("LK005", bad) == fixed


# BP083: pandoc's containers around a theme's hidden label, and a byline heading whose name
# pandoc kept as a named span, are the theme's; a container with a visible word waits.


def _tail_with(block: str) -> str:
    from test_fix_safety import WP_POST, WP_TAIL

    return WP_POST + WP_TAIL.replace("### _Related_\n\n", block + "### _Related_\n\n")


def _post() -> str:
    from test_fix_safety import WP_POST

    return WP_POST.rstrip("\n") + "\n"


# (BP297 takes such a container alone; without it, BP083's run must prove the block itself.)
WITHOUT_HIDDEN_LINES = Config(ignore=("BP297",))


def test_a_container_of_a_label_shown_to_screen_readers_only_goes_with_safe_fixes() -> None:
    block = "::: {#secondary .search-box}\n[Rechercher :]{.screen-reader-text}\n:::\n\n"
    assert mdclean.fix(_tail_with(block), config=WITHOUT_HIDDEN_LINES).text == _post()


def test_a_container_of_a_visible_label_waits_for_unsafe_fixes() -> None:
    block = "::: {#secondary .search-box}\n[Rechercher :]{.search-label}\n:::\n\n"
    assert "Rechercher" in mdclean.fix(_tail_with(block), config=WITHOUT_HIDDEN_LINES).text


def test_a_published_by_heading_with_a_named_span_goes_with_safe_fixes() -> None:
    block = (
        "::: {.author-heading}\n"
        "Publié par [Jeanne Martin]{.author-name} {#publie-par .author-title}\n"
        "-----------------\n:::\n\n"
    )
    assert mdclean.fix(_tail_with(block)).text == _post()


def test_a_heading_of_words_in_a_named_span_waits_for_unsafe_fixes() -> None:
    block = (
        "::: {.author-heading}\n"
        "Mes remerciements à [toute l'équipe du journal]{.team} {#merci .title}\n"
        "-----------------\n:::\n\n"
    )
    assert "remerciements" in mdclean.fix(_tail_with(block)).text


def test_a_block_covered_but_for_closing_fences_is_covered() -> None:
    from mdclean.document import Document
    from mdclean.matchers.tail_evidence import covered_but_fences

    text = "Intro.\n\n::: {#outer}\n::: {.widget-area}\nArchives mars 2020\n:::\n:::\n"
    doc = Document(text)
    block = doc.root.children[-1]
    region = (text.index("::: {.widget-area}"), text.index("2020") + len("2020\n:::"))
    assert covered_but_fences(doc, block, [region])
    # A span that leaves a word of the block out does not cover it.
    short = (region[0], text.index("2020"))
    assert not covered_but_fences(doc, block, [short])
