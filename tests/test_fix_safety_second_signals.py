"""The second round of safe cores for the page-edge rules (BP305, BP185, BP306, BP083), each
beside the look-alike that keeps it waiting for --unsafe-fixes: a tail's links alone to the
site, the theme's own pictures, the head's menu printed again, the platform's credit line,
the software's own UI strings, a menu with dropdowns, a title the saver named."""

from __future__ import annotations

from saved_page_fixtures import ARTICLE, NOTED
from saved_page_fixtures import fix_safe as _safe
from saved_page_fixtures import fix_unsafe as _unsafe

from mdclean.matchers.fix_safety import theme_pictures
from mdclean.matchers.ui_text import UiText

COPYRIGHT = "\n© 2024 Musée de la Ville\n\n"
ROW = (
    "[Accueil](https://musee.example.fr/) [Contact](https://musee.example.fr/contact/) "
    "[Plan du site](/plan/)\n"
)
RELATED = (
    "\n* [Comment le jardin fut replanté après la guerre, et pourquoi les poiriers ont survécu.]"
    "(https://musee.example.fr/jardin-replante/)\n"
    "* [Les légumes oubliés reviennent au potager : une visite guidée tous les samedis.]"
    "(/legumes-oublies/)\n"
)


# BP305: a block of links alone to the noted site (its related titles read as sentences).


def test_a_tail_s_list_of_the_site_s_own_titles_goes_with_safe_fixes() -> None:
    text = NOTED + ARTICLE + COPYRIGHT + ROW + RELATED
    assert _safe("BP305", text) == NOTED + ARTICLE


def test_a_tail_s_list_of_another_site_s_titles_waits_for_unsafe_fixes() -> None:
    sources = RELATED.replace(
        "https://musee.example.fr/jardin-replante/", "https://jardins.example.org/a"
    )
    sources = sources.replace("(/legumes-oublies/)", "(https://jardins.example.org/b)")
    text = NOTED + ARTICLE + COPYRIGHT + ROW + sources
    assert _safe("BP305", text) == text
    assert _unsafe("BP305", text) == NOTED + ARTICLE


# BP305: the theme's own pictures (the site's logo in its theme's folder) are no figure.

LOGO = "![Musée](/wp-content/themes/musee/images/logo.svg)\n"


def test_the_theme_s_logo_after_the_site_s_row_goes_with_safe_fixes() -> None:
    text = NOTED + ARTICLE + "\n" + ROW + "\n" + LOGO + "\n## Agenda\n"
    assert _safe("BP305", text) == NOTED + ARTICLE


def test_an_uploaded_picture_after_the_site_s_row_waits_for_unsafe_fixes() -> None:
    upload = LOGO.replace("/wp-content/themes/musee/images/", "/wp-content/uploads/2024/06/")
    text = NOTED + ARTICLE + "\n" + ROW + "\n" + upload + "\n## Agenda\n"
    assert _safe("BP305", text) == text


def test_theme_pictures_are_the_page_s_theme_files_only() -> None:
    assert theme_pictures("![](https://blog.example.com/wp-content/themes/x/logo.png)")
    assert theme_pictures("![](//resources.blogblog.com/img/icon18_wrench_allbkg.png)")
    assert not theme_pictures("![chart](https://blog.example.com/wp-content/uploads/chart.png)")
    assert not theme_pictures("![a](/wp-content/themes/x/a.png) ![b](/uploads/b.png)")
    assert not theme_pictures("no picture at all")


# BP305: without a noted address, the copyright line and the head's menu printed again.

HEAD = (
    "[Aller au contenu](#main)\n\n"
    "* [Accueil](/)\n* [Expositions](/expositions/)\n* [Collections](/collections/)\n"
    "* [Visiter](/visiter/)\n\n"
)


def test_a_footer_that_prints_the_head_s_menu_again_goes_with_safe_fixes() -> None:
    footer = (
        COPYRIGHT
        + "* [Accueil](/)\n* [Expositions](/expositions/)\n* [Collections](/collections/)\n"
    )
    text = HEAD + ARTICLE + footer
    assert _safe("BP305", text) == HEAD + ARTICLE


def test_a_footer_that_repeats_two_lines_of_the_head_waits_for_unsafe_fixes() -> None:
    footer = (
        COPYRIGHT + "* [Accueil](/)\n* [Expositions](/expositions/)\n* [Mentions](/mentions/)\n"
    )
    text = HEAD + ARTICLE + footer
    assert _safe("BP305", text) == text
    assert _unsafe("BP305", text) == HEAD + ARTICLE


# BP305: the platform's credit line ends a page; the comment form's notice is WordPress's.

FORM = (
    "\n## Laisser un commentaire\n\n"
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *\n\n"
)
CREDIT = "[Fièrement propulsé par WordPress](https://wordpress.org/)\n"


def test_a_tail_with_the_credit_line_and_the_form_s_notice_goes_with_safe_fixes() -> None:
    text = NOTED + ARTICLE + "\n" + ROW + FORM + CREDIT
    assert _safe("BP305", text) == NOTED + ARTICLE


def test_a_tail_whose_sentence_is_the_author_s_waits_for_unsafe_fixes() -> None:
    note = "\nNous remercions les jardiniers du musée, qui ont répondu à toutes nos questions.\n\n"
    text = NOTED + ARTICLE + "\n" + ROW + note + CREDIT
    assert _safe("BP305", text) == text


def test_ui_text_covers_whole_blocks_of_strings_only() -> None:
    ui = UiText({"ui_strings": ["comment-prompts", "generator-credits"]})
    assert ui.covers("Your email address will not be published. Required fields are marked *")
    assert ui.covers("Proudly powered by WordPress")
    assert not ui.covers("Your email address will not be published, we promise you that.")
    assert not ui.covers("")


# BP185: a menu whose dropdown labels stand over their own links.

DROPDOWN = (
    "* [Archive](/archive.html)\n"
    "* [Tags](/tags.html)\n"
    "* Other\n"
    "  + [About](/about.html)\n"
    "  + [Friends](/friends.html)\n"
)
CRAWLED = "---\ntitle: Le potager\nurl: https://musee.example.fr/potager/\n---\n\n"


def test_a_menu_with_a_dropdown_above_the_title_goes_with_safe_fixes() -> None:
    text = CRAWLED + DROPDOWN + "\n" + ARTICLE
    assert _safe("BP185", text) == CRAWLED + ARTICLE


def test_a_list_with_a_bare_line_above_the_title_waits_for_unsafe_fixes() -> None:
    bare = DROPDOWN.replace(
        "* Other\n  + [About](/about.html)\n  + [Friends](/friends.html)\n", "* Gmail\n"
    )
    text = CRAWLED + bare + "\n" + ARTICLE
    assert _safe("BP185", text) == text


# BP306: one sentence above a title the saver named (the site's tagline) leaves the head safe.

TAGLINE = (
    "# [Musée de la Ville](https://musee.example.fr/)\n\n"
    "Le musée de toutes les histoires de la ville, ouvert tous les jours de l'année.\n\n"
)
MENU = "Menu\n\n* [Expositions](/expositions/)\n* [Visiter](/visiter/)\n\n"


def test_a_head_beside_the_site_s_tagline_goes_with_safe_fixes() -> None:
    # (the crawler printed the title above the site's head, the article prints it again)
    text = CRAWLED + "# Le potager\n\n" + TAGLINE + MENU + ARTICLE
    assert _safe("BP306", text) == CRAWLED + "# Le potager\n\n" + TAGLINE + ARTICLE


def test_a_head_beside_a_sentence_under_a_title_printed_once_waits_for_unsafe_fixes() -> None:
    text = CRAWLED + TAGLINE + MENU + ARTICLE
    assert _safe("BP306", text) == text


def test_a_head_whose_heading_is_not_the_title_waits_for_unsafe_fixes() -> None:
    menu = MENU + "## Nos jardins\n\n"
    text = CRAWLED + TAGLINE + menu + ARTICLE
    assert _safe("BP306", text) == text
