"""``language-switcher``: a site's row of links to the same page in other languages.

Multilingual sites print a switcher in their header or footer: "[English](https://x.org/en/)
[Deutsch](https://x.org/de/) [日本語](https://x.org/ja/)", each language named in its own
language or by its code (``phrases``). A crawler keeps it as a paragraph or list of links. A
block goes when it is links alone (separators aside), at least ``min_links`` of them name a
language, they are most of its links (``min_share``), and every link is an absolute address:
a crawler resolves the switcher's links; a README's "Read this in: English | 中文" row links
to its own translations' files (``README.zh.md``) and stays.

The fix is unsafe: a list of a project's translations, each on its own site, looks the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Repeated, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import LIST_KINDS, link_list
from .required_phrases import required_alternation

_ABSOLUTE = re.compile(r"https?://", re.IGNORECASE)


class LanguageSwitcherMatcher(Matcher):
    name = "language-switcher"
    params = MappingProxyType(
        {"keywords": list, "phrases": list, "min_links": int, "min_share": (int, float)}
    )
    required = frozenset({"phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._names = required_alternation(params)
        self.min_links = int(params.get("min_links", 3))
        self.min_share = float(params.get("min_share", 0.6))

    @cached_property
    def name_link(self) -> re.Pattern[str]:
        """A link in the source whose whole text names a language and whose target is an
        absolute address."""
        return re.compile(rf"\[[ \t]*(?:{self._names})[ \t]*\]\([ \t]*<?https?://", re.IGNORECASE)

    @cached_property
    def _name(self) -> re.Pattern[str]:
        return re.compile(rf"\s*(?:{self._names})\s*", re.IGNORECASE)

    def trigger(self) -> Trigger:
        """The keywords, then ``min_links`` language links as ``name_link`` reads them: ``find``
        counts the same links in one block's source."""
        return all_of(self.keyword_trigger(), Repeated(self.name_link, self.min_links))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if self._switcher(doc, node):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _switcher(self, doc: Document, node: Node) -> bool:
        if node.kind not in ("paragraph", *LIST_KINDS):
            return False
        start, end = doc.node_span(node)
        if len(self.name_link.findall(doc.text, start, end)) < self.min_links:
            return False
        links = link_list(doc, node)
        if not links or not all(_ABSOLUTE.match(link.href.strip()) for link in links):
            return False
        named = sum(1 for link in links if self._name.fullmatch(link.text))
        return named >= self.min_links and named >= self.min_share * len(links)
