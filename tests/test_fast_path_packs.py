"""Random rule packs: the real phrase matchers with random label lists find the same with the
fast path on and off. A rule pack can hold any pattern; the trigger derived from it must
never rule out a text its ``find`` would report."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdclean import engine
from mdclean.catalogue import Rule, builtin_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.matchers import MATCHERS

PHRASE_MATCHERS = ("phrase-block", "labelled-line", "labelled-list", "ad-label")
RULES = [rule for rule in builtin_rules() if rule.matcher_name in PHRASE_MATCHERS]
FAST = Config()
SLOW = dataclasses.replace(FAST, fast_path=False)

WORDS = ["share", "Also read", "more", "Sponsored", "関連記事", "Teilen", "ſhare", "İlan", "(ad)"]
SYNTAX = [
    "",
    "?",
    "s?",
    r"\s*",
    r"\s+",
    "[(]",
    "[)]",
    "[|]",
    "[]x]",
    r"[:：]?",
    r"\W*",
    ".{0,3}",
    r"\d+ ",
    "(?:this|it)",
    "(?i:ad)",
    r"\b",
    "(?=s)",
    "{1,2}",
    "*",
]


@st.composite
def labels(draw: st.DrawFn) -> str:
    """A label a pack could hold: words and regex syntax, one or more alternatives."""
    alternatives = []
    for _ in range(draw(st.integers(1, 3))):
        parts = [
            draw(st.sampled_from(WORDS)) + draw(st.sampled_from(SYNTAX))
            for _ in range(draw(st.integers(1, 2)))
        ]
        alternatives.append(" ".join(parts))
    return "|".join(alternatives)


@st.composite
def texts(draw: st.DrawFn, pack_labels: list[str]) -> str:
    """Blocks that open with a spelling of the pack's labels (or a near miss), in the shapes
    phrase rules read."""
    blocks = []
    for _ in range(draw(st.integers(1, 4))):
        label = draw(st.sampled_from(pack_labels))
        if draw(st.integers(0, 3)):
            line = draw(st.from_regex(label, fullmatch=True).filter(lambda t: "\n\n" not in t))
        else:
            line = " ".join(draw(st.lists(st.sampled_from([*WORDS, "this", "3"]), max_size=3)))
        wrapper = draw(st.sampled_from(["{}", "**{}**", "## {}", "- {}", "> {}", "<b>{}</b>"]))
        after = draw(
            st.sampled_from(["", ":", ": [x](https://x.test/a)", " and prose", "\n- [a](u)"])
        )
        blocks.append(wrapper.format(line) + after)
    front = draw(st.sampled_from(["", "---\ntitle: share\n---\n"]))
    return front + "\n\n".join(blocks) + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def packs(draw: st.DrawFn) -> tuple[Rule, str]:
    """A phrase rule of the catalogue given random labels, and a text drawn for them."""
    pack_labels = draw(st.lists(labels(), min_size=1, max_size=3))
    rule = _with_labels(draw(st.sampled_from(RULES)), pack_labels)
    return rule, draw(texts(pack_labels))


def _with_labels(rule: Rule, pack_labels: list[str]) -> Rule:
    # Keywords are the author's promise that a match holds one; random labels would break it.
    params: dict[str, Any] = {
        k: v for k, v in rule.params.items() if k not in ("phrases", "keywords")
    }
    params["labels"] = pack_labels
    made = MATCHERS[rule.matcher_name]
    return dataclasses.replace(
        rule, code="ZZ900", params=params, build_matcher=lambda: made(params)
    )


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(packs())
def test_a_random_pack_finds_the_same_with_and_without_the_fast_path(
    rule_and_text: tuple[Rule, str],
) -> None:
    rule, text = rule_and_text
    pack = (rule,)
    fast = engine.check(Document(text, None, FAST), pack)
    slow = engine.check(Document(text, None, SLOW), pack)
    assert fast == slow


def test_the_packs_reach_every_phrase_matcher() -> None:
    assert {rule.matcher_name for rule in RULES} == set(PHRASE_MATCHERS)


def test_a_label_that_may_run_over_a_link_is_read_the_same_both_ways() -> None:
    # Found by the random packs: a label ending in ``\W*`` once ran over the link after it
    # (its placeholder is not a word character), so ``find`` read the line as a label alone.
    texts = ["Also read: [x](https://x.test/a)", "**Also read: [x](https://x.test/a)**"]
    for rule in RULES:
        if rule.matcher_name != "labelled-line":
            continue
        pack = (_with_labels(rule, [r"Also read\W*"]),)
        for text in texts:
            fast = engine.check(Document(text, None, FAST), pack)
            slow = engine.check(Document(text, None, SLOW), pack)
            assert fast == slow, (rule.code, text)
