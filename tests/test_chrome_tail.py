"""BP083 (chrome-tail): it extends the other rules' findings at a page's end, never past prose."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

ARTICLE = (
    "# Notes on caching\n\n"
    "The cache keeps each result for an hour. After that the next request computes it again\n"
    "and stores the new value, so a slow upstream service is asked at most once an hour for\n"
    "each key that readers request during the day.\n\n"
)
SHARE_ROW = (
    "Share this:\n\n"
    "- [Twitter](https://twitter.com/intent/tweet?url=https%3A%2F%2Fblog.example.com%2Fc)\n"
    "- [Facebook](https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fblog.example.com%2Fc)\n\n"
)


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(), unsafe=True).text


def test_the_blocks_after_the_widgets_go_with_them() -> None:
    text = (
        ARTICLE
        + SHARE_ROW
        + "**Jane Doe**\n\n[Home](https://blog.example.com/) | [About](https://blog.example.com/about)\n"
    )
    assert _fixed(text) == ARTICLE.rstrip("\n") + "\n"
    codes = {v.code for v in mdclean.lint(text, config=Config())}
    assert "BP083" in codes


def test_a_sentence_after_the_widgets_stops_the_run_with_its_heading() -> None:
    tail = "#### Next time\n\nWe look at eviction.\n"
    text = ARTICLE + SHARE_ROW + tail
    assert _fixed(text) == ARTICLE + tail
    assert "BP083" not in {v.code for v in mdclean.lint(text, config=Config())}


def test_a_page_without_article_text_is_left_to_the_other_rules() -> None:
    # No block of 30 words: the short lines around the ad may be the whole article.
    text = (
        "# Small releases\n\nShip small.\n\n"
        '<ins class="adsbygoogle" style="display:block" data-ad-slot="42"></ins>\n\n'
        "Short it is\n"
    )
    assert "BP083" not in {v.code for v in mdclean.lint(text, config=Config())}


def test_the_fast_path_runs_it_exactly_where_another_body_rule_runs() -> None:
    texts = [ARTICLE, ARTICLE + SHARE_ROW + "**Jane Doe**\n"]
    for text in texts:
        fast = mdclean.lint(text, config=Config())
        slow = mdclean.lint(text, config=Config(fast_path=False))
        assert fast == slow


def test_prose_between_an_image_another_rule_removes_and_a_widget_stays() -> None:
    # A bare image is not a widget: the short paragraphs between a page's figures are
    # the article's, even when a rule removes a figure (a pixel, an empty image).
    pixel = '<img src="https://pixel.wp.com/g.gif?blog=1&post=2" width="1" height="1">\n\n'
    middle = "Then the name is checked, as the next figure shows:\n\n"
    after = "The extension is kept when it is on the list, else it becomes a picture.\n\n"
    text = ARTICLE + middle + pixel + after + SHARE_ROW
    assert _fixed(text) == ARTICLE + middle + after


def test_a_short_bio_between_two_widgets_goes_with_them() -> None:
    bio = "Jane writes about build farms and caches, and maintains two open-source proxies.\n\n"
    like = "Like this:\n\nLike Loading...\n"
    text = ARTICLE + SHARE_ROW + bio + like
    assert _fixed(text) == ARTICLE.rstrip("\n") + "\n"


def test_the_sites_copyright_line_and_its_small_print_go_with_the_run() -> None:
    footer = (
        "Back to Top\n\n"
        "© 2016 Example Web Services · Proudly powered by [WordPress](https://wordpress.org/)"
        " & [Green Park 2](https://theme.example.com/) by [Example Themes](https://theme.example.com/).\n\n"
        "Valid XHTML 1.0 Transitional | Valid CSS 3\n"
    )
    assert _fixed(ARTICLE + SHARE_ROW + footer) == ARTICLE.rstrip("\n") + "\n"


def test_a_copyright_line_that_names_a_licence_stops_the_run() -> None:
    tail = (
        "© 2016 Jane Doe. This text is licensed under CC BY 4.0, and you may copy it with a link.\n\n"
        "Valid XHTML 1.0 Transitional | Valid CSS 3\n"
    )
    assert _fixed(ARTICLE + SHARE_ROW + tail) == ARTICLE + tail


def test_after_the_copyright_line_a_sentence_still_stops_the_run() -> None:
    tail = "Questions and corrections are welcome by mail, and I answer every one of them.\n"
    text = ARTICLE + SHARE_ROW + "© 2016 Example Web Services\n\n" + tail
    assert _fixed(text).endswith(tail)


def test_a_run_before_prose_goes_even_when_other_widgets_follow_the_prose() -> None:
    # The run and the later widget go in one pass: waiting for a pass where the run is
    # the tail's last would wait for ever, as that pass has lost the share row that proves it.
    # A bio too long to pass for prose between two widgets (over 60 words), each of its
    # paragraphs too short to be the article's text (under 30 words).
    sentence = (
        "Jane has written about caches, queues and the services behind them for ten years,"
        " first at a bank and then for a shop."
    )
    middle = f"{sentence}\n\n{sentence} She lives by the sea.\n\n{sentence} She runs.\n\n"
    widgets = SHARE_ROW + "**Jane Doe**\n\n" + SHARE_ROW.replace("this", "it")
    text = ARTICLE + widgets + middle + SHARE_ROW.replace("Share this", "Share")
    assert _fixed(text) == ARTICLE + middle
    assert "BP083" in {v.code for v in mdclean.lint(text, config=Config())}


def test_a_titled_short_post_between_two_widgets_stays() -> None:
    # An archive page: each post ends with the same widget. A heading of its own that no rule
    # removes opens the next post, which is content however short it is.
    post = (
        "## [Leaving town](https://blog.example.com/?p=240)\n\n"
        "A friend of the blog has [left the city](https://friend.example.com/goodbye) and\n"
        "another is about to cross the ocean. Who takes over?\n\n"
    )
    text = ARTICLE + SHARE_ROW + post + SHARE_ROW
    assert _fixed(text) == ARTICLE + post


def test_a_paragraph_led_by_a_content_title_stops_the_run() -> None:
    # The author's credits under a share row: "References:" and its links are the article's.
    credits = (
        "References: This article is inspired by [a talk](https://talks.example.org/42) and "
        "[its slides](https://slides.example.org/42).\n\n"
    )
    text = ARTICLE + SHARE_ROW + credits + SHARE_ROW
    assert _fixed(text) == ARTICLE + credits
