"""Editor's notes and figure captions: short blocks that are the article's (``article_notes``)."""

from __future__ import annotations

import pytest

from mdclean.document import Document
from mdclean.matchers.article_notes import NoteReader, is_figure_caption
from mdclean.matchers.phrase_lists import phrase_pattern

NOTES = NoteReader(phrase_pattern({"note_labels": ["editor-notes"]}, "note_labels"))


def _first_block(text: str) -> tuple[Document, list]:
    doc = Document(text)
    return doc, [n for n in doc.root.children if n.kind != "front_matter"]


@pytest.mark.parametrize(
    "text",
    [
        "Update (June 3): an earlier version of this post gave the wrong default.\n",
        "**Correction:** The mayor's name was misspelled in an earlier version.\n",
        "\\[2024年8月22日17時38分修正\\] 報道規定にともない、内容を一部修正しました。\n",
        "追記：2024年9月1日に新しいバージョンが公開されました。\n",
        "Nachtrag: Der Hersteller hat die Lücke inzwischen geschlossen.\n",
        "Mise à jour : la version 2.1 corrige ce problème depuis hier.\n",
        # a clipper glued the page's pager links to the note's line
        "\\[2024年8月22日修正\\] 内容を一部修正しました。\n[前へ](https://example.com/a?page=1) [次へ](https://example.com/a?page=2)\n",
    ],
)
def test_editor_notes(text: str) -> None:
    doc, blocks = _first_block(text)
    assert NOTES.is_note(doc, blocks[0])


@pytest.mark.parametrize(
    "text",
    [
        "Last updated: June 3, 2024\n",
        "Updated: 2024-06-03\n",
        "Updated: June 3, 2024.\n",
        "更新日：2024年8月22日\n",
        "Update your browser to view this site correctly.\n",
        "Share this: Twitter, Facebook and LinkedIn.\n",
    ],
)
def test_not_editor_notes(text: str) -> None:
    doc, blocks = _first_block(text)
    assert not NOTES.is_note(doc, blocks[0])


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
