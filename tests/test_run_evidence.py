"""Page evidence read once per fix run: a rule that reads the page as a whole (its saver's
marks, its head's menu) reads it as the run's first text held it, whatever fix went first
(``Document.page_fact``), with the fast path asked the same way and the run's end read
again on the output's own evidence (idempotence, the cache)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import mdclean
from mdclean.config import DEFAULT
from mdclean.document import Document
from mdclean.fastpath.triggers import Trigger, literals
from mdclean.matchers import MATCHERS, Matcher
from mdclean.models import Applicability, Edit, Finding

RULE = """\
code: {code}
name: test-{name}
summary: Test rule
explanation: For tests.
fix: {fix}
matcher: {matcher}
examples:
  - bad: "{bad}"
    fixed: "{fixed}"
  - good: "y"
"""


class MarkMatcher(Matcher):
    """A head rule: removes the page's "MARK" line (the evidence), and with it the "zz" at the
    end of a tail line, so its fix overlaps the tail rule's and goes first."""

    name = "test-mark"

    def trigger(self) -> Trigger:
        return literals("mark")

    def find(self, doc: Document) -> Iterator[Finding]:
        mark = re.search(r"^MARK\n\n", doc.text, re.M)
        if mark is None:
            return
        edits = [Edit(mark.start(), mark.end())]
        zz = doc.text.find(" zz")
        if zz >= 0:
            edits.append(Edit(zz, zz + 3))
        yield Finding(mark.start(), mark.end(), edits=tuple(edits))


class TailMatcher(Matcher):
    """A page rule: removes the lines that open with "tail" on a page that holds a "MARK" line,
    as the run's first text held it; its trigger reads this text."""

    name = "test-tail"
    page_evidence = True

    def trigger(self) -> Trigger:
        return literals("mark")

    def find(self, doc: Document) -> Iterator[Finding]:
        if not doc.page_fact("test mark", _marked, lambda first, own: first or own):
            return
        for line in re.finditer(r"^tail[^\n]*\n\n", doc.text, re.M):
            yield Finding(line.start(), line.end(), edits=(Edit(line.start(), line.end()),))


def _marked(doc: Document) -> bool:
    return re.search(r"^MARK$", doc.text, re.M) is not None


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for code, matcher, fix in (
        ("ZE001", MarkMatcher, "safe"),
        ("ZE002", TailMatcher, "safe"),
        ("ZE003", TailMatcher, "unsafe"),
    ):
        monkeypatch.setitem(MATCHERS, matcher.name, matcher)
        bad, fixed = (
            ("MARK\\n\\ntail\\n\\nx\\n", "MARK\\n\\nx\\n")
            if matcher is TailMatcher
            else ("MARK\\n\\nx\\n", "x\\n")
        )
        (tmp_path / f"{code}.yaml").write_text(
            RULE.format(
                code=code, name=code.lower(), matcher=matcher.name, fix=fix, bad=bad, fixed=fixed
            )
        )
    return tmp_path


PAGE = "MARK\n\nThe body.\n\ntail zz\n\nEnd.\n"


def _config(pack: Path, *codes: str, fast: bool = True) -> mdclean.Config:
    return mdclean.Config(rule_packs=(pack,), select=codes, fast_path=fast)


@pytest.mark.parametrize("fast", [True, False])
def test_evidence_an_earlier_fix_removed_is_carried_to_the_next_pass(
    pack: Path, fast: bool
) -> None:
    config = _config(pack, "ZE001", "ZE002", fast=fast)
    result = mdclean.fix(PAGE, config=config)
    assert result.converged
    assert result.text == "The body.\n\nEnd.\n"
    assert sorted(v.code for v in result.fixed) == ["ZE001", "ZE002"]
    # Idempotent: the output's own evidence finds nothing more.
    again = mdclean.fix(result.text, config=config)
    assert again.text == result.text and not again.fixed


def test_check_reports_the_first_pass_as_before(pack: Path) -> None:
    found = mdclean.lint(PAGE, config=_config(pack, "ZE001", "ZE002"))
    assert [v.code for v in found] == ["ZE001", "ZE002"]


def test_what_a_run_reports_at_its_end_is_read_on_the_outputs_own_evidence(pack: Path) -> None:
    # In safe mode the unsafe tail rule's finding stays: the run reports what a check (and a
    # second run) of its output reports, not what the carried evidence found.
    config = _config(pack, "ZE001", "ZE003")
    page = "MARK\n\nThe body.\n\ntail\n\nEnd.\n"
    result = mdclean.fix(page, config=config, unsafe=False)
    assert result.text == "The body.\n\ntail\n\nEnd.\n"
    again = mdclean.fix(result.text, config=config, unsafe=False)
    assert [v.code for v in result.remaining] == [v.code for v in again.remaining] == []
    assert mdclean.lint(result.text, config=config) == []


def test_page_fact_is_read_once_per_text_and_carried_from_the_first() -> None:
    reads: list[str] = []

    def read(doc: Document) -> bool:
        reads.append(doc.text)
        return "mark" in doc.text

    first = Document("mark\n")
    later = Document("other\n", origin=first)
    assert first.page_fact("m", read, bool.__or__) is True
    assert later.page_fact("m", read, bool.__or__) is True
    assert later.page_fact("m", read, bool.__or__) is True
    assert reads == ["mark\n", "other\n"]  # (each text read once)
    assert later.carried == {"m"} and not first.carried
    # Where this text holds the fact itself, nothing is carried.
    same = Document("mark again\n", origin=first)
    assert same.page_fact("m", read, bool.__or__) is True and not same.carried


def test_a_fix_applied_keeps_the_runs_first_document_as_origin(pack: Path) -> None:
    from mdclean import engine

    seen: list[Document] = []
    run = engine._run

    def spy(doc: Document, rules: object) -> list[mdclean.Violation]:
        seen.append(doc)
        return run(doc, rules)  # type: ignore[arg-type]

    config = _config(pack, "ZE001", "ZE002")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(engine, "_run", spy)
    try:
        mdclean.fix(PAGE, config=config)
    finally:
        monkeypatch.undo()
    first = seen[0]
    assert first.origin is None
    assert all(doc.origin in (None, first) for doc in seen)
    assert any(doc.origin is first for doc in seen)


def test_the_unsafe_tail_finding_is_reported_unsafe(pack: Path) -> None:
    found = mdclean.lint("MARK\n\ntail\n\nx\n", config=_config(pack, "ZE003"))
    assert found and found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE


# A saved page: the site's menu above the article (what proves the saving: three menu lines in
# its head) and printed again in its footer, over its copyright line.
_MENU = "".join(
    f"* [{name}](https://dailynews.org/{path})\n"
    for name, path in (
        ("Home", ""),
        ("World", "world/"),
        ("Sports", "sports/"),
        ("Contact", "contact/"),
    )
)
_PROSE = (
    "The council met on Tuesday to discuss the new budget for the coming year, and the members "
    "agreed that the money for the schools and the roads would be raised by a small amount over "
    "the next months. "
) * 4
_BODY = "# The budget passes\n\n" + "\n\n".join(_PROSE.strip() for _ in range(4)) + "\n\n"
_TAIL = "Sections\n\n" + _MENU + "\n© 2024 Daily News\n"


def _finds(code: str, doc: Document) -> list[Finding]:
    rule = next(rule for rule in DEFAULT.rules if rule.code == code)
    return list(rule.matcher.find(doc))


@pytest.mark.parametrize("code", ["BP185", "BP305"])
def test_the_saved_page_gate_is_carried_once_the_heads_menu_is_gone(code: str) -> None:
    first = Document(_MENU + "\n" + _BODY + _TAIL)
    later = _BODY + _TAIL  # (the head's menu fixed away; the footer's past the page's head)
    assert len(_BODY) > 3000
    assert _finds(code, Document(later)) == []
    found = _finds(code, Document(later, origin=first))
    assert found and later[found[0].start :].startswith("* [Home]")


def test_page_tail_reads_the_heads_menu_the_run_began_with() -> None:
    # A skip link keeps the page saved on its own: only the head's menu is carried, and with
    # it the footer's menu "printed again" that makes the tail safe.
    first = Document("[Skip to content](#main)\n\n" + _MENU + "\n" + _BODY + _TAIL)
    later = "[Skip to content](#main)\n\n" + _BODY + _TAIL
    alone = _finds("BP305", Document(later))
    carried = _finds("BP305", Document(later, origin=first))
    assert [f.applicability for f in carried] == [Applicability.SAFE]
    assert [f.applicability for f in alone] != [Applicability.SAFE]
