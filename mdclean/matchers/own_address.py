"""A page's own address, and whether a link leads to a heading of the same page.

A crawler or converter that writes links in absolute form turns a page's in-page links
(``#usage``) into ``https://site/page#usage``: the skip link, the headings' own anchors and
the on-page table of contents then read like links to another page. The page's address is
what its saver noted (``saved_page.crawl_address``: front matter, a source line, an address
heading), else the one address before ``#`` that at least ``LEARNED_LINKS`` headings' own
anchors share (a link on a heading's line whose fragment names that heading: no author links a
heading to itself with the page's full address; a README's table of contents is relative).
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote, urlsplit

from ..document import Document
from .phrase_lists import without_accents
from .saved_page import crawl_address

LEARNED_LINKS = 2
"""Absolute links to the page's own headings that make their shared address the page's."""

_ATX = re.compile(r" {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_INLINE_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:[ \t]+\"[^\"]*\")?\)")
_FRAGMENT_LINK = re.compile(r"\]\(<?(https?://[^\s()<>#]+)#([^\s()<>#]+?)>?(?:[ \t]+[\"'(]|\))")
_DEDUPLICATED = re.compile(r"\d{1,2}")


def slug_key(text: str) -> str:
    """A heading's text or a fragment read as a slug would keep it: letters and digits only,
    lower-cased, accents dropped (slugifiers differ in the separators and in the accents)."""
    return "".join(c for c in without_accents(unquote(text)).lower() if c.isalnum())


def names_heading(fragment: str, heading_key: str) -> bool:
    """Whether a fragment is the slug of a heading (read by ``slug_key``), or that slug with a
    generator's number for a repeated heading (``usage-1``)."""
    found = slug_key(fragment)
    if not found or not heading_key:
        return False
    if found == heading_key:
        return True
    rest = found[len(heading_key) :]
    return found.startswith(heading_key) and _DEDUPLICATED.fullmatch(rest) is not None


def heading_text(line: str) -> str | None:
    """The words of an ATX heading line, its links read as their texts; None for another line."""
    found = _ATX.match(line)
    if found is None:
        return None
    return _INLINE_LINK.sub(lambda link: link.group(1), found.group(1))


def heading_keys(doc: Document) -> frozenset[str]:
    """The ``slug_key`` of every ATX heading of the page."""
    cache = doc.shared("own_address.heading_keys")
    if "keys" not in cache:
        keys = set()
        for node in doc.leaves("heading"):
            words = heading_text(doc.line_text(node.start_line))
            if words is not None and slug_key(words):
                keys.add(slug_key(words))
        cache["keys"] = frozenset(keys)
    found: frozenset[str] = cache["keys"]
    return found


def same_page(address: str, other: str) -> bool:
    """Whether two addresses name one page (scheme, ``www.``, case of the host, a final slash,
    the query and the fragment aside)."""
    return _page_key(address) == _page_key(other)


def _page_key(address: str) -> tuple[str, str]:
    parts = urlsplit(address.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return host, unquote(parts.path).rstrip("/")


def learned_address(doc: Document) -> str | None:
    """The address that at least ``LEARNED_LINKS`` headings' own anchors share: a link on a
    heading's line whose fragment names that heading (a list of another page's sections named
    like this page's teaches nothing: only a heading's link to itself does)."""
    if "#" not in doc.text:
        return None
    shared: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], str] = {}
    for node in doc.leaves("heading"):
        line = doc.line_text(node.start_line)
        words = heading_text(line)
        key = slug_key(words) if words is not None else ""
        for match in _FRAGMENT_LINK.finditer(line):
            if names_heading(match.group(2), key):
                page = _page_key(match.group(1))
                shared[page] += 1
                first.setdefault(page, match.group(1))
    if not shared:
        return None
    page, count = shared.most_common(1)[0]
    return first[page] if count >= LEARNED_LINKS else None


def own_address(doc: Document) -> str | None:
    """The page's own address: the saver's note of it, else the one its links teach."""
    cache = doc.shared("own_address.address")
    if "address" not in cache:
        cache["address"] = crawl_address(doc) or learned_address(doc)
    found: str | None = cache["address"]
    return found


def own_fragment(doc: Document, href: str) -> str | None:
    """The fragment of a link into the page itself: ``#usage``, or the page's own address
    (``own_address``) with a fragment; None for a link elsewhere or without a fragment."""
    target, hash_mark, fragment = href.strip().strip("<>").partition("#")
    if not hash_mark or not fragment:
        return None
    if not target:
        return fragment
    address = own_address(doc)
    if address is None or not target.lower().startswith(("http://", "https://")):
        return None
    return fragment if same_page(address, target) else None
