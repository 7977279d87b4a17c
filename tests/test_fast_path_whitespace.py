"""A labelled line reads its text with white space collapsed, as the fast path's guess of a
line does: a label that needs two white-space characters cannot be found by one and missed
by the other (a case the random rule packs found: a NEL before a line break)."""

from __future__ import annotations

import pytest

from mdclean.document import Document
from mdclean.matchers.labelled_line import LabelledLineMatcher

TEXTS = [
    "share\x85\n shar: [x](https://x.test/a)",
    "share\u00a0\n share: [x](https://x.test/a)",
    "share \n\tshare: [x](https://x.test/a)",
    "share  share: [x](https://x.test/a)",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_label_spanning_white_space_is_found_by_both_paths_or_neither(text: str) -> None:
    matcher = LabelledLineMatcher({"labels": ["share\\s+ share?", "share"]})
    found = bool(list(matcher.find(Document(text))))
    assert not found or matcher.may_match(text.lower())
