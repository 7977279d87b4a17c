"""Readings of a removed block's own text that vouch for an unsafe fix (``mdclean.vouching``):
each beside its look-alike, where it must not vouch."""

from __future__ import annotations

from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

from mdclean.vouching import caption_families, chrome_captions, machinery_links

ARTICLE = (
    "The council approved the new budget on Monday after a long debate about school funding.\n"
    "Members argued for three hours before the final vote, which passed by a narrow margin.\n"
    "The budget adds two new teachers and repairs the roof of the old library building.\n"
    "Residents can read the full document on the council's website from next week.\n"
)

# Captions of four families (three with a skip link or a legal caption): a text copy's head
# menu that holds a skip link, the account's buttons and the social networks' names is the
# site's chrome by its words, whatever the shape.

MENU = "Skip to content\n\nLog in\nSubscribe\nNews\nSport\nCulture\nFacebook\nTwitter\n\n"


def test_a_text_copys_menu_with_captions_of_three_families_goes_with_safe_fixes() -> None:
    fixed = _safe("BP420", MENU + ARTICLE)
    assert "Skip to content" not in fixed and "Log in" not in fixed
    assert ARTICLE in fixed


def test_a_menu_of_one_sites_own_sections_waits_for_unsafe_fixes() -> None:
    # the run is chrome by its shape only: no list knows a newspaper's sections
    menu = "Politik\nWirtschaft\nKultur\nReisen\nPanorama\nWissen\nDigital\nGesundheit\nMotor\n\n"
    text = menu + ARTICLE
    assert _safe("BP420", text) == text
    assert _unsafe("BP420", text) != text


def test_three_families_without_an_anchor_do_not_vouch() -> None:
    # (BP140's look-alike: "Home, About, Search, Log in" over a docs page waits)
    lines = ["Home", "About", "Search", "Log in"]
    assert caption_families(lines) == {"home", "controls", "account"}
    assert not chrome_captions(lines)
    assert chrome_captions(["Skip to content", *lines[:2], "Log in"])


def test_two_families_do_not_vouch() -> None:
    assert caption_families(["Log in", "Facebook", "Twitter", "Budget 2025"]) == {
        "account",
        "social",
    }
    assert not chrome_captions(["Log in", "Facebook", "Twitter", "Budget 2025"])


def test_a_line_of_prose_among_the_captions_vouches_for_nothing() -> None:
    lines = ["Skip to content", "Log in", "Facebook", "The vote passed by a narrow margin today."]
    assert caption_families(lines) is None
    assert not chrome_captions(lines)


# Machinery links: a row whose every link is a share endpoint, a profile page, a theme's own
# page or the noted site's home page says where it leads; an article's source does not.

SHARE = [
    "* [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://news.example.org/a)",
    "* [X](https://twitter.com/intent/tweet?url=https://news.example.org/a)",
    "* [Follow us](https://www.instagram.com/examplenews/)",
    "* [Home](https://news.example.org/)",
]


def test_a_row_of_endpoints_profiles_and_the_home_page_vouches() -> None:
    assert machinery_links(SHARE, "example.org")


def test_the_home_page_counts_only_for_the_noted_site() -> None:
    assert not machinery_links(SHARE, None)
    assert not machinery_links(SHARE, "other.org")


def test_one_link_to_a_source_or_a_sentence_beside_the_links_vouches_for_nothing() -> None:
    source = "* [The report](https://www.who.int/publications/i/item/9789240086227)"
    assert not machinery_links([*SHARE[:3], source], "example.org")
    sentence = "Read the whole story on our partner's site before you [share it](https://www.facebook.com/sharer/sharer.php?u=x) today."
    assert not machinery_links([*SHARE[:3], sentence], "example.org")


def test_fewer_than_three_links_vouch_for_nothing() -> None:
    assert not machinery_links(SHARE[:2], None)


ARTIKEL = (
    "Der Gemeinderat hat am Montag nach langer Debatte den neuen Haushalt beschlossen.\n"
    "Die Mitglieder stritten drei Stunden, bevor die Abstimmung knapp ausfiel.\n"
    "Der Haushalt sieht zwei neue Lehrerstellen und ein neues Dach für die Bücherei vor.\n"
    "Das ganze Dokument steht ab nächster Woche auf der Seite der Gemeinde.\n"
)
FUSS = "\nNach oben\nImpressum\nDatenschutz\nTeilen\nFacebook\nKontakt\nAGB\nRSS\nArchiv\n"


def test_a_text_copys_footer_in_german_with_captions_of_three_families_goes() -> None:
    fixed = _safe("BP421", ARTIKEL + FUSS)
    assert fixed.rstrip("\n") == ARTIKEL.rstrip("\n")


def test_a_guides_list_of_feed_and_log_in_addresses_vouches_for_nothing() -> None:
    guide = [
        "- [Acceso](https://blog.montana.es/wp-login.php)",
        "- [Feed de entradas](https://blog.montana.es/feed/)",
        "- [Feed de comentarios](https://blog.montana.es/comments/feed/)",
        "- [WordPress.org](https://es.wordpress.org/)",
    ]
    assert not machinery_links(guide, "montana.es")
