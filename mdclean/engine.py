"""The rule engine: run the rules over a document, and fix until nothing fixable is left."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from . import suppression
from .catalogue import Rule
from .config import DEFAULT, Config
from .corroboration import corroborated, reading_of
from .document import Document
from .edits import apply_edits, joined_removals, select_compatible, self_overlapping
from .errors import RuleCrash
from .fastpath.body import body_of
from .matchers.fix_safety import junk_endpoint
from .models import Applicability, Edit, Finding, Fix, FixResult, Violation
from .prefilter import fast_path_wanted, prefilter_for
from .removal import seam_variants, with_orphaned_definitions
from .rule_gates import in_reach, with_extending
from .rule_scope import rules_in_scope
from .sections import absorb_emptied_sections
from .units import one_per_unit, swept_along
from .vouching import page_parts

MAX_PASSES = 100
"""ruff's bound: a rule that keeps changing the text is a bug, reported, never looped on."""


def check(doc: Document, rules: Iterable[Rule]) -> list[Violation]:
    """Every violation of the given rules in a document, sorted by position then code."""
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    return one_per_unit(doc, _vouched(doc, _unfolded(doc, rules), rules))


def _vouched(doc: Document, violations: list[Violation], rules: Iterable[Rule]) -> list[Violation]:
    """The violations, with the unsafe fixes another reading of the page vouches for made safe
    (``corroboration``)."""
    return corroborated(violations, {rule.code: reading_of(rule.matcher) for rule in rules}, doc)


def _unfolded(doc: Document, rules: Iterable[Rule]) -> list[Violation]:
    """The violations before parts of one unit are folded into it (``one_per_unit``)."""
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    fast = doc.config.fast_path if doc.config is not None else fast_path_wanted()
    return _run(doc, _candidates(rules, doc, fast=fast))


def _candidates(rules: Sequence[Rule], doc: Document, *, fast: bool) -> tuple[Rule, ...]:
    """The rules that may fire on the document (all of them without the fast path). The gates
    come first: a built-in rule the text cannot reach is never built."""
    if not fast:
        return rules_in_scope(doc, prefilter_for(rules, fast_path=fast).candidates_for(doc))
    reached = in_reach(rules, doc.text, body_of(doc))
    candidates = prefilter_for(reached, fast_path=fast).candidates_for(doc)
    candidates = with_extending(rules, reached, candidates)
    if doc.origin is not None:
        candidates = _with_evidence_readers(rules, candidates)
    return rules_in_scope(doc, candidates)


def _with_evidence_readers(rules: Sequence[Rule], candidates: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """On a later pass of a fix run, ``candidates`` with the rules that read the page's evidence
    (``page_evidence``: ``Document.page_fact`` carries it from the run's first text): their
    triggers read this text, whose evidence an earlier pass may have removed, so they run as
    the fast path off runs them; and with them the rules that extend the others' findings,
    which run wherever another rule reads the body (``Prefilter._chosen``)."""
    readers = _evidence_readers(rules)
    chosen = {id(rule) for rule in candidates}
    if not readers or chosen.issuperset(id(rule) for rule in readers):
        return candidates
    chosen.update(id(rule) for rule in readers)
    chosen.update(id(rule) for rule in rules if _matcher_class_says(rule, "extends_findings"))
    return tuple(rule for rule in rules if id(rule) in chosen)


_READERS: dict[int, tuple[Sequence[Rule], tuple[Rule, ...]]] = {}


def _evidence_readers(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    """The rules whose matcher reads the page's evidence, once per rule set (read from the
    matcher's class: no matcher is built to know it)."""
    entry = _READERS.get(id(rules))
    if entry is None or entry[0] is not rules:
        if len(_READERS) > 64:
            _READERS.clear()  # (rule sets made on the fly: tests, the library)
        readers = tuple(rule for rule in rules if _matcher_class_says(rule, "page_evidence"))
        entry = _READERS[id(rules)] = (rules, readers)
    return entry[1]


def _matcher_class_says(rule: Rule, flag: str) -> bool:
    """A class-level flag of the rule's matcher (a built one's own: a rule pack's wrapper
    answers for the matcher it wraps)."""
    if rule.matcher_built:
        matcher = getattr(rule.matcher, "wrapped", rule.matcher)
        return bool(getattr(matcher, flag, False))
    from .matchers import matcher_class  # (here: the registry imports the matchers' modules)

    made = matcher_class(rule.matcher_name)
    return made is not None and bool(getattr(made, flag, False))


def _run(doc: Document, rules: Iterable[Rule]) -> list[Violation]:
    violations: list[Violation] = []
    # A rule that extends the others' findings (``extends_findings``) runs after them all.
    rules = tuple(sorted(rules, key=lambda rule: rule.matcher.extends_findings))
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
    return _apply_suppressions(doc, violations, rules)


def finds_any(text: str, *, config: Config) -> bool:
    """Whether ``lint(text, config=config)`` reports anything, known at the first rule that finds
    something (TPL001's learning asks it of every template block, with every rule): the rules
    run as ``lint`` runs them, in the same order, up to that one."""
    doc = Document(text, None, config)
    candidates = _candidates(config.rules, doc, fast=config.fast_path)
    if not candidates:
        return False
    if suppression.directives(doc):  # a comment may suppress what is found: all of lint decides
        return bool(one_per_unit(doc, _run(doc, candidates)))
    return _first_finding(doc, candidates)


def _first_finding(doc: Document, rules: Sequence[Rule]) -> bool:
    """Whether one of the rules finds something (``_run`` up to its first finding: a rule that
    reads the others' findings sees theirs, all empty, as it would in ``_run``)."""
    found = doc.shared("findings")
    found[None] = frozenset(rule.code for rule in rules)
    for rule in sorted(rules, key=lambda rule: rule.matcher.extends_findings):
        try:
            findings = found[rule.code] = list(rule.matcher.find(doc))
        except RecursionError as error:
            raise RuleCrash(rule.code, RecursionError("document nested too deeply")) from error
        except Exception as error:  # as in ``_run``
            raise RuleCrash(rule.code, error) from error
        if findings:
            return True
    return False


def _apply_suppressions(
    doc: Document, violations: list[Violation], rules: Iterable[Rule]
) -> list[Violation]:
    """Drop what inline comments suppress; report the comments that suppress nothing, if asked to."""
    found = suppression.directives(doc)
    if not found:
        return violations
    kept = suppression.suppress(found, violations)
    from .matchers.unused_suppression import UnusedSuppressionMatcher  # here: few pages suppress

    reporter = next((r for r in rules if r.matcher_name == UnusedSuppressionMatcher.name), None)
    if reporter is not None:
        config = doc.config or DEFAULT
        reports = [
            _violation(doc, reporter, f)
            for f in suppression.unused(
                doc,
                found,
                reporter.code,
                selected={r.code for r in config.rules},
                known={r.code for r in config.catalogue},
            )
        ]
        kept.extend(suppression.suppress(found, reports, only_code=reporter.code))
        kept.sort(key=lambda v: (v.start, v.end, v.code))
    return kept


def _violation(doc: Document, rule: Rule, finding: Finding) -> Violation:
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    fix = None
    if finding.edits is not None and rule.fix is not None:
        applicability = finding.applicability or rule.fix
        # Without "]:" no definition can be orphaned (``with_orphaned_definitions`` returns the
        # edits): the text is searched once per document, not once per finding.
        edits = (
            with_orphaned_definitions(doc, finding.edits, junk_endpoint)
            if doc.may_define_links
            else tuple(finding.edits)
        )
        fix = Fix(edits, applicability)
    return Violation(
        code=rule.code,
        name=rule.name,
        message=finding.message or rule.summary,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=finding.start,
        end=finding.end,
        fix=fix,
        path=doc.path,
    )


def lint(text: str, *, path: str | None = None, config: Config | None = None) -> list[Violation]:
    """The violations in a Markdown text."""
    config = config or DEFAULT
    doc = Document(text, path, config)  # (parsed only when a rule runs)
    candidates = _candidates(config.rules, doc, fast=config.fast_path)
    if not candidates:
        return []  # the fast path: no rule can fire, so the text is never parsed
    return one_per_unit(doc, _vouched(doc, _run(doc, candidates), candidates))


def fix(
    text: str, *, path: str | None = None, config: Config | None = None, unsafe: bool | None = None
) -> FixResult:
    """Apply fixes pass after pass until none is left; every byte they do not touch stays.

    Each pass is checked as mdformat checks its output (see :mod:`mdclean.guard`): what
    the pass does not remove must render as it did. A pass that fails is redone fix by
    fix; a fix that fails alone is tried with the other seams the removal could have
    (:func:`mdclean.removal.seam_variants`), and when none keeps the rendering it is
    refused: it stays reported, as not fixable, with the reason, and everything else is
    still fixed. A refused fix is tried again once a pass has changed the text around it.

    The fixes that are safe because another reading of the page vouches for them
    (:mod:`mdclean.corroboration`) wait until the rules' own safe fixes are all done: a
    vouched block must not take a place, or a page's evidence, that a larger safe fix needs.
    """
    config = config or DEFAULT
    unsafe = config.unsafe_fixes if unsafe is None else unsafe
    rules = config.rules
    fixed: list[Violation] = []
    refused: dict[tuple[str, str, int], str] = {}
    current = text
    doc = Document(current, path, config)
    vouching = False
    for _ in range(MAX_PASSES):
        unfolded = _unfolded(doc, rules)
        vouched = _vouched(doc, unfolded, rules)
        violations = one_per_unit(doc, vouched)
        # Folded among the fixes this pass may apply: a finding inside a refused (or unsafe)
        # one is fixed on its own, not hidden behind a fix that will never be applied.
        applicable = one_per_unit(
            doc,
            _applicable(
                doc,
                _with_parts(doc, vouched, unsafe) if vouching else unfolded,
                refused,
                unsafe=unsafe,
            ),
        )
        if not applicable and not vouching:
            vouching = True  # (the rules' own safe fixes are done: now the vouched ones)
            applicable = one_per_unit(
                doc, _applicable(doc, _with_parts(doc, vouched, unsafe), refused, unsafe=unsafe)
            )
        if not applicable and doc.carried:
            # Nothing left to fix on the evidence carried from the run's first text: the page is
            # read again on its own, as a run from this text would read it (what it reports, and
            # what it still fixes, are then what that run would: idempotence, and the cache).
            doc, vouching, refused = Document(current, path, config), False, {}
            continue
        if not applicable:
            return FixResult(
                current, fixed, _mark_refused(doc, violations, refused), converged=True
            )
        accepted, candidate, newly_refused = _progress(doc, *_guarded_pass(doc, applicable))
        if not accepted and not newly_refused:
            # Nothing changed and nothing refused: the next pass would be this one again, to the
            # last. What was not applied is refused now, and the run ends here.
            newly_refused = {_key(doc, v): _NO_PROGRESS for v in applicable}
        refused.update(newly_refused)
        if accepted:
            fixed.extend(_fixed_by(accepted, applicable))
            current, doc = candidate.text, candidate
            # What was refused may fit now that its surroundings changed: one run does what two would.
            refused = {}
    return FixResult(
        current, fixed, _mark_refused(doc, check(doc, rules), refused), converged=False
    )


def _with_parts(doc: Document, vouched: list[Violation], unsafe: bool) -> list[Violation]:
    """The vouched violations, and for plain ``--fix`` the parts of the unsafe ones whose own
    lines vouch for them (``vouching.page_parts``: safe fixes of their own; the unsafe
    finding stays, and a report never shows the parts)."""
    parts = [] if unsafe else page_parts(doc, vouched)
    if not parts:
        return vouched
    return sorted([*vouched, *parts], key=lambda v: (v.start, v.end, v.code))


def _applicable(
    doc: Document,
    violations: list[Violation],
    refused: dict[tuple[str, str, int], str],
    *,
    unsafe: bool,
) -> list[Violation]:
    """The violations this pass may fix: with a fix of an allowed safety, not refused before."""
    return [
        v
        for v in violations
        if v.fix is not None
        and (unsafe or v.fix.applicability is Applicability.SAFE)
        and _key(doc, v) not in refused
    ]


def _fixed_by(accepted: list[Violation], applicable: list[Violation]) -> list[Violation]:
    """What a pass fixed: the violations accepted, and those their edits swept along (a safe part
    of an unsafe unit, gone with it)."""
    done = {id(v) for v in accepted}
    return accepted + swept_along(
        [v for v in applicable if id(v) not in done],
        [v.fix for v in accepted if v.fix is not None],
    )


def _key(doc: Document, violation: Violation) -> tuple[str, str, int]:
    """What identifies a refused fix from pass to pass, as offsets shift: its code, its text, and
    which of the violations with that code and text it is (an ad repeated word for word may be
    refused in one place and fine in another)."""
    text = doc.text[violation.start : violation.end]
    return (
        violation.code,
        text,
        doc.text.count(text, 0, violation.start) if text else violation.start,
    )


_NO_PROGRESS = "its edits change nothing"
_OWN_EDITS_OVERLAP = "its edits overlap each other"


def _progress(
    doc: Document,
    accepted: list[Violation],
    candidate: Document,
    refused: dict[tuple[str, str, int], str],
) -> tuple[list[Violation], Document, dict[tuple[str, str, int], str]]:
    """A pass's outcome, with nothing accepted when the fixes it accepted leave the text as it
    was (edits that put back what they take): a pass that changes nothing is no pass."""
    if accepted and candidate.text == doc.text:
        return [], doc, refused
    return accepted, candidate, refused


def _guarded_pass(
    doc: Document, applicable: list[Violation]
) -> tuple[list[Violation], Document, dict[tuple[str, str, int], str]]:
    """The violations one pass fixes, the text it leaves, and the fixes refused with the reason."""
    # A fix whose own edits share characters can never apply (a rule's bug): refused, not
    # waited for pass after pass.
    broken = {
        _key(doc, v): _OWN_EDITS_OVERLAP
        for v in applicable
        if v.fix is not None and self_overlapping(v.fix.edits)
    }
    if broken:
        applicable = [v for v in applicable if _key(doc, v) not in broken]
    accepted, candidate, refused = _joined_pass(doc, applicable)
    return accepted, candidate, {**broken, **refused}


def _joined_pass(
    doc: Document, applicable: list[Violation]
) -> tuple[list[Violation], Document, dict[tuple[str, str, int], str]]:
    """``_checked_pass`` with the removals that share characters joined (``joined_removals``);
    when a joined removal is refused, the pass as the fixes were."""
    joined = _fitting(doc, joined_removals([v.fix for v in applicable if v.fix is not None]))
    if not joined:
        return _checked_pass(doc, applicable)
    grown, original = _grown(applicable, joined)
    accepted, candidate, refused = _checked_pass(doc, grown)
    if any(_key(doc, v) in refused for v in applicable if id(v.fix) in joined):
        return _checked_pass(doc, applicable)
    return [original[id(v)] for v in accepted], candidate, refused


def _fitting(doc: Document, joined: dict[int, Fix]) -> dict[int, Fix]:
    """The joined removals that keep the rendering alone (with the first seam that does) and
    leave every heading a section under it: a run whose joined removal fits no seam, or would
    take a heading neither reading took, is left to its fixes as they were."""
    fitted: dict[Edit, Fix | str] = {}
    for fix_ in joined.values():
        if fix_.edits[0] not in fitted:
            fit = _first_fitting_seam(doc, fix_)
            # (nor a heading whose section it empties: neither reading took that heading)
            emptying = isinstance(fit, Fix) and absorb_emptied_sections(
                doc, list(fit.edits)
            ) != list(fit.edits)
            fitted[fix_.edits[0]] = "it would empty a section" if emptying else fit
    result: dict[int, Fix] = {}
    for key, fix_ in joined.items():
        fit = fitted[fix_.edits[0]]
        if isinstance(fit, Fix):
            result[key] = Fix(fit.edits, fix_.applicability)
    return result


def _grown(
    applicable: list[Violation], joined: dict[int, Fix]
) -> tuple[list[Violation], dict[int, Violation]]:
    """The violations with their joined removals, and each one's violation as it was (by ``id``)."""
    original: dict[int, Violation] = {}
    grown: list[Violation] = []
    for v in applicable:
        fix_ = joined.get(id(v.fix))
        g = v if fix_ is None else replace(v, fix=fix_)
        original[id(g)] = v
        grown.append(g)
    return grown, original


def _checked_pass(
    doc: Document, applicable: list[Violation]
) -> tuple[list[Violation], Document, dict[tuple[str, str, int], str]]:
    """``_guarded_pass`` over fixes each of which can apply alone."""
    by_fix = {id(v.fix): v for v in applicable}
    accepted, edits = select_compatible(v.fix for v in applicable if v.fix is not None)
    candidate, reason = _applied(doc, edits)
    if reason is None:
        return [by_fix[id(f)] for f in accepted], candidate, {}
    # Redo the pass one fix at a time, each with the first seam that keeps the rendering.
    refused: dict[tuple[str, str, int], str] = {}
    kept: list[tuple[Violation, Fix]] = []
    for fix_ in accepted:
        violation = by_fix[id(fix_)]
        fitting = _first_fitting_seam(doc, fix_)
        if isinstance(fitting, Fix):
            kept.append((violation, fitting))
        else:
            refused[_key(doc, violation)] = fitting
    accepted_now, candidate = _together(doc, kept)
    return accepted_now, candidate, refused


def _first_fitting_seam(doc: Document, fix_: Fix) -> Fix | str:
    """The fix with the first seam that keeps the rendering alone; else why none does."""
    first_reason = None
    variants = [v for v in (fix_.edits, *seam_variants(doc, fix_.edits)) if not self_overlapping(v)]
    # (a seam grown into the fix's next edit: no way to apply it)
    for page_spacing in (False, True):  # blank lines kept first; else the page's own spacing
        for variant in variants:
            _, reason = _applied(doc, list(variant), page_spacing=page_spacing)
            if reason is None:
                return Fix(tuple(variant), fix_.applicability)
            first_reason = first_reason or reason
    return first_reason or "it would change what is around it"


def _together(doc: Document, kept: list[tuple[Violation, Fix]]) -> tuple[list[Violation], Document]:
    """Fixes that keep the rendering alone may still change it together: the compatible ones
    applied at once, else the first one alone (none: the document unchanged)."""
    while kept:
        chosen, edits = select_compatible(f for _, f in kept)
        candidate, reason = _applied(doc, edits, page_spacing=True)
        if reason is None:
            ids = {id(f) for f in chosen}
            return [v for v, f in kept if id(f) in ids], candidate
        kept = kept[:1] if len(kept) > 1 else []
    return [], doc


def _applied(
    doc: Document, edits: list[Edit], *, page_spacing: bool = False
) -> tuple[Document, str | None]:
    """The document with a pass's edits applied (a heading left over nothing goes too), and why it
    renders what the edits leave differently (None: it does not)."""
    edits = absorb_emptied_sections(doc, edits)
    # (the page's evidence is carried from the run's first text: ``Document.page_fact``)
    after = Document(apply_edits(doc.text, edits), doc.path, doc.config, origin=doc.origin or doc)
    from . import guard  # here: a check-only run never fixes

    return after, guard.check(doc, after, edits, page_spacing=page_spacing)


def _mark_refused(
    doc: Document, violations: list[Violation], refused: dict[tuple[str, str, int], str]
) -> list[Violation]:
    if not refused:
        return violations
    return [
        replace(v, fix=None, message=f"{v.message} (not fixed: {refused[_key(doc, v)]})")
        if v.fix is not None and _key(doc, v) in refused
        else v
        for v in violations
    ]
