"""BP083's run reads back over the site's chrome that leads to the first widget another rule
removes (tag rows, footer menus under their captions, a related list's title), and starts at
a table of posts another rule removes; the article's own lists and links stay."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

ARTICLE = (
    "# Notes on caching\n\n"
    "The cache keeps each result for an hour. After that the next request computes it again\n"
    "and stores the new value, so a slow upstream service is asked at most once an hour for\n"
    "each key that readers request during the day.\n\n"
)
FOOTER = (
    "Company\n\n"
    "[About](/about) [Careers](/careers) [Contact](/about/contact) [Legal](/legal)\n\n"
    "Insights\n\n"
    "[Blog](/blog) [Research](/research) [Engineering](/engineering)\n\n"
    "© 2026 Example Ltd.\n"
)


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(), unsafe=True).text


def _codes(text: str) -> set[str]:
    return {v.code for v in mdclean.lint(text, config=Config())}


def test_footer_menus_tags_and_a_related_list_before_the_copyright_line_go() -> None:
    tail = (
        "[ Caching ](/research/caching) [ HTTP ](/research/http)\n\n"
        "[Back to all articles](/research/articles)\n\n"
        "## Related Research\n\n"
        "### [ Eviction ](/research/eviction) ### [ Warm-up ](/research/warm-up)"
        " ### [ Stampedes ](/research/stampedes)\n\n"
    )
    text = ARTICLE + tail + FOOTER
    assert _fixed(text) == ARTICLE.rstrip("\n") + "\n"
    # (BP610 reads a footer of service pages from its links; BP083 reads the rest)
    assert _codes(text) & {"BP083", "BP610"}


def test_the_articles_list_led_by_its_own_sentence_stays() -> None:
    tail = (
        "This post is one of a series:\n\n"
        "- [Part one](/posts/caching-1)\n- [Part two](/posts/caching-2)\n\n"
    )
    text = ARTICLE + tail + FOOTER
    assert _fixed(text).startswith(ARTICLE + tail.rstrip("\n") + "\n")


def test_a_link_to_another_site_or_a_file_stops_the_reading_back() -> None:
    tail = "[hardcidr-master.zip](/files/hardcidr-master.zip)\n\n"
    text = ARTICLE + tail + FOOTER
    assert _fixed(text).startswith(ARTICLE + tail.rstrip("\n") + "\n")
    tail = "[The benchmark](https://bench.example.org/run) [Its data](/data/run)\n\n"
    text = ARTICLE + tail + FOOTER
    assert _fixed(text).startswith(ARTICLE + tail.rstrip("\n") + "\n")


def test_a_lone_link_read_first_stays() -> None:
    tail = "[Slides of the talk](/talks/caching)\n\n"
    text = ARTICLE + tail + FOOTER
    assert _fixed(text).startswith(ARTICLE + tail.rstrip("\n") + "\n")


def test_a_heading_over_few_links_is_the_articles_section() -> None:
    tail = "## Next\n\n[Part two](/posts/caching-2) [Part three](/posts/caching-3)\n\n"
    text = ARTICLE + tail + FOOTER
    assert _fixed(text).startswith(ARTICLE + "## Next\n")


def test_the_run_starts_at_a_table_of_posts_another_rule_removes() -> None:
    # Korean lines are short: the table of posts was the only "text" block, and the footer
    # after it stayed once the table went first.
    text = (
        "설정 완료 입니다.\n\n"
        "#### '개발' 카테고리의 다른 글\n\n"
        "| [REDIS 테스트 환경 세팅](https://dev.example.com/entry/redis) (0) | 2020.09.27 |\n"
        "| --- | --- |\n"
        "| [이클립스 단축기 정리](https://dev.example.com/entry/eclipse) (0) | 2020.09.27 |\n"
        "| [CSS 상속과 캐스케이딩](https://dev.example.com/entry/css) (0) | 2020.09.27 |\n\n"
        "**공유하기 링크**\n"
        "- [페이스북](https://dev.example.com/entry/#none)\n"
        "- [카카오스토리](https://dev.example.com/entry/#none)\n"
        "- [트위터](https://dev.example.com/entry/#none)\n\n"
        "---\n\n"
        "Blog is powered by [kakao](http://www.kakaocorp.com/) / Designed by [Tistory](http://www.tistory.com/)\n"
    )
    fixed = _fixed(text)
    assert "powered by" not in fixed
    assert fixed.startswith("설정 완료 입니다.")


def test_fast_path_agrees() -> None:
    for text in (ARTICLE + FOOTER, ARTICLE + "[Slides](/talks/caching)\n\n" + FOOTER):
        assert mdclean.lint(text, config=Config()) == mdclean.lint(
            text, config=Config(fast_path=False)
        )


def test_an_unlabelled_short_list_before_the_share_row_stays() -> None:
    tail = "- [Install](/docs/install)\n- [Configure](/docs/configure)\n\n"
    share = (
        "Share this:\n\n"
        "- [Twitter](https://twitter.com/intent/tweet?url=https%3A%2F%2Fblog.example.com%2Fc)\n"
        "- [Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fblog.example.com%2Fc)\n"
    )
    text = ARTICLE + tail + share
    assert _fixed(text) == ARTICLE + tail.rstrip("\n") + "\n"
