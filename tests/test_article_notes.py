"""Editor's notes and figure captions: short blocks that are the article's (``article_notes``)."""

from __future__ import annotations

import pytest

from mdclean.document import Document, Node
from mdclean.matchers.article_notes import CreditReader, NoteReader, is_figure_caption
from mdclean.matchers.phrase_lists import phrase_pattern

NOTES = NoteReader(phrase_pattern({"note_labels": ["editor-notes"]}, "note_labels"))


def _first_block(text: str) -> tuple[Document, list[Node]]:
    doc = Document(text)
    return doc, [n for n in doc.root.children if n.kind != "front_matter"]


NOTES_AND_NOT = [
    # an editor's note: a label, then a sentence
    ("Update (June 3): an earlier version of this post gave the wrong default.\n", True),
    ("**Correction:** The mayor's name was misspelled in an earlier version.\n", True),
    ("\\[2024年8月22日17時38分修正\\] 報道規定にともない、内容を一部修正しました。\n", True),
    ("追記：2024年9月1日に新しいバージョンが公開されました。\n", True),
    ("Nachtrag: Der Hersteller hat die Lücke inzwischen geschlossen.\n", True),
    ("Mise à jour : la version 2.1 corrige ce problème depuis hier.\n", True),
    # a clipper glued the page's pager links to the note's line
    (
        "\\[2024年8月22日修正\\] 内容を一部修正しました。\n[前へ](https://example.com/a?page=1) [次へ](https://example.com/a?page=2)\n",
        True,
    ),
    # a post's meta line, or a line that opens with a note's word but is no note
    ("Last updated: June 3, 2024\n", False),
    ("Updated: 2024-06-03\n", False),
    ("Updated: June 3, 2024.\n", False),
    ("更新日：2024年8月22日\n", False),
    ("Update your browser to view this site correctly.\n", False),
    ("Share this: Twitter, Facebook and LinkedIn.\n", False),
]


@pytest.mark.parametrize(("text", "expected"), NOTES_AND_NOT)
def test_editor_notes(text: str, expected: bool) -> None:
    doc, blocks = _first_block(text)
    assert NOTES.is_note(doc, blocks[0]) is expected


def test_figure_caption_repeats_the_alt_text() -> None:
    text = (
        "[![料理を作る際のレシピ本のようにYAMLを活用しよう](https://example.com/02.jpg)](https://example.com/02)\n\n"
        "料理を作る際のレシピ本のようにYAMLを活用しよう\n\n"
        "![logo](https://example.com/logo.png)\n\n"
        "Our site's tagline, in a few words\n"
    )
    doc, blocks = _first_block(text)
    assert is_figure_caption(doc, blocks, 1)
    assert not is_figure_caption(doc, blocks, 3)
    assert not is_figure_caption(doc, blocks, 0)


CREDITS = CreditReader(phrase_pattern({"credits": ["figure-credits"]}, "credits"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("![digital](https://example.com/a.jpg)\n\nImage: Unsplash+/Getty\n", True),
        ("[![](https://example.com/a.jpg)](https://example.com/b)\n\n（画像：柳谷智宣）\n", True),
        ("![Hafen](https://example.com/a.jpg)\n\nFoto: dpa\n", True),
        # not under a picture, or a sentence of its own
        ("Some text.\n\nImage: Unsplash+/Getty\n", False),
        (
            "![x](https://example.com/a.png)\n\nPhoto: we took it on the last day of the trip, when the rain finally stopped.\n",
            False,
        ),
    ],
)
def test_credit_lines(text: str, expected: bool) -> None:
    doc, blocks = _first_block(text)
    assert CREDITS.is_credit(doc, blocks, 1) is expected
