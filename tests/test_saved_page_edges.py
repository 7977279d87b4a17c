"""The page edges of saved pages: BP305's safe core beside its look-alikes, the title a
page's address names (BP306), the footer that opens with the site's name (BP305)."""

from __future__ import annotations

from saved_page_fixtures import ARTICLE, NOTED
from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

from mdclean.matchers.address_title import names_site, site_name_words, slug_names, slug_words

FOOTER = (
    "\n© 2024 Musée de la Ville\n\n"
    "[Accueil](https://musee.example.fr/) [Contact](https://musee.example.fr/contact/) "
    "[Plan du site](/plan/)\n\n"
    "## Suivez-nous\n\n"
    "[Facebook](https://www.facebook.com/museeville) [Instagram](https://www.instagram.com/museeville)"
    " [YouTube](https://www.youtube.com/@museeville)\n"
)


def _without_follow_row(text: str) -> str:
    """The tail's follow row (a heading over three social profiles) vouches for itself in plain
    ``--fix`` (``vouching``'s parts); the rest of the tail waits for unsafe fixes."""
    return text[: text.index("\n## Suivez-nous")]


def test_a_noted_page_s_footer_from_its_copyright_line_goes_with_safe_fixes() -> None:
    text = NOTED + ARTICLE + FOOTER
    assert _safe("BP305", text) == NOTED + ARTICLE


def test_a_tail_that_says_something_waits_for_unsafe_fixes() -> None:
    closing = (
        "\nMerci à l'équipe des jardiniers, qui nous a ouvert les portes du potager un matin "
        "de juin et a répondu à toutes nos questions.\n"
    )
    text = NOTED + ARTICLE + FOOTER.replace("\n## Suivez-nous", closing + "\n## Suivez-nous")
    assert _safe("BP305", text) == _without_follow_row(text)
    assert _unsafe("BP305", text) == NOTED + ARTICLE


def test_a_page_without_its_noted_address_waits_for_unsafe_fixes() -> None:
    text = "[Aller au contenu](#main)\n\n" + ARTICLE + FOOTER
    assert _safe("BP305", text) == _without_follow_row(text)
    assert _unsafe("BP305", text) == "[Aller au contenu](#main)\n\n" + ARTICLE


def test_a_crawler_s_address_heading_is_a_noted_address() -> None:
    heading = "# https://musee.example.fr/potager/\n\n"
    text = heading + ARTICLE + FOOTER
    assert _safe("BP305", text) == heading + ARTICLE


def test_a_picture_after_the_text_keeps_a_tail_without_its_end_block_unsafe() -> None:
    row = (
        "\n[Accueil](https://musee.example.fr/) [Contact](https://musee.example.fr/contact/)"
        " [Plan du site](/plan/)\n\n"
    )
    text = NOTED + ARTICLE + row + "![Le potager en juin](/img/potager.jpg)\n\n## Agenda\n"
    assert _safe("BP305", text) == text


def test_the_slug_of_an_address_names_its_title() -> None:
    slug = slug_words("https://www.musee-bossuet.fr/cite-episcopale/jardin-bossuet/")
    assert slug == ["jardin", "bossuet"]
    assert slug_names("Le Jardin Bossuet", slug)
    assert not slug_names("Le Jardin Bossuet et ses parterres à la française, vus du palais", slug)
    assert slug_words("https://news.example.com/story/123456") == []
    assert slug_words("https://example.com/about/") == []
    assert slug_names("Configurações de cabine primária", slug_words("/configuracoes-de-cabine/"))
    assert slug_names("Как перенести файлы", slug_words("/kak/%D0%BA%D0%B0%D0%BA-перенести-файлы"))


def test_a_line_is_the_site_s_name_when_the_name_is_half_of_it() -> None:
    assert names_site("Musée de La Mine de Blanzy", site_name_words("musee-mine-blanzy.fr"))
    assert names_site("© 2023 Ripstop by the Roll.", site_name_words("ripstopbytheroll.com"))
    assert names_site("WP Craft © 2026", site_name_words("wpcraft.ru"))
    insee = site_name_words("insee.fr")
    assert not names_site("Sources : Insee REU, Filosofi 2019 ; ministère de l'Intérieur.", insee)
    assert site_name_words("ft.com") == []  # (too short: found inside any word)


def test_a_slug_named_title_s_head_goes_with_safe_fixes_when_it_says_nothing() -> None:
    head = "# https://www.museo.example.it/collezioni/carte-antiche/\n\n"
    menu = "Home\nCollezioni\nVisita\n\n"
    body = (
        "# Carte antiche\n\n"
        "La collezione raccoglie oltre duemila fogli prodotti nelle cartiere della valle tra il "
        "Trecento e l'Ottocento, con le loro filigrane e i segni dei cartai che li hanno fatti.\n"
    )
    # (the crawler's heading goes too: a heading left over nothing)
    assert _safe("BP306", head + menu + body) == body
    question = "Vuoi ricevere la newsletter del museo ogni mese? Iscriviti qui sotto subito.\n\n"
    assert _safe("BP306", head + question + menu + body) == head + question + menu + body
