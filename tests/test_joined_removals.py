"""Removals of different fixes that share characters are joined into one removal of the whole
run (``edits.joined_removals``): two readings of a page's tail take it whole in one pass."""

from __future__ import annotations

from mdclean.edits import joined_removals, select_compatible
from mdclean.models import Applicability, Edit, Fix

SAFE = Applicability.SAFE
UNSAFE = Applicability.UNSAFE


def _removal(start: int, end: int, applicability: Applicability = SAFE) -> Fix:
    return Fix((Edit(start, end),), applicability)


def test_overlapping_removals_grow_to_their_union() -> None:
    box, footer = _removal(10, 50), _removal(40, 90)
    joined = joined_removals([box, footer])
    assert joined == {id(box): _removal(10, 90), id(footer): _removal(10, 90)}


def test_a_chain_of_overlaps_is_one_run_and_keeps_each_fix_safety() -> None:
    first, second, third = _removal(0, 20), _removal(15, 40, UNSAFE), _removal(30, 60)
    joined = joined_removals([third, first, second])
    assert joined[id(first)] == _removal(0, 60)
    assert joined[id(second)] == _removal(0, 60, UNSAFE)
    assert joined[id(third)] == _removal(0, 60)


def test_a_removal_inside_another_takes_the_larger_and_the_larger_is_unchanged() -> None:
    outer, inner = _removal(0, 100), _removal(20, 30)
    assert joined_removals([outer, inner]) == {id(inner): _removal(0, 100)}


def test_removals_that_only_meet_stay_apart() -> None:
    assert joined_removals([_removal(0, 20), _removal(20, 40)]) == {}


def test_replacements_and_fixes_of_several_edits_are_not_joined() -> None:
    replacing = Fix((Edit(0, 30, "x"),), SAFE)
    several = Fix((Edit(10, 20), Edit(40, 50)), SAFE)
    assert joined_removals([replacing, several, _removal(25, 45)]) == {}


def test_joined_fixes_apply_together_in_one_pass() -> None:
    box, footer = _removal(10, 50), _removal(40, 90)
    joined = joined_removals([box, footer])
    accepted, edits = select_compatible([joined[id(box)], joined[id(footer)]])
    assert len(accepted) == 2
    assert edits == [Edit(10, 90)]
