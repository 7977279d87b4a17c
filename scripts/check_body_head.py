"""Check that ``fastpath.head.body_head`` is sound on real folders: for every text and a few
block counts, the head it gives ends no earlier than the parsed document's first blocks.

    python scripts/check_body_head.py ../shared/corpus/clean-large ../shared/corpus/commonmark

Prints how many (text, count) pairs had a head and how many were unsound; exits 1 if any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from markdown_it import MarkdownIt

from mdclean.fastpath.head import body_head
from mdclean.prefilter import front_matter_end

_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_COUNTS = (1, 3, 8)


def _sound(body: str, blocks: int) -> bool | None:
    """None: no head; else whether the head holds the first ``blocks`` top-level blocks."""
    head = body_head(body, blocks)
    if head is None:
        return None
    tops = [t for t in _PARSER.parse(body) if t.level == 0 and t.nesting >= 0 and t.map]
    return len(tops) < blocks or tops[blocks - 1].map[1] <= head.count("\n")


def main(folders: list[str]) -> int:
    with_head = unsound = 0
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.md")):
            text = path.read_text(encoding="utf-8", errors="replace").lower()
            body = text[front_matter_end(text) :]
            for blocks in _COUNTS:
                verdict = _sound(body, blocks)
                with_head += verdict is not None
                if verdict is False:
                    unsound += 1
                    print(f"unsound: {path} ({blocks} blocks)")
    print(f"{with_head} heads, {unsound} unsound")
    return 1 if unsound else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
