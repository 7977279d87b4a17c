"""``link_targets``: where a saved page's links lead, read on real link shapes of many sites."""

from __future__ import annotations

import pytest

import mdclean
from mdclean import Config
from mdclean.document import Document
from mdclean.matchers.link_targets import (
    OTHER,
    PERMALINK,
    SECTION,
    own_link,
    page_site,
    target_shape,
)

SECTIONS = [
    "/",
    "/politika",
    "/politics/",
    "/edition-la-plaine",
    "/edition-la-plaine/infos-locales",
    "list_26912",  # thepaper.cn's channel lists, relative to the page
    "channel_26916",
    "/tag/rossiya",
    "//nauka.tass.ru",
    "http://noticias.uol.com.br/internacional/",
    "https://noticias.uol.com.br/coronavirus/index.htm",
    "https://www.uol.com.br/esporte/futebol/campeonatos/liga-dos-campeoes",
    "https://www.nzz.ch/international",
    "https://tvn24.pl/swiat/",
    "/provider/blnews/",
    "https://beauty.biglobe.ne.jp/nail/catalog/",
    "contribute.jsp",
    "https://clicklogger.rm.uol.com.br/?prd=16&grp=src:210;chn:43",
]
PERMALINKS = [
    "/2020/09/23/prichinoy-taynoy-inauguracii",
    "https://www.mk.ru/politics/2020/09/23/prichinoy-taynoy-inauguracii-lukashenko-stal-styd.html",
    "/moskva/8836037",
    "newsDetail_forward_4506347",
    "https://www.nzz.ch/international/israel-und-gaza-news-im-nahostkonflikt-ld.1759794",
    "https://tvn24.pl/swiat/koronawirus-w-chile-tlumy-ludzi-w-sklepach-4668753",
    "http://m.daejonilbo.com/mnews.asp?pk_no=1412361",
    "https://www.ilmattino.it/primopiano/sanita/isolamento_gli_urologi-5180477.html",
    "https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml",
    "https://www.vosgesmatin.fr/edition-la-plaine/incendie-dans-une-maison-cinq-personnes-relogees",
    "https://health.detik.com/true-story/d-7016153/curhat-wanita-kena-stroke",
    "https://www.nikkan-gendai.com/articles/view/sports/367061",
]
OTHERS = [
    "#top",
    "#cite_note-1",
    "javascript:registerwdsshow();",
    "mailto:pomoc@tvn24.pl",
    "install.md",
    "../api/foo/",
    "docs/configuration.md",
    "https://example.com/files/report.pdf",
    "../img/app_down.png",
    "/en-US/docs/Web/API/Fetch_API/Using_Fetch",
]


@pytest.mark.parametrize("href", SECTIONS)
def test_section_pages(href: str) -> None:
    assert target_shape(href) == SECTION


@pytest.mark.parametrize("href", PERMALINKS)
def test_permalinks(href: str) -> None:
    assert target_shape(href) == PERMALINK


@pytest.mark.parametrize("href", OTHERS)
def test_anchors_files_scripts_and_deep_paths_are_neither(href: str) -> None:
    assert target_shape(href) == OTHER


def test_own_links_are_paths_and_the_sites_subdomains() -> None:
    assert own_link("/politika", "tass.ru")
    assert own_link("list_25488", None)
    assert own_link("//nauka.tass.ru", "tass.ru")
    assert own_link("https://batepapo.uol.com.br/", "uol.com.br")
    assert not own_link("https://www.facebook.com/tassagency", "tass.ru")
    assert not own_link("https://tass.ru/", None)
    assert not own_link("#top", "tass.ru")
    assert not own_link("mailto:a@tass.ru", "tass.ru")


def test_the_page_site_is_the_noted_address_else_the_links() -> None:
    noted = "---\nurl: https://www.example.fr/a/b\n---\n\n[x](https://other.org/)\n"
    assert page_site(Document(noted, None, Config())) == "example.fr"
    read = "".join(f"[{n}](https://www.tass.ru/{n})\n" for n in ("a", "b", "c", "d"))
    assert page_site(Document(read, None, Config())) == "tass.ru"
    assert page_site(Document("No links at all.\n", None, Config())) is None


BP580 = Config(select=("BP580",), unsafe_fixes=True)
PROSE = (
    "Движение по новому участку трассы откроется в среду, сообщили в пресс-службе компании. "
    "Участок длиной сорок километров соединит два шоссе, разгрузит центральный узел региона и "
    "сократит время в пути для жителей пригородов почти вдвое.\n"
)
HEAD = "---\nurl: https://news.example.com/moskva/8836033\n---\n\n"


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=BP580).text


def test_a_mega_menu_past_the_article_goes() -> None:
    menu = "".join(f"#### [{n}](/{n})\n\n" for n in ("sport", "kultura", "nauka", "moskva", "mir"))
    text = f"{HEAD}# Title\n\n{PROSE}\n{menu}"
    assert _fixed(text).rstrip() == f"{HEAD}# Title\n\n{PROSE}".rstrip()


def test_a_short_list_of_the_sites_pages_between_prose_stays() -> None:
    menu = "".join(f"* [{n}](/{n})\n" for n in ("sport", "kultura", "nauka", "moskva", "mir"))
    text = f"{HEAD}# Title\n\n{PROSE}\n{menu}\n{PROSE}"
    assert _fixed(text) == text


def test_a_list_of_posts_stays() -> None:
    posts = "".join(f"* [{n}](/2024/05/0{i}/{n}/)\n" for i, n in enumerate("abcdef", 1))
    text = f"{HEAD}# Title\n\n{PROSE}\n{posts}"
    assert _fixed(text) == text


def test_a_page_without_the_sign_of_a_saving_is_not_read() -> None:
    menu = "".join(f"* [{n}](/{n})\n" for n in ("sport", "kultura", "nauka", "moskva", "mir"))
    text = f"# Title\n\n{PROSE}\n{menu}"
    assert _fixed(text) == text


def test_a_submenu_indented_into_code_goes_with_the_menu() -> None:
    # (html2text indents a submenu under its caption: a code block of links alone, one a
    # line, is no code, and the guard lets it go whole)
    submenu = "".join(f"    * [{n}](/sport/{n})\n" for n in ("futbol", "hockey", "tennis"))
    menu = "".join(f"* [{n}](/{n})\n" for n in ("kultura", "nauka", "moskva", "mir", "ekonomika"))
    text = f"{HEAD}# Title\n\n{PROSE}\n#### [Sport](/sport)\n\n{submenu}\n{menu}"
    fixed = _fixed(text)
    assert "[kultura]" not in fixed
    assert "[futbol]" not in fixed
    assert fixed.endswith(f"{PROSE}")


def test_code_that_shows_links_stays() -> None:
    # (a code block with anything besides links, one a line, is code: the menu around it goes)
    code = "    * [futbol](/sport/futbol)\n    x = 1\n"
    menu = "".join(f"* [{n}](/{n})\n" for n in ("kultura", "nauka", "moskva", "mir", "ekonomika"))
    text = f"{HEAD}# Title\n\n{PROSE}\n{code}\n{menu}"
    fixed = _fixed(text)
    assert "    x = 1" in fixed


def test_the_title_between_two_menus_stays() -> None:
    head = "".join(f"* [{n}](/{n})\n" for n in ("sport", "kultura", "nauka"))
    tail = "".join(f"* [{n}](/{n})\n" for n in ("moskva", "mir", "ekonomika"))
    text = f"{HEAD}{head}\n# Title\n\n{tail}\n{PROSE}"
    fixed = _fixed(text)
    assert "# Title" in fixed
    assert PROSE in fixed


def test_a_see_also_list_after_a_menu_stays() -> None:
    names = ("sport", "kultura", "nauka", "moskva", "mir", "ekonomika", "politika", "video")
    menu = "".join(f"* [{n}](/{n})\n" for n in names)
    see = "".join(f"* [{n}](/{n})\n" for n in ("settings", "rules", "output", "server", "cache"))
    text = f"{HEAD}# Title\n\n{PROSE}\n{menu}\n## See also\n\n{see}"
    fixed = _fixed(text)
    assert "[kultura]" not in fixed
    assert f"## See also\n\n{see}" in fixed
