"""BP140/BP141 (chrome-line-runs): a text dump's header and footer, read line by line.

What goes: runs of caption lines of several families in the paragraphs above the article's
first text line or below its last. What stays: every article line, the title and byline
lines around a run, the author's own lists of such words, a repository's own navigation.
"""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config

ARTICLE = (
    "The cache keeps each result for an hour. After that the next request computes it again\n"
    "and stores the new value, so a slow upstream service is asked at most once an hour.\n"
)
HEADER = "Skip to main content\nExample Blog\nMenu\nHome\nAbout\nSearch\n"
FOOTER = (
    "About\nContact\nPrivacy Policy\nTerms of Service\nTwitter\nGitHub\n"
    "© 2026 Example Inc. All rights reserved.\n"
)


def _fixed(text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=Config(), unsafe=unsafe).text


def _codes(text: str) -> set[str]:
    return {v.code for v in mdclean.lint(text, config=Config())}


def test_a_header_paragraph_and_a_footer_paragraph_go() -> None:
    text = HEADER + "\n" + ARTICLE + "\n" + FOOTER
    assert _fixed(text) == ARTICLE
    assert {"BP140", "BP141"} <= _codes(text)


def test_the_lines_go_and_every_other_byte_of_the_paragraph_stays() -> None:
    # The header and the title are one paragraph; CRLF line ends stay as they were.
    text = "Post title | Example\r\n" + HEADER.replace("\n", "\r\n") + "My Post Title\r\n\r\n"
    text += ARTICLE.replace("\n", "\r\n")
    assert _fixed(text) == "Post title | Example\r\nMy Post Title\r\n\r\n" + ARTICLE.replace(
        "\n", "\r\n"
    )


def test_fixing_twice_changes_nothing_more() -> None:
    once = _fixed(HEADER + "\n" + ARTICLE + "\n" + FOOTER)
    assert _fixed(once) == once


def test_a_run_with_the_skip_link_and_two_more_families_is_safe() -> None:
    text = HEADER + "\n" + ARTICLE
    found = [v for v in mdclean.lint(text, config=Config()) if v.code == "BP140"]
    assert found and all(v.fix is not None and v.fix.is_safe for v in found)
    assert _fixed(text, unsafe=False) == ARTICLE


def test_a_run_without_its_anchor_is_unsafe() -> None:
    # Three families, no skip link: taken only with --unsafe-fixes.
    text = "Home\nAbout\nSearch\nLog in\n\n" + ARTICLE
    assert _fixed(text, unsafe=False) == text
    assert _fixed(text) == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        # an author's list, introduced by a colon
        ARTICLE + "\nThe footer holds:\nAbout\nPrivacy Policy\nTwitter\n© 2026 Example Inc\n",
        # a section of the author's under a heading, no copyright line
        ARTICLE + "\n## Links\n\nHome\nBlog\nPrivacy Policy\nGitHub\n",
        # one family only: the legal pages
        ARTICLE + "\nPrivacy Policy\nTerms of Service\nCookie Policy\n",
        # a repository's navigation: relative links
        "[Home](docs/index.md)\n[About](docs/about.md)\n[Search](docs/search.md)\n[Log in](login.md)\n\n"
        + ARTICLE,
        # a page of short lines only: no article bounds a zone
        "Home\nAbout\nContact\nPrivacy Policy\nTwitter\n© 2026 Me\n",
        # a poem's lines after the prose
        ARTICLE + "\nI wandered lonely as a cloud\nThat floats on high o'er vales and hills\n",
        # an address block at the end
        ARTICLE + "\nACME Corporation\n1123 Fictional St,\nSan Francisco, CA 94103\n",
        # captions inside the article, between text lines
        ARTICLE + "\nHome\nAbout\nSearch\n\n" + ARTICLE,
        # fenced code holding a menu
        ARTICLE + "\n```text\nHome\nAbout\nPrivacy Policy\n© 2026 Example\n```\n",
    ],
)
def test_lookalikes_stay(text: str) -> None:
    assert not {"BP140", "BP141"} & _codes(text)
    mine = Config(select=("BP140", "BP141"))
    assert mdclean.fix(text, config=mine, unsafe=True).text == text


@pytest.mark.parametrize(
    ("header", "body"),
    [
        (
            "Zum Inhalt springen\nMenü\nStartseite\nÜber uns\nKontakt\n",
            "Wir sind früh aufgebrochen, um die Flut nicht zu verpassen, und waren um sieben am Strand.\n",
        ),
        (
            "Aller au contenu\nMenu\nAccueil\nÀ propos\nRechercher\n",
            "Nous sommes partis tôt pour ne pas manquer la marée, et nous étions sur la plage à sept heures.\n",
        ),
        (
            "Saltar al contenido\nMenú\nInicio\nContacto\nBuscar\n",
            "Salimos temprano para no perder la marea y a las siete ya estábamos en la playa.\n",
        ),
        (
            "跳至内容\n菜单\n首页\n关于我们\n搜索\n",
            "我们一早就出发了，生怕错过涨潮，七点钟就已经到了海边，天气非常好。\n",
        ),
        (
            "本文へスキップ\nメニュー\nホーム\nお問い合わせ\n検索\n",
            "潮を逃さないように早く出発し、七時には浜辺に着いていました。とても良い天気でした。\n",
        ),
        (
            "Перейти к содержимому\nМеню\nГлавная\nКонтакты\nПоиск\n",
            "Мы выехали рано, чтобы не пропустить прилив, и к семи уже были на пляже.\n",
        ),
    ],
)
def test_headers_in_other_languages_go(header: str, body: str) -> None:
    assert _fixed(header + "\n" + body) == body


def test_a_title_and_byline_after_the_last_caption_stay() -> None:
    text = "Skip to content\nMenu\nHome\nMy Trip to Lisbon\nBy Ana Silva\n\n" + ARTICLE
    assert _fixed(text) == "My Trip to Lisbon\nBy Ana Silva\n\n" + ARTICLE


def test_a_dumps_first_lines_do_not_start_the_article() -> None:
    text = (
        "# Source: https://docs.example.com/guide\n\nTitle: Guide\n\n"
        "URL Source: https://docs.example.com/guide\n\nMarkdown Content:\n"
        "Skip to main content\nDocs\nBlog\nLog in\nSign up\nGuide\n\n" + ARTICLE
    )
    assert _fixed(text) == (
        "# Source: https://docs.example.com/guide\n\nTitle: Guide\n\n"
        "URL Source: https://docs.example.com/guide\n\nMarkdown Content:\nGuide\n\n" + ARTICLE
    )


def test_the_fast_path_changes_nothing() -> None:
    texts = [
        HEADER + "\n" + ARTICLE + "\n" + FOOTER,
        "Home\nAbout\nSearch\nLog in\n\n" + ARTICLE,
        ARTICLE + "\nPrivacy Policy\nTerms of Service\n",
    ]
    for text in texts:
        assert mdclean.lint(text, config=Config()) == mdclean.lint(
            text, config=Config(fast_path=False)
        )


def test_an_authors_contact_section_under_a_heading_stays() -> None:
    # The copyright line anchors the zone, but the networks open a section of the author's.
    text = ARTICLE + "\n## Contact\n\nTwitter\nGitHub\nBlog\n\nCopyright 2024 Jane Doe\n"
    assert "BP141" not in _codes(text)


def test_a_footer_run_holding_its_copyright_line_is_safe_and_one_beside_it_is_not() -> None:
    safe = ARTICLE + "\n" + FOOTER
    assert _fixed(safe, unsafe=False) == ARTICLE
    beside = ARTICLE + "\nAbout\nPrivacy Policy\nTwitter\n\n© 2026 Example Inc.\n"
    # The run holds no copyright line, so BP141 waits; the copyright line at the page's end
    # is BP490's, which takes it alone.
    assert _fixed(beside, unsafe=False) == ARTICLE + "\nAbout\nPrivacy Policy\nTwitter\n"
    assert "Privacy Policy" not in _fixed(beside)


def test_a_crawled_docs_sites_header_goes_though_its_links_lead_to_the_manual() -> None:
    header = (
        "Skip to main content\n[Docs](https://example.com/docs/)\n"
        "[Blog](https://example.com/blog/)\n[Log in](https://example.com/login)\n"
    )
    assert _fixed(header + "\n" + ARTICLE) == ARTICLE
    # Without the skip link, links into a manual are the manual's own navigation.
    plain = "[Docs](https://example.com/docs/)\n[Blog](https://example.com/blog/)\n"
    plain += "[Log in](https://example.com/login)\n[Search](https://example.com/docs/search)\n\n"
    assert "BP140" not in _codes(plain + ARTICLE)
