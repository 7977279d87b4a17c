"""``clipper-box``: the box a web clipper's template writes above the article it saved.

MarkDownload's default template puts the page's excerpt (its meta description, or the
article's first sentences again) in a quote that opens with a heading, ``> ## Excerpt``,
and closes it with a rule (``---``). The quote is the template's, not the article's: it
goes, with the rule right after it. It is found only among the page's first
``top_blocks`` blocks and only when its first block is a heading whose whole text is one
of the labels: a quote the author wrote ("> ## Summary" further down) stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from .phrase_block import PhraseBlockMatcher

_HEAD_BLOCKS = 4


class ClipperBoxMatcher(PhraseBlockMatcher):
    name = "clipper-box"
    params = MappingProxyType({**PhraseBlockMatcher.params, "top_blocks": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.top_blocks = int(params.get("top_blocks", _HEAD_BLOCKS))

    def _widget_blocks(self, doc: Document, node: Node) -> tuple[Node, Node] | None:
        quote = node.parent
        if (
            node.kind != "heading"
            or quote is None
            or quote.kind != "blockquote"
            or quote.children[0] is not node
            or quote.parent is None
            or quote.parent.kind != "root"
            or quote.index >= self.top_blocks
        ):
            return None
        rule = quote.next_sibling
        return (quote, rule) if rule is not None and rule.kind == "hr" else (quote, quote)
