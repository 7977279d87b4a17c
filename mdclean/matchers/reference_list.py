"""The article's own notes list: footnotes and references whose items jump back to the text.

MediaWiki prints its references as ``1. [↑](#cite_ref-1 "Back to text") [Source](…)``,
pandoc and markdown-it its footnotes with a ``[↩︎](#fnref1)`` mark, Word's HTML export
``[[1]](#_ftnref1)``. A link back into the text is the one thing a theme's widget never
holds, so such a list is the article's however many links it carries.
"""

from __future__ import annotations

import re

from ..document import Document, Node
from .fix_safety import links_in

_BACK_TARGET = re.compile(
    r"#(?:cite[_-]ref|cite[_-]note|fnref|_ftnref|_ednref|footnote-ref|ref[_-])", re.IGNORECASE
)
"""Fragments that MediaWiki, pandoc, markdown-it, Word and Google Docs give a note's way back."""
_BACK_MARKS = frozenset({"↑", "^", "↩", "↩\ufe0f", "↩\ufe0e", "⤴", "⬆"})
"""The marks such a way back is printed as."""


def is_reference_list(doc: Document, node: Node) -> bool:
    """Whether ``node`` is a list each of whose items holds a link back into the text."""
    if node.kind not in ("bullet_list", "ordered_list") or not node.children:
        return False
    return all(_jumps_back(doc, item) for item in node.children)


def _jumps_back(doc: Document, item: Node) -> bool:
    return any(
        _BACK_TARGET.search(link.href) is not None or link.text.strip() in _BACK_MARKS
        for link in links_in(doc, [item])
    )
