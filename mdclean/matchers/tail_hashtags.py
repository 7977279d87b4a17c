"""``tail-hashtags``: a line of hashtags left at a page's end ("#mosquitoes #personal").

Blogs and social platforms print a post's tags as hashtags under it; a clipper keeps
them as a plain paragraph. A top-level paragraph whose whole visible text is two or more
hashtags (a ``#`` then a word that opens with a letter, in any script) goes when only
short lines follow it to the page's end and a paragraph of the page's text comes before
it (past other short lines). One ``#Word`` alone is a heading that lost its space; a
``#1`` or an issue number is no hashtag; a hashtag inside a sentence stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import Search, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .labelled_line import TAIL_WORDS, in_short_tail
from .linkblocks import skeleton

# A hashtag: ``#`` then a letter (any script), then letters, digits, ``_`` or ``-``.
_HASHTAG = r"#[^\W\d_][\w-]*"
_HASHTAGS = re.compile(rf"{_HASHTAG}(?:[\s,·|]+{_HASHTAG})+[\s,.]*")
# In the raw text: a line that opens with a hashtag, as a top-level paragraph's first line does.
_HASHTAG_LINE = re.compile(r"^ {0,3}#[^\W\d_]", re.MULTILINE)


class TailHashtagsMatcher(Matcher):
    name = "tail-hashtags"

    def trigger(self) -> Trigger:
        # Outside fenced code: "#include <stdio.h>" opens no paragraph.
        return all_of(self.keyword_trigger(), OutsideFences(Search(_HASHTAG_LINE, folded=False)))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("paragraph"):
            if _is_hashtag_line(doc, node) and in_short_tail(doc, node) and _after_prose(doc, node):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))


def _is_hashtag_line(doc: Document, node: Node) -> bool:
    """Whether the paragraph's whole visible text is hashtags, with no link or image."""
    if not doc.line_text(node.start_line).lstrip(" ").startswith("#"):
        return False
    skel = skeleton(doc, node)
    return (
        skel is not None
        and not skel.links
        and not skel.images
        and _HASHTAGS.fullmatch(skel.visible) is not None
    )


def _after_prose(doc: Document, node: Node) -> bool:
    """Whether a paragraph of the page's text (more than a short line) comes before ``node``,
    past other short paragraphs only: a test page of headings or a list of examples has none."""
    previous = node.previous_sibling
    while previous is not None and previous.kind == "paragraph":
        skel = skeleton(doc, previous)
        if skel is not None and skel.words() > TAIL_WORDS:
            return True
        previous = previous.previous_sibling
    return False
