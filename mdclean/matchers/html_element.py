"""``html-element``: whole HTML elements (with what they hold) whose markup carries a signature.

Used by the ad rules: an ``<ins class="adsbygoogle">`` unit, a loader ``<script>``,
an ad ``<iframe>``. The element goes whole, from its opening tag to its closing
tag; a wrapper left holding nothing but the ad goes with it; a block left empty
goes with its seams (see :mod:`mdclean.removal`). Code is never looked at: fences
and indented code are skipped, code spans and ``<pre>``/``<code>`` are masked.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document, Node
from ..markup import RAW_TEXT_ELEMENTS, Element, iter_comments, mask_code, scan_elements
from ..models import Finding
from ..removal import remove_blocks, remove_span
from .base import Matcher, any_pattern, compile_patterns

_TEXT_BLOCKS = ("html_block", "paragraph", "heading")


class HtmlElementMatcher(Matcher):
    name = "html-element"
    params = {
        "signatures": list,
        "elements": list,
        "keywords": list,
        "comments": bool,
    }
    required = frozenset({"signatures"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.signature = any_pattern(compile_patterns(params["signatures"], "signatures"))
        # Restrict to these element names (all elements when absent).
        self.elements = frozenset(str(e).lower() for e in params.get("elements", []))
        # Also remove HTML comments that hold the signature (commented-out ad code).
        self.comments = bool(params.get("comments", True))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves(*_TEXT_BLOCKS):
            content = doc.content(node)
            if content is None or (self.keywords and not self.may_match(content.text.lower())):
                continue
            text = mask_code(content.text, inline_markdown=node.kind != "html_block")
            units = self.units(text)
            if not units:
                continue
            yield from self._findings(doc, node, content, text, units)

    def units(self, text: str) -> list[tuple[int, int]]:
        """Spans of the text that are ad units: matched elements, widened to empty wrappers."""
        assert self.signature is not None
        if "<" not in text:
            return []
        elements = scan_elements(text)
        spans: list[tuple[int, int]] = []
        for element in elements:
            if self.elements and element.name not in self.elements:
                continue
            probe = text[element.start:element.end] if element.name in RAW_TEXT_ELEMENTS \
                else element.opening_tag(text)
            if self.signature.search(probe):
                spans.append((element.start, element.end))
        if self.comments and "<!--" in text:
            spans.extend((m.start(), m.end()) for m in iter_comments(text) if self.signature.search(m.group()))
        spans = _outermost(spans)
        return _widen_to_wrappers(text, elements, spans) if spans else spans

    def _findings(self, doc: Document, node: Node, content: Any, text: str,
                  units: list[tuple[int, int]]) -> Iterator[Finding]:
        rest = list(text)
        for start, end in units:
            rest[start:end] = " " * (end - start)
        whole_block = "".join(rest).strip() == ""
        block_edit = remove_blocks(doc, node) if whole_block else None
        for start, end in units:
            source_start, source_end = content.to_source(start), content.to_source(end)
            if block_edit is not None:
                edits = (block_edit,)
            elif content.exact:
                edits = (remove_span(doc, source_start, source_end),)
            else:
                edits = None  # positions are uncertain: report, do not touch
            yield Finding(source_start, source_end, edits=edits)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if result and start < result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
            continue
        result.append((start, end))
    return result


def _widen_to_wrappers(text: str, elements: list[Element], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Replace units by the elements that hold nothing else (a ``<div>`` around an ``<ins>``)."""
    changed = True
    while changed:
        changed = False
        for element in elements:
            if element.close_start == element.end:  # void or left open: holds nothing
                continue
            inner = [(s, e) for s, e in spans if element.open_end <= s and e <= element.close_start]
            if not inner or any(s <= element.start and element.end <= e for s, e in spans):
                continue
            rest = list(text[element.open_end:element.close_start])
            for s, e in inner:
                rest[s - element.open_end:e - element.open_end] = " " * (e - s)
            if "".join(rest).strip() == "":
                spans = _outermost([sp for sp in spans if sp not in inner] + [(element.start, element.end)])
                changed = True
    return spans
