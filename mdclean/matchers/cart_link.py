"""``cart-link``: a shop's cart button in the page's header, kept as a block of its own.

Shopify and Squarespace link their header's cart icon to ``/cart``, Wix to ``/cart-page``,
BigCommerce to ``/cart.php``, Magento to ``/checkout/cart/``; the icon's only text is the count
of items in it ("0") or a word ("Cart", "Panier"). A clip or a crawl keeps the link as a block
of its own: ``[0](/cart)``, or, where the link wrapped blocks and a converter (turndown, as in
MarkDownload) opened it on a line of its own, ``[`` / ``0`` / ``](/cart)`` as three paragraphs.
The addresses are the builders' own paths (``targets``), so they decide in any language.

A top-level paragraph that is one link to a cart address whose text is a count, nothing, or a
word or two (``max_words``) goes; so does the split form, the ``[`` paragraph and the count
between them with it. Safe when the link's text is a count or nothing: the address and the
count are two signs of the header's icon; a word ("View cart") may be a shop page's own button.
A link in a sentence, in a list or to another page stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .fix_safety import safe_if
from .linkblocks import raw_text, skeleton, word_count

_COUNT = re.compile(r"[\s()\[\]]*(?:\d{1,4}[\s()\[\]]*)?")
# What turndown leaves of a link that wrapped blocks: its opener and its tail on lines of their own.
_OPENER = re.compile(r"\[\s*")
_TAIL = re.compile(r"\]\((?P<href><?[^\s()<>]+>?)(?:\s+\"[^\"\n]*\")?\)\s*")
_MAX_SPLIT = 3  # blocks between the opener and the tail: the icon's count, a word, a picture


class CartLinkMatcher(Matcher):
    name = "cart-link"
    params = MappingProxyType({"keywords": list, "targets": list, "max_words": int})
    required = frozenset({"targets", "keywords"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        targets = any_pattern(compile_patterns(params["targets"], "targets"))
        assert targets is not None
        self.targets = targets
        self.max_words = int(params.get("max_words", 2))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        for index, node in enumerate(blocks):
            if node.kind != "paragraph" or not self._names_cart(doc, node):
                continue
            found = self._whole_link(doc, node)
            if found is None:
                found = self._split_link(doc, blocks, index)
            if found is not None:
                first, text = found
                start, end = doc.node_span(first)[0], doc.node_span(node)[1]
                edit = remove_blocks(doc, first, node)
                yield Finding(start, end, edits=(edit,), applicability=_safety(text))

    def _names_cart(self, doc: Document, node: Node) -> bool:
        """Whether the block's source holds a keyword (the fast path's trigger reads the same)."""
        raw = raw_text(doc, node).lower()
        return any(keyword in raw for keyword in self.keywords or ())

    def _whole_link(self, doc: Document, node: Node) -> tuple[Node, str] | None:
        """``[0](/cart)``: one link to the cart and nothing else; its text."""
        skel = skeleton(doc, node)
        if skel is None or not skel.link_only or len(skel.links) != 1:
            return None
        link = skel.links[0]
        if not self.targets.search(link.href) or not self._short(link.text):
            return None
        return node, link.text

    def _split_link(self, doc: Document, blocks: list[Node], index: int) -> tuple[Node, str] | None:
        """``[`` / ``0`` / ``](/cart)``: the tail here, the opener a few paragraphs above, only
        the icon's count or word between them; the opener and that text."""
        tail = _TAIL.fullmatch(raw_text(doc, blocks[index]).strip())
        if tail is None or not self.targets.search(tail.group("href").strip("<>")):
            return None
        texts: list[str] = []
        for back in range(index - 1, max(index - 2 - _MAX_SPLIT, -1), -1):
            node = blocks[back]
            if node.kind != "paragraph":
                return None
            raw = raw_text(doc, node).strip()
            if _OPENER.fullmatch(raw):
                text = " ".join(reversed(texts))
                return (node, text) if self._short(text) else None
            texts.append(raw)
        return None

    def _short(self, text: str) -> bool:
        """A count, nothing, or a word or two: an icon's caption, never a sentence."""
        return _COUNT.fullmatch(text) is not None or word_count(text) <= self.max_words


def _safety(text: str) -> Applicability | None:
    """Safe when the link's text is a count or nothing (the cart icon's badge)."""
    return safe_if(_COUNT.fullmatch(text) is not None)
