"""``heading-anchor``: a heading's own anchor link, written by a converter inside the heading.

Docs frameworks give every heading a hidden link to itself: Docusaurus an empty one (a zero
width space) titled "Direct link to Usage", Sphinx and MkDocs a ``¶`` titled "Permalink to this
heading" / "Permanent link", VitePress a zero width space titled "Permalink to “Usage”", Just
the Docs and GitHub an empty link before the words. A crawler (crawl4ai, Jina, firecrawl,
html2text) writes it into the heading: ``### Usage[​](https://site/page#usage "Direct link to
Usage")``. The link goes, the heading's words stay, byte for byte.

Found: an inline link at the end (or at the start) of an ATX heading, with words left beside
it, whose text is empty, a glyph (``​ # ¶ § 🔗``) or a phrase of ``phrases``, and whose target
is one of the page's own headings (``#usage``, or the page's address with that fragment:
``own_address``) or whose title is a phrase of ``phrases`` (a Sphinx label's fragment need not
be the heading's slug). A Sphinx dump's bare ``¶`` glued to a heading's end goes too. A plain
``#`` after the words that links a bare fragment with no title stays (``_shown_hash``): a blog's
theme prints it beside each heading, and the page as published holds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..fastpath.triggers import AnyOf, Search, Trigger
from ..models import Edit, Finding
from .base import Matcher, ParamError
from .own_address import heading_text, names_heading, own_fragment, slug_key
from .phrase_lists import fold_width, phrase_pattern

_OPENING = re.compile(r" {0,3}#{1,6}[ \t]+")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_CLOSING = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_TITLE = r"(?:[ \t]+(?:\"(?P<t1>(?:\\.|[^\"\\])*)\"|'(?P<t2>[^'\n]*)'))?"
# Pandoc and kramdown keep the anchor's class after it: ``[¶](#usage "Permanent link"){.headerlink}``.
_ATTRIBUTES = r"(?:\{[^{}\n]{0,80}\})?"
_LINK = (
    r"\[(?P<text>[^\[\]\n]{0,40})\]\(<?(?P<href>[^\s()<>]*#[^\s()<>]+)>?"
    + _TITLE
    + r"[ \t]*\)"
    + _ATTRIBUTES
)
AT_END = re.compile(r"[ \t]*" + _LINK + r"(?=(?:[ \t]+#+)?[ \t]*$)")
_AT_START = re.compile(_LINK + r"[ \t]*")
_BARE_MARK = re.compile(r"[ \t]*¶(?=(?:[ \t]+#+)?[ \t]*$)")
GLYPHS = frozenset({"", "#", "¶", "§", "🔗", "⚓", "link", "permalink", "anchor", "hashtag"})
INVISIBLE = re.compile(r"[\s\\\u200b\u200c\u200d\u2060\ufe0f]+")
_WORD = re.compile(r"[^\W_]")
# The trigger's reading of a heading line holding one of the shapes (a superset of ``find``):
# an ATX heading ending in a link to a fragment or opening with one, a setext heading's text
# ending in one, a heading ending in a bare pilcrow.
_END_LINK = r"\]\([^\s()]*#[^\s()]*(?:[ \t][^\n]*)?\)(?:\{[^{}\n]*\})?"
_HEADING_LINK = re.compile(
    rf"^ {{0,3}}#{{1,6}}[ \t](?:[^\n]*{_END_LINK}[ \t#]*$|[ \t]*\[[^\]\n]{{0,40}}\]\([^\s()]*#)"
    rf"|{_END_LINK}[ \t]*\n {{0,3}}(?:=+|-+)[ \t]*$",
    re.MULTILINE,
)
_HEADING_MARK = re.compile(
    r"^ {0,3}#{1,6}[ \t][^\n]*¶[ \t#]*$|¶[ \t]*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE
)


def whole_phrase(params: Mapping[str, Any]) -> re.Pattern[str]:
    """A text that is one of the rule's phrases, whole (spaces around it aside)."""
    pattern = phrase_pattern(params)
    if pattern is None:
        raise ParamError("params.phrases: give at least one phrase list or label")
    return lazy_compile(rf"\s*(?:{pattern})\s*", re.IGNORECASE)


class HeadingAnchorMatcher(Matcher):
    name = "heading-anchor"
    params = MappingProxyType({"phrases": list, "labels": list, "keywords": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.phrase = whole_phrase(params)

    def trigger(self) -> Trigger:
        """A heading line ending in a link with a fragment, opening with one, or ending in
        ``¶`` (the shapes ``find`` reads, in the lower-cased text)."""
        return AnyOf((Search(_HEADING_LINK, folded=False), Search(_HEADING_MARK, folded=False)))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("heading"):
            line = doc.line_text(node.start_line)
            body = _body_start(doc, node, line)
            if body is None:
                continue  # a heading of several lines, or one inside a container
            span = self._anchor(doc, line, body)
            if span is not None:
                offset = doc.line_offset(node.start_line)
                start, end = offset + span[0], offset + span[1]
                yield Finding(start, end, edits=(Edit(start, end),))

    def _anchor(self, doc: Document, line: str, body: int) -> tuple[int, int] | None:
        """Where the heading's own anchor stands in its line, if it holds one."""
        end = AT_END.search(line, body)
        if end is not None and _WORD.search(line, body, end.start()) and not _shown_hash(end):
            words = line[body : end.start()]
            if self._is_anchor(doc, end, words):
                return end.start(), end.end()
        start = _AT_START.match(line, body)
        if start is not None and _WORD.search(line, start.end()):
            words = _CLOSING.sub("", line[start.end() :])
            if self._is_anchor(doc, start, words):
                return start.start(), start.end()
        mark = _BARE_MARK.search(line, body)
        if mark is not None and _WORD.search(line, body, mark.start()):
            return mark.start(), mark.end()
        return None

    def _is_anchor(self, doc: Document, link: re.Match[str], words: str) -> bool:
        """A glyph or phrase for text, and a target that is the heading's own fragment or a
        title that is a phrase."""
        text = INVISIBLE.sub("", link.group("text")).lower()
        if text not in GLYPHS and not self._says(link.group("text")):
            return False
        title = link.group("t1") or link.group("t2") or ""
        if title and self._says(title):
            return True
        fragment = own_fragment(doc, link.group("href"))
        read = heading_text("# " + words)
        return fragment is not None and read is not None and names_heading(fragment, slug_key(read))

    def _says(self, text: str) -> bool:
        return self.phrase.fullmatch(fold_width(text.replace('\\"', '"'))) is not None


def _shown_hash(link: re.Match[str]) -> bool:
    """A plain ``#`` after the heading's words, linking a bare fragment with no title: the
    anchor a blog's theme prints beside each heading, part of the heading as its author
    published it (``#### What are embeddings? [#](#what-are-embeddings)``); the frameworks'
    anchors are hidden (empty, a zero width space, a ``¶``) or carry a title."""
    title = link.group("t1") or link.group("t2")
    return link.group("text") == "#" and link.group("href").startswith("#") and not title


def _body_start(doc: Document, node: Node, line: str) -> int | None:
    """Where a heading's words start on its first line: after an ATX heading's ``#`` opening,
    or at a setext heading's one line of text over its underline; None for another heading
    (several lines of text, or inside a container)."""
    lines = node.end_line - node.start_line
    opening = _OPENING.match(line)
    if opening is not None:
        return opening.end() if lines == 1 else None
    underline = doc.line_text(node.start_line + 1) if lines == 2 else ""
    if _UNDERLINE.fullmatch(underline.rstrip("\r\n")) is None or line.lstrip(" ").startswith(">"):
        return None
    return len(line) - len(line.lstrip(" "))
