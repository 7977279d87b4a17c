"""BP083 past the article's prose core: the short prose between two widgets goes with them
under its own heading too (a comment form's rules, a registration box's lines), as long as no
block between them is the article's (text of ``min_words`` words, a content heading, a note)."""

from __future__ import annotations

import mdclean
from tests.test_chrome_tail_core import ARTICLE, SHARE

RELATED = "## Das könnte Sie auch interessieren\n\n" + "".join(
    f"- [Meldung Nummer {n} aus der Region](https://zeitung.example.de/region/meldung-{n}.html)\n"
    for n in range(1, 41)
)
FORM = """## So können Sie mitdiskutieren

Bitte melden Sie sich an und halten Sie sich an unsere Regeln.

Haben Sie Fragen zur Anmeldung? Schreiben Sie uns eine Nachricht.

## Noch keine Beiträge

Geben Sie hier Ihren Text ein
"""


def _fixed(text: str) -> str:
    return mdclean.fix(text, unsafe=True).text


def _codes(text: str) -> set[str]:
    return {v.code for v in mdclean.lint(text)}


def test_a_comment_forms_prose_under_its_headings_goes_between_two_widgets() -> None:
    page = f"{ARTICLE}\n{SHARE}\n{RELATED}\n{FORM}\n{SHARE}"
    assert _fixed(page) == ARTICLE
    assert "BP083" in _codes(page)


def test_the_stretch_waits_for_unsafe_fixes() -> None:
    page = f"{ARTICLE}\n{SHARE}\n{RELATED}\n{FORM}\n{SHARE}"
    assert mdclean.fix(page).text == f"{ARTICLE}\n{FORM}"


def test_a_paragraph_of_the_article_between_two_widgets_stays() -> None:
    more = """## Wie es weitergeht

Der Gemeinderat berät im Herbst über den Haushalt des kommenden Jahres, und die Verwaltung
will bis dahin eine Liste aller Projekte vorlegen, die wegen der gestiegenen Kosten verschoben
werden müssen, damit die Bürger sich früh ein Bild machen können.
"""
    page = f"{ARTICLE}\n{SHARE}\n{RELATED}\n{more}\n{SHARE}"
    assert _fixed(page) == f"{ARTICLE}\n{more}"


def test_a_sources_heading_between_two_widgets_stays() -> None:
    sources = """## Quellen

Stadtverwaltung, Pressemitteilung vom 3. Mai.
"""
    page = f"{ARTICLE}\n{SHARE}\n{RELATED}\n{sources}\n{SHARE}"
    assert _fixed(page) == f"{ARTICLE}\n{sources}"
