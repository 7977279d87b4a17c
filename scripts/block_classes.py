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
from mdclean.matchers.edge_blocks import EdgeBlocksMatcher, Read, classify_page, zones


def _labels(setdir: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for line in (setdir / "LABELS.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        kind = (
            parts[1]
            if parts[1] != "junk"
            else (parts[3].split()[0] if len(parts) > 3 and parts[3].split() else "junk")
        )
        snippet = parts[2].replace("\\t", "\t").replace("\\n", "\n")
        found.setdefault(parts[0], []).append((kind.rstrip(":"), snippet))
    return found


def _held(text: str, labels: list[tuple[str, str]], span: tuple[int, int]) -> list[str]:
    """The kinds of the labels whose snippet starts inside the span."""
    found = []
    for kind, snippet in labels:
        at = text.find(snippet)
        if kind != "lookalike" and at >= 0 and span[0] <= at < span[1]:
            found.append(kind)
    return found


def _count(totals: Counter[str], held: list[str], lookalike: bool) -> None:
    totals["removed"] += 1
    totals["removed-junk"] += any(k != "article" for k in held)
    totals["removed-article"] += "article" in held
    totals["removed-lookalike"] += lookalike
    totals["junk-labels-hit"] += sum(k != "article" for k in held)


def _page(
    matcher: EdgeBlocksMatcher,
    path: Path,
    labels: list[tuple[str, str]],
    show: str,
    totals: Counter[str],
) -> None:
    """Counts (and with ``show``: "blocks", every block; "removed", the removed ones) a page."""
    text = path.read_text(encoding="utf-8-sig")
    if not matcher.saved(text):
        return
    doc = Document(text, str(path))
    read, head, tail, removed = _read(matcher, doc)
    lookalike = any(kind == "lookalike" for kind, _ in labels)
    for i, node in enumerate(read.nodes):
        held = _held(text, labels, doc.node_span(node))
        if i in removed:
            _count(totals, held, lookalike)
        if _shown(show, i in removed, "article" in held or lookalike):
            _print(path, i, _where(i, head, tail, removed), read, held)


def _shown(show: str, removed: bool, precious: bool) -> bool:
    """Every block, the removed ones, or (by default) the removed ones that are article text."""
    return show == "blocks" or (removed and (show == "removed" or precious))


def _where(i: int, head: range, tail: range, removed: set[int]) -> str:
    zone = "H" if i in head else "T" if i in tail else "-"
    return zone + ("X" if i in removed else " ")


def _read(matcher: EdgeBlocksMatcher, doc: Document) -> tuple[Read, range, range, set[int]]:
    """The page's classes, its head and tail zones, and the blocks BP275 removes."""
    read = classify_page(doc, matcher.settings)
    readings = matcher.readings(doc, read)
    edges = zones(doc, read, matcher.prose(read, readings))
    if edges is None:
        return read, range(0), range(0), set()
    return read, edges[0], edges[1], matcher.removable(doc, read, edges, readings)


def _print(path: Path, i: int, where: str, read: Read, held: list[str]) -> None:
    words = " ".join(read.blocks[i].text.split())[:70]
    kind = read.nodes[i].kind[:9]
    print(
        f"  {path.name[:28]:28} {i:3} {where} {read.classes[i]:9} {kind:9} {','.join(held)[:20]:20} {words}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument(
        "--blocks", action="store_true", help="print every block of gate-open pages"
    )
    parser.add_argument("--removed", action="store_true", help="print every block BP275 removes")
    args = parser.parse_args()
    rule = next(rule for rule in builtin_rules() if rule.code == "BP275")
    matcher = rule.matcher
    assert isinstance(matcher, EdgeBlocksMatcher)
    for setdir in args.sets:
        totals: Counter[str] = Counter()
        labels = _labels(setdir)
        for path in sorted((setdir / "pages").rglob("*.md")):
            show = "blocks" if args.blocks else "removed" if args.removed else ""
            _page(matcher, path, labels.get(path.name, []), show, totals)
        print(f"{setdir.name}: {dict(totals)}")


if __name__ == "__main__":
    main()
