"""A short label line ("Temas en esta nota:") goes with the one block it introduces when a
fix removes that block whole, as a heading goes with its emptied section; in every other
case it stays, byte for byte."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config

TAGS = "[Corte Suprema](/tag/corte-suprema) [Organismos](/tag/organismos-de-derechos)\n"
BEFORE = "Primer párrafo del artículo, con su texto completo.\n\n"
AFTER = "\nÚltimo párrafo del artículo, que sigue en pie.\n"


def _fix(text: str, code: str = "BP038") -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


@pytest.mark.parametrize(
    "label",
    [
        "Temas en esta nota:",
        "**MÁS INFORMACIÓN:**",
        "Tags :",
        "标签：",
        "_Schlagwörter:_",
    ],
)
def test_a_label_goes_with_the_block_it_introduces(label: str) -> None:
    text = BEFORE + label + "\n\n" + TAGS + AFTER
    assert _fix(text) == BEFORE + AFTER.lstrip("\n")


def test_with_crlf_and_no_final_newline_only_the_label_and_its_block_go() -> None:
    text = (BEFORE + "Temas:\n\n" + TAGS + AFTER).replace("\n", "\r\n").rstrip("\r\n")
    expected = (BEFORE + AFTER.lstrip("\n")).replace("\n", "\r\n").rstrip("\r\n")
    assert _fix(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        # a sentence that ends in a colon says something of its own
        "Estos son los temas que la redacción eligió para la nota de hoy:",
        # no colon: a line of text, not a label
        "Temas en esta nota",
        # a label that is itself a link is another rule's business
        "[Temas](/temas):",
    ],
)
def test_a_line_that_is_not_a_short_label_stays(line: str) -> None:
    text = BEFORE + line + "\n\n" + TAGS + AFTER
    assert _fix(text) == BEFORE + line + "\n\n" + AFTER.lstrip("\n")


def test_a_label_stays_when_its_block_stays() -> None:
    text = BEFORE + "Ingredientes:\n\n- 2 huevos\n- 100 g de harina\n" + AFTER
    assert _fix(text) == text


def test_a_label_before_a_heading_introduces_nothing() -> None:
    text = BEFORE + "Etiquetas:\n\n## Sección\n\n" + TAGS + AFTER
    assert _fix(text) == BEFORE + "Etiquetas:\n\n## Sección\n\n" + AFTER.lstrip("\n")


def test_a_label_whose_block_is_only_partly_removed_stays() -> None:
    # the share row is one list item of a list that also holds the article's own links
    text = (
        BEFORE + "Enlaces:\n\n"
        "- [Informe completo](https://datos.example.org/informe.pdf)\n"
        "- [Compartir](https://www.facebook.com/sharer/sharer.php?u=https://diario.example/nota)\n"
        + AFTER
    )
    assert _fix(text, "BP013") == text


def test_a_label_shown_in_code_is_left_alone() -> None:
    text = BEFORE + "```\nTemas:\n\n" + TAGS + "```\n" + AFTER
    assert _fix(text) == text


def test_a_label_over_a_removed_block_and_code_introduces_the_code() -> None:
    text = "Run:\n\n1\n2\n\n\t\nmake\nmake install\n"
    assert (
        mdclean.fix(text, config=Config(select=("BP295",))).text == "Run:\n\nmake\nmake install\n"
    )


def test_a_label_over_a_removed_block_and_a_list_stays() -> None:
    text = BEFORE + "Temas:\n\n" + TAGS + "\n- uno\n- dos\n"
    assert _fix(text) == BEFORE + "Temas:\n\n- uno\n- dos\n"


SHARE_ROW = (
    "[](https://www.facebook.com/sharer.php?u=https://journal.example.fr/a) "
    "[](https://twitter.com/share?url=https://journal.example.fr/a)\n"
)


@pytest.mark.parametrize("label", ["__Partager", "COMPARTIR NOTA", "分享", "Teilen"])
def test_a_share_rows_label_without_a_colon_goes_with_its_row(label: str) -> None:
    text = BEFORE + label + "\n\n" + SHARE_ROW + AFTER
    assert _fix(text, "BP013") == BEFORE + AFTER.lstrip("\n")


def test_a_share_rows_label_over_a_wrapped_row_goes_with_it() -> None:
    # html2text wrapped the messenger button's target: the row is links alone, read healed
    row = (
        '[](https://www.facebook.com/sharer.php?u=https://journal.example.fr/a "Partager\n'
        'sur Facebook")\n[](fb-\nmessenger://share/?link=https://journal.example.fr/a '
        '"Partager sur Messenger")\n'
    )
    text = BEFORE + "__Partager\n\n" + row + AFTER
    assert _fix(text, "BP013") == BEFORE + AFTER.lstrip("\n")


@pytest.mark.parametrize(
    "line",
    [
        # a share label over links that stay (the article's sources) stays with them
        "Partager",
        # a longer line that names sharing is text
        "Partager cet article avec vos collègues de la rédaction",
    ],
)
def test_a_share_word_over_a_block_that_stays_stays(line: str) -> None:
    links = (
        "[Le rapport](https://rapport.example.org/2020) [La réponse](https://autre.example.org/r)\n"
    )
    text = BEFORE + line + "\n\n" + links + AFTER
    assert _fix(text, "BP013") == text
