"""Links to a code repository's record of its work: commits, issues, pull requests, releases.

A list of such links is a project report or a changelog ("[fix the parser](…/commit/7c38093)",
"[#2310](…/issues/2310)"): the author's account of the work, never a site's "more
articles" block, whatever its place or length. The link farms leave it. The shapes are the
forges' own (GitHub, GitLab, Gitea and Gitee, Bitbucket, cgit, Gerrit, Bugzilla, Trac):
a page of one commit, issue, change or release, named by its id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .linkblocks import Link

_WORK_PAGE = re.compile(
    r"""(?:https?:)?//[^/#?\s]+(?:/[^#\s]*?)?
    (?:
        /(?:commits?|changeset|revision|rev)/(?=[a-f]*\d)[0-9a-f]{7,64}(?![0-9a-z])   # a commit
      | /commit/?\?(?:[^#\s]*&)?id=[0-9a-f]{7,64}                         # cgit's commit page
      | /(?:issues|pulls?|pull-requests|merge_requests|ticket|\+bug)/\d+(?!\w)
      | /releases/tag/[^/#?\s]+                                            # a release
      | /compare/[^/#?\s]+\.\.                                             # changes between two
      | /show_bug\.cgi\?(?:[^#\s]*&)?id=\d+                                # Bugzilla
      | /\+/\d+(?!\w)                                                      # a Gerrit change
    )""",
    re.I | re.X,
)
_MIN_SHARE = 0.5
"""Half of a list's links to the work of a repository make it a record, not a farm."""


# A folder or file in a code repository holds many things: samples or functions named one by
# one rightly lead to the one folder ("CatDB", "DBViewer", "MultiRead" -> .../Consumer).
CODE_HOSTS = r"github\.com|gitlab\.com|gitee\.com|codeberg\.org|bitbucket\.org"
"""The hosts of code repositories (a regex alternation)."""
_REPOSITORY_PATH = re.compile(
    rf"(?:https?:)?//(?:www\.)?(?:{CODE_HOSTS})/[^/]+/[^/]+/(?:-/)?(?:tree|blob|src)/",
    re.I,
)


def in_repository(href: str) -> bool:
    """Whether an address is a folder or file of a code repository (``github.com/o/r/tree/…``)."""
    return _REPOSITORY_PATH.match(href) is not None


def records_work(href: str) -> bool:
    """Whether an address is the page of one commit, issue, change or release of a repository."""
    return _WORK_PAGE.match(href.strip()) is not None


def record_of_work(links: Sequence[Link]) -> bool:
    """Whether at least half of the links lead to a repository's commits, issues or releases."""
    return bool(links) and sum(records_work(link.href) for link in links) >= _MIN_SHARE * len(links)
