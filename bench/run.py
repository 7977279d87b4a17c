"""Benchmark mdclean against the parse floor and other Markdown linters, on the same files.

    python bench/run.py                          # 10,000 files per mix, plus scaling at 1,000 and 5,000
    python bench/run.py --sizes 1000             # a quick run
    python bench/run.py --corpus /path/to/folder # real files too (each folder is one row group)
    python bench/run.py --mixes "" --corpus ../shared/corpus/clean-large --corpus-sizes 1000,5000,all
                                                 # a real docs corpus as mixes: deterministic samples
    python bench/run.py --write bench/RESULTS.md # also write the tables there

The other tools are optional; install them outside the repo and point ``--tools`` at it:

    python3 -m venv /tmp/bench-tools
    /tmp/bench-tools/bin/pip install rumdl pymarkdownlnt mdformat
    npm install --prefix /tmp/bench-tools markdownlint-cli2

Each command runs as a child process; wall and CPU seconds (children included)
and the peak memory of the whole process tree (sum of PSS, so pages shared by
forked workers count once) are measured. mdclean runs with the interpreter
that runs this script (its venv). mdclean cold, mdclean warm and rumdl, the
figures the targets compare, run ``--repeat`` times in turn (shared machines
drift by 10-20% from minute to minute); the run with the median wall time is
reported, with the highest peak memory of all its rounds.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import build, sample_files

REPO = Path(__file__).resolve().parent.parent
PARSE_FLOOR = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
parser = MarkdownIt("commonmark")
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    parser.parse(path.read_text(encoding="utf-8", errors="replace"))
"""


@dataclass
class Measure:
    tool: str
    wall: float
    cpu: float
    peak_mb: float
    files: int
    exit_code: int
    timed_out: bool = False
    runs: int = 1
    """How many runs it is the median of."""

    @property
    def files_per_second(self) -> float:
        return self.files / self.wall if self.wall else 0.0


def _tree_pss_kb(root: int) -> int:
    """PSS of a process and all its descendants, from /proc (RSS where PSS is not available)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _pss_kb(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return total


def _pss_kb(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def measure(
    tool: str,
    command: list[str],
    files: int,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> Measure:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_pss_kb(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        code = process.wait(timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        process.kill()
        code = process.wait()
        timed_out = True
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measure(tool, wall, cpu, peak / 1024, files, code, timed_out)


def tools(prefix: Path) -> dict[str, list[str]]:
    """The optional tools found, as command prefixes (the folder or glob is appended)."""

    def find(name: str, *places: Path) -> str | None:
        for place in places:
            if (place / name).exists():
                return str(place / name)
        return shutil.which(name)

    found: dict[str, list[str]] = {}
    if rumdl := find("rumdl", prefix / "bin"):
        found["rumdl"] = [rumdl, "check", "--no-cache"]
    if cli2 := find("markdownlint-cli2", prefix / "node_modules" / ".bin"):
        found["markdownlint-cli2"] = [cli2]
    if pymarkdown := find("pymarkdown", prefix / "bin"):
        found["pymarkdown"] = [pymarkdown, "scan", "-r"]
    if mdformat := find("mdformat", prefix / "bin"):
        found["mdformat --check"] = [mdformat, "--check"]
    return found


_PYCACHE: Path | None = None
"""Where the Python runs keep their bytecode (set by ``main``: inside the work folder)."""


def python_env(**extra: str) -> dict[str, str]:
    """The environment of the Python commands: bytecode kept in the work folder (an installed
    package has its bytecode; compiling mdclean's modules again on every run costs about 0.1 s),
    nothing written into the source tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # ``python -m mdclean`` puts the current folder first on the module path: run from a
    # checkout, that checkout's mdclean would shadow a baseline's PYTHONPATH (Python 3.11+).
    env["PYTHONSAFEPATH"] = "1"
    if _PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    return {**env, **extra}


def prime(workdir: Path, baseline: Path | None) -> None:
    """One untimed run of each mdclean (and of the parse floor), so that the timed ones find
    their bytecode and the built-in rules' cached data, as an installed mdclean would."""
    page = workdir / "prime" / "page.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(SMALL_FILE)
    command = [sys.executable, "-m", "mdclean", "--no-cache", str(page)]
    measure("prime", command, 1, env=python_env())
    if baseline is not None:
        measure("prime", command, 1, env=python_env(PYTHONPATH=str(baseline)))
    measure("prime", [sys.executable, "-c", PARSE_FLOOR, str(page.parent)], 1, env=python_env())


def run_folder(
    folder: Path,
    count: int,
    others: dict[str, list[str]],
    slow_limit: int,
    scratch: Path,
    slow_timeout: float,
    repeat: int = 1,
    *,
    baseline: Path | None = None,
    extras: bool = True,
) -> list[Measure]:
    """Every tool on one folder. ``baseline``: another mdclean source tree, timed cold in the
    same rounds (A/B pairs, back to back); ``extras``: also --fix and the parse floor."""
    mdclean = [sys.executable, "-m", "mdclean"]
    env = python_env()
    rounds = _rounds(folder, count, others, scratch, repeat, env, baseline)
    results = [_median(rounds["cold"]), _median(rounds["warm"])]
    if baseline is not None:
        results.append(_median(rounds["baseline"]))
    if extras:
        copy = scratch / "fix-copy"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(folder, copy)
        fix = [*mdclean, "--no-cache", "--fix", "-q", str(copy)]
        results.append(measure("mdclean --fix", fix, count, env=env))
        shutil.rmtree(copy, ignore_errors=True)
        floor = [sys.executable, "-c", PARSE_FLOOR, str(folder)]
        results.append(measure("parse floor (markdown-it-py)", floor, count, env=env))
    if "rumdl" in rounds:
        results.append(_median(rounds["rumdl"]))
    return results + _others(folder, count, others, slow_limit, slow_timeout)


def _rounds(
    folder: Path,
    count: int,
    others: dict[str, list[str]],
    scratch: Path,
    repeat: int,
    env: dict[str, str],
    baseline: Path | None,
) -> dict[str, list[Measure]]:
    """mdclean cold and warm, the baseline's cold and rumdl, ``repeat`` times in turn, so that a
    slow minute weighs on every tool alike."""
    mdclean = [sys.executable, "-m", "mdclean"]
    cache = scratch / "cache"
    check = [*mdclean, "--cache-dir", str(cache), "-q", str(folder)]
    rounds: dict[str, list[Measure]] = {}
    for _ in range(max(repeat, 1)):
        shutil.rmtree(cache, ignore_errors=True)
        rounds.setdefault("cold", []).append(measure("mdclean cold", check, count, env=env))
        rounds.setdefault("warm", []).append(measure("mdclean warm", check, count, env=env))
        if baseline is not None:
            shutil.rmtree(cache, ignore_errors=True)
            before = {**env, "PYTHONPATH": str(baseline)}  # on top of this run's environment
            rounds.setdefault("baseline", []).append(
                measure("baseline mdclean cold", check, count, env=before)
            )
        if "rumdl" in others:
            rounds.setdefault("rumdl", []).append(
                measure("rumdl", [*others["rumdl"], str(folder)], count)
            )
    return rounds


def _others(
    folder: Path,
    count: int,
    others: dict[str, list[str]],
    slow_limit: int,
    slow_timeout: float,
) -> list[Measure]:
    results = []
    for name, command in others.items():
        if name in ("pymarkdown", "mdformat --check") and count > slow_limit:
            continue
        if name == "rumdl":
            continue  # timed in the rounds
        if name == "markdownlint-cli2":
            # Its own glob, from inside the folder: no config of ours applies.
            results.append(measure(name, [*command, "**/*.md"], count, cwd=folder))
        else:
            slow = name in ("pymarkdown", "mdformat --check")
            results.append(
                measure(
                    name, [*command, str(folder)], count, timeout=slow_timeout if slow else None
                )
            )
    return results


def _median(runs: list[Measure]) -> Measure:
    """The run with the median wall time, with the highest peak memory seen in any of them."""
    middle = sorted(runs, key=lambda m: m.wall)[len(runs) // 2]
    return replace(middle, peak_mb=max(m.peak_mb for m in runs), runs=len(runs))


def table(title: str, results: list[Measure], byte_count: int) -> str:
    by_tool = {m.tool: m for m in results}
    lines = [
        f"### {title}",
        "",
        f"{results[0].files:,} files, {byte_count / 1e6:.1f} MB",
        "",
        "| Tool | Wall s | CPU s | Peak MB | Files/s |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {m.tool}{f' (median of {m.runs})' if m.runs > 1 else ''} | {'> ' if m.timed_out else ''}{m.wall:.2f} | {m.cpu:.2f} | {m.peak_mb:.0f} | "
        f"{'< ' if m.timed_out else ''}{m.files_per_second:,.0f} |"
        for m in results
    ]
    cold = by_tool["mdclean cold"]
    ratios = []
    for other in ("rumdl", "markdownlint-cli2", "parse floor (markdown-it-py)"):
        if other in by_tool:
            ratios.append(
                f"mdclean cold / {other.split(' ')[0]} = {cold.wall / by_tool[other].wall:.2f}"
            )
    ratios.append(f"warm / cold = {by_tool['mdclean warm'].wall / cold.wall:.3f}")
    if "baseline mdclean cold" in by_tool:
        ratios.append(
            f"mdclean cold / baseline = {cold.wall / by_tool['baseline mdclean cold'].wall:.2f}"
        )
    if "rumdl" in by_tool:
        ratios.append(f"CPU: mdclean cold / rumdl = {cold.cpu / by_tool['rumdl'].cpu:.2f}")
    lines += ["", "Ratios (wall): " + "; ".join(ratios) + ".", ""]
    return "\n".join(lines)


def corpus_sample(folder: Path, size: str, workdir: Path) -> tuple[Path, list[Path]]:
    """The folder to run on and its Markdown files: the folder itself for ``all`` (or a size it
    does not exceed), else a copy of a deterministic sample of its files, paths kept."""
    everything = sample_files(folder, None)
    count = len(everything) if size == "all" else int(size)
    if count >= len(everything):
        return folder, everything
    target = workdir / f"{folder.name}-sample-{count}"
    shutil.rmtree(target, ignore_errors=True)
    copies = []
    for path in sample_files(folder, count):
        copy = target / path.relative_to(folder)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        copies.append(copy)
    return target, copies


def rule_count() -> int:
    return len(list((REPO / "rules").glob("*.yaml")))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="1000,5000,10000", help="file counts per mix (comma-separated)"
    )
    parser.add_argument("--mixes", default="docs,scraped")
    parser.add_argument(
        "--corpus", action="append", type=Path, default=[], help="also run on this folder"
    )
    parser.add_argument(
        "--corpus-sizes",
        default="all",
        help="file counts sampled from each --corpus folder (comma-separated; 'all': every file); "
        "a sample is the same files on every run (seed 2026), copied to the work folder",
    )
    parser.add_argument(
        "--tools", type=Path, default=Path("/tmp/bench-tools"), help="where the others are"
    )
    parser.add_argument(
        "--slow-limit",
        type=int,
        default=1000,
        help="run PyMarkdown and mdformat only up to this many files (they take minutes)",
    )
    parser.add_argument(
        "--skip", default="", help="other tools to leave out (comma-separated names)"
    )
    parser.add_argument(
        "--slow-timeout",
        type=float,
        default=120,
        help="stop PyMarkdown and mdformat after this many seconds (reported as a lower bound)",
    )
    parser.add_argument(
        "--workdir", type=Path, help="where the corpora are built (a temporary folder)"
    )
    parser.add_argument("--write", type=Path, help="write the report (Markdown) to this file")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of mdclean cold, warm and rumdl per folder; the median is reported",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another mdclean source tree (a checkout of an older commit): its cold run is timed "
        "in the same rounds, back to back with this one's",
    )
    parser.add_argument(
        "--no-extras",
        action="store_true",
        help="leave out mdclean --fix and the parse floor (a shorter run)",
    )
    parser.add_argument(
        "--startup",
        type=int,
        default=20,
        help="runs of mdclean on one small clean file (no cache); the median is reported",
    )
    return parser.parse_args()


def header(repeat: int, missing: list[str], skipped: list[str]) -> list[str]:
    return [
        "# mdclean benchmark",
        "",
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores "
        f"({platform.processor() or platform.machine()}); Python {platform.python_version()}; "
        f"{rule_count()} rules in rules/; tools not found: {', '.join(missing) or 'none'}"
        f"{'; left out: ' + ', '.join(skipped) if skipped else ''}.",
        "",
        "Peak MB is the summed PSS of the process tree. mdclean cold starts from an empty cache "
        "(and fills it); warm reruns it unchanged; --fix runs on a copy without a cache. "
        f"mdclean cold, warm and rumdl ran {repeat} times in turn: the median run is shown. "
        "Mixes marked (generated) are built by bench/corpus.py; (real files) are real corpora "
        "or deterministic samples of them. Python commands keep their bytecode in the work "
        "folder and are primed by one untimed run, as an installed package has its bytecode.",
        "",
    ]


SMALL_FILE = "---\ntitle: A page\n---\n\n# A page\n\nSome text with a [link](other.md).\n"
SMALL_README = (
    "# Project\n\n![build](https://img.shields.io/badge/build-passing-green.svg)\n\n"
    "Some text with a [link](https://github.com/example/project).\n"
)
"""A README's head: its badge image and link are asked about the filter lists."""


def startup(runs: int, workdir: Path, baseline: Path | None) -> str:
    """``mdclean`` on one small clean file, end to end (a pre-commit run, an editor's request);
    with a baseline, its runs alternate with this one's."""
    lines = []
    for name, text in (("page.md", SMALL_FILE), ("README.md", SMALL_README)):
        page = workdir / "startup" / name.split(".")[0] / name  # a folder each: a site each
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text)
        lines.append(
            f"### One small clean file\n\n`mdclean --no-cache {name}` ({len(text)} bytes):\n"
        )
        lines += _startup_runs(runs, page, baseline)
    return "\n".join(lines) + "\n"


def _startup_runs(runs: int, page: Path, baseline: Path | None) -> list[str]:
    command = [sys.executable, "-m", "mdclean", "--no-cache", str(page)]
    envs = {"mdclean": python_env()}
    if baseline is not None:
        envs["baseline mdclean"] = python_env(PYTHONPATH=str(baseline))
    runs_of: dict[str, list[Measure]] = {name: [] for name in envs}
    for _ in range(runs):
        for name, env in envs.items():
            runs_of[name].append(measure(name, command, 1, env=env))
    lines = []
    for name, measures in runs_of.items():
        walls = sorted(m.wall for m in measures)
        cpus = sorted(m.cpu for m in measures)
        lines.append(
            f"- {name}, {runs} runs: median {statistics.median(walls):.3f} s wall, "
            f"median {statistics.median(cpus):.3f} s CPU (wall {walls[0]:.3f}-{walls[-1]:.3f} s, "
            f"CPU {cpus[0]:.3f}-{cpus[-1]:.3f} s)"
        )
    return [*lines, ""]


def _run_folder_as_asked(
    args: argparse.Namespace, folder: Path, count: int, others: dict[str, list[str]], workdir: Path
) -> list[Measure]:
    return run_folder(
        folder,
        count,
        others,
        args.slow_limit,
        workdir,
        args.slow_timeout,
        args.repeat,
        baseline=args.baseline,
        extras=not args.no_extras,
    )


def run_mixes(args: argparse.Namespace, others: dict[str, list[str]], workdir: Path) -> list[str]:
    tables = []
    for mix in filter(None, args.mixes.split(",")):
        for count in (int(n) for n in args.sizes.split(",")):
            folder = workdir / f"{mix}-{count}"
            shutil.rmtree(folder, ignore_errors=True)
            byte_count = build(folder, count, mix)
            print(f"{mix} {count}: built {byte_count / 1e6:.1f} MB in {folder}", file=sys.stderr)
            results = _run_folder_as_asked(args, folder, count, others, workdir)
            tables.append(table(f"{mix} mix (generated), N = {count:,}", results, byte_count))
            print(tables[-1], file=sys.stderr)
            shutil.rmtree(folder, ignore_errors=True)
    return tables


def run_corpora(args: argparse.Namespace, others: dict[str, list[str]], workdir: Path) -> list[str]:
    tables = []
    for folder in args.corpus:
        for size in filter(None, args.corpus_sizes.split(",")):
            sample, files = corpus_sample(folder, size, workdir)
            byte_count = sum(f.stat().st_size for f in files)
            results = _run_folder_as_asked(args, sample, len(files), others, workdir)
            sampled = "" if sample == folder else f", sample of {len(files):,}"
            tables.append(table(f"{folder}{sampled} (real files)", results, byte_count))
            print(tables[-1], file=sys.stderr)
            if sample != folder:
                shutil.rmtree(sample, ignore_errors=True)
    return tables


def main() -> None:
    args = parse_args()
    found = tools(args.tools)
    skipped = [name for name in found if name.split(" ")[0] in args.skip.split(",")]
    others = {name: command for name, command in found.items() if name not in skipped}
    missing = sorted({"rumdl", "markdownlint-cli2", "pymarkdown", "mdformat --check"} - set(found))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="mdclean-bench-"))
    global _PYCACHE
    _PYCACHE = workdir / "pycache"
    prime(workdir, args.baseline)
    report = header(args.repeat, missing, skipped)
    if args.startup:
        report.append(startup(args.startup, workdir, args.baseline))
        print(report[-1], file=sys.stderr)
    report += run_mixes(args, others, workdir)
    report += run_corpora(args, others, workdir)
    text = "\n".join(report)
    print(text)
    if args.write:
        args.write.write_text(text + "\n")


if __name__ == "__main__":
    main()
