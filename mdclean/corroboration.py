"""Two rules that find the same block by different evidence make its removal safe.

An unsafe fix is one mechanism's guess: a link row read as the site's menu by its place on
the page, a list read as related posts by its shape, a block read as the site's template
because other pages repeat it. When a second rule, one that reads the page another way (its
own matcher, not one that extends the others' findings), reports the same block, the two
readings agree on what the block is, and its fix is applied by plain ``--fix``.

"The same block" is strict: each finding covers at least nine tenths of the other, so a rule
that takes a whole run does not vouch for one block inside it, nor a block for the run
around it. The fix that becomes safe is the rule's own, edits and all; the guard still
checks what it leaves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .document import Document
from .matchers.base import Matcher
from .models import Applicability, Fix, Violation
from .vouching import evidence_vouches

SAME_BLOCK = 0.9
"""The share of each finding the other must cover for the two to be one block."""


def corroborated(
    violations: Sequence[Violation],
    readings: Mapping[str, str | None],
    doc: Document | None = None,
) -> list[Violation]:
    """``violations`` (sorted by start), with the unsafe fixes that another rule's finding of the
    same block vouches for made safe. ``readings`` maps each rule code to how it reads a page
    (``reading_of``); a rule without one vouches for nothing. With the ``doc``, the removed
    block's own text may vouch too (``vouching``: captions of chrome families, machinery links)."""
    promoted: set[int] = set()
    for i, violation in enumerate(violations):
        if violation.fix is None or violation.fix.applicability is Applicability.SAFE:
            continue
        if _vouched(violation, violations, i, readings) or (
            doc is not None and evidence_vouches(doc, violation)
        ):
            promoted.add(i)
    if not promoted:
        return list(violations)
    return [
        _made_safe(violation) if i in promoted else violation
        for i, violation in enumerate(violations)
    ]


def reading_of(matcher: Matcher) -> str | None:
    """How a matcher reads a page: its family, the first class under ``Matcher`` it derives from
    (``page-tail`` reads the page as ``article-region`` does, from the same evidence); None for a
    matcher that extends the others' findings, which vouches for nothing of its own."""
    # (a rule pack's matcher runs inside a time limit: the family is the limited matcher's)
    matcher = getattr(matcher, "wrapped", matcher)
    mro = type(matcher).__mro__
    if matcher.extends_findings or Matcher not in mro:
        return None
    family = mro[mro.index(Matcher) - 1]
    return f"{family.__module__}.{family.__qualname__}"


def _vouched(
    violation: Violation,
    violations: Sequence[Violation],
    index: int,
    readings: Mapping[str, str | None],
) -> bool:
    """Whether another reading of the page reports the same block as ``violation``."""
    reading = readings.get(violation.code)
    if reading is None:
        return False
    for other in _near(violations, index):
        other_reading = readings.get(other.code)
        if other_reading is None or other_reading == reading:
            continue
        if _same_block(violation, other):
            return True
    return False


def _near(violations: Sequence[Violation], index: int) -> list[Violation]:
    """The findings that may be the same block as ``violations[index]``, itself excluded. Sorted
    by start: one that starts a whole finding's length before it, or at its end, is not."""
    violation = violations[index]
    length = violation.end - violation.start
    near = []
    for k in range(index - 1, -1, -1):
        if violations[k].start < violation.start - length:
            break
        near.append(violations[k])
    for other in violations[index + 1 :]:
        if other.start >= violation.end:
            break
        near.append(other)
    return near


def _same_block(a: Violation, b: Violation) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return (
        overlap > 0
        and overlap >= SAME_BLOCK * (a.end - a.start)
        and overlap >= SAME_BLOCK * (b.end - b.start)
    )


def _made_safe(violation: Violation) -> Violation:
    assert violation.fix is not None
    return replace(violation, fix=Fix(violation.fix.edits, Applicability.SAFE))
