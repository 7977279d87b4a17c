"""Neighbouring blocks as one run: the one reading of "these removals touch".

Two removals that meet would overlap at their seams (each takes the blank lines between them),
and a later pass would no longer see the evidence the first one removed; so a matcher that
finds several neighbouring blocks removes each run of them at once. What "neighbouring" means
is the caller's: sibling nodes, consecutive block indices, sections that meet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def neighbour_runs(items: Iterable[T], follows: Callable[[T, T], bool]) -> list[list[T]]:
    """``items`` (in document order) as runs: an item joins the run before it when it
    ``follows`` that run's last item, else it opens a run of its own."""
    runs: list[list[T]] = []
    for item in items:
        if runs and follows(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs
