"""Print, per Markdown file of some folders, whether BP185's gate opens on it (the page says
it was saved from the web), and the count per folder. The gate must open on no clean page:

    python scripts/saved_page_gate.py ../shared/corpus/clean ../shared/corpus/clean-large
    python scripts/saved_page_gate.py --all DEVSET/pages     # every file's verdict
"""

from __future__ import annotations

import sys
from pathlib import Path

from mdclean.config import Config
from mdclean.files import FileError, read_source
from mdclean.matchers.article_region import ArticleRegionMatcher


def _matcher() -> ArticleRegionMatcher:
    for rule in Config().rules:
        if isinstance(rule.matcher, ArticleRegionMatcher):
            return rule.matcher
    raise SystemExit("no article-region rule in the default configuration")


def main(folders: list[str], every: bool) -> None:
    matcher = _matcher()
    for folder in folders:
        opened = files = 0
        for path in sorted(Path(folder).rglob("*.md")):
            try:
                text = read_source(path).text
            except FileError:
                continue
            files += 1
            verdict = matcher.saved(text)
            opened += verdict
            if every or verdict:
                print(f"{'open' if verdict else 'shut'}\t{path}")
        print(f"{folder}: gate open on {opened} of {files}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main([a for a in arguments if a != "--all"], "--all" in arguments)
