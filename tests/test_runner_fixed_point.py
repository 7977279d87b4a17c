"""One ``--fix`` reaches a fixed point: touching and overlapping edits never make it loop to its
pass limit (file left untouched) nor leave a second ``--fix`` work to do.

The engine's traps (each looped to ``MAX_PASSES`` before): a fix whose own edits meet end to
start (select_compatible took them for a clash with itself), a fix whose own edits share
characters, a fix with no edits; each now applies, or is refused with its reason. Then a table
over real rules: two of their ``bad`` examples side by side (a blank line apart, or on touching
lines), LF or CRLF, with or without a final line break.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import pytest

from mdclean.config import Config
from mdclean.document import Document
from mdclean.edits import apply_edits, select_compatible, self_overlapping
from mdclean.engine import MAX_PASSES, fix
from mdclean.matchers.base import Matcher
from mdclean.models import Applicability, Edit, Finding, Fix

TEXT = "Keep this.\n\nJunk one.\n\nJunk two.\n\nKeep that.\n"
ONE, TWO, END = TEXT.find("Junk one."), TEXT.find("Junk two."), TEXT.find("Keep that.")

Spans = Callable[[str], list[tuple[tuple[int, int], ...]]]


class _Edits(Matcher):
    """Finds what ``spans`` says, each finding one fix removing its spans."""

    name = "test-edits"
    params: ClassVar[Mapping[str, type | tuple[type, ...]]] = {}

    def __init__(self, spans: Spans) -> None:
        super().__init__({})
        self.spans = spans

    def may_match(self, lowered_text: str, *, parse_certain: bool = False) -> bool:
        return True

    def find(self, doc: Document) -> Iterator[Finding]:
        for spans in self.spans(doc.text):
            start = spans[0][0] if spans else 0
            end = spans[-1][1] if spans else 4
            edits = tuple(Edit(a, b, "") for a, b in spans)
            yield Finding(start, end, edits=edits, applicability=Applicability.SAFE)


def _config(spans: Spans) -> Config:
    config = Config(fast_path=False)
    rule = dataclasses.replace(
        config.rules[0],
        code="ZZ999",
        build_matcher=lambda: _Edits(spans),
        fix=Applicability.SAFE,
    )
    config.__dict__["rules"] = (rule,)  # the one rule (``rules`` is a cached property)
    return config


def _while(*words: str, spans: tuple[tuple[int, int], ...]) -> Spans:
    """``spans`` while the text holds every word (so that the fix, once applied, is done)."""
    return lambda text: [spans] if all(w in text for w in words) else []


def test_one_fix_whose_own_edits_meet_applies_in_one_pass() -> None:
    config = _config(_while("Junk one.", spans=((ONE, TWO), (TWO, END))))
    result = fix(TEXT, config=config)
    assert result.converged
    assert result.text == "Keep this.\n\nKeep that.\n"
    assert fix(result.text, config=config).text == result.text


def test_two_fixes_that_meet_apply_one_pass_after_the_other() -> None:
    def spans(text: str) -> list[tuple[tuple[int, int], ...]]:
        found = []
        for junk in ("Junk one.\n\n", "Junk two.\n\n"):
            at = text.find(junk)
            if at >= 0:
                found.append(((at, at + len(junk)),))
        return found

    result = fix(TEXT, config=_config(spans))
    assert result.converged and result.text == "Keep this.\n\nKeep that.\n"
    assert len(result.fixed) == 2


@pytest.mark.parametrize(
    ("spans", "reason"),
    [
        (((ONE, ONE + 12), (ONE + 5, TWO + 3)), "its edits overlap each other"),
        ((), "its edits change nothing"),
        (((ONE, ONE),), "its edits change nothing"),
    ],
)
def test_a_fix_that_can_never_apply_is_refused_at_once(
    spans: tuple[tuple[int, int], ...], reason: str
) -> None:
    passes = []

    def counted(text: str) -> list[tuple[tuple[int, int], ...]]:
        passes.append(text)
        return [spans]

    result = fix(TEXT, config=_config(counted))
    assert result.converged and result.text == TEXT
    assert [v.message.endswith(f"(not fixed: {reason})") for v in result.remaining] == [True]
    assert result.remaining[0].fix is None
    assert len(passes) < 5 < MAX_PASSES


def test_self_overlapping_means_sharing_characters() -> None:
    assert not self_overlapping([Edit(0, 5, ""), Edit(5, 9, "")])
    assert not self_overlapping([Edit(5, 5, "a"), Edit(5, 5, "b"), Edit(5, 7, "")])
    assert self_overlapping([Edit(0, 6, ""), Edit(5, 9, "")])
    # Meeting edits of one fix are taken, and apply as one edit would.
    accepted, edits = select_compatible(
        [Fix((Edit(0, 5, "x"), Edit(5, 9, "y")), Applicability.SAFE)]
    )
    assert len(accepted) == 1 and apply_edits("0123456789", edits) == "xy9"
    # Meeting edits of two fixes are not: the second waits for the next pass.
    accepted, _ = select_compatible(
        [Fix((Edit(0, 5, ""),), Applicability.SAFE), Fix((Edit(5, 9, ""),), Applicability.SAFE)]
    )
    assert len(accepted) == 1


def _bad_examples() -> list[tuple[str, str]]:
    """Each fixable rule's first ``bad`` example that a fix changes, by rule code."""
    found = []
    for rule in Config().rules:
        if rule.fix is None:
            continue
        for example in rule.examples:
            if not example.good and example.fixed is not None and example.fixed != example.text:
                if (
                    not example.site
                    and "\r" not in example.text
                    and not example.text.startswith("---")
                ):
                    found.append((rule.code, example.text.strip("\n")))
                break
    return found


def _pairs() -> list[tuple[str, str, str, str]]:
    """Pairs of different rules' bad examples, spread over the catalogue (a fixed sample)."""
    bad = _bad_examples()
    step = max(1, len(bad) // 24)
    chosen = bad[::step]
    return [
        (a[0], a[1], b[0], b[1])
        for i, a in enumerate(chosen)
        for b in (chosen[(i + 1) % len(chosen)], chosen[(i + 5) % len(chosen)])
        if a[0] != b[0]
    ]


PAIRS = _pairs()
INTRO = "An article's own first paragraph, long enough to be the page's text and stay.\n\n"
OUTRO = "\n\nThe article's own last paragraph, which stays as well."


@pytest.mark.parametrize(("first", "first_text", "second", "second_text"), PAIRS)
def test_two_real_rules_side_by_side_reach_a_fixed_point_in_one_fix(
    first: str, first_text: str, second: str, second_text: str
) -> None:
    config = Config(unsafe_fixes=True)
    for between in ("\n\n", "\n"):
        for crlf in (False, True):
            for final in (True, False):
                text = INTRO + first_text + between + second_text + OUTRO + ("\n" if final else "")
                if crlf:
                    text = text.replace("\n", "\r\n")
                once = fix(text, config=config)
                assert once.converged, (first, second, between, crlf, final)
                twice = fix(once.text, config=config)
                assert twice.text == once.text, (first, second, between, crlf, final)
                assert not twice.fixed, (first, second, between, crlf, final)


def test_the_table_covers_enough_rules() -> None:
    codes: set[Any] = {code for pair in PAIRS for code in (pair[0], pair[2])}
    assert len(codes) >= 20
