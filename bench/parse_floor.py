"""The floor under mdclean on a corpus: what markdown-it-py's parse alone costs, against whole runs.

    python bench/parse_floor.py ../shared/corpus/clean-large --rumdl /tmp/tools/bin/rumdl

In one process, CPU seconds (``time.process_time``, the least of ``--rounds``) of reading every
file, markdown-it-py's whole parse (CommonMark, block and inline: what any engine that walks its
tree pays), mdclean's block parse (inline parsing left to the rules) and the block tree on top.
Then, as child processes, user+sys CPU of ``rumdl check --no-cache`` and of
``mdclean --no-cache -q`` on the same folder (``--jobs``: mdclean's workers). Issue 15's
target (mdclean at most 1.5x rumdl on real docs) is out of reach for an engine that walks
markdown-it-py's tree when the parse alone costs more than 1.5x rumdl's whole run.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from mdclean import parsing
from mdclean.document import Document


def _least_cpu(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def in_process(files: list[Path], rounds: int) -> dict[str, float]:
    """CPU seconds of each stage over every file, in this process."""
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    stock = MarkdownIt("commonmark")
    return {
        "read and decode": _least_cpu(
            lambda: [p.read_text(encoding="utf-8", errors="replace") for p in files], rounds
        ),
        "markdown-it-py parse (block + inline, CommonMark)": _least_cpu(
            lambda: [stock.parse(text) for text in texts], rounds
        ),
        "mdclean block parse": _least_cpu(
            lambda: [parsing.parse_blocks(text, {}) for text in texts], rounds
        ),
        "mdclean block parse + tree": _least_cpu(
            lambda: [Document(text).root for text in texts], rounds
        ),
    }


def child_cpu(command: list[str]) -> tuple[float, float]:
    """User+sys CPU seconds of a command and its children, and its wall seconds."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rumdl", help="rumdl's executable: time its whole run too")
    parser.add_argument("--mdclean", action="store_true", help="time mdclean's whole run too")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*.md") if p.is_file())
    print(f"{len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB\n")
    print("| stage (one process) | CPU s | ms a file |\n|---|---:|---:|")
    for stage, seconds in in_process(files, args.rounds).items():
        print(f"| {stage} | {seconds:.2f} | {1000 * seconds / len(files):.3f} |")
    runs = []
    if args.rumdl:
        runs.append(
            ("rumdl check --no-cache", [args.rumdl, "check", "--no-cache", str(args.folder)])
        )
    if args.mdclean:
        mdclean = [sys.executable, "-m", "mdclean", "--no-cache", "-q", "--exit-zero"]
        runs.append(("mdclean --no-cache", [*mdclean, str(args.folder)]))
    if runs:
        print("\n| whole run | CPU s | wall s |\n|---|---:|---:|")
    for name, command in runs:
        cpu, wall = child_cpu(command)
        print(f"| {name} | {cpu:.2f} | {wall:.1f} |")


if __name__ == "__main__":
    main()
