"""Trigger conditions on the links of a raw text, for the link rules (see ``fastpath.triggers``).

Each reads the link counts of ``linkblocks`` (kept per text, so the rules that ask share one
reading), which say when the raw text cannot tell: then the condition holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..fastpath.triggers import Trigger
from .linkblocks import external_page_counts, link_target_counts, own_file_keys


@dataclass(frozen=True)
class ExternalLinks(Trigger):
    """At least ``at_least`` external links (to ``//``, ``http://``, ``https://``), and at least
    ``to_one_page`` of them to one page (fragment and trailing slash ignored)."""

    at_least: int
    to_one_page: int = 0
    beyond_root: bool = False
    """Count only the links to a page beyond a site's root (a key with a path)."""

    def holds(self, text: str) -> bool:
        counts = external_page_counts(text)
        if counts is None:
            return True
        if self.beyond_root:
            counts = {key: n for key, n in counts.items() if "/" in key}
        return (
            sum(counts.values()) >= self.at_least
            and max(counts.values(), default=0) >= self.to_one_page
        )


@dataclass(frozen=True)
class RepeatedTargets(Trigger):
    """At least ``targets`` link targets, not all in-page anchors or the repository's own source
    files (``own_file_keys``), each the target of two links at least (a link list repeated:
    each of its targets is linked in the earlier list too)."""

    targets: int

    def holds(self, text: str) -> bool:
        counts = link_target_counts(text)
        if counts is None:
            return True
        repeated = {key: n for key, n in counts.items() if n >= 2}
        if sum(repeated.values()) < 2 * max(1, self.targets):
            return False
        others = [key for key in repeated if not key.startswith("#")]
        if not others:
            return False
        own = own_file_keys(text)
        return any(key not in own for key in others)
