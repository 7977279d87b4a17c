"""``neighbour_runs``: the one reading of neighbouring blocks as runs (platform-chrome's sibling
nodes, sidebar-sections' sections), kept to what each caller wrote before."""

from __future__ import annotations

from mdclean.matchers.block_runs import neighbour_runs


def _consecutive(before: int, index: int) -> bool:
    return before + 1 == index


def test_consecutive_indices_make_one_run() -> None:
    assert neighbour_runs([1, 2, 3, 5, 7, 8], _consecutive) == [[1, 2, 3], [5], [7, 8]]


def test_no_items_no_runs() -> None:
    assert neighbour_runs([], _consecutive) == []


def test_a_run_is_judged_by_its_last_item() -> None:
    # sections (first, last) meet when one opens right after the last block of the run before
    sections = [(2, 4), (5, 5), (6, 9), (12, 13)]
    runs = neighbour_runs(sections, lambda before, after: before[1] + 1 == after[0])
    assert [(run[0][0], run[-1][1]) for run in runs] == [(2, 9), (12, 13)]


def test_items_are_read_once_in_order() -> None:
    # (any iterable, read once)
    assert neighbour_runs(iter("aabbbc"), lambda a, b: a == b) == [
        ["a", "a"],
        ["b", "b", "b"],
        ["c"],
    ]
