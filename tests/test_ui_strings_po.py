"""``scripts/ui_strings.py``'s reader of WordPress's language packs (gettext ``.po``): each
msgid its translation, a context as gettext keys it, continuation lines joined, tags and
entities read as a page shows them; and the family it writes (BP375) read on pages."""

from __future__ import annotations

import sys

import pytest
from test_ui_strings import _script

import mdclean

PO = r"""
# Translation of WordPress - 6.x in Portuguese (Brazil)
msgid ""
msgstr ""
"Language: pt_BR\n"

#: wp-includes/comment-template.php:2600
msgid "Leave a Reply"
msgstr "Deixe um comentário"

#: wp-includes/general-template.php:300
msgctxt "label"
msgid "Search for:"
msgstr "Pesquisar por:"

msgctxt "placeholder"
msgid "Search &hellip;"
msgstr "Pesquisar &hellip;"

msgid ""
"Save my name, email, and website in this browser for the next time I "
"comment."
msgstr ""
"Salvar meus dados neste navegador para a próxima vez que eu comentar."

msgid "<cite class=\"fn\">%s</cite> <span class=\"says\">says:</span>"
msgstr "<cite class=\"fn\">%s</cite> <span class=\"says\">disse:</span>"

msgid "Not translated yet"
msgstr ""

msgid "%s comment"
msgid_plural "%s comments"
msgstr[0] "%s comentário"
msgstr[1] "%s comentários"
"""


@pytest.fixture(scope="module")
def ui() -> object:
    if sys.version_info < (3, 11):
        pytest.skip("the script reads TOML with tomllib")
    return _script()


def test_po_reader(ui: object) -> None:
    strings = ui.read_po(PO)  # type: ignore[attr-defined]
    assert strings["Leave a Reply"] == "Deixe um comentário"
    assert strings["label\x04Search for:"] == "Pesquisar por:"
    assert strings["placeholder\x04Search …"] == "Pesquisar …"
    key = "Save my name, email, and website in this browser for the next time I comment."
    assert strings[key].startswith("Salvar meus dados")
    assert strings["%s says:"] == "%s disse:"
    assert strings["%s comment"] == "%s comentário"
    assert strings["%s comments"] == "%s comentários"  # (a plural's second form)
    assert ui.read_po_english(PO)["%s comments"] == "%s comments"  # type: ignore[attr-defined]
    assert "Not translated yet" not in strings
    assert ui.read_po_english(PO)["Not translated yet"] == "Not translated yet"  # type: ignore[attr-defined]


def test_bare_slot(ui: object) -> None:
    pick = ui.Pick("wp-core", "k", "ui-wordpress", fills=(("s", r"\*?"),), bare_slot=True)  # type: ignore[attr-defined]
    assert (
        ui._bare_slots(pick, r"required fields are marked \*?")
        == r"required fields are marked ?\*?"
    )  # type: ignore[attr-defined]


PAGES = [
    # a WordPress.com post copied as text (Portuguese): pingbacks and the closed comments
    "Pingback: Manipulação de strings em Bash | giovannireisnunes\n\n"
    "Pingback: Declaração de variáveis no Bash | giovannireisnunes\n\n"
    "Os comentários estão desativados.\n",
    # a converted WordPress post's comment form (Chinese)
    "## 发表回复 [取消回复](/2025/11/31263/#respond)\n\n您的邮箱地址不会被公开。 必填项已用 \\* 标注\n",
]


@pytest.mark.parametrize("tail", PAGES)
def test_wordpress_tail_goes(tail: str) -> None:
    article = "The last paragraph of the post, in the author's own words.\n\n"
    config = mdclean.Config(select=["BP375"])
    assert mdclean.fix(article + tail, config=config, unsafe=True).text == article.rstrip() + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "Pingback: a notice one blog sends another when it links to it\n",
        "Comments are closed.\n",
        "## Recent Posts\n\nI moved the blog to a new host this week.\n",
    ],
)
def test_wordpress_lookalikes_stay(text: str) -> None:
    config = mdclean.Config(select=["BP375"])
    assert mdclean.fix(text, config=config, unsafe=True).text == text
