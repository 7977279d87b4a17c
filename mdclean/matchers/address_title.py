"""The title a page's own address names: the slug a CMS made of it.

Every CMS writes a page's address from its title (WordPress's ``sanitize_title``, Drupal's
Pathauto, Hugo's and Jekyll's ``slugify``, Django's ``slugify``): the title lower-cased, its
accents dropped, each run of other characters a hyphen, often cut short. So on a page whose
saver noted its address (``saved_page.crawl_address``), the heading whose words the address's
last part spells, in order, is the page's title, whatever its language; a site's menu,
breadcrumb and search form stand above it. An address of numbers alone (``/story/12345``) or
of one word names no title here.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from .phrase_lists import without_accents

_SPLIT = re.compile(r"[\W_]+")
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|jsp|cfm)$", re.IGNORECASE)
_SLUG_WORDS = 2
"""The words a slug must hold to name a title: one word may be a section's ("/about/")."""


def _words(text: str) -> list[str]:
    """A text's words as a slug writes them: folded, without accents."""
    text = without_accents(text.casefold())
    return [word for word in _SPLIT.split(text) if word]


def slug_words(address: str) -> list[str]:
    """The words of an address's last part (its extension and its numbers aside); [] when it
    holds fewer than ``_SLUG_WORDS`` of them."""
    try:
        path = unquote(urlsplit(address.strip()).path)
    except ValueError:
        return []
    parts = [part for part in path.split("/") if part]
    if not parts:
        return []
    words = [word for word in _words(_EXTENSION.sub("", parts[-1])) if not word.isdigit()]
    return words if len(words) >= _SLUG_WORDS else []


def slug_names(heading: str, slug: list[str]) -> bool:
    """Whether a heading's text is the title ``slug`` was made of: the slug's words stand in
    it in their order, and they are half its words at least (a CMS drops a few stop words or
    cuts a long title; a heading that merely mentions them is longer)."""
    words = _words(heading)
    if not slug or not words or 2 * len(slug) < len(words):
        return False
    rest = iter(words)
    return all(any(word == part for part in rest) for word in slug)


_NAME_CHARS = 5
"""A site's name this long at least: a short one ("ft", "abc") is found inside any word."""


def site_name_words(site: str) -> list[str]:
    """The words of a site's name as its host spells it (``musee-mine-blanzy.fr``: musee,
    mine, blanzy; ``ripstopbytheroll.com``: ripstopbytheroll); [] when it is too short."""
    name = site.split(".")[0]
    return _words(name) if len(name.replace("-", "")) >= _NAME_CHARS else []


def names_site(text: str, name: list[str]) -> bool:
    """Whether a line is the site's name (``site_name_words``), with little else: the words
    that spell the name (run together: "Ripstop by the Roll", "WP Craft © 2026"; or the
    name's words in their order: "Musée de la Mine de Blanzy") are half the line's at least
    (a sentence that mentions the site is no footer's name)."""
    words = _words(text)
    if not name or not words:
        return False
    window = _joined_window(words, "".join(name))
    if window is None and len(name) > 1:
        window = _ordered_window(words, name)
    return window is not None and 2 * window >= len(words)


def _joined_window(words: list[str], joined: str) -> int | None:
    """The fewest neighbouring words that, run together, hold ``joined``."""
    best = None
    for first in range(len(words)):
        run = ""
        for last in range(first, len(words)):
            run += words[last]
            if joined in run:
                best = last - first + 1 if best is None else min(best, last - first + 1)
                break
    return best


def _ordered_window(words: list[str], parts: list[str]) -> int | None:
    """The words from the first of ``parts`` to the last, when they stand in their order."""
    found: list[int] = []
    for index, word in enumerate(words):
        if len(found) < len(parts) and word == parts[len(found)]:
            found.append(index)
    return found[-1] - found[0] + 1 if len(found) == len(parts) else None
