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


_STAMPY = st.lists(
    st.sampled_from(["1", "2", "0", ":", " ", "\n", "/", "-", ".", "a", "p", "m", "may", "1234"]),
    max_size=60,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_STAMPY, min_size=1, max_size=4).map("".join))
def test_a_stamp_near_its_clock_is_every_stamp(text: str) -> None:
    """``SearchNear`` of the thread headers' clock stamp answers as the regex's own search."""
    from mdclean.matchers import thread_headers as headers

    whole = headers._STAMP_OR_PERMALINK.search(text) is not None
    assert headers._STAMP_OR_PERMALINK_SEARCH.holds(text) == whole
    assert headers._STAMP_OR_PERMALINK_SEARCH.holds(RawText(text)) == whole


def test_search_near_tries_every_place_up_to_its_reach() -> None:
    import re

    from mdclean.fastpath.triggers import SearchNear

    near = SearchNear(re.compile(r"a.{0,3}:"), re.compile(":"), 4)
    assert near.holds("xxxxa123:") and near.holds("a123:a:") and near.holds("a:")
    assert not near.holds("a1234:") and not near.holds("a\n:") and not near.holds("")
    from mdclean.matchers import thread_headers as headers

    stamp = "x" * 100 + "posted march 12th, 2024 at half past the hour, 10:30 pm"
    assert headers._STAMP_OR_PERMALINK_SEARCH.holds(stamp)
    assert not headers._STAMP_OR_PERMALINK_SEARCH.holds(stamp.replace("2024", "20245"))
