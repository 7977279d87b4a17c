"""The phrase matcher: a rule whose trigger is a label from phrase lists or inline ``labels``.

Loading the lists is ``phrase_lists``; the raw-text trigger derived from the phrases is
``label_triggers``; what must follow the label, tested on raw text, is ``label_shapes``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any, ClassVar

from ..document import Document, Node
from ..fastpath.triggers import Trigger, all_of
from .base import Matcher, ParamError
from .label_shapes import LabelOpensLine, Shape
from .label_triggers import LabelTrigger, phrase_text
from .linkblocks import LEADING_MARKUP, skeleton
from .phrase_lists import fold_width, phrase_pattern, phrases_of


def matchable_title(doc: Document, node: Node) -> str:
    """A heading's (or block's) visible text as phrase lists are matched against it:
    white space collapsed, full-width punctuation folded."""
    skel = skeleton(doc, node)
    return fold_width(" ".join(skel.visible.split())) if skel is not None else ""


class PhraseMatcher(Matcher):
    """A matcher whose trigger is a label from phrase lists (``phrases``) or inline ``labels``.

    It compiles the labels once, derives the fast-path keywords from them (so a
    language added to a phrase list needs no rule edit), and keeps ``probe``: the
    labels after any leading markup, matched at the start of a block's text.
    """

    params: ClassVar[Mapping[str, type | tuple[type, ...]]] = MappingProxyType(
        {"phrases": list, "labels": list, "keywords": list}
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        labels = phrase_pattern(params)
        if labels is None:
            raise ParamError("params.phrases: give at least one phrase list or label")
        self.labels = labels
        self.labels_trigger = LabelTrigger.of(phrases_of(params))
        self.shape = self.block_shape(params)

    @cached_property
    def probe(self) -> re.Pattern[str]:
        """Compiled on first use: a worker whose files the fast path rules out never needs it."""
        return re.compile(LEADING_MARKUP + f"(?:{self.labels})", re.IGNORECASE)

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        """What must follow the label in the block for this rule to act; None: anything."""
        return None

    def trigger(self) -> Trigger:
        """The rule's own keywords, if it has any; then a label must open a line of the raw
        text, and the block there must have the rule's shape (see ``LabelOpensLine``)."""
        if self.labels_trigger is None:
            return self.keyword_trigger()
        label = LabelOpensLine(self.labels_trigger, self.shape, phrase_text, self.blocks_needed())
        return all_of(self.keyword_trigger(), label)

    def blocks_needed(self) -> int:
        """How many blocks must hold a label for the rule to find anything (its evidence)."""
        return 1
