"""``post-meta-anywhere``: a post's meta line wherever it stands, when its evidence is strong.

BP101 (``post-meta``) reads the page's head and its tail after the last long paragraph; a
theme that prints the byline again under the post ("发布日期：2025年12月3日 作者：[Jane](/author/jane/)",
"分类：[Linux](/category/linux/)") before the comment form and a sidebar of long paragraphs
escapes both. In the page's middle a run of meta-only blocks (read as BP101 reads them) goes
only with four kinds of evidence: a label of the meta lists, a date, a link to the author's
page, and a link to a category, a tag or the comments. A changelog's "Reported by
[kazu](/u/kazu) on March 3, 2024" has words of a sentence and no label; a list of dated links
has no label: both stay.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.triggers import AllOf, AnyOf, Literals, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .fix_safety import safe_if
from .post_meta import (
    _AUTHOR_KEYS,
    _COMMENT_KEYS,
    _NAME_LINE,
    _TAXONOMY_KEYS,
    DATE_DIGITS,
    DATE_WORDS,
    PostMetaMatcher,
    Reading,
)

_OTHER_LINK_KEYS = (*_TAXONOMY_KEYS, *_COMMENT_KEYS)


class PostMetaAnywhereMatcher(PostMetaMatcher):
    name = "post-meta-anywhere"

    def trigger(self) -> Trigger:
        """A link to an author's page, one to a category, tag or the comments, and a date."""
        date = AnyOf((Search(DATE_DIGITS, folded=False), Literals(DATE_WORDS)))
        return AllOf((Literals(_AUTHOR_KEYS), Literals(_OTHER_LINK_KEYS), date))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        middle = blocks[self.top_blocks : self._tail_start(doc, blocks)]
        run: list[tuple[Node, Reading]] = []
        for node in [*middle, None]:
            reading = self._reading(doc, node) if node is not None else None
            if node is not None and reading is not None:
                run.append((node, reading))
                continue
            if _certain(run):
                first, last = run[0][0], run[-1][0]
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                edit = remove_blocks(doc, first, last)
                yield Finding(start, end, edits=(edit,), applicability=safe_if(False))
            run = []


def _certain(run: list[tuple[Node, Reading]]) -> bool:
    """A label, a date, an author's page link, and a category, tag or comments link."""
    if not run or all(reading is _NAME_LINE for _, reading in run):
        return False
    kinds = frozenset().union(*(reading.kinds for _, reading in run))
    return {"label", "date", "author-link"} <= kinds and bool(kinds & {"taxonomy", "comments"})
