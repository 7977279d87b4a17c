"""Which site a file belongs to: the folder whose Markdown files are learned together.

In order: the folder of a ``site-roots`` glob that holds the file; the folder of the
configuration file that applies; the git work tree's root; else the folder named on
the command line (for a file named on its own, the files beside it, not every folder
below). A folder named on the command line with no configuration and no
git is taken for a dataset (a crawl, an export) when Markdown sits in its
sub-folders: each immediate sub-folder is then a site, and the files directly in
it one more. One scraped site's footer is not another's, and a template counted
over all of them together would pass the threshold on no site.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..gitignore import posix_relative
from ..settings import Settings, glob_spec


@dataclass(frozen=True)
class Site:
    root: str
    """Absolute folder."""
    recursive: bool = True
    """False: only the files directly in ``root`` (a dataset's top level)."""


class SiteRoots:
    """``site_of(path)`` for one run (remembers the git work trees it found)."""

    def __init__(self, named: Sequence[str], work_tree: Callable[[str], str | None]) -> None:
        self.named = sorted((os.path.abspath(p) for p in named if p != "-"), key=len, reverse=True)
        self.named_as_given = frozenset(named) | frozenset(self.named)
        self.work_tree = work_tree
        """The git work tree's root for an absolute folder, or None."""

    def site_of(self, path: str, settings: Settings) -> Site:
        absolute = os.path.abspath(path)
        folder = os.path.dirname(absolute)
        root = str(settings.root)
        if is_inside(folder, root):
            globbed = self._globbed(folder, settings)
            if globbed is not None:
                return Site(globbed)
            if settings.source != "defaults":
                return Site(root)
        top = self.work_tree(folder)
        if top is not None:
            return Site(top)
        return self._named_site(absolute, folder)

    def inside_named_folder(self, folder: str) -> bool:
        """Whether a folder is, or is inside, a folder named on the command line (walked whole)."""
        return any(is_inside(folder, named) and os.path.isdir(named) for named in self.named)

    def _globbed(self, folder: str, settings: Settings) -> str | None:
        """The outermost folder from the settings' root down to ``folder`` that a site-roots glob names."""
        patterns = settings.get("site-roots")
        if not patterns:
            return None
        spec = glob_spec(tuple(patterns))
        relative = posix_relative(folder, str(settings.root))
        if folder == str(settings.root):
            return None
        parts = relative.split("/")
        for depth in range(1, len(parts) + 1):
            if spec.match_file("/".join(parts[:depth]) + "/"):
                return os.path.join(str(settings.root), *parts[:depth])
        return None

    def _named_site(self, absolute: str, folder: str) -> Site:
        named = next((n for n in self.named if n == absolute or is_inside(absolute, n)), None)
        if named is None or named == absolute:
            # A file named on its own (or stdin), outside configuration and git: the files
            # beside it, not every folder below (``mdclean ~/note.md`` must not walk ``~``).
            return Site(folder, recursive=False)
        if folder == named:
            return Site(named, recursive=False)
        first = posix_relative(folder, named).split("/")[0]
        return Site(os.path.join(named, first))


def is_inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or under it (absolute paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
