"""Check that ``mdclean --fix`` leaves no new blank-line problems that rumdl flags.

A fix must not leave what markdownlint and rumdl would flag and the file did not
have before: two blank lines in a row (MD012), a heading without a blank line
around it (MD022), more than one newline at the end (MD047). This script copies
each folder, counts those rules with rumdl per file, runs ``mdclean --fix`` (with
the options given) on the copy and counts again; it lists every file where a
count grew and exits 1 if any did.

    python scripts/check_blank_lines.py ../shared/corpus/dirty ../shared/corpus/dirty2 \\
        --mdclean "mdclean --unsafe-fixes"
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

RULES = ("MD012", "MD022", "MD047")


def rumdl_counts(rumdl: str, folder: Path) -> dict[str, Counter[str]]:
    """Per file (relative to ``folder``), how many times each rule fires."""
    result = subprocess.run(
        [
            rumdl,
            "check",
            "--isolated",
            "-e",
            ",".join(RULES),
            "--output-format",
            "json",
            "--no-exclude",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        sys.exit(f"error: rumdl failed on {folder}: {result.stderr.strip()[:200]}")
    counts: dict[str, Counter[str]] = {}
    for warning in json.loads(result.stdout or "[]"):
        name = str(Path(warning["file"]).resolve().relative_to(folder.resolve()))
        counts.setdefault(name, Counter())[warning["rule"]] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument(
        "--mdclean", default="mdclean --unsafe-fixes", help="the mdclean command (--fix is added)"
    )
    parser.add_argument("--rumdl", default=shutil.which("rumdl") or "rumdl")
    args = parser.parse_args()
    if shutil.which(args.rumdl) is None:
        print(f"error: rumdl not found ({args.rumdl}); pip install rumdl", file=sys.stderr)
        return 2
    grew = 0
    for folder in args.folders:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / folder.name
            shutil.copytree(folder, copy)
            before = rumdl_counts(args.rumdl, copy)
            subprocess.run(
                [*shlex.split(args.mdclean), "--fix", "--no-cache", "--quiet", str(copy)],
                capture_output=True,
                check=False,
            )
            after = rumdl_counts(args.rumdl, copy)
        totals_before = sum(before.values(), Counter())
        totals_after = sum(after.values(), Counter())
        print(
            f"{folder}: "
            + ", ".join(f"{rule} {totals_before[rule]} -> {totals_after[rule]}" for rule in RULES)
        )
        for name in sorted(after):
            for rule in RULES:
                if after[name][rule] > before.get(name, Counter())[rule]:
                    grew += 1
                    print(
                        f"  {name}: {rule} {before.get(name, Counter())[rule]} -> {after[name][rule]}"
                    )
    return 1 if grew else 0


if __name__ == "__main__":
    sys.exit(main())
