"""BP083 reads the article's end twice (the prose core's last line, and the last block of
text wherever it stands) and takes both runs; the credit for the article's pictures ends a
run as a note does, in any of its spellings; a news ticker's timed headlines are no prose."""

from __future__ import annotations

import pytest

import mdclean
from tests.test_chrome_tail_core import ARTICLE, SHARE

FEEDBACK_FORM = """[Não tenho interesse](javascript:void(0);)

#### Por que você não quer ver isto?

- Propaganda disfarçada de notícia
- Notícia repetida ou antiga demais
- Texto de baixa qualidade e mal escrito
- Problemas com imagens ou vídeos
- Título exagerado que não corresponde
- Informação falsa ou enganosa
- Conteúdo ofensivo ou impróprio
- Outro motivo que não está listado

[Confirmar](javascript:void(0);)

*Informe o motivo

Obrigado pelo retorno, vamos mostrar menos artigos assim
"""
REASONS = FEEDBACK_FORM.split("\n\n[Confirmar]")[0].split("\n\n", 1)[1]


def _fixed(text: str) -> str:
    return mdclean.fix(text, unsafe=True).text


def _codes(text: str) -> set[str]:
    return {v.code for v in mdclean.lint(text)}


def test_the_tail_after_text_that_stands_apart_from_the_core_goes_too() -> None:
    # The list of reasons is text past the prose core: the core's run stops at it, the run
    # after it (the form's notice, the share row) goes in the same pass.
    page = f"{ARTICLE}\n{FEEDBACK_FORM}\n{SHARE}"
    assert _fixed(page) == f"{ARTICLE}\n{REASONS}\n"
    assert "BP083" in _codes(page)


@pytest.mark.parametrize(
    "credit",
    ["[사진=MBC, SBS]", "Fotos: Divulgação", "（写真＝共同）", "Photo © Jane Doe/AFP"],
)
def test_the_credit_for_the_articles_pictures_stays_between_two_widgets(credit: str) -> None:
    page = f"{ARTICLE}\n{SHARE}\n{credit}\n\nCaracteres restantes: 300\n\n{SHARE}"
    assert _fixed(page) == f"{ARTICLE}\n{credit}\n\nCaracteres restantes: 300\n"
    assert "BP083" not in _codes(page)


def test_a_credit_that_links_to_a_theme_maker_is_no_picture_credit() -> None:
    line = "Credits: [Theme](https://themes.example.org/)"
    page = f"{ARTICLE}\n{SHARE}\n{line}\n\nCaracteres restantes: 300\n\n{SHARE}"
    assert _fixed(page) == ARTICLE
    assert "BP083" in _codes(page)


def test_a_news_tickers_timed_headlines_go_with_the_tail() -> None:
    ticker = """Últimas notícias

18:30 Prefeitura anuncia obras na avenida central da cidade

18:19 Chuva forte deve atingir a região no fim de semana

17:53 Time da casa vence clássico e assume a liderança do estadual
"""
    page = f"{ARTICLE}\n{SHARE}\n{ticker}\n{SHARE}"
    assert _fixed(page) == ARTICLE
    assert "BP083" in _codes(page)


def test_a_timed_sentence_is_prose_that_ends_the_run() -> None:
    # A live report's entry ends as a sentence: the article's; a headline does not.
    update = "18:30 A prefeitura confirmou que as inscrições abrem na segunda-feira às oito horas."
    assert _fixed(f"{ARTICLE}\n{SHARE}\n{update}\n") == f"{ARTICLE}\n{update}\n"
    headline = "18:30 Prefeitura confirma inscrições para a segunda-feira às oito horas"
    assert _fixed(f"{ARTICLE}\n{SHARE}\n{headline}\n") == ARTICLE
