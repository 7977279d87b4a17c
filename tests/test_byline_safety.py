"""Role A's safe cores beside their look-alikes: a platform's byline stamp under the page's
title goes with plain ``--fix``; the same shape anywhere else, or without its time of day,
waits for ``--unsafe-fixes``; a changelog's release line stays."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


BODY = "웹 사이트의 성능 향상을 위해서 CSS 파일을 minify 처리하기로 하여 방법을 찾았습니다.\n"


@pytest.mark.parametrize(
    "stamp", ["거대한 개발자 2021. 11. 25. 15:23", "DATA101 2022. 2. 2. 18:53"]
)
def test_a_stamp_under_the_title_goes_with_safe_fixes(stamp: str) -> None:
    title = "### IntelliJ Ultimate CSS minify 처리하기\n\n"
    assert _safe("BP200", title + stamp + "\n\n" + BODY) == title + BODY


@pytest.mark.parametrize(
    "head",
    [
        # under a second heading, not the page's title
        "# 애매한 잡학사전\n\n### IntelliJ\n\n거대한 개발자 2021. 11. 25. 15:23\n\n",
        # a name and a date without a time of day
        "### IntelliJ\n\n거대한 개발자 2021. 11. 25.\n\n",
        # a name linked to its archive page (BP101's safe core asks for more meta)
        "### IntelliJ\n\n[거대한 개발자](/author/dev/) 2021. 11. 25. 15:23\n\n",
    ],
)
def test_a_byline_elsewhere_waits_for_unsafe_fixes(head: str) -> None:
    text = head + BODY
    assert _safe("BP200", text) == text
    assert _unsafe("BP200", text) != text


def test_a_changelog_release_line_stays() -> None:
    text = (
        "# Changelog\n\n## v1.2.0\n\nReleased by Jane Doe on 2024-03-03 10:12\n\n"
        "- Fixed the parser.\n\n## v1.1.0\n\nReleased on 2024-02-03\n\n- Added the cache.\n"
    )
    assert _unsafe("BP200", text) == text
    assert _unsafe("BP101", text) == text


def test_a_stamp_under_the_clipped_title_goes_with_safe_fixes() -> None:
    head = '---\ntitle: "IntelliJ CSS minify"\n---\n\n## 애매한 잡학사전\n\n### IntelliJ CSS minify\n\n'
    text = head + "DATA101 2022. 2. 2. 18:53\n\n" + BODY
    assert _safe("BP200", text) == head + BODY
