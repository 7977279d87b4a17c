"""The site a saved page came from, read from its links when the page notes no address.

A crawler's or clipper's note (``url:``, "URL Source:") names the page's site exactly. A page
saved without one (its menu lines, skip link or icon links opened BP185's gate) still shows
its site: the site's own chrome (menu, logo, breadcrumb, footer columns) links the site's own
pages, as absolute addresses on one site or as paths from its root. ``link_site`` reads that
site from the links of the page's chrome: the site most absolute links share, when it holds
``MIN_LINKS`` of them and, with the rooted paths (``/about/``, which lead to the same site),
more than half of all the links read.

The site is read as ``fix_safety.site_of`` reads it (a host's registrable part, a whole host
on a platform of many sites), the reading ``link_targets.is_own`` tests links against: a link home
from ``www.example.com`` and from ``blog.example.com`` are the same site's. (Not
``head_parts.own_host``/``conversion_pitch._own_host``: those read a front matter's address,
which is the noted address this reading stands in for.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .fix_safety import junk_endpoint
from .link_targets import site_of

MIN_LINKS = 3
"""The absolute links to one site that make it the page's: one or two may be the article's."""


def link_site(hrefs: Iterable[str]) -> str | None:
    """The site most of ``hrefs`` lead to (see the module's doc); None when none leads most."""
    sites, rooted, total = _tally(hrefs)
    ranked = sites.most_common(2)
    if not ranked or ranked[0][1] < MIN_LINKS:
        return None
    top, count = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == count:
        return None  # two sites as linked as each other: which one is the page's is not clear
    return top if 2 * (count + rooted) > total else None


def _tally(hrefs: Iterable[str]) -> tuple[Counter[str], int, int]:
    """The absolute links per site, the rooted paths, and all the links read (not share or
    log-in endpoints, any site's widgets; not anchors, relative paths or mail addresses)."""
    sites: Counter[str] = Counter()
    rooted = total = 0
    for raw in hrefs:
        href = raw.strip()
        if href.startswith("/") and not href.startswith("//"):
            rooted += 1
        elif junk_endpoint(href) or (site := site_of(href)) is None:
            continue
        else:
            sites[site] += 1
        total += 1
    return sites, rooted, total
