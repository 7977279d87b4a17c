"""WordPress's default themes' strings (``scripts/ui_strings.py``, ``_WP_DEFAULT_THEMES``;
family ``ui-wordpress-themes``, BP375): their post meta line, footer credit and back-to-top
link go where a page keeps them as blocks of their own; the slots a post's date, author and
terms fill stay short, so an imprint line or a sentence that opens with the same words stays."""

from __future__ import annotations

import re
import sys

import pytest
from test_ui_strings import _script

import mdclean


@pytest.fixture(scope="module")
def ui() -> object:
    if sys.version_info < (3, 11):
        pytest.skip("the script reads TOML with tomllib")
    return _script()


def test_slots_stay_short(ui: object) -> None:
    terms = ui.to_phrase("Categorized as %s", ui._TERMS)  # type: ignore[attr-defined]
    assert re.fullmatch(terms, "categorized as news and travel")
    assert not re.fullmatch(terms, "categorized as one of the best books of the year")
    by = ui.to_phrase("Published by %s", ui._BY_NAME)  # type: ignore[attr-defined]
    assert re.fullmatch(by, "published by jane roe")
    assert not re.fullmatch(by, "published by penguin random house")
    pick = ui.Pick(
        "twentytwenty", "To the top %s", "ui-wordpress-themes", fills=ui._ARROW, bare_slot=True
    )  # type: ignore[attr-defined]
    top = ui._bare_slots(pick, ui.to_phrase("To the top %s", ui._ARROW))  # type: ignore[attr-defined]
    assert re.fullmatch(top, "to the top ↑") and re.fullmatch(top, "to the top")


ARTICLE = "The last paragraph of the post, in the author's own words.\n\n"
TAILS = [
    # Twenty Twenty-One's post meta line (German) and Twenty Twenty's footer (English)
    "Veröffentlicht am 3. März 2021 Kategorisiert in Allgemein\n\n"
    "Proudly powered by WordPress To the top ↑\n",
    # Twenty Seventeen's header controls (Spanish) and Twenty Twenty-Four's credit (French)
    "Desplazarse al contenido\n\nConçu avec WordPress\n",
    # Twenty Nineteen's comments heading (Japanese) and post navigation
    "ディスカッションに参加\n\n前の投稿 次の投稿\n",
]


@pytest.mark.parametrize("tail", TAILS)
def test_default_theme_strings_go(tail: str) -> None:
    config = mdclean.Config(select=["BP375"])
    fixed = mdclean.fix(ARTICLE + tail, config=config, unsafe=True).text
    assert fixed == ARTICLE.rstrip() + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "Published by Penguin Books\n",
        "This blog is proudly powered by WordPress and a lot of coffee.\n",
        "Categorized as one of the best books of the year by the critics.\n",
        "Veröffentlicht am 3. März 2021\n",
    ],
)
def test_default_theme_lookalikes_stay(text: str) -> None:
    config = mdclean.Config(select=["BP375"])
    assert mdclean.fix(text, config=config, unsafe=True).text == text
