"""Inline Markdown links read from a line's or a block's raw text, the one place for their syntax.

A matcher that reads a line as it is written (a text copy's lines, a page's head or tail before
markdown-it has parsed it, a line's words without its markup) reads its links here rather than
with a regex of its own, so that one fix to the syntax reaches every rule. Its readings:

- ``links`` / ``LINK``: a link as a converter writes it, ``[text](target)`` with the target
  bare or in angle brackets (``<https://a b>``) and an optional title (``"…"`` or ``'…'``); no
  brackets inside the text and no parentheses inside the target (a nested picture
  ``[![alt](src)](href)`` yields its picture only, as markdown-it's inline parse reads the
  inner link first). An image's ``![alt](src)`` is read too unless ``images=False``.
- ``JOINED_LINK`` / ``JOINED_LINK_CLOSE``: ``LINK`` in blocks joined as raw text (a card a
  converter cut at its blank lines): its title stands on one line.
- ``link_texts`` / ``is_one_link``: a link as a reader sees it, ``[text](anything without
  parentheses)``: a target a converter broke (spaces, a line break: ``](/a b)``) still marks
  its text as a link's.

markdown-it's own parse (``linkblocks.skeleton``) stays the reading of a parsed block; these are
for raw lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _parentheses(title: str) -> str:
    """A link's parentheses: its target, bare or in angle brackets, and an optional ``title``."""
    return r"\(\s*<?(?P<href>[^()\s<>]*)>?(?:\s+" + title + r")?\s*\)"


_TARGET = _parentheses(r"(?:\"[^\"]*\"|'[^']*')")
LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]" + _TARGET)
"""An inline link, or an image from its ``[`` on (the ``!`` before it is not matched: see
``is_image``): its text (or alt) and its target (``links``)."""
_ONE_LINE_TITLE_TARGET = _parentheses(r"(?:\"[^\"\n]*\"|'[^'\n]*')")
JOINED_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]" + _ONE_LINE_TITLE_TARGET)
"""``LINK`` in the raw text of blocks joined across their blank lines (a card a converter cut):
the same, but a title stands on one line, so that a quote one block opens is closed in none
after it; the link's text may span the blocks."""
JOINED_LINK_CLOSE = re.compile(r"\]" + _ONE_LINE_TITLE_TARGET)
"""Where a ``JOINED_LINK``'s text ends and its target follows: a whole link's, or a cut link's
close."""
_LOOSE_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)[^()]*\)")
"""A link's text, and whatever its parentheses hold: the target's opening (up to a space) and
the rest (``link_texts``)."""
_LOOSE_IMAGE = re.compile("!" + _LOOSE_LINK.pattern)
"""An image as a reader sees it: ``!`` and a loose link (``without_images``)."""
_LOOSE_ANY = re.compile("!?" + _LOOSE_LINK.pattern)
"""A loose link, or an image with its ``!`` (``link_texts``, ``without_loose_links``)."""
_LINK_ONLY = re.compile("(?<!!)" + LINK.pattern)
"""A link that is no image's (``without_links_to``)."""
_IMAGE = re.compile("!" + LINK.pattern)
"""An image with its ``!`` (``without_images_from``)."""
_LINKED_IMAGE = re.compile(r"\[" + _LOOSE_IMAGE.pattern + r"\]" + _TARGET)
"""A linked picture, ``[![alt](source)](target)``: the picture as a reader sees it, its link's
target as ``LINK`` reads one (``without_links_to``)."""
_ONE_LINE_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^()\n]*\)")
"""An image whose alt and source stand on one line (``without_one_line_images``)."""
_OPENED_TARGET = r"\]\(\s*<?([^)\s>]*)"
_TARGET_OPENING = re.compile(_OPENED_TARGET)
"""A target from its ``](`` on, up to a space, ``)`` or ``>`` (``target_openings``)."""
_IMAGE_OPENING = re.compile(r"!\[([^\]\n]*)" + _OPENED_TARGET)
"""An image's alt (on one line) and its source's opening (``image_openings``)."""
_ONE_LINK = re.compile(r"\[[^\[\]]+\](?:\([^()]*\)|\[[^\[\]]*\])")
"""One link, inline or by reference (``[text][ref]``), with some text (``is_one_link``)."""


def links(raw: str, *, images: bool = True) -> list[tuple[str, str]]:
    """The (text, target) of each inline link in ``raw`` (``LINK``), in order; an image's
    (alt, source) too unless ``images`` is False. The target as written, without its angle
    brackets or title."""
    return [
        (match["text"], match["href"])
        for match in LINK.finditer(raw)
        if images or not is_image(match)
    ]


def is_image(match: re.Match[str]) -> bool:
    """Whether a match of ``LINK`` is an image's (a ``!`` right before it)."""
    start = match.start()
    return start > 0 and match.string[start - 1] == "!"


def without_links(raw: str, by: str = " ") -> str:
    """``raw`` with each inline link and image (``LINK``) replaced by ``by`` (an image's ``!``
    stays)."""
    return LINK.sub(by, raw)


def link_texts(raw: str, *, keep_bangs: bool = True) -> str:
    """``raw`` with each link (as a reader sees it: ``_LOOSE_LINK``) replaced by its text: a
    line's words without its links' markup. An image reads as ``!`` and its alt, or as its alt
    alone when ``keep_bangs`` is False."""
    return (_LOOSE_LINK if keep_bangs else _LOOSE_ANY).sub(r"\1", raw)


def without_loose_links(raw: str, by: str = " ") -> str:
    """``raw`` with each link and image as a reader sees them (``[text](anything without
    parentheses)``, with an image's ``!``) replaced by ``by``."""
    return _LOOSE_ANY.sub(by, raw)


def target_openings(raw: str) -> list[str]:
    """The opening of each target written after a ``](`` (a link's, an image's), in order: up
    to a space, a ``)`` or a ``>``, without a ``<`` before it. A target a converter cut or
    wrapped reads from its start; a link's text is not needed."""
    return _TARGET_OPENING.findall(raw)


def image_openings(raw: str) -> list[tuple[str, str]]:
    """The (alt, source's opening) of each image, in order: the alt on one line, the source
    as ``target_openings`` reads it (an image whose ``)`` a converter lost still counts)."""
    return _IMAGE_OPENING.findall(raw)


def without_images(raw: str, by: str = " ") -> tuple[str, bool]:
    """``raw`` with each image (as a reader sees it: ``![alt](anything without
    parentheses)``) replaced by ``by``, and whether one stood there."""
    text, count = _LOOSE_IMAGE.subn(by, raw)
    return text, count > 0


def named_images(raw: str, name: Callable[[str, str], str]) -> str:
    """``raw`` with each image as a reader sees it (``![alt](anything without parentheses)``)
    replaced by ``name(alt, source's opening)``: the source up to a space, without its title."""
    return _LOOSE_IMAGE.sub(lambda match: name(match[1], match[2]), raw)


def without_links_to(raw: str, drop: Callable[[str], bool]) -> str:
    """``raw`` without each linked picture (``_LINKED_IMAGE``) and then each link that is no
    image's (``LINK``) whose target ``drop`` accepts; an image alone stays."""
    raw = _LINKED_IMAGE.sub(lambda match: "" if drop(match["href"]) else match[0], raw)
    return _LINK_ONLY.sub(lambda match: "" if drop(match["href"]) else match[0], raw)


def without_images_from(raw: str, drop: Callable[[str], bool]) -> str:
    """``raw`` without each image (``LINK`` after a ``!``, taken with its ``!``) whose source
    ``drop`` accepts."""
    return _IMAGE.sub(lambda match: "" if drop(match["href"]) else match[0], raw)


def without_one_line_images(raw: str, by: str = " ") -> str:
    """``raw`` with each image written on one line (``![alt](source)``, its source without
    parentheses) replaced by ``by``: a card's picture, not a linked picture's link."""
    return _ONE_LINE_IMAGE.sub(by, raw)


def is_one_image(raw: str) -> bool:
    """Whether ``raw`` is one image (``LINK`` after a ``!``) and nothing else."""
    return _IMAGE.fullmatch(raw) is not None


def is_one_link(raw: str) -> bool:
    """Whether ``raw`` (stripped) is one link and nothing else, inline or by reference."""
    return _ONE_LINK.fullmatch(raw.strip()) is not None
