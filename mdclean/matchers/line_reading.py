"""How a reader sees one source line: markup, link targets and images gone.

Rules that read a block line by line (a text clipper keeps one widget per line) compare
each line with their phrases as a reader sees it: ``line_reading``.
"""

from __future__ import annotations

import re

from .inline_links import link_texts
from .phrase_lists import fold_width

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]*)>")
_EMPHASIS = re.compile(r"(?<![^\W_])[*_~]+|[*_~]+(?![^\W_])|`")
_EMPHASIS_MARKS = "*_~`"
_QUOTE_OPENERS = (" ", "\t", ">")


def line_reading(raw: str) -> tuple[str, bool]:
    """A source line as a reader sees it (markup, link targets and images gone, full-width
    punctuation folded), and whether it showed an image."""
    # Each step runs only where its markup may stand: most lines hold none of it.
    text = _QUOTE_PREFIX.sub("", raw) if raw[:1] in _QUOTE_OPENERS else raw
    has_image = False
    if "](" in text:
        has_image = _MD_IMAGE.search(text) is not None
        if has_image:
            text = _MD_IMAGE.sub(" ", text)
        text = link_texts(text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "\\" in text:
        text = text.replace("\\", "")
    if any(mark in text for mark in _EMPHASIS_MARKS):
        text = _EMPHASIS.sub("", text)
    return fold_width(" ".join(text.split())), has_image
