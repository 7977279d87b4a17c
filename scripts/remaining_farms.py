"""Print the link farms and duplicated link lists that ``mdclean --fix`` leaves in a corpus.

usage: python scripts/remaining_farms.py CORPUS_DIR --oracle ORACLE_DIR [--cmd "mdclean --unsafe-fixes"]

Fixes a temporary copy of CORPUS_DIR with CMD, then reads every fixed file with the
scoreboard's judge (``oracle.py`` in ORACLE_DIR: a farm is a block of five or more
links and little else; a duplicate is a link list contained in an earlier one) and
prints each block it still counts, with its file, so that a person can judge it.
"""

from __future__ import annotations

import argparse
import importlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd"}
_NOT_LINK_TEXT = re.compile(r"\[[^\]]*\]\([^)]*\)|<a\b[^>]*>.*?</a>|<[^>]+>|[\s*\-_:|]", re.S)


def _farms_and_dups(oracle: ModuleType, text: str) -> Iterator[tuple[str, str]]:
    """The blocks the judge counts as farms ("farm") or duplicated lists ("dup"), as it reads them."""
    seen: list[frozenset[str]] = []
    run: list[tuple[str, str]] = []

    def flush() -> Iterator[tuple[str, str]]:
        if len(run) >= 3:
            links = frozenset(link for link, _ in run)
            if any(links <= earlier for earlier in seen):
                yield "dup", "\n".join(block for _, block in run)
            seen.append(links)
        run.clear()

    for kind, block in oracle._blocks(text):
        if kind in ("front_matter", "code", "list_para"):
            continue
        plain = oracle._strip_code_spans(block)
        links = oracle._links(plain)
        if len(links) >= 5 and len(_NOT_LINK_TEXT.sub("", plain)) < 10 * len(links):
            yield "farm", block
        words = re.sub(r"<[^>]+>|\]\([^)]*\)|https?://\S+", " ", plain)
        if kind == "list" or (kind == "html" and len(links) >= 3):
            yield from flush()
            if len(links) >= 3:
                if any(frozenset(links) <= earlier for earlier in seen):
                    yield "dup", block
                seen.append(frozenset(links))
        elif kind == "para" and len(links) == 1 and oracle.word_count(words) <= 25:
            run.append((links[0], block))
        else:
            yield from flush()
    yield from flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--oracle", type=Path, required=True, help="the folder of oracle.py")
    parser.add_argument("--cmd", default="mdclean --unsafe-fixes")
    parser.add_argument("--lines", type=int, default=12, help="lines of each block to print")
    args = parser.parse_args()
    sys.path.insert(0, str(args.oracle))
    oracle = importlib.import_module("oracle")
    with tempfile.TemporaryDirectory(prefix="remaining-farms-") as tmp:
        copy = Path(tmp) / "c"
        shutil.copytree(args.corpus, copy)
        subprocess.run(
            [*shlex.split(args.cmd), "--fix", str(copy)], capture_output=True, check=False
        )
        found = 0
        for path in sorted(p for p in copy.rglob("*") if p.suffix.lower() in _EXTENSIONS):
            text = path.read_bytes().decode("utf-8", errors="replace")
            for kind, block in _farms_and_dups(oracle, text):
                found += 1
                lines = block.strip("\n").splitlines()
                shown = "\n    ".join(lines[: args.lines])
                more = (
                    f"\n    … {len(lines) - args.lines} more lines"
                    if len(lines) > args.lines
                    else ""
                )
                print(f"== {kind} {path.relative_to(copy)}\n    {shown}{more}\n")
        print(f"{found} blocks left")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
