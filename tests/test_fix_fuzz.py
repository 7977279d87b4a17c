"""Generated documents with junk spliced in: ``--fix`` keeps what it does not remove rendering as it did.

A bounded, seeded run that CI affords; ``python scripts/fuzz_fix.py --count N`` runs
the same generator and invariants longer and counts failures per invariant.
"""

from __future__ import annotations

import random

import pytest
from fix_invariants import generate, violated
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdclean import guard

AD = '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>'


@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.randoms(use_true_random=False))
def test_fix_keeps_the_rendering_of_what_stays(rng: random.Random) -> None:
    text = generate(rng)
    assert violated(text) == [], text


def test_the_oracle_sees_a_paragraph_turned_into_a_heading(monkeypatch: pytest.MonkeyPatch) -> None:
    # The invariants are judged apart from the guard: with the guard off, they catch the case.
    monkeypatch.setattr(guard, "check", lambda before, after, edits, **_: None)
    text = f"Some text\n{AD}\n---\n"
    assert violated(text) == ["renders-as-before"]
