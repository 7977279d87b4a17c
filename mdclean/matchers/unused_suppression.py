"""The matcher of the unused-suppression rule: the engine does its work, after every other rule ran.

Whether a suppression comment is used is only known once all the other rules
have reported, so ``find`` yields nothing; :mod:`mdclean.suppression` reports
the unused comments for the rule that names this matcher. Its keyword keeps
the fast path honest: a text without ``mdclean-`` has no suppression comment.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document
from ..fastpath.triggers import Trigger, all_of, literals
from ..models import Finding
from .base import Matcher


class UnusedSuppressionMatcher(Matcher):
    name = "unused-suppression"

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.keywords = ("mdclean-",)

    def trigger(self) -> Trigger:
        # A directive is an HTML comment: "<" first, a far faster test than the keyword's.
        return all_of(literals("<"), self.keyword_trigger())

    def find(self, doc: Document) -> Iterator[Finding]:
        return iter(())
