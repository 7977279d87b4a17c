"""``minified-code``: a theme's minified script or style sheet left as a paragraph of text.

A converter that drops ``<script>`` and ``<style>`` tags but keeps their text leaves the
theme's code in the page: a dark-mode switch, a gallery's set-up, a comment widget's
initialisation, a block of CSS, each minified onto one long line. Markdown shows it as a
paragraph of symbols.

A paragraph counts when it is written as minified code: at least ``min_chars`` characters,
few spaces (fewer than one character in ``max_space_share``), many of code's punctuation
(``;{}()=``, at least one character in ``min_symbol_share``), and the marks of a script
(``function``, ``=>``, ``var``/``let``/``const``, ``document.``, ``window.``) or of a style
sheet (five ``property:value;`` declarations). Code that an article shows is written on
lines, with spaces; minified code is the theme's. Unsafe: the shape is the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import Search, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text

_SYMBOLS = frozenset(";{}()=")
_SCRIPT_MARK = re.compile(
    r"function\s*\(|=>|\b(?:var|let|const)\s+[\w$]+\s*=|\bdocument\.|\bwindow\.|\.addEventListener\("
)
_DECLARATION = re.compile(r"[a-z-]{2,}\s*:\s*[^;{}:]{1,80};")
# The trigger's reading of both marks in the lower-cased text: every match of them in a
# paragraph's text is one of these in the whole text (no word boundary to read before it;
# lower-casing keeps what ``[\w$]``, ``\s`` and ``[^;{}:]`` match, and ``searchable`` keeps
# the length of each character).
_MARKS_ANYWHERE = re.compile(
    r"function\s*\(|=>|(?:var|let|const)\s+[\w$]+\s*=|document\.|window\.|\.addeventlistener\("
    r"|[a-z-]{2,}\s*:\s*[^;{}:]{1,80};"
)


class MinifiedCodeMatcher(Matcher):
    name = "minified-code"
    params = MappingProxyType(
        {"min_chars": int, "max_space_share": float, "min_symbol_share": float}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_chars = int(params.get("min_chars", 200))
        self.max_space_share = float(params.get("max_space_share", 0.08))
        self.min_symbol_share = float(params.get("min_symbol_share", 0.08))

    def trigger(self) -> Trigger:
        """The end of a statement or declaration (minified code is never without one), and a
        script's mark or a style declaration, outside fenced code (``find`` reads paragraphs)."""
        return OutsideFences(all_of(literals(";"), Search(_MARKS_ANYWHERE)))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind == "paragraph" and self._is_minified(raw_text(doc, node)):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node, node),))

    def _is_minified(self, text: str) -> bool:
        size = len(text)
        if size < self.min_chars or ";" not in text:
            return False
        if sum(char.isspace() for char in text) >= self.max_space_share * size:
            return False
        if sum(char in _SYMBOLS for char in text) < self.min_symbol_share * size:
            return False
        return bool(_SCRIPT_MARK.search(text)) or len(_DECLARATION.findall(text)) >= 5
