"""BP083 reads the article's end from its prose core, bridges a commenter's avatar between a
comment form's prompt and its notice, and goes on at a tracker's pixel; a photo is no avatar."""

from __future__ import annotations

import mdclean

ARTICLE = """# Festival de inverno começa na sexta

A cidade recebe a partir de sexta-feira a nova edição do festival de inverno, com shows
gratuitos na praça central, oficinas para crianças e uma feira de artesanato que deve
reunir mais de cem expositores da região durante os três fins de semana do evento.

A programação completa está no site da prefeitura, e as inscrições para as oficinas
abrem na segunda-feira pela manhã, com vagas limitadas para cada turma.
"""
SHARE = """Compartilhe:

- [Twitter](https://twitter.com/intent/tweet?url=https%3A%2F%2Fjornal.example.com%2Ffestival)
- [Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fjornal.example.com%2Ffestival)
"""


def _fixed(text: str) -> str:
    return mdclean.fix(text, unsafe=True).text


def test_a_comment_form_with_its_avatar_goes_between_the_prompt_and_the_share_row() -> None:
    form = """Deixe seu comentário

![avatar](/img/ico-user.png)

Ao comentar você concorda com os termos de uso. Os comentários não representam a opinião do portal.

Caracteres restantes: 300
"""
    assert _fixed(f"{ARTICLE}\n{form}\n{SHARE}") == ARTICLE
    codes = {v.code for v in mdclean.lint(f"{ARTICLE}\n{form}\n{SHARE}")}
    assert "BP083" in codes


def test_the_article_photo_and_last_short_paragraph_stay_between_two_widgets() -> None:
    tail = """![A praça central na edição passada](/img/festival-2023.jpg)

A feira abre às dez horas e fecha às vinte e duas horas todos os dias.
"""
    page = f"{ARTICLE}\n{SHARE}\n{tail}\nDeixe seu comentário\n"
    assert _fixed(page) == f"{ARTICLE}\n{tail}"
    assert "BP083" not in {v.code for v in mdclean.lint(page)}
