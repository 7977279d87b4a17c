"""``promo-callout``: a docs generator's callout box that holds nothing but a pitch.

GitBook's ``{% hint %}…{% endhint %}``, Hugo's ``{{< notice >}}…{{< /notice >}}`` and
Docusaurus's ``:::tip … :::`` boxes hold the manual's notes; some sites put their pitch in one on
every page instead: courses, sponsorship plans, the Discord server and the Telegram group. A box
that a converter left with its tags (GitBook, Hugo) or fences (Docusaurus) is a promo when at
least ``min_links`` of its links go to such places (``targets``: sponsor and donation pages,
chat invites, course and plan pages) and they are at least a third of its links; it goes
whole, tags and all, when its lines are whole blocks outside code and it is not all that stands
under a heading (the heading would go with it). A box of notes with one link to a chat, or a box
with code in it, stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import ALWAYS, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError, any_pattern, compile_patterns, required_literals
from .template_docblock import whole_blocks

# The tags that open a box, by generator (GitBook and Liquid, Hugo, Docusaurus), each with
# its name in group 1; the closing tag below, in the same order, must name it again.
_OPENERS = (
    re.compile(r"\s*\{%-?\s*(hint|callout|info|tip|note)\b[^%]*-?%\}.*"),
    re.compile(r"\s*\{\{[<%]\s*(notice|hint|callout|admonition|alert|tip|note)\b.*"),
    re.compile(r"\s*(:::+)\s*(?:tip|note|info|important|caution|warning|danger)\b.*"),
)
_CLOSERS = (
    re.compile(r".*\{%-?\s*end(?P<name>\w+)\s*-?%\}\s*"),
    re.compile(r".*\{\{[<%]\s*/\s*(?P<name>\w+)\s*[>%]\}\}\s*"),
    re.compile(r"\s*(?P<name>:::+)\s*"),
)
_TARGET = re.compile(r"\]\(\s*<?([^()\s<>]+)|\bhref\s*=\s*[\"']([^\"']+)")


class PromoCalloutMatcher(Matcher):
    name = "promo-callout"
    params = MappingProxyType({"targets": list, "min_links": int, "keywords": list})
    required = frozenset({"targets"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        compiled = compile_patterns(params["targets"], "targets")
        self._target_literals = required_literals(compiled)
        targets = any_pattern(compiled)
        if targets is None:
            raise ParamError("params.targets: give at least one pattern")
        self.targets = targets
        self.min_links = int(params.get("min_links", 2))

    def trigger(self) -> Trigger:
        """The keywords (a box's tag or fence), and one of the targets' literals."""
        promo = literals(*self._target_literals) if self._target_literals else ALWAYS
        return all_of(self.keyword_trigger(), promo)

    def find(self, doc: Document) -> Iterator[Finding]:
        line = 0
        while line < doc.line_count:
            box = _box_at(doc, line)
            if box is None:
                line += 1
                continue
            first, end = box
            blocks = whole_blocks(doc, first, end)
            if (
                blocks is not None
                and not _fills_section(blocks)
                and self._is_pitch(doc, first, end)
            ):
                start, stop = doc.node_span(blocks[0])[0], doc.node_span(blocks[-1])[1]
                yield Finding(start, stop, edits=(remove_blocks(doc, blocks[0], blocks[-1]),))
            line = end

    def _is_pitch(self, doc: Document, first: int, end: int) -> bool:
        text = "\n".join(doc.line_text(line) for line in range(first, end))
        if "```" in text or "~~~" in text:
            return False
        links = [a or b for a, b in _TARGET.findall(text)]
        promos = sum(1 for link in links if self.targets.search(link))
        return promos >= self.min_links and promos * 3 >= len(links)


def _fills_section(blocks: list[Node]) -> bool:
    """Whether the box is all that stands under a heading: removing it would take the heading
    too (a section left over nothing goes), and that heading is the manual's."""
    before, after = blocks[0].previous_sibling, blocks[-1].next_sibling
    return (
        before is not None
        and before.kind == "heading"
        and (after is None or after.kind == "heading")
    )


def _box_at(doc: Document, line: int) -> tuple[int, int] | None:
    """The lines (first, end excluded) of a box whose opening tag starts ``line``."""
    text = doc.line_text(line)
    for opening, closing in zip(_OPENERS, _CLOSERS, strict=True):
        opened = opening.fullmatch(text)
        if opened is None:
            continue
        name = opened.group(1)
        for inner in range(line + 1, doc.line_count):
            closed = closing.fullmatch(doc.line_text(inner))
            if closed is not None and closed.group("name").lower() == name.lower():
                return line, inner + 1
        return None
    return None
