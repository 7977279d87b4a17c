"""``html-element``: whole HTML elements (with what they hold) whose markup carries a signature.

Used by the ad rules: an ``<ins class="adsbygoogle">`` unit, a loader ``<script>``,
an ad ``<iframe>``. The element goes whole, from its opening tag to its closing
tag; a wrapper left holding nothing but the ad goes with it; a block left empty
goes with its seams (see :mod:`mdclean.removal`). Code is never looked at: fences
and indented code are skipped, code spans and ``<pre>``/``<code>`` are masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import BlockContent, Document, Node
from ..fastpath.raw_text import RawText
from ..fastpath.triggers import AllOf, AnyOf, Search, Trigger, all_of, literals
from ..markup import RAW_TEXT_ELEMENTS, Element, iter_comments, mask, mask_code, scan_elements
from ..models import Applicability, Edit, Finding
from ..removal import remove_blocks, remove_span
from .base import Matcher, ParamError, any_pattern, compile_patterns

_TEXT_BLOCKS = ("html_block", "paragraph", "heading")
# A comment that labels an ad region; it goes when the region goes, never on its own.
AD_MARKER_COMMENT = re.compile(
    r"<!--(?:(?!-->).)*?\b(?:ads?|advert\w*|adsense|affiliate|sponsor\w*|banner)\b(?:(?!-->).)*?-->",
    re.IGNORECASE | re.DOTALL,
)


class HtmlElementMatcher(Matcher):
    name = "html-element"
    params = MappingProxyType(
        {
            "signatures": list,
            "elements": list,
            "keywords": list,
            "comments": bool,
            "unless": list,
            "triggers": list,
        }
    )
    required = frozenset({"signatures"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.signature = any_pattern(compile_patterns(params["signatures"], "signatures"))
        # Restrict to these element names (all elements when absent).
        self.elements = frozenset(str(e).lower() for e in params.get("elements", []))
        # Also remove HTML comments that hold the signature (commented-out ad code).
        self.comments = bool(params.get("comments", True))
        # Markup a more specific rule reports (a generic rule leaves AdSense to AD001).
        self.unless = any_pattern(compile_patterns(params.get("unless", []), "unless"))
        # Fast path: regexes on the lower-cased raw text, one of which a text with a unit must
        # match (a list item: all of its regexes must match); tighter than the keywords.
        self.triggers = _triggers(params.get("triggers"))

    def costly_to_ask(self) -> bool:
        return True  # asking reads the whole text for each keyword; ``find`` reads the blocks with a tag

    def trigger(self) -> Trigger:
        """A "<" (``units`` needs one), a keyword, and one of the ``triggers`` groups (each
        regex of a group found; a regex several rules declare is searched once per text)."""
        groups: tuple[Trigger, ...] = ()
        if self.triggers is not None:
            groups = (AnyOf(tuple(AllOf(_rarest_first(g, self.triggers)) for g in self.triggers)),)
        return all_of(literals("<"), self.keyword_trigger(), *groups)

    def find(self, doc: Document) -> Iterator[Finding]:
        run: list[tuple[TaggedLeaf, list[tuple[int, int]]]] = []
        """Blocks right after one another, each nothing but units: the parts of one unit
        (an AdSense loader script, its ``<ins>``, its push script), reported and removed as one."""
        for leaf in tagged_leaves(doc):
            if self.keywords and not self.may_match(leaf.lowered):
                continue
            units = self.units(leaf)
            if not units:
                continue
            if not is_whole_block(leaf.content, units):
                yield from unit_findings(doc, leaf.node, leaf.content, units)
                continue
            if run and not _follows_directly(doc, run[-1][0].node, leaf.node):
                yield from _run_findings(doc, run)
                run = []
            run.append((leaf, units))
        if run:
            yield from _run_findings(doc, run)

    def units(self, leaf: TaggedLeaf) -> list[tuple[int, int]]:
        """Spans of the leaf's masked text that are ad units: matched elements, widened to empty wrappers."""
        assert self.signature is not None
        text = leaf.masked
        if "<" not in text:
            return []
        spans = self._signed_elements(leaf)
        if self.comments and "<!--" in text:
            spans.extend(
                (m.start(), m.end()) for m in iter_comments(text) if self._signed(m.group())
            )
        spans = outermost(spans)
        return widen_to_wrappers(text, leaf.elements, spans) if spans else spans

    def _signed_elements(self, leaf: TaggedLeaf) -> list[tuple[int, int]]:
        """The spans of the leaf's elements (of the names wanted) that carry the signature."""
        return [
            (element.start, element.end)
            for element, probe in leaf.probes
            if (not self.elements or element.name in self.elements) and self._signed(probe)
        ]

    def _signed(self, markup: str) -> bool:
        """Whether the markup carries the signature, and nothing that ``unless`` names."""
        assert self.signature is not None
        return bool(self.signature.search(markup)) and not (
            self.unless and self.unless.search(markup)
        )


class TaggedLeaf:
    """A paragraph, heading or HTML block holding a "<", with what every html-element rule
    reads of it (its lower-cased text, its text with code masked, its elements), each worked
    out once per document however many rules read it."""

    __slots__ = ("_elements", "_masked", "_probes", "content", "lowered", "node")

    def __init__(self, node: Node, content: BlockContent) -> None:
        self.node = node
        self.content = content
        # (a ``RawText``: the rules that ask their trigger of the leaf share its readings)
        self.lowered: str = RawText(content.text.lower())
        self._masked: str | None = None
        self._elements: list[Element] | None = None
        self._probes: tuple[tuple[Element, str], ...] | None = None

    @property
    def masked(self) -> str:
        """The text with code spans and ``<pre>``/``<code>`` bodies blanked out."""
        if self._masked is None:
            self._masked = mask_code(
                self.content.text, inline_markdown=self.node.kind != "html_block"
            )
        return self._masked

    @property
    def elements(self) -> list[Element]:
        """The elements of the masked text."""
        if self._elements is None:
            self._elements = scan_elements(self.masked)
        return self._elements

    @property
    def probes(self) -> tuple[tuple[Element, str], ...]:
        """Each element with the markup a signature is searched in: a raw-text element
        (``<script>``) whole, any other its opening tag."""
        if self._probes is None:
            text = self.masked
            self._probes = tuple(
                (
                    element,
                    text[element.start : element.end]
                    if element.name in RAW_TEXT_ELEMENTS
                    else element.opening_tag(text),
                )
                for element in self.elements
            )
        return self._probes


def tagged_leaves(doc: Document) -> tuple[TaggedLeaf, ...]:
    """The leaves that may hold an element, read once per document for every html-element rule
    (units() finds nothing without a "<": the others are never mapped nor lower-cased)."""
    cache = doc.shared("tagged_leaves")
    leaves = cache.get(None)
    if leaves is None:
        leaves = cache[None] = tuple(
            TaggedLeaf(node, content)
            for node in doc.leaves(*_TEXT_BLOCKS)
            if has_tag_start(node) and (content := doc.content(node)) is not None
        )
    return leaves


def has_tag_start(node: Node) -> bool:
    """Whether the leaf's content holds a "<" (its token's content is the content's text,
    give or take a final line break)."""
    return node.token is not None and "<" in node.token.content


def unit_findings(
    doc: Document,
    node: Node,
    content: BlockContent,
    units: list[tuple[int, int]],
    applicability: Applicability | None = None,
) -> Iterator[Finding]:
    """One finding per unit (offsets in ``content.text``) of a leaf block.

    When the units and the ad marker comments around them are all the block holds,
    the block goes whole, with marker-only blocks right before and after it
    (``<!-- ads begin -->``); otherwise each unit goes as an inline span.
    """
    whole_block = is_whole_block(content, units)
    block_edit = None
    if whole_block:
        first, last = _with_marker_siblings(doc, node)
        block_edit = remove_blocks(doc, first, last)
    for start, end in units:
        source_start, source_end = content.to_source(start), content.to_source(end)
        if block_edit is not None:
            edits: tuple[Edit, ...] | None = (block_edit,)
        elif content.exact:
            edits = (remove_span(doc, source_start, source_end),)
        else:
            edits = None  # positions are uncertain: report, do not touch
        yield Finding(source_start, source_end, edits=edits, applicability=applicability)


def is_whole_block(content: BlockContent, units: list[tuple[int, int]]) -> bool:
    """Whether the units and the ad marker comments around them are all the block holds."""
    rest = mask(content.text, units)  # the unmasked text: a code span is content to keep
    return AD_MARKER_COMMENT.sub("", rest).strip() == ""


def _follows_directly(doc: Document, node: Node, later: Node) -> bool:
    """Whether ``later`` comes right after ``node``, with nothing but marker comments and no blank line between."""
    current = node
    while (
        current.next_sibling is not None
        and doc.content_end_line(current) == current.next_sibling.start_line
    ):
        current = current.next_sibling
        if current is later:
            return True
        if not is_marker_block(doc, current):
            return False
    return False


def _run_findings(
    doc: Document, run: list[tuple[TaggedLeaf, list[tuple[int, int]]]]
) -> Iterator[Finding]:
    """One finding for a run of whole-block units: from the first unit to the last, the blocks removed together."""
    if len(run) == 1:
        leaf, units = run[0]
        yield from unit_findings(doc, leaf.node, leaf.content, units)
        return
    (first_leaf, first_units), (last_leaf, last_units) = run[0], run[-1]
    first = _with_marker_siblings(doc, first_leaf.node)[0]
    last = _with_marker_siblings(doc, last_leaf.node)[1]
    yield Finding(
        first_leaf.content.to_source(first_units[0][0]),
        last_leaf.content.to_source(last_units[-1][1]),
        edits=(remove_blocks(doc, first, last),),
    )


def _rarest_first(
    group: list[re.Pattern[str]], groups: list[list[re.Pattern[str]]]
) -> tuple[Search, ...]:
    """A group's searches, those that fewer groups share first: a regex many groups share is
    their context (``class=``), found on most pages; the group's own is its evidence, rare."""
    shared = {p.pattern: sum(p in g for g in groups) for p in group}
    return tuple(Search(p) for p in sorted(group, key=lambda p: shared[p.pattern]))


def _triggers(values: list[Any] | None) -> list[list[re.Pattern[str]]] | None:
    if values is None:
        return None
    groups = []
    for i, value in enumerate(values):
        group = value if isinstance(value, list) else [value]
        if not group:
            raise ParamError(f"params.triggers[{i}]: an empty list")
        groups.append(compile_patterns(group, f"triggers[{i}]"))
    return groups


def is_marker_block(doc: Document, node: Node | None) -> bool:
    """An HTML block holding nothing but ad marker comments (``<!-- affiliate ads end -->``)."""
    if node is None or node.kind != "html_block":
        return False
    content = doc.content(node)
    if content is None or "<!--" not in content.text:
        return False
    return AD_MARKER_COMMENT.sub("", content.text).strip() == ""


def _with_marker_siblings(doc: Document, node: Node) -> tuple[Node, Node]:
    first = last = node
    while is_marker_block(doc, first.previous_sibling):
        first = first.previous_sibling  # type: ignore[assignment]
    while is_marker_block(doc, last.next_sibling):
        last = last.next_sibling  # type: ignore[assignment]
    return first, last


def outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if result and start < result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
            continue
        result.append((start, end))
    return result


def widen_to_wrappers(
    text: str, elements: list[Element], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Replace units by the elements that hold nothing else (a ``<div>`` around an ``<ins>``)."""
    changed = True
    while changed:
        changed = False
        for element in elements:
            inner = _all_it_holds(text, element, spans)
            if inner:
                spans = outermost(
                    [sp for sp in spans if sp not in inner] + [(element.start, element.end)]
                )
                changed = True
    return spans


def _all_it_holds(
    text: str, element: Element, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans inside the element when they are all it holds (blanks aside) and no span
    holds the element already; [] otherwise."""
    if element.close_start == element.end:  # void or left open: holds nothing
        return []
    inner = [(s, e) for s, e in spans if element.open_end <= s and e <= element.close_start]
    if not inner or any(s <= element.start and element.end <= e for s, e in spans):
        return []
    return inner if _blank_besides(text, element.open_end, element.close_start, inner) else []


def _blank_besides(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` is blank once the spans (all within it) are blanked out."""
    rest = list(text[start:end])
    for s, e in spans:
        rest[s - start : e - start] = " " * (e - s)
    return "".join(rest).strip() == ""
