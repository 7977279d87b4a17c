"""Where one process spends its time on a folder of Markdown, phase by phase and rule by rule.

    python bench/profile_phases.py ../shared/corpus/clean-large --sample 2000
    python bench/profile_phases.py FOLDER --sample 2000 --cprofile 25   # also the 25 costliest functions

Phases (CPU seconds, one process, the files of a deterministic sample): reading and decoding,
the fast path (every rule's ``may_match``), the block parse and tree, the rules' ``find``,
and what the run does around them. Per rule: how many files its trigger let through, on how
many it then found something, and the CPU its trigger and its ``find`` took. A trigger that
fires on many files where the rule finds nothing is what makes a clean page cost a parse.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import sample_files

from mdclean.catalogue import Rule
from mdclean.config import DEFAULT, Config
from mdclean.document import Document
from mdclean.engine import lint
from mdclean.fastpath.raw_text import RawText
from mdclean.files import read_source
from mdclean.prefilter import front_matter_end


class Tally:
    """Counts and CPU seconds per rule and per phase."""

    def __init__(self) -> None:
        self.phase: Counter[str] = Counter()
        self.asked: Counter[str] = Counter()
        self.fired: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.ask_cpu: Counter[str] = Counter()
        self.find_cpu: Counter[str] = Counter()
        self.alone: Counter[str] = Counter()
        """Files parsed for this rule's trigger alone (no other Markdown rule fired)."""
        self.parsed = 0
        self.files = 0


def _timed_triggers(text: str, config: Config, tally: Tally) -> list[Rule]:
    """Every rule's trigger, asked one by one (as the fast path does, without its short cuts)."""
    lowered = RawText(text.lower())  # (the readings the triggers share, as in a run)
    start = front_matter_end(lowered)
    body = RawText(lowered[start:]) if start else lowered
    fired = []
    for rule in config.rules:
        matcher = rule.matcher
        seen = lowered if matcher.reads_front_matter() else body
        before = time.process_time()
        hit = matcher.may_match(seen)
        tally.ask_cpu[rule.code] += time.process_time() - before
        tally.asked[rule.code] += 1
        if hit:
            tally.fired[rule.code] += 1
            fired.append(rule)
    return fired


def _timed_rules(text: str, path: str, config: Config, fired: list[Rule], tally: Tally) -> None:
    if not fired:
        return
    doc = Document(text, path, config)
    if not all(rule.matcher.reads_front_matter() for rule in fired):
        # A rule that reads the Markdown runs: the block parse and the tree, timed apart.
        before = time.process_time()
        try:
            doc.root  # noqa: B018
        except Exception:  # noqa: BLE001  # a file too deep: the run reports it
            return
        tally.phase["parse + tree"] += time.process_time() - before
        tally.parsed += 1
        body_rules = [r.code for r in fired if not r.matcher.reads_front_matter()]
        if len(body_rules) == 1:
            tally.alone[body_rules[0]] += 1
    for rule in fired:
        before = time.process_time()
        findings = list(rule.matcher.find(doc))
        tally.find_cpu[rule.code] += time.process_time() - before
        if findings:
            tally.found[rule.code] += 1


def profile(files: list[Path], config: Config) -> Tally:
    tally = Tally()
    for path in files:
        before = time.process_time()
        source = read_source(path)
        tally.phase["read + decode"] += time.process_time() - before
        before = time.process_time()
        fired = _timed_triggers(source.text, config, tally)
        tally.phase["triggers (each rule's may_match)"] += time.process_time() - before
        _timed_rules(source.text, str(path), config, fired, tally)
        tally.files += 1
    for rule in config.rules:
        kind = "front matter" if rule.matcher.reads_front_matter() else "Markdown"
        tally.phase[f"{kind} rules (find)"] += tally.find_cpu[rule.code]
    return tally


def whole_lint(files: list[Path], config: Config) -> float:
    """CPU seconds of the real ``lint`` (fast path with its short cuts, rules, suppressions)."""
    texts = [read_source(p).text for p in files]
    before = time.process_time()
    for path, text in zip(files, texts, strict=True):
        lint(text, path=str(path), config=config)
    return time.process_time() - before


def report(tally: Tally, lint_cpu: float) -> str:
    n = tally.files
    lines = [
        f"{n} files, {tally.parsed} parsed (the trigger of a rule that reads the Markdown fired; "
        "the front matter rules need no parse).",
        "",
        "| Phase | CPU s | ms per file |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {cpu:.2f} | {1000 * cpu / n:.3f} |" for name, cpu in tally.phase.items()]
    lines += [
        f"| `lint` as the run calls it (fast path short cuts included) | {lint_cpu:.2f} | "
        f"{1000 * lint_cpu / n:.3f} |",
        "",
        "| Rule | trigger fired | found something | fired, found nothing | parsed for it alone "
        "| trigger ms/file | find ms/fired file |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    codes = sorted(tally.asked, key=lambda c: (-tally.fired[c], -tally.ask_cpu[c], c))
    for code in codes:
        fired, found = tally.fired[code], tally.found[code]
        find_ms = 1000 * tally.find_cpu[code] / fired if fired else 0.0
        lines.append(
            f"| {code} | {fired} | {found} | {fired - found} | {tally.alone[code]} | "
            f"{1000 * tally.ask_cpu[code] / n:.4f} | {find_ms:.3f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sample", type=int, default=2000, help="files (a deterministic sample)")
    parser.add_argument(
        "--cprofile", type=int, default=0, help="print this many costliest functions"
    )
    parser.add_argument(
        "--select", default="", help="only these codes (comma-separated), as the A/B runs them"
    )
    args = parser.parse_args()
    files = sample_files(args.folder, args.sample)
    config = Config(select=tuple(args.select.split(","))) if args.select else DEFAULT
    for rule in config.rules:
        rule.matcher  # noqa: B018  # compiled before timing, as a run's workers inherit them
    before = time.process_time()
    tally = profile(files, config)
    print(f"profile pass: {time.process_time() - before:.2f} s CPU", file=sys.stderr)
    lint_cpu = whole_lint(files, config)
    print(report(tally, lint_cpu))
    if args.cprofile:
        texts = [(str(p), read_source(p).text) for p in files]
        profiler = cProfile.Profile()
        profiler.enable()
        for path, text in texts:
            lint(text, path=path, config=config)
        profiler.disable()
        print()
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
