"""``post-stamp``: a post's date stamp, a line of a stamp's label and the date, nothing else.

Blog themes print the post's date with a label on a line of its own, under the title or after
the article: LoveIt's "Updated on 2023-08-10" / "更新于 2023-05-03", "最終更新: 2026-04-28",
ITmedia's "» 2024年04月05日 08時00分 公開", "**Published**: 2025-12-03. **Last Updated**:
2025-12-03 19:31:22 UTC". BP101 (``post-meta``) wants two kinds of meta and leaves such a
line; a stamp's label (``label_phrases``: published, updated, 发布于, 公開日…, not "Date:", which heads
a meeting's notes) with a date and no other word is a theme's template with its placeholder
filled. Read in the page's head (its first ``top_blocks`` blocks) and in its tail after the
last paragraph of more than ``tail_words`` words, where BP101 reads; a line with a word of
prose ("Updated on 2024-03-03 to fix the second example") stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.tail import InTail
from ..fastpath.triggers import AllOf, AnyOf, InHead, Literals, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .fix_safety import safe_if
from .linkblocks import skeleton
from .page_head import crawl_source
from .phrase_lists import fold_width
from .post_meta import DATE_DIGITS, PostMetaMatcher

# What may stand between a stamp's parts: spaces, punctuation, a theme's arrow or bullet, the
# time's zone after it ("19:31:22 UTC").
_LEFTOVER = re.compile(r"[\s.,:;|/·•»«›‹()\[\]\-–—*_]+|\b(?:UTC|GMT)\b", re.IGNORECASE)


class PostStampMatcher(PostMetaMatcher):
    name = "post-stamp"
    params = MappingProxyType({**PostMetaMatcher.params, "label_phrases": list})
    required = frozenset({"dates", "counts", "meta_labels", "words", "label_phrases"})

    def trigger(self) -> Trigger:
        """In the page's head or tail: a stamp label's word (``keywords``) and a date's digits."""
        inner = AllOf((Literals(self.keywords or ()), Search(DATE_DIGITS, folded=False)))
        return AnyOf((InHead(self.top_blocks, inner), InTail(self.tail_words, inner)))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        if not (blocks and blocks[0].kind == "front_matter") and not crawl_source(doc):
            return  # a post a generator, clipper or crawler wrote; a changelog's stamp stays
        tail = self._tail_start(doc, blocks)
        seen: set[int] = set()
        for node in [*blocks[: self.top_blocks], *blocks[tail:]]:
            if node.index in seen or not self._stamp_line(doc, node):
                continue
            seen.add(node.index)
            start, end = doc.node_span(node)
            edit = remove_blocks(doc, node, node)
            yield Finding(start, end, edits=(edit,), applicability=safe_if(False))

    def _stamp_line(self, doc: Document, node: Node) -> bool:
        """A paragraph of stamp labels and dates only, one of each at least, no link."""
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        if skel is None or skel.links or skel.images:
            return False
        text, labels = self._parts["label_phrases"].subn(" ", fold_width(skel.text))
        if not labels:
            return False
        text, dates = self._parts["dates"].subn(" ", text)
        return bool(dates) and not _LEFTOVER.sub("", text)
