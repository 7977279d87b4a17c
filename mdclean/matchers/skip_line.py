"""``skip-line``: a theme's skip link that a text dump glued to the paragraph under it.

A crawler that writes the page without blank lines (crawl4ai, some html2text settings) keeps
the theme's first link, ``[Skip to main content](https://site/page#__docusaurus_skipToContent_
fallback)``, as the first line of a paragraph that goes on with the page's text. A line of a
paragraph, among its first ``max_line`` lines, that is one link and nothing else, its text one
of ``phrases`` and its target a fragment (``#content``, ``https://site/page#main``), goes; the
rest of the paragraph stays. A skip link standing alone as a block is BP045's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_lines
from .base import Matcher
from .heading_anchor import whole_phrase
from .phrase_lists import fold_width

_LINK_AT = r"[ \t]*\[[^\[\]\n]{1,80}\]\([^\s()]*#[^\n]*"
# A line that opens with a link to a fragment, with a line of text above or below it.
_GLUED_LINK_LINE = re.compile(rf"^[ \t]*\S[^\n]*\n{_LINK_AT}$|^{_LINK_AT}\n[ \t]*\S", re.MULTILINE)
_LINK_LINE = re.compile(
    r"[ \t]*\[(?P<text>[^\[\]\n]{1,80})\]\(<?[^\s()<>]*#[^\s()<>]+>?"
    r"(?:[ \t]+\"[^\"\n]*\")?\)[ \t]*"
)


class SkipLineMatcher(Matcher):
    name = "skip-line"
    params = MappingProxyType({"phrases": list, "labels": list, "keywords": list, "max_line": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.phrase = whole_phrase(params)
        self.max_line = int(params.get("max_line", 3))

    def trigger(self) -> Trigger:
        """The rule's ``keywords`` (the skip phrases' words), and a line that opens with a link
        to a fragment, a line of text above or below it."""
        return all_of(self.keyword_trigger(), Search(_GLUED_LINK_LINE, folded=False))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("paragraph"):
            if node.end_line - node.start_line < 2:
                continue  # one line: a block of its own (BP045's)
            for line in range(node.start_line, min(node.end_line, node.start_line + self.max_line)):
                if self._is_skip_line(doc, line) and not _link_follows(doc, line, node.end_line):
                    start, end = doc.line_offset(line), doc.line_offset(line + 1)
                    yield Finding(start, end, edits=(remove_lines(doc, line, line + 1),))

    def _is_skip_line(self, doc: Document, line: int) -> bool:
        found = _LINK_LINE.fullmatch(doc.line_text(line))
        return (
            found is not None and self.phrase.fullmatch(fold_width(found.group("text"))) is not None
        )


def _link_follows(doc: Document, line: int, end: int) -> bool:
    """Whether the paragraph's next line opens with a link or a picture: the site's header
    glued on (BP105 judges a header's run from the skip link), not the text it skips to."""
    return line + 1 < end and doc.line_text(line + 1).lstrip().startswith(("[", "!["))
