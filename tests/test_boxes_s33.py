"""Boxes after and inside the article in plain ``--fix`` (session 33).

- Teaser lines (BP641): a page that breaks its article with two or more "label: [headline]"
  lines to its own articles has each of them certain, whatever their labels; one such line under
  a label no list knows waits for ``--unsafe-fixes`` (``test_teaser_records``).
- A comment section past the article's core, inside a regional finding's lines
  (``comment_sections``): its label and a second line of its own make it a part; a label alone,
  and the same lines under a rule that reads no region, are no part.
- ``also_read.headline_link``: the one reading of a headline to the site's own article.
"""

from __future__ import annotations

from vouching_parts import ARTICLE
from vouching_parts import safe_parts as _parts

import mdclean
from mdclean.comment_sections import comment_runs
from mdclean.matchers.also_read import headline_link
from mdclean.matchers.linkblocks import Link

SOURCE = "---\nsource: https://www.zeitung.example.de/gesundheit/muede-im-winter-id4412/\n---\n\n"
P1 = (
    "Wer im Winter ständig müde ist, sollte zuerst auf den Schlaf und die Ernährung schauen, "
    "bevor er an eine Krankheit denkt.\n\n"
)
P2 = (
    "Ein Bluttest beim Hausarzt kann zeigen, ob dem Körper Eisen oder Vitamin fehlt, und "
    "schafft schnell Klarheit über die Ursache.\n\n"
)
P3 = (
    "Auch zu wenig Bewegung an der frischen Luft macht träge, denn das Tageslicht steuert den "
    "Rhythmus von Wachsein und Schlaf.\n"
)
LINE1 = (
    "Weiterlesen: [Kein Brot mehr: Ist eine Ernährung ohne Getreide wirklich gesünder?]"
    "(https://www.zeitung.example.de/gesundheit/ohne-getreide-gesuender-id442584)\n\n"
)
LINE2 = (
    "**Weiterlesen**: [Vitaminmangel: Mit diesen vier Tipps tankst du im Winter Sonne]"
    "(https://www.zeitung.example.de/gesundheit/vitaminmangel-tipps-id19814)\n\n"
)


def test_two_teaser_lines_under_a_label_no_list_knows_go_in_plain_fix() -> None:
    text = SOURCE + P1 + LINE1 + P2 + LINE2 + P3
    assert mdclean.fix(text, unsafe=False).text == SOURCE + P1 + P2 + P3


def test_one_teaser_line_under_a_label_no_list_knows_waits_for_unsafe_fixes() -> None:
    text = SOURCE + P1 + LINE1 + P2 + P3
    assert mdclean.fix(text, unsafe=False).text == text
    assert mdclean.fix(text, unsafe=True).text == SOURCE + P1 + P2 + P3


def test_two_chapters_of_a_series_stay_in_both_modes() -> None:
    # (a label with a number: a series' parts, no teaser line at all)
    one = LINE1.replace("Weiterlesen:", "Teil 1:")
    two = LINE2.replace("**Weiterlesen**:", "Teil 2:")
    text = SOURCE + P1 + one + P2 + two + P3
    assert mdclean.fix(text, unsafe=True).text == text


COMMENTS = (
    "### Kommentare (0)\n"
    "Kommentare anzeigen\n"
    "#### Kommentar abgeben\n"
    "[Anmelden](https://www.zeitung.example.de/login/), um einen Kommentar abzugeben\n"
)
TAIL = "### Kalender\nMo Di Mi Do Fr Sa So\n"


def test_a_comment_section_after_the_article_is_a_part() -> None:
    text = "Haushalt beschlossen\n" + ARTICLE + COMMENTS + TAIL
    assert _parts(text, COMMENTS + TAIL, code="BP421") == [COMMENTS.strip()]


def test_a_comment_label_alone_is_no_part() -> None:
    alone = "### Kommentare (0)\nNoch keine Beiträge zu diesem Artikel\n"
    text = "Haushalt beschlossen\n" + ARTICLE + alone + TAIL
    assert _parts(text, alone + TAIL, code="BP421") == []


def test_the_same_section_under_a_rule_that_reads_no_region_is_no_part() -> None:
    text = "Haushalt beschlossen\n" + ARTICLE + COMMENTS + TAIL
    assert _parts(text, COMMENTS + TAIL, code="BP511") == []


def test_comment_runs_end_at_the_last_line_that_names_comments() -> None:
    lines = [*COMMENTS.splitlines(), "", "### Abo", "Jetzt die Zeitung lesen"]
    assert comment_runs(lines, 0) == [(0, 3)]
    assert comment_runs(lines, 1) == []  # (the label inside the article's core: no section)


def test_a_headline_to_the_sites_own_article() -> None:
    site = "example.de"  # (the registrable part: ``site_of``)
    own = "https://www.zeitung.example.de/1054844/neue-bruecke-ueber-den-fluss/"
    assert headline_link(Link("Neue Brücke über den Fluss eröffnet", own), site)
    assert not headline_link(Link("Neue Brücke", own), site)  # (no headline)
    other = "https://www.andere.example.org/1054844/neue-bruecke-ueber-den-fluss/"
    assert not headline_link(Link("Neue Brücke über den Fluss eröffnet", other), site)
    section = "https://www.zeitung.example.de/region/"
    assert not headline_link(Link("Alle Nachrichten aus der Region", section), site)
