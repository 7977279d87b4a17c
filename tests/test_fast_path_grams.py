"""The shared readings that answer many string questions at once answer as the plain ones do:
``StringSet.present`` as ``in`` asked of every string, and the ui-block trigger's two-strings
question as its one alternation's own search."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from mdclean.catalogue import builtin_rules_dir, load_rules
from mdclean.fastpath.grams import StringSet
from mdclean.fastpath.raw_text import RawText
from mdclean.matchers.ui_block import UiBlockMatcher, kept_reader_view

_ALPHABET = "ab c漢\u0131"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_ALPHABET, max_size=6), max_size=12),
    st.text(alphabet=_ALPHABET, max_size=40),
)
def test_present_is_in(strings: list[str], text: str) -> None:
    index = StringSet(strings)
    expected = {s for s in strings if s in text}
    assert index.present(text) == expected
    assert index.present(RawText(text)) == expected


def _ui_matchers() -> list[UiBlockMatcher]:
    rules = load_rules(sorted(builtin_rules_dir().glob("*.yaml")))
    return [r.matcher for r in rules if isinstance(r.matcher, UiBlockMatcher)]


def _old_two_strings(matcher: UiBlockMatcher, seen: str) -> bool:
    matches = matcher._any_string.finditer(seen)
    return next(matches, None) is not None and next(matches, None) is not None


def test_two_strings_as_the_alternation_answers() -> None:
    """Texts glued from each rule's own key runs and phrases' examples, with what a page puts
    between them (nothing, a space, a count, a letter, a Chinese character)."""
    rnd = random.Random(7)
    glue = ["", " ", " 3 ", "x", "漢", " | ", "s "]
    for matcher in _ui_matchers():
        keys = matcher._phrase_keys
        if keys is None:
            continue
        for _ in range(40):
            parts = rnd.sample(keys, min(len(keys), rnd.randint(1, 4)))
            seen = str(kept_reader_view(RawText(rnd.choice(glue).join(parts))))
            present = matcher._key_index.present(seen)
            assert matcher._two_strings(seen, present) == _old_two_strings(matcher, seen), seen
