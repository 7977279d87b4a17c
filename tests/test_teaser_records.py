"""A box of the site's teasers past the article, read by its records' stamps
(``teaser_records``): inside a finding whose rule read the page's region, a run of records of a
headline and its stamp is a safe part (the region's reading and the records' agree). A list of
dates without headlines, lines the article's core holds, and the same lines under a rule that
reads no region stay unsafe. And a teaser line under a known "also read" label (BP641) or
labelled lines whose link leads to the site's own article (BP120) go in plain ``--fix``."""

from __future__ import annotations

from vouching_parts import ARTICLE
from vouching_parts import safe_parts as _parts

import mdclean
from mdclean.teaser_records import stamp_line

BOX = (
    "Jetzt aktuell\n"
    "Neue Brücke über den Rhein wird im Herbst eröffnet\n"
    "vor 8 Stunden\n"
    "25\n"
    "Streit um die Parkgebühren in der Altstadt geht weiter\n"
    "Aktualisiert vor 9 Stunden\n"
    "Warum das Hallenbad erst im Sommer wieder öffnet\n"
    "vor 10 Stunden\n"
    "4\n"
)
FOOTER = "Mehr Artikel\nAlle Zeitungen unseres Verlags\n"


def test_a_box_of_stamped_teasers_after_the_article_is_a_part() -> None:
    text = "Haushalt beschlossen\n" + ARTICLE + BOX + FOOTER
    assert _parts(text, BOX + FOOTER, code="BP421") == [BOX.strip()]


def test_the_same_box_under_a_rule_that_reads_no_region_is_no_part() -> None:
    text = "Haushalt beschlossen\n" + ARTICLE + BOX + FOOTER
    assert _parts(text, BOX + FOOTER, code="BP511") == []


def test_dates_without_headlines_are_no_box() -> None:
    # (a tour's dates: a place and its date, no headline among the records)
    dates = (
        "Termine\nBerlin\n12.05.2024\nHamburg\n14.05.2024\nKöln\n16.05.2024\nMünchen\n18.05.2024\n"
    )
    text = "Haushalt beschlossen\n" + ARTICLE + dates + FOOTER
    assert _parts(text, dates + FOOTER, code="BP421") == []


def test_two_stamped_records_are_no_box() -> None:
    two = "".join(BOX.splitlines(keepends=True)[:6])
    text = "Haushalt beschlossen\n" + ARTICLE + two + FOOTER
    assert _parts(text, two + FOOTER, code="BP421") == []


def test_stamps_in_several_languages() -> None:
    for line in (
        "vor 28 Minuten",
        "April 22, 2020",
        "1月13日",
        "31/10",
        "hace una hora",
        "3 hours ago",
    ):
        assert stamp_line(line), line
    for line in ("Berlin", "Der Haushalt gilt ab dem 12.05.2024 für alle Ämter der Stadt.", "2024"):
        assert not stamp_line(line), line


PROSE = "El consejo votó el presupuesto el jueves tras un largo debate que se prolongó hasta la noche.\n\n"
AFTER = (
    "El alcalde dijo que la votación fue un alivio para los departamentos que esperaron meses.\n"
)
LINK = "[Ex contralor recibe prisión domiciliaria tras cumplir seis meses](https://www.diario.example.com/ex-contralor-prision-domiciliaria-n2857713.html)"


def _page(line: str) -> str:
    return (
        "---\nsource: https://www.diario.example.com/nota-n2818593.html\n---\n\n"
        + PROSE
        + line
        + "\n\n"
        + AFTER
    )


def test_a_teaser_line_under_a_known_label_goes_in_plain_fix() -> None:
    text = _page("**Le puede interesar:** " + LINK)
    assert mdclean.fix(text, unsafe=False).text == _page("").replace("\n\n\n\n", "\n\n")


def test_a_teaser_line_under_a_label_no_list_knows_waits_for_unsafe_fixes() -> None:
    text = _page("**MIRA |** " + LINK)
    assert mdclean.fix(text, unsafe=False).text == text
    assert mdclean.fix(text, unsafe=True).text == _page("").replace("\n\n\n\n", "\n\n")


TITLED = (
    "Weitere Artikel\n"
    "Neue Brücke über den Rhein wird im Herbst eröffnet\n"
    "Streit um die Parkgebühren in der Altstadt geht weiter\n"
    "Warum das Hallenbad erst im Sommer wieder öffnet\n"
)


def test_a_box_under_a_known_title_after_the_article_is_a_part() -> None:
    # (to the end of the region's lines: the title's reading and the region's agree)
    text = "Haushalt beschlossen\n" + ARTICLE + TITLED + FOOTER
    assert _parts(text, TITLED + FOOTER, code="BP500") == [(TITLED + FOOTER).strip()]


def test_a_see_also_list_after_the_article_is_no_part() -> None:
    # (a manual's "Siehe auch" titles its reader's path, not a box of other stories)
    see_also = "Siehe auch\n" + "".join(TITLED.splitlines(keepends=True)[1:])
    text = "Haushalt beschlossen\n" + ARTICLE + see_also + FOOTER
    assert _parts(text, see_also + FOOTER, code="BP500") == []


def test_a_known_title_over_two_headlines_is_no_part() -> None:
    two = "".join(TITLED.splitlines(keepends=True)[:3]) + "Mehr Artikel\n"
    text = "Haushalt beschlossen\n" + ARTICLE + two
    assert _parts(text, two, code="BP500") == []
