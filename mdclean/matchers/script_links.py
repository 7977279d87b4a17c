"""``script-link-row``: a paragraph of nothing but Markdown links to ``javascript:``.

CommonMark refuses ``javascript:`` targets, so ``[OK](javascript:;)`` is no link to
the parser: it stays text, brackets and script shown. Such a paragraph is read here
from its raw text: once every ``[label](javascript:…)`` and separator is taken out,
nothing may be left (a code span's backticks, a word of prose keep the block).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from ..document import Document
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text

SCRIPT_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*javascript:[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)", re.IGNORECASE
)
_SEPARATORS = re.compile(r"[\s|·•/,、]*")


class ScriptLinkRowMatcher(Matcher):
    name = "script-link-row"
    params = MappingProxyType({"keywords": list})

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.nodes():
            if node.kind != "paragraph":
                continue
            raw = raw_text(doc, node)
            if "javascript:" not in raw.lower():
                continue
            rest, links = SCRIPT_LINK.subn("", raw)
            if links and _SEPARATORS.fullmatch(rest):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))
