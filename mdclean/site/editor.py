"""Site templates for a long-lived process (the language server): an editor's request judges
the file against its whole site, as the command line does, without learning it per keystroke.

Each request brings a fresh ``Resolver`` (a configuration edited meanwhile applies at once),
but the sites learned stay: a site is learned at its first request, and again only after one
of its files is saved or ``max_age`` seconds later (a pull, another tool). Each file's
digests are kept by ``stat`` signature, so learning again reads only the files that changed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from ..config import Config
from ..settings import Resolver
from .learning import DigestCache, SiteProfiles
from .profile import SiteTemplate
from .roots import Site, is_inside

MAX_AGE_SECONDS = 60.0


class EditorSites:
    def __init__(
        self, max_age: float = MAX_AGE_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.digests = DigestCache(None, remember=True)
        self.learned: dict[tuple[Site, str], tuple[float, SiteTemplate]] = {}
        self.max_age = max_age
        self.clock = clock

    def config_for(self, resolver: Resolver, path: Path, workspace: Path | None) -> Config:
        """The Config for ``path``, with its site's template; the site is the one a command-line
        run on ``workspace`` (the editor's folder) would give, or on the file alone outside it."""
        absolute = os.path.abspath(path)
        named = (
            workspace
            if workspace is not None and is_inside(absolute, os.path.abspath(workspace))
            else path
        )
        profiles = SiteProfiles(resolver, [named], skip=resolver.skip, digests=self.digests)
        key = profiles.site_key(path)
        if key is None:
            return resolver.config_for(path)
        now = self.clock()
        entry = self.learned.get(key)
        if entry is None or now - entry[0] >= self.max_age:
            self.digests.check_again()
            entry = self.learned[key] = (now, profiles.template_for(path))
        else:
            profiles.adopt(path, entry[1])
        return profiles.config_for(path)

    def saved(self, path: Path) -> None:
        """A file was written: the sites that may hold it are learned again at their next request."""
        absolute = os.path.abspath(path)
        for key in [key for key in self.learned if is_inside(absolute, key[0].root)]:
            del self.learned[key]
