"""BP610 (site-footer): a footer read by where its links
lead, and the look-alikes that stay."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config
from mdclean.matchers.phrase_lists import load_phrase_list
from mdclean.matchers.site_paths import app_store, site_paths

PATHS = site_paths({"paths": ["site-info-paths"]})
BODY = (
    "Les travaux du nouveau pont commenceront au printemps et dureront deux ans, a indiqué la\n"
    "mairie, qui promet de maintenir la circulation sur une voie pendant toute la durée du\n"
    "chantier et de publier chaque mois un point sur son avancement.\n\n"
    "Les riverains pourront poser leurs questions lors de deux réunions publiques, en avril et\n"
    "en mai, où les ingénieurs présenteront les plans et le calendrier des fermetures de nuit\n"
    "prévues pour la pose du tablier.\n\n"
)
ARTICLE = "# Le nouveau pont\n\n" + BODY
FOOTER = (
    "[Qui sommes-nous](/qui-sommes-nous) · [Nous écrire](/contactez-nous) · "
    "[Mentions](/content/mentions_legales) · [Vie privée](/politique-de-confidentialite)\n\n"
    "© 2024 Le Journal\n"
)


def _lint(text: str, code: str) -> bool:
    return bool(mdclean.lint(text, config=Config(select=(code,))))


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(), unsafe=True).text


@pytest.mark.parametrize(
    "href",
    [
        "/impressum",
        "/content/mentions_legales",
        "https://www.example.ne.jp/privacy.html",
        "https://jobs.example.ch/de/startseite/",
        "/ueber-example-impressum",
        "/o-nas/",
        "/politica-de-privacidad-y-cookies",
        "https://www.example.com.tr/kunye",
        "/lien-he",
    ],
)
def test_a_service_page_is_read_from_its_address(href: str) -> None:
    assert PATHS.service_page(href)
    assert PATHS.gate().search(f"[x]({href})".lower()) is not None


@pytest.mark.parametrize(
    "href",
    [
        "contact.md",  # a manual's own page, relative to it
        "/2020/05/about-us",  # a permalink: a date in its path
        "/news/world/europe/about-the-new-treaty-and-what-it-means",  # a long slug
        "/help-centre/articles/12345",  # an article's id
        "https://example.com/a/b/c/privacy",  # deeper than a service page
        "/donald-knuth/",
    ],
)
def test_an_article_address_is_no_service_page(href: str) -> None:
    assert not PATHS.service_page(href)


def test_every_entry_passes_the_gate() -> None:
    gate = PATHS.gate()
    for entry in load_phrase_list("site-info-paths"):
        assert gate.search(f"(/{entry})") is not None, entry


def test_app_stores_by_host() -> None:
    assert app_store("https://apps.apple.com/ru/app/example/id1052524695")
    assert app_store("https://play.google.com/store/apps/details?id=com.example")
    assert not app_store("https://www.apple.com/newsroom/")


def test_the_footer_goes_from_its_first_row_of_links() -> None:
    text = ARTICLE + "[Partager](/partager) [Imprimer](/imprimer)\n\n" + FOOTER
    assert _lint(text, "BP610")
    assert _fixed(text) == ARTICLE.rstrip("\n") + "\n"


def test_the_menu_above_the_article_is_no_footer() -> None:
    menu = FOOTER.split("\n\n")[0] + "\n\n"
    assert not _lint(menu + ARTICLE, "BP610")


def test_the_article_after_a_mid_page_menu_keeps_it() -> None:
    # (more prose after the menu than before it: the menu is the page's, not its footer)
    text = ARTICLE + FOOTER.split("\n\n")[0] + "\n\n" + BODY * 3
    assert not _lint(text, "BP610")


def test_a_sentence_linking_the_privacy_policy_stays() -> None:
    text = (
        ARTICLE
        + "Nos [conditions](/cgu) et notre [politique](/politique-de-confidentialite) disent\n"
        + "combien de temps nous gardons vos messages après votre départ du service.\n"
    )
    assert not _lint(text, "BP610")


def test_the_article_s_list_and_notes_stay_above_the_footer() -> None:
    notes = "Notes\n\n1. [↑](#cite_ref-1) [La délibération](https://example.org/deliberation)\n\n"
    items = "- deux voies\n- une piste cyclable\n\n"
    for kept in (notes, items):
        text = ARTICLE + kept + FOOTER
        assert _fixed(text) == ARTICLE + kept.rstrip("\n") + "\n"


def _safe_fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP610",))).text


def test_a_footer_of_the_site_s_own_links_goes_with_safe_fixes() -> None:
    rows = "#### Le Journal\n\n[Politique](/politique/) [Sport](/sport/) [Culture](/culture/)\n\n"
    assert _safe_fixed(ARTICLE + rows + FOOTER) == ARTICLE.rstrip("\n") + "\n"


def test_a_footer_with_a_caption_or_a_link_elsewhere_waits_for_unsafe_fixes() -> None:
    for extra in (
        "Retrouvez-nous chaque matin en kiosque\n\n",
        "[Partenaire](https://partenaire.example.org/offre)\n\n",
    ):
        text = ARTICLE + "[Politique](/politique/) [Sport](/sport/)\n\n" + extra + FOOTER
        assert _safe_fixed(text) == text
        assert _fixed(text) == ARTICLE.rstrip("\n") + "\n"
