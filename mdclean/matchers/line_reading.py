"""How a reader sees one source line: markup, link targets and images gone.

Rules that read a block line by line (a text clipper keeps one widget per line) compare
each line with their phrases as a reader sees it: ``line_reading``.
"""

from __future__ import annotations

import re

from .inline_links import link_texts, without_images
from .linkblocks import word_count
from .phrase_lists import fold_width

_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]*)>")
_EMPHASIS = re.compile(r"(?<![^\W_])[*_~]+|[*_~]+(?![^\W_])|`")
_EMPHASIS_MARKS = "*_~`"
_QUOTE_OPENERS = (" ", "\t", ">")
_CREDIT = re.compile(r"(?P<label>[^\W\d_][^:：]{0,20})[:：](?P<gap>\s*)(?P<rest>\S.*)")
_ONE_WORD_LABEL = re.compile(r"[^\W\d_]{2,20} ?")


BLOCK_MARKERS = re.compile(r"^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)?")
"""A line's block markers: quote marks, then a list item's or a heading's marker."""


def item_reading(raw: str) -> str:
    """A source line's words as a reader sees them (``line_reading``) without its block
    markers (``BLOCK_MARKERS``): a list item's, a heading's or a quoted line's text."""
    return line_reading(BLOCK_MARKERS.sub("", raw.strip()))[0]


def line_reading(raw: str) -> tuple[str, bool]:
    """A source line as a reader sees it (markup, link targets and images gone, full-width
    punctuation folded), and whether it showed an image."""
    # Each step runs only where its markup may stand: most lines hold none of it.
    text = _QUOTE_PREFIX.sub("", raw) if raw[:1] in _QUOTE_OPENERS else raw
    has_image = False
    if "](" in text:
        text, has_image = without_images(text)
        text = link_texts(text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "\\" in text:
        text = text.replace("\\", "")
    if any(mark in text for mark in _EMPHASIS_MARKS):
        text = _EMPHASIS.sub("", text)
    return fold_width(" ".join(text.split())), has_image


def credit_line(text: str, *, one_word: bool = False) -> tuple[str, str] | None:
    """A credit line's label and what follows its colon ("Źródło: Statista.com", "Foto: dpa",
    "Bron: 112 Den Haag", "来源：新华社"), or None: a label of a letter and at most twenty more
    characters (no colon), a colon (ASCII or full-width), something after it. With
    ``one_word`` the label is one word of two to twenty letters and one space at most stands
    after the colon (a byline's "Bron: 112 Den Haag", not "Photo by Jane:" nor a table's
    aligned "title:  Command Line Usage"); the caller reads the name after it."""
    match = _CREDIT.fullmatch(text.strip())
    if match is None:
        return None
    if one_word and (_ONE_WORD_LABEL.fullmatch(match["label"]) is None or len(match["gap"]) > 1):
        return None
    return match["label"].strip(), match["rest"]


SENTENCE_END = re.compile(r"(?<![.…])[.!?;。！？；](?:[\"'”’»」』)\]]*)$")
"""A line that ends as a sentence (closing quotes and brackets after its mark)."""
SENTENCE_WORDS = 5
LONG_WORDS = 15


def reads_as_prose(text: str) -> bool:
    """Whether a line of text reads as prose: longer than any caption, or a sentence of some
    words (a caption's or a button's text is neither)."""
    words = word_count(text)
    return words > LONG_WORDS or (words >= SENTENCE_WORDS and SENTENCE_END.search(text) is not None)
