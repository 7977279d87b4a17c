"""``heading-suffix``: a platform's caption that a converter glued to the end of a page's heading.

Some platforms print a caption right beside a page's title: Google's developer sites put
"Stay organized with collections Save and categorize content based on your preferences."
(a bookmark button's tooltip) next to every H1. A converter that reads the title's container
as one line writes it into the heading: "# Class Channel Stay organized with collections
Save and categorize content based on your preferences." The caption goes and the title
stays, byte for byte: a suffix of an ATX heading's line that is one of the ``phrases``
(whole, after a space), with some of the title left before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import ALWAYS, Trigger, literals
from ..models import Edit, Finding
from .base import Matcher, ParamError, required_literals
from .phrase_lists import fold_width, phrases_of

_ATX_OPENING = re.compile(r" {0,3}#{1,6}[ \t]+")
_WORD = re.compile(r"[^\W_]")


class HeadingSuffixMatcher(Matcher):
    name = "heading-suffix"
    params = MappingProxyType({"phrases": list, "labels": list, "keywords": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        phrases = phrases_of(params)
        if not phrases:
            raise ParamError("params.phrases: give at least one phrase list or label")
        self._patterns = [re.compile(phrase, re.IGNORECASE) for phrase in phrases]
        alternation = "|".join(f"(?:{phrase})" for phrase in phrases)
        # After a space, up to the line's end (or the heading's closing #s).
        self.suffix = re.compile(rf"[ \t]+(?:{alternation})(?=(?:[ \t]+#+)?[ \t]*$)", re.I)

    def trigger(self) -> Trigger:
        """One of the ``keywords`` when the rule gives them (the literal reader finds none in
        a phrase without a run of ASCII letters), else one of the words every phrase holds."""
        if self.keywords:
            return self.keyword_trigger()
        found = required_literals(self._patterns)
        return literals(*found) if found else ALWAYS

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("heading"):
            line = doc.line_text(node.start_line)
            opening = _ATX_OPENING.match(line)
            if opening is None or node.end_line - node.start_line != 1:
                continue  # a setext heading: its underline would be left under a new text
            found = self.suffix.search(fold_width(line), opening.end())
            if found is None or not _WORD.search(line, opening.end(), found.start()):
                continue  # the caption is the whole heading: another rule's to judge
            offset = doc.line_offset(node.start_line)
            start, end = offset + found.start(), offset + found.end()
            yield Finding(start, end, edits=(Edit(start, end),))
