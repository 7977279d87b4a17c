"""Where a cold run's memory goes: per process of the tree (the parent, each worker), PSS and
what it is made of, at the moment the tree's PSS peaks, and a timeline.

    python bench/memory_tree.py FOLDER                    # this checkout's mdclean
    python bench/memory_tree.py FOLDER --tree /path/to/an/other/checkout

``bench/run.py`` reports one number (the tree's peak PSS). This says whose it is: the heap the
parent had when it forked (``Shared_Dirty``: counted once, split between the processes), what
each process made its own since (``Private_Dirty``: its own allocations, and the inherited
pages it wrote to, reference counts included), and how that grows with the files done.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_FIELDS = ("Rss", "Pss", "Shared_Clean", "Shared_Dirty", "Private_Dirty")


def rollup(pid: int) -> dict[str, int]:
    """The process's memory summary (``smaps_rollup``), in MB; empty when it is gone."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                key, _, rest = line.partition(":")
                if key in _FIELDS:
                    found[key] = int(rest.split()[0]) // 1024
    except OSError:
        return {}
    return found


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(x) for x in handle.read().split()]
    except OSError:
        return []


def watch(
    command: list[str], env: dict[str, str]
) -> tuple[float, float, list[dict[str, int]], list[tuple[float, list[int]]]]:
    """Run the command; its wall and CPU seconds, the rollups at the tree's PSS peak, and
    (seconds, PSS per process) every tenth of a second."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd="/tmp", stdout=subprocess.DEVNULL)
    peak, at_peak, timeline = 0, [], []
    while process.poll() is None:
        rolls = [rollup(pid) for pid in [process.pid, *children(process.pid)]]
        sizes = [r.get("Pss", 0) for r in rolls]
        if sum(sizes) > peak:
            peak, at_peak = sum(sizes), rolls
        timeline.append((time.perf_counter() - start, sizes))
        time.sleep(0.1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return time.perf_counter() - start, cpu, at_peak, timeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tree", type=Path, help="the mdclean checkout to run (PYTHONPATH)")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.tree is not None:
        env["PYTHONPATH"] = str(args.tree.resolve())
    with tempfile.TemporaryDirectory(prefix="mdclean-mem") as cache:
        command = [sys.executable, "-m", "mdclean", "--cache-dir", cache, "-q", "--exit-zero"]
        wall, cpu, at_peak, timeline = watch([*command, str(args.folder.resolve())], env)
    total = sum(r.get("Pss", 0) for r in at_peak)
    print(f"wall {wall:.1f} s, CPU {cpu:.1f} s, peak PSS {total} MB (parent first, then workers)")
    for roll in at_peak:
        print("   ", ", ".join(f"{k} {roll.get(k, 0)}" for k in _FIELDS))
    for seconds, sizes in timeline[:: max(1, len(timeline) // 12)]:
        print(f"    {seconds:7.1f} s  PSS {sizes}")


if __name__ == "__main__":
    main()
