"""Count how many texts of a folder the fast path sends to the block parse, and per rule how
many texts its trigger fires on (every rule asked, no short cuts; default config).

    python scripts/count_parsed.py ../shared/corpus/clean-large
    python scripts/count_parsed.py FOLDER --alone      # also: texts parsed for one rule alone

A rule that extends the others' findings (BP083) is never asked: it runs where another body
rule runs, so it makes no text parse (its trigger's count is shown for reference only).
A new rule's trigger is strong when it fires on few docs pages (say under 100 of the 1,509
of ``corpus/clean``) and few texts are parsed for it alone.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from mdclean.config import Config
from mdclean.fastpath.raw_text import RawText
from mdclean.files import FileError, read_source
from mdclean.prefilter import front_matter_end


def main(folder: str, alone: bool = False) -> None:
    rules = Config().rules
    fired: Counter[str] = Counter()
    only: Counter[str] = Counter()  # texts parsed for this rule's trigger alone
    parsed = files = 0
    for path in sorted(Path(folder).rglob("*.md")):
        try:
            text = read_source(path).text.lower()
        except FileError:
            continue
        files += 1
        start = front_matter_end(text)
        whole, body = RawText(text), RawText(text[start:])
        parsing = []
        for rule in rules:
            front = rule.matcher.reads_front_matter()
            if rule.matcher.may_match(whole if front else body):
                fired[rule.code] += 1
                if not front and not rule.matcher.extends_findings:
                    parsing.append(rule.code)
        parsed += bool(parsing)
        if len(parsing) == 1:
            only[parsing[0]] += 1
    print(f"{files} files, {parsed} parsed")
    for code, count in sorted(fired.items()):
        print(f"{code} {count}" + (f" (alone {only[code]})" if alone and only[code] else ""))


if __name__ == "__main__":
    main(sys.argv[1], "--alone" in sys.argv[2:])
