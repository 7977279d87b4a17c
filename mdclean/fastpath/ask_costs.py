"""Once a parse is certain, whether asking a rule's trigger costs more than running the rule.

A trigger answers False only where ``find`` finds nothing, so the prefilter may skip the
question and run the rule: no result changes, only the cost. Before any rule has made the
parse certain, the question can save the parse and is always asked. After, it saves only
the rule's ``find`` on a document already parsed, and many questions (a scan of the raw text
for forty class names, a label's shape guessed from raw lines) cost more than that ``find``.

What each costs depends on the pages (a docs site, a blog export), so it is measured in the
run, per rule, on the run's own pages: the CPU of the question (``SAMPLES`` asks), how often
it says no, and the CPU of ``find`` on pages where it said no (``SAMPLES`` runs made for
the measure, each of which finds nothing). A rule whose question costs more than the
``find`` it saves (by ``MARGIN``) is then run unasked once the parse is certain; any other
stays asked. The decision is taken once per rule and process, and changes no result
(``tests/test_fast_path_ask_costs.py`` runs every rule unasked and compares).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalogue import Rule

SAMPLES = 8
"""Questions and ``find`` runs measured per rule before its decision."""

MARGIN = 1.5
"""The question must cost this many times the ``find`` it saves for the rule to go unasked:
a rule that costs about the same either way stays asked (its question may save a parse)."""

_MAX_RULES = 4096
"""Rule sets made on the fly (tests, the library) do not grow the table forever."""

clock = time.process_time
"""CPU time of this process: a measure the machine's other work does not inflate."""


class AskCost:
    """What asking one rule costs once a parse is certain, and what its ``find`` costs where
    the question says no; then the decision."""

    __slots__ = ("asks", "finds", "noes", "rule", "unasked")

    def __init__(self, rule: Rule) -> None:
        self.rule = rule  # (kept: the table is keyed by its id)
        self.asks: list[float] = []
        self.noes = 0
        self.finds: list[float] = []
        self.unasked: bool | None = None
        """None while measuring; then True (run without asking once parsed) or False."""

    def asked(self, seconds: float, answer: bool) -> None:
        """One question, timed; its answer."""
        if len(self.asks) < SAMPLES * 4:  # (the share of noes keeps being counted a while)
            self.asks.append(seconds)
            self.noes += not answer
        self._decide()

    def wants_find(self) -> bool:
        """Whether a ``find`` where the question said no is still to be measured."""
        return self.unasked is None and len(self.finds) < SAMPLES

    def found(self, seconds: float) -> None:
        """One ``find``, timed, on a page where the question said no."""
        self.finds.append(seconds)
        self._decide()

    def _decide(self) -> None:
        if self.unasked is not None or len(self.asks) < SAMPLES:
            return
        if self.noes and len(self.finds) < SAMPLES:
            return  # the question said no: what ``find`` costs then is not known yet
        ask = _median(self.asks)
        saved = _median(self.finds) * self.noes / len(self.asks) if self.noes else 0.0
        self.unasked = ask > MARGIN * saved


def _median(values: list[float]) -> float:
    """(``statistics`` imports ``fractions``, ``decimal`` and ``random``: 8 ms of start-up.)"""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class AskCosts:
    """The measures and decisions of every rule a process has asked (rules by identity)."""

    def __init__(self, *, learn: bool = True) -> None:
        self.learn = learn
        """False: every rule stays asked, nothing is measured."""
        self._costs: dict[int, AskCost] = {}

    def of(self, rule: Rule) -> AskCost | None:
        """The rule's measures (None when nothing is learned)."""
        if not self.learn:
            return None
        cost = self._costs.get(id(rule))
        if cost is None or cost.rule is not rule:
            if len(self._costs) >= _MAX_RULES:
                self._costs.clear()
            cost = self._costs[id(rule)] = AskCost(rule)
        return cost


ASK_COSTS = AskCosts()
"""The process's measures: the prefilter's default (a long run decides once per rule)."""
