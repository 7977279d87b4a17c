"""Sign-up boxes and buttons as converters leave them: what BP003, BP115 and BP116 take and keep.

Each case is a page a crawler, pandoc or kramdown could write; the texts found are checked
equal with the fast path on and off, and the fixed text byte for byte.
"""

from __future__ import annotations

from fast_path_checks import found_both_ways

import mdclean

UNSAFE = mdclean.Config(unsafe_fixes=True)


def test_attribute_lists_left_by_kramdown_do_not_hide_the_boxs_button() -> None:
    text = (
        "Run it from anywhere.\n\n### Discover more from Example\n\n"
        "Subscribe to get the latest posts sent to your email.  \n"
        "Type your email... {#subscribe-email}\n\nSubscribe {#subscribe-submit .wp-block-button}\n"
    )
    assert found_both_ways("BP003", text) == [text[len("Run it from anywhere.\n\n") : -1]]
    assert mdclean.fix(text).text == "Run it from anywhere.\n"


def test_an_attribute_list_alone_is_no_button() -> None:
    text = "## Newsletter\n\nOur monthly letter.\n\n{#subscribe-submit}\n\nMore text.\n"
    assert found_both_ways("BP003", text) == []


def test_a_button_to_a_mailing_list_service_ends_a_box_whatever_its_words() -> None:
    text = (
        "End of the post.\n\n## Never miss a post\n\nOne e-mail a month.\n\n"
        "[Count me in →](https://eepurl.com/abc12)\n\nNext section.\n"
    )
    assert mdclean.fix(text).text == "End of the post.\n\nNext section.\n"


def test_the_same_button_to_another_site_does_not_end_a_box() -> None:
    text = (
        "End of the post.\n\n## Never miss a post\n\nOne e-mail a month.\n\n"
        "[Count me in →](https://example.com/about)\n\nNext section.\n"
    )
    assert found_both_ways("BP003", text) == []


def test_mailchimps_required_note_read_as_a_list_ends_a_box() -> None:
    text = "Text.\r\n\r\n## Subscribe to our mailing list\r\n\r\n* indicates required\r\n"
    assert mdclean.fix(text).text == "Text.\r\n"


def test_a_list_of_several_items_is_not_a_forms_remnant() -> None:
    text = "## Newsletter\n\nWhat it covers:\n\n* indicates required\n* pricing\n"
    assert found_both_ways("BP003", text) == []


def test_a_header_row_of_subscribe_and_follow_buttons_goes_with_unsafe_fixes() -> None:
    text = (
        "[My Blog](https://blog.example.com)\n\n"
        "[Subscribe](#/portal/signup)\n[𝕏 Follow me](https://x.com/me)\n\n# Title\n"
    )
    assert found_both_ways("BP115", text) == [
        "[Subscribe](#/portal/signup)\n[𝕏 Follow me](https://x.com/me)"
    ]
    assert mdclean.fix(text).text == text  # unsafe: a safe run keeps it
    assert (
        mdclean.fix(text, config=UNSAFE).text == "[My Blog](https://blog.example.com)\n\n# Title\n"
    )


def test_a_row_without_a_subscribe_button_stays() -> None:
    text = "Intro.\n\n[Sign in](https://a.example/login) [RSS](https://a.example/feed)\n"
    assert found_both_ways("BP115", text) == []


def test_wordpress_com_follow_bar_needs_two_of_its_strings() -> None:
    one = "Text of the post.\n\nSign me up\n\nMore text.\n"
    two = "Text of the post.\n\nJoin 1,234 other subscribers\n\nSign me up\n"
    assert found_both_ways("BP116", one) == []
    assert mdclean.fix(two).text == "Text of the post.\n"
