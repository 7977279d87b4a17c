"""Where a footer's links lead: the site's own service pages, read from the address alone.

A site's footer links the same pages on every site, whatever its language calls them: the
legal notice, the privacy policy, the terms, contact, about, careers, advertising, help, the
site map (``site-info-paths``: URL path words, ``/impressum``, ``/mentions_legales``,
``/hakkimizda``, ``/lien-he``). A link leads to such a page when one segment of its path,
split into words at "-", "_", "." and "+" (its extension dropped), holds one entry's words in
a row and at most ``_EXTRA_WORDS`` words besides (``/ueber-srf-impressum``,
``/rechtliches-datenschutzerklaerung``; not an article's long slug), in a path of at most
``_DEPTH`` segments, none of them a number or a date (an article's permalink); or when its
host's first label is such a word and its path is short (``jobs.example.ch``,
``ad.example.jp``). App stores are read by host (``app_store``). These are readings of
addresses only; the rules that use them ask for more (several such links in a block of links
alone, at the page's end).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .link_targets import page_name
from .phrase_lists import phrases_of

_DEPTH = 3
_EXTRA_WORDS = 2
_HOST_DEPTH = 2
_ENTRY_WORDS = 3
_ADDRESS = re.compile(
    r"^\s*<?(?:(?:https?:)?//(?:[^@/\s]*@)?(?P<host>[^/:?#\s>]+)(?::\d+)?)?(?P<path>[^?#\s>]*)",
    re.IGNORECASE,
)
_WORD_SPLIT = re.compile(r"[-_.+~]+")
_NUMBERED = re.compile(r"\d{3,}")
"""A segment holding a long number: an article's id or a date, never a service page."""
_APP_STORE = re.compile(
    r"^\s*<?(?:https?:)?//(?:apps\.apple\.com|itunes\.apple\.com|play\.google\.com/store"
    r"|appgallery\.huawei\.com|(?:www\.)?microsoft\.com/[\w-]*/?store/apps?|apps\.microsoft\.com"
    r"|galaxystore\.samsung\.com|www\.rustore\.ru/catalog/app|appgallery\.cloud\.huawei\.com)",
    re.IGNORECASE,
)
"""The app stores' pages of an app: a site's "get our app" badges."""


@dataclass(frozen=True)
class SitePaths:
    """The path words of the site's service pages, compiled from a rule's params."""

    entries: frozenset[tuple[str, ...]]
    words: frozenset[str]
    """Every word of every entry (a quick first test)."""

    def gate(self) -> re.Pattern[str]:
        """What a lower-cased text holds when one of its links leads to a service page: the
        longest word of an entry as a whole word of an address (a separator or the path's
        "/" before it, one after it or the address's end). ``find`` asks it too, so that
        the fast path's answer is exactly the matcher's."""
        longest = sorted(
            {max(entry, key=len) for entry in self.entries}, key=lambda w: (-len(w), w)
        )
        words = "|".join(re.escape(word) for word in longest) or "(?!)"
        return re.compile(rf"[/\-_.+~@](?:{words})(?=[-_.+~/?#:)\s\"'>&\\\]]|$)")

    def service_page(self, href: str) -> bool:
        """Whether ``href`` leads to one of the site's service pages (the module's reading)."""
        read = _read(href)
        if read is None:
            return False
        host, segments = read
        if host and len(segments) <= _HOST_DEPTH and self._names(host.split(".")[0]):
            return True
        return any(self._names(page_name(segment)) for segment in segments)

    def _names(self, segment: str) -> bool:
        """Whether one segment's words hold an entry's words in a row, with few besides."""
        words = tuple(w for w in _WORD_SPLIT.split(segment.lower()) if w)
        if (
            not words
            or len(words) > _EXTRA_WORDS + _ENTRY_WORDS
            or not self.words.intersection(words)
        ):
            return False
        return any(
            words[start : start + size] in self.entries
            for size in range(max(1, len(words) - _EXTRA_WORDS), len(words) + 1)
            for start in range(len(words) - size + 1)
        )


def _read(href: str) -> tuple[str, list[str]] | None:
    """An address's host (lower case, "" for a path) and its path's segments; None for a
    page-relative path, an address deeper than ``_DEPTH`` or one with a long number in it."""
    match = _ADDRESS.match(href)
    if match is None:
        return None
    path = match.group("path")
    segments = [s for s in path.split("/") if s]
    if len(segments) > _DEPTH or any(_NUMBERED.search(s) for s in segments):
        return None
    host = (match.group("host") or "").lower()
    if not host and not path.startswith("/"):
        return None  # a page-relative path: a manual's own file, named as it likes
    return host, segments


def app_store(href: str) -> bool:
    """Whether ``href`` is an app's page in an app store."""
    return _APP_STORE.match(href) is not None


def site_paths(params: Mapping[str, Any], key: str = "paths") -> SitePaths:
    """The reading of the path-word lists a rule names (``paths``, ``paths_inline``)."""
    entries = frozenset(
        tuple(w for w in _WORD_SPLIT.split(p.lower()) if w)
        for p in phrases_of(params, key, f"{key}_inline")
    )
    entries = frozenset(e for e in entries if e)
    return SitePaths(entries, frozenset(w for e in entries for w in e))
