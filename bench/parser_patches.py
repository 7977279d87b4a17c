"""What each of mdclean's markdown-it patches earns (issue 16): the run with and without each.

    python bench/parser_patches.py FOLDER... [--rounds 3]

For each folder, in one process (CPU time, ``time.process_time``, so that other processes on
a shared machine count as little as possible), the rounds run every configuration in turn:
the block parse of every ``*.md`` file, and the inline parse of every paragraph and heading
(an upper bound: rules parse inline only the blocks they look into). Each patch's cost is
reported as a share of ``mdclean.lint`` over the same files with every patch on (what a
``mdclean`` run spends, start-up and the file walk aside). Each figure is the least of the
rounds: other processes on a shared machine only ever add to it.

This script reads the patches from ``mdclean/document.py`` as it was before they were
measured; it is kept in the history of the commit that measured them, not beyond.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

import mdclean
from mdclean import document

PATCHES = ("gates", "dispatch", "normalize", "normalize_link", "push_tokens")
INLINE_PATCHES = frozenset({"normalize", "normalize_link"})
"""The patches that touch the inline parser too (the others: the block parser only)."""


def _gates_only(md: MarkdownIt) -> None:
    """The first-character, pipe and code gates, without the chain dispatchers."""
    for rule in md.block.ruler.__rules__:
        if rule.name in document._FIRST_CHARACTERS:
            gated = document._first_character_gate(rule.fn, document._FIRST_CHARACTERS[rule.name])
        elif rule.name == "table":
            gated = document._pipe_gate(rule.fn)
        elif rule.name == "code":
            gated = document._code_gate(rule.fn)
        else:
            continue
        md.block.ruler.at(rule.name, gated, {"alt": list(rule.alt)})


def _text_join_only(md: MarkdownIt) -> None:
    if "inline" not in md.core.ruler.get_active_rules():
        md.core.ruler.disable("text_join")


def parsers(patches: frozenset[str]) -> tuple[MarkdownIt, MarkdownIt]:
    """The block and inline parsers with only the given patches."""
    block = document._new_block_parser()
    inline = MarkdownIt("commonmark").enable("strikethrough")
    if "gates" in patches:
        _gates_only(block)
        if "dispatch" in patches:
            document._dispatch_by_first_character(block)
    if "normalize_link" in patches:
        document._skip_normal_urls(block)
        document._skip_normal_urls(inline)
    for md in (block, inline):
        if "normalize" in patches:
            document._skip_needless_core_rules(md)
        else:
            _text_join_only(md)  # public API: kept whatever the verdict
    if "push_tokens" in patches:
        document._push_tokens_directly(block)
    return block, inline


def configurations() -> dict[str, frozenset[str]]:
    every = frozenset(PATCHES)
    found = {"all patches": every, "no patch": frozenset()}
    for patch in PATCHES:
        without = every - {patch}
        if patch == "gates":
            without -= {"dispatch"}  # the dispatchers need the gates
        found[f"without {patch}"] = without
    return found


def timed(work: Callable[[], object]) -> float:
    """CPU seconds of ``work``, the garbage collector held off (its pauses land anywhere)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        work()
        return time.process_time() - start
    finally:
        gc.enable()


def inline_contents(texts: list[str]) -> list[str]:
    """The content of every paragraph and heading: what ``Document.inline_tokens`` may parse."""
    block, _ = parsers(frozenset())
    return [t.content for text in texts for t in block.parse(text, {}) if t.type == "inline"]


def measure(texts: list[str], rounds: int) -> dict[str, tuple[float, float]]:
    """Per configuration: the block parse of every text and the inline parse of every
    paragraph and heading (the least of the rounds: what other processes add is noise)."""
    configs = configurations()
    inlines = inline_contents(texts)
    block_times: dict[str, list[float]] = {name: [] for name in configs}
    inline_times: dict[str, list[float]] = {name: [] for name in configs}
    order = list(configs)
    for _ in range(rounds):
        random.shuffle(order)  # no configuration always runs first (or after the same one)
        for name in order:
            block, inline = parsers(configs[name])
            block_times[name].append(
                timed(lambda block=block: [block.parse(text, {}) for text in texts])
            )
            if configs[name] & INLINE_PATCHES != INLINE_PATCHES or name == "all patches":
                inline_times[name].append(
                    timed(lambda inline=inline: [inline.parseInline(c, {}) for c in inlines])
                )
    inline_all = min(inline_times["all patches"])
    return {
        name: (min(block_times[name]), min(inline_times[name] or [inline_all])) for name in configs
    }


def lint_total(texts: list[str], rounds: int) -> float:
    """``mdclean.lint`` over every text with every patch on (the least of the rounds)."""
    return min(timed(lambda: [mdclean.lint(text) for text in texts]) for _ in range(rounds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for folder in args.folders:
        paths = sorted(folder.rglob("*.md"))
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
        for text in texts:
            mdclean.lint(text)  # every rule's lazy set-up done before the clock starts
        total = lint_total(texts, args.rounds)
        results = measure(texts, args.rounds)
        block_all, inline_all = results["all patches"]
        print(f"\n{folder}: {len(texts)} files; lint with every patch {total:.2f} s CPU")
        print("| Configuration | Block parse s | Inline parse s | Cost vs all patches, % of lint |")
        print("|---|---:|---:|---:|")
        for name, (block, inline) in results.items():
            share = ((block - block_all) + (inline - inline_all)) / total * 100
            print(f"| {name} | {block:.2f} | {inline:.2f} | {share:+.1f}% |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
