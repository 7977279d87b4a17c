"""Session 22's safe cores for a site's navigation and related boxes, each beside its
look-alike: BP185 reads the page's site from exact evidence when no address is noted (the head's
links agreeing with a link to that site's home page; a skip link written in absolute form), and
takes the stretches of a run it reads on its own; LK030 takes a box of the site's own articles
under a known related-posts title with plain ``--fix``, and any other title only with
``--unsafe-fixes``, and never a docs page's or an author's own list."""

from __future__ import annotations

from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

ARTICLE = (
    "# Prices of mangos rise again\n\n"
    "Mangos and papayas cost more this summer because freight from South America and Asia has "
    "risen sharply and many containers are missing. Traders at the market report increases of "
    "up to thirty percent, and nobody expects the prices to fall before the winter.\n"
)
MENU = (
    "* [Politics](https://www.news.example.com/politics/)\n"
    "* [Business](https://www.news.example.com/business/)\n"
    "* [Culture](https://www.news.example.com/culture/)\n"
)
LOGO = "[![News](https://www.news.example.com/logo.png)](https://www.news.example.com/)\n"
FOOTER = (
    "[Imprint](https://www.news.example.com/imprint/) "
    "[Privacy](https://www.news.example.com/privacy/) "
    "[Terms](https://www.news.example.com/terms/)\n"
)


def _page(head: str) -> str:
    return f"{head}\n{MENU}\n{ARTICLE}\n{FOOTER}"


def test_bp185_site_read_from_the_head_when_its_home_link_agrees() -> None:
    page = _page("Skip to content\n\n" + LOGO)
    fixed = _safe("BP185", page)
    assert "[Politics]" not in fixed and "[Imprint]" not in fixed
    assert "Traders at the market" in fixed


def test_bp185_head_without_a_home_link_waits_for_unsafe_fixes() -> None:
    page = _page("Skip to content\n")
    assert _safe("BP185", page) == page
    assert "[Politics]" not in _unsafe("BP185", page)


def test_bp185_absolute_skip_link_names_the_page_site() -> None:
    page = _page("[Skip to content](https://www.news.example.com/2024/05/mangos/#main)\n")
    fixed = _safe("BP185", page)
    assert "[Politics]" not in fixed and "[Imprint]" not in fixed


def test_bp185_relative_skip_link_names_no_site() -> None:
    page = _page("[Skip to content](#main)\n")
    assert "[Politics]" in _safe("BP185", page)


def test_bp185_takes_the_stretch_it_reads_beside_a_title_line() -> None:
    page = _page("Prices of mangos rise again - News Example\n\nSkip to content\n\n" + LOGO)
    safe = _safe("BP185", page)
    assert "[Politics]" not in safe
    assert "Prices of mangos rise again - News Example" in safe  # (the title line: a guess)
    assert "News Example" not in _unsafe("BP185", page)


KO_BODY = (
    "주말 밤 9시 두 방송사는 막장극의 대결로 붙는 경우가 흔하다. 현재 한 방송사는 주연 배우의 새 "
    "드라마를, 다른 방송사는 또 다른 배우의 드라마를 방영 중이다. 두 드라마 모두 시청률 경쟁이 "
    "치열하며 배우들의 연기 대결도 화제가 되고 있다. 시청자들의 반응도 엇갈린다.\n"
)
BOX = (
    "* [‘골목식당’ 결국 대폭발한 백종..](/news/news_view.html?idx=9621)\n"
    "* [‘썰전’ 유시민·전원책, 얼마나..](/news/news_view.html?idx=5943)\n"
    "* [모두가 기대한다는 ‘청춘시대3’..](/news/news_view.html?idx=7128)\n"
)


def test_lk030_known_title_is_safe() -> None:
    page = f"{KO_BODY}\n### **많이 본** 뉴스\n\n{BOX}"
    assert _safe("LK030", page) == KO_BODY


def test_lk030_other_title_waits_for_unsafe_fixes() -> None:
    page = f"{KO_BODY}\n### **집중**분석\n\n{BOX}"
    assert _safe("LK030", page) == page
    assert _unsafe("LK030", page) == KO_BODY


def test_lk030_leaves_a_docs_see_also_and_an_author_list() -> None:
    docs = (
        f"{KO_BODY}\n## Related pages\n\n* [Build settings](/docs/build/settings/)\n"
        "* [Environment](/docs/build/environment/)\n* [Command line](/docs/build/cli/)\n"
    )
    author = (
        f"{KO_BODY}\n## More on caching\n\n* [Caching basics](/caching-basics/)\n"
        "* [Cache invalidation](/cache-invalidation/)\n* [Cache warming](/cache-warming/)\n"
    )
    for page in (docs, author):
        assert _unsafe("LK030", page) == page


def test_lk030_leaves_a_list_inside_the_article() -> None:
    page = f"{KO_BODY}\n### 많이 본 뉴스\n\n{BOX}\n{KO_BODY}"
    assert _unsafe("LK030", page) == page
