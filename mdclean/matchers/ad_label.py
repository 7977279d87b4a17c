"""``ad-label``: a block whose whole text is an ad label ("Advertisement", "Sponsored", "广告").

Scraped pages keep the label that sat above an ad long after the ad itself is gone.
Only a paragraph or HTML block that says nothing else matches (markup, emphasis and
dashes around the label are ignored); a sentence that mentions advertising, a heading
or a list item never does. Code is never looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import AnyOf, Search, Trigger, all_of
from ..markup import COMMENT, mask_code, sub_closed
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns, searchable
from .label_shapes import LabelOpensLine, label_shape
from .label_triggers import LabelTrigger

_BLOCKS = ("paragraph", "html_block")
_CONTAINERS = ("root", "blockquote")
_TAG = re.compile(r"<[^>]*>")
# Decoration around a label: emphasis, dashes, brackets, pipes, non-breaking spaces.
_DECORATION = re.compile(r"^[\s*_\-–—=|\[\](){}:·•\u00a0]+|[\s*_\-–—=|\[\](){}:·•\u00a0]+$")
_MAX_LABEL_CHARS = 80
_NOT_A_TAG = re.compile(r"<(?![a-z]|/[a-z])")


class AdLabelMatcher(Matcher):
    name = "ad-label"
    params = MappingProxyType({"labels": list, "keywords": list})
    required = frozenset({"labels"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        patterns = compile_patterns(params["labels"], "labels")
        self._patterns = patterns
        labels = "|".join(f"(?:{p.pattern})" for p in patterns)
        self.labels_trigger = LabelTrigger.of(p.pattern for p in patterns)
        self.shape = label_shape(labels, r"[\W_]*", whole=True)

    @cached_property
    def label(self) -> re.Pattern[str] | None:
        """A label filling the words (compiled on first use: most runs never need it)."""
        return any_pattern(
            [re.compile(rf"(?:{p.pattern})\Z", re.IGNORECASE) for p in self._patterns]
        )

    def trigger(self) -> Trigger:
        """The label must open a line and fill its block (see ``LabelOpensLine``), unless a
        ``<`` other than a tag's stands in the text (a comment, say): the line heads skip
        tags as ``find`` does, not comments, so then a keyword will do. (The label is asked
        first: its line heads are read once for all the phrase rules.)"""
        if self.labels_trigger is None or self.shape is None:
            return self.keyword_trigger()
        not_a_tag = Search(_NOT_A_TAG, folded=False)
        label = LabelOpensLine(self.labels_trigger, self.shape, searchable)
        # (Code is no label's block: a label, a "<=" or a keyword in fenced code does not
        # count; the label is read where the phrase rules read theirs, past the code.)
        return OutsideFences(AnyOf((label, all_of(not_a_tag, self.keyword_trigger()))))

    def find(self, doc: Document) -> Iterator[Finding]:
        assert self.label is not None
        for node in doc.leaves(*_BLOCKS):
            words = _shown_words(doc, node)
            if words is not None and self.label.match(words):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))


def _shown_words(doc: Document, node: Node) -> str | None:
    """The short text a top-level or quoted block shows, without markup or decoration; None
    when the block is too long, holds code or shows nothing."""
    if node.parent is None or node.parent.kind not in _CONTAINERS:
        return None
    content = doc.content(node)
    if content is None or len(content.text) > _MAX_LABEL_CHARS * 4:
        return None
    text = mask_code(content.text, inline_markdown=node.kind != "html_block")
    if text != content.text:
        return None  # a code span or <code>: the label is shown, not used
    words = _DECORATION.sub(
        "", " ".join(sub_closed(_TAG, " ", sub_closed(COMMENT, " ", text, "-->")).split())
    )
    return words if words and len(words) <= _MAX_LABEL_CHARS else None
