"""``platform-name-run``: a share or follow row whose links a text dump dropped, one name a line.

A text-mode extractor, a select-all copy or a reader clip keeps a share row's buttons as
their captions and nothing else: "Partager", "Facebook", "Twitter", "Pinterest", "WhatsApp",
each a paragraph or a line of its own (Blogger's "Get link / Facebook / Twitter / Email /
Other Apps", a footer's "Facebook / Instagram / LinkedIn"). No link rule sees it: there is no
link left. The names are the same in every language (``phrases``: the networks, and the
``button_phrases``: the other share endpoints and buttons, "Email", "Print", "Copy link").

A *name line* is a top-level paragraph's line or a one-line list item whose whole source is
one name, with punctuation or an icon's glyph around it and no markup of a link. A run is
``min_names`` name lines or more in a row (only blank lines between them, no other block)
that name ``min_networks`` different networks. It goes when:

- a share or follow label (``label_phrases``: "Share", "Partager", "分享", "Follow us")
  stands right above it, a line or a block of its own: the label goes too, and the fix is
  safe. A heading as the label goes only when the run is all its section holds;
- or, without a label, when it is a row of paragraphs or lines (not a list: an author's list
  needs no label to be read as the author's), the line above does not introduce it (it does
  not end with ":" or "?", it is no heading, no short caption that could name the list:
  "Social media platforms"), and it holds a button no article lists as a platform ("Copy
  link", "Print", "Get link") or stands above the page's first line of prose or below its
  last. Unsafe: the place is read from the page's shape.

Left alone: a list of networks under a sentence that introduces it, a table, a run under a
heading that names it, the names inside sentences ("Click Share, then Facebook"), and every
run of a page without a line of prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Repeated, Trigger, all_of
from ..models import Edit, Finding
from ..removal import remove_blocks, remove_span
from .base import Matcher, ParamError
from .fix_safety import safe_if
from .line_reading import line_reading
from .linkblocks import word_count
from .phrase_lists import phrase_pattern

_LIST_MARK = r"(?:[-*+]|\d{1,9}[.)])"
_AROUND = r"(?:[^\w\n]|_)*"  # punctuation, an icon's glyph, emphasis marks: never a line break
_ITEM_MARK = re.compile(rf"[ \t]*{_LIST_MARK}[ \t]+")
_INTRODUCES = re.compile(r"[:?：？][\"'”’)\]*_]*$")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]*_]*$")
_DIGIT_OR_MARK = re.compile(r"[\d.@/#]")
_PROSE_WORDS = 12  # a line of this many words is the article's, with or without a full stop
_SENTENCE_WORDS = 6  # a line of this many words that ends a sentence is the article's too
_CAPTION_WORDS = 5  # a short line above a run that could name it ("Supported networks")
_NAME, _LABEL, _OTHER = "name", "label", "other"


@dataclass(frozen=True)
class LineUnit:
    line: int  # its first line (0-based)
    node: Node  # the top-level block it belongs to
    kind: str  # "line" (of a paragraph), "item" (one-line list item), "heading", "block"
    raw: str  # the source line, list marker dropped ("" for other blocks)
    text: str  # as a reader sees it


@dataclass(frozen=True)
class _Run:
    first: int  # index of the first and last unit removed (the label's, when one stands)
    last: int
    labelled: bool


class PlatformNameRunMatcher(Matcher):
    name = "platform-name-run"
    params = MappingProxyType(
        {
            "phrases": list,
            "button_phrases": list,
            "strong_buttons": list,
            "label_phrases": list,
            "min_names": int,
            "min_networks": int,
            "keywords": list,
        }
    )
    required = frozenset({"phrases", "button_phrases", "label_phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        networks = phrase_pattern(params, "phrases", "_")
        buttons = phrase_pattern(params, "button_phrases", "_")
        labels = phrase_pattern(params, "label_phrases", "_")
        if networks is None or buttons is None or labels is None:
            raise ParamError("params.phrases, button_phrases, label_phrases: name phrase lists")
        self._networks = networks
        self._names = f"{networks}|{buttons}"
        self._labels = labels
        self._strong = [str(p) for p in params.get("strong_buttons", [])]
        self.min_names = int(params.get("min_names", 3))
        self.min_networks = int(params.get("min_networks", 2))
        if self.min_names < 2:
            raise ParamError("params.min_names: a run is two names or more")

    def trigger(self) -> Trigger:
        """``min_names`` lines of the source, each wholly a name (a list marker, a quote's
        mark, punctuation around it): every name line ``find`` counts is one of them. A bullet
        and a quote's mark are punctuation ``_AROUND`` reads; only a number's marker is read
        apart (a separate run of blanks and quote marks before ``_AROUND`` would let the two split "> "
        marks every way: quadratic on ten thousand nested quotes)."""
        line = re.compile(
            rf"^(?:[ \t>]*\d{{1,9}}[.)][ \t]+)?{_AROUND}(?:{self._names}){_AROUND}$",
            re.IGNORECASE | re.MULTILINE,
        )
        return all_of(self.keyword_trigger(), Repeated(line, self.min_names))

    @cached_property
    def _name_line(self) -> re.Pattern[str]:
        return re.compile(rf"{_AROUND}(?:{self._names}){_AROUND}", re.IGNORECASE)

    @cached_property
    def _network_line(self) -> re.Pattern[str]:
        return re.compile(rf"{_AROUND}(?:{self._networks}){_AROUND}", re.IGNORECASE)

    @cached_property
    def _label_line(self) -> re.Pattern[str]:
        return re.compile(rf"{_AROUND}(?:{self._labels})\s*:?{_AROUND}", re.IGNORECASE)

    @cached_property
    def _strong_line(self) -> re.Pattern[str] | None:
        if not self._strong:
            return None
        joined = "|".join(f"(?:{p})" for p in self._strong)
        return re.compile(rf"{_AROUND}(?:{joined}){_AROUND}", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        units = list(line_units(doc))
        sorts = [self._sort(unit) for unit in units]
        prose = [i for i, unit in enumerate(units) if is_prose(unit)]
        if not prose:
            return  # a page of short lines (a poem, a list of names) is all content
        for start, end in _name_runs(doc, units, sorts):
            run = self._run(doc, units, sorts, start, end, (prose[0], prose[-1]))
            if run is None:
                continue
            edit = unit_removal(doc, units, run.first, run.last)
            if edit is not None:
                begin = doc.line_offset(units[run.first].line)
                finish = doc.line_end(units[run.last].line)
                yield Finding(begin, finish, edits=(edit,), applicability=safe_if(run.labelled))

    def _sort(self, unit: LineUnit) -> str:
        if unit.kind in ("line", "item") and self._name_line.fullmatch(unit.raw):
            return _NAME
        if unit.kind in ("line", "heading") and self._label_line.fullmatch(unit.text):
            return _LABEL
        return _OTHER

    def _run(
        self,
        doc: Document,
        units: Sequence[LineUnit],
        sorts: Sequence[str],
        start: int,
        end: int,
        prose: tuple[int, int],
    ) -> _Run | None:
        """The run to remove from the name lines ``start``..``end``, with its label; None
        when it stays."""
        names = units[start : end + 1]
        if len(names) < self.min_names or self._networks_named(names) < self.min_networks:
            return None
        if _labelled(doc, units, sorts, start, end):
            return _Run(start - 1, end, True)
        above = units[start - 1] if start > 0 and touching(doc, units, start) else None
        goes = self._goes_unlabelled(names, above, start > prose[1] or end < prose[0])
        return _Run(start, end, False) if goes else None

    def _goes_unlabelled(
        self, names: Sequence[LineUnit], above: LineUnit | None, outside_prose: bool
    ) -> bool:
        """Whether a run without a label goes: no list, nothing above that leads into it; a
        button no article lists, or a place above or below the prose under no caption."""
        if any(unit.kind == "item" for unit in names) or _leads_in(above):
            return False
        strong = self._strong_line
        if strong is not None and any(strong.fullmatch(u.raw) for u in names):
            return True
        return outside_prose and not _may_name(above)

    def _networks_named(self, names: Sequence[LineUnit]) -> int:
        found = {u.text.lower() for u in names if self._network_line.fullmatch(u.raw)}
        return len(found)


def line_units(doc: Document) -> Iterator[LineUnit]:
    """The top-level blocks as units: a paragraph's lines, a list's one-line items, a heading;
    any other block is one unit of kind "block" (it breaks a run)."""
    for node in doc.root.children:
        if node.kind == "front_matter":
            continue
        if node.kind == "paragraph":
            for line in range(node.start_line, doc.content_end_line(node)):
                raw = doc.line_text(line)
                yield LineUnit(line, node, "line", raw, line_reading(raw)[0])
        elif node.kind in ("bullet_list", "ordered_list"):
            yield from _item_units(doc, node)
        elif node.kind == "heading":
            raw = doc.line_text(node.start_line)
            yield LineUnit(node.start_line, node, "heading", raw, line_reading(raw.lstrip("# "))[0])
        else:
            yield LineUnit(node.start_line, node, "block", "", "")


def _item_units(doc: Document, node: Node) -> Iterator[LineUnit]:
    for item in node.children:
        one_line = doc.content_end_line(item) - item.start_line == 1
        plain = len(item.children) == 1 and item.children[0].kind == "paragraph"
        if not (one_line and plain):
            yield LineUnit(item.start_line, node, "block", "", "")
            continue
        raw = _ITEM_MARK.sub("", doc.line_text(item.start_line), count=1)
        yield LineUnit(item.start_line, node, "item", raw, line_reading(raw)[0])


def touching(doc: Document, units: Sequence[LineUnit], i: int) -> bool:
    """Whether unit ``i`` follows unit ``i - 1`` with only blank lines between them."""
    before, unit = units[i - 1], units[i]
    if before.kind == "block":
        return False
    last = before.line if before.kind != "heading" else doc.content_end_line(before.node) - 1
    return all(doc.line_text(line).strip() == "" for line in range(last + 1, unit.line))


def _name_runs(
    doc: Document, units: Sequence[LineUnit], sorts: Sequence[str]
) -> Iterator[tuple[int, int]]:
    """The stretches of touching name lines, first and last index."""
    start = None
    for i, sort in enumerate(sorts):
        if sort == _NAME and start is not None and touching(doc, units, i):
            continue
        if start is not None:
            yield start, i - 1
        start = i if sort == _NAME else None
    if start is not None:
        yield start, len(sorts) - 1


def _labelled(
    doc: Document, units: Sequence[LineUnit], sorts: Sequence[str], start: int, end: int
) -> bool:
    """Whether a share or follow label stands right above the run (a heading only when the
    run is all its section holds)."""
    if start == 0 or sorts[start - 1] != _LABEL or not touching(doc, units, start):
        return False
    if units[start - 1].kind != "heading":
        return True
    return end + 1 == len(units) or units[end + 1].kind == "heading"


def _leads_in(above: LineUnit | None) -> bool:
    """Whether the line right above the run leads into it: it ends in ":" or "?"."""
    return above is not None and _INTRODUCES.search(above.text) is not None


def _may_name(above: LineUnit | None) -> bool:
    """Whether the line right above the run may name it: a heading, or a short caption
    ("Supported networks") that no sentence's end, digit or address mark tells from one."""
    if above is None:
        return False
    if above.kind == "heading":
        return True
    return (
        0 < word_count(above.text) <= _CAPTION_WORDS
        and _SENTENCE_END.search(above.text) is None
        and _DIGIT_OR_MARK.search(above.text) is None
    )


def is_prose(unit: LineUnit) -> bool:
    if unit.kind != "line":
        return False
    words = word_count(unit.text)
    return words >= _PROSE_WORDS or (
        words >= _SENTENCE_WORDS and _SENTENCE_END.search(unit.text) is not None
    )


def unit_removal(doc: Document, units: Sequence[LineUnit], first: int, last: int) -> Edit | None:
    """The removal of units ``first``..``last``: whole blocks with their seams, lines of one
    block, or the last lines of a block with the whole blocks after it; None for a run that
    ends inside a block it did not start in (what stays of it would join another block)."""
    head, tail = units[first], units[last]
    tail_end = doc.content_end_line(tail.node) - 1
    last_line = tail_end if tail.kind == "heading" else tail.line
    starts_block = head.line == head.node.start_line
    if starts_block and last_line == tail_end:
        return remove_blocks(doc, head.node, tail.node)
    if head.node is tail.node:
        return remove_span(doc, doc.line_offset(head.line), doc.line_end(last_line))
    if last_line != tail_end:
        return None
    if tail.node.next_sibling is not None:
        return Edit(doc.line_offset(head.line), doc.line_offset(tail_end + 1))
    return Edit(doc.line_end(head.line - 1), doc.line_end(tail_end))
