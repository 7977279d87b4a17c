"""Cases of the matchers that no rule example holds, each on an input written for it: the
parts the matchers were split into must keep deciding them as before."""

from __future__ import annotations

import mdclean


def _fixed(text: str, code: str, *, unsafe: bool = False) -> str:
    return mdclean.fix(text, config=mdclean.Config(select=(code,)), unsafe=unsafe).text


def _reported(text: str, code: str) -> list[tuple[int, str]]:
    return [(v.line, v.message) for v in mdclean.lint(text, config=mdclean.Config(select=(code,)))]


def test_an_amp_pixel_goes_whole_with_its_block() -> None:
    text = 'Before.\n\n<amp-pixel src="https://stats.example.org/p?RANDOM"></amp-pixel>\n\nAfter.\n'
    assert _fixed(text, "AD007") == "Before.\n\nAfter.\n"


def test_an_amp_pixel_in_a_code_span_is_shown_not_used() -> None:
    text = 'Write `<amp-pixel src="https://stats.example.org/p"></amp-pixel>` to count.\n'
    assert _reported(text, "AD007") == []


def test_links_to_two_pages_are_not_enough_per_page() -> None:
    # Three of the four links lead to one page, but two links per page is below three per page.
    text = (
        "- [Intro](https://shop.test/p#intro)\n"
        "- [Method](https://shop.test/p#method)\n"
        "- [Price](https://shop.test/p#price)\n"
        "- [Shop](https://shop.test/q)\n"
    )
    assert _reported(text, "LK003") == []


def test_links_that_differ_only_in_their_fragment_go_unsafely() -> None:
    text = (
        "Text.\n\n"
        "- [Intro](https://shop.test/p#intro)\n"
        "- [Method](https://shop.test/p#method)\n"
        "- [Price](https://shop.test/p#price)\n\n"
        "More.\n"
    )
    assert _fixed(text, "LK003") == text
    assert _fixed(text, "LK003", unsafe=True) == "Text.\n\nMore.\n"


def test_a_key_written_twice_is_reported_on_its_second_line_not_a_repeated_merge_key() -> None:
    text = (
        "---\nbase: &b {x: 1}\npost:\n  <<: *b\n  <<: *b\n  title: One\n  title: Two\n---\nBody.\n"
    )
    assert _reported(text, "FM003") == [
        (
            7,
            "duplicate key 'title' on lines 6 and 7: generators keep one of the values or fail",
        )
    ]
