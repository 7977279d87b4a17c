"""How a reader sees one source line: markup, link targets and images gone.

Rules that read a block line by line (a text clipper keeps one widget per line) compare
each line with their phrases as a reader sees it: ``line_reading``.
"""

from __future__ import annotations

import re

from .phrase_lists import fold_width

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]*)>")
_EMPHASIS = re.compile(r"(?<![^\W_])[*_~]+|[*_~]+(?![^\W_])|`")


def line_reading(raw: str) -> tuple[str, bool]:
    """A source line as a reader sees it (markup, link targets and images gone, full-width
    punctuation folded), and whether it showed an image."""
    text = _QUOTE_PREFIX.sub("", raw)
    has_image = _MD_IMAGE.search(text) is not None
    text = _MD_IMAGE.sub(" ", text)
    text = _AUTOLINK.sub(r"\1", _MD_LINK.sub(r"\1", text))
    text = _EMPHASIS.sub("", text.replace("\\", ""))
    return fold_width(" ".join(text.split())), has_image
