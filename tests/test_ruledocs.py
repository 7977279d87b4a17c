"""Rule docs come from rules/: --list-rules, --explain, and docs/rules.md kept in step."""
from __future__ import annotations

from pathlib import Path

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
    assert code == 0 and lines[0].split() == ["Code", "Name", "Fix", "Default"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert list(rows) == sorted(RULES)
    assert rows["AD001"] == ["adsense-unit", "safe", "on"]
    assert rows["MC001"] == ["unused-suppression", "safe", "on"]
    assert out == rule_listing(RULES.values())


def test_list_rules_shows_off_by_default_and_report_only_rules() -> None:
    off = [rule for rule in RULES.values() if not rule.enabled]
    report_only = [rule for rule in RULES.values() if rule.fix is None]
    _, out, _ = run("--list-rules")
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    for rule in off:
        assert rows[rule.code][-1] == "off"
    for rule in report_only:
        assert rows[rule.code][1] == "none"


def test_explain_prints_the_explanation_and_every_example() -> None:
    code, out, _ = run("--explain", "mc001")
    rule = RULES["MC001"]
    assert code == 0 and out == explain(rule)
    assert out.startswith("# MC001: unused-suppression\n\nSuppression comment that suppresses nothing.\n\n"
                          "Fix: safe. On by default: yes.\n\n## What it does, and why\n\n")
    assert rule.explanation in out
    for example in rule.examples:
        assert example.text in out
        if example.fixed is not None:
            assert f"After `mdclean --fix`:\n\n```markdown\n{example.fixed}```\n" in out


def test_explain_fences_an_example_that_holds_a_fence_with_a_longer_one() -> None:
    out = explain(RULES["MC001"])
    assert "````markdown\nSilence one line like this:\n\n```markdown\n" in out


def test_explain_unknown_code_is_an_error() -> None:
    assert run("--explain", "ZZ999") == (2, "", "error: --explain: unknown rule code 'ZZ999' "
                                                "(run `mdclean --list-rules` to see the codes)\n")
