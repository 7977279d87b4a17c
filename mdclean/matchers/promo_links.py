"""Where a promotion's links lead: the URL shapes of paying, giving and signing up.

A promotion is worded differently on every site, but its links go to the same kinds of places:
a membership, tip or donation platform, a checkout, an event's registration page, a course
shop, a newsletter form (``promo-platforms``: hosts and paths, any language), or the site's own
donation, support or membership page (``promo-paths``: one whole path segment, in the site's
language, ``/soutenir``, ``/unterstuetzen``, ``/support-now``). And the site's marketing tools
tag the links of its own promotions with campaign parameters (``campaign-parameters``, the
names ClearURLs and the URL-tracking filter lists strip: ``itm_campaign``, ``mc_cid``).
These are readings of addresses only; the rules that use them ask for other evidence too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..fastpath.regex_literals import required_literals
from .base import ParamError
from .phrase_lists import phrases_of
from .repository_links import CODE_HOSTS

_SCHEME = re.compile(r"^\s*<?(?:https?:)?//(?:www\.)?", re.IGNORECASE)
_PATH = re.compile(r"^(?:(?:https?:)?//[^/?#\s]*)?([^?#\s]*)", re.IGNORECASE)
_QUERY_NAMES = re.compile(r"[?&;]([\w.-]+)=", re.IGNORECASE)
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?)$")
_CODE_HOST = re.compile(
    rf"^(?:https?:)?//(?:www\.)?(?:{CODE_HOSTS}|sourceforge\.net|raw\.githubusercontent\.com)/",
    re.IGNORECASE,
)
_GHOST_PORTAL = re.compile(r"#/portal/(?:signup|account/plans|support)", re.IGNORECASE)


@dataclass(frozen=True)
class PromoLinks:
    """The three readings, compiled from a rule's params (lists of ``rules/phrases``)."""

    platforms: re.Pattern[str] | None
    paths: frozenset[str]
    campaigns: frozenset[str]
    literals: tuple[str, ...] | None
    """Strings one of which every endpoint's address holds (None: not known)."""

    def endpoint(self, href: str) -> bool:
        """Whether ``href`` leads where readers pay, give or sign up."""
        href = href.strip()
        if self._on_platform(href) or _GHOST_PORTAL.search(href):
            return True
        if _CODE_HOST.match(href):
            return False  # a repository's file or folder, named as it likes
        path = _PATH.match(href)
        # (the piece before the first "/" is a relative path's own: never a site's page)
        parts = path.group(1).lower().split("/")[1:] if path is not None else []
        return any(_EXTENSION.sub("", part) in self.paths for part in parts)

    def _on_platform(self, href: str) -> bool:
        """Whether an absolute address is on a platform of the list."""
        return (
            self.platforms is not None
            and _SCHEME.match(href) is not None
            and self.platforms.match(_SCHEME.sub("", href, count=1)) is not None
        )

    def campaign(self, href: str) -> bool:
        """Whether ``href`` carries a campaign parameter of the lists."""
        return any(name.lower() in self.campaigns for name in _QUERY_NAMES.findall(href))


def promo_links(params: Mapping[str, Any]) -> PromoLinks:
    """The readings of the lists a rule names (``platforms``, ``paths``, ``campaigns``)."""
    platforms = _joined(phrases_of(params, "platforms", "platforms_inline"))
    # The path segments are words written out: each is its own literal, after its "/".
    paths = frozenset(p.lower() for p in phrases_of(params, "paths", "paths_inline"))
    compiled = re.compile(platforms, re.I) if platforms else None
    campaigns = frozenset(p.lower() for p in phrases_of(params, "campaigns", "campaigns_inline"))
    return PromoLinks(compiled, paths, campaigns, _literals(compiled, paths))


def _joined(phrases: list[str]) -> str | None:
    for phrase in phrases:
        try:
            re.compile(phrase)
        except re.error as error:
            raise ParamError(f"bad address pattern {phrase!r}: {error}") from None
    return "|".join(f"(?:{p})" for p in phrases) if phrases else None


def _literals(platforms: re.Pattern[str] | None, paths: frozenset[str]) -> tuple[str, ...] | None:
    """What every endpoint's address holds: a platform's literal, "/" and a path segment, or
    the Ghost portal's fragment (None when a platform's pattern gives no literal)."""
    found = required_literals([platforms]) if platforms is not None else ()
    if found is None:
        return None
    return (*found, *sorted(f"/{segment}" for segment in paths), "#/portal/")
