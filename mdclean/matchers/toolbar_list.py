"""``toolbar-list``: a post's toolbar (like, favourite, comment, share, report) that a clipper or
crawler kept as a list, each button an item of its icons, its counter and its caption.

CSDN's toolbar comes out as "* ![](…like.png) 11 点赞 * ![](…collect.png) 25 收藏 * … 举报";
Zhihu's, Juejin's, note's and Velog's alike ("赞同 123", "스키 12", "いいね 5"). A list is the
toolbar when every item holds nothing but the buttons' ``captions`` (matched whole, ignoring
case), counters (numbers, "1.2k", "3万"), images and punctuation; the items show at least
``min_captions`` different captions; and one of them shows a counter. The counter tells the
toolbar from a manual's list of the buttons ("* 点赞 * 收藏 * 评论" explaining them) or a
list of an app's icons with their names. Some converters set a caption apart from its item
("* ![](…like.png) 1" then "点赞" as a paragraph, which ends the list): the paragraphs of
captions and counters next to the list are read with it, as one run of buttons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .line_reading import line_reading
from .phrase_lists import fold_width

_LIST_KINDS = ("bullet_list", "ordered_list")
_ITEM_MARKER = re.compile(r"^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+")
# A button's counter: "11", "1,024", "1.2k", "3万", "99+".
_COUNTER = re.compile(r"(?<![^\W\d_])\d[\d.,]*\s*(?:[kmw万千]|\+)?(?![^\W_])", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]")
# The longest source a button may have: a few icon addresses, a count and a caption.
_MAX_BUTTON_CHARS = 600
# What a block of buttons shows: its captions, and whether it shows a counter.
_Reading = tuple[set[str], bool]


class ToolbarListMatcher(Matcher):
    name = "toolbar-list"
    params = MappingProxyType({"captions": list, "min_captions": int, "keywords": list})
    required = frozenset({"captions"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        captions = [str(caption).casefold() for caption in params["captions"]]
        if not all(captions):
            raise ParamError("params.captions: a caption may not be empty")
        # Longest first, so that "分享到新浪微博" is taken whole before "分享".
        ordered = sorted(set(captions), key=len, reverse=True)
        self.captions = re.compile("|".join(re.escape(caption) for caption in ordered))
        self.min_captions = int(params.get("min_captions", 2))
        if self.keywords is None:
            # Every toolbar shows one of its captions: the fast path skips pages with none.
            self.keywords = tuple(caption.lower() for caption in ordered)
        self._lines = _ButtonLines(ordered)

    def trigger(self) -> Trigger:
        """A keyword, and (when a toolbar shows a caption) a line that may be one of its
        buttons' lines: every run of letters in it made of the captions' words (``_ButtonLines``)."""
        if self.min_captions < 1 or not self._lines.pieces:
            return self.keyword_trigger()
        return all_of(
            self.keyword_trigger(),
            Check(self._lines.found, "a line may show nothing but buttons' captions and counters"),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        for run in self._button_runs(doc):
            if self._is_toolbar(run):
                first, last = run[0][0], run[-1][0]
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _button_runs(self, doc: Document) -> Iterator[list[tuple[Node, _Reading]]]:
        """Runs of neighbouring top-level blocks that show nothing but buttons, each block with
        what it shows (a converter may set a button's caption apart from its list item)."""
        run: list[tuple[Node, _Reading]] = []
        for node in doc.root.children:
            reading = self._block_reading(doc, node)
            if reading is not None:
                run.append((node, reading))
                continue
            if run:
                yield run
            run = []
        if run:
            yield run

    def _is_toolbar(self, run: list[tuple[Node, _Reading]]) -> bool:
        """Whether the run holds a list, enough different captions and a counter; or, without
        a list, a box of figures (an author's "236 文章 1.3m 阅读 13k 粉丝", each a paragraph):
        ``min_captions`` + 1 captions and as many counters."""
        shown: set[str] = set()
        counters = 0
        has_list = False
        for node, (captions, has_counter) in run:
            shown |= captions
            counters += has_counter
            has_list = has_list or node.kind in _LIST_KINDS
        if has_list:
            return counters > 0 and len(shown) >= self.min_captions
        return min(counters, len(shown)) > self.min_captions

    def _block_reading(self, doc: Document, node: Node) -> _Reading | None:
        """What a list (every item) or a paragraph shows when it is buttons only, else None."""
        if node.kind == "paragraph":
            # A caption or a counter set apart from its item; a figure (images alone) is not one.
            reading = self._text_reading(doc, node)
            return reading if reading is not None and (reading[0] or reading[1]) else None
        if node.kind not in _LIST_KINDS:
            return None
        captions: set[str] = set()
        counted = False
        for item in node.children:
            reading = self._text_reading(doc, item)
            if reading is None:
                return None
            captions |= reading[0]
            counted = counted or reading[1]
        return captions, counted

    def _text_reading(self, doc: Document, block: Node) -> _Reading | None:
        """The captions a block (a paragraph, a list item) shows and whether it shows a
        counter; None when it shows anything else."""
        start, end = doc.node_span(block)
        if end - start > _MAX_BUTTON_CHARS:
            return None  # a button's icons, count and caption are short (the article's text is not)
        lines = [
            doc.line_text(line) for line in range(block.start_line, doc.content_end_line(block))
        ]
        if lines and block.kind == "list_item":
            lines[0] = _ITEM_MARKER.sub("", lines[0], count=1)
        text, _has_image = line_reading("\n".join(lines))
        text = text.casefold()
        captions = set(self.captions.findall(text))
        rest = self.captions.sub(" ", text)
        has_counter = _COUNTER.search(rest) is not None
        if _WORD.search(_COUNTER.sub(" ", rest)) is not None:
            return None
        return captions, has_counter


# Markup whose text ``find`` may drop (a link's target, an image): what follows it is not read.
_MARKUP = re.compile(r"[\[\]()<>]")
_LETTERS = re.compile(r"[^\W_]+")
_JOINERS = re.compile(r"[\\`*_~]+")
_LINE_BREAK = re.compile(r"\r\n?|\n")  # the document's lines
_COUNTER_MARKS = frozenset("kmw万千")  # a counter's letters ("1.2k", "3万"), maybe on the next line


class _ButtonLines:
    """Which raw lines may be a toolbar's. ``find`` reads a block's lines joined, and a toolbar
    shows a caption on some line, where every letter it keeps is a caption's or a counter's. A
    line whose links and images all close on it is read as ``find`` reads it (``line_reading``):
    each run of letters must be covered by captions' words (a caption with a space may run over
    two lines; digits and counters' letters aside), one of them shown. A line that may start
    inside a link or image opened above (the last ``[`` or ``(`` above is unclosed) need only
    hold a caption's word; one that leaves one open, only before its first bracket."""

    def __init__(self, captions: list[str]) -> None:
        self.pieces = tuple(sorted({p for c in captions for p in _LETTERS.findall(c)}))
        self._shown = re.compile("|".join(map(re.escape, self.pieces))) if self.pieces else None
        self._runs: dict[str, bool] = {}

    def found(self, text: str) -> bool:
        square = round_ = False  # whether the last "[" (or "(") so far is unclosed
        for line in _LINE_BREAK.split(text):
            inside = square or round_
            square = _still_open(line, "[", "]", square)
            round_ = _still_open(line, "(", ")", round_)
            if self._may_be_one(line, inside, square or round_):
                return True
        return False

    def _may_be_one(self, line: str, inside: bool, left_open: bool) -> bool:
        seen = fold_width(line).casefold()
        if not inside:
            # Before the first bracket ``line_reading`` only drops backslashes, backticks and
            # emphasis marks (which may join two runs of letters): a quick answer for prose.
            mark = _MARKUP.search(seen)
            if not self._all_covered(
                _JOINERS.sub("", seen if mark is None else seen[: mark.start()])
            ):
                return False
        if not inside and not left_open:
            seen = line_reading(line)[0].casefold()
            if not self._all_covered(seen):
                return False
        return self._shown is not None and self._shown.search(seen) is not None

    def _all_covered(self, text: str) -> bool:
        return all(self._covered(run) for run in _LETTERS.findall(text))

    def _covered(self, run: str) -> bool:
        """Whether every letter of the run is in an occurrence of a caption's word (digits and
        counters' letters aside)."""
        covered = self._runs.get(run)
        if covered is None:
            marked = [c.isdigit() or c in _COUNTER_MARKS for c in run]
            for piece in self.pieces:
                at = run.find(piece)
                while at >= 0:
                    marked[at : at + len(piece)] = [True] * len(piece)
                    at = run.find(piece, at + 1)
            covered = self._runs[run] = all(marked)
        return covered


def _still_open(line: str, opener: str, closer: str, was_open: bool) -> bool:
    """Whether the last ``opener`` up to the end of the line is unclosed."""
    opened, closed = line.rfind(opener), line.rfind(closer)
    return was_open if opened == closed else opened > closed
