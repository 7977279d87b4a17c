"""LK025 feed-footer-line (safe) and BP137 crosspost-line (unsafe): where else the post lives."""

from __future__ import annotations

import pytest

import mdclean

PROSE = (
    "The migration took three weeks, mostly because the old build scripts had grown around "
    "assumptions nobody had written down, and every step uncovered another one of them."
)


def _page(line: str, newline: str = "\n") -> str:
    return newline.join(["# Build times", "", PROSE, "", line, ""])


def _without(newline: str = "\n") -> str:
    return newline.join(["# Build times", "", PROSE, ""])


def _fixed(text: str, code: str, *, unsafe: bool) -> str:
    return mdclean.fix(text, config=mdclean.Config(select=(code,)), unsafe=unsafe).text


@pytest.mark.parametrize(
    "line",
    [
        "The post [How we moved](https://blog.example.com/2023/04/move/) appeared first on "
        "[Example Blog](https://blog.example.com).",
        "Het bericht [Hoe we verhuisden](https://blog.example.nl/verhuis/) verscheen eerst op "
        "[Voorbeeldblog](https://blog.example.nl).",
        "La entrada [Cómo migramos](https://blog.example.es/migrar/) se publicó primero en "
        "[Blog Ejemplo](https://blog.example.es).",
        "Сообщение [Как мы переехали](https://blog.example.ru/move/) появились сначала на "
        "[Пример блога](https://blog.example.ru).",
        "文章[我们如何迁移](https://blog.example.cn/move/)最先出现在[示例博客](https://blog.example.cn)。",
        "[이전 기록](https://blog.example.kr/move/) 글이 [예제 블로그](https://blog.example.kr)에 처음 "
        "등장했습니다.",
    ],
)
def test_the_feed_footer_goes_under_the_safe_fix(line: str) -> None:
    assert _fixed(_page(line), "LK025", unsafe=False) == _without()


def test_the_feed_footer_keeps_crlf_and_is_idempotent() -> None:
    line = "The post How we moved appeared first on Example Blog."
    fixed = _fixed(_page(line, "\r\n"), "LK025", unsafe=False)
    assert fixed == _without("\r\n")
    assert _fixed(fixed, "LK025", unsafe=False) == fixed


def test_a_sentence_that_quotes_the_footer_stays() -> None:
    page = _page(
        'Yoast adds "The post X appeared first on Y" to every feed item, and we turned that '
        "line off because readers found it noisy in their feed readers."
    )
    assert _fixed(page, "LK025", unsafe=False) == page


@pytest.mark.parametrize(
    "line",
    [
        "Originally posted on [Medium](https://medium.com/@me/move-123).",
        "*This article was first published on [my blog](https://blog.example.com/move/).*",
        "I originally wrote this post for the [Example Engineering Blog](https://eng.example.com/m/).",
        "Initialement publié sur [mon blog](https://blog.example.fr/migrer/).",
        "Artikel ini pertama kali terbit di [blog saya](https://blog.example.id/migrasi/).",
        "初出: [Zenn](https://zenn.dev/me/articles/move)",
    ],
)
def test_a_crosspost_line_goes_under_the_unsafe_fix_only(line: str) -> None:
    page = _page(line)
    assert _fixed(page, "BP137", unsafe=False) == page
    assert _fixed(page, "BP137", unsafe=True) == _without()


@pytest.mark.parametrize(
    "line",
    [
        "Source: [Example News](https://news.example.com/2023/04/move/)",
        "Republished with permission from [Example Blog](https://blog.example.com/move/).",
        "The method was first published in a 1998 paper, and we follow its notation throughout "
        "this chapter, with one change to the indices that the appendix explains in detail.",
    ],
)
def test_provenance_and_prose_stay(line: str) -> None:
    page = _page(line)
    assert _fixed(page, "BP137", unsafe=True) == page
