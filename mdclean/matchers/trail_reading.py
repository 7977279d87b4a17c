"""A site's breadcrumb trail read from a block's links, for BP185's region (any shape).

Themes print the trail above an article (schema.org's ``BreadcrumbList``), and converters keep
it as a line or a list: ``[Home](https://site/) » [Linux](https://site/linux/) » Title``, or
``1. [HOME](https://site/)`` / ``2. Title``. Whatever the language and the separator, its shape
is the same: the first link leads to a site's home page, every other link to a page of that
same site (below the first one's path), nothing stands between the links but separators, and the text after the last link,
if any, names the page (one of its headings or its front matter's title). (``breadcrumb``,
BP107's matcher, finds a paragraph's trail joined by arrows before the first prose, on any
page; this reading serves BP185, on a page saved from the web, whatever the trail's form: an
html2text list ``1. [HOME](…)`` / ``2. Title`` too.) A list of sites
("[GitHub](https://github.com/)", "[GitLab](https://gitlab.com/)") links several sites' home
pages, and an author's sentence has words between its links: neither reads as a trail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from urllib.parse import urlsplit

from ..document import Document, Node
from .healed_links import healed_skeleton
from .link_targets import is_own, site_of
from .linkblocks import LINK, LIST_KINDS, SEPARATORS, Link, inline_skeletons
from .page_head import site_root
from .phrase_lists import load_phrase_list

_NOT_WORD = re.compile(r"[\W_]+")
_DESCENT_LINKS = 2
"""The links of a trail whose first link is a section's page, not the site's root."""
_MIN_TITLE = 4
"""The characters of a trail's last part that may name the page by opening its title."""


def breadcrumb(doc: Document, node: Node, titles: Iterable[str]) -> bool:
    """Whether a paragraph or list is a breadcrumb trail (see the module's doc); ``titles``:
    the page's headings and title, folded as ``folded`` folds them."""
    parts = _parts(doc, node)
    if parts is None:
        return False
    links, pieces = parts
    if not links or SEPARATORS.sub("", "".join(pieces[:-1])):
        return False
    last = folded(pieces[-1])
    titles = set(titles)
    # (a section's one link, "1. [Accueil](/pro/)" / "2. Title", is a trail when it is
    # labelled as home and what follows it is the page's title itself: two signals, as a root
    # link and a descent are)
    named = bool(last) and last in titles and _home_label(links[0].text)
    if not _one_site(links, named=named):
        return False
    return not last or any(_names(last, title) for title in titles)


def _parts(doc: Document, node: Node) -> tuple[list[Link], list[str]] | None:
    """A paragraph's or list's links, and the texts before, between and after them."""
    if node.kind not in ("paragraph", *LIST_KINDS):
        return None
    containers = (*LIST_KINDS, "list_item")
    skeletons = inline_skeletons(doc, node, ("paragraph",), containers, healed_skeleton)
    if not skeletons:
        return None
    links = [link for skel in skeletons for link in skel.links]
    return links, " ".join(skel.text for skel in skeletons).split(LINK)


def folded(text: str) -> str:
    """Text folded for comparison: lower case, words joined by single spaces."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _home_label(text: str) -> bool:
    """Whether a link's text is a home page's label in a theme's words ("Home", "Accueil",
    "首页": ``home-labels``)."""
    return _home_pattern().fullmatch(folded(text)) is not None


@cache
def _home_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_phrase_list("home-labels")), re.I)


def _one_site(links: list[Link], named: bool = False) -> bool:
    """The first link leads to a site's home page (its root, or a section every other link
    descends from: "Home" on ``/blog``; alone, with ``named``: labelled as home, and the
    trail's last part is the page's title), every other one to a deeper page of that site."""
    home = links[0].href.strip()
    site = site_of(home)
    if site is None and not _rooted(home):
        return False
    if not site_root(home) and len(links) < _DESCENT_LINKS and not named:
        return False  # (one link to a section: no trail descends from it)
    base = _path(home).rstrip("/") + "/"
    return all(_below(link.href.strip(), site, base) for link in links[1:])


def _below(href: str, site: str | None, base: str) -> bool:
    """Whether a link leads to a page of ``site`` (a rooted path when it is None) under the
    path ``base``."""
    same = is_own(href, site, relative=False) if site is not None else _rooted(href)
    return same and _path(href).startswith(base)


def _rooted(href: str) -> bool:
    return href.startswith("/") and not href.startswith("//")


def _path(href: str) -> str:
    try:
        return urlsplit(href).path or "/"
    except ValueError:
        return ""


def _names(part: str, title: str) -> bool:
    """Whether a trail's last part names the page: the title itself, or its opening (a theme
    shortens a long title) or the title's longer form."""
    if not title:
        return False
    if part == title:
        return True
    shorter, longer = sorted((part, title), key=len)
    return len(shorter) >= _MIN_TITLE and longer.startswith(shorter)
