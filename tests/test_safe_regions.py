"""Parts of a finding whose rule read a page's region as chrome (a text copy's head menu, its
tail after the core), made safe when a second reading of another kind agrees on their lines
(``vouching._region_runs``): captions of the chrome lists, lines the page prints again outside
its core, links that all lead to share, log-in or comment endpoints or profiles. One reading
alone (the region's, or a list's captions) stays unsafe."""

from __future__ import annotations

from vouching_parts import ARTICLE
from vouching_parts import safe_parts as _parts

HEAD = "Startseite\nPolitik\nWirtschaft\nKultur\nKontakt\nArchiv\n"
"""A site's menu: two of its captions a chrome list knows (Startseite, Kontakt), "Politik" and
"Kultur" printed again in the footer, in another order."""
TAIL = "Kultur\nImpressum\nPolitik\n© 2024 Stadtblatt\n"


def test_a_head_menu_with_captions_and_items_printed_again_is_a_part() -> None:
    text = "Stadtblatt\n" + HEAD + "Haushalt beschlossen\n" + ARTICLE + TAIL
    assert _parts(text, "Stadtblatt\n" + HEAD) == [HEAD.strip()]


def test_the_same_lines_under_a_rule_that_reads_no_region_are_no_part() -> None:
    text = "Stadtblatt\n" + HEAD + "Haushalt beschlossen\n" + ARTICLE + TAIL
    assert _parts(text, "Stadtblatt\n" + HEAD, code="BP285") == []


def test_captions_of_one_list_alone_are_no_part() -> None:
    # (no item printed again: the captions are one reading, the region's the other's place)
    text = "Stadtblatt\n" + HEAD + "Haushalt beschlossen\n" + ARTICLE + "© 2024 Stadtblatt\n"
    assert _parts(text, "Stadtblatt\n" + HEAD) == []


def test_a_line_of_prose_cuts_the_marks_apart() -> None:
    menu = "Startseite\nPolitik\n" + ARTICLE.splitlines()[0] + "\nKultur\nKontakt\n"
    text = "Stadtblatt\n" + menu + "Haushalt beschlossen\n" + ARTICLE + TAIL
    assert _parts(text, "Stadtblatt\n" + menu) == []


def test_a_tail_of_outward_links_and_a_caption_is_a_part() -> None:
    tail = (
        "Teilen\n"
        "[Facebook](https://www.facebook.com/sharer/sharer.php?u=https://stadtblatt.de/a)\n"
        "[X](https://twitter.com/intent/tweet?url=https://stadtblatt.de/a)\n"
        "Leserbriefe an die Redaktion\n"
    )
    text = "Haushalt beschlossen\n" + ARTICLE + tail
    assert _parts(text, tail, code="BP421") == [tail.rsplit("\n", 2)[0].strip()]


def test_share_buttons_that_name_their_networks_are_one_kind_of_mark() -> None:
    # (a caption "Facebook" over a share endpoint is one widget's one reading: three such
    # buttons are three marks of one kind, and the region's reading needs a second)
    buttons = (
        "[Facebook](https://www.facebook.com/sharer/sharer.php?u=https://stadtblatt.de/a)\n"
        "[LinkedIn](https://www.linkedin.com/shareArticle?url=https://stadtblatt.de/a)\n"
        "[Telegram](https://t.me/share/url?url=https://stadtblatt.de/a)\n"
    )
    text = "Haushalt beschlossen\n" + ARTICLE + buttons
    assert _parts(text, buttons, code="BP421") == []
    labelled = "Teilen\n" + buttons + "Leserbriefe bitte an die Redaktion unserer Zeitung\n"
    text = "Haushalt beschlossen\n" + ARTICLE + labelled
    assert _parts(text, labelled, code="BP421") == [("Teilen\n" + buttons).strip()]


def test_a_tail_read_by_its_rule_makes_a_part() -> None:
    # BP083 reads the run of chrome after the article's last block: the same marks make a part
    text = "Stadtblatt\n" + HEAD + "Haushalt beschlossen\n" + ARTICLE + TAIL
    assert _parts(text, TAIL, code="BP083") == [TAIL.strip()]
    assert _parts(text, TAIL, code="BP610") == [TAIL.strip()]


def test_the_rules_whose_safe_fix_needs_a_noted_address_make_no_part() -> None:
    # (BP185, BP305 and BP306 keep a page's head and tail in plain --fix unless the saver noted
    # the page's address or title: a region and its marks do not stand in for it)
    text = "Stadtblatt\n" + HEAD + "Haushalt beschlossen\n" + ARTICLE + TAIL
    assert _parts(text, "Stadtblatt\n" + HEAD, code="BP185") == []
    assert _parts(text, "Stadtblatt\n" + HEAD, code="BP306") == []
    assert _parts(text, TAIL, code="BP305") == []


MENU = "Inland\nAusland\nWirtschaft\nKultur\nWissen\n"
"""A site's menu of section names no chrome list knows."""
FOOTER = "Wissen\nKultur\nInland\nWirtschaft\nAusland\n© 2024 Stadtblatt\n"
"""The same menu printed again in the footer, in another order (no three lines in a row as
the head prints them: the fourth reading, ``evidence_repeats``, does not read it)."""


def test_a_head_menu_printed_again_in_the_footer_is_a_part() -> None:
    # (one kind of mark only, but four labels printed again make the run's lines: the region's
    # reading and the page's second printing agree)
    text = "Stadtblatt\n" + MENU + "Haushalt beschlossen\n" + ARTICLE + FOOTER
    assert _parts(text, "Stadtblatt\n" + MENU) == [MENU.strip()]


def test_three_labels_printed_again_are_no_part() -> None:
    footer = "Wissen\nInland\nAusland\n© 2024 Stadtblatt\n"
    text = "Stadtblatt\n" + MENU + "Haushalt beschlossen\n" + ARTICLE + footer
    assert _parts(text, "Stadtblatt\n" + MENU) == []


def test_labels_printed_again_among_more_lines_that_are_not_are_no_part() -> None:
    # (four of ten lines printed again: a label printed twice here and there is no menu)
    head = MENU + "Reisen\nAuto\nDigital\nSport\nPanorama\n"
    text = (
        "Stadtblatt\n"
        + head
        + "Haushalt beschlossen\n"
        + ARTICLE
        + "Wissen\nKultur\nInland\nAusland\n"
    )
    assert _parts(text, "Stadtblatt\n" + head) == []


def test_a_menu_printed_again_under_a_rule_that_reads_no_region_is_no_part() -> None:
    text = "Stadtblatt\n" + MENU + "Haushalt beschlossen\n" + ARTICLE + FOOTER
    assert _parts(text, "Stadtblatt\n" + MENU, code="BP285") == []


# -- A saved page's head and tail (BP185, BP305, BP306) around an anchor --------------------

SAVED_HEAD = (
    "[Zum Inhalt](#inhalt)\n"
    "[Stadtblatt](https://www.stadtblatt.de/)\n"
    "[Politik](https://www.stadtblatt.de/politik/)\n"
    "[Kultur](https://www.stadtblatt.de/kultur/)\n"
)
"""A saved page's head: a skip link (an anchor only chrome holds) over the site's menu."""
SAVED_TAIL = (
    "[Impressum](https://www.stadtblatt.de/impressum/)\n"
    "[Datenschutz](https://www.stadtblatt.de/datenschutz/)\n"
    "© 2024 Stadtblatt Verlag GmbH\n"
)
"""A saved page's footer: the legal pages' links and a copyright line."""


_LINES = ARTICLE.splitlines()
BODY = "\n".join(_LINES[:2]) + "\n\n" + "\n".join(_LINES[2:4]) + "\n\n" + _LINES[4] + "\n"
"""The article in three paragraphs: its prose core is found, its head and tail around it."""


def _saved(head: str, tail: str) -> str:
    return head + "\n# Haushalt beschlossen\n\n" + BODY + "\n" + tail


def test_a_saved_pages_head_around_a_skip_link_is_a_part() -> None:
    text = _saved(SAVED_HEAD, SAVED_TAIL)
    assert _parts(text, SAVED_HEAD, code="BP185") == [SAVED_HEAD.strip()]
    assert _parts(text, SAVED_HEAD, code="BP306") == [SAVED_HEAD.strip()]


def test_a_saved_pages_footer_around_a_copyright_line_is_a_part() -> None:
    text = _saved(SAVED_HEAD, SAVED_TAIL)
    assert _parts(text, SAVED_TAIL, code="BP305") == [SAVED_TAIL.strip()]


def test_the_same_head_under_a_rule_that_reads_no_region_is_no_part() -> None:
    text = _saved(SAVED_HEAD, SAVED_TAIL)
    assert _parts(text, SAVED_HEAD, code="BP285") == []


def test_a_saved_pages_head_without_an_anchor_is_no_part() -> None:
    # (the site's menu alone: the region's reading and the links' shape, no content reading)
    head = SAVED_HEAD.split("\n", 1)[1]
    text = _saved(head, SAVED_TAIL)
    assert _parts(text, head, code="BP185") == []


def test_a_search_caption_anchors_a_head_not_a_tail() -> None:
    # (a menu or search button is the site's head; past the article a guide may quote it)
    head = "Suche\n[Politik](https://www.stadtblatt.de/politik/)\n"
    head_tail = "Suche\n[Kultur](https://www.stadtblatt.de/kultur/)\n"
    text = _saved("[Stadtblatt](https://www.stadtblatt.de/)\n" + head, head_tail)
    assert _parts(text, head, code="BP306") == [head.strip()]
    assert _parts(text, head_tail, code="BP305") == []


def test_the_articles_title_and_figure_cut_a_head_run() -> None:
    # (a heading of words no chrome list names, a picture outside a link: the article's own)
    head = SAVED_HEAD + "# Haushalt beschlossen\n![Das Rathaus](https://www.stadtblatt.de/r.jpg)\n"
    text = head + "\n" + BODY + "\n" + SAVED_TAIL
    assert _parts(text, head, code="BP185") == [SAVED_HEAD.strip()]


def test_a_short_pages_head_and_tail_are_no_part() -> None:
    # (one paragraph: a skip link proves a saving, not where the article stands)
    text = SAVED_HEAD + "\n# Haushalt beschlossen\n\n" + ARTICLE + "\n" + SAVED_TAIL
    assert _parts(text, SAVED_HEAD, code="BP185") == []
    assert _parts(text, SAVED_TAIL, code="BP305") == []


def test_a_home_caption_anchors_a_head_not_a_tail() -> None:
    # (the site's "Startseite" and "Kontakt" above the title; a list of a program's "Docs" and
    # "Downloads" pages past the article is no footer by that alone)
    head = (
        "[Startseite](https://www.stadtblatt.de/)\n[Politik](https://www.stadtblatt.de/politik/)\n"
    )
    tail = "[Kontakt](https://www.stadtblatt.de/kontakt/)\n[Kultur](https://www.stadtblatt.de/kultur/)\n"
    text = _saved(head, tail)
    assert _parts(text, head, code="BP185") == [head.strip()]
    assert _parts(text, tail, code="BP305") == []


# -- A text copy's head and tail around an anchor (``vouching.COPY_ANCHORED_MATCHERS``) --

COPY_HEAD = "≡ Menü\n\nBeliebte Themen\n\nHaushalt\nVerkehr\nSchulen\n"
"""A text copy's head: the menu button's caption over the site's menu of bare lines."""
COPY_TAIL = "Impressum\nDatenschutz\n© 2024 Stadtblatt Verlag GmbH\n"
"""A text copy's footer: the legal pages' captions and a copyright line."""


def _copied(head: str, tail: str) -> str:
    return head + "\nHaushalt beschlossen\n\n" + BODY + "\n" + tail


def test_a_text_copys_head_around_a_menu_caption_is_a_part() -> None:
    # (the place: above the text copy's core; the anchor: the menu button's caption; the page
    # a site's, copied: a copyright line stands outside its core)
    text = _copied(COPY_HEAD, COPY_TAIL)
    assert _parts(text, COPY_HEAD) == [COPY_HEAD.strip()]


def test_a_text_copys_head_without_a_copyright_line_or_a_note_is_no_part() -> None:
    # (a menu's words over a guide's text: nothing says a site's page was copied)
    text = _copied(COPY_HEAD, "Mehr zum Thema\n")
    assert _parts(text, COPY_HEAD) == []


def test_a_text_copys_head_without_an_anchor_is_no_part() -> None:
    head = COPY_HEAD.split("\n", 2)[2]
    text = _copied(head, COPY_TAIL)
    assert _parts(text, head) == []
    # (nor with the home page's caption alone: a text may open with the words of a menu)
    home = "Startseite\n" + head
    text = _copied(home, COPY_TAIL)
    assert _parts(text, home) == []


def test_a_tail_around_a_copyright_line_is_a_part_under_the_tail_readings() -> None:
    text = _copied("", COPY_TAIL)
    for code in ("BP421", "BP083", "BP610"):
        assert _parts(text, COPY_TAIL, code=code) == [COPY_TAIL.strip()]
    assert _parts(text, COPY_TAIL, code="BP285") == []


def test_a_short_text_copys_head_and_tail_are_no_part() -> None:
    # (two sentences: no article found, its place unknown)
    short = "\n".join(_LINES[:2]) + "\n"
    text = COPY_HEAD + "\nHaushalt beschlossen\n\n" + short + "\n" + COPY_TAIL
    assert _parts(text, COPY_HEAD) == []
    assert _parts(text, COPY_TAIL, code="BP421") == []


def test_an_imprint_line_anchors_a_tail() -> None:
    # (a press law's imprint: a label and a name, or a registration; the site's, as a
    # copyright line is)
    tail = "Kontakt\nWerben\nHerausgeber: Stadtblatt Verlag GmbH\n"
    text = _copied("", tail)
    assert _parts(text, tail, code="BP083") == [tail.strip()]
    registered = "Kontakt\nWerben\nKRS: 0000123456\n"
    text = _copied("", registered)
    assert _parts(text, registered, code="BP083") == [registered.strip()]


def test_a_sentence_that_opens_with_an_imprint_label_anchors_nothing() -> None:
    tail = (
        "Kontakt\nWerben\n"
        "Redaktion: Die Stadt hat am Montag nach langer Debatte den Haushalt beschlossen.\n"
    )
    text = _copied("", tail)
    assert _parts(text, tail, code="BP083") == []


def test_a_legal_menu_run_together_on_one_line_anchors_a_tail() -> None:
    # (the names of the site's legal pages as one bare line of labels; the same names in a
    # sentence are the article's words)
    tail = "Alle Newsletter im Überblick\nKontakt Jobs Impressum AGB Datenschutz Mediadaten\n"
    text = _copied("", tail)
    assert _parts(text, tail, code="BP421") == [tail.strip()]
    sentence = "Alle Newsletter im Überblick\nWir haben Kontakt Impressum AGB Datenschutz\n"
    text = _copied("", sentence)
    assert _parts(text, sentence, code="BP421") == []
