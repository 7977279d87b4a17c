"""The one healed reading of html2text's wraps (``matchers/healed_reading.py``): a heading whose
link the converter wrapped reads whole with its continuation, the reading maps back to the
page's exact bytes, and the rules that read it (BP008, BP041, BP100) take the heading with its
rest, byte-exact under CRLF, a BOM and a missing final newline, fast path on or off."""

from __future__ import annotations

import dataclasses

import pytest

import mdclean
from mdclean.config import Config
from mdclean.document import Document
from mdclean.matchers.healed_links import BROKEN_TARGET, heal, heal_mapped
from mdclean.matchers.healed_reading import continuation, healed_block, is_continuation

PROSE = (
    "Our grandmother grew pears behind the house, and every autumn we cooked them with honey, "
    "cloves and a little lemon until the kitchen smelled of the whole season at once.\n"
)
FOOTER = (
    "\n#### About me\n\n"
    "Thank you for stopping by! My name is Regan and I live in Massachusetts with my husband "
    "and two sons, and here you will read about raising boys, travel and recipes.\n"
)
WRAPPED_FORM_TITLE = (
    "### Deixe uma resposta [Cancelar resposta](/blog/uma-palinha-das-brincadeiras-\n"
    "musicais-do-grupo-serelepe/#respond)\n"
)
AUTHOR = (
    "####  Sobre [Carlos\n"
    "Nadalim](http://blog.example.com.br/blog/author/carlos-nadalim/)\n\n"
    "Pai de Francesco e Teresa e marido de Bárbara, Carlos Nadalim é também coordenador "
    "pedagógico numa escola em Londrina, cidade onde mora, e escreve sobre alfabetização.\n\n"
    "[Facebook](https://www.facebook.com/carlos.nadalim)\n"
)


@pytest.mark.parametrize(
    "content",
    [
        "a [x](https://e.com/long-\n  path/) b",
        "[Tweet](https://t.co/share?text=My post title&u=x) and",
        "[a](http://x.com/a-\nb c)",
        "plain text",
    ],
)
def test_heal_mapped_reads_as_heal_and_maps_each_character(content: str) -> None:
    healed, origins = heal_mapped(content)
    assert healed == heal(content)
    assert len(origins) == len(healed) + 1 and origins[-1] == len(content)
    for char, origin in zip(healed, origins, strict=False):
        assert char == content[origin] or (char in "%20" and content[origin].isspace())


def test_a_wrapped_heading_reads_whole_with_its_continuation() -> None:
    text = f"{PROSE}\n{AUTHOR}"
    doc = Document(text)
    heading = next(node for node in doc.root.children if node.kind == "heading")
    block = healed_block(doc, heading)
    assert block is not None and block.joined
    assert block.skeleton is not None
    assert " ".join(block.skeleton.visible.split()) == "Sobre Carlos Nadalim"
    assert [link.href for link in block.skeleton.links] == [
        "http://blog.example.com.br/blog/author/carlos-nadalim/"
    ]
    rest = continuation(doc, heading)
    assert rest is not None and is_continuation(doc, rest)
    start, end = block.span()
    assert text[start:end] == AUTHOR.split("\n\n")[0]
    for offset, char in enumerate(block.text):
        assert char == "\n" or text[block.to_source(offset)] == char


def test_a_heading_with_closed_links_or_a_blank_line_has_no_continuation() -> None:
    for text in ("# Plain [x](y)\nnot the rest)\n", "### About [Jane\n\nDoe](/author/jane/)\n"):
        doc = Document(text)
        heading = doc.root.children[0]
        assert continuation(doc, heading) is None


def test_broken_target_is_the_one_constant() -> None:
    assert BROKEN_TARGET.search("Leave a Reply [Cancel reply](/2020/05/long-")
    assert not BROKEN_TARGET.search("Leave a Reply [Cancel reply](/2020/05/long)")


def _fix(text: str, code: str, *, fast: bool = True, unsafe: bool = False) -> str:
    config = dataclasses.replace(Config(select=(code,)), fast_path=fast)
    return mdclean.fix(text, config=config, unsafe=unsafe).text


def _variants(text: str) -> list[str]:
    crlf = text.replace("\n", "\r\n")
    return [text, crlf, "\ufeff" + text, text.rstrip("\n"), crlf.rstrip("\r\n")]


@pytest.mark.parametrize("variant", range(5))
@pytest.mark.parametrize("fast", [True, False])
def test_bp100_takes_a_wrapped_form_title_with_its_rest_byte_exact(
    variant: int, fast: bool
) -> None:
    page = f"{PROSE}\n{WRAPPED_FORM_TITLE}"
    text = _variants(page)[variant]
    fixed = _fix(text, "BP100", fast=fast)
    newline = "\r\n" if "\r\n" in text else "\n"
    kept = PROSE.replace("\n", newline)
    assert fixed.rstrip("\r\n") == ("\ufeff" if text.startswith("\ufeff") else "") + kept.rstrip(
        "\r\n"
    )
    assert text.startswith(fixed.rstrip("\r\n"))  # only the removed bytes changed
    assert _fix(fixed, "BP100", fast=fast) == fixed


@pytest.mark.parametrize("fast", [True, False])
def test_bp041_reads_the_wrapped_about_heading(fast: bool) -> None:
    text = f"# Brincadeiras\n\n{PROSE}\n{AUTHOR}"
    fixed = _fix(text, "BP041", fast=fast)
    assert "Sobre" not in fixed and "Nadalim](" not in fixed and "Pai de Francesco" not in fixed
    assert PROSE in fixed


@pytest.mark.parametrize("fast", [True, False])
def test_bp041_look_alike_an_about_heading_without_the_author_page(fast: bool) -> None:
    about = AUTHOR.replace("/blog/author/carlos-nadalim/", "/blog/livros/")
    about = about.replace("[Facebook](https://www.facebook.com/carlos.nadalim)", "Fim.")
    text = f"# Brincadeiras\n\n{PROSE}\n{about}"
    assert _fix(text, "BP041", fast=fast, unsafe=True) == text


@pytest.mark.parametrize("fast", [True, False])
def test_bp008_reads_a_wrapped_comment_heading(fast: bool) -> None:
    text = f"{PROSE}\n### Leave a Reply [Cancel reply](/2020/05/a-very-long-post-title-that-\nwraps/#respond)\n"
    fixed = _fix(text, "BP008", fast=fast)
    assert fixed.rstrip("\n") == PROSE.rstrip("\n")


COMMENTS = (
    "#### 2 comments\n\n"
    "[Cherie](http://example.com) August 17, 2019 - 2:19 pm\n\n"
    "I made this jam today and it turned out really good, though I had to guess the amount "
    "of fruit because my pears came from a friend's tree and were all different sizes.\n\n"
    " [Reply](#comment-70112)\n\n"
    "Regan August 19, 2019 - 5:48 pm\n\n"
    "I'm glad you liked it and thanks for your feedback.\n\n"
    " [Reply](#comment-70129)\n\n"
    "### Leave a Comment [Cancel Reply](/2017/12/spiced-honey-pear-jam-recipe/#respond)\n\n"
    "Save my name, email, and website in this browser for the next time I comment.\n"
)


@pytest.mark.parametrize("fast", [True, False])
def test_bp100_a_thread_closed_by_its_form_title_ignores_the_sidebar_after(fast: bool) -> None:
    text = f"# Pear jam\n\n{PROSE}\n{COMMENTS}{FOOTER}"
    fixed = _fix(text, "BP100", fast=fast)
    assert "Cherie" not in fixed and "Cancel Reply" not in fixed and "glad you liked" not in fixed
    assert PROSE in fixed and "#### About me" in fixed and "Thank you for stopping by" in fixed


@pytest.mark.parametrize("fast", [True, False])
def test_bp100_look_alike_a_thread_without_its_form_before_prose_stays(fast: bool) -> None:
    thread = COMMENTS.split("### Leave a Comment")[0]
    text = f"# Pear jam\n\n{PROSE}\n{thread}\n{PROSE}"
    assert _fix(text, "BP100", fast=fast, unsafe=True) == text


KICKER = (
    "#### Todo listo para la movilización que convocan los organismos de derechos\n"
    "humanos junto a sindicatos, organizaciones sociales y partidos políticos\n"
)


def test_a_heading_wrapped_at_html2texts_width_reads_whole() -> None:
    for newline in ("\n", "\r\n"):
        doc = Document(KICKER.replace("\n", newline))
        heading = doc.root.children[0]
        rest = continuation(doc, heading)
        assert rest is not None and is_continuation(doc, rest)
        block = healed_block(doc, heading)
        assert block is not None and block.skeleton is not None
        assert block.skeleton.visible.split()[-2:] == ["partidos", "políticos"]


def test_a_heading_that_leaves_room_for_the_next_word_has_no_continuation() -> None:
    for text in (
        "## Usage\nRun the tool on a folder.\n",  # a hand-written heading and its paragraph
        "#### Todo listo para la movilización que convocan los organismos\nde derechos\n",
        KICKER.replace("\n", "\n\n", 1),  # a blank line between: two blocks
        "#### Todo listo para la movilización que convocan los organismos de derechos\n"
        "humanos junto a sindicatos, organizaciones sociales y partidos políticos y más\n"
        "y otra línea\ny otra\n",  # a paragraph longer than a wrap leaves
    ):
        doc = Document(text)
        assert continuation(doc, doc.root.children[0]) is None, text
