"""Once a parse is certain, a rule is asked or run by what each costs (``fastpath.ask_costs``):
either way, the results are the same."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_fast_path import TEXTS

from mdclean import engine
from mdclean.catalogue import Rule, builtin_rules
from mdclean.config import Config
from mdclean.fastpath import ask_costs
from mdclean.fastpath.ask_costs import SAMPLES, AskCost, AskCosts

ALL = Config(select=("ALL",))
SLOW = replace(ALL, fast_path=False)


class _Forced(AskCosts):
    """Every rule decided one way (``unasked``), or measured on every page (None)."""

    def __init__(self, unasked: bool | None) -> None:
        super().__init__()
        self.unasked = unasked

    def of(self, rule: Rule) -> AskCost:
        cost = AskCost(rule)
        cost.unasked = self.unasked
        return cost


@pytest.mark.parametrize("unasked", [True, False, None], ids=["run", "asked", "measured"])
def test_asked_or_run_unasked_every_rule_finds_the_same(
    unasked: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {name: engine.lint(text, config=ALL) for name, text in TEXTS}
    monkeypatch.setattr(engine, "ASK_COSTS", _Forced(unasked))
    for name, text in TEXTS:
        assert engine.lint(text, config=ALL) == expected[name], name
        if unasked:  # (fixing runs the rules again on each pass's text)
            fixed = engine.fix(text, config=ALL, unsafe=True)
            assert fixed == engine.fix(text, config=SLOW, unsafe=True), name


def _decided(ask: float, find: float, *, noes: int) -> bool | None:
    cost = AskCost(builtin_rules()[0])
    for n in range(SAMPLES):
        cost.asked(ask, answer=n >= noes)
    for _ in range(SAMPLES if noes else 0):
        cost.found(find)
    return cost.unasked


def test_a_question_dearer_than_the_find_it_saves_goes_unasked() -> None:
    assert _decided(ask=100e-6, find=10e-6, noes=SAMPLES) is True
    assert _decided(ask=10e-6, find=100e-6, noes=SAMPLES) is False
    # It says no on one page in eight: it saves an eighth of a find a page.
    assert _decided(ask=20e-6, find=100e-6, noes=1) is True
    # A question that always says yes saves nothing.
    assert _decided(ask=1e-6, find=1.0, noes=0) is True


def test_undecided_until_the_find_where_it_says_no_is_measured() -> None:
    cost = AskCost(builtin_rules()[0])
    for _ in range(SAMPLES):
        cost.asked(1e-3, answer=False)
    assert cost.unasked is None and cost.wants_find()
    for _ in range(SAMPLES):
        cost.found(1e-6)
    assert cost.unasked is True and not cost.wants_find()


def test_a_run_measures_then_decides() -> None:
    costs = AskCosts()
    rule = builtin_rules()[0]
    assert costs.of(rule) is costs.of(rule)
    assert AskCosts(learn=False).of(rule) is None
    assert ask_costs.clock() >= 0
