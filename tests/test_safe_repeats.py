"""Lines the page prints twice in order, outside its prose core, as parts of an unsafe finding
(``evidence_repeats``): a site's menu in the head and again in the footer, a teaser box under
two tabs. Each beside its look-alike: a chorus, a table of contents whose entries come back
between the article's paragraphs, a pull quote, a list printed once."""

from __future__ import annotations

from vouching_parts import safe_parts as _parts

from mdclean.config import Config
from mdclean.document import Document
from mdclean.evidence_repeats import repeated_lines
from mdclean.vouching import _prose_span

ARTICLE = (
    "The council approved the new budget on Monday after a long debate about school funding.\n"
    "Members argued for three hours before the final vote, which passed by a narrow margin.\n"
    "The mayor said the vote was a relief for the city and thanked the members for their work.\n"
    "Critics said the cuts to the libraries would hurt the poorest neighbourhoods the most.\n"
    "The new budget takes effect in January and will be reviewed again in the spring.\n"
)
MENU = "Home\nPolitics\nEconomy\nCulture\nSport\n"
TABS = (
    "Most read\n"
    "Ten parks to visit this summer with the family\n"
    "Why the bridge repair takes another whole year\n"
    "The new school opens its doors to three hundred pupils\n"
    "Newest\n"
    "Ten parks to visit this summer with the family\n"
    "Why the bridge repair takes another whole year\n"
    "The new school opens its doors to three hundred pupils\n"
)


def test_a_menu_in_the_head_and_again_in_the_footer_is_a_part_in_both() -> None:
    text = "Daily News\n" + MENU + "The council passes the budget\n" + ARTICLE + MENU + "© Daily\n"
    assert _parts(text, "Daily News\n" + MENU) == [MENU.strip()]
    assert _parts(text, MENU + "© Daily\n") == [MENU.strip()]


def test_a_teaser_box_under_two_tabs_is_a_part() -> None:
    text = "The council passes the budget\n" + ARTICLE + TABS
    # (the windows printed twice: the span from the first headline to the last; and the box
    # under its known title, "Most read", over three headlines: teaser_records' part, the title
    # with it)
    assert _parts(text, TABS) == [TABS.split("\n", 1)[1].strip(), TABS.strip()]


def test_a_list_printed_once_is_no_part() -> None:
    text = "Daily News\n" + MENU + "The council passes the budget\n" + ARTICLE + "© Daily\n"
    assert _parts(text, "Daily News\n" + MENU) == []


def test_a_chorus_on_a_page_without_prose_is_no_part() -> None:
    chorus = "Oh the river runs\nand the night is long\nwe will sing along\n"
    text = "Verse one here\n" + chorus + "Verse two here\n" + chorus + "Verse three\n" + chorus
    doc = Document(text, None, Config())
    assert repeated_lines(doc, _prose_span(doc)) == frozenset()


def test_a_table_of_contents_whose_entries_come_back_in_the_article_is_no_part() -> None:
    toc = "Budget\nSchools\nLibraries\n"
    body = "Budget\n" + ARTICLE + "Schools\n" + ARTICLE.replace("budget", "plan") + "Libraries\n"
    text = "The council passes the budget\n" + toc + body + ARTICLE
    assert _parts(text, toc) == []


def test_a_pull_quote_inside_the_prose_is_no_part() -> None:
    quote = "A relief for the city\nsaid the mayor\non Monday night\n"
    text = "The council passes the budget\n" + ARTICLE + quote + ARTICLE + quote + ARTICLE
    doc = Document(text, None, Config())
    assert repeated_lines(doc, _prose_span(doc)) == frozenset()


def test_sentences_printed_twice_are_no_part() -> None:
    notice = (
        "We use cookies to improve this site.\n"
        "Read our policy to learn more about them.\n"
        "You can change your choice at any time.\n"
    )
    text = "The council passes the budget\n" + ARTICLE + notice + "Sport\n" + notice
    doc = Document(text, None, Config())
    assert repeated_lines(doc, _prose_span(doc)) == frozenset()


RELATED = (
    "Related\n"
    "Ten parks to visit this summer with the family\n"
    "A short note on the weather for the weekend\n"
    "Why the bridge repair takes another whole year\n"
)
MOST_READ = (
    "Most read\n"
    "Why the bridge repair takes another whole year\n"
    "The new school opens its doors to three hundred pupils\n"
    "Ten parks to visit this summer with the family\n"
)


def test_a_teaser_box_whose_headlines_another_box_prints_again_is_a_part() -> None:
    text = "The council passes the budget\n" + ARTICLE + RELATED + MOST_READ
    parts = _parts(text, RELATED + MOST_READ)
    # (and the box under its known title "Most read": teaser_records' part)
    assert parts == [(RELATED + MOST_READ).split("\n", 1)[1].strip(), MOST_READ.strip()]


def test_the_title_printed_twice_over_the_article_is_no_part() -> None:
    title = "The council passes the budget after a long debate\n"
    head = "Home > News > " + title + "Daily News\n" + title
    text = head + ARTICLE + "© Daily\n"
    assert _parts(text, head) == []


def test_a_list_after_the_article_printed_once_is_no_part() -> None:
    sources = (
        "Sources\n"
        "The city council minutes of Monday night\n"
        "An interview with the mayor after the vote\n"
        "The budget office report for next year\n"
    )
    text = "The council passes the budget\n" + ARTICLE + sources
    assert _parts(text, sources) == []
