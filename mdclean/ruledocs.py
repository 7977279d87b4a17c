"""Rule documentation generated from the catalogue, so docs never drift from ``rules/``."""
from __future__ import annotations

from collections.abc import Iterable

from .catalogue import Rule, builtin_rules

TABLE_START = "<!-- rules-table:start (generated from rules/ by `python -m mdclean.ruledocs`; do not edit) -->"
TABLE_END = "<!-- rules-table:end -->"


def fix_label(rule: Rule) -> str:
    return rule.fix.value if rule.fix is not None else "none"


def rule_table(rules: Iterable[Rule] | None = None) -> str:
    """The Markdown table of rules for the README: code, name, summary, fix, default."""
    rows = ["| Code | Name | What it finds | Fix | On by default |", "|---|---|---|---|---|"]
    for rule in rules if rules is not None else builtin_rules():
        rows.append(f"| {rule.code} | {rule.name} | {rule.summary} | {fix_label(rule)} | "
                    f"{'yes' if rule.enabled else 'no'} |")
    return "\n".join(rows) + "\n"


def update_readme(text: str) -> str:
    """The README text with its rules table regenerated."""
    start = text.index(TABLE_START) + len(TABLE_START)
    end = text.index(TABLE_END)
    return text[:start] + "\n" + rule_table() + text[end:]


if __name__ == "__main__":
    from pathlib import Path

    readme = Path(__file__).resolve().parent.parent / "README.md"
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
