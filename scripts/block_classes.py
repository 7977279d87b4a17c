"""Print jusText's classes (``mdclean.block_quality``) of the blocks of labelled page sets.

For each page whose gate is open (BP275's: the page says it was saved), each block's class, its
zone (H: between the title and the first good block, T: after the last good block), whether
BP275 removes it (X), and the labels it holds (``LABELS.tsv`` of judge.py: junk kind or
ARTICLE). The summary counts, per set, the removed blocks holding junk and holding article text.

usage: python scripts/block_classes.py SETDIR... [--blocks]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from mdclean.catalogue import builtin_rules
from mdclean.document import Document
from mdclean.matchers.edge_blocks import EdgeBlocksMatcher, classify_page, zones


def _labels(setdir: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for line in (setdir / "LABELS.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        kind = parts[1] if parts[1] != "junk" else (parts[3].split()[0] if len(parts) > 3 and parts[3].split() else "junk")
        snippet = parts[2].replace("\\t", "\t").replace("\\n", "\n")
        found.setdefault(parts[0], []).append((kind.rstrip(":"), snippet))
    return found


def _page(matcher: EdgeBlocksMatcher, path: Path, labels: list[tuple[str, str]], show: bool, removed_only: bool, totals: Counter[str]) -> None:
    text = path.read_text(encoding="utf-8-sig")
    if not matcher.saved(text):
        return
    doc = Document(text, str(path))
    read = classify_page(doc, matcher.settings)
    edges = zones(doc, read, matcher.prose(doc, read))
    removed = matcher.removable(doc, read, edges) if edges else set()
    head, tail = edges if edges else (range(0), range(0))
    lookalike = any(kind == "lookalike" for kind, _ in labels)
    for i, node in enumerate(read.nodes):
        start, end = doc.node_span(node)
        held = [kind for kind, snip in labels if kind != "lookalike" and 0 <= text.find(snip) and start <= text.find(snip) < end]
        zone = "H" if i in head else "T" if i in tail else "-"
        mark = "X" if i in removed else " "
        if i in removed:
            totals["removed"] += 1
            totals["removed-junk"] += any(k != "article" for k in held)
            totals["removed-article"] += "article" in held
            totals["removed-lookalike"] += lookalike
            totals["junk-labels-hit"] += sum(k != "article" for k in held)
        if show or (i in removed and (removed_only or "article" in held or lookalike)):
            words = " ".join(read.blocks[i].text.split())[:70]
            print(f"  {path.name[:28]:28} {i:3} {zone}{mark} {read.classes[i]:9} {node.kind[:9]:9} {','.join(held)[:20]:20} {words}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--blocks", action="store_true", help="print every block of gate-open pages")
    parser.add_argument("--removed", action="store_true", help="print every block BP275 removes")
    args = parser.parse_args()
    rule = next(rule for rule in builtin_rules() if rule.code == "BP275")
    matcher = rule.matcher
    assert isinstance(matcher, EdgeBlocksMatcher)
    for setdir in args.sets:
        totals: Counter[str] = Counter()
        labels = _labels(setdir)
        for path in sorted((setdir / "pages").rglob("*.md")):
            _page(matcher, path, labels.get(path.name, []), args.blocks, args.removed, totals)
        print(f"{setdir.name}: {dict(totals)}")


if __name__ == "__main__":
    main()
