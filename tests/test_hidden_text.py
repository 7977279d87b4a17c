"""BP297: hidden headings wait for ``--unsafe-fixes``; Pandoc's fence lines around hidden text stay."""

from __future__ import annotations

import mdclean
from mdclean.config import Config


def _fix(text: str, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=("BP297",)), unsafe=unsafe).text


HEADINGS = (
    "Le texte de l'article.\n\n"
    "##### Navigation principale {#navigation-principale .screen-reader-text}\n\n"
    "Main menu {#main-menu .element-invisible}\n---------\n\n"
    "-   [Accueil](https://example.fr/)\n"
)


def test_a_hidden_heading_goes_with_unsafe_fixes_only() -> None:
    assert _fix(HEADINGS, unsafe=False) == HEADINGS
    assert _fix(HEADINGS, unsafe=True) == (
        "Le texte de l'article.\n\n-   [Accueil](https://example.fr/)\n"
    )


def test_fence_lines_around_hidden_text_stay() -> None:
    text = (
        "Body of the post.\n\n"
        ":::\n:::\n[[Standard]{.screen-reader-text}]{.entry-format-badge}\n:::\n\n"
        "More of the post.\n"
    )
    assert _fix(text, unsafe=False) == ("Body of the post.\n\n:::\n:::\n:::\n\nMore of the post.\n")


def test_a_heading_that_took_in_a_fence_line_stays() -> None:
    text = "Text.\n\n::: {.toolbar}\nPost navigation {#nav .screen-reader-text}\n===\n"
    assert _fix(text, unsafe=True) == text
