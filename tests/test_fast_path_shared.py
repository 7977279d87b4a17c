"""Readings shared or cut short by the triggers: each gives the answer of the longer reading.

- ``suffix_gate``: a tail trigger asks the whole text first; where the gate fails, no tail
  holds the trigger, so the tail (a line-by-line reading) need not be read.
- ``_Words``: a label trigger's openings of several words, read as a tree of their words, say
  what ``_spelt_at`` says of each opening.
- ``Among``: a pattern that reads only what it consumes is searched once in all the strings
  joined; ``among_each`` gates each pattern by its own literals.
"""

from __future__ import annotations

import re

import pytest
from fast_path_checks import builtin_rule, found_both_ways
from hypothesis import given, settings
from hypothesis import strategies as st

from mdclean.config import Config
from mdclean.fastpath.raw_text import RawText
from mdclean.fastpath.tail import InTail, tail_start
from mdclean.fastpath.triggers import (
    AllOf,
    Among,
    AnyOf,
    AtLeast,
    Check,
    Literals,
    Repeated,
    Search,
    Trigger,
    among_each,
    suffix_gate,
)
from mdclean.matchers import label_triggers
from mdclean.matchers.label_heads import INDEX
from mdclean.matchers.label_triggers import LabelTrigger, _spelt_at, _Words
from mdclean.matchers.written_targets import targets_and_decoded

_LONG = (
    "This paragraph of the article runs on for well over forty words, so that the tail of "
    "the page starts after it and nothing above it is read by a rule of the tail at all, "
    "whatever it holds, which is what the tail reading is there to prove and to use here."
)


def test_a_literal_is_its_own_gate_and_a_count_of_a_regex_becomes_one_match() -> None:
    keyword = Literals(("copyright",))
    assert suffix_gate(keyword) is keyword
    assert suffix_gate(AtLeast("(", 3)) == AtLeast("(", 3)
    count = re.compile(r"\(\d+\)")
    assert suffix_gate(Repeated(count, 3)) == Search(count, folded=False)


@pytest.mark.parametrize("source", [r"^next", r"\bnext", r"(?<=a)next", r"\Anext", r"\Bext"])
def test_a_regex_that_reads_before_its_place_gives_no_gate(source: str) -> None:
    assert suffix_gate(Search(re.compile(source))) is None
    assert suffix_gate(Repeated(re.compile(source), 2)) is None


def test_a_negated_class_is_no_anchor() -> None:
    pattern = re.compile(r"[^a-z]next")
    assert suffix_gate(Search(pattern)) == Search(pattern)


def test_all_of_keeps_the_parts_that_give_a_gate_and_any_of_needs_every_part() -> None:
    hand = Check(lambda text: True, "a hand-written test: no gate")
    keyword = Literals(("next",))
    assert suffix_gate(AllOf((keyword, hand))) is keyword
    assert suffix_gate(AllOf((hand, hand))) is None
    assert suffix_gate(AnyOf((keyword, hand))) is None
    either = AnyOf((keyword, Literals(("prev",))))
    assert suffix_gate(either) == either


def _in_tail_read_whole(trigger: InTail, text: str) -> bool:
    """What ``InTail`` answered before the gate: the inner trigger on the tail."""
    start = tail_start(text, trigger.max_words)
    return trigger.inner.holds(RawText(text[start:]) if start else text)


_COUNT = re.compile(r"\(\d+\)")
_TAIL_TRIGGERS: list[Trigger] = [
    Literals(("©", "copyright")),
    AllOf((Literals((")",)), Repeated(_COUNT, 3))),
    AnyOf((Literals(("next",)), AtLeast("»", 2))),
    AllOf((Literals(("next",)), Search(re.compile(r"^next", re.MULTILINE), folded=False))),
]


@pytest.mark.parametrize("inner", _TAIL_TRIGGERS, ids=repr)
@pytest.mark.parametrize(
    "text",
    [
        f"{_LONG}\n\nCopyright 2024 (1) (2) (3) next »»\n",
        f"copyright (1) (2) (3) next\n\n{_LONG}\n\nThe end.\n",  # all above the tail
        f"(1) (2)\n\n{_LONG}\n\n(3) next\n",
        f"next »\n\n{_LONG}\n\n»\n",
        "",
    ],
)
def test_a_gated_tail_trigger_answers_as_the_tail_does(inner: Trigger, text: str) -> None:
    trigger = InTail(40, inner)
    assert trigger.holds(RawText(text)) is _in_tail_read_whole(trigger, RawText(text))


_PIECES = st.sampled_from(
    ["next", "copyright", "(1)", "(22)", " ", "\n", "\n\n", "»", "word ", _LONG, "# h\n", "```\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from(_TAIL_TRIGGERS))
def test_gated_tail_triggers_on_random_texts(pieces: list[str], inner: Trigger) -> None:
    text = "".join(pieces)
    trigger = InTail(40, inner)
    assert trigger.holds(RawText(text)) is _in_tail_read_whole(trigger, RawText(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("read <b>the</b> rest", True),  # tags between the words are spaces
        ("read the", False),
        ("read more", True),
        ("read moral", True),  # the last word is a prefix, as the regex reads it: "mor"
        ("read m", False),
        ("read\n\nthe rest", True),
        ("read theory", False),
        ("read", False),
        ("read ", False),
    ],
)
def test_openings_as_a_tree_of_words_say_what_each_opening_says(text: str, found: bool) -> None:
    rests = [("the", "rest"), ("more",), ("mor",)]
    expected = any(_spelt_at(text, 4, rest) for rest in rests)
    assert _Words.of(rests).spelt_at(text, 4) is expected is found


def test_an_opening_that_ends_in_a_space_wants_only_the_space() -> None:
    words = _Words.of([("the", "rest"), ("",)])
    assert words.spelt_at("read ", 4) and words.spelt_at("read<i>x", 4)
    assert not words.spelt_at("read", 4) and not words.spelt_at("readthe", 4)


_WORDS = st.sampled_from(["a", "ab", "abc", "b", "", "c"])
_TEXT = st.lists(st.sampled_from(["a", "b", "c", " ", "<i>", "\n", "ab"]), max_size=10)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(tuple), max_size=5), _TEXT)
def test_a_tree_of_random_openings_answers_as_each_opening(
    rests: list[tuple[str, ...]], pieces: list[str]
) -> None:
    text = "x" + "".join(pieces)
    expected = any(_spelt_at(text, 1, rest) for rest in rests)
    assert _Words.of(rests).spelt_at(text, 1) is expected


# --- Among: strings read once, searched joined or gated by each pattern's literals ---


@pytest.mark.parametrize(
    ("strings", "found"),
    [
        (("https://a.example/@jane", "/docs/"), True),
        (("https://a.example/", "@jane"), False),  # "/" ends one string, "@" opens the next
        (("/docs/", "/api/"), False),
        ((), False),
    ],
)
def test_a_pattern_that_reads_only_what_it_consumes_is_searched_in_the_strings_joined(
    strings: tuple[str, ...], found: bool
) -> None:
    pattern = re.compile(r"/[^a-z]?@\w+")  # (the class may match the joining line break)
    among = Among(lambda text: strings, (pattern,))
    assert among._joined_search
    assert among.holds("") is found is any(pattern.search(s) for s in strings)


@pytest.mark.parametrize("source", [r"^/@\w+", r"/@\w+$", r"/@(?=x)", r"\b@\w+"])
def test_a_pattern_that_reads_around_its_match_is_searched_string_by_string(source: str) -> None:
    among = Among(lambda text: ("/@jane", "x"), (re.compile(source),))
    assert not among._joined_search


def test_among_each_gates_each_pattern_by_its_own_literals() -> None:
    patterns = [re.compile(r"//(?:www\.)?github\.com/\w+"), re.compile(r"//[^/\s]+/@\w+")]
    trigger = among_each(lambda text: text.split(), patterns)
    assert isinstance(trigger, AnyOf)
    first, second = trigger.parts
    assert isinstance(first, Among) and first.literals == ("github.com/",)
    assert isinstance(second, Among) and second._joined_search
    for text, found in [
        ("//github.com/jane x", True),
        ("//example.org/@jane", True),
        ("//gitlab.com/jane //example.org/jane", False),
    ]:
        assert trigger.holds(text) is found


def test_decoded_targets_are_lower_cased_as_the_text_is() -> None:
    text = "[follow](https://&#x47;ithub.com/jane) and [me](https://x.example/\\@Jane)"
    targets = targets_and_decoded(text.lower())
    assert "https://github.com/jane" in targets
    assert all(t == t.lower() for t in targets)


# --- filter-list elements (AD013, AD014's ad links) are never in fenced code ---

_TEMPLATE_CODE = "Declare it so:\n\n```cpp\ntemplate <class T> struct Box;\n```\n\nThat is all.\n"
_AD_ELEMENT = '<div class="ad leaderboard" data-ad-slot="1"></div>\n'


def test_an_element_in_fenced_code_does_not_trigger_the_hidden_element_rule() -> None:
    matcher = builtin_rule("AD013").matcher
    assert not matcher.may_match(_TEMPLATE_CODE.lower())
    assert matcher.may_match(f"{_TEMPLATE_CODE}\n{_AD_ELEMENT}".lower())
    assert found_both_ways("AD013", _TEMPLATE_CODE) == []


def test_an_ad_element_outside_code_is_still_found() -> None:
    text = f"{_TEMPLATE_CODE}\n{_AD_ELEMENT}\nThe end.\n"
    assert found_both_ways("AD013", text) == [_AD_ELEMENT.rstrip("\n")]


# --- ad-label (AD010): a "<" that is no tag, and a keyword, count outside fenced code ---

_COMPARED_IN_CODE = "The paid plan adds seats.\n\n```c\nif (a <= b) { pay(); }\n```\n"


def test_a_comparison_in_fenced_code_does_not_make_the_ad_label_rule_read_keywords() -> None:
    matcher = builtin_rule("AD010").matcher
    assert not matcher.may_match(_COMPARED_IN_CODE.lower())
    assert matcher.may_match("The paid plan adds seats: a <= b.\n".lower())


def test_a_label_after_a_comment_is_still_found() -> None:
    text = f"{_COMPARED_IN_CODE}\n<!-- slot 3 -->Advertisement\n\nThe end.\n"
    assert found_both_ways("AD010", text) == ["<!-- slot 3 -->Advertisement"]


# --- one walk of the heads for every phrase rule (``label_heads``) ---

_HEADED = (
    "# Read more\n\nAbout the author: Jane writes.\n\n- Share this:\n- Leave a reply\n\n"
    "Posted in News, tagged with x.\n\nRelated posts\n\n3 comments\n\nSubscribe to our newsletter\n"
    "> Sponsored by Acme\n\n关注我们 获取更多\n\nA line of prose that opens with nothing at all.\n"
)


def _own_walk(trigger: LabelTrigger, text: str) -> list[int]:
    heads = label_triggers._heads(text)
    return sorted(
        at
        for key in trigger.keys & heads.keys()
        for at in trigger._keyed_hits(text, key, heads[key])
    )


@pytest.mark.parametrize("text", [_HEADED, _HEADED.upper().lower(), "", "no heads here"])
def test_the_shared_walk_of_the_heads_finds_what_each_trigger_found_alone(text: str) -> None:
    config = Config()
    for rule in config.rules:  # every built-in phrase rule's trigger, asked once
        rule.matcher.may_match(text)
    triggers = [t for t in INDEX.triggers if isinstance(t, LabelTrigger)]
    assert len(triggers) > 20
    seen = RawText(label_triggers.phrase_text(text))
    heads = label_triggers._heads(seen)
    reading = INDEX.head_hits(seen, heads)
    found_some = False
    for trigger in triggers:
        shared = reading.of(INDEX.slot_of(trigger), trigger)
        assert shared is not None and sorted(shared) == _own_walk(trigger, seen)
        found_some = found_some or bool(shared)
    assert found_some is bool(text.strip() and text != "no heads here")


def test_a_trigger_registered_after_a_text_was_read_walks_that_text_itself() -> None:
    seen = RawText("read more\n")
    reading = INDEX.head_hits(seen, label_triggers._heads(seen))
    late = LabelTrigger({"read more", "zzz"}, set())
    assert reading.of(INDEX.slot_of(late), late) is None
    assert late.may_match(seen) and not late.may_match(RawText("nothing\n"))


# --- a phrase with too many variants: the openings of those spelt out so far ---


def test_a_phrase_with_too_many_variants_opens_with_its_partly_spelt_variants() -> None:
    phrase = (
        "if you(?: want| would like| wish|(?:'|’)d like) to (?:stay (?:up to date|informed)"
        "|be notified|(?:get|receive) (?:the latest |new |future |my |our )?(?:posts|articles"
        "|updates|essays|news|notes|letters|mails|digests|issues))[^.!?]{0,80}"
    )
    trigger = LabelTrigger.of([phrase])
    assert trigger is not None and not trigger.words  # (no word "you" found anywhere)
    assert trigger.may_match(RawText("intro.\n\nif you want to get new posts, subscribe.\n"))
    assert not trigger.may_match(RawText("if you use the option, set it.\n"))


def test_the_outro_ask_rule_is_not_triggered_by_a_manual_s_if_you() -> None:
    matcher = builtin_rule("BP086").matcher
    assert not matcher.may_match("If you use the `--fast` option, the cache is kept.\n".lower())
    text = (
        "The end of the article is here.\n\nThanks for reading! Please leave your comments "
        "and suggestions below.\n"
    )
    assert matcher.may_match(text.lower())
    assert found_both_ways("BP086", text) == [text.split("\n\n")[1].rstrip("\n")]
