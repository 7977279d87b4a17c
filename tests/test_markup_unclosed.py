"""Scanning up to the last closer gives what a whole scan gives, on any text.

``markup.sub_closed`` and the element scan stop at the text's last ``>`` (or ``-->``): a page of
tags that never close would otherwise make every scan quadratic. These properties say the
shortcut never changes a result.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdclean import markup
from mdclean.markup import COMMENT, TAG, iter_comments, scan_elements, sub_closed

PIECES = st.sampled_from(
    ['<a href="x', "<a>", "</a>", "<!--", "-->", "<img src=y", ">", " ", "text", '"', "<ins ", "/>"]
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)
ANY_TAG = re.compile(r"<[^>]*>")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sub_closed_is_sub(text: str) -> None:
    assert sub_closed(ANY_TAG, " ", text) == ANY_TAG.sub(" ", text)
    assert sub_closed(TAG, "", text) == TAG.sub("", text)
    assert sub_closed(COMMENT, " ", text, "-->") == COMMENT.sub(" ", text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_comments_and_elements_are_those_of_a_whole_scan(text: str) -> None:
    assert [m.span() for m in iter_comments(text)] == [m.span() for m in COMMENT.finditer(text)]
    shortcut = markup._ElementScan(text).run()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "closed_end", lambda text, closer=">": len(text))
        whole = markup._ElementScan(text).run()
    assert shortcut == whole


def test_a_page_of_tags_that_never_close_is_read_without_error() -> None:
    text = '<ins class="adsbygoogle" ' * 3000 + "\n\n<!-- x " * 3000
    assert scan_elements(text) == []
    assert sub_closed(ANY_TAG, " ", text) == text
