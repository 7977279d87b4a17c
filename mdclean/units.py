"""One violation per unit of junk: what a single fix removes is reported once.

An AdSense unit is a loader ``<script>``, its ``<ins>`` and its ``push`` script; a product
box may hold a tracking pixel. Matchers find the parts, and the fix that removes the
unit removes them all. Reporting each part would make "N fixable" before a fix and
"Fixed N" after it count different things, so parts are folded into their unit here,
after suppression (a suppressed unit leaves its parts to be reported on their own).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import replace

from .document import Document
from .models import Applicability, Edit, Fix, Violation


def one_per_unit(doc: Document, violations: Sequence[Violation]) -> list[Violation]:
    """The violations, sorted, with parts of one unit folded into it.

    Two folds: violations of one rule with the very same fix become one, spanning
    them all; and a violation whose whole span another violation's fix removes is
    dropped, unless that would hide a safe fix behind an unsafe one.
    """
    if len(violations) < 2:
        return list(violations)
    merged = _merge_same_fix(doc, violations)
    return _drop_covered(merged)


def _merge_same_fix(doc: Document, violations: Sequence[Violation]) -> list[Violation]:
    groups: dict[tuple[str, object], list[Violation]] = {}
    alone: list[Violation] = []
    for v in violations:
        if v.fix is None:
            alone.append(v)
        else:
            groups.setdefault((v.code, v.fix), []).append(v)
    result = alone
    for members in groups.values():
        first = members[0]
        if len(members) > 1:
            start, end = min(m.start for m in members), max(m.end for m in members)
            (line, column), (end_line, end_column) = doc.position(start), doc.position(end)
            first = replace(
                first,
                start=start,
                end=end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
            )
        result.append(first)
    result.sort(key=lambda v: (v.start, v.end, v.code))
    return result


def _removes(edit: Edit, v: Violation) -> bool:
    return edit.start <= v.start and v.end <= edit.end and v.start < v.end


def _drop_covered(violations: list[Violation]) -> list[Violation]:
    # Every edit of a fixable violation, by start, with the largest end reached so far:
    # a violation no edit can cover is passed over with one look-up.
    edits = sorted(
        ((e, i) for i, v in enumerate(violations) if v.fix is not None for e in v.fix.edits),
        key=lambda item: item[0].start,
    )
    if not edits:
        return violations
    starts = [e.start for e, _ in edits]
    reach = list(itertools.accumulate((e.end for e, _ in edits), max))
    return [
        v
        for i, v in enumerate(violations)
        if not _covered(violations, i, edits, bisect.bisect_right(starts, v.start) - 1, reach)
    ]


def _covered(
    violations: list[Violation],
    i: int,
    edits: list[tuple[Edit, int]],
    last: int,
    reach: list[int],
) -> bool:
    """Whether another violation's fix removes violation ``i`` and stands for it; ``last``: the
    last edit starting at or before it, ``reach``: the largest end of the edits up to each."""
    v = violations[i]
    while last >= 0 and reach[last] >= v.end:
        edit, owner = edits[last]
        if owner != i and _removes(edit, v) and _outranks(violations, owner, i):
            return True
        last -= 1
    return False


def _outranks(violations: list[Violation], owner: int, part: int) -> bool:
    """Whether ``owner``'s fix stands for ``part``: it must be as safe, and when each removes
    the other (two rules, one block) the first in order stands."""
    outer, inner = violations[owner], violations[part]
    assert outer.fix is not None
    if (
        inner.fix is not None
        and inner.fix.is_safe
        and outer.fix.applicability is not Applicability.SAFE
    ):
        return False  # the safe fix of the part must stay reachable by plain --fix
    mutual = inner.fix is not None and any(_removes(e, outer) for e in inner.fix.edits)
    return not mutual or owner < part


def swept_along(applicable: Sequence[Violation], accepted: Sequence[Fix]) -> list[Violation]:
    """Violations whose own fix waited but whose whole span an applied fix removed: fixed too."""
    taken = {id(f) for f in accepted}
    edits = sorted((e for f in accepted for e in f.edits), key=lambda e: e.start)
    starts = [e.start for e in edits]
    swept = []
    for v in applicable:
        if v.fix is None or id(v.fix) in taken:
            continue
        i = bisect.bisect_right(starts, v.start) - 1
        if i >= 0 and _removes(edits[i], v):
            swept.append(v)
    return swept
