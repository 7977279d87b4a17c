"""The ad rules on the shapes scraped sites really have (fixtures/ads.txt)."""

from __future__ import annotations

import pytest
from fixtures import FIXTURES, Case, read_cases

import mdclean

CASES = read_cases(FIXTURES / "ads.txt")
AD_RULES = mdclean.Config(select=("AD",))


def _fix(text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=AD_RULES, unsafe=unsafe).text


@pytest.mark.parametrize("case", CASES, ids=str)
def test_fix_gives_expected_text(case: Case) -> None:
    assert _fix(case.input) == case.expected


@pytest.mark.parametrize("case", CASES, ids=str)
def test_fix_is_idempotent(case: Case) -> None:
    once = _fix(case.input)
    assert _fix(once) == once
    assert not [v for v in mdclean.lint(once, config=AD_RULES) if v.fix is not None]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_crlf_gives_the_same_result_with_crlf(case: Case) -> None:
    assert _fix(case.input.replace("\n", "\r\n")) == case.expected.replace("\n", "\r\n")


def test_marked_affiliate_banner_is_a_safe_fix() -> None:
    # Bracketed by "affiliate ads" comments the banner is certain: --fix alone removes it.
    case = next(c for c in CASES if c.title.startswith("an impact.com banner"))
    assert _fix(case.input, unsafe=False) == case.expected


def test_unmarked_shopping_row_needs_unsafe_fixes() -> None:
    case = next(c for c in CASES if c.title.startswith("shopping buttons"))
    assert _fix(case.input, unsafe=False) == case.input
    [violation] = mdclean.lint(case.input, config=AD_RULES)
    assert (violation.code, violation.line, violation.fix.is_safe) == ("AD009", 5, False)


def test_each_unit_is_reported_by_one_network_rule() -> None:
    # A generic rule (AD006) leaves a unit that a network rule (AD001, AD002) claims.
    text = (
        '<ins class="adsbygoogle ad-slot" data-ad-slot="1"></ins>\n\n'
        '<div id="div-gpt-ad-1-0" class="ad-container"></div>\n'
    )
    assert [v.code for v in mdclean.lint(text, config=AD_RULES)] == ["AD001", "AD002"]
