"""The most-installed WordPress themes' and plugins' strings (BP375's theme families, BP376's
table-of-contents box): pages that carry them are read both ways alike, look-alikes are not."""

from __future__ import annotations

import pytest
from fast_path_checks import builtin_rule, found_both_ways

_TOC = (
    "Intro paragraph of the post, long enough to be prose.\n\nTable of Contents\n\nToggle\n\n"
    "* [Setup](#Setup)\n* [Usage](#Usage)\n\n## Setup\n\nInstall it.\n"
)


def _asks(code: str, text: str) -> bool:
    return builtin_rule(code).matcher.may_match(text.lower())


def test_the_toc_box_is_found_both_ways() -> None:
    assert _asks("BP376", _TOC)
    assert found_both_ways("BP376", _TOC) == [
        "Table of Contents\n\nToggle\n\n* [Setup](#Setup)\n* [Usage](#Usage)"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Press the Toggle button to show the list.\n\n* [Setup](#Setup)\n* [Usage](#Usage)\n",
        "Toggled settings.\n",
    ],
)
def test_a_caption_in_a_sentence_does_not_trigger_the_toc_box(text: str) -> None:
    assert not _asks("BP376", text)


def test_a_toggle_over_links_to_other_pages_stays() -> None:
    page = _TOC.replace("(#Setup)", "(https://example.com/setup)")
    assert found_both_ways("BP376", page) == []


@pytest.mark.parametrize(
    "page",
    [
        # Astra's comment form: its heading's two strings and the box's placeholder (English)
        "Text.\n\n### Leave a Comment Cancel Reply\n\nType here..\n",
        # (German)
        "Text.\n\nKommentar verfassen · Kommentieren abbrechen\n",
        # OceanWP's post navigation and related posts caption (Spanish)
        "Texto.\n\nEntrada anterior | Siguiente entrada\n",
        # Ultimate Social Media Icons' caption, one long string
        "Text.\n\nPlease follow and like us:\n",
    ],
)
def test_theme_strings_are_found_both_ways(page: str) -> None:
    assert _asks("BP375", page)
    assert found_both_ways("BP375", page)


@pytest.mark.parametrize(
    "page",
    [
        "## Related Posts\n\nI moved the blog this week.\n",
        "Read more about the options in the guide.\n",
        "Leave a comment below if the script fails for you.\n",
        "## Table of Contents\n\n- [Install](#install)\n- [Use](#use)\n",
    ],
)
def test_look_alikes_stay(page: str) -> None:
    assert found_both_ways("BP375", page) == []
    assert found_both_ways("BP376", page) == []
