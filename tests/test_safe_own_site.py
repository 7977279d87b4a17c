"""The site's own navigation and teasers as parts of an unsafe finding (``vouching._own_runs``):
on a page that says it was saved from the web, a run of lines of links alone, each to a page of
the page's own site (from the site's root, or an address on the site its saver noted or its
head's links name), outside the article's prose, six links or more with a menu's short captions,
or three headlines or more to the site's articles (a dated path, a numeric id, a long slug).
Each beside its look-alike: a docs page's "See also", a list inside the article, another
site's links, a page that does not say it was saved."""

from __future__ import annotations

from mdclean.config import Config
from mdclean.document import Document
from mdclean.models import Applicability, Edit, Fix, Violation
from mdclean.vouching import own_site, page_parts

NOTE = "URL Source: https://www.daily.example.it/politica/2024/05/04/the-vote-123456.html\n\n"
ARTICLE = (
    "# The council passes the budget\n\n"
    "The council approved the new budget on Monday after a long debate about school funding.\n"
    "Members argued for three hours before the final vote, which passed by a narrow margin.\n\n"
    "The mayor said the vote was a relief for the city and thanked the members for their work.\n"
    "Critics said the cuts to the libraries would hurt the poorest neighbourhoods the most.\n\n"
)
MENU = (
    "* [Home](/)\n"
    "* Sections\n"
    "  + [Politics](/politica/)\n"
    "  + [Economy](/economia/)\n"
    "  + [Culture](/cultura/)\n"
    "  + [Sport](/sport/)\n"
    "  + [Weather](/meteo/)\n"
    "  + [Travel](/viaggi/)\n\n"
)
TEASERS = (
    "[Ten parks to visit this summer with the family](/cronaca/2024/05/03/parks-99881.html)\n\n"
    "[Why the bridge repair takes another whole year](/cronaca/2024/05/02/bridge-99870.html)\n\n"
    "[The new school opens its doors to three hundred pupils](/scuola/school-opens-99861)\n\n"
)


def _finding(text: str, block: str) -> tuple[Document, Violation]:
    """A document, and an unsafe finding whose one edit removes ``block`` (as BP185 or BP083
    reads the site's blocks around the article)."""
    doc = Document(text, None, Config())
    start = text.index(block)
    end = start + len(block)
    fix = Fix((Edit(start, end),), Applicability.UNSAFE)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return doc, Violation(
        "BP185", "chrome", "chrome", line, column, end_line, end_column, start, end, fix
    )


def _parts(text: str, block: str) -> list[str]:
    doc, violation = _finding(text, block)
    parts = page_parts(doc, [violation])
    assert all(p.fix is not None and p.fix.applicability is Applicability.SAFE for p in parts)
    return [doc.text[p.start : p.end].strip() for p in parts]


def test_a_saved_page_names_its_site_from_its_note() -> None:
    assert own_site(Document(NOTE + ARTICLE, None, Config())) == "example.it"


def test_a_page_that_does_not_say_it_was_saved_has_no_own_site() -> None:
    assert own_site(Document(ARTICLE + TEASERS, None, Config())) is None


def test_the_sites_menu_above_the_article_is_a_part() -> None:
    text = NOTE + MENU + ARTICLE
    # the whole run, then its stretches between captions (they wait for the guard's refusal)
    assert _parts(text, MENU) == [MENU.strip(), "* [Home](/)", MENU.split("\n", 2)[2].strip()]


def test_the_same_teasers_on_a_page_not_saved_are_no_part() -> None:
    text = ARTICLE + TEASERS
    assert _parts(text, TEASERS) == []


def test_teasers_to_the_sites_articles_after_the_article_are_a_part() -> None:
    text = NOTE + ARTICLE + TEASERS
    assert _parts(text, TEASERS) == [TEASERS.strip()]


def test_a_docs_see_also_on_a_saved_page_is_no_part() -> None:
    see_also = (
        "## See also\n\n"
        "* [Installing the client](/docs/client/install)\n"
        "* [Configuring the client](/docs/client/configure)\n"
        "* [Client reference](/docs/client/reference)\n"
        "* [Troubleshooting](/docs/client/troubleshooting)\n"
        "* [Release notes](/docs/client/releases)\n"
        "* [Upgrading](/docs/client/upgrade)\n"
    )
    assert _parts(NOTE + ARTICLE + see_also, see_also) == []


def test_a_short_list_of_the_sites_pages_is_no_part() -> None:
    short = "* [Politics](/politica/)\n* [Economy](/economia/)\n* [Culture](/cultura/)\n"
    assert _parts(NOTE + ARTICLE + short, short) == []


def test_a_list_inside_the_articles_prose_is_no_part() -> None:
    paragraphs = ARTICLE.split("\n\n")
    inside = "\n\n".join(paragraphs[:2]) + "\n\n" + MENU + "\n\n".join(paragraphs[2:])
    assert _parts(NOTE + inside, MENU) == []


def test_links_to_other_sites_are_not_the_sites_own() -> None:
    network = (
        "* [Il Messaggero](https://www.ilmessaggero.example/)\n"
        "* [Leggo](https://www.leggo.example/)\n"
        "* [Corriere](https://www.corriere.example/)\n"
        "* [Quotidiano](https://www.quotidiano.example/)\n"
        "* [Piemme](https://www.piemme.example/)\n"
        "* [Shopping](https://www.shopping.example/)\n"
    )
    assert _parts(NOTE + ARTICLE + network, network) == []


def test_headlines_to_section_pages_are_no_teasers() -> None:
    sections = (
        "[Everything about the council and the city](/cronaca/)\n\n"
        "[Everything about the schools of the region](/scuola/)\n\n"
        "[Everything about the weather this week](/meteo/)\n\n"
    )
    assert _parts(NOTE + ARTICLE + sections, sections) == []


def test_a_sentence_cuts_the_run() -> None:
    tail = (
        "* [Politics](/politica/)\n* [Economy](/economia/)\n* [Culture](/cultura/)\n\n"
        "Read our newsletter every morning to know what happened in the city overnight.\n\n"
        "* [Sport](/sport/)\n* [Weather](/meteo/)\n* [Travel](/viaggi/)\n"
    )
    assert _parts(NOTE + ARTICLE + tail, tail) == []


def test_a_nested_menu_cut_so_the_line_after_it_keeps_its_parent() -> None:
    menu = (
        "* Sections\n"
        "  + [Politics](/politica/)\n"
        "  + [Economy](/economia/)\n"
        "  + [Culture](/cultura/)\n"
        "  + [Sport](/sport/)\n"
        "  + [Weather](/meteo/)\n"
        "  + [Travel](/viaggi/)\n"
    )
    text = (
        NOTE + "[Home](/)\n\n" + menu + "  + [Partner](https://partner.example.com/)\n\n" + ARTICLE
    )
    found = _parts(text, "[Home](/)\n\n" + menu)
    # the whole run first; the run without its parent item waits for the guard's refusal
    assert found[0].startswith("[Home](/)")
    assert found[-1].startswith("+ [Politics]")
