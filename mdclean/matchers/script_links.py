"""``script-link-row``: a paragraph of nothing but Markdown links to ``javascript:``.

CommonMark refuses ``javascript:`` targets, so ``[OK](javascript:;)`` is no link to
the parser: it stays text, brackets and script shown. Such a paragraph is read here
from its raw text: once every ``[label](javascript:…)`` and separator is taken out,
nothing may be left (a code span's backticks, a word of prose keep the block).

A row that mixes them with ordinary links ("[뒤로가기](javascript:history.go(-1))" /
"[인쇄하기](javascript:…)" / "[목록](/news/list.html)" / "[Tweet](http://twitter.com/share)",
a board's back, print and list buttons) goes too when the script links are at least half of
its links and every caption has ``_MAX_BUTTON_WORDS`` words at most: a guess (the other
links lead somewhere), so the finding is unsafe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from ..document import Document
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import unsafe_if
from .linkblocks import raw_text

SCRIPT_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*javascript:[^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)", re.IGNORECASE
)
_SEPARATORS = re.compile(r"[\s|·•/,、]*")
# An ordinary link, its caption and its target (a title after it perhaps).
_OTHER_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\s*\)"
)
_MAX_BUTTON_WORDS = 3


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
            if not links:
                continue
            mixed = _SEPARATORS.fullmatch(rest) is None
            if mixed and not _button_row(raw, rest, links):
                continue
            start, end = doc.node_span(node)
            yield Finding(
                start, end, edits=(remove_blocks(doc, node),), applicability=unsafe_if(mixed)
            )


def _button_row(raw: str, rest: str, scripts: int) -> bool:
    """Whether what the script links leave is ordinary links and separators only, no more of
    them than script links, and every caption of the row is a button's few words."""
    leftover, others = _OTHER_LINK.subn("", rest)
    if not others or others > scripts or _SEPARATORS.fullmatch(leftover) is None:
        return False
    captions = [m.group(1) for m in SCRIPT_LINK.finditer(raw)]
    captions += [m.group(1) for m in _OTHER_LINK.finditer(rest)]
    return all(len(caption.split()) <= _MAX_BUTTON_WORDS for caption in captions)
