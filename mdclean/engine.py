"""The rule engine: run the rules over a document, and fix until nothing fixable is left."""
from __future__ import annotations

from collections.abc import Iterable

from .catalogue import Rule
from .config import DEFAULT, Config
from .document import Document
from .edits import apply_edits, select_compatible
from .errors import RuleCrash
from .models import Applicability, Finding, Fix, FixResult, Violation

MAX_PASSES = 100
"""ruff's bound: a rule that keeps changing the text is a bug, reported, never looped on."""


def check(doc: Document, rules: Iterable[Rule]) -> list[Violation]:
    """Every violation of the given rules in a document, sorted by position then code."""
    lowered = doc.text.lower()
    violations: list[Violation] = []
    for rule in rules:
        if not rule.matcher.may_match(lowered):
            continue  # the fast path: this rule cannot fire on this text
        try:
            for finding in rule.matcher.find(doc):
                violations.append(_violation(doc, rule, finding))
        except RecursionError as error:
            raise RuleCrash(rule.code, RecursionError("document nested too deeply")) from error
        except Exception as error:  # a rule's bug must not stop the run: report it for this file
            raise RuleCrash(rule.code, error) from error
    violations.sort(key=lambda v: (v.start, v.end, v.code))
    return violations


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
    return check(Document(text, path), config.rules)


def fix(text: str, *, path: str | None = None, config: Config | None = None,
        unsafe: bool | None = None) -> FixResult:
    """Apply fixes pass after pass until none is left; every byte they do not touch stays."""
    config = config or DEFAULT
    unsafe = config.unsafe_fixes if unsafe is None else unsafe
    rules = config.rules
    fixed: list[Violation] = []
    current = text
    for _ in range(MAX_PASSES):
        violations = check(Document(current, path), rules)
        applicable = [v for v in violations if v.fix is not None and
                      (unsafe or v.fix.applicability is Applicability.SAFE)]
        if not applicable:
            return FixResult(current, fixed, violations, converged=True)
        accepted, edits = select_compatible(v.fix for v in applicable if v.fix is not None)
        accepted_ids = {id(f) for f in accepted}
        fixed.extend(v for v in applicable if id(v.fix) in accepted_ids)
        current = apply_edits(current, edits)
    return FixResult(current, fixed, check(Document(current, path), rules), converged=False)
