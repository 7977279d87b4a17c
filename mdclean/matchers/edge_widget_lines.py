"""``edge-widget-lines``: a page's widgets kept as lines at the edges of an article's paragraph.

A text dump of a page (a select-all copy, a reader service's text mode, html2text without
links) keeps the widgets around the article's first and last paragraphs as lines of those
paragraphs: "Geschrieben von", the title again, "Share on Facebook41Share on Google+13Tweet
about this on Twitter" above the first sentence; "por 18 septiembre, 2025", "Lectura de 2 min"
below the standfirst; "10", "min czytania", "20.10.2025", "Down arrow button" as a paragraph of
their own. Each line is read alone (``edge_line_kinds``): a share row, a counter or reading
time, a byline label, a control's caption, a breadcrumb, a date line, the page's title
repeated (the text of a heading or one-line paragraph of the page). Lines go from a
paragraph's first line down and from its last line up, stopping at the first line that is
none of these: the rest of the paragraph stays byte for byte.

A run of lines goes when it holds a line of a strong kind (a share row, a counter, a byline
label, a control, a breadcrumb that starts at "Home" or ends at the page's title), or a date
line and another widget line: a date alone at a paragraph's head is a diary's entry, a
repeated title alone is an author's. A paragraph of one line goes only when it is a
breadcrumb of that strong kind. Unsafe: the lines are read from their words; safe when every
line taken is a share row's button texts (two buttons or more), or the line is a breadcrumb
from a home label to the page's title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Check, Trigger
from ..models import Finding
from ..removal import remove_blocks, remove_lines
from .base import Matcher
from .edge_line_kinds import (
    CONTROLS,
    COUNTER,
    DATE,
    LABEL,
    NAMED,
    NETWORK,
    NUMBER,
    PROSE,
    SHARE,
    SHARE_ONE,
    TRAIL,
    UI,
    UI_FAMILY,
    UI_SHORT,
    WIDGET_LIST,
    LineKinds,
)
from .fix_safety import safe_if
from .inline_links import is_one_link
from .line_reading import line_reading
from .page_head import front_matter_title

TITLE = "title"  # the page's title printed again
STRONG_TRAIL = "strong-trail"  # a breadcrumb from a home label, or to the page's title
SURE_TRAIL = "sure-trail"  # a breadcrumb from a home label to the page's title
_STRONG = frozenset(
    {SHARE, COUNTER, LABEL, UI, UI_FAMILY, STRONG_TRAIL, SURE_TRAIL, CONTROLS, WIDGET_LIST}
)
_INNER_STRONG = _STRONG - {LABEL}
_WIDGET = _STRONG | {DATE, NAMED, TITLE, TRAIL, SHARE_ONE, UI_SHORT, NETWORK}
_TRIGGER_KINDS = frozenset(
    {SHARE, SHARE_ONE, COUNTER, DATE, UI, UI_FAMILY, UI_SHORT, TRAIL, CONTROLS}
)
_MAX_RAW_CHARS = 300  # a widget line is short (``kind`` reads 200 characters of its reading)
# A line no root paragraph holds: a bullet or "1." item with text, an ATX heading (each
# interrupts a paragraph), a fence's opening.
_NOT_PARAGRAPH = re.compile(r" {0,3}(?:[-*+]|1[.)])[ \t]+\S| {0,3}#{1,6}(?:[ \t]|$)")
# A fence at the line's start: whatever held the lines before it (a list, a paragraph) ends.
_FENCE = re.compile(r"(?:```|~~~)")
# A line that ends a sentence or opens what follows is no title ("?" and "!" may end one).
_SENTENCE_LINE_END = re.compile(r"[.:;,。：；，]$")
_HEAD_KINDS = frozenset({SHARE, COUNTER, LABEL, NAMED, UI})
_HEAD_STOP = frozenset({"fence", "code_block", "table", "blockquote", "html_block"})
_PROSE_WORDS = 20  # a paragraph this long is the article's: the head ends before it
# Widget lines that go with one more widget line: a date (a diary's), a label and a name (a
# book record's), one share button's text (an author's "Email This" after a sentence).
_SUPPORTING = frozenset({DATE, NAMED, SHARE_ONE, UI_SHORT, NETWORK})
_LINE_MEMO = 20_000  # raw lines the trigger keeps its reading of (cleared past it)
_LIST_LOOKAHEAD = 6  # a widget's title and its first three entries (two lines each at most)
_MIN_INNER_LINES = 3  # a run inside a paragraph without a strong line
_MIN_TITLE_WORDS = 3  # a title a closing arrow points at: "Return Value" is a docs heading
_MIN_TITLE_CHARS = 12
_LIST_KEYS = (
    "share",
    "counters",
    "labels",
    "words",
    "weekdays",
    "dates",
    "ui",
    "families",
    "home",
    "controls",
    "share_labels",
    "networks",
    "weak",
    "widget_titles",
    "notes",
)


@dataclass(frozen=True)
class _Run:
    """Lines ``first``..``end`` (excluded) of a paragraph, all widget lines."""

    first: int
    end: int
    kinds: tuple[str, ...]

    def removable(self) -> bool:
        if any(kind in _STRONG for kind in self.kinds):
            return True
        return len(self.kinds) >= 2 and any(kind in _SUPPORTING for kind in self.kinds)


class EdgeWidgetLinesMatcher(Matcher):
    name = "edge-widget-lines"
    params = MappingProxyType(
        {
            **dict.fromkeys(_LIST_KEYS, list),
            **{f"{key}_inline": list for key in _LIST_KEYS},
            "keywords": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.lines = LineKinds(params)
        self._line_memo: dict[str, tuple[str, str, bool]] = {}
        """The trigger's reading of each raw line (its reading, kind, whether a label's):
        pure functions of the line, kept for the process, as long as ``_LINE_MEMO`` allows."""

    def trigger(self) -> Trigger:
        return Check(self._holds_widget_line, "a line is a widget line of a strong kind or a date")

    def _holds_widget_line(self, lowered: str) -> bool:
        """Whether a line of the text that may be a root paragraph's (no list marker or
        heading opens it) is a widget line read leniently (any case, a count with the line
        after it), and either has a line next to it (a paragraph of several lines) or stands
        before the text's first fence (the head, where one-line paragraphs are read)."""
        lines = lowered.split("\n")
        in_head = True
        matter = _front_matter_lines(lines)
        memo = self._line_memo  # per raw line (pages and fix passes repeat lines)
        if len(memo) > _LINE_MEMO:
            memo.clear()
        for at, raw in enumerate(lines):
            if at >= matter and _FENCE.match(raw):
                in_head = False
            if _may_be_read(lines, at, in_head) and self._lenient_widget(lines, at, memo):
                return True
        return False

    def _lenient_widget(
        self, lines: Sequence[str], at: int, memo: dict[str, tuple[str, str, bool]]
    ) -> bool:
        known = memo.get(lines[at])
        if known is None:
            text = line_reading(lines[at])[0]
            known = memo[lines[at]] = (text, *self._lenient_kind(text))
        text, kind, labelled = known
        if kind == NUMBER and at + 1 < len(lines):
            kind = self._pair_kind(text, line_reading(lines[at + 1])[0])
        if kind in _TRIGGER_KINDS or labelled:
            return True
        if not self.lines.widget_title.fullmatch(text):
            return False  # (``widget_list_end`` reads no line after one that is no title)
        following = [line_reading(line)[0] for line in lines[at + 1 : at + 1 + _LIST_LOOKAHEAD]]
        return self.lines.widget_list_end([text, *following], 0) is not None

    def _lenient_kind(self, text: str) -> tuple[str, bool]:
        """The line's kind, and whether it may be a byline label's line (asked only when the
        kind is none of the trigger's)."""
        kind = self.lines.kind(text)
        return kind, kind not in _TRIGGER_KINDS and self.lines.may_be_label_line(text)

    def _pair_kind(self, number: str, following: str) -> str:
        """A count alone and the line after it read as one ("10" "min czytania")."""
        return COUNTER if self.lines.counter.fullmatch(f"{number} {following}") else PROSE

    def find(self, doc: Document) -> Iterator[Finding]:
        titles = _titles(doc)
        head = _head_lines(doc)
        transcript = bool(head) and self._transcript(doc)
        for node in doc.leaves("paragraph"):
            if node.parent is None or node.parent.kind != "root":
                continue
            texts, kinds = self._read(doc, node, titles)
            if len(texts) > 1:
                yield from self._findings(doc, node, texts, kinds)
            elif node.start_line in head and self._head_widget(
                texts[0], kinds[0], head[node.start_line], transcript
            ):
                yield self._block_finding(doc, node, texts, kinds)

    def _read(
        self, doc: Document, node: Node, titles: frozenset[str]
    ) -> tuple[list[str], list[str]]:
        """A paragraph's lines as a reader sees them, and the kind of each."""
        raws = [doc.line_text(at) for at in _lines(node)]
        texts = [_reading(raw) for raw in raws]
        kinds = self._kinds(texts, titles, _next_text(doc, node))
        return texts, [_linked_label(raw, kind) for raw, kind in zip(raws, kinds, strict=True)]

    def _block_finding(
        self, doc: Document, node: Node, texts: Sequence[str], kinds: Sequence[str]
    ) -> Finding:
        start, end = doc.node_span(node)
        sure = self._sure(texts, kinds)
        return Finding(start, end, edits=(remove_blocks(doc, node),), applicability=safe_if(sure))

    def _head_widget(self, text: str, kind: str, under_title: bool, transcript: bool) -> bool:
        """A one-line paragraph under the page's title that is a byline's line: a label (with
        a name or without), a counter, a share row, a control, or a date with a second sign
        of a byline (its time, a label or a byline's small word before it). A date alone
        under a title is a diary's entry; dates with times through the page are a chat's or
        a log's (``transcript``)."""
        if kind in (STRONG_TRAIL, SURE_TRAIL, CONTROLS):
            return True  # a sure breadcrumb or a row of controls, wherever it stands in the head
        if not under_title:
            return False
        if kind == DATE:
            return not transcript and self.lines.dated_byline(text)
        return kind in _HEAD_KINDS

    def _transcript(self, doc: Document) -> bool:
        """Whether two one-line paragraphs of the page are dates with a time: a chat's or a
        log's time stamps, one a message ("alice", "2024-03-02 10:32", the message); a
        byline prints its date once."""
        stamps = 0
        for node in doc.root.children:
            if node.kind != "paragraph" or node.end_line - node.start_line != 1:
                continue
            text = _reading(doc.line_text(node.start_line))
            if self.lines.kind(text) == DATE and self.lines.timed(text):
                stamps += 1
                if stamps >= 2:
                    return True
        return False

    def _kinds(self, texts: Sequence[str], titles: frozenset[str], after: str) -> list[str]:
        kinds = [self.lines.kind(text) for text in texts]
        for at, kind in enumerate(kinds):
            if kind == NUMBER:
                following = texts[at + 1] if at + 1 < len(texts) else ""
                kinds[at] = self._pair_kind(texts[at], following)
                if kinds[at] == COUNTER:
                    kinds[at + 1] = COUNTER
            elif kind == TRAIL:
                following = texts[at + 1] if at + 1 < len(texts) else after
                kinds[at] = self._trail_kind(texts[at], titles, following)
            elif kind == PROSE:
                kinds[at] = self._prose_kind(texts[at], titles, kinds[at - 1] if at else PROSE)
        self._mark_widget_lists(texts, kinds)
        return kinds

    def _prose_kind(self, text: str, titles: frozenset[str], above: str) -> str:
        """A line no list names may be the page's title again, or a network's name under a
        share button's caption: the button's visible label ("Share on Facebook", "Facebook")."""
        if _folded(text) in titles:
            return TITLE
        if above in (SHARE, SHARE_ONE) and self.lines.network.fullmatch(text):
            return NETWORK
        return PROSE

    def _mark_widget_lists(self, texts: Sequence[str], kinds: list[str]) -> None:
        """A sidebar widget's title and its entries with their counts, as one kind."""
        at = 0
        while at < len(texts):
            end = self.lines.widget_list_end(texts, at)
            if end is None:
                at += 1
                continue
            kinds[at:end] = [WIDGET_LIST] * (end - at)
            at = end

    def _trail_kind(self, text: str, titles: frozenset[str], after: str) -> str:
        """A breadcrumb is sure when it starts at the home page with two arrows or more, or
        ends at the page's title (its last item, or the next line's when it ends in an arrow)."""
        trail = self.lines.trail(text)
        if trail is None:
            return PROSE
        to_title = _folded(trail.last) in titles
        if trail.home_first and to_title:
            return SURE_TRAIL
        if (trail.home_first and trail.last) or to_title:
            return STRONG_TRAIL
        pointed = not trail.last and len(after.split()) >= _MIN_TITLE_WORDS
        return STRONG_TRAIL if pointed and _folded(after) in titles else TRAIL

    def _findings(
        self, doc: Document, node: Node, texts: Sequence[str], kinds: Sequence[str]
    ) -> Iterator[Finding]:
        head = _edge_length(kinds)
        if head == len(kinds):
            run = _Run(node.start_line, node.end_line, tuple(kinds))
            if _whole_paragraph_goes(run):
                yield self._block_finding(doc, node, texts, kinds)
            return
        tail = _edge_length(kinds[::-1])
        if texts[-tail - 1].endswith(":"):
            tail = 0  # the sentence above opens what follows ("The toolbar reads:")
        edges = [(0, head), (len(kinds) - tail, len(kinds))]
        inner = _inner_runs(texts, kinds, head, len(kinds) - tail)
        for first, end in sorted([*edges, *inner]):
            run = _Run(node.start_line + first, node.start_line + end, tuple(kinds[first:end]))
            if end > first and run.removable():
                yield from self._line_findings(doc, run, texts[first:end])

    def _line_findings(self, doc: Document, run: _Run, texts: Sequence[str]) -> Iterator[Finding]:
        """The run as one finding; when it is not sure as a whole, its stretches of template
        strings apart (safe) from the rest (unsafe): plain ``--fix`` takes "Leave a Reply",
        "Cancel reply" from a run that also holds the next post's title."""
        edit = remove_lines(doc, run.first, run.end)
        sure = self._sure(texts, run.kinds)
        yield Finding(edit.start, edit.end, edits=(edit,), applicability=safe_if(sure))
        if sure:
            return
        for first, end in _template_pieces(run.kinds):
            if _template_strings(run.kinds[first:end]):
                edit = remove_lines(doc, run.first + first, run.first + end)
                yield Finding(edit.start, edit.end, edits=(edit,), applicability=safe_if(True))

    def _sure(self, texts: Sequence[str], kinds: Sequence[str]) -> bool:
        """Exact evidence: share rows' button texts only (two buttons or more), one
        breadcrumb line from a home label to the page's title, or template strings only."""
        if all(kind in (SHARE, SHARE_ONE) for kind in kinds):
            buttons = sum(len(self.lines.share_buttons.findall(text)) for text in texts)
            return buttons >= 2
        return list(kinds) == [SURE_TRAIL] or _template_strings(kinds)


def _template_pieces(kinds: Sequence[str]) -> list[tuple[int, int]]:
    """The run cut where a stretch of template strings (``_template_strings``) starts and
    ends: the pieces, in order, cover it."""
    cuts = {0, len(kinds)}
    at = 0
    while at < len(kinds):
        end = at
        while end < len(kinds) and kinds[end] in (UI_FAMILY, UI_SHORT):
            end += 1
        if _template_strings(kinds[at:end]):
            cuts.update((at, end))
        at = max(end, at + 1)
    ordered = sorted(cuts)
    return list(pairwise(ordered))


def _template_strings(kinds: Sequence[str]) -> bool:
    """Two lines or more that are each a string of the software's translation files, one of
    them long ("Leave a Reply", "Cancel reply"): the template printed them, no author."""
    return (
        len(kinds) >= 2
        and UI_FAMILY in kinds
        and all(kind in (UI_FAMILY, UI_SHORT) for kind in kinds)
    )


def _inner_runs(
    texts: Sequence[str], kinds: Sequence[str], start: int, stop: int
) -> Iterator[tuple[int, int]]:
    """Runs of widget lines between the paragraph's edges (``start``..``stop``): a select-all
    copy glues a post's meta block, a tip jar or a pager between lines of text. Each run goes
    when it is two lines or more, holds a strong line or three lines, and the line before it
    opens nothing (a sentence ending in ":" introduces what follows)."""
    at = start
    while at < stop:
        end = at
        while end < stop and kinds[end] in _WIDGET:
            end += 1
        if _inner_goes(kinds[at:end]) and not texts[at - 1].endswith(":"):
            yield at, end
        at = end + 1


def _inner_goes(kinds: Sequence[str]) -> bool:
    """Two widget lines or more with a strong one (a byline's bare label is none here: with
    its value it is a record's row, "Published" then a date), or three or more with a UI
    family's or a share button's string (dates alone are a schedule's, titles an author's)."""
    if len(kinds) < 2:
        return False
    if any(kind in _INNER_STRONG for kind in kinds):
        return True
    return len(kinds) >= _MIN_INNER_LINES and any(kind in (UI_SHORT, SHARE_ONE) for kind in kinds)


def _whole_paragraph_goes(run: _Run) -> bool:
    """A paragraph of two widget lines or more that make a run (not only titles)."""
    return run.removable() and any(kind != TITLE for kind in run.kinds)


def _edge_length(kinds: Sequence[str]) -> int:
    """How many of the first lines are widget lines."""
    count = 0
    for kind in kinds:
        if kind not in _WIDGET:
            break
        count += 1
    return count


def _reading(raw: str) -> str:
    """A line as a reader sees it; a line with a code span or that an author broke with a
    backslash is the article's (a dump writes neither: "`published`", "*comment*\\")."""
    return "" if "`" in raw or raw.rstrip().endswith("\\") else line_reading(raw)[0]


def _lines(node: Node) -> range:
    return range(node.start_line, node.end_line)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _titles(doc: Document) -> frozenset[str]:
    """The texts a page's title may have: its front matter's title, each heading's, each
    one-line paragraph's (a dump prints the title as a line of its own), long enough to be
    a title."""
    found = {_folded(front_matter_title(doc) or "")}
    for node in doc.leaves("heading", "paragraph"):
        if node.kind == "paragraph" and node.end_line - node.start_line != 1:
            continue
        text = line_reading(doc.line_text(node.start_line))[0].lstrip("#").strip()
        found.add(_folded(text))
    return frozenset(title for title in found if len(title) >= _MIN_TITLE_CHARS)


def _front_matter_lines(lines: Sequence[str]) -> int:
    """How many lines a leading front matter (between "---" lines) takes: its fences are
    YAML's text, not the page's."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for at in range(1, len(lines)):
        if lines[at].rstrip() in ("---", "..."):
            return at + 1
    return len(lines)


def _may_be_read(lines: Sequence[str], at: int, in_head: bool) -> bool:
    """Whether ``find`` may read the line: short, a root paragraph's, and one of several
    lines of its paragraph or in the head."""
    raw = lines[at]
    if len(raw) > _MAX_RAW_CHARS or not raw.strip() or _NOT_PARAGRAPH.match(raw):
        return False
    return in_head or _filled(lines, at - 1) or _filled(lines, at + 1)


def _filled(lines: Sequence[str], at: int) -> bool:
    return 0 <= at < len(lines) and lines[at].strip() != ""


def _head_lines(doc: Document) -> dict[int, bool]:
    """The one-line paragraphs above the page's first paragraph of prose (or code, a table,
    a quote), by first line: whether each stands right under a heading or another one-line
    paragraph (the title, or a widget line the dump printed alone)."""
    found: dict[int, bool] = {}
    previous: Node | None = None
    for node in doc.root.children:
        if node.kind in _HEAD_STOP or _prose_paragraph(doc, node):
            break
        if node.kind == "paragraph" and node.end_line - node.start_line == 1:
            found[node.start_line] = previous is not None and _title_like(doc, previous)
        previous = node
    return found


def _prose_paragraph(doc: Document, node: Node) -> bool:
    if node.kind != "paragraph":
        return False
    start, end = doc.node_span(node)
    return len(doc.text[start:end].split()) >= _PROSE_WORDS


def _title_like(doc: Document, node: Node) -> bool:
    """A heading, or a one-line paragraph that is no sentence (a title, or a widget line the
    dump printed alone): "Thanks to Anna for reviewing this." is the article's first line."""
    if node.kind == "heading":
        return True
    if node.kind != "paragraph" or node.end_line - node.start_line != 1:
        return False
    return not _SENTENCE_LINE_END.search(line_reading(doc.line_text(node.start_line))[0])


def _linked_label(raw: str, kind: str) -> str:
    """A bare byline label that is a whole link is a link to a page ("[Authors](/authors/)",
    a docs page's): a byline's label is text, its name the link."""
    return PROSE if kind == LABEL and is_one_link(raw) else kind


def _next_text(doc: Document, node: Node) -> str:
    """The first line of the block after ``node``, as a reader sees it."""
    following = node.next_sibling
    if following is None:
        return ""
    return line_reading(doc.line_text(following.start_line))[0].lstrip("#").strip()
