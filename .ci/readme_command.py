"""Print one of the README's quick-start commands, so CI runs exactly what users read.

The README marks them with `<!-- command: NAME -->` on the line before a fenced block.
"""

import re
import sys
from pathlib import Path

name = sys.argv[1]
readme = Path(__file__).resolve().parent.parent / "README.md"
match = re.search(
    rf"<!-- command: {re.escape(name)} -->\n```(?:sh|bash|console)?\n(.*?)\n```",
    readme.read_text(encoding="utf-8"),
    re.S,
)
if match is None:
    sys.exit(f"README.md has no command marked '<!-- command: {name} -->'")
print(match.group(1).strip())
