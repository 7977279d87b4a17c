"""``back-to-top``: a theme's "Back to top" button, a block that is that one link to the page's top.

A ``phrase-block`` with ``link_only`` whose one link's target is also a theme's: an anchor in
``targets`` (``#top``, ``#page``, ``#masthead``, a bare ``#``), or any anchor of an absolute
address (a crawler resolves the theme's ``#top`` against the page). A README's own "back to
top" links to its first heading (``#readme``, ``#table-of-contents``, ``#my-project``) and
stays: its author wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .linkblocks import Skeleton
from .phrase_block import PhraseBlockMatcher

_ABSOLUTE_ANCHOR = re.compile(r"https?://[^\s#]+#[^\s]*", re.IGNORECASE)
_SCRIPT = re.compile(r"javascript:", re.IGNORECASE)


class BackToTopMatcher(PhraseBlockMatcher):
    name = "back-to-top"
    params = MappingProxyType({**PhraseBlockMatcher.params, "targets": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._targets = tuple(str(target).lower() for target in params.get("targets", ["#top"]))

    @cached_property
    def _theme_anchor(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(t) for t in self._targets), re.IGNORECASE)

    def _is_widget(self, skel: Skeleton) -> bool:
        """One link alone (``link_only``), to a theme's anchor."""
        if not super()._is_widget(skel) or len(skel.links) != 1:
            return False
        href = skel.links[0].href.strip()
        return bool(
            self._theme_anchor.fullmatch(href)
            or _ABSOLUTE_ANCHOR.fullmatch(href)
            or _SCRIPT.match(href)
        )
