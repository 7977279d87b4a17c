"""Label shapes: what must follow a phrase rule's label in its block, tested on raw text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..fastpath.head import LONG_HTML_ENDS
from ..fastpath.regex_literals import max_width
from ..fastpath.triggers import Trigger
from .base import per_text
from .label_triggers import LINE_END, Hits, LabelTrigger, leading_run
from .linkblocks import ENTITY, LINK_TARGET

# --- What a block's visible text may be, read from the raw text ---------------------------
# A phrase rule wants more than its label at a block's start: a block that is the label
# alone (give or take punctuation), or the label and a colon. ``visible_guess`` reads a
# stretch of raw text as the reader would, close enough that a shape failing on it fails
# on the parsed block too; where it cannot tell (HTML, entities, escapes, images) it says so.
_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[ \t>]*(?=\r|\n|$)")
_ENTITY = re.compile(ENTITY)
_REFERENCE = re.compile(r"\]\[[^\]]*\]")
# Runs of emphasis and code delimiters.
_DELIMITER = re.compile(r"[*~`]+|_+")
# HTML blocks that run over blank lines (CommonMark's kinds 1 to 5), to their end markers:
# a block there may be longer than the chunk around a hit (end markers: ``LONG_HTML_ENDS``).
_LONG_HTML = re.compile(r"<(?:(script|pre|style|textarea)|(!--)|(\?)|(!\[cdata\[)|(![a-z]))")


@per_text
def _long_html_spans(text: str) -> list[tuple[int, int]]:
    """From each opening of a long HTML block (anywhere, not only at line starts) to its end marker."""
    spans = []
    position = 0
    while (opening := _LONG_HTML.search(text, position)) is not None:
        end_marker = LONG_HTML_ENDS[opening.lastindex - 1].search(text, opening.end())  # type: ignore[operator]
        position = end_marker.end() if end_marker else len(text)
        spans.append((opening.start(), position))
    return spans


def _in_long_html(text: str, at: int) -> bool:
    spans = _long_html_spans(
        text
    )  # in order, none overlapping: the last one starting before ``at`` decides
    i = bisect.bisect_left(spans, (at,)) - 1
    return i >= 0 and spans[i][0] < at <= spans[i][1]


_MAX_SHAPE_LINES = 40
_WORD_CHARACTER = re.compile(r"[^\W_]")
# What may follow a label in a shape without holding a word character.
_WORDLESS_AFTER = frozenset({r"[\W_]*", r"\s*[:：]"})


def visible_guess(line: str, *, defined: frozenset[str] | None = None) -> str | None:
    """One line of raw text as the reader sees it, whitespace collapsed; None when that cannot be told.

    Link targets go, link texts stay (their brackets dropped), emphasis and code delimiters go.
    Every character a reader would see is kept, so a phrase that fills the parsed block's
    text fills the guesses of its lines, joined with spaces, too. A bracket that opens or
    closes no link text on the line is text, unless it may be a reference link's, to one of
    the ``defined`` labels (None: any label may be defined): then the line cannot be told.
    """
    if _unreadable(line):
        return None
    if "[" in line or "]" in line:
        texts = _links_to_texts(line, defined=defined)
        if texts is None:
            return None
        line = texts
    if any(delimiter in line for delimiter in "*_~`"):
        line = _DELIMITER.sub(_without_delimiter, line)
    return " ".join(line.split())


def _without_delimiter(run: re.Match[str]) -> str:
    """A delimiter run goes unless white space (or the line's end) stands on both sides, where
    it is text; an underscore run between two letters or digits is text too."""
    line, start, end = run.string, run.start(), run.end()
    before = line[start - 1] if start else " "
    after = line[end] if end < len(line) else " "
    if before.isspace() and after.isspace():
        return run.group()
    if run.group()[0] == "_" and before.isalnum() and after.isalnum():
        return run.group()
    return ""


def _unreadable(line: str) -> bool:
    """HTML, escapes, images and entities: what a reader sees there is not told from the line."""
    return (
        "<" in line or "\\" in line or "![" in line or ("&" in line and bool(_ENTITY.search(line)))
    )


_LINK_END = "\x00"  # marks where a link's target stood (a NUL in the line itself: not told)
_MARKED_LINK = re.compile(rf"\[([^\[\]{_LINK_END}]*)\]{_LINK_END}")


def _links_to_texts(line: str, *, defined: frozenset[str] | None) -> str | None:
    """``[text](target)``, ``[text][ref]`` and ``[label]`` of a ``defined`` label made their
    text; other brackets are text and stay. None when a target cannot be read, or a bracket
    may belong to a link whose other end is on another line (None: any label may be defined)."""
    marked = _link_texts(line)
    if marked is None:
        return None
    line = marked
    if _LINK_END in line or defined is None:
        return None if _LINK_END in line or "[" in line or "]" in line else line
    line = _BRACKETED.sub(lambda pair: _shortcut_text(pair, defined), line)
    lone = _BRACKETED.sub("", line)
    if "[" in lone or ("]" in lone and defined):
        return None  # the start of a link text that goes on, or the end of a reference's
    return line


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def _link_texts(line: str) -> str | None:
    """Inline and full reference links made their text, with ``_LINK_END`` left where a
    target stood that no text on the line opened; None when a target cannot be read."""
    if _LINK_END in line:
        return None
    if "](" in line:
        line = LINK_TARGET.sub("]" + _LINK_END, line)
        if "](" in line:
            return None  # a target that goes on past the line end
    if "][" in line:
        line = _REFERENCE.sub("]" + _LINK_END, line)
        if "][" in line:
            return None
    return _MARKED_LINK.sub(r"\1", line)


def _shortcut_text(pair: re.Match[str], defined: frozenset[str]) -> str:
    """A shortcut reference link shows its label; brackets naming no defined label are text."""
    return pair.group(1) if " ".join(pair.group(1).split()) in defined else pair.group()


# White space the visible guesses fold into one space where markdown-it keeps it as written: a
# run of two or more inside a line, or one character that is not a plain space (a tab, U+0085,
# U+00A0). A label may need it (``share\s+ share``), so there the shape cannot be told.
_FOLDED_SPACE = re.compile(r"(?<=\S)(?:[^\S\n\r]{2,}|[^\S \n\r])(?=\S)")


def _folds_space(text: str, start: int, must_cover: int) -> bool:
    """Whether the chunk from ``start`` (up to its blank line past ``must_cover``) holds white
    space that the guesses fold."""
    return _FOLDED_SPACE.search(text, start, _chunk_end(text, must_cover)) is not None


def _chunk_end(text: str, must_cover: int) -> int:
    """Where the blank-line-bounded chunk holding ``must_cover`` ends."""
    blank = _BLANK_LINE.search(text, must_cover)
    return blank.start() if blank else len(text)


class Shape:
    """What must follow a label for a phrase rule to act: nothing (the label fills the block)
    or a colon (a labelled line). Tested on the raw text around the trigger's hits."""

    def __init__(self, labels: str, after: str, whole: bool) -> None:
        self._labels = labels
        self._after = after
        self.whole = whole

    @cached_property
    def opening(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self._labels})", re.IGNORECASE)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self._labels}){self._after}", re.IGNORECASE)

    def fits(self, text: str, hits: Hits) -> bool:
        """Whether a block with this shape may stand at one of the hits (True when unsure)."""
        if any(_in_long_html(text, at) for at in (*hits.heads, *hits.words)):
            return True
        if any(self._fits_from(text, at, at) for at in hits.heads):
            return True
        lines: set[int] = set()
        for at in hits.words:
            line = text.rfind("\n", 0, at)
            if line not in lines:  # else the same line's blocks were tried for an earlier word
                lines.add(line)
                if self._fits_around(text, at):
                    return True
        return False

    def _fits_around(self, text: str, at: int) -> bool:
        """Whether a block holding the word at ``at`` may have the shape: the blocks starting
        at each line head of its chunk, up to the word's line, are tried."""
        chunk = _chunk_start(text, at)
        if chunk is None:
            return True
        heads = _line_heads(text, chunk, at)
        return len(heads) > _MAX_SHAPE_LINES or any(
            self._fits_from(text, start, at) for start in heads
        )

    @cached_property
    def _label_limit(self) -> int | None:
        """At most how many characters a label spans, when what may follow it holds no word
        character (None: no bound known). A chunk that starts with a word character and holds
        one past this many characters is decided by what comes before that one."""
        if self._after not in _WORDLESS_AFTER:
            return None
        # The regex the guesses are matched with after (compiled now, not later) vouches
        # that ``re`` accepts the labels: they are not compiled again only to be checked.
        _ = self.opening if self.whole else self.pattern
        return max_width(self._labels, compiled=True)

    def _guesses(self, text: str, start: int, must_cover: int) -> list[str] | None:
        """The visible guesses of the chunk's lines from ``start`` that can decide the shape;
        None when one cannot be told."""
        guesses: list[str] = []
        whole_chunk = ""  # the guesses read so far, joined
        for guess in _chunk_guesses(text, start, must_cover):
            if guess is None:
                return None
            guesses.append(guess)
            if guess:
                whole_chunk = f"{whole_chunk} {guess}" if whole_chunk else guess
            if self._past_any_label(whole_chunk):
                break
        return guesses

    def _past_any_label(self, chunk: str) -> bool:
        """A label starting at the chunk's first character ends before a word character past
        the limit, and no block holding that one can be a label: the lines after do not count."""
        limit = self._label_limit
        return (
            limit is not None
            and len(chunk) > limit
            and chunk[0].isalnum()
            and _WORD_CHARACTER.search(chunk, limit) is not None
        )

    def _fits_from(self, text: str, start: int, must_cover: int) -> bool:
        """Whether the shape fits a block that starts at ``start`` and ends at a line end
        past ``must_cover``, within the blank-line-bounded chunk."""
        guesses = self._guesses(text, start, must_cover)
        if guesses is None or _folds_space(text, start, must_cover):
            return True
        whole_chunk = " ".join(guess for guess in guesses if guess)
        # A guess drops white space at its end that the parsed text may keep (U+0085 and the
        # like, which markdown-it does not trim): a label may end on it.
        chunks = (whole_chunk, f"{whole_chunk} ")
        if not self.whole:
            return any(self.pattern.match(chunk) for chunk in chunks)
        if not any(self.opening.match(chunk) for chunk in chunks):
            return False  # no label at the start of the chunk: none at the start of a block in it
        return self._fills_a_block(guesses, len(LINE_END.findall(text, start, must_cover)))

    def _fills_a_block(self, guesses: list[str], covered: int) -> bool:
        """Whether the first lines, past the ``covered`` ones, are a label of this shape."""
        block = ""
        for i, guess in enumerate(guesses):
            block = f"{block} {guess}" if block and guess else block or guess
            # (white space the guess dropped at its end: see ``_fits_from``)
            if i >= covered and (
                self.pattern.fullmatch(block) or self.pattern.fullmatch(f"{block} ")
            ):
                return True
        return False


@per_text
def _line_guesses(text: str) -> dict[int, str | None]:
    """Each line's visible guess, by where it starts, filled as lines are read: every phrase
    rule reads the same lines."""
    return {}


def _chunk_guesses(text: str, start: int, must_cover: int) -> Iterator[str | None]:
    """The visible guess of each line from ``start`` to the blank line after ``must_cover``,
    read as they are asked for; None for a line that cannot be told, or in place of the
    line past ``_MAX_SHAPE_LINES`` (the last then)."""
    cache = _line_guesses(text)
    end = _chunk_end(text, must_cover)
    position = start
    for _ in range(_MAX_SHAPE_LINES):
        if position > end:
            return
        line_end = LINE_END.search(text, position, end)
        stop = line_end.start() if line_end else end
        if position not in cache:
            # Past the first line, a line's container prefixes are not its text. A head just
            # past a "[" keeps it: the bracket pairs with one in the line.
            opened = "[" if position and text[position - 1] == "[" else ""
            cache[position] = visible_guess(
                opened + text[position:stop].lstrip(" \t>"), defined=_defined_labels(text)
            )
        yield cache[position]
        if line_end is None:
            return
        position = line_end.end()
    if position <= end:
        yield None  # too many lines to read


_DEFINITION = re.compile(r"\[([^\[\]]+)\]:")


@per_text
def _defined_labels(text: str) -> frozenset[str]:
    """The labels (whitespace collapsed) that a reference definition of the text may define:
    every ``[label]:`` counts, wherever it stands."""
    return frozenset(" ".join(label.split()) for label in _DEFINITION.findall(text))


def _chunk_start(text: str, at: int) -> int | None:
    """Where the blank-line-bounded chunk holding ``at`` starts; None when it holds more
    than ``_MAX_SHAPE_LINES`` lines before ``at``."""
    if "\r" in text:  # CR line breaks: the slow way
        start = 0
        for m in _BLANK_LINE.finditer(text, 0, at):
            start = m.end()
        return start
    line_start = text.rfind("\n", 0, at) + 1
    for _ in range(_MAX_SHAPE_LINES):
        if line_start == 0:
            return 0
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if not text[previous:line_start].strip(" \t>\n"):
            return line_start
        line_start = previous
    return None


def _line_heads(text: str, start: int, at: int) -> list[int]:
    """The head of each line from ``start`` to the line holding ``at`` (past leading markup)."""
    heads: list[int] = []
    run = leading_run()
    position = start
    while position <= at and len(heads) <= _MAX_SHAPE_LINES:
        m = run.match(text, position)
        heads.append(min(m.end(), at) if m else position)
        line_end = LINE_END.search(text, position)
        if line_end is None or line_end.end() > at:
            break
        position = line_end.end()
    return heads


_ASSERTIONS = re.compile(r"\\[bBAZ]|\(\?<?[=!]|(?<!\[)\^|\$")


def label_shape(labels: str, after: str, *, whole: bool) -> Shape | None:
    """The shape of a block that is a label then ``after`` (a regex), the whole block or its start.

    None when the labels hold an assertion, which could hold on the parsed text and not
    on the guess: the rule then runs wherever its label stands.
    """
    if _ASSERTIONS.search(labels):
        return None
    return Shape(labels, after, whole)


@dataclass(frozen=True, eq=False)
class LabelOpensLine(Trigger):
    """The trigger of a label rule: one of its labels opens a line of the raw text, past
    container prefixes and markup (``LabelTrigger``), and the block there may have the rule's
    shape (``Shape``; None: any block), in as many ``blocks`` as the rule needs. ``reading`` is
    the text as the labels are matched against it (``phrase_text`` for phrase lists)."""

    labels: LabelTrigger
    shape: Shape | None
    reading: Callable[[str], str]
    blocks: int = 1
    """How many blocks the rule needs (its evidence: distinct strings in distinct blocks). Each
    block a label fills holds a hit of its own (a head at its start or a word in it), so fewer
    hit offsets than blocks prove too little evidence."""

    def holds(self, text: str) -> bool:
        seen = self.reading(text)
        hits = self.labels.hits(seen)
        if hits is None:
            return True
        if not (hits.heads or hits.words):
            return False
        if self.blocks > 1 and len({*hits.heads, *hits.words}) < self.blocks:
            return False
        return self.shape is None or self.shape.fits(seen, hits)
