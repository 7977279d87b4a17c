"""The rule engine: run the rules over a document, and fix until nothing fixable is left."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import suppression
from .catalogue import Rule
from .config import DEFAULT, Config
from .document import Document
from .edits import apply_edits, select_compatible
from .errors import RuleCrash
from .models import Applicability, Finding, Fix, FixResult, Violation
from .matchers.unused_suppression import UnusedSuppressionMatcher
from .prefilter import prefilter_for
from .sections import absorb_emptied_sections
from .units import one_per_unit, swept_along

MAX_PASSES = 100
"""ruff's bound: a rule that keeps changing the text is a bug, reported, never looped on."""


def check(doc: Document, rules: Iterable[Rule]) -> list[Violation]:
    """Every violation of the given rules in a document, sorted by position then code."""
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    return _run(doc, prefilter_for(rules).candidates(doc.text))


def _run(doc: Document, rules: Iterable[Rule]) -> list[Violation]:
    violations: list[Violation] = []
    rules = tuple(rules)
    # What each rule found, for a later rule that leaves others' units alone (AD011 after AD001):
    # the codes that run (the others provably find nothing), then each rule's findings.
    found = doc.shared("findings")
    found[None] = frozenset(rule.code for rule in rules)
    for rule in rules:
        try:
            findings = found[rule.code] = list(rule.matcher.find(doc))
            for finding in findings:
                violations.append(_violation(doc, rule, finding))
        except RecursionError as error:
            raise RuleCrash(rule.code, RecursionError("document nested too deeply")) from error
        except Exception as error:  # a rule's bug must not stop the run: report it for this file
            raise RuleCrash(rule.code, error) from error
    violations.sort(key=lambda v: (v.start, v.end, v.code))
    return one_per_unit(doc, _apply_suppressions(doc, violations, rules))


def _apply_suppressions(doc: Document, violations: list[Violation], rules: Iterable[Rule]) -> list[Violation]:
    """Drop what inline comments suppress; report the comments that suppress nothing, if asked to."""
    found = suppression.directives(doc)
    if not found:
        return violations
    kept = suppression.suppress(found, violations)
    reporter = next((r for r in rules if r.matcher_name == UnusedSuppressionMatcher.name), None)
    if reporter is not None:
        config = doc.config or DEFAULT
        reports = [_violation(doc, reporter, f) for f in suppression.unused(
            doc, found, reporter.code, selected={r.code for r in config.rules},
            known={r.code for r in config.catalogue})]
        kept.extend(suppression.suppress(found, reports, only_code=reporter.code))
        kept.sort(key=lambda v: (v.start, v.end, v.code))
    return kept


def _violation(doc: Document, rule: Rule, finding: Finding) -> Violation:
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    fix = None
    if finding.edits is not None and rule.fix is not None:
        applicability = finding.applicability or rule.fix
        fix = Fix(tuple(finding.edits), applicability)
    return Violation(code=rule.code, name=rule.name, message=finding.message or rule.summary,
                     line=line, column=column, end_line=end_line, end_column=end_column,
                     start=finding.start, end=finding.end, fix=fix, path=doc.path)


def lint(text: str, *, path: str | None = None, config: Config | None = None) -> list[Violation]:
    """The violations in a Markdown text."""
    config = config or DEFAULT
    candidates = prefilter_for(config.rules).candidates(text)
    if not candidates:
        return []  # the fast path: no rule can fire, so the text is never parsed
    return _run(Document(text, path, config), candidates)


def fix(text: str, *, path: str | None = None, config: Config | None = None,
        unsafe: bool | None = None) -> FixResult:
    """Apply fixes pass after pass until none is left; every byte they do not touch stays.

    Each pass is checked as mdformat checks its output: a pass that would lose or
    change code (an indented block that would join a list once what stood between
    them is gone) is redone fix by fix, and the fixes that do the damage are refused:
    they stay reported, as not fixable, and everything else is still fixed.
    """
    config = config or DEFAULT
    unsafe = config.unsafe_fixes if unsafe is None else unsafe
    rules = config.rules
    fixed: list[Violation] = []
    refused: set[tuple[str, str]] = set()
    current = text
    doc = Document(current, path, config)
    for _ in range(MAX_PASSES):
        violations = check(doc, rules)
        applicable = [v for v in violations if v.fix is not None and _key(doc, v) not in refused and
                      (unsafe or v.fix.applicability is Applicability.SAFE)]
        if not applicable:
            return FixResult(current, fixed, _mark_refused(doc, violations, refused), converged=True)
        by_fix = {id(v.fix): v for v in applicable}
        accepted, edits = select_compatible(v.fix for v in applicable if v.fix is not None)
        edits = absorb_emptied_sections(doc, edits)  # a heading left over nothing goes too
        candidate = Document(apply_edits(current, edits), path, config)
        if not _keeps_code(doc, candidate):
            accepted, candidate = _without_code_damage(doc, accepted, by_fix, refused, path)
        fixed.extend(by_fix[id(f)] for f in accepted)
        fixed.extend(swept_along(applicable, accepted))  # a safe part of an unsafe unit, gone with it
        current, doc = candidate.text, candidate
    return FixResult(current, fixed, _mark_refused(doc, check(doc, rules), refused), converged=False)


def _key(doc: Document, violation: Violation) -> tuple[str, str]:
    """What identifies a refused fix from pass to pass, as offsets shift: its code and its text."""
    return violation.code, doc.text[violation.start:violation.end]


def _without_code_damage(doc: Document, accepted: list[Fix], by_fix: dict[int, Violation],
                         refused: set[tuple[str, str]], path: str | None) -> tuple[list[Fix], Document]:
    """Redo a pass one fix at a time, refusing each fix that harms code on its own."""
    kept: list[Fix] = []
    for fix_ in accepted:
        alone = Document(apply_edits(doc.text, fix_.edits), path, doc.config)
        if _keeps_code(doc, alone):
            kept.append(fix_)
        else:
            refused.add(_key(doc, by_fix[id(fix_)]))
    # Fixes harmless alone may still harm together: fall back to the first one.
    while kept:
        _, edits = select_compatible(kept)
        candidate = Document(apply_edits(doc.text, edits), path, doc.config)
        if _keeps_code(doc, candidate):
            return kept, candidate
        kept = kept[:1] if len(kept) > 1 else []
    return [], doc


def _mark_refused(doc: Document, violations: list[Violation], refused: set[tuple[str, str]]) -> list[Violation]:
    if not refused:
        return violations
    return [replace(v, fix=None, message=f"{v.message} (not fixed: removing it would change code)")
            if v.fix is not None and _key(doc, v) in refused else v for v in violations]


def _keeps_code(before: Document, after: Document) -> bool:
    """Whether every code block of ``before`` is still code, text intact, in ``after``.

    Compared as text: two code blocks that met when what stood between them went
    are one block now, and still hold every line they had.
    """
    old = list(_code_blocks(before))
    if not old:
        return True
    kept = "\x00".join(_code_blocks(after))
    return all(code in kept for code in old)


def _code_blocks(doc: Document) -> Iterator[str]:
    for node in doc.nodes():
        if node.is_code and node.token is not None:
            yield node.token.content
