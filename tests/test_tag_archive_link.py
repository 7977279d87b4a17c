"""BP370: one link to a tag or category archive. Safe when the link's text is the name the
archive's address holds (the theme's slug); a lone link whose text is another name waits for
``--unsafe-fixes``; a link in a sentence or to another kind of page stays."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config
from mdclean.matchers.tag_archive_link import archive_names, slug

ARTICLE = "The article's last paragraph, which says what the post was about.\n"


def _fix(text: str, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=("BP370",)), unsafe=unsafe).text


@pytest.mark.parametrize(
    "block",
    [
        "* [HackTheBox](/tags/HackTheBox/)",
        "[php-fpm](https://blog.example.cn/tags/php-fpm)",
        "[#sec](https://www.example.com/tags/sec/)",
        "- [脆弱性](/tags/%E8%84%86%E5%BC%B1%E6%80%A7)",
        "[Größe & Form](https://blog.example.de/category/grosse-form/)",
        "Labels: [Recetas fáciles](https://x.blogspot.com/search/label/Recetas%20f%C3%A1ciles)",
        "[Haberler](https://site.example.com.tr/?cat=haberler)",
    ],
)
def test_a_tag_whose_text_is_its_slug_goes_with_safe_fixes(block: str) -> None:
    assert _fix(ARTICLE + "\n" + block + "\n", unsafe=False) == ARTICLE


@pytest.mark.parametrize(
    "block",
    [
        "- [「图片」](https://blog.example.cn/categories/image/)",
        "[All posts on Rust](https://blog.example.com/tag/rust/)",
    ],
)
def test_a_tag_whose_text_is_another_name_waits_for_unsafe_fixes(block: str) -> None:
    text = ARTICLE + "\n" + block + "\n"
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == ARTICLE


@pytest.mark.parametrize(
    "block",
    [
        "Read [Rust](https://blog.example.com/tag/rust/) posts for the rest of the series.",
        "- [v1.2.0](https://github.com/example/tool/releases/tag/v1.2.0)",
        "- [Tags](https://docs.example.com/guide/tags/)",
        "[Rust](https://blog.example.com/tag/rust/) · [Home](https://blog.example.com/)",
        "[Kindleで読む →](https://www.amazon.co.jp/dp/B0GX2ZV7DP?tag=example-22)",
    ],
)
def test_a_link_in_a_sentence_or_to_another_page_stays(block: str) -> None:
    text = ARTICLE + "\n" + block + "\n"
    assert _fix(text, unsafe=True) == text


def test_slugs_fold_case_width_and_punctuation() -> None:
    assert slug("Tag der digitalen Freiheit") == "tag-der-digitalen-freiheit"
    assert slug("ＡＩ　Tools") == "ai-tools"
    assert archive_names("/tag.html?tag=CDN%20headers") == {"tag", "cdn-headers"}
    assert archive_names("https://x.example/tags/#python") == {"tags", "python"}
