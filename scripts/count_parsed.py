"""Count how many texts of a folder the fast path sends to the block parse, and per rule how
many texts its trigger fires on (every rule asked, no short cuts; default config).

    python scripts/count_parsed.py ../shared/corpus/clean-large
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from mdclean.config import Config
from mdclean.fastpath.raw_text import RawText
from mdclean.files import FileError, read_source
from mdclean.prefilter import front_matter_end


def main(folder: str) -> None:
    rules = Config().rules
    fired: Counter[str] = Counter()
    parsed = files = 0
    for path in sorted(Path(folder).rglob("*.md")):
        try:
            text = read_source(path).text.lower()
        except FileError:
            continue
        files += 1
        start = front_matter_end(text)
        whole, body = RawText(text), RawText(text[start:])
        markdown = False
        for rule in rules:
            front = rule.matcher.reads_front_matter()
            if rule.matcher.may_match(whole if front else body):
                fired[rule.code] += 1
                markdown = markdown or not front
        parsed += markdown
    print(f"{files} files, {parsed} parsed")
    for code, count in sorted(fired.items()):
        print(f"{code} {count}")


if __name__ == "__main__":
    main(sys.argv[1])
