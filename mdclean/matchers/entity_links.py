"""``entity-link``: links a platform wrapped around the article's own words, to its search.

Zhihu links the terms of every article to its own search ("[Rust](https://zhida.zhihu.com/
search?content_id=…&q=Rust&zhida_source=entity)"): the word is the author's, the link is the
platform's. Each such link (target matching one of ``targets``) is unwrapped: its text
stays where it stood, its brackets and target go. Code spans are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import Trigger, literals
from ..markup import mask_code
from ..models import Edit, Finding
from .base import Matcher, ParamError, any_pattern, compile_patterns, required_literals

_TEXT_BLOCKS = ("paragraph", "heading")
# An inline link whose text holds no brackets: [text](target "title")
_LINK = re.compile(r"(?<![!\\])\[([^\[\]\n]+)\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


class EntityLinkMatcher(Matcher):
    name = "entity-link"
    params = MappingProxyType({"targets": list, "keywords": list})
    required = frozenset({"targets"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        compiled = compile_patterns(params["targets"], "targets")
        targets = any_pattern(compiled)
        if targets is None:
            raise ParamError("params.targets: give at least one pattern")
        self.targets = targets
        # The literals every target must hold: a text without one of them holds no such link.
        self._target_literals = required_literals(compiled)

    def trigger(self) -> Trigger:
        if self._target_literals is None:
            return self.keyword_trigger()
        return literals(*self._target_literals)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves(*_TEXT_BLOCKS):
            start, end = doc.node_span(node)
            source = doc.text[start:end]
            masked = mask_code(source, inline_markdown=True)
            for link in _LINK.finditer(masked):
                if self.targets.search(link.group(2)) is None:
                    continue
                text_start, text_end = start + link.start(1), start + link.end(1)
                edits = (
                    Edit(start + link.start(), text_start),
                    Edit(text_end, start + link.end()),
                )
                yield Finding(start + link.start(), start + link.end(), edits=edits)
