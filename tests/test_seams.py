"""Removals keep the separation around them, in every container (fixtures/seams.txt)."""

from __future__ import annotations

import pytest
from fixtures import FIXTURES, Case, read_cases

import mdclean

CASES = read_cases(FIXTURES / "seams.txt")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_fix_gives_expected_text(case: Case) -> None:
    assert mdclean.fix(case.input).text == case.expected


@pytest.mark.parametrize("case", CASES, ids=str)
def test_fix_is_idempotent(case: Case) -> None:
    once = mdclean.fix(case.input).text
    assert mdclean.fix(once).text == once
    assert not [v for v in mdclean.lint(once) if v.fix is not None]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_crlf_gives_the_same_result_with_crlf(case: Case) -> None:
    crlf = case.input.replace("\n", "\r\n")
    assert mdclean.fix(crlf).text == case.expected.replace("\n", "\r\n")
