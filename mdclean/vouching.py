"""Readings of a removed block's own text that vouch for an unsafe fix (``corroboration``).

A line-level rule (a text copy's menu lines, a tail's caption lines) or a link-shape rule often
finds a block that no second matcher family finds: the page's shape is its only reading. These
readings look at what the fix removes, and nothing else, and find there evidence no page shape
gives:

- *captions of four families*: among the lines removed, whole lines that are captions of
  four different families of the chrome lists (the site's account buttons, the social
  networks' names, a share row's buttons, the home page...), or of three when one is an
  anchor only chrome holds (a skip link, a legal or copyright line: as BP140's own safe core
  reads a run), and no line of prose (a sentence of five words or more, or a line of more
  than fifteen words) anywhere in it;
- *machinery links*: every line removed is links alone (at most three words beside them) or a
  short caption, at least three links, and every link leads to a share, log-in or comment
  endpoint, a social network's profile page, a theme's own pages (its taxonomies, authors,
  comment anchors: ``theme_link``) or the home page of the site the page notes it was saved
  from. Feeds, log-in pages and the platform's credit alone do not (a guide lists a blog's
  feed addresses: the Meta widget is LK013's exact template).

Either holds for a block's words or links whatever rule found it; an article's sentences, and
its links to sources, never read so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .document import Document
from .matchers.fix_safety import (
    junk_endpoint,
    page_address,
    site_home,
    site_of,
    social_profile,
    theme_link,
)
from .matchers.line_reading import line_reading
from .matchers.linkblocks import word_count
from .matchers.phrase_lists import phrase_pattern
from .models import Violation

CAPTION_FAMILIES: dict[str, tuple[str, ...]] = {
    "skip": ("skip-links",),
    "controls": ("header-controls", "search-titles", "back-to-top", "language-switcher-lines"),
    "home": ("home-labels", "site-menu-captions"),
    "account": ("account-buttons", "login-prompts"),
    "widgets": ("sidebar-widget-titles",),
    "social": ("social-network-names", "follow-prompts"),
    "share": ("share-buttons", "share-labels", "share-button-words", "like-widgets"),
    "legal": ("legal-captions", "copyright-lines", "copyright-rights", "legal-imprint-labels"),
    "pager": ("pager-captions",),
    "comments": ("reply-buttons", "comment-section-labels"),
    "newsletter": ("newsletter-signup-captions", "subscribe-buttons"),
    "tail": ("tail-buttons",),
}
"""The chrome lists, grouped: two lists of one family (a share row's label and its buttons)
are one reading."""
MIN_FAMILIES = 4
ANCHORED_FAMILIES = 3
ANCHORS = frozenset({"skip", "legal"})
"""A skip link or a legal page's caption is chrome's alone: with it, three families do."""
MIN_LINKS = 3
_SENTENCE_END = re.compile(r"(?<![.…])[.!?;。！？；](?:[\"'”’»」』)\]]*)$")
_SENTENCE_WORDS = 5
_LONG_WORDS = 15
_MARKER = re.compile(r"^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)[^)\n]*\)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_CAPTION_WORDS = 4


@cache
def _family_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for family, lists in CAPTION_FAMILIES.items():
        pattern = phrase_pattern({"phrases": list(lists)})
        if pattern:
            patterns.append((family, re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE)))
    return tuple(patterns)


def removed_lines(doc: Document, violation: Violation) -> list[str]:
    """The source lines (not blank) the violation's fix removes."""
    assert violation.fix is not None
    lines: list[str] = []
    for edit in violation.fix.edits:
        lines += [line for line in doc.text[edit.start : edit.end].splitlines() if line.strip()]
    return lines


def _prose(text: str) -> bool:
    words = word_count(text)
    return words > _LONG_WORDS or (
        words >= _SENTENCE_WORDS and _SENTENCE_END.search(text) is not None
    )


def caption_families(lines: Iterable[str]) -> set[str] | None:
    """The families of chrome captions that are whole lines among ``lines``; None when a line
    is prose."""
    families: set[str] = set()
    for raw in lines:
        text = line_reading(_MARKER.sub("", raw.strip()))[0]
        found = next((f for f, p in _family_patterns() if p.fullmatch(text)), None)
        if found is not None:
            families.add(found)
        elif _prose(text):
            return None
    return families


def chrome_captions(lines: list[str]) -> bool:
    """Whether lines hold whole-line captions of ``MIN_FAMILIES`` families (``ANCHORED_FAMILIES``
    with an anchor among them) and no prose."""
    families = caption_families(lines)
    if families is None:
        return False
    return len(families) >= (ANCHORED_FAMILIES if families & ANCHORS else MIN_FAMILIES)


def machinery_links(lines: list[str], site: str | None) -> bool:
    """Whether every line is links alone (or a short caption) and every link, of at least
    ``MIN_LINKS``, leads to a page's machinery, a profile or the noted site's home page."""
    hrefs: list[str] = []
    for raw in lines:
        line = _IMAGE.sub(" ", _MARKER.sub("", raw.strip()))
        links = _MD_LINK.findall(line)
        outside = word_count(line_reading(_MD_LINK.sub(" ", line))[0])
        if (not links and outside > _CAPTION_WORDS) or (links and outside > 3):
            return False
        hrefs += [href for _, href in links]
    return len(hrefs) >= MIN_LINKS and all(_machinery(href, site) for href in hrefs)


def _machinery(href: str, site: str | None) -> bool:
    return (
        junk_endpoint(href)
        or social_profile(href)
        or theme_link(href)
        or (site is not None and site_home(href, site))
    )


def evidence_vouches(doc: Document, violation: Violation) -> bool:
    """Whether the removed block's own text vouches for its fix (either reading)."""
    lines = removed_lines(doc, violation)
    if not lines:
        return False
    if chrome_captions(lines):
        return True
    address = page_address(doc)
    return machinery_links(lines, site_of(address) if address else None)
