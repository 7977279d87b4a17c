"""BP668 unwraps the list item a converter wrapped a saved page's article column in: the mark
and the indentation go, the page's words and line breaks stay; an item that does not stand
after a blank line, or is indented with tabs, is left as it is."""

from __future__ import annotations

import mdclean

HEAD = '---\nsource: "https://noticias.example.pt/mundo/2024/cimeira.html"\n---\n[Início](/)\n\n'
PARAGRAPHS = [
    "A cimeira terminou ontem com um acordo sobre o clima assinado por todos os países "
    "presentes, depois de três dias de negociações difíceis na capital.",
    "Os ministros comprometeram-se a reduzir as emissões em metade até ao fim da década e a "
    "financiar a transição energética dos países mais pobres.",
    "As organizações ambientais saudaram o acordo, mas lembraram que as promessas das "
    "cimeiras anteriores ficaram muitas vezes por cumprir.",
]
BLOCKS = [
    "### Cimeira do clima termina com acordo",
    "Partilhar:",
    "3 de maio de 2024",
    *PARAGRAPHS,
    "Etiquetas",
    "### Comentários",
    "Inicie sessão para comentar.",
    "### Mais lidas",
    *(f"[Notícia {n}](/mundo/noticia-{n}.html)" for n in range(1, 5)),
]


def _page(newline: str = "\n", indent: str = "  ") -> str:
    item = ("\n\n" + indent).join(BLOCKS)
    return (HEAD + "* " + item + "\n").replace("\n", newline)


def _unwrapped(newline: str = "\n") -> str:
    return (HEAD + "\n\n".join(BLOCKS) + "\n").replace("\n", newline)


def _fix(text: str) -> str:
    return mdclean.fix(text, config=mdclean.Config(select=("BP668",))).text


def test_the_wrapping_item_loses_its_mark_and_indentation() -> None:
    assert _fix(_page()) == _unwrapped()


def test_the_pages_line_breaks_stay_as_they_were() -> None:
    assert _fix(_page("\r\n")) == _unwrapped("\r\n")


def test_an_item_indented_with_tabs_is_left_alone() -> None:
    page = _page(indent="\t")
    assert _fix(page) == page


def test_an_item_right_under_a_line_of_text_is_left_alone() -> None:
    page = _page().replace("[Início](/)\n\n* ", "[Início](/)\n* ")
    assert _fix(page) == page
