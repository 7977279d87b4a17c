"""Where a saved page's links lead: to the page's own site or not, to a section or an article.

A page converted from the web (html2text, markdownify, crawl4ai, a clipper) keeps the site's
navigation as links, and what tells a menu from an article's links is where they lead, in any
language: a menu links the site's own *section pages* (its home, ``/politics/``,
``/edition-la-plaine``, ``list_26912``, ``/tag/x``: a path of one to four short segments), an
article's teasers link its *permalinks* (a date in the path, ``/2020/09/23/``, a numeric id of
five digits or more, a slug of five words or more, ``story-4668753.html``), and anything else
(a file, an anchor, a mail address, a script) is neither.

``page_site`` is the page's own site: the one its crawler or clipper noted, else the one most
of its absolute links lead to (``link_site``). A link is the site's own when it is a path (from
the root or relative to the page, not an anchor) or an address on that site or any of its
subdomains (``site_of`` reads a host's registrable part: ``noticias.uol.com.br`` and
``batepapo.uol.com.br`` are one site's).

Pure readings of one address each; the page's site is read once per document.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from ..document import Document
from .fix_safety import site_of
from .link_site import link_site
from .saved_page import note_address

Shape = Literal["section", "permalink", "other"]

SECTION: Shape = "section"
PERMALINK: Shape = "permalink"
OTHER: Shape = "other"

_SECTION_DEPTH = 4
"""The segments of a section page's path at most (``/esporte/futebol/``)."""
_SEGMENT_CHARS = 40
"""A section's segment is a short name; a longer one is a headline's slug."""
_SLUG_WORDS = 5
"""The words of a segment that make it an article's slug (``incendie-dans-une-maison-cinq``)."""
_DATE = re.compile(
    r"(?:^|/)(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:^|\D)(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\D|$)"
)
"""A date in a path: ``/2020/09/``, ``2020-09-23``, ``20200923``."""
_LONG_NUMBER = re.compile(r"^\d{5,}$")
"""A segment that is a number of five digits or more: an article's id (``/moskva/8836033``)."""
_ATTACHED_ID = re.compile(r"\d{6,}")
"""A run of six digits or more inside a segment: an id (``ld.1759794``, ``story-4668753``);
a section's numbered list is shorter (``list_26912``)."""
_QUERY_ID = re.compile(r"(?:^|&)[\w.-]*=\d{5,}(?:&|$)")
"""A query holding an id (``?pk_no=1412361``, ``?p=12345``)."""
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jspx?|cms|do|cgi)$", re.I)
_FILE_EXTENSION = re.compile(
    r"\.(?:md|markdown|mdx|rst|txt|adoc|ipynb|pdf|zip|gz|tgz|rar|7z|exe|dmg|msi|deb|rpm|apk"
    r"|png|jpe?g|gif|webp|svg|avif|bmp|ico|mp3|mp4|webm|mov|csv|xlsx?|docx?|pptx?|json|xml"
    r"|rss|atom|ics|epub|js|css|py|c|h|go|rs|java|ts|sh|ya?ml|toml)$",
    re.I,
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_WEB = re.compile(r"^(?:https?:)?//", re.I)
_WORDS = re.compile(r"[^\W_]+")


def page_site(doc: Document) -> str | None:
    """The page's own site (registrable part): the address its saver noted, else the site most
    of its absolute links lead to (``link_site``); None when neither says."""
    store = doc.shared("link_targets")
    if "site" not in store:
        store["site"] = _read_site(doc)
    site: str | None = store["site"]
    return site


def _read_site(doc: Document) -> str | None:
    address = note_address(doc)
    if address is not None:
        return site_of(address)
    return link_site(href.strip("<>") for href in _MARKDOWN_LINK.findall(doc.text))


_MARKDOWN_LINK = re.compile(r"\]\((<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)")
"""An inline link's target as the source writes it (enough to read which site most lead to)."""


def _target(href: str) -> str:
    return href.strip().strip("<>").strip()


def is_web_path(href: str) -> bool:
    """A path (from the site's root or relative to the page) or a web address: not an anchor
    of the page, a mail address, a script or another scheme."""
    href = _target(href)
    if not href or href.startswith("#"):
        return False
    return _WEB.match(href) is not None or _SCHEME.match(href) is None


def own_link(href: str, site: str | None) -> bool:
    """Whether a link leads to the page's own site: a path (rooted or relative to the page),
    or an address on ``site`` or any of its subdomains."""
    href = _target(href)
    if not is_web_path(href):
        return False
    if _WEB.match(href) is None:
        return True
    return site is not None and site_of(href) == site


def absolute(href: str) -> bool:
    """Whether a link names its host (``https://…``, ``//…``)."""
    return _WEB.match(_target(href)) is not None


def target_shape(href: str) -> Shape:
    """The shape of a link's target (see the module's doc): ``section``, ``permalink`` or
    ``other``."""
    href = _target(href)
    if not is_web_path(href):
        return OTHER
    try:
        parts = urlsplit(href if _WEB.match(href) is None or "://" in href else "http:" + href)
    except ValueError:
        return OTHER
    if _DATE.search(parts.path) or _QUERY_ID.search(parts.query):
        return PERMALINK
    return _path_shape([segment for segment in parts.path.split("/") if segment not in ("", ".")])


def _path_shape(segments: list[str]) -> Shape:
    """The shape of a path without a date, by its segments."""
    if ".." in segments:
        return OTHER  # (a page relative to a folder above: a manual's, an offline copy's)
    if segments and _FILE_EXTENSION.search(segments[-1]):
        return OTHER
    if any(_permalink_segment(segment) for segment in segments):
        return PERMALINK
    return OTHER if len(segments) > _SECTION_DEPTH else SECTION


def _permalink_segment(segment: str) -> bool:
    name = _PAGE_EXTENSION.sub("", segment)
    if _LONG_NUMBER.match(name) or _ATTACHED_ID.search(name):
        return True
    words = _WORDS.findall(name.replace("_", " "))
    if len(words) >= _SLUG_WORDS:
        return True
    if len(name) > _SEGMENT_CHARS:
        return True
    # a page named by a number in a page's extension: "story/1234.html"
    return name != segment and any(ch.isdigit() for ch in name) and len(name) >= 4


def section_link(href: str, site: str | None) -> bool:
    """A link to a section page of the page's own site."""
    return own_link(href, site) and target_shape(href) == SECTION


def permalink(href: str) -> bool:
    """A link to an article's permalink (any site)."""
    return target_shape(href) == PERMALINK
