"""``definition-anchor``: the anchor Sphinx prints after an API entry, kept at a line's end.

Sphinx gives every documented object (a class, a function, a glossary term) a link to itself
after its signature, ``¶`` or ``#`` titled "Link to this definition" ("Permalink to this
definition" before Sphinx 7.2; "链接到此定义", "Lien vers cette définition"). A converter keeps
it at the end of the signature's line: ``*class* HSV(*hsv*)[[source]](…)[¶](#hsv "Link to this
definition")``. The link goes, the signature stays: a link at the end of a paragraph's line
whose text is a glyph (``¶ # §``, empty) and whose title is one of ``phrases``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import ALWAYS, Trigger, literals
from ..models import Edit, Finding
from .base import Matcher, required_literals
from .heading_anchor import AT_END, GLYPHS, INVISIBLE, whole_phrase
from .phrase_lists import fold_width, phrases_of

_WORD = re.compile(r"[^\W_]")


class DefinitionAnchorMatcher(Matcher):
    name = "definition-anchor"
    params = MappingProxyType({"phrases": list, "labels": list, "keywords": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.phrase = whole_phrase(params)
        self._patterns = [re.compile(phrase, re.IGNORECASE) for phrase in phrases_of(params)]

    def trigger(self) -> Trigger:
        """The ``keywords`` when the rule gives them, else a word every title phrase holds."""
        if self.keywords:
            return self.keyword_trigger()
        found = required_literals(self._patterns)
        return literals(*found) if found else ALWAYS

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("paragraph"):
            for line in range(node.start_line, node.end_line):
                text = doc.line_text(line)
                link = AT_END.search(text)
                if link is not None and self._is_anchor(text, link):
                    offset = doc.line_offset(line)
                    start, end = offset + link.start(), offset + link.end()
                    yield Finding(start, end, edits=(Edit(start, end),))

    def _is_anchor(self, text: str, link: re.Match[str]) -> bool:
        """A glyph for text, a phrase for title, and words before it on the line."""
        glyph = INVISIBLE.sub("", link.group("text")) in GLYPHS
        title = link.group("t1") or link.group("t2") or ""
        says = self.phrase.fullmatch(fold_width(title.replace('\\"', '"'))) is not None
        return glyph and says and _WORD.search(text, 0, link.start()) is not None
