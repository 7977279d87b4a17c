"""Check that ``mdclean --fix`` never changes what front matter means, and that what it repairs loads.

For each corpus folder: copy it, run ``mdclean --fix --unsafe-fixes`` on the copy, and
compare each file's front matter before and after, read the way generators and the
judge read it (markdown-it's front matter block, ruamel.yaml's safe loader; ``+++``
blocks with tomllib):

- front matter that loaded before loads after to exactly the same data, except for
  keys whose value was an HTML list of links (FM010 removes those; they are counted);
- front matter that did not load before and was changed by the fix loads after.

Usage: python scripts/check_front_matter.py [FOLDER...]  (default: the shared dirty and clean corpora)
Exits 1 when a file breaks either promise, listing it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from ruamel.yaml import YAML

from mdclean.files import MARKDOWN_SUFFIXES
from mdclean.frontmatter.boilerplate import is_link_list
from mdclean.frontmatter.formats import tomllib

CORPORA = (Path("/work/shared/corpus/dirty"), Path("/work/shared/corpus/clean"))
_PARSER = MarkdownIt("commonmark").use(front_matter_plugin)
_MISSING = object()


@dataclass
class Tally:
    files: int = 0
    with_front_matter: int = 0
    loaded_before: int = 0
    loaded_same_after: int = 0
    link_list_keys_removed: int = 0
    broken_before: int = 0
    repaired_and_loading: int = 0
    broken_untouched: int = 0
    failures: list[str] = field(default_factory=list)


def front_matter(text: str) -> tuple[str, str] | None:
    """(format, body) of the front matter a generator sees, or None."""
    if text.startswith("+++"):
        lines = text.split("\n")
        for i, line in enumerate(lines[1:], 1):
            if line.rstrip("\r").rstrip() == "+++":
                return "toml", "\n".join(lines[1:i])
        return None
    for token in _PARSER.parse(text)[:1]:
        if token.type == "front_matter":
            return "yaml", token.content
    return None


def load(fmt: str, body: str) -> Any:
    """The data, or _MISSING when the body does not load."""
    try:
        if fmt == "toml":
            return tomllib.loads(body)
        return YAML(typ="safe", pure=True).load(body)
    except Exception:  # noqa: BLE001 (every loader error means "does not load" here)
        return _MISSING


def check_folder(folder: Path, mdclean: list[str]) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary, folder.name)
        shutil.copytree(folder, work)
        subprocess.run(
            [*mdclean, "--fix", "--unsafe-fixes", "-q", str(work)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        for before_path in sorted(folder.rglob("*")):
            if before_path.suffix.lower() not in MARKDOWN_SUFFIXES or not before_path.is_file():
                continue
            tally.files += 1
            after_path = work / before_path.relative_to(folder)
            before_text = before_path.read_bytes().decode("utf-8", "replace")
            after_text = (
                after_path.read_bytes().decode("utf-8", "replace") if after_path.exists() else ""
            )
            _compare(str(before_path.relative_to(folder)), before_text, after_text, tally)
    return tally


def _compare(name: str, before_text: str, after_text: str, tally: Tally) -> None:
    before, after = front_matter(before_text), front_matter(after_text)
    if before is None:
        if after is not None and load(*after) is _MISSING:
            tally.failures.append(f"{name}: the fix made front matter that does not load")
        return
    tally.with_front_matter += 1
    data_before = load(*before)
    data_after = load(*after) if after is not None else _MISSING
    if data_before is not _MISSING:
        tally.loaded_before += 1
        expected = data_before
        if isinstance(data_before, dict):
            expected = {k: v for k, v in data_before.items() if not is_link_list(v)}
            tally.link_list_keys_removed += len(data_before) - len(expected)
        if data_after is not _MISSING and (data_after in (expected, data_before)):
            tally.loaded_same_after += 1
        else:
            tally.failures.append(
                f"{name}: front matter loaded before the fix and "
                f"{'does not load' if data_after is _MISSING else 'loads to other data'} after"
            )
        return
    tally.broken_before += 1
    if after == before:
        tally.broken_untouched += 1
    elif data_after is not _MISSING:
        tally.repaired_and_loading += 1
    else:
        tally.failures.append(
            f"{name}: the fix changed broken front matter and it still does not load"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(CORPORA))
    parser.add_argument(
        "--mdclean",
        default=str(Path(sys.executable).with_name("mdclean")),
        help="the mdclean command to run (default: the one next to this Python)",
    )
    args = parser.parse_args(argv)
    failed = False
    for folder in args.folders:
        tally = check_folder(folder, [args.mdclean])
        print(
            f"{folder}: {tally.files} files, {tally.with_front_matter} with front matter; "
            f"loaded before {tally.loaded_before}, same data after {tally.loaded_same_after} "
            f"(link-list keys removed: {tally.link_list_keys_removed}); broken before {tally.broken_before}, "
            f"repaired and loading {tally.repaired_and_loading}, left as they were {tally.broken_untouched}"
        )
        for failure in tally.failures:
            print(f"  FAIL {failure}")
        failed = failed or bool(tally.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
