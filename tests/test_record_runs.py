"""BP510/BP511 (record-runs): comment threads and teaser lists told by their repeated line shapes.

What goes: a run of three or more records (a stamp with the same few lines around it) after
the article's prose: a thread whose records hold a reply button, votes, a commenter's name
or avatar; a list of headlines with their dates. What stays: the article, a changelog or a
schedule, a transcript, a live blog that is the article, an archive page of teasers.
"""

from __future__ import annotations

import mdclean
from mdclean.config import Config

ARTICLE = (
    "The city council voted on Tuesday to extend the tram line to the airport, a project that"
    " has been discussed for more than ten years and that will cost about 400 million euros.\n"
    "Construction is planned to start next spring. The council expects the first trams to run"
    " in 2029, and the operator says the line will carry 30,000 passengers a day.\n"
)
THREAD = (
    "Jane\n2021-04-28 11:48:27\nFinally! I have been waiting for this line for years.\n12\n3\nReply\n"
    "Tom K\n2021-04-28 12:02:10\nToo expensive for what it is, in my opinion.\n4\n9\nReply\n"
    "Ana\n2021-04-29 08:44:10\nWill it stop at the new stadium as well?\n2\n0\nReply\n"
)


def _fixed(text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=Config(), unsafe=unsafe).text


def _codes(text: str) -> set[str]:
    return {v.code for v in mdclean.lint(text, config=Config())}


def test_a_thread_as_lines_of_the_page_paragraph_goes_and_the_article_stays() -> None:
    text = ARTICLE + THREAD
    assert "BP510" in _codes(text)
    assert _fixed(text) == ARTICLE


def test_the_thread_is_unsafe_without_its_label_and_safe_under_it() -> None:
    assert _fixed(ARTICLE + THREAD, unsafe=False) == ARTICLE + THREAD
    labelled = ARTICLE + "\nComments (3)\n" + THREAD
    assert _fixed(labelled, unsafe=False) == ARTICLE


def test_a_thread_of_blocks_goes_with_its_seams() -> None:
    blocks = "\n\n".join(THREAD.rstrip("\n").split("\n"))
    text = ARTICLE + "\n" + blocks + "\n"
    assert _fixed(text) == ARTICLE


def test_crlf_and_fixing_twice() -> None:
    text = (ARTICLE + THREAD).replace("\n", "\r\n")
    once = _fixed(text)
    assert once == ARTICLE.replace("\n", "\r\n")
    assert _fixed(once) == once


def test_a_thread_before_the_article_stays() -> None:
    # Comments close a page: records above the article's prose are no thread of its.
    text = THREAD + "\n" + ARTICLE
    assert "BP510" not in _codes(text)


def test_a_changelog_after_the_article_stays() -> None:
    # Dates without a time of day, no reply button, no votes: a list the article writes.
    changelog = (
        "Version 2.3\n2021-04-28\nFaster start-up on large folders.\n"
        "Version 2.2\n2021-03-30\nA new output format for editors.\n"
        "Version 2.1\n2021-02-27\nFixes for Windows line endings.\n"
    )
    text = ARTICLE + "\n" + changelog
    assert not {"BP510", "BP511"} & _codes(text)


def test_a_live_blog_that_is_the_article_stays() -> None:
    entries = "".join(
        f"{hour}:{minute:02d}\nThe {n}th tram of the test run left the depot on time, and the"
        f" drivers reported that the new signals worked as planned on the whole line.\n"
        for n, (hour, minute) in enumerate([(19, 5), (19, 12), (19, 30), (19, 44), (20, 1)], 4)
    )
    text = ARTICLE + entries
    assert not {"BP510", "BP511"} & _codes(text)


def test_a_transcript_stays() -> None:
    transcript = (
        "00:12 Anna: Thanks for having me, it is a pleasure to be here today.\n"
        "00:45 Ben: Let us start with the parser, since most of the work went there.\n"
        "01:30 Anna: We rewrote it twice, first in C and then when the grammar changed.\n"
        "02:10 Ben: And the second rewrite is the one that shipped in version two.\n"
    )
    assert not {"BP510", "BP511"} & _codes(ARTICLE + "\n" + transcript)


def test_a_schedule_introduced_by_a_colon_stays() -> None:
    schedule = (
        "The programme:\n\nOpening\n2024-05-06 09:00\nKeynote\n2024-05-06 10:00\n"
        "Workshops\n2024-05-06 14:00\nClosing\n2024-05-06 17:00\n"
    )
    assert not {"BP510", "BP511"} & _codes(ARTICLE + "\n" + schedule)


def test_a_teaser_list_after_the_article_goes() -> None:
    teasers = (
        "Airport tram: the five stations that were left out of the plan\n28 April 2021\n"
        "Why the old bus depot will become a park by the end of the decade\n29 April 2021\n"
        "Ticket prices rise again for the third time in two years across the region\n"
        "30 April 2021\n"
    )
    article = ARTICLE + (
        "Residents of the northern districts asked for a stop near the hospital. The council"
        " promised to study it, but said that every new stop adds two minutes to the trip.\n"
        "The opposition voted against the plan and asked for a referendum on its cost, which"
        " the council turned down by a clear majority of its members.\n"
    )
    text = article + teasers
    assert "BP511" in _codes(text)
    assert _fixed(text) == article
    assert _fixed(text, unsafe=False) == text


def test_an_archive_page_of_teasers_stays() -> None:
    archive = "".join(
        f"## {title}\n{date}\n\n"
        for title, date in [
            ("Moving the build to containers", "March 3, 2024"),
            ("What we learned from a year of on-call", "February 11, 2024"),
            ("A faster parser for the configuration files", "January 20, 2024"),
            ("Notes from the storage team's offsite", "December 9, 2023"),
        ]
    )
    assert not {"BP510", "BP511"} & _codes(archive)


LONG_ARTICLE = ARTICLE + (
    "Residents of the northern districts asked for a stop near the hospital. The council"
    " promised to study it, but said that every new stop adds two minutes to the trip.\n"
    "The opposition voted against the plan and asked for a referendum on its cost, which"
    " the council turned down by a clear majority of its members.\n"
)


def _teasers(mark: str) -> str:
    return "".join(
        f"{mark}{title}\n\n{date}\n\n"
        for title, date in [
            ("Airport tram: the five stations that were left out", "28 April 2021"),
            ("Why the old bus depot will become a park soon", "29 April 2021"),
            ("Ticket prices rise again for the third time in two years", "30 April 2021"),
        ]
    )


def test_the_articles_title_and_date_are_no_record_of_the_teaser_list_under_them() -> None:
    # A converter's page: the title (and the standfirst heading) with the post's date, then a
    # "more stories" box the clip kept without its links, then the prose. The title and its
    # date read as one more headline and date; the run opens after them.
    for head in (
        "# The tram line reaches the airport\n\n",
        "## The tram line reaches the airport\n\n",
        "# The tram line reaches the airport\n\n## The council votes the extension\n\n",
    ):
        title = head + "27 April 2021\n\n"
        text = title + _teasers("") + LONG_ARTICLE
        fixed = _fixed(text)
        assert head in fixed
        assert "Airport tram" not in fixed
        assert fixed.endswith(LONG_ARTICLE)


def test_a_teaser_list_of_headings_of_one_level_still_goes_under_the_title() -> None:
    # The look-alike of the title: the teasers' own headings share one level, none outranks
    # the others, and the box goes whole (over the article, and after it).
    title = "# The tram line reaches the airport\n\n27 April 2021\n\n"
    text = title + _teasers("### ") + LONG_ARTICLE
    fixed = _fixed(text)
    assert "# The tram line reaches the airport\n" in fixed
    assert "Airport tram" not in fixed and "Ticket prices" not in fixed
    after = "# The tram line reaches the airport\n\n" + LONG_ARTICLE + "\n" + _teasers("## ")
    fixed = _fixed(after)
    assert (
        fixed.startswith("# The tram line reaches the airport\n") and "Ticket prices" not in fixed
    )


def test_a_teaser_box_after_the_prose_goes_when_a_box_inside_the_article_repeats_its_shape() -> (
    None
):
    # A text copy: a "context" box of headline, source and date inside the article, the
    # article's prose, then a "most read" box of the same shape. The stamps chain them into
    # one run whose records hold the prose; the run is read again between the prose lines.
    def box(titles: list[str]) -> str:
        return "".join(
            f"{title}\nThe Daily Courier\n{28 - n} April 2021\n" for n, title in enumerate(titles)
        )

    inside = box(
        [
            "Airport tram: the five stations that were left out",
            "Why the old bus depot will become a park soon",
            "Ticket prices rise again for the third time in two years",
        ]
    )
    tail = box(
        [
            "A new bridge for cyclists opens on the river next week",
            "The mayor wants a car-free centre by the end of the decade",
            "Night buses return to the northern districts in the summer",
            "Schools in the east of the city get new sports halls soon",
        ]
    )
    text = ARTICLE + inside + LONG_ARTICLE + tail
    found = [v for v in mdclean.lint(text, config=Config()) if v.code == "BP511"]
    assert [v.line for v in found] == [text[: text.index(tail)].count("\n") + 1]
    fixed = _fixed(text)
    assert fixed.endswith(LONG_ARTICLE) and "Airport tram" in fixed


LATEST = (
    "LO ÚLTIMO\n"
    "Espectáculos\nEl relato de los hermanos sobre su padre que emocionó al animador\n"
    "Juan Pérez\nhace 4 minutos\n"
    "Crónica\nIndagan show de exvocalista en un colegio tras su condena\nDiego Soto\nhace 21 minutos\n"
    "Espectáculos\nLa inesperada confesión de la protagonista en la teleserie\nAna Ruiz\n"
    "hace 27 minutos\n"
    "Deportes\nEl volante sale a responder a las críticas tras el partido\nDiego Soto\nhace una hora\n"
)
DECK = (
    "VER MÁS\nFacebook\nTwitter\n"
    "Un periodista contó detalles de la tensa situación que vivieron dos actrices en el canal.\n"
    "Juan Pérez\nmiércoles, 4 de mayo de 2022 07:59 hs\n"
)
NOTA = (
    "A mediados del año pasado salió a la luz un episodio que protagonizaron dos actrices en los"
    " pasillos del canal, y que hasta ahora nadie había contado con detalle en la televisión.\n"
    "Según su relato, todo surgió porque una de ellas utilizó el estacionamiento que supuestamente"
    " estaba designado para la otra, lo que terminó en una discusión a grito pelado.\n"
    "De hecho, según el panelista del programa, la situación generó una especie de advertencia de"
    " parte de los jefes del canal a una de las actrices involucradas en la pelea.\n"
    "El panelista aseguró que tiene varios testigos que pueden acreditar cada uno de los detalles"
    " de la historia, y desafió a las actrices a desmentirlo en público durante el programa.\n"
)


def test_a_box_of_teasers_over_the_article_leaves_the_articles_standfirst() -> None:
    # (lacuarta: "hace una hora" is a stamp too; after the box's last teaser, the article's
    # standfirst, its author and its date hold no headline: no record of the box)
    text = "Una pelea en los pasillos del canal\n" + LATEST + DECK + NOTA
    config = Config(select=("BP511",))
    fixed = mdclean.fix(text, config=config, unsafe=True).text
    assert fixed == "Una pelea en los pasillos del canal\nLO ÚLTIMO\n" + DECK + NOTA
