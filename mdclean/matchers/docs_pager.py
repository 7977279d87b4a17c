"""``docs-pager``: a docs framework's previous/next pager kept as one line of two links.

Under every page a docs framework links the previous and the next page of its sidebar, each
link's text its label ("Previous", "Zurück", "上一页": the framework's own, translated) over the
page's title. A crawler keeps the pager as one line of two links whose texts run label and title
together: "[PreviousInstallation](/docs/install)[NextConfiguration](/docs/config)". When it
drops the blank line before it, the line ends the article's last paragraph.

A line that is exactly two links, the first text headed by a ``phrases`` label (previous) and
the second by a ``next`` label, each with a title after its label, both to the same site (or
both relative), goes: the whole paragraph when it is the line alone, else that line. Safe when
the page's own address is known and both links lead to its site: the framework's two labels,
in their order, over two pages of the same site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from ..document import Document, Node
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Applicability, Finding
from ..removal import remove_blocks, remove_span
from .base import ParamError
from .own_address import own_address
from .phrase_lists import fold_width, phrase_pattern
from .phrases import PhraseMatcher

# One link as a crawler writes it: its text (no nested brackets) and its target.
_LINK = r"\[\s*([^\[\]\n]+?)\s*\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
_TWO_LINKS = re.compile(rf"\s*{_LINK}\s*{_LINK}\s*")
# What may stand between a label and the title: nothing, spaces, or a pager's arrows.
_JOIN = r"[\s«»‹›←→]*"
_WHY = "a line holds a link headed by a previous label and then one headed by a next label"


class DocsPagerMatcher(PhraseMatcher):
    name = "docs-pager"
    params = MappingProxyType({**PhraseMatcher.params, "next": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        after = phrase_pattern({"phrases": params.get("next", [])})
        if after is None:
            raise ParamError("params.next: give the phrase lists of the pager's next label")
        self.next_label = re.compile(rf"(?:{after}){_JOIN}(?=\S)", re.IGNORECASE)
        self._next_phrases = after

    @cached_property
    def previous_label(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self.labels}){_JOIN}(?=\S)", re.IGNORECASE)

    def trigger(self) -> Trigger:
        """A previous label opens a line (the phrase rules' trigger), and on one line a link's
        text opens with it and a later link's text with a next label: what ``find`` asks."""
        return all_of(super().trigger(), Check(self._pager_line, _WHY))

    @cached_property
    def _line_shape(self) -> re.Pattern[str]:
        return re.compile(
            rf"\[\s*(?:{self.labels})[^\n]*\]\([^\n]*\[\s*(?:{self._next_phrases})",
            re.IGNORECASE | re.MULTILINE,
        )

    def _pager_line(self, text: str) -> bool:
        return self._line_shape.search(text) is not None

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _rough in self.blocks_to_probe(doc, "paragraph"):
            last = node.end_line - 1
            hosts = self._pager_hosts(doc.line_text(last))
            if hosts is not None:
                yield self._finding(doc, node, last, self._sure(doc, hosts))

    def _pager_hosts(self, line: str) -> str | None:
        """The one site both links of a pager line lead to ("" for relative links); None when
        the line is no pager."""
        found = _TWO_LINKS.fullmatch(line)
        if found is None:
            return None
        before, first, after, second = (fold_width(part) for part in found.groups())
        if not _headed(self.previous_label, before) or not _headed(self.next_label, after):
            return None
        hosts = {urlsplit(first).netloc.lower(), urlsplit(second).netloc.lower()}
        return hosts.pop() if len(hosts) == 1 else None

    @staticmethod
    def _sure(doc: Document, host: str) -> bool:
        """Whether the page's own address is known and on the links' site."""
        address = own_address(doc)
        return bool(host) and address is not None and urlsplit(address).netloc.lower() == host

    @staticmethod
    def _finding(doc: Document, node: Node, line: int, sure: bool) -> Finding:
        safety = Applicability.SAFE if sure else None
        if line == node.start_line:
            start, end = doc.node_span(node)
            return Finding(start, end, edits=(remove_blocks(doc, node),), applicability=safety)
        start, end = doc.line_offset(line), doc.line_end(line)
        return Finding(start, end, edits=(remove_span(doc, start, end),), applicability=safety)


def _headed(label: re.Pattern[str], text: str) -> bool:
    """Whether the link's text is the label and then a title (the label alone is no pager's);
    a label that runs on into a lower-case letter is a longer word ("Previously", "Nextcloud")."""
    found = label.match(text)
    if found is None:
        return False
    end = found.end()
    return not (text[end - 1].isalpha() and text[end].islower())
