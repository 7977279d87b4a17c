"""BP190 (site-head) and BP183 (cms-admin-links): the safe cores beside their look-alikes, and
the heads that must stay (a README's, a docs page's own breadcrumb, a head holding prose,
code or a table), in several languages."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


FRONT = (
    '---\ntitle: "Configure the gateway - Example Docs"\nurl: https://docs.example.com/gw\n---\n'
)
BODY = (
    "# Configure the gateway\n\n"
    "The gateway reads its settings from one file at start, and a reload applies most of "
    "them without dropping a connection.\n"
)
LOGO = "[![logo](https://docs.example.com/logo.svg)](https://docs.example.com/)\n\n"
TABS = "[Guides](https://docs.example.com/guides) [Reference](https://docs.example.com/ref)\n\n"


def test_a_head_of_own_links_and_captions_under_the_front_matters_title_is_safe() -> None:
    text = FRONT + LOGO + "Search...\n\nCtrl K\n\n" + TABS + BODY
    assert _safe("BP190", text) == FRONT + "\n" + BODY


def test_a_link_to_another_site_in_the_head_waits_for_unsafe_fixes() -> None:
    other = "- [Join us on Discord](https://discord.com/invite/x)\n\n"
    text = FRONT + LOGO + "Search...\n\n" + other + TABS + BODY
    assert _safe("BP190", text) == text
    assert _unsafe("BP190", text) == FRONT + "\n" + BODY


def test_a_label_in_the_head_waits_for_unsafe_fixes() -> None:
    text = FRONT + LOGO + "Search...\n\nProviders\n\n" + TABS + BODY
    assert _safe("BP190", text) == text
    assert _unsafe("BP190", text) == FRONT + "\n" + BODY


@pytest.mark.parametrize(
    "head",
    [
        # a paragraph of the author's prose in the head
        "Ce guide suppose que vous avez déjà installé la passerelle sur un serveur à vous, "
        "avec un accès administrateur et une adresse publique.\n\n",
        # code
        "```\ngateway --config gw.toml\n```\n\n",
        # a table
        "| Version | Date |\n| --- | --- |\n| 2.1 | 2024-05-02 |\n\n",
        # a section heading of its own
        "## Vorbereitung\n\n",
    ],
)
def test_a_head_holding_text_code_a_table_or_a_heading_stays(head: str) -> None:
    text = FRONT + LOGO + "Search...\n\n" + head + TABS + BODY
    assert _unsafe("BP190", text) == FRONT + LOGO + "Search...\n\n" + head + TABS + BODY


@pytest.mark.parametrize(
    "text",
    [
        # a README: logo, badges, language links, site links, then the project's title
        '<p align="center"><img src="docs/logo.png" width="120"></p>\n\n'
        "[![PyPI](https://img.shields.io/pypi/v/notekit.svg)](https://pypi.org/project/notekit/)\n\n"
        "[English](README.md) | [简体中文](README.zh-CN.md) | [日本語](README.ja.md)\n\n"
        "# notekit\n\nnotekit turns a folder of notes into a static site. It needs Python 3.10.\n",
        # a Hugo post: its own breadcrumb and hero picture over the title
        '---\ntitle: "Drei Tage in Gent"\n---\n[Startseite](/) › [Reisen](/reisen/)\n\n'
        "![Die Leie am Abend](/images/gent.jpg)\n\n# Drei Tage in Gent\n\n"
        "Wir sind an einem Freitagabend losgefahren, mit zwei Taschen und ohne Plan.\n",
        # a Korean docs page: a see-also list above a level-one section, no page signs
        "설치 방법은 아래 문서를 참고하세요.\n\n- [설치](https://docs.example.kr/install/)\n"
        "- [설정](https://docs.example.kr/config/)\n- [문제 해결](https://docs.example.kr/faq/)\n\n"
        "# 빠른 시작\n\n명령 하나로 서버를 띄울 수 있습니다. 먼저 설정 파일을 만드세요.\n",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert _unsafe("BP190", text) == text


ADMIN_BAR = (
    "- [About WordPress](https://example.com/wp-admin/about.php)\n"
    "- [Dashboard](https://example.com/wp-admin/)\n"
    "- [3 updates](https://example.com/wp-admin/update-core.php)\n"
    "- [New](https://example.com/wp-admin/post-new.php)\n"
    "- [Edit Post](https://example.com/wp-admin/post.php?post=1&action=edit)\n"
    "- [Log Out](https://example.com/wp-login.php?action=logout)\n\n"
)
ARTICLE = "We measured our visits without cookies for a year, and the numbers barely moved.\n"


def test_an_admin_bar_of_admin_links_alone_is_safe() -> None:
    assert _safe("BP183", ADMIN_BAR + ARTICLE) == ARTICLE


def test_an_admin_bar_with_its_wordpress_org_menu_is_still_the_toolbar() -> None:
    bar = ADMIN_BAR.replace(
        "- [Log Out]",
        "- [WordPress.org](https://wordpress.org/)\n- [Docs](https://wordpress.org/documentation/)\n"
        "- [Learn](https://learn.wordpress.org/)\n- [Support](https://wordpress.org/support/)\n"
        "- [Log Out]",
    )
    assert _safe("BP183", bar + ARTICLE) == ARTICLE


def test_admin_links_among_an_articles_own_links_stay() -> None:
    bar = ADMIN_BAR.replace(
        "- [Log Out]",
        "- [Our survey](https://survey.example.org/results)\n- [The paper](https://arxiv.org/abs/1)\n"
        "- [Log Out]",
    )
    assert _unsafe("BP183", bar + ARTICLE) == bar + ARTICLE


def test_a_popups_heading_above_the_site_head_does_not_hide_the_title() -> None:
    popup = "# Por favor, espera. Copia en progreso...\n\nEl tiempo promedio es de 8 copias.\n\n"
    head = (
        "[![Marcos](logo.png)](https://blog.example.es/)\n\n"
        "- [Inicio](https://blog.example.es/)\n- [Quién soy](https://blog.example.es/whoami/)\n"
        "- [Tutoriales](https://blog.example.es/category/tutoriales/)\n\n"
    )
    body = "# Analytics\n\nAnalytics aloja una instancia de Metabase en un servidor web antiguo.\n"
    assert _unsafe("BP190", popup + head + body) == popup + body


def test_a_crawlers_title_line_names_the_title_under_the_head() -> None:
    lines = "Title: Webpack | VuePress\n\nURL Source: https://vuepress.example.org/webpack\n\n"
    head = "[VuePress](https://vuepress.example.org/)\n\nSearch\n\n"
    body = "# Webpack\n\nThe webpack bundler is provided by its own package, installed beside the core.\n"
    assert _unsafe("BP190", lines + head + body) == lines + body
    assert _safe("BP190", lines + head + body) == lines + head + body


def test_a_page_without_a_title_heading_is_read_below_the_crawlers_lines() -> None:
    lines = "Title: 年度总结\n\nURL Source: https://ramble.example.cn/1214/\n\n"
    head = (
        "# [某人的随笔](/)\n\n- [今天](https://ramble.example.cn/today/)\n"
        "- [归档](https://ramble.example.cn/all/)\n- [关于](https://ramble.example.cn/about/)\n\n"
    )
    body = "时间过得可真快啊，其实十一月就已经出来了，只是今天看到别的应用也要出总结了才想起来。\n"
    assert _unsafe("BP190", lines + head + body) == lines + body
