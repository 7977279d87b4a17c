"""The engine's contract: passes, overlaps, the convergence bound, and crash isolation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import mdclean
from mdclean.document import Document
from mdclean.edits import apply_edits, select_compatible
from mdclean.matchers import MATCHERS, Matcher
from mdclean.models import Applicability, Edit, Finding, Fix

RULE = """\
code: {code}
name: test-{name}
summary: Test rule
explanation: For tests.
fix: safe
matcher: {matcher}
examples:
  - bad: "x"
    fixed: ""
  - good: "y"
"""


class GrowingMatcher(Matcher):
    """A buggy rule: every fix creates a new violation."""

    name = "test-growing"

    def find(self, doc: Document) -> Iterator[Finding]:
        yield Finding(0, 0, edits=(Edit(0, 0, "x"),))


class CrashingMatcher(Matcher):
    name = "test-crashing"

    def find(self, doc: Document) -> Iterator[Finding]:
        raise ValueError("boom")


class EveryXMatcher(Matcher):
    """Removes each 'x' together with its neighbours: neighbouring fixes overlap."""

    name = "test-every-x"

    def find(self, doc: Document) -> Iterator[Finding]:
        for i, ch in enumerate(doc.text):
            if ch == "x":
                yield Finding(i, i + 1, edits=(Edit(max(i - 1, 0), min(i + 2, len(doc.text))),))


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for code, matcher in (
        ("ZZ001", GrowingMatcher),
        ("ZZ002", CrashingMatcher),
        ("ZZ003", EveryXMatcher),
    ):
        monkeypatch.setitem(MATCHERS, matcher.name, matcher)
        (tmp_path / f"{code}.yaml").write_text(
            RULE.format(code=code, name=code.lower(), matcher=matcher.name)
        )
    return tmp_path


def config(pack: Path, code: str) -> mdclean.Config:
    return mdclean.Config(rule_packs=(pack,), select=(code,))


def test_a_rule_that_never_converges_is_bounded_and_reported(pack: Path) -> None:
    result = mdclean.fix("text\n", config=config(pack, "ZZ001"))
    assert result.converged is False
    assert len(result.fixed) == 100  # MAX_PASSES, then it stops


def test_a_crashing_rule_raises_a_clear_error(pack: Path) -> None:
    with pytest.raises(mdclean.MdcleanError, match=r"rule ZZ002 failed: ValueError: boom"):
        mdclean.lint("text\n", config=config(pack, "ZZ002"))


def test_overlapping_fixes_wait_for_the_next_pass(pack: Path) -> None:
    # "axbxc": removing "axb" and "bxc" overlap; the second is found again after the first applies.
    result = mdclean.fix("axbxcx", config=config(pack, "ZZ003"))
    assert result.converged
    assert "x" not in result.text
    assert result.remaining == []


def test_select_compatible_takes_identical_edits_once() -> None:
    same = Edit(0, 3)
    a, b = Fix((same,), Applicability.SAFE), Fix((same,), Applicability.SAFE)
    c = Fix((Edit(2, 5),), Applicability.SAFE)
    accepted, edits = select_compatible([a, b, c])
    assert accepted == [a, b] and edits == [same]


def test_a_fix_that_covers_another_is_served_first() -> None:
    # A box (author, avatar, QR code) goes whole: were one line of it removed first, the rest
    # would no longer be the box its rule knows, and would stay.
    line = Fix((Edit(10, 20),), Applicability.SAFE)
    box = Fix((Edit(5, 40),), Applicability.UNSAFE)
    elsewhere = Fix((Edit(50, 60),), Applicability.SAFE)
    accepted, edits = select_compatible([elsewhere, line, box])
    assert accepted == [box, elsewhere] and edits == [Edit(5, 40), Edit(50, 60)]


def test_edits_that_meet_end_to_start_wait() -> None:
    accepted, _ = select_compatible(
        [Fix((Edit(0, 2),), Applicability.SAFE), Fix((Edit(2, 4),), Applicability.SAFE)]
    )
    assert len(accepted) == 1


def test_apply_edits_copies_untouched_bytes() -> None:
    assert apply_edits("a\r\nbc\r\nd", [Edit(3, 7), Edit(0, 0, "")]) == "a\r\nd"
    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 2), Edit(1, 3)])


def test_violation_positions_are_one_based_and_cover_the_unit() -> None:
    text = 'Para.\n\n> <ins class="adsbygoogle"\n>   data-ad-slot="1"></ins>\n'
    [v] = mdclean.lint(text)
    assert (v.line, v.column, v.end_line, v.end_column) == (3, 3, 4, 28)
    assert text[v.start : v.end].startswith("<ins") and text[v.start : v.end].endswith("</ins>")
    assert (v.code, v.name, v.message, v.fix.applicability) == (
        "AD001",
        "adsense-unit",
        "AdSense ad unit",
        Applicability.SAFE,
    )


def test_fix_result_reports_what_was_fixed_and_what_remains() -> None:
    text = 'A.\n\n<ins class="adsbygoogle"></ins>\n'
    result = mdclean.fix(text)
    assert result.text == "A.\n"
    assert [v.code for v in result.fixed] == ["AD001"]
    assert result.remaining == [] and result.converged and result.changed


class CodeEatingMatcher(Matcher):
    """A buggy rule that removes a fenced code block."""

    name = "test-code-eating"

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.nodes():
            if node.kind == "fence":
                start, end = doc.line_offset(node.start_line), doc.line_offset(node.end_line)
                yield Finding(start, end, edits=(Edit(start, end),))


def test_a_fix_that_would_lose_code_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MATCHERS, CodeEatingMatcher.name, CodeEatingMatcher)
    (tmp_path / "ZZ004.yaml").write_text(
        RULE.format(code="ZZ004", name="eat", matcher=CodeEatingMatcher.name)
    )
    text = "Text.\n\n```\ncode\n```\n"
    result = mdclean.fix(text, config=config(tmp_path, "ZZ004"))
    assert result.text == text and result.fixed == []
    [v] = result.remaining
    assert (
        v.fix is None
        and v.message == "Test rule (not fixed: removing it would change the code on line 3)"
    )


def test_an_ad_between_a_list_and_indented_code_stays_and_the_rest_is_fixed() -> None:
    # Without the ad in between, the indented code would become part of the list item.
    ad = '<ins class="adsbygoogle"></ins>'
    text = f"{ad}\n\n- item\n\n{ad}\n\n    code line\n"
    result = mdclean.fix(text)
    assert result.text == f"- item\n\n{ad}\n\n    code line\n"
    assert [v.line for v in result.fixed] == [1]
    [v] = result.remaining
    assert (v.line, v.fix) == (3, None)


class JunkToCodeMatcher(Matcher):
    """A unit from the 'junk' paragraph through the fence after it: its removal loses code."""

    name = "test-junk-to-code"

    def find(self, doc: Document) -> Iterator[Finding]:
        start = doc.text.find("junk")
        if start >= 0:
            yield Finding(start, len(doc.text), edits=(Edit(start, len(doc.text)),))


class JunkMatcher(Matcher):
    """The 'junk' paragraph alone, inside the unit above."""

    name = "test-junk"

    def find(self, doc: Document) -> Iterator[Finding]:
        start = doc.text.find("junk\n\n")
        if start >= 0:
            yield Finding(start, start + 4, edits=(Edit(start, start + 6),))


def test_a_finding_inside_a_refused_fix_is_fixed_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The covering unit hides the finding inside it from the report; when its fix is
    # refused, the finding inside is still fixed, not lost behind a fix never applied
    # (a comment section that cannot go whole, over the log-in and share rows in it).
    for code, matcher in (("ZZ005", JunkToCodeMatcher), ("ZZ006", JunkMatcher)):
        monkeypatch.setitem(MATCHERS, matcher.name, matcher)
        (tmp_path / f"{code}.yaml").write_text(
            RULE.format(code=code, name=code.lower(), matcher=matcher.name)
        )
    text = "Text.\n\njunk\n\n```\ncode\n```\n"
    pack_config = mdclean.Config(rule_packs=(tmp_path,), select=("ZZ005", "ZZ006"))
    assert [v.code for v in mdclean.lint(text, config=pack_config)] == ["ZZ005"]
    result = mdclean.fix(text, config=pack_config)
    assert result.text == "Text.\n\n```\ncode\n```\n"
    assert [v.code for v in result.fixed] == ["ZZ006"]
    assert result.remaining == []  # the unit went with the finding that made it
