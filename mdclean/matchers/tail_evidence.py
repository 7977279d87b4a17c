"""Exact evidence that a block of a page's tail is the theme's, read from what a converter kept of
the theme's markup or from the page itself (the safe core of ``chrome-tail``, BP083).

- *Container remnants*: pandoc keeps every ``<div>`` of a converted page as a fenced div
  (``::: {.grofile-hash-map-…}``, ``::: {style="clear: both"}``, ``:::``); a block that is
  nothing but those marks, their attributes, empty spans (``[]{.artist}``) and the labels the
  theme shows screen readers only (a search form's ``[Rechercher :]{.screen-reader-text}``)
  holds no word of anyone's that the page showed.
- *Hidden headings*: a heading pandoc kept with the class a theme gives the headings only
  screen readers see (WordPress's ``screen-reader-text``, the older ``assistive-text``,
  Bootstrap's ``sr-only`` and ``visually-hidden``): "Post navigation", "Navigation des
  articles". Past the article's last text it is no title of the page's own.
- *Source credits* end a tail's run instead: a one-line paragraph that names where the article
  came from, a source word of the fifteen languages (``saved_page.SOURCE_WORDS``: "Source",
  "Quelle", "出典", "来源"; a repost's "转自", "转载自") and its colon before a web address:
  the author's (or the reposter's) credit, the article's however short.
- *Repeated blocks*: a block of links the page prints twice, word for word (a theme's menu in
  its header and its footer, a table of contents in the sidebar and in the mobile drawer): an
  author writes a list of links once.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Document, Node
from .saved_page import SOURCE_WORDS

_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(?:\{[^{}\n]*\}|[\w-]+)?[ \t]*$")
"""A line of a pandoc fenced div: its opening (with the div's attributes) or its closing."""
_ATTRIBUTES = re.compile(r"\{[#.][^{}\n]*\}|\{[\w-]+=[^{}\n]*\}")
"""Pandoc's attributes after a span, a link or a heading (``{.cancel}``, ``{#id .class}``)."""
_FENCE_TEXT = re.compile(r":{3,}[ \t]*(?:\{[^{}\n]*\}|[\w-]+(?=\s|$))?")
"""A fence's marks as a paragraph's visible text shows them (its lines joined)."""
_LETTER = re.compile(r"[^\W\d_]")
_SCREEN_READER_ONLY = (
    r"\{[^{}\n]*\.(?:screen-reader-text|assistive-text|sr-only|visually-hidden)(?![\w-])[^{}\n]*\}"
)
"""Pandoc's attributes naming the class of text only screen readers see."""
_HIDDEN_HEADING = re.compile(_SCREEN_READER_ONLY, re.IGNORECASE)
_HIDDEN_SPAN = re.compile(rf"\[[^\[\]\n]*\]{_SCREEN_READER_ONLY}", re.IGNORECASE)
"""A span pandoc kept with the class of the text only screen readers see: a theme's hidden label."""
_NAMED_SPAN = re.compile(r"\[([^\[\]\n]*)\](?=\{[#.][^{}\n]*\})")
"""A span pandoc kept with its attributes: its text, shown as the words it wraps."""
_REPEATED_LINKS = 2
"""A repeated block holds this many links at least (one link twice may be the author's)."""


_REPOST_WORDS = ("转自", "转载自", "轉自", "轉載自", "via")
"""A repost's or a link post's words for its source, beside the crawlers' source words."""
_CREDIT_WORDS = "|".join(re.escape(word) for word in (*SOURCE_WORDS, *_REPOST_WORDS))
_SOURCE_CREDIT = re.compile(
    rf"^[ \t]*(?:\*\*|__)?(?:{_CREDIT_WORDS})[ \t]*(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*"
    r"(?:<|\[[^\]\n]*\]\()?https?://\S+[ \t]*$",
    re.IGNORECASE,
)


def source_credit(doc: Document, node: Node) -> bool:
    """Whether a paragraph is one line naming the article's source: a source word, its colon,
    a web address (bare, in angle brackets or as a link)."""
    if node.kind != "paragraph":
        return False
    lines = doc.node_source(node).strip().splitlines()
    return len(lines) == 1 and _SOURCE_CREDIT.match(lines[0]) is not None


def container_remnant(source: str) -> bool:
    """Whether a block's source is pandoc's fenced-div marks alone (at least one), with their
    attributes, empty spans and spans shown to screen readers only, and no letter of text
    besides."""
    lines = [line for line in source.splitlines() if line.strip()]
    fences = [line for line in lines if _FENCE.match(line)]
    if not fences:
        return False
    rest = _HIDDEN_SPAN.sub(" ", " ".join(line for line in lines if not _FENCE.match(line)))
    return _LETTER.search(_ATTRIBUTES.sub(" ", rest)) is None


def covered_but_fences(doc: Document, node: Node, spans: list[tuple[int, int]]) -> bool:
    """Whether one of ``spans`` holds the block's source but for whole lines of pandoc's fence
    marks: a paragraph that runs on over the closing fences of the containers around a region
    another rule removes (``:::`` lines the region's finding leaves to its wrappers)."""
    start, end = doc.node_span(node)
    for first, last in spans:
        if first >= end or last <= start:
            continue
        outside = doc.text[start : max(start, first)] + "\n" + doc.text[min(end, last) : end]
        if all(not line.strip() or _FENCE.match(line) for line in outside.splitlines()):
            return True
    return False


def without_containers(visible: str) -> str:
    """A block's visible text without pandoc's fence marks and attributes, its named spans
    unwrapped (``[Jane Doe]{.author-name}``): the words the theme's markup wrapped."""
    return _ATTRIBUTES.sub(" ", _NAMED_SPAN.sub(r"\1", _FENCE_TEXT.sub(" ", visible)))


def hidden_heading(doc: Document, node: Node) -> bool:
    """Whether a heading carries the class of the headings a theme shows screen readers only."""
    if node.kind != "heading":
        return False
    return _HIDDEN_HEADING.search(doc.node_source(node)) is not None


def block_key(doc: Document, node: Node) -> str:
    """A block's source with its lines stripped: two prints of one block read the same."""
    lines = (line.strip() for line in doc.node_source(node).splitlines())
    return "\n".join(line for line in lines if line)


def printed_twice(doc: Document, blocks: list[Node]) -> Counter[str]:
    """How many times each top-level block's source stands on the page."""
    return Counter(block_key(doc, node) for node in blocks)


def repeated_links(doc: Document, node: Node, links: int, counts: Counter[str]) -> bool:
    """Whether a block of ``links`` links or more stands on the page twice, word for word."""
    return links >= _REPEATED_LINKS and counts[block_key(doc, node)] >= 2
