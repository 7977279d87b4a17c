"""Rule documentation generated from the catalogue, so docs never drift from ``rules/``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .catalogue import Example, Rule, builtin_rules, builtin_rules_dir
from .models import Applicability

TABLE_START = "<!-- rules-table:start (generated from rules/ by `python -m mdclean.ruledocs`; do not edit) -->"
TABLE_END = "<!-- rules-table:end -->"


def fix_label(rule: Rule) -> str:
    """``safe``, ``unsafe`` or ``none``; with the cases that fix the other way: ``unsafe, safe when ...``."""
    label = rule.fix.value if rule.fix is not None else "none"
    return f"{label}, {rule.fix_when}" if rule.fix_when else label


def rule_table(rules: Iterable[Rule] | None = None) -> str:
    """The Markdown table of rules for the README: code, name, summary, fix, default."""
    rows = ["| Code | Name | What it finds | Fix | On by default |", "|---|---|---|---|---|"]
    for rule in rules if rules is not None else builtin_rules():
        rows.append(
            f"| {rule.code} | {rule.name} | {rule.summary} | {fix_label(rule)} | "
            f"{'yes' if rule.enabled else 'no'} |"
        )
    return "\n".join(rows) + "\n"


def update_readme(text: str) -> str:
    """The README text with its rules table regenerated."""
    start = text.index(TABLE_START) + len(TABLE_START)
    end = text.index(TABLE_END)
    return text[:start] + "\n" + rule_table() + text[end:]


def rule_listing(rules: Iterable[Rule]) -> str:
    """``mdclean --list-rules``: a plain table of code, name, default state and fix safety."""
    rows = [("Code", "Name", "Default", "Fix")]  # the fix last: "unsafe, safe when ..." runs long
    rows += [(r.code, r.name, "on" if r.enabled else "off", fix_label(r)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "".join(
        f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}".rstrip()
        + "\n"
        for row in rows
    )


def explain(rule: Rule, *, level: int = 1) -> str:
    """``mdclean --explain CODE`` and docs/rules.md: the rule's explanation and its examples."""
    heading = "#" * level
    parts = [
        f"{heading} {rule.code}: {rule.name}\n",
        f"{rule.summary}.\n",
        f"Fix: {fix_label(rule)}. On by default: {'yes' if rule.enabled else 'no'}.\n",
        *_scope_note(rule),
        f"{heading}# What it does, and why\n",
        rule.explanation + "\n",
    ]
    for example in rule.examples:
        title = "Left alone" if example.good else "Reported"
        parts.append(f"{heading}# {title}" + (f": {example.note}" if example.note else "") + "\n")
        parts.append(_fenced(example.text))
        if example.fixed is not None:
            parts.append(f"After `{fixed_by(rule, example)}`:\n")
            parts.append(_fenced(example.fixed))
    return "\n".join(parts)


def _scope_note(rule: Rule) -> list[str]:
    """The pages the rule leaves alone by their front matter keys (``skip-front-matter-keys``)."""
    if not rule.skip_front_matter_keys:
        return []
    lists = ", ".join(f"`rules/phrases/{name}.yaml`" for name in rule.skip_front_matter_keys)
    return [f"Not run on a page whose front matter holds a key of {lists}.\n"]


def fixed_by(rule: Rule, example: Example) -> str:
    """The command that turns a bad example into its fixed text: plain --fix, or only with --unsafe-fixes."""
    if rule.fix is None or example.fixed is None:
        return ""
    if rule.fix is Applicability.SAFE and not rule.fix_when:
        return "mdclean --fix"
    from .config import Config
    from .engine import fix  # here: --list-rules never loads the parser

    safe = fix(
        example.text, config=Config(select=(rule.code,), rule_packs=_pack_of(rule)), unsafe=False
    )
    return "mdclean --fix" if safe.text == example.fixed else "mdclean --fix --unsafe-fixes"


def _pack_of(rule: Rule) -> tuple[Path, ...]:
    """A rule pack's rule is not built in: select it from its own file."""
    return () if rule.source.parent == builtin_rules_dir() else (rule.source,)


def _fenced(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return (
        f"{fence}markdown\n{text}{'' if text.endswith(chr(10)) or not text else chr(10)}{fence}\n"
    )


def rules_page(rules: Iterable[Rule] | None = None) -> str:
    """docs/rules.md: every rule's explanation and examples, generated from ``rules/``."""
    rules = list(rules if rules is not None else builtin_rules())
    parts = [
        f"# Rules\n\n<!-- generated from rules/ by `python -m mdclean.ruledocs`; do not edit -->\n\n"
        f"{rule_table(rules)}"
    ]
    parts += [explain(rule, level=2) for rule in rules]
    return "\n".join(parts)


def main() -> None:
    """Regenerate the README's rules table and docs/rules.md."""
    root = Path(__file__).resolve().parent.parent
    readme = root / "README.md"
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    # Bytes: an example may hold a CR that text mode would translate.
    (root / "docs" / "rules.md").write_bytes(rules_page().encode("utf-8"))


if __name__ == "__main__":
    main()
