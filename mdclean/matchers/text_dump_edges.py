"""``text-dump-edges``: a plain-text dump's menus and footers, read from the page's structure.

A select-all copy, an "innerText" extraction or a converter that keeps one element per line
writes the site's chrome as bare short lines: the menu's pages one per line ("News", "c't",
"iX", "Download", "Preisvergleich"...), the account and share buttons, the footer's pages. They
hold no link and often no phrase any list knows, in any language. This matcher reads them by
shape, not by words.

Each line of the page's top-level paragraphs, as a reader sees it (``line_reading``), is:

- a *label*: at most ``max_label_words`` words (two characters of a script without spaces
  count as one word), a letter, no sentence's end, no link; or a row of short cells between
  separators ("首页|新闻|图片|评论", "Home > News > 2015 > Post"), which a menu or a breadcrumb
  trail writes;
- a *sentence*: it ends a sentence and holds at least five words, or it holds more than
  fifteen;
- *other* (a title, a date, a glyph): anything else.

Any other block (a heading, a list, code, a table, a quote) breaks a run and is no line.

The article's *core* goes from the first sentence line that two more sentence lines follow
within the next eight lines (or that holds forty words: a paragraph on one line) to the last
sentence line that two more precede within the eight before it (or as long). A page without
such a core, or whose core holds fewer than three sentence lines and fewer than eighty words,
is left alone: a page of short lines (a poem, a list) has no edges.

A *run* is a span of lines outside the core, from a label to a label, with at most
``max_gap`` other lines between two labels (no sentence line in between). It is the site's
chrome when it holds at least ``min_run`` labels (a long menu says so on its own), or
``min_run_evidenced`` labels of which at least two are evidence: a caption of one of the
``phrases`` lists as the whole line, a row of cells between separators (a row counts one label
per cell), or a line of a menu glyph alone ("☰", "×"). A line with a link is never a label (a
link menu is other rules' work); with its links read as text, it may be a sentence line. What
stays: the label right over the article's first line (it may be the title), a run in the head that a sentence line stands above (the
author writes before it: an introduction, then a list of ingredients or terms), a run the line
before it introduces (it ends with ":"), a run whose labels come back as lines of the core (a
table of contents over its sections), and a run most of whose labels open with a digit (a
list of quantities, of dates).

Unsafe: where the article starts and ends is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Check, Trigger
from ..models import Edit, Finding
from ..removal import remove_blocks, remove_span
from .base import Matcher, ParamError
from .line_reading import line_reading
from .linkblocks import word_count
from .phrase_lists import phrase_pattern

_LABEL, _SENTENCE, _OTHER, _BREAK = "label", "sentence", "other", "break"
_SENTENCE_END = re.compile(r"(?<![.…])[.!?;。！？；](?:[\"'”’»」』)\]]*)$")
_INTRODUCES = re.compile(r"[:：][\"'”’)\]*_]*$")
_LETTER = re.compile(r"[^\W\d_]")
_LINK = re.compile(r"\]\(|<https?://|https?://", re.IGNORECASE)
# A row of cells between separators: a menu on one line, a breadcrumb trail.
_SEPARATOR = re.compile(r"\s*(?:\||｜|>>?|»|›|/|•|·|▪|→)\s*")
_MAX_CELL_WORDS = 6
_MAX_ROW_CHARS = 200
_MIN_ROW_CELLS = 3
# A menu's toggle or a dialog's close glyph, alone on a line.
_GLYPH_LINE = re.compile(r"[☰≡×✕✖⨯«»‹›]+|[xX]")
# What a line of code, markup or a template holds, and no menu's caption.
_CODE = re.compile(r"[=<{}\[\]`$\\;@#*_~^]")
_OPENS_WITH_WORD = re.compile(r"[^\W_]")
_MAX_LABEL_CHARS = 60
# Chinese and Japanese labels run a little longer ("きょうの記念日"): two more words of two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_EXTRA = 2
_SENTENCE_WORDS = 5
_LONG_WORDS = 15
_CORE_WINDOW = 8
_CORE_NEIGHBOURS = 2
_ONE_LINE_PARAGRAPH_WORDS = 40
_MIN_CORE_SENTENCES = 3
_MIN_CORE_WORDS = 80
_DIGIT_SHARE = 0.34


@dataclass(frozen=True)
class _Line:
    kind: str
    text: str
    words: int
    evidence: bool = False
    weight: int = 1  # the labels it counts for: a row, one per cell
    ends: bool = False  # it ends a sentence


@dataclass(frozen=True)
class _Entry:
    line: int  # the document's line (of a paragraph), or a block's first line
    node: Node
    read: _Line


def _short_lines(lowered: str, needed: int) -> bool:
    """Whether ``needed`` lines of the text are short enough, as a reader sees them, to be
    labels (a label or a row is at most ``_MAX_ROW_CHARS`` characters as read; a reading is
    never longer than its source line)."""
    count = 0
    for raw in lowered.splitlines():
        if not raw.strip():
            continue
        # (twice the limit: lower-casing may lengthen a line, "İ" to "i̇")
        if len(raw) <= 2 * _MAX_ROW_CHARS or len(line_reading(raw)[0]) <= 2 * _MAX_ROW_CHARS:
            count += 1
            if count >= needed:
                return True
    return False


def _row(text: str) -> int:
    """The cells of a row of short cells between separators ("首页|新闻|图片", "Home > News >
    Post"); 0 for another line."""
    cells = [cell for cell in _SEPARATOR.split(text) if cell.strip()]
    if len(cells) < _MIN_ROW_CELLS or len(_SEPARATOR.findall(text)) < _MIN_ROW_CELLS - 1:
        return 0
    if any(word_count(c) > _MAX_CELL_WORDS or _SENTENCE_END.search(c) for c in cells):
        return 0
    return sum(1 for cell in cells if _LETTER.search(cell))


class TextDumpEdgesMatcher(Matcher):
    name = "text-dump-edges"
    params = MappingProxyType(
        {
            "zone": str,
            "phrases": list,
            "toc_titles": list,
            "min_run": int,
            "min_run_evidenced": int,
            "max_gap": int,
            "max_label_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.zone = str(params.get("zone", "head"))
        if self.zone not in ("head", "tail"):
            raise ParamError("params.zone: 'head' or 'tail'")
        self.min_run = int(params.get("min_run", 8))
        self.min_run_evidenced = int(params.get("min_run_evidenced", 4))
        if not 2 <= self.min_run_evidenced <= self.min_run:
            raise ParamError("params.min_run_evidenced: from 2 to min_run")
        self.max_gap = int(params.get("max_gap", 1))
        self.max_label_words = int(params.get("max_label_words", 3))
        self.phrase_lists = [str(name) for name in params.get("phrases", [])]
        self.toc_lists = [str(name) for name in params.get("toc_titles", [])]
        # (an unknown list fails here)
        phrase_pattern({"phrases": self.phrase_lists + self.toc_lists})

    def trigger(self) -> Trigger:
        """Every run holds ``min_run_evidenced`` labels: lines that short as a reader sees them."""
        needed = self.min_run_evidenced
        return Check(lambda text: _short_lines(text, needed), "short lines enough for a run")

    @cached_property
    def _caption(self) -> re.Pattern[str] | None:
        pattern = phrase_pattern({"phrases": self.phrase_lists})
        return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None

    @cached_property
    def _toc_title(self) -> re.Pattern[str] | None:
        pattern = phrase_pattern({"phrases": self.toc_lists})
        return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None

    # -- reading lines ----------------------------------------------------------------------

    def _read(self, raw: str) -> _Line:
        text = line_reading(raw)[0]
        words = word_count(text)
        ends = _SENTENCE_END.search(text) is not None
        if _LINK.search(raw):  # a line of prose with its links, or a link: never a label
            long = (ends and words >= _SENTENCE_WORDS) or words > _LONG_WORDS
            return _Line(_SENTENCE if long else _OTHER, text, words, ends=ends)
        cells = _row(text) if not ends and len(text) <= _MAX_ROW_CHARS else 0
        if cells and not _CODE.search(raw):
            return _Line(_LABEL, text, words, evidence=True, weight=cells)
        if (ends and words >= _SENTENCE_WORDS) or words > _LONG_WORDS:
            return _Line(_SENTENCE, text, words, ends=ends)
        if _GLYPH_LINE.fullmatch(text):
            return _Line(_OTHER, text, words, evidence=True)
        if self._label(raw, text, words, ends):
            caption = self._caption
            evidence = caption is not None and caption.fullmatch(text) is not None
            return _Line(_LABEL, text, words, evidence=evidence)
        return _Line(_OTHER, text, words)

    def _label(self, raw: str, text: str, words: int, ends: bool) -> bool:
        """A short line of words: no code, markup or template tag, no quote or bullet, no
        sentence's end (a script without spaces may hold a few more characters)."""
        if ends or len(text) > _MAX_LABEL_CHARS or not _LETTER.search(text):
            return False
        if _CODE.search(raw) or not _OPENS_WITH_WORD.match(text):
            return False
        limit = self.max_label_words + (_UNSPACED_EXTRA if _UNSPACED.search(text) else 0)
        return words <= limit

    def _entries(self, doc: Document) -> list[_Entry]:
        """The page's lines, in order: each line of a top-level paragraph, one break per
        other block."""
        store = doc.shared(f"text_dump_edges:{self.max_label_words}:{self.phrase_lists}")
        found: list[_Entry] | None = store.get("entries")
        if found is not None:
            return found
        found = []
        for node in doc.root.children:
            if node.kind != "paragraph":
                found.append(_Entry(node.start_line, node, _Line(_BREAK, "", 0)))
                continue
            for line in range(node.start_line, doc.content_end_line(node)):
                found.append(_Entry(line, node, self._read(doc.line_text(line))))
        store["entries"] = found
        return found

    # -- the core ---------------------------------------------------------------------------

    @staticmethod
    def _opens_prose(entries: Sequence[_Entry], at: int, step: int) -> bool:
        """Whether the sentence line at ``at`` opens (step 1) or closes (step -1) prose: two
        more sentence lines within the next (previous) lines, or a paragraph on one line."""
        read = entries[at].read
        if read.kind != _SENTENCE or not read.ends:
            return False  # (a long line without a sentence's end: a footer's row, a licence)
        if read.words >= _ONE_LINE_PARAGRAPH_WORDS:
            return True
        window = range(at + step, at + step * (_CORE_WINDOW + 1), step)
        near = sum(1 for i in window if 0 <= i < len(entries) and entries[i].read.kind == _SENTENCE)
        return near >= _CORE_NEIGHBOURS

    def _core(self, entries: Sequence[_Entry]) -> tuple[int, int] | None:
        start = next((i for i in range(len(entries)) if self._opens_prose(entries, i, 1)), None)
        if start is None:
            return None
        end = next(
            (i for i in reversed(range(len(entries))) if self._opens_prose(entries, i, -1)), -1
        )
        if end < start:
            return None
        sentences = [e.read for e in entries[start : end + 1] if e.read.kind == _SENTENCE]
        words = sum(read.words for read in sentences)
        if len(sentences) < _MIN_CORE_SENTENCES and words < _MIN_CORE_WORDS:
            return None
        return start, end

    # -- runs -------------------------------------------------------------------------------

    def find(self, doc: Document) -> Iterator[Finding]:
        entries = self._entries(doc)
        core = self._core(entries)
        if core is None:
            return
        start, end = core
        core_lines = {e.read.text.casefold() for e in entries[start : end + 1]}
        if self.zone == "head":
            for first, last in self._runs(entries, 0, start):
                if any(e.read.kind == _SENTENCE for e in entries[:first]):
                    return  # the author writes above it: no site's header
                if last + 1 == start:  # the line over the article: its title
                    last = max(
                        (i for i in range(first, last) if entries[i].read.kind == _LABEL),
                        default=-1,
                    )
                    if last < first:
                        continue
                if self._chrome(entries, first, last, core_lines):
                    yield from self._findings(doc, entries[first : last + 1])
            return
        for first, last in self._runs(entries, end + 1, len(entries)):
            if self._chrome(entries, first, last, core_lines):
                yield from self._findings(doc, entries[first : last + 1])

    def _runs(self, entries: Sequence[_Entry], begin: int, stop: int) -> Iterator[tuple[int, int]]:
        """Label to label among ``entries[begin:stop]``, at most ``max_gap`` other lines
        between two labels; a sentence line or another block ends a run."""
        first = last = -1
        for i in range(begin, stop):
            kind = entries[i].read.kind
            if kind == _LABEL:
                if first >= 0 and i - last - 1 > self.max_gap:
                    yield first, last
                    first = -1
                if first < 0:
                    first = i
                last = i
            elif kind in (_SENTENCE, _BREAK) and first >= 0:
                yield first, last
                first = -1
        if first >= 0:
            yield first, last

    def _chrome(
        self, entries: Sequence[_Entry], first: int, last: int, core_lines: set[str]
    ) -> bool:
        labels = [e.read for e in entries[first : last + 1] if e.read.kind == _LABEL]
        evidence = sum(1 for e in entries[first : last + 1] if e.read.evidence)
        count = sum(read.weight for read in labels)
        enough = count >= self.min_run or (count >= self.min_run_evidenced and evidence >= 2)
        if not enough:
            return False
        if first > 0 and _INTRODUCES.search(entries[first - 1].read.text):
            return False  # the author introduces the lines: a list of the article's
        toc = self._toc_title
        titles = [read.text for read in labels] + ([entries[first - 1].read.text] if first else [])
        if toc is not None and any(toc.fullmatch(title) for title in titles):
            return False  # a table of contents under its title
        digits = sum(1 for read in labels if read.text[:1].isdigit())
        if digits > _DIGIT_SHARE * len(labels):
            return False  # quantities, dates: an ingredient list, a timeline
        echoed = sum(1 for read in labels if read.text.casefold() in core_lines)
        return echoed * 2 < len(labels)  # (a table of contents comes back as sections)

    @staticmethod
    def _findings(doc: Document, run: Sequence[_Entry]) -> Iterator[Finding]:
        """One finding for the run: the lines it takes of its first and last paragraphs, and
        the whole paragraphs between them, removed together."""
        by_node: dict[Node, list[int]] = {}
        for entry in run:
            by_node.setdefault(entry.node, []).append(entry.line)
        edits: list[Edit] = []
        whole: list[Node] = []
        for node, lines in by_node.items():
            first, last = min(lines), max(lines)
            if first == node.start_line and last == doc.content_end_line(node) - 1:
                whole.append(node)
                continue
            if whole:
                edits.append(remove_blocks(doc, whole[0], whole[-1]))
                whole = []
            edits.append(remove_span(doc, doc.line_offset(first), doc.line_end(last)))
        if whole:
            edits.append(remove_blocks(doc, whole[0], whole[-1]))
        merged: list[Edit] = []
        for edit in sorted(edits, key=lambda e: e.start):
            if merged and merged[-1].end >= edit.start:  # (touching edits: one removal)
                merged[-1] = Edit(merged[-1].start, max(merged[-1].end, edit.end))
            else:
                merged.append(edit)
        start = doc.line_offset(run[0].line)
        end = doc.line_end(run[-1].line)
        yield Finding(start, end, edits=tuple(merged))
