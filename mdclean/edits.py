"""Applying edits: one function, so that every rule's fix keeps untouched bytes verbatim."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence

from .models import Edit, Fix


def overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits clash: they share characters, or they meet end to start.

    Edits that meet clash too: two blocks removed side by side would each keep
    the seam they assumed the other left, so the second waits for the next pass
    and is computed afresh.
    """
    return a != b and a.start <= b.end and b.start <= a.end


def select_compatible(fixes: Iterable[Fix]) -> tuple[list[Fix], list[Edit]]:
    """The fixes that can apply together, first come first served, and their distinct edits.

    A fix whose edits all repeat edits already taken (two violations fixed by removing
    the same block) counts as applied; one that overlaps waits for the next pass. Of two
    overlapping fixes the one starting first is served first, and at the same start the larger:
    a box goes whole rather than one line of it first (after which the box is no longer one).
    One fix's own edits may meet end to start (they were made together: ``apply_edits`` joins
    them); a fix whose own edits share characters is never taken (``self_overlapping``: the
    engine refuses it), so the first fix of a pass is always taken.
    """
    fixes = sorted(fixes, key=_span_order)
    taken: list[Edit] = []
    seen: set[Edit] = set()
    accepted: list[Fix] = []
    # Taken edits never overlap, so sorted by start they are sorted by end too: one neighbour
    # look-up per edit finds any clash (a fix per block on a long page stays linear, not quadratic).
    starts: list[int] = []
    ordered: list[Edit] = []
    for fix in fixes:
        new = [e for e in fix.edits if e not in seen]
        if any(_clashes(e, starts, ordered) for e in new) or self_overlapping(new):
            continue
        accepted.append(fix)
        taken.extend(new)
        seen.update(new)
        for edit in new:
            i = bisect.bisect_right(starts, edit.start)
            starts.insert(i, edit.start)
            ordered.insert(i, edit)
    return accepted, taken


def joined_removals(fixes: Sequence[Fix]) -> dict[int, Fix]:
    """Removals of different fixes that share characters, joined into one (by ``id`` of each
    fix whose removal grew): two readings of a page's tail (a related box, the site's footer)
    that each take part of the same run of junk take it whole, as each read it on this text.
    Read one after the other, the second would be read afresh on what the first leaves and
    often stop short of it. Only fixes of one removal each join; edits that merely meet stay
    apart (``overlaps``: the next pass reads the seam)."""
    removals = sorted(
        (f for f in fixes if len(f.edits) == 1 and _removal(f.edits[0])),
        key=lambda f: (f.edits[0].start, -f.edits[0].end),
    )
    joined: dict[int, Fix] = {}
    group: list[Fix] = []
    end = -1
    for fix in [*removals, None]:
        if fix is not None and group and fix.edits[0].start < end:
            group.append(fix)
            end = max(end, fix.edits[0].end)
            continue
        _join(group, joined)
        group, end = ([fix], fix.edits[0].end) if fix is not None else ([], -1)
    return joined


def _removal(edit: Edit) -> bool:
    return not edit.replacement and not edit.code_caption and edit.start < edit.end


def _join(group: list[Fix], joined: dict[int, Fix]) -> None:
    """Each fix of ``group`` as the removal of the group's whole span, when it grew."""
    if len(group) < 2:
        return
    edit = Edit(min(f.edits[0].start for f in group), max(f.edits[0].end for f in group))
    for fix in group:
        if fix.edits[0] != edit:
            joined[id(fix)] = Fix((edit,), fix.applicability)


def _span_order(fix: Fix) -> tuple[int, int]:
    if not fix.edits:
        return (0, 0)
    return (min(e.start for e in fix.edits), -max(e.end for e in fix.edits))


def _clashes(edit: Edit, starts: list[int], ordered: list[Edit]) -> bool:
    """Whether ``edit`` overlaps a taken edit: only the last one starting at or before its end can."""
    i = bisect.bisect_right(starts, edit.end) - 1
    return i >= 0 and overlaps(edit, ordered[i])


def self_overlapping(edits: Sequence[Edit]) -> bool:
    """Whether two of one fix's edits share characters (``apply_edits`` cannot apply them).
    Edits that meet end to start do not: they apply as one edit would."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(b.start < a.end for a, b in itertools.pairwise(ordered))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; every byte outside them is copied as it was."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    last = 0
    for edit in ordered:
        if edit.start < last:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        parts.append(text[last : edit.start])
        parts.append(edit.replacement)
        last = edit.end
    parts.append(text[last:])
    return "".join(parts)
