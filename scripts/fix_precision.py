"""How precise each rule's fix is, per safety: what it takes from labelled pages and corpora.

    python scripts/fix_precision.py [--labelled PAGES LABELS.tsv]... [--corpus NAME DIR]...
                                    [--codes CODE,...] [--json OUT]

One ``mdclean --unsafe-fixes --output-format json`` run (check mode: the first pass's findings)
per folder; then, for labelled pages, the later passes of an unsafe fix run, one at a time
(a block a fix takes once what hid it went: "(pass 2)"). A finding's fix removes the characters of its edits; for labelled pages (either the
held-out judges' ``file, kind, what, needles`` rows under a header line, needles split by
`` ||| ``, or a dev set's ``LABELS.tsv`` as ``/work/notes/tools/judge.py`` reads it: ``file, kind,
snippet, note`` rows, no header, ``#`` comments, ``\\n`` for a line break in a snippet):

- a junk block counts as taken by a rule when every character of its needles is inside that
  rule's removals;
- an article block counts as taken by a rule when any of its needles loses a character to it;
- a look-alike page (one without junk labels) counts as changed by each rule with a fix there.

For corpora without labels (clean pages, scraped pages) it counts the findings. The table
splits each rule by the safety its findings carry (a rule's ``fix-when`` decides per finding),
so "unsafe junk 12, article 0, clean 0" names a fix that could earn ``safe``.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

MDCLEAN = os.path.join(os.path.dirname(sys.executable), "mdclean")


@dataclass
class Label:
    file: str
    kind: str
    what: str
    needles: list[str]


@dataclass
class Tally:
    junk: int = 0
    article: int = 0
    lookalike_pages: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)


GAPS: list[str] = []
"""Junk blocks unsafe fixes take and safe fixes leave, with the rules that take them."""


def read_labels(path: str) -> list[Label]:
    """The rows of a labels file, in either of the two layouts the docstring names."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if lines and lines[0].startswith("file\t"):
        return [label for line in lines[1:] if (label := _heldout_row(line))]
    return [label for line in lines if (label := _dev_row(line))]


def _heldout_row(line: str) -> Label | None:
    parts = line.split("\t")
    if len(parts) != 4:
        return None
    needles = [n for n in (" ".join(x.split()) for x in parts[3].split(" ||| ")) if n]
    return Label(parts[0], parts[1], parts[2], needles)


def _dev_row(line: str) -> Label | None:
    """A dev set's row: the snippet is the needle, the note (its junk kind) names the block."""
    parts = line.split("\t")
    if line.startswith("#") or len(parts) < 3 or parts[1] not in ("junk", "article"):
        return None  # a look-alike row: a page without junk labels counts as one anyway
    snippet = parts[2].replace("\\t", "\t").replace("\\n", "\n")
    what = f"{parts[3] if len(parts) > 3 else parts[1]}: {snippet[:50]!r}"
    return Label(parts[0], parts[1], what, [" ".join(snippet.split())])


def run_json(folder: str, codes: str | None) -> dict[str, list[dict[str, object]]]:
    """Each file's violations (path relative to ``folder``) from one check-mode run."""
    cmd = [MDCLEAN, "--no-cache", "--unsafe-fixes", "--exit-zero", "--output-format", "json"]
    if codes:
        cmd += ["--select", codes]
    proc = subprocess.run([*cmd, folder], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"mdclean failed on {folder}: {proc.stderr.strip()[-500:]}")
    report = json.loads(proc.stdout)
    return {
        os.path.relpath(entry["path"], folder): entry["violations"] for entry in report["files"]
    }


def normalized(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space, and each kept character's offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for match in re.finditer(r"\s+|\S", text):
        chars.append(" " if match.group().isspace() else match.group())
        offsets.append(match.start())
    return "".join(chars), offsets


def needle_offsets(text: str, needles: list[str]) -> Iterator[list[int]]:
    """The offsets of the non-space characters of each needle found in ``text``."""
    flat, offsets = normalized(text)
    for needle in needles:
        at = flat.find(needle)
        if at >= 0:
            yield [offsets[at + i] for i, ch in enumerate(needle) if ch != " "]


def removals(violations: list[dict[str, object]]) -> dict[tuple[str, str], set[int]]:
    """The characters each (rule, safety) would remove."""
    taken: dict[tuple[str, str], set[int]] = collections.defaultdict(set)
    for v in violations:
        fix = v.get("fix")
        if not isinstance(fix, dict):
            continue
        key = (str(v["code"]), str(fix["applicability"]))
        for edit in fix["edits"]:
            taken[key].update(range(edit["start"], edit["end"]))
    return taken


def score_labelled(
    tallies: dict[tuple[str, str], Tally], pages: str, labels_path: str, codes: str | None
) -> None:
    labels = read_labels(labels_path)
    found = run_json(pages, codes)
    by_file: dict[str, list[Label]] = collections.defaultdict(list)
    for label in labels:
        by_file[label.file].append(label)
    name = os.path.basename(os.path.normpath(pages))
    for file, violations in found.items():
        if file not in by_file and not file.endswith(".md"):
            continue
        with open(os.path.join(pages, file), encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
        taken = removals(violations)
        page_labels = by_file.get(file, [])
        lookalike = not any(label.kind == "junk" for label in page_labels)
        for key, chars in taken.items():
            tally = tallies.setdefault(key, Tally())
            if lookalike:
                tally.lookalike_pages += 1
                tally.examples.append(f"LOOKALIKE {name}/{file}")
            for label in page_labels:
                spans = list(needle_offsets(text, label.needles))
                if label.kind == "junk" and spans and all(set(s) <= chars for s in spans):
                    tally.junk += 1
                elif label.kind == "article" and any(chars.intersection(s) for s in spans):
                    tally.article += 1
                    tally.examples.append(f"ARTICLE {name}/{file}: {label.what}")
        note_gaps(f"{name}/{file}", text, page_labels, taken)
        if page_labels and not lookalike:
            score_later_passes(tallies, f"{name}/{file}", text, page_labels, taken, codes)


def score_later_passes(
    tallies: dict[tuple[str, str], Tally],
    page: str,
    text: str,
    labels: list[Label],
    first: dict[tuple[str, str], set[int]],
    codes: str | None,
) -> None:
    """The blocks a fix takes on a later pass (once what hid them went): the passes of one
    ``--unsafe-fixes`` run, each read in the text it found (engine, one pass at a time)."""
    every = set().union(*first.values()) if first else set()
    left = [
        label
        for label in labels
        if not (spans := [set(s) for s in needle_offsets(text, label.needles)])
        or (label.kind == "junk" and not all(s <= every for s in spans))
        or label.kind == "article"
    ]
    for number, current, taken in _later_passes(text, codes):
        for label in list(left):
            spans = [set(s) for s in needle_offsets(current, label.needles)]
            for key, chars in taken.items():
                if label.kind == "junk" and spans and all(s <= chars for s in spans):
                    tallies.setdefault(key, Tally()).junk += 1
                    if key[1] != "safe":
                        GAPS.append(f"{page}: {label.what}: {key[0]}:{key[1]} (pass {number})")
                    left.remove(label)
                    break
                if label.kind == "article" and any(chars & s for s in spans):
                    tally = tallies.setdefault(key, Tally())
                    tally.article += 1
                    tally.examples.append(f"ARTICLE {page}: {label.what} (pass {number})")
                    left.remove(label)
                    break


def _later_passes(
    text: str, codes: str | None
) -> Iterator[tuple[int, str, dict[tuple[str, str], set[int]]]]:
    """Pass 2 on of an unsafe fix run: its number, the text it read, what each rule took."""
    from unittest import mock

    import mdclean
    from mdclean import engine
    from mdclean.config import Config

    config = Config(select=tuple(codes.split(","))) if codes else Config()
    current = text
    with mock.patch.object(engine, "MAX_PASSES", 1):  # one guarded pass per call
        for number in range(1, 20):
            result = mdclean.fix(current, config=config, unsafe=True)
            if not result.fixed:
                return
            if number > 1:
                taken: dict[tuple[str, str], set[int]] = collections.defaultdict(set)
                for v in result.fixed:
                    if v.fix is not None:
                        key = (v.code, str(v.fix.applicability.value))
                        for edit in v.fix.edits:
                            taken[key].update(range(edit.start, edit.end))
                yield number, current, taken
            current = result.text


def note_gaps(
    page: str, text: str, labels: list[Label], taken: dict[tuple[str, str], set[int]]
) -> None:
    """Note each junk block all fixes take together and safe fixes alone do not."""
    every = set().union(*taken.values()) if taken else set()
    safe = set().union(*(c for (_, s), c in taken.items() if s == "safe"))
    for label in labels:
        spans = [set(s) for s in needle_offsets(text, label.needles)]
        if label.kind != "junk" or not spans or not all(s <= every for s in spans):
            continue
        if all(s <= safe for s in spans):
            continue
        rules = sorted(
            {f"{c}:{s}" for (c, s), chars in taken.items() if any(chars & x for x in spans)}
        )
        GAPS.append(f"{page}: {label.what}: {' '.join(rules)}")


def score_corpus(
    tallies: dict[tuple[str, str], Tally], name: str, folder: str, codes: str | None
) -> None:
    for violations in run_json(folder, codes).values():
        for v in violations:
            fix = v.get("fix")
            safety = str(fix["applicability"]) if isinstance(fix, dict) else "none"
            tally = tallies.setdefault((str(v["code"]), safety), Tally())
            tally.findings[name] = tally.findings.get(name, 0) + 1


def print_table(tallies: dict[tuple[str, str], Tally], corpora: list[str]) -> None:
    head = f"{'rule':6} {'safety':6} {'junk':>5} {'article':>7} {'lookalike':>9}"
    print(head + "".join(f" {c[:10]:>10}" for c in corpora))
    for (code, safety), t in sorted(tallies.items()):
        row = f"{code:6} {safety:6} {t.junk:>5} {t.article:>7} {t.lookalike_pages:>9}"
        print(row + "".join(f" {t.findings.get(c, 0):>10}" for c in corpora))
    for (code, safety), t in sorted(tallies.items()):
        for example in t.examples:
            print(f"  {code} {safety}: {example}")
    if GAPS:
        print(f"\n{len(GAPS)} junk blocks only unsafe fixes take:")
        for gap in GAPS:
            print(f"  {gap}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labelled", nargs=2, action="append", default=[], metavar=("DIR", "TSV"))
    parser.add_argument("--corpus", nargs=2, action="append", default=[], metavar=("NAME", "DIR"))
    parser.add_argument("--codes", help="only these rule codes (mdclean --select)")
    parser.add_argument("--json", help="also write the tallies here")
    args = parser.parse_args()
    tallies: dict[tuple[str, str], Tally] = {}
    for pages, labels_path in args.labelled:
        score_labelled(tallies, pages, labels_path, args.codes)
    for name, folder in args.corpus:
        score_corpus(tallies, name, folder, args.codes)
    print_table(tallies, [name for name, _ in args.corpus])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            rows = {f"{c} {s}": t.__dict__ for (c, s), t in sorted(tallies.items())}
            json.dump(rows, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
