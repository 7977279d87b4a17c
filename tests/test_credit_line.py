"""``line_reading.credit_line``: a credit line's label and name, the one reading of it
(edge_meta's title and tail zones read a byline's "Bron: 112 Den Haag" with ``one_word``;
text_dump_edges keeps an article's "Źródło: Statista.com" under its last line)."""

from __future__ import annotations

import pytest

from mdclean.matchers.line_reading import credit_line


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Bron: 112 Den Haag", ("Bron", "112 Den Haag")),
        ("Źródło: Statista.com", ("Źródło", "Statista.com")),
        ("Foto : dpa", ("Foto", "dpa")),
        ("来源：新华社", ("来源", "新华社")),
        ("Photo by Jane Doe: Unsplash", ("Photo by Jane Doe", "Unsplash")),
        ("Fotos von Anna und Ben Meier: privat", None),  # a label of more than 21 characters
        ("2024: ein Rückblick", None),  # no label of letters
        ("Quelle:", None),  # nothing credited
    ],
)
def test_a_credit_line(text: str, credit: tuple[str, str] | None) -> None:
    assert credit_line(text) == credit


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Bron: 112 Den Haag", ("Bron", "112 Den Haag")),
        ("Fuente:Reuters", ("Fuente", "Reuters")),
        ("Photo by Jane Doe: Unsplash", None),  # more than one word
        ("title:  Command Line Usage", None),  # an aligned table's column, not a credit
        ("X: y", None),  # a one-letter label
    ],
)
def test_a_one_word_credit_line(text: str, credit: tuple[str, str] | None) -> None:
    assert credit_line(text, one_word=True) == credit
