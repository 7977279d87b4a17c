"""The README is part of the product: its rule table and commands must stay true."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mdclean.ruledocs import update_readme

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_rule_table_matches_rules_folder() -> None:
    assert update_readme(README) == README, (
        "run `python -m mdclean.ruledocs` to regenerate the table"
    )


def test_ci_runs_the_readme_test_command() -> None:
    command = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "readme_command.py"), "test"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert "pip install -e '.[test]'" in command and "pytest" in command
    assert "readme_command.py test" in (ROOT / ".ci" / "run").read_text()


def test_quickstart_example_is_shipped() -> None:
    command = subprocess.run(
        [sys.executable, str(ROOT / ".ci" / "readme_command.py"), "quickstart"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert command.endswith("mdclean examples/")
    assert list((ROOT / "examples").glob("*.md"))
