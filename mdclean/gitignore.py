"""Which paths git ignores, read from the ``.gitignore`` files of a work tree, as git reads them.

Paths here are strings (``/``-separated below a base folder): discovery asks about every file
and folder it meets, so this is string work, not pathlib.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pathspec


def posix_relative(absolute: str, base: str) -> str:
    """``absolute`` below ``base`` as a ``/``-separated path; outside it, the whole path without the root.

    String work, not pathlib: this runs for every file and folder a run meets.
    """
    prefix = base if base.endswith(os.sep) else base + os.sep
    relative = absolute[len(prefix) :] if absolute.startswith(prefix) else absolute.lstrip(os.sep)
    return relative.replace(os.sep, "/") if os.sep != "/" else relative


def last_verdict(verdicts: Iterable[bool | None]) -> bool:
    """Whether git ignores a path, given each ``.gitignore``'s verdict on it, top file first: the
    last matching line, deepest file last, decides (None: no line of that file matches)."""
    ignored = False
    for verdict in verdicts:
        if verdict is not None:
            ignored = verdict
    return ignored


class GitIgnores:
    """The ``.gitignore`` files of a work tree, read once per run; none apply outside a work tree."""

    def __init__(self) -> None:
        self._chains: dict[str, tuple[tuple[str, pathspec.GitIgnoreSpec], ...]] = {}
        self._tops: dict[str, str | None] = {}

    def ignores(self, absolute: str, *, is_dir: bool) -> bool:
        """Whether git would ignore an absolute path: the last matching line, deepest file last, decides."""
        slash = "/" if is_dir else ""
        return last_verdict(
            spec.check_file(posix_relative(absolute, base) + slash).include
            for base, spec in self.chain(os.path.dirname(absolute))
        )

    def chain(self, folder: str) -> tuple[tuple[str, pathspec.GitIgnoreSpec], ...]:
        """The ``.gitignore`` files from the work tree's top down to ``folder``, with their folders."""
        if folder not in self._chains:
            top = self.top(folder)
            if top is None:
                chain: tuple[tuple[str, pathspec.GitIgnoreSpec], ...] = ()
            else:
                chain = () if folder == top else self.chain(os.path.dirname(folder))
                spec = read_gitignore(os.path.join(folder, ".gitignore"))
                if spec is not None:
                    chain += ((folder, spec),)
            self._chains[folder] = chain
        return self._chains[folder]

    def top(self, folder: str) -> str | None:
        """The top of the git work tree an absolute folder is in (None outside one)."""
        if folder not in self._tops:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                self._tops[folder] = folder
            else:
                self._tops[folder] = None if parent == folder else self.top(parent)
        return self._tops[folder]


def read_gitignore(path: str) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
    except OSError:
        return None  # no such file (the common case) or unreadable: nothing ignored
