"""Check that the fast path changes no result on real folders: every file is linted and
fixed (unsafe fixes included, every rule selected) with the fast path on and off.

    python scripts/check_fast_path.py ../shared/corpus/dirty ../shared/corpus/clean

Prints one line per folder (files, files parsed with the fast path, differences) and the
path of every file that differs; exits 1 when one does.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import mdclean
from mdclean import prefilter
from mdclean.config import Config
from mdclean.files import FileError, read_source

ALL = Config(select=("ALL",), fast_path=True)
ALL_SLOW = dataclasses.replace(ALL, fast_path=False)


def _results(text: str, fast: bool) -> tuple[object, ...]:
    config = ALL if fast else ALL_SLOW
    fixed = mdclean.fix(text, config=config, unsafe=True)
    return (
        tuple(mdclean.lint(text, config=config)),
        fixed.text,
        tuple(fixed.fixed),
        tuple(fixed.remaining),
    )


def check_folder(folder: Path) -> int:
    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix in (".md", ".markdown", ".txt")
    )
    parsed = differ = 0
    for path in files:
        try:
            text = read_source(path).text
        except FileError:
            continue
        if any(
            not r.matcher.reads_front_matter()
            for r in prefilter.prefilter_for(ALL.rules).candidates(text)
        ):
            parsed += 1
        if _results(text, fast=True) != _results(text, fast=False):
            differ += 1
            print(f"  differs: {path}")
    print(f"{folder}: {len(files)} files, {parsed} parsed with the fast path, {differ} differ")
    return differ


def main(folders: list[str]) -> int:
    return 1 if sum(check_folder(Path(f)) for f in folders) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
