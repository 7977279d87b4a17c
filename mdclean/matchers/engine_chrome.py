"""``engine-chrome``: the fixed strings of a forum or Q&A engine, once one of them proves the engine.

A thread engine (Discourse, Stack Exchange, GitHub's issues, Hacker News) prints the same
template strings on every site it runs: "Powered by Discourse, best viewed with JavaScript
enabled", "Share Improve this answer Follow", "Sign up for free to join this conversation on
GitHub". Some are certain wherever they stand as a whole block (``proofs``); others are short
and ordinary ("1 Like", "last visit", "3 months later", "Add a comment") and are the engine's
only on its pages. So nothing is found until a block (or, with ``line_wise``, a line) is one
of the ``proofs``; then every whole block of the ``phrases`` goes, as in ``platform-chrome``.
Length is no proof here: "Vorgeschlagene Themen" is long and ordinary, "Viewed 10k times" short
and certain. The proofs must be among the phrases (the fast path asks for a phrase).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import Trigger, all_of
from .base import ParamError
from .label_shapes import LabelOpensLine
from .label_triggers import LabelTrigger, phrase_text
from .phrase_block import BLOCK_KINDS
from .phrase_lists import phrase_pattern, phrases_of
from .platform_chrome import PlatformChromeMatcher
from .thread_page import mark_thread


class EngineChromeMatcher(PlatformChromeMatcher):
    name = "engine-chrome"
    params = MappingProxyType({**PlatformChromeMatcher.params, "proofs": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        proofs = phrase_pattern(params, "proofs", "proof_labels")
        if proofs is None:
            raise ParamError("params.proofs: give at least one phrase list of proofs")
        self._proof_phrases = proofs
        self._proofs_trigger = LabelTrigger.of(phrases_of(params, "proofs", "proof_labels"))

    def trigger(self) -> Trigger:
        """The phrases' trigger, and a proof opening a line: ``find`` finds nothing until a
        block or line is one of the proofs (which are phrases, read at the same heads)."""
        return all_of(super().trigger(), self._proof_opens())

    def trigger_once_parsed(self) -> Trigger:
        return all_of(super().trigger_once_parsed(), self._proof_opens())

    def _proof_opens(self) -> Trigger:
        """A proof opens a line outside fenced code (``LabelOpensLine`` without a shape);
        no condition when the proofs give the label trigger no handle."""
        if self._proofs_trigger is None:
            return super().keyword_trigger()  # (the keywords again: ALWAYS without them)
        return OutsideFences(LabelOpensLine(self._proofs_trigger, None, phrase_text))

    @cached_property
    def _proofs(self) -> re.Pattern[str]:
        """A proof as a block's (or line's) whole text, give or take punctuation around it."""
        return re.compile(rf"[\W_]*(?:{self._proof_phrases})[\W_]*", re.IGNORECASE)

    def _proven(self, strings: set[str]) -> set[str]:
        """The strings that prove the engine."""
        return {string for string in strings if self._proofs.fullmatch(string)}

    def _chrome(self, doc: Document) -> tuple[list[Node], set[str]]:
        found, strings = super()._chrome(doc)
        proven = self._proven(strings)
        if len(proven) >= max(self.min_distinct, 1):
            mark_thread(doc)  # (the engine's pages are threads: their posts are the article)
        return found, proven

    def _enough_evidence(self, doc: Document) -> bool:
        strings: set[str] = set()
        for node, rough in self.blocks_to_probe(doc, *BLOCK_KINDS):
            self._read_block(doc, node, rough, [], strings)
        return len(self._proven(strings)) >= max(self.min_distinct, 1)
