"""Signs that a Markdown page was saved from the web (crawled, clipped, converted from HTML).

Each sign is a shape no author writes by hand and no docs generator emits, checked against the
clean corpora (docs pages, READMEs) before it was kept:

- ``CRAWL_NOTE``: the page's own note of where it was read, in its first characters: a front
  matter key of ``page_head.CRAWL_KEYS`` holding a web address, or a line naming the source
  in one of the fifteen languages ("URL Source:", "**Fonte:**", "Quelle:", "出典：") followed by
  a web address;
- ``ADDRESS_HEADING``: the page's first line, a heading that is nothing but a web address
  (``# https://site/page/``): a crawler's title for the page it fetched (a site-wide crawl
  names each page by its address); an author titles a page with words;
- ``EMPTY_LINK``: links without text to a web address or a site's path (``[](https://…)``,
  ``[ ](/)``, html2text's icon remnant ``[__](…)``): a converter drops a linked icon's or
  picture's markup and keeps its link; an author never writes one (a heading's own anchor,
  ``[](#id)``, is not one). ``EMPTY_LINKS`` of them make the sign.
"""

from __future__ import annotations

import re

from ..document import Document
from .fix_safety import page_address
from .page_head import CRAWL_KEYS

# Words that name a page's source on a crawler's or clipper's line, by language (en, fr: source;
# pt, it: fonte; es: fuente; de: Quelle; ru: источник; ko: 출처; vi: nguồn; tr: kaynak;
# pl: źródło; nl: bron; id: sumber; zh: 原文链接, 原文, 来源, 出处; ja: 出典).
SOURCE_WORDS = (
    "url source",
    "source",
    "fonte",
    "fuente",
    "quelle",
    "источник",
    "출처",
    "nguồn",
    "kaynak",
    "źródło",
    "bron",
    "sumber",
    "原文链接",
    "原文",
    "来源",
    "出处",
    "出典",
)
_KEYS = "|".join(sorted((re.escape(key) for key in CRAWL_KEYS), key=len, reverse=True))
_WORDS = "|".join(re.escape(word) for word in SOURCE_WORDS)
_STRONG = r"(?:\*\*|__)?"  # (a clipper may set the label in bold: "**Fonte:** https://…")
CRAWL_NOTE = re.compile(
    rf"^(?:{_KEYS})[ \t]*:[ \t]*['\"]?https?://"
    rf"|^{_STRONG}(?:{_WORDS})[ \t]*{_STRONG}[ \t]*[:：][ \t]*{_STRONG}[ \t]*<?https?://",
    re.IGNORECASE | re.MULTILINE,
)
"""The crawler's note (front matter key or source line), read in the page's first characters."""
_SOURCE_NOTE = re.compile(
    rf"^{_STRONG}(?:{_WORDS})[ \t]*{_STRONG}[ \t]*[:：][ \t]*{_STRONG}[ \t]*<?(https?://[^\s<>()\[\]]+)",
    re.IGNORECASE | re.MULTILINE,
)
_NOTE_CHARS = 3000
"""The crawler's source line stands in the page's first characters."""


def note_address(doc: Document) -> str | None:
    """The page's own address as its crawler or clipper noted it: a front matter key holding a
    web address, else a source line ("URL Source: https://…") opening a line in the page's
    first characters. None for the weaker signs of a saving (menus, skip links, empty links)."""
    address = page_address(doc)
    if address is not None:
        return address
    match = _SOURCE_NOTE.search(doc.text[:_NOTE_CHARS])
    return match.group(1) if match is not None else None


ADDRESS_HEADING = re.compile(
    r"^#{1,6}[ \t]+<?https?://[^\s<>]+>?[ \t]*$", re.IGNORECASE | re.MULTILINE
)
"""A heading that is nothing but a web address (the trigger's reading: anywhere)."""
_FIRST_LINE = re.compile(r"\s*(#{1,6}[ \t]+<?https?://[^\s<>]+>?[ \t]*)(?:\r?\n|$)", re.IGNORECASE)


def address_heading(text: str) -> bool:
    """Whether the page's first line is a heading that is nothing but a web address (a
    crawler's title for the page it fetched; not a front matter's page, not one further down,
    where a README may head a section with an endpoint)."""
    return _FIRST_LINE.match(text) is not None


EMPTY_LINK = re.compile(r"(?<![!\\])\[[ \t_]*\]\(<?((?:https?://|/)[^\s)>]*)", re.IGNORECASE)
"""A link without text (or html2text's ``__`` icon remnant) to a web address or a site's path;
not a picture (``![](…)``) and not a heading's anchor (``[](#id)``)."""
EMPTY_LINKS = 2
"""Empty links that prove a converter: one may be an author's slip."""
_EXAMPLE_HOST = re.compile(
    r"https?://(?:[^/\s)>]*\.)?(?:example\.(?:com|org|net)|[^/\s)>]+\.(?:example|test|invalid)"
    r"|localhost)(?:[:/]|$)",
    re.IGNORECASE,
)
"""The reserved example domains (RFC 2606): a page linking them is documentation's own test or
example (a linter's test page of empty links), not a site a converter read."""


def empty_links(text: str) -> bool:
    """Whether the text holds ``EMPTY_LINKS`` links without text (``EMPTY_LINK``) to places
    other than the reserved example domains."""
    found = 0
    for match in EMPTY_LINK.finditer(text):
        found += _EXAMPLE_HOST.match(match.group(1)) is None
        if found >= EMPTY_LINKS:
            return True
    return False


_ADDRESS = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)


def crawl_address(doc: Document) -> str | None:
    """The page's own address as its saver wrote it: ``note_address``, else the crawler's
    heading that is nothing but the address, as the page's first line (``address_heading``):
    both are the saver's words, which the page's own shape cannot give."""
    address = note_address(doc)
    if address is not None:
        return address
    first = _FIRST_LINE.match(doc.text)
    found = None if first is None else _ADDRESS.search(first.group(1))
    return found.group(0) if found is not None else None


_CONSENT = re.compile(
    r"cookie|クッキー|쿠키|куки|ciasteczk|çerez|témoins? de navigation", re.IGNORECASE
)
"""A consent panel's word, the same in most of the fifteen languages (Turkish says "çerez",
Canadian French "témoins de navigation")."""


def names_cookies(text: str) -> bool:
    """Whether a block's text names cookies: a consent manager's panel (tarteaucitron's, a
    shop app's) that a crawler kept above or below the article, never the article's text."""
    return _CONSENT.search(text) is not None
