"""Judge ``mdclean --fix`` on a labelled set of pages: how much junk goes, what article is lost.

    python scripts/judge_labelled.py SETDIR [--cmd mdclean] [--safe] [--per-page] [--by-kind] [--misses]

SETDIR holds the pages (any depth) and ``LABELS.tsv``: rows ``file<TAB>junk|article|lookalike
<TAB>snippet<TAB>kind`` (kind: ad, share, related, nav, byline, comments, newsletter, promo,
footer, other...), no header, ``#`` comments, ``\\n`` for a line break inside a snippet.
Snippets match after whitespace runs fold to one space. A page with no junk row is a
look-alike: it must not change. The fix runs on a copy (``--unsafe-fixes`` unless ``--safe``).

A junk row counts as removed when its snippet no longer occurs in the fixed page; an article
row counts as lost when its snippet no longer occurs. ``bench/labelled/`` holds the sets'
labels and where their pages come from (the pages are other sites' text, not kept here).
"""

from __future__ import annotations

import argparse
import collections
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Label:
    file: str
    kind: str
    snippet: str
    note: str


def fold(text: str) -> str:
    return " ".join(text.split())


def read_labels(path: Path) -> list[Label]:
    labels = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[1] not in ("junk", "article", "lookalike"):
            sys.exit(
                f"{path}:{number}: not a label row (file, junk|article|lookalike, snippet, kind)"
            )
        snippet = fold(parts[2].replace("\\t", "\t").replace("\\n", "\n"))
        labels.append(Label(parts[0], parts[1], snippet, parts[3] if len(parts) > 3 else parts[1]))
    return labels


def fixed_copy(folder: Path, cmd: str, safe: bool, into: Path) -> None:
    shutil.copytree(folder, into, ignore=shutil.ignore_patterns("*.tsv", "*.py"))
    args = [*shlex.split(cmd), "--fix", "--no-cache", "--exit-zero", "-q"]
    run = subprocess.run([*args, *([] if safe else ["--unsafe-fixes"]), str(into)], check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"{cmd} failed on {folder} (exit {run.returncode})")


def read_folded(path: Path) -> str:
    return fold(path.read_text(encoding="utf-8-sig", errors="replace")) if path.exists() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set", type=Path)
    parser.add_argument("--cmd", default="mdclean")
    parser.add_argument("--safe", action="store_true", help="plain --fix (no --unsafe-fixes)")
    parser.add_argument("--per-page", action="store_true")
    parser.add_argument("--by-kind", action="store_true")
    parser.add_argument("--misses", action="store_true", help="print the junk rows left")
    args = parser.parse_args()
    labels = read_labels(args.set / "LABELS.tsv")
    with tempfile.TemporaryDirectory(prefix="judge-") as tmp:
        work = Path(tmp) / "set"
        fixed_copy(args.set, args.cmd, args.safe, work)
        files = sorted({label.file for label in labels})
        missing = [f for f in files if not (args.set / f).exists()]
        if missing:
            sys.exit(f"LABELS.tsv names pages not in {args.set}: {', '.join(missing[:5])}")
        before = {f: read_folded(args.set / f) for f in files}
        after = {f: read_folded(work / f) for f in files}
    report(args, labels, before, after)


def report(
    args: argparse.Namespace, labels: list[Label], before: dict[str, str], after: dict[str, str]
) -> None:
    junk: collections.Counter[str] = collections.Counter()
    gone: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    kinds_gone: collections.Counter[str] = collections.Counter()
    lost, misses, unfound = [], [], 0
    for label in labels:
        if label.kind == "lookalike":
            continue
        if label.snippet not in before[label.file]:
            print(
                f"warning: not in its page: {label.file}: {label.snippet[:70]!r}", file=sys.stderr
            )
            unfound += 1
            continue
        kept = label.snippet in after[label.file]
        if label.kind == "junk":
            junk[label.file] += 1
            kinds[label.note] += 1
            if kept:
                misses.append(f"{label.file}\t{label.note}\t{label.snippet[:100]}")
            else:
                gone[label.file] += 1
                kinds_gone[label.note] += 1
        elif not kept:
            lost.append(f"{label.file}: {label.snippet[:90]!r}")
    lookalikes = [f for f in before if f not in junk]
    changed = [f for f in lookalikes if before[f] != after[f]]
    total, removed = sum(junk.values()), sum(gone.values())
    mode = "safe" if args.safe else "unsafe"
    print(
        f"{args.set.name} [{mode}]: junk removed {removed}/{total} "
        f"({100 * removed / max(total, 1):.1f}%), article lost {len(lost)}, "
        f"look-alikes changed {len(changed)}/{len(lookalikes)}"
        + (f", {unfound} labels not found" if unfound else "")
    )
    for line in lost:
        print("  LOST", line)
    for page in changed:
        print("  LOOK-ALIKE CHANGED", page)
    if args.per_page:
        for page in sorted(junk):
            print(f"  {gone[page]:3d}/{junk[page]:<3d} {page}")
    if args.by_kind:
        for kind in sorted(kinds):
            print(f"  kind {kind:12s} {kinds_gone[kind]}/{kinds[kind]}")
    if args.misses:
        for line in misses:
            print("  MISS", line)


if __name__ == "__main__":
    main()
