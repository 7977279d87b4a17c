"""The phrase matcher: a rule whose trigger is a label from phrase lists or inline ``labels``.

Loading the lists is ``phrase_lists``; the raw-text trigger derived from the phrases is
``label_triggers``; what must follow the label, tested on raw text, is ``label_shapes``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any, ClassVar

from ..document import Document, Node
from ..fastpath.body import body_of, fast_path_on, lines_at
from ..fastpath.fences import OutsideFences, outside_fences
from ..fastpath.triggers import Trigger, all_of
from .base import Matcher, ParamError
from .label_shapes import LabelOpensLine, Shape, label_shape
from .label_triggers import LabelTrigger, phrase_text
from .linkblocks import LEADING_MARKUP, rough_text, rough_texts, skeleton
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
        return self.labels_open(self.shape)

    def trigger_once_parsed(self) -> Trigger:
        """The trigger without the shape: ``find`` reads only the blocks where a label may
        stand (``blocks_to_probe``, from the same reading), and probing those few costs less
        than guessing the shape of each from the raw text."""
        return self.labels_open(None)

    def labels_open(self, shape: Shape | None) -> Trigger:
        """The keywords, then a label opening a line in a block of this shape (None: any),
        outside fenced code (``OutsideFences``): a phrase rule reads paragraphs, headings,
        lists and HTML blocks, never a fence's code ("print(", "#include")."""
        if self.labels_trigger is None:
            return self.keyword_trigger()
        label = LabelOpensLine(self.labels_trigger, shape, phrase_text, self.blocks_needed())
        return all_of(self.keyword_trigger(), OutsideFences(label))

    def blocks_needed(self) -> int:
        """How many blocks must hold a label for the rule to find anything (its evidence)."""
        return 1

    def blocks_to_probe(self, doc: Document, *kinds: str) -> Sequence[tuple[Node, str]]:
        """The blocks of these kinds, each with its rough text, that a label may open as the raw
        text tells: those whose lines hold a place where the trigger finds a label may stand
        (each block a label opens holds one: a head at its start or a word in it). Every other
        block fails ``probe``, so it is not asked: the fast path's answer, off with it."""
        lines = self._label_lines(doc)
        if lines is None:
            return rough_texts(doc, *kinds)
        nodes = _blocks(doc, kinds)
        return [(nodes[i], rough_text(doc, nodes[i])) for i in blocks_on_lines(doc, kinds, lines)]

    def _label_lines(self, doc: Document) -> list[int] | None:
        """The document's lines where the trigger finds a label may stand; None: any line.
        Read once per document for all the rules with the same phrases."""
        trigger = self.labels_trigger
        if trigger is None or not fast_path_on(doc):
            return None
        store = doc.shared("label_lines")
        if trigger not in store:
            body = body_of(doc)
            seen = phrase_text(outside_fences(body.text))  # (as the trigger read it)
            hits = trigger.hits(seen)
            store[trigger] = (
                None
                if hits is None
                else [body.first_line + line for line in lines_at(seen, hits.heads + hits.words)]
            )
        lines: list[int] | None = store[trigger]
        return lines


class BlockLabelMatcher(PhraseMatcher):
    """A phrase matcher whose label is a block of its own ("Related posts", "## 相关文章"):
    its trigger asks for the label as a whole block, and ``label`` reads one."""

    @cached_property
    def label(self) -> re.Pattern[str]:
        """Compiled on first use (as ``probe``): a run that only asks the trigger never needs it."""
        return re.compile(rf"\W*(?:{self.labels})\s*[:：]?\W*", re.IGNORECASE)

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return label_shape(self.labels, r"[\W_]*", whole=True)

    def is_label_block(self, doc: Document, node: Node) -> bool:
        """Whether the block is the label and nothing else: no link, no image."""
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        return self.label.fullmatch(" ".join(fold_width(skel.text).split())) is not None


def _blocks(doc: Document, kinds: tuple[str, ...]) -> tuple[Node, ...]:
    store = doc.shared("blocks")
    if kinds not in store:
        store[kinds] = tuple(doc.leaves(*kinds))
    nodes: tuple[Node, ...] = store[kinds]
    return nodes


def blocks_on_lines(doc: Document, kinds: tuple[str, ...], lines: list[int]) -> list[int]:
    """The indexes, among the leaves of these kinds, of the blocks that hold one of these
    (sorted) lines, in document order."""
    starts, reach = _block_lines(doc, kinds)
    nodes = _blocks(doc, kinds)
    found: set[int] = set()
    for line in lines:
        i = bisect.bisect_right(starts, line) - 1
        while i >= 0 and reach[i] > line:  # every block from here back that may reach the line
            if nodes[i].end_line > line:
                found.add(i)
            i -= 1
    return sorted(found)


def _block_lines(doc: Document, kinds: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Where the blocks of these kinds start, and the furthest line end of each block and all
    before it, kept per document."""
    store = doc.shared("block_lines")
    if kinds not in store:
        nodes = _blocks(doc, kinds)
        store[kinds] = (
            [node.start_line for node in nodes],
            list(itertools.accumulate((node.end_line for node in nodes), max)),
        )
    found: tuple[list[int], list[int]] = store[kinds]
    return found
