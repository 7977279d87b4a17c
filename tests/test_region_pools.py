"""The head of a converter's whole-page output read as a region (session 29, G29): the site's
pool of links above the article's title goes whole, the title's kicker and the article stay."""

from __future__ import annotations

import mdclean
from mdclean.markup import link_lines

PROSE = (
    "The council voted on Tuesday to reopen the old harbour bridge to cyclists, after two years "
    "of repairs that cost more than the city had planned. Traffic on the ring road is expected "
    "to ease once the bridge carries the morning commute again.\n\n"
    "Engineers said the new deck would last fifty years, and that the lifts on both banks "
    "would be open from six in the morning until midnight, every day of the week.\n"
)
SECTIONS = ("news", "sport", "culture", "travel", "food", "money", "science", "weather")


def _menu_tree() -> str:
    """A site's menu as html2text prints it: each section a caption, its submenu indented
    into a code block under a line of its own."""
    parts = []
    for name in SECTIONS:
        sub = "".join(
            f"    * [{name} {n}](/{name}/{n})\n"
            for n in ("today", "archive", "video", "photos", "opinion")
        )
        parts.append(f"  * {name.title()}\n\nLatest {name}\n\n__\n\n{sub}")
    return "\n".join(parts)


def _fixed(text: str, code: str = "BP306") -> str:
    return mdclean.fix(text, config=mdclean.Config(select=(code,)), unsafe=True).text


def test_the_head_that_is_a_pool_of_links_goes_whole() -> None:
    text = f"[Skip to content](#main)\n\n{_menu_tree()}\n# Bridge reopens to cyclists\n\n{PROSE}"
    fixed = _fixed(text)
    assert "[news today]" not in fixed
    assert "Latest culture" not in fixed
    assert fixed.endswith(f"# Bridge reopens to cyclists\n\n{PROSE}")


def test_a_kicker_html2text_wrapped_stays_with_the_title() -> None:
    kicker = (
        "#### The council meets for the third time this month on the state of the old\n"
        "harbour bridges\n"
    )
    text = f"[Skip to content](#main)\n\n{_menu_tree()}\n{kicker}\n# Bridge reopens\n\n{PROSE}"
    fixed = _fixed(text)
    assert "[news today]" not in fixed
    assert fixed.endswith(f"{kicker}\n# Bridge reopens\n\n{PROSE}")


def test_a_head_with_a_paragraph_of_prose_is_no_pool() -> None:
    intro = (
        "This page collects the notes of the working group, which meets every month and "
        "publishes its minutes here for everyone to read and comment on.\n"
    )
    text = f"[Skip to content](#main)\n\n{_menu_tree()}\n{intro}\n# Bridge reopens\n\n{PROSE}"
    assert "[news today]" in _fixed(text)


def test_a_few_links_above_the_title_are_no_pool() -> None:
    menu = "".join(f"* [{n}](/{n})\n" for n in SECTIONS[:4])
    text = f"[Skip to content](#main)\n\n{menu}\n# Bridge reopens\n\n{PROSE}"
    assert "* [news](/news)" in _fixed(text)


def test_the_title_line_of_a_whole_page_names_the_heading() -> None:
    # markdownify prints the page's <title> first; a teaser card's link around a picture and a
    # heading is broken over two blocks, and is read as the link it was
    cards = "".join(
        f"  [![{n} story - Photo]()\n\n  #### The {n} story of the week](/{n}/article-{i}.php)\n\n"
        for i, n in enumerate(SECTIONS)
    )
    menu = "".join(f"  - [{n.title()}](/{n}/)\n" for n in SECTIONS)
    text = (
        "Bridge reopens to cyclists - The Harbour Times\n\n[Skip to content](#main)\n\n"
        f"* [Sections](/sections/)\n\n\n{menu}\n{cards}"
        f"# Bridge reopens to cyclists\n\n{PROSE}"
    )
    fixed = _fixed(text)
    assert "The sport story of the week" not in fixed
    assert "- [Culture](/culture/)" not in fixed
    assert fixed.endswith(f"# Bridge reopens to cyclists\n\n{PROSE}")


def test_link_lines_read_a_list_of_links_and_nothing_else() -> None:
    assert link_lines('    * [A](/a)\n    * [B](/b "B")\n') == [("A", "/a"), ("B", "/b")]
    assert link_lines("    * [A](/a)\n") is None  # (one link alone: a credit line)
    assert link_lines("    * [A](/a)\n    x = [1](2)\n    y\n") is None


def test_a_lazy_picture_commonmark_left_unread_is_no_link() -> None:
    """html2text's lazy-loaded photo: the placeholder ``![alt](data:…)`` CommonMark leaves as
    text (its quotes), then the real picture's address. Read mended, it is a link to the
    picture's file (what the article keeps), not a link to a ``data:`` address with a "!"
    left as text (a card's link: session 29's blind page lost its last paragraphs so)."""
    from mdclean.document import Document
    from mdclean.matchers.article_region import _mended_reading

    text = (
        "![Harbour bridge\nat night](data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/"
        "svg'%20viewBox='0%200%201021%20766'%3E%3C/svg%3E)\n"
        "Harbour bridge at night](https://www.example.at/wp-\n"
        "content/uploads/2023/11/bridge-1021x766.webp)\n"
    )
    doc = Document(text)
    node = next(n for n in doc.root.walk() if n.kind == "paragraph")
    skeleton = _mended_reading(doc, node)
    assert skeleton is not None
    assert [link.href for link in skeleton.links] == [
        "https://www.example.at/wp-content/uploads/2023/11/bridge-1021x766.webp"
    ]
    assert "!" not in skeleton.text
