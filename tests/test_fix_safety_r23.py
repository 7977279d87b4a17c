"""Session 23's related-box safe cores, each beside its look-alike: BP470 takes a box title's run
of teasers of the site's own articles with plain ``--fix`` when every title links an article's
address by the strict reading, below the article; a converter's relative links, or a box above
the article, wait for ``--unsafe-fixes``; a docs page's related list, a blog's index page,
external references and a section with prose between its titles stay in every mode."""

from __future__ import annotations

from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

PROSE = (
    "The council met on Tuesday and agreed, after a long and heated debate that ran late into "
    "the night, to fund the new library on the market square for another three years, with a "
    "review of its opening hours every spring.\n"
)


def _cards(*titles: tuple[str, str], level: str = "####") -> str:
    return "\n".join(f"{level} [{title}]({href})\n\n14.07.2020\n" for title, href in titles)


DATED = (
    ("Kitas schicken Kinder mit Schnupfen nach Hause", "/berlin/2020/07/kitas-schnupfen/"),
    ("Lazarett auf Schienen für die Patienten", "/politik/2020/07/lazarett-auf-schienen/"),
    ("Uncle Donald benimmt sich wie ein Kind", "/politik/2020/07/uncle-donald/"),
)


def test_bp470_known_title_over_dated_own_articles_is_safe() -> None:
    page = f"{PROSE}\n##### Meistgelesen\n\n{_cards(*DATED)}"
    fixed = _safe("BP470", page)
    assert "Meistgelesen" not in fixed and "Lazarett" not in fixed
    assert "market square" in fixed


def test_bp470_box_above_the_article_waits_for_unsafe_fixes() -> None:
    page = f"##### Meistgelesen\n\n{_cards(*DATED)}\n{PROSE}"
    assert _safe("BP470", page) == page
    assert "Lazarett" not in _unsafe("BP470", page)


def test_bp470_relative_wrapped_links_wait_for_unsafe_fixes() -> None:
    page = (
        f"{PROSE}\n## Les plus lus\n\n"
        "## [Des tweets et des gauches](politique/article/des-tweets-et-des-gauches\n"
        '"Consulter l\'article")\n\n'
        "## [Peut-on être libre d'obéir ? Vous avez quatre\nheures](idees/article/peut-on-etre-"
        "libre-d-\nobeir-vous-avez-quatre-heures)\n\n"
        "## [Retraites : les pompiers poursuivent le\nmouvement](societe/article/retraites-les-"
        "pompiers-poursuivent)\n\n## Derniers Tweets\n"
    )
    assert _safe("BP470", page) == page
    fixed = _unsafe("BP470", page)
    assert "Les plus lus" not in fixed and "pompiers" not in fixed
    assert "## Derniers Tweets" in fixed and "market square" in fixed


def test_bp470_docs_related_articles_of_markdown_files_stay() -> None:
    page = (
        f"{PROSE}\n## Related articles\n\n"
        "- [Configure the exporter for large tables](configure-large-tables.md)\n"
        "- [Schedule exports with the task runner](schedule-exports-task-runner.md)\n"
        "- [Troubleshoot failed export jobs quickly](troubleshoot-failed-exports.md)\n"
    )
    assert _unsafe("BP470", page) == page


def test_bp470_docs_pages_under_a_related_title_stay() -> None:
    page = f"{PROSE}\n## Related articles\n\n" + _cards(
        ("Configure the exporter for large tables", "/docs/exporter/configure-large-tables/"),
        ("Schedule exports with the task runner", "/docs/exporter/schedule-exports-runner/"),
        ("Troubleshoot failed export jobs quickly", "/docs/exporter/troubleshoot-failed-jobs/"),
    )
    assert _unsafe("BP470", page) == page


def test_bp470_further_reading_on_other_sites_stays() -> None:
    page = (
        "[Home](https://news.example.com/) [World](https://news.example.com/world/)\n\n"
        f"{PROSE}\n## Most read\n\n"
        + _cards(
            ("Why databases return rows in any order", "https://a.example.org/2019/05/rows/"),
            ("Sorting at scale in the real world", "https://b.example.net/2021/03/sorting/"),
            ("A history of the relational model", "https://c.example.io/2018/01/history/"),
        )
    )
    assert _unsafe("BP470", page) == page


def test_bp470_index_page_of_teasers_alone_stays() -> None:
    page = "## Most read\n\n" + _cards(*DATED)
    assert _unsafe("BP470", page) == page


def test_bp470_titles_with_prose_between_them_stay() -> None:
    page = (
        f"{PROSE}\n## Most read\n\n"
        f"### [{DATED[0][0]}]({DATED[0][1]})\n\n{PROSE}\n"
        f"### [{DATED[1][0]}]({DATED[1][1]})\n\n### [{DATED[2][0]}]({DATED[2][1]})\n"
    )
    assert _unsafe("BP470", page) == page


def test_bp470_two_titles_are_no_box() -> None:
    page = f"{PROSE}\n##### Meistgelesen\n\n{_cards(*DATED[:2])}"
    assert _unsafe("BP470", page) == page


def test_bp470_a_table_of_contents_stays() -> None:
    page = f"{PROSE}\n## Related posts\n\n" + "\n".join(
        f"- [{title}](#{href.strip('/').split('/')[-1]})" for title, href in DATED
    )
    assert _unsafe("BP470", page) == page


def test_bp120_related_post_lead_in_a_heading() -> None:
    page = (
        f"{PROSE}\n### Related post: [Pickled Brussels Sprouts Recipe]"
        "(https://cook.example.com/2016/07/pickled-brussels-sprouts-recipe/)\n\n"
        f"{PROSE}"
    )
    fixed = _safe("BP120", page)
    assert "Pickled" not in fixed and fixed.count("market square") == 2


def test_bp120_polish_learn_more_lead_waits_unless_the_address_is_a_post() -> None:
    page = (
        f"{PROSE}\n**Dowiedz się więcej: [*Kto jak głosował ws. funduszy?*]"
        "(https://www.news.example.pl/Polityka/210509843-Kto-jak-glosowal.html)**\n\n"
        f"{PROSE}"
    )
    assert _safe("BP120", page) == page
    assert "Kto jak" not in _unsafe("BP120", page)


def test_bp120_learn_more_about_a_manual_page_stays() -> None:
    page = (
        f"{PROSE}\n**Dowiedz się więcej: [konfiguracja eksportu]"
        "(https://docs.example.pl/export/konfiguracja)**\n"
    )
    assert _unsafe("BP120", page) == page
