"""``pitch-line``: a line under the article that pitches the author's product or services,
led by a pointing or speech emoji, with a link to act on.

Authors close a post with a line of their own pitch: "👉 [Join the X waitlist →](…) — Deploy
without the headache", "💬 **Consulting and small contracts welcome**: [DM me on X](…)",
"📩 [Book a call](…)". The line opens (after emphasis) with one of ``openers``, holds a link to
another site (an absolute address) and one of ``asks`` (join, try, book, hire, waitlist,
相談, 受付…), and is short (``max_words``). It must stand after the article: no block after it
is code, a table or a paragraph of prose (``prose_words`` words outside links), so the same
emoji in the article's own steps ("👉 Run the installer") stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_words import words_besides_links
from .linkblocks import skeleton
from .phrase_lists import fold_width

_LEADING_MARKUP = re.compile(r"[\s*_>~]*")
_ABSOLUTE = re.compile(r"https?://", re.I)
_ARTICLE_KINDS = ("fence", "code_block", "table")


class PitchLineMatcher(Matcher):
    name = "pitch-line"
    params = MappingProxyType(
        {"keywords": list, "openers": list, "asks": list, "max_words": int, "prose_words": int}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.openers = tuple(str(opener) for opener in params.get("openers", []))
        asks = [str(ask) for ask in params.get("asks", [])]
        self.asks = re.compile("|".join(f"(?:{a})" for a in asks), re.I) if asks else None
        self.max_words = int(params.get("max_words", 40))
        self.prose_words = int(params.get("prose_words", 30))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        for index, node in enumerate(page):
            if index > 0 and self._is_pitch(doc, node) and self._after_article(doc, page, index):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node, node),))

    def _is_pitch(self, doc: Document, node: Node) -> bool:
        if node.kind != "paragraph" or self.asks is None:
            return False
        skel = skeleton(doc, node)
        if skel is None or not skel.links or skel.words() > self.max_words:
            return False
        visible = fold_width(" ".join(skel.visible.split()))
        text = visible[_LEADING_MARKUP.match(visible).end() :]  # type: ignore[union-attr]
        if not text.startswith(self.openers):
            return False
        external = any(_ABSOLUTE.match(link.href) for link in skel.links)
        return external and self.asks.search(visible) is not None

    def _after_article(self, doc: Document, page: list[Node], index: int) -> bool:
        """Whether no block after ``index`` is the article's: code, a table, a paragraph of prose."""
        for node in page[index + 1 :]:
            if node.kind in _ARTICLE_KINDS:
                return False
            if node.kind == "paragraph":
                skel = skeleton(doc, node)
                if skel is not None and words_besides_links(skel) >= self.prose_words:
                    return False
        return True
