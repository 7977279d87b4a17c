"""A long run of the fix fuzzer: generated documents with junk spliced in, failures counted per invariant.

    python scripts/fuzz_fix.py --count 20000 --seed 1 [--show 3]

The generator and invariants are those of the bounded test (tests/fix_invariants.py).
Exits 1 when an invariant fails, printing the first inputs that broke each one.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fix_invariants import INVARIANTS, generate, violated


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=3, help="inputs to print per failing invariant")
    args = parser.parse_args()
    failures: Counter[str] = Counter()
    shown: dict[str, list[str]] = {}
    started = time.perf_counter()
    for n in range(args.count):
        text = generate(random.Random(f"{args.seed}:{n}"))
        for name in violated(text):
            failures[name] += 1
            shown.setdefault(name, []).append(text)
    elapsed = time.perf_counter() - started
    print(f"inputs {args.count} (seed {args.seed}), {elapsed:.1f} s")
    for name in INVARIANTS:
        print(f"  {name}: {failures[name]} failures")
    for name, texts in shown.items():
        for text in texts[: args.show]:
            print(f"{name}: {text!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
