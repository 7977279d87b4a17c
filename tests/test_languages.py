"""Labels in many scripts: full-width punctuation, words of scripts without spaces, phrase-list checks."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config
from mdclean.matchers import ParamError
from mdclean.matchers import phrase_lists as phrases
from mdclean.matchers.linkblocks import word_count
from mdclean.matchers.phrase_lists import fold_width


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("分享：", "分享:"),
        ("いいね！（3）｜共有？", "いいね!(3)|共有?"),
        ("plain ascii: unchanged", "plain ascii: unchanged"),
        ("中文，句号。", "中文，句号。"),  # only the punctuation labels end with is folded
    ],
)
def test_full_width_punctuation_is_read_as_ascii(text: str, folded: str) -> None:
    assert fold_width(text) == folded
    assert len(fold_width(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ten ways to tune the database", 6),
        ("関連記事", 2),
        ("Gitの基本操作まとめ", 1 + 4),  # "Git", then eight kana and kanji: four words
        ("赞", 1),
        ("C++11 并发编程 Concurrent programming", 2 + 2 + 2),
        ("노트북 고르는 법", 3),  # Korean is written with spaces
        ("ภาษาไทย", 4),
    ],
)
def test_words_of_scripts_without_spaces_are_counted_by_characters(text: str, words: int) -> None:
    assert word_count(text) == words


def test_a_phrase_written_with_full_width_punctuation_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    (tmp_path / "bad-list.yaml").write_text("zh:\n  - '分享：'\n", encoding="utf-8")
    monkeypatch.setattr(phrases, "phrases_dir", lambda: tmp_path)
    phrases.load_phrase_list.cache_clear()
    try:
        with pytest.raises(ParamError, match="ASCII twin"):
            phrases.load_phrase_list("bad-list")
    finally:
        phrases.load_phrase_list.cache_clear()


def test_a_japanese_related_section_of_five_links_is_found_and_removed() -> None:
    text = "本文です。\n\n## 関連記事\n\n" + "".join(
        f"- [記事タイトル{i}について](https://qiita.example.com/items/{i})\n" for i in range(5)
    )
    result = mdclean.fix(text, config=Config(select=("BP001", "LK002")))
    assert result.text == "本文です。\n"


def test_a_full_width_colon_label_keeps_every_other_byte_with_crlf() -> None:
    text = "正文。\r\n\r\n**推荐阅读：**[如何阅读源码](https://mp.example.cn/s/1)\r\n\r\n结尾。\r\n"
    assert mdclean.fix(text, config=Config(select=("BP002",))).text == "正文。\r\n\r\n结尾。\r\n"


def test_the_simpread_clipper_banner_is_a_reprint_notice() -> None:
    text = (
        "> 本文由 [简悦 SimpRead](http://ksria.com/simpread/) 转码， 原文地址 "
        "[mp.weixin.qq.com](https://mp.weixin.qq.com/s/1LEN5rYhDrH7qGRIWuTlUA)\n\n"
        "**前言**\n\n正文第一段。\n"
    )
    result = mdclean.fix(text, config=Config(select=("BP016",), unsafe_fixes=True))
    assert result.text == "**前言**\n\n正文第一段。\n"


@pytest.mark.parametrize(
    "counter", ["조회수 1,234", "좋아요 12 · 댓글 3", "조회 수 152 · 추천 4", "공감 3 댓글 0"]
)
def test_korean_view_and_like_counters_go(counter: str) -> None:
    text = f"본문의 마지막 문단입니다.\n\n{counter}\n"
    assert mdclean.fix(text, config=Config(select=("BP017",))).text == "본문의 마지막 문단입니다.\n"


def test_a_korean_sentence_with_a_count_is_prose() -> None:
    text = "본문입니다.\n\n조회수 1,234를 넘긴 글은 이번이 처음입니다.\n"
    assert mdclean.fix(text, config=Config(select=("BP017",))).text == text


@pytest.mark.parametrize(
    "notice",
    [
        "> 注：如若转载，请注明来源。",
        "この内容はqiitaにも投稿しました。\nhttp://qiita.com/example/items/6c60d8e165d4204f1a74",
    ],
)
def test_reprint_and_cross_post_notices_go(notice: str) -> None:
    text = f"本文の最後。\n\n{notice}\n"
    config = Config(select=("BP016",), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == "本文の最後。\n"


def test_a_cross_post_mentioned_in_the_article_stays() -> None:
    text = (
        "先月に頒布した本で、Rustでクリエイティブコーディングをする記事を書きました。"
        "この内容はQiitaにも投稿しています。\n"
    )
    config = Config(select=("BP016",), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == text


def test_a_references_section_stays_once_the_reprint_notice_after_it_goes() -> None:
    links = "".join(
        f"- [使用 App Store Connect API 批量创建内购商品 第{i}篇 - 掘金](https://juejin.cn/post/{i})\n"
        for i in range(4)
    )
    body = f"欢迎大家评论区一起讨论交流~\n\n### 参考引用\n\n{links}"
    text = f"{body}\n> 注：如若转载，请注明来源。\n"
    result = mdclean.fix(text, config=Config(unsafe_fixes=True))
    assert result.text == body


def test_tencent_clouds_sync_notices_are_reprint_notices() -> None:
    text = (
        "正文最后一段。\n\n"
        "本文分享自 微信公众号 - 运维之美（Hi-Linux），作者：Mike。\n"
        "如有侵权，请联系 cloudcommunity@tencent.com 删除。\n\n"
        "本文参与 腾讯云自媒体同步曝光计划 ，欢迎热爱写作的你一起参与！\n"
    )
    config = Config(select=("BP016",), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == "正文最后一段。\n"


def test_brunch_counters_and_segmentfaults_challenge_notice_go() -> None:
    text = "본문의 마지막 문단입니다.\n\n라이킷 12 댓글 3 공유 1\n\n本文参与了 SegmentFault 思否写作挑战赛，欢迎正在阅读的你也加入。\n"
    config = Config(select=("BP016", "BP017"), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == "본문의 마지막 문단입니다.\n"


def test_a_crawlers_fetch_note_is_a_reprint_notice() -> None:
    text = (
        "> 原文链接：https://juejin.cn/post/7600234310965919782#heading-9\n"
        "> 抓取时间：2026-10-08 11:20:14\n\n"
        "## 1. 前言\n\nKomari 是一个服务器监控面板。\n"
    )
    config = Config(select=("BP016",), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == "## 1. 前言\n\nKomari 是一个服务器监控面板。\n"


def test_a_source_link_in_the_articles_sentence_stays() -> None:
    text = "原文链接：https://example.cn/a 抓取时间：2026-10-08，我们对比了两次抓取的结果。\n"
    config = Config(select=("BP016",), unsafe_fixes=True)
    assert mdclean.fix(text, config=config).text == text


def test_a_juejin_page_crawled_over_several_blocks_loses_its_notice_and_byline() -> None:
    head = (
        "> 原文链接：https://juejin.cn/post/7600234310965919782#heading-9\n"
        "> 抓取时间：2026-10-08 11:20:14\n\n"
        " [ \n 猫猫摸大鱼\n ](/user/3653005204006634/posts) \n 2026-01-28\n \n \n 953\n \n"
        " 阅读5分钟\n 本文作者：猫猫摸大鱼 原文地址："
        "[www.iloli.love/archives/17…](https://link.juejin.cn?target=https%3A%2F%2Fwww.iloli.love)\n\n"
    )
    body = "## 1. 前言\n\nKomari 是一个服务器监控面板，953 台服务器用了它。\n"
    result = mdclean.fix(head + body, config=Config(unsafe_fixes=True))
    assert result.text == body


def test_qiitas_counters_go_with_the_bare_stock_count_after_them() -> None:
    body = "この記事は最終更新日から3年以上が経過しています。\n\n## 補足\n\n理解が深まりました。\n"
    tail = (
        "\n[3](https://qiita.com/keinko/items/#comments)\n\n"
        "[396](https://qiita.com/keinko/items/60c844bcf329bd3f4af8/likers)\n\n272\n"
    )
    result = mdclean.fix(body + tail, config=Config(select=("BP051",)))
    assert result.text == "## 補足\n\n理解が深まりました。\n"
