"""Rule docs come from rules/: --list-rules, --explain, and docs/rules.md kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean.catalogue import builtin_rules
from mdclean.cli import main
from mdclean.ruledocs import explain, rule_listing, rules_page

ROOT = Path(__file__).resolve().parent.parent
RULES = {rule.code: rule for rule in builtin_rules()}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--isolated", *args])
    return result.exit_code, result.stdout, result.stderr


def test_docs_rules_page_matches_the_rules_folder() -> None:
    page = (ROOT / "docs" / "rules.md").read_bytes().decode("utf-8")
    assert page == rules_page(), "run `python -m mdclean.ruledocs` to regenerate docs/rules.md"


def test_list_rules_is_a_table_of_code_name_fix_and_default() -> None:
    code, out, _ = run("--list-rules")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["Code", "Name", "Default", "Fix"]
    rows = {line.split()[0]: line.split(None, 3)[1:] for line in lines[1:]}
    assert list(rows) == sorted(RULES)
    assert rows["AD001"] == ["adsense-unit", "on", "safe"]
    assert rows["MC001"] == ["unused-suppression", "on", "safe"]
    assert rows["AD009"] == [
        "affiliate-block",
        "on",
        "unsafe, safe when ad marker comments bracket the block "
        "or every link is a paid ad click-through",
    ]
    assert out == rule_listing(RULES.values())


def test_list_rules_shows_off_by_default_and_report_only_rules() -> None:
    off = [rule for rule in RULES.values() if not rule.enabled]
    report_only = [rule for rule in RULES.values() if rule.fix is None]
    _, out, _ = run("--list-rules")
    rows = {line.split()[0]: line.split(None, 3)[1:] for line in out.splitlines()[1:]}
    for rule in off:
        assert rows[rule.code][1] == "off"
    for rule in report_only:
        assert rows[rule.code][2] == "none"


def test_explain_prints_the_explanation_and_every_example() -> None:
    code, out, _ = run("--explain", "mc001")
    rule = RULES["MC001"]
    assert code == 0 and out == explain(rule)
    assert out.startswith(
        "# MC001: unused-suppression\n\nSuppression comment that suppresses nothing.\n\n"
        "Fix: safe. On by default: yes.\n\n## What it does, and why\n\n"
    )
    assert rule.explanation in out
    for example in rule.examples:
        assert example.text in out
        if example.fixed is not None:
            assert f"After `mdclean --fix`:\n\n```markdown\n{example.fixed}```\n" in out


def test_explain_fences_an_example_that_holds_a_fence_with_a_longer_one() -> None:
    out = explain(RULES["MC001"])
    assert "````markdown\nSilence one line like this:\n\n```markdown\n" in out


def test_explain_unknown_code_is_an_error() -> None:
    assert run("--explain", "ZZ999") == (
        2,
        "",
        "error: --explain: unknown rule code 'ZZ999' "
        "(run `mdclean --list-rules` to see the codes)\n",
    )


def test_fix_safety_reads_the_same_in_list_rules_readme_and_explain() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _, listing, _ = run("--list-rules")
    for code in ("AD009", "LK002", "LK003", "BP001"):
        rule = RULES[code]
        label = f"{rule.fix.value}, {rule.fix_when}"  # type: ignore[union-attr]
        assert f"| {label} |" in readme
        assert listing.splitlines()[sorted(RULES).index(code) + 1].endswith(label)
        assert f"Fix: {label}. On by default: yes." in run("--explain", code)[1]


def test_explain_names_the_command_each_example_needs() -> None:
    # AD009: a product box is a guess (--unsafe-fixes); one between ad marker comments is certain (--fix).
    out = run("--explain", "AD009")[1]
    assert "After `mdclean --fix --unsafe-fixes`:" in out
    marked = next(
        e
        for e in RULES["AD009"].examples
        if e.fixed is not None and "<!--" in e.text and "ads" in e.text
    )
    assert f"After `mdclean --fix`:\n\n```markdown\n{marked.fixed}```\n" in out
    # LK003 with the very same target everywhere is certain; with fragments only a guess.
    lk003 = run("--explain", "LK003")[1]
    assert "After `mdclean --fix`:" in lk003 and "After `mdclean --fix --unsafe-fixes`:" in lk003


def test_fix_when_must_name_the_other_safety(tmp_path: Path) -> None:
    from mdclean.catalogue import load_rule_file
    from mdclean.errors import RuleFileError

    text = (
        (ROOT / "rules" / "AD009.yaml")
        .read_text(encoding="utf-8")
        .replace("fix-when: safe when", "fix-when: when")
    )
    (tmp_path / "ZZ009.yaml").write_text(
        text.replace("code: AD009", "code: ZZ009"), encoding="utf-8"
    )
    with pytest.raises(RuleFileError) as raised:
        load_rule_file(tmp_path / "ZZ009.yaml")
    assert (
        str(raised.value) == f"{tmp_path / 'ZZ009.yaml'}: fix-when must start with 'safe when ' "
        "for a rule whose fix is unsafe"
    )
