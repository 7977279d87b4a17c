"""One reading of a text copy: its lines, what each is, and where the article's prose lies.

A select-all copy, an "innerText" extraction or a converter that keeps one element per line
writes a page as bare lines: the menu's captions, the buttons, the headline boxes, the comment
thread, the footer, and between them the article's prose. Several matchers read such a page
line by line (``text-dump-edges``, ``caption-lines``, ``record-runs``); they all read it here,
once per document (``text_copy``), so that they agree on what is prose and where the article
stands.

The page's *lines* are the lines of its top-level paragraphs, in order, and the lines that a
list's items run on without a marker (a text copy's line "* For subscribers" makes the lines
under it the item's lazy continuation: the page's next widgets); any other block is a
*break*, blocks in a row one. Each line is read as a reader sees it (``line_reading``: links as their text, markup
gone) and is:

- a *row* when it is short cells between separators ("首页|新闻|图片|评论", "Home > News >
  2015 > Post"): a menu or a breadcrumb trail on one line, never prose;
- a *sentence* line when it ends a sentence and holds five words or more, or holds more than
  fifteen (two characters of a script without spaces count as one word);
- a line of a *wrapped* paragraph when its paragraph is prose wrapped at a width (two lines or
  more, all but the last long, a sentence's end among them): prose whatever its own end.

The article's *core* goes from the first sentence line that two more sentence lines follow
within the next eight lines (or that holds forty words: a paragraph on one line; or that one
more such line follows, eighty words together: a short article of two paragraphs) to the last
sentence line that two more precede within the eight before it (or as long), with the sentence
lines right next to it (a short article's lead line). Only lines that end a sentence (or hold
forty words) count as prose there: a long headline without an end does not, nor a short line
that asks or exclaims (a teaser's title, an ad's call). A *slight* cluster of prose (fewer than
eighty words and less than a quarter of the page's largest: a subscription notice over the
menu, a form's two sentences in the footer) neither opens nor closes the core, nor does a
*far* cluster: from the page's largest cluster on, a neighbouring cluster joins when at most
sixteen lines stand between or when it weighs half as much as those joined; the clusters
beyond (a comment thread's sentences, a login form's and a footer's notices far below) are far. A page without
such a core, or whose core holds fewer than three sentences (a line of Chinese or Japanese may
hold several: "。"; a paragraph on one line of forty words or more, one per sentence's end
before a capital) and fewer than eighty words, has none: a page of short lines (a poem, a list) has no edges. The core's
*body* starts at its first prose line that holds forty words or that another prose line follows
right under it: a standfirst over the byline, the date and the share row opens the core, not
its body; a core of lone sentences has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..document import Document, Node
from ..models import Edit
from .line_reading import line_reading
from .linkblocks import word_count

SENTENCE_END = re.compile(r"(?<![.…])[.!?;。！？；](?:[\"'”’»」』)\]]*)$")
LINK = re.compile(r"\]\(|<https?://|https?://", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
# What a line of code, markup or a template holds, and no menu's caption.
CODE = re.compile(r"[=<{}\[\]`$\\;@#*_~^]")
_EXCLAIMS = re.compile(r"[?!？！](?:[\"'”’»」』)\]]*)$")
# A row of cells between separators: a menu on one line, a breadcrumb trail.
SEPARATOR = re.compile(r"\s*(?:\||｜|>>?|»|›|/|•|·|▪|→)\s*")
MAX_ROW_CHARS = 200
_MAX_CELL_WORDS = 6
_MIN_ROW_CELLS = 3
SENTENCE_WORDS = 5
LONG_WORDS = 15
_CORE_WINDOW = 8
_CORE_NEIGHBOURS = 2
ONE_LINE_PARAGRAPH_WORDS = 40
_MIN_CORE_SENTENCES = 3
MIN_CORE_WORDS = 80
_SLIGHT_SHARE = 0.25
# A cluster of prose this near to the article's (in lines), or half as heavy, is the article's.
_JOIN_LINES = 16
_JOIN_SHARE = 2
# A paragraph whose lines (but its last) are all this long is prose wrapped at a width.
_WRAP_CHARS = 40
# A sentence's end inside a line (before a capital) or at its end.
SENTENCE_IN = re.compile(r"[.!?;](?:[\"'”’)\]»]*)(?:\s+[^\W\d_a-z]|$)|[。！？；]")
_FULL_STOPS = re.compile(r"[。！？](?![」』）)]*[。！？])")
# A sentence's end inside a line of a spaced script: a stop, a space, a capital (after a quote
# or a bracket that may open the next sentence).
_STOPS_IN = re.compile(r"[.!?][\"'”’)\]»]*\s+(?=[\"'“„«(\[¿¡]*[^\W\d_a-z])")
_LIST_KINDS = ("bullet_list", "ordered_list")


@dataclass(frozen=True)
class CopyLine:
    """One line of the page as a reader sees it, or one other block (``brk``)."""

    line: int  # the document's line (of a paragraph), or a block's first line
    node: Node
    raw: str = ""
    text: str = ""
    words: int = 0
    ends: bool = False  # it ends a sentence
    link: bool = False  # its source holds a link
    image: bool = False  # it showed an image
    cells: int = 0  # a row's cells with letters (no code in its source); 0 for another line
    brk: bool = False  # another block: a heading, code, a list's marker line...
    lazy: bool = False  # a list item's line without a marker
    wrapped: bool = False  # a line of a paragraph of prose wrapped at a width

    @property
    def sentence(self) -> bool:
        """A sentence line (``is_sentence``); a row never is one."""
        return not (self.brk or self.cells) and is_sentence(self.text, self.words)

    @property
    def sentences(self) -> int:
        """The sentences a sentence line holds: one, or in a script without spaces one per full
        stop in it ("。": a paragraph on one line, whose characters count few words), or in a
        paragraph on one line one per sentence's end before a capital, and its own end (a
        news brief of one paragraph: "… in Serie A. Lazio-Brescia è stata affidata …")."""
        if not self.sentence:
            return 0
        found = len(_FULL_STOPS.findall(self.text))
        if self.words >= ONE_LINE_PARAGRAPH_WORDS:
            found = max(found, len(_STOPS_IN.findall(self.text)) + (1 if self.ends else 0))
        return max(1, found)

    @property
    def prose(self) -> bool:
        """What the core is made of: a sentence line that ends a sentence (a short one not
        with "?" or "!"), or a paragraph on one line."""
        if not self.sentence:
            return False
        if self.words >= ONE_LINE_PARAGRAPH_WORDS:
            return True
        return self.ends and (self.words > LONG_WORDS or not _EXCLAIMS.search(self.text))


@dataclass(frozen=True)
class TextCopy:
    lines: tuple[CopyLine, ...]
    core: tuple[int, int] | None  # the first and last index of the article's prose
    # the core from its body's first line on: what stands over it (a standfirst, the byline,
    # the date, the share row) is the article's header
    body: tuple[int, int] | None
    wrapped: frozenset[Node]  # the paragraphs of prose wrapped at a width
    slight: frozenset[int]  # the prose lines of slight clusters (a notice, a form's sentences)
    # the prose lines of far clusters (``_far``: a comment thread's, a footer's notices)
    far: frozenset[int] = frozenset()

    def core_lines(self) -> tuple[int, int] | None:
        """The core as the document's first and last lines, or None."""
        if self.core is None:
            return None
        return self.lines[self.core[0]].line, self.lines[self.core[1]].line


def is_sentence(text: str, words: int) -> bool:
    """A sentence line: it ends a sentence and holds five words, or holds more than fifteen."""
    return words > LONG_WORDS or (words >= SENTENCE_WORDS and SENTENCE_END.search(text) is not None)


def row_cells(text: str) -> int:
    """The cells of a row of short cells between separators ("首页|新闻|图片", "Home > News >
    Post"); 0 for another line."""
    if SENTENCE_END.search(text) or len(text) > MAX_ROW_CHARS:
        return 0
    cells = [cell for cell in SEPARATOR.split(text) if cell.strip()]
    if len(cells) < _MIN_ROW_CELLS or len(SEPARATOR.findall(text)) < _MIN_ROW_CELLS - 1:
        return 0
    return _short_cells(cells)


def _short_cells(cells: Sequence[str]) -> int:
    """The cells with letters, when none holds a sentence; 0 else."""
    if any(word_count(c) > _MAX_CELL_WORDS or SENTENCE_END.search(c) for c in cells):
        return 0
    return sum(1 for cell in cells if LETTER.search(cell))


def read_line(
    doc: Document, line: int, node: Node, *, lazy: bool = False, wrapped: bool = False
) -> CopyLine:
    raw = doc.line_text(line)
    text, image = line_reading(raw)
    return CopyLine(
        line,
        node,
        raw,
        text,
        word_count(text),
        SENTENCE_END.search(text) is not None,
        LINK.search(raw) is not None,
        image,
        0 if CODE.search(raw) else row_cells(text),
        lazy=lazy,
        wrapped=wrapped,
    )


def text_copy(doc: Document) -> TextCopy:
    """The page's lines and its core, read once per document."""
    store = doc.shared("text_copy")
    found: TextCopy | None = store.get("copy")
    if found is None:
        lines = tuple(_lines(doc))
        wrapped = frozenset(read.node for read in lines if read.wrapped)
        slight = _slight(lines)
        far = _far(lines)
        core = _core(lines, slight | far)
        body = _body(lines, core)
        found = store["copy"] = TextCopy(
            lines, core, body, wrapped, frozenset(slight), frozenset(far)
        )
    return found


def _lines(doc: Document) -> Iterator[CopyLine]:
    """The page's lines, one break for blocks in a row (a list whose items hold no line of
    their own is one break, as one block is)."""
    previous: CopyLine | None = None
    for read in _all_lines(doc):
        if not (read.brk and previous is not None and previous.brk):
            yield read
        previous = read


def _all_lines(doc: Document) -> Iterator[CopyLine]:
    for node in doc.root.children:
        if node.kind in _LIST_KINDS:
            yield from _lazy_lines(doc, node)
        elif node.kind == "paragraph":
            lines = [
                read_line(doc, n, node) for n in range(node.start_line, doc.content_end_line(node))
            ]
            if _wrapped([read.text for read in lines]):
                lines = [replace(read, wrapped=True) for read in lines]
            yield from lines
        else:
            yield CopyLine(node.start_line, node, brk=True)


def _lazy_lines(doc: Document, node: Node) -> Iterator[CopyLine]:
    """A list as lines: a break for the list, and the lines its items' paragraphs run on
    without a marker."""
    yield CopyLine(node.start_line, node, brk=True)
    for item in node.children:
        for child in item.children:
            if child.kind in _LIST_KINDS:  # ("1. 11. Felix": two lists)
                yield from _lazy_lines(doc, child)
                continue
            if child.kind != "paragraph":
                continue
            end = doc.content_end_line(child)
            for line in range(child.start_line + 1, end):
                if doc.line_text(line)[:1].isspace():
                    continue  # (an indented line: the item's own text, wrapped)
                yield read_line(doc, line, child, lazy=True)
            if end < doc.content_end_line(node):
                yield CopyLine(end, node, brk=True)


def _wrapped(texts: Sequence[str]) -> bool:
    if len(texts) < 2 or any(len(text) < _WRAP_CHARS for text in texts[:-1]):
        return False
    return SENTENCE_IN.search(" ".join(texts)) is not None


# -- the core -----------------------------------------------------------------------------


def _near_sentences(lines: Sequence[CopyLine], at: int, step: int) -> list[CopyLine]:
    """The prose lines within ``_CORE_WINDOW`` lines after (step 1) or before (-1) ``at``."""
    window = range(at + step, at + step * (_CORE_WINDOW + 1), step)
    return [lines[i] for i in window if 0 <= i < len(lines) and lines[i].prose]


def _opens_prose(lines: Sequence[CopyLine], at: int, step: int) -> bool:
    """Whether the line at ``at`` opens (step 1) or closes (step -1) prose: two more prose
    lines within the next (previous) lines, or a paragraph on one line."""
    read = lines[at]
    if not read.ends or not read.prose:
        return False  # (a long line without a sentence's end: a footer's row, a licence)
    if read.words >= ONE_LINE_PARAGRAPH_WORDS:
        return True
    near = _near_sentences(lines, at, step)
    if len(near) >= _CORE_NEIGHBOURS:
        return True
    # (two paragraphs on one line each, long enough together: a short article's prose)
    words = read.words + sum(other.words for other in near if other.ends)
    return bool(near) and words >= MIN_CORE_WORDS


def _clusters(lines: Sequence[CopyLine]) -> list[list[int]]:
    """The prose lines in clusters: each within ``_CORE_WINDOW`` lines of the next."""
    clusters: list[list[int]] = []
    for i, read in enumerate(lines):
        if not read.prose:
            continue
        if clusters and i - clusters[-1][-1] <= _CORE_WINDOW:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    return clusters


def _slight(lines: Sequence[CopyLine]) -> set[int]:
    """The prose lines of slight clusters: fewer than ``MIN_CORE_WORDS`` words in all and
    less than ``_SLIGHT_SHARE`` of the page's largest cluster."""
    clusters = _clusters(lines)
    weights = [sum(lines[i].words for i in cluster) for cluster in clusters]
    largest = max(weights, default=0)
    return {
        i
        for cluster, weight in zip(clusters, weights, strict=True)
        if weight < MIN_CORE_WORDS and weight < _SLIGHT_SHARE * largest
        for i in cluster
    }


def _far(lines: Sequence[CopyLine]) -> set[int]:
    """The prose lines of clusters away from the article: from the page's largest cluster, a
    cluster joins when at most ``_JOIN_LINES`` lines stand between it and the clusters joined
    (the article's parts around a picture, a box, a short list), or when it weighs half as
    much as they do (the article's second part under a long table); the clusters further on
    (a comment thread's sentences, a login form's and a footer's notices) are far."""
    clusters = _clusters(lines)
    if len(clusters) < 2:
        return set()
    weights = [sum(lines[i].words for i in cluster) for cluster in clusters]
    anchor = weights.index(max(weights))
    first = last = anchor
    joined = weights[anchor]
    while True:
        side = _joining(clusters, weights, first, last, joined)
        if side is None:
            break
        first, last = min(first, side), max(last, side)
        joined += weights[side]
    return {i for n, cluster in enumerate(clusters) if not first <= n <= last for i in cluster}


def _joining(
    clusters: Sequence[Sequence[int]], weights: Sequence[int], first: int, last: int, joined: int
) -> int | None:
    """The cluster next to ``clusters[first:last + 1]`` that joins them, or None."""
    for side in (first - 1, last + 1):
        if not 0 <= side < len(clusters):
            continue
        gap = (
            clusters[first][0] - clusters[side][-1]
            if side < first
            else clusters[side][0] - clusters[last][-1]
        )
        if gap <= _JOIN_LINES or weights[side] * _JOIN_SHARE >= joined:
            return side
    return None


def _edge(lines: Sequence[CopyLine], order: Iterable[int], step: int, slight: set[int]) -> int:
    """The first line in ``order`` that opens (closes) prose, outside slight clusters."""
    return next((i for i in order if i not in slight and _opens_prose(lines, i, step)), -1)


def _core(lines: Sequence[CopyLine], slight: set[int]) -> tuple[int, int] | None:
    start = _edge(lines, range(len(lines)), 1, slight)
    end = _edge(lines, reversed(range(len(lines))), -1, slight)
    if start < 0 or end < start:
        return None
    while start > 0 and lines[start - 1].prose:  # (a short article's lead line)
        start -= 1
    while end < len(lines) - 1 and lines[end + 1].prose:
        end += 1
    return (start, end) if _enough(lines[start : end + 1]) else None


def _enough(lines: Sequence[CopyLine]) -> bool:
    """Whether the lines hold three sentences or eighty words of sentence lines."""
    sentences = [read for read in lines if read.sentence]
    words = sum(read.words for read in sentences)
    return sum(read.sentences for read in sentences) >= _MIN_CORE_SENTENCES or (
        words >= MIN_CORE_WORDS
    )


def _body(lines: Sequence[CopyLine], core: tuple[int, int] | None) -> tuple[int, int] | None:
    """The core from the first line of its running prose: a prose line with a sentence's end
    that holds forty words or that another prose line follows right under it (a standfirst
    over the byline and the date does not), with the prose lines right over it; None when no
    line runs on so (paragraphs of a sentence each: a docs page, a list of notes)."""
    if core is None:
        return None
    start, end = core
    for at in range(start, end + 1):
        if _runs_on(lines, at, end):
            while at > start and lines[at - 1].prose:
                at -= 1
            return (at, end) if _enough(lines[at : end + 1]) else None
    return None


def _runs_on(lines: Sequence[CopyLine], at: int, end: int) -> bool:
    """Whether the line at ``at`` starts running prose: a prose line with a sentence's end that
    holds forty words or that another prose line follows right under it (before ``end``)."""
    read = lines[at]
    if not (read.prose and read.ends):
        return False
    return read.words >= ONE_LINE_PARAGRAPH_WORDS or (at < end and lines[at + 1].prose)


def merged_edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    """The edits in order, touching or overlapping ones as one removal (the lines of a run
    taken from several paragraphs)."""
    merged: list[Edit] = []
    for edit in sorted(edits, key=lambda e: e.start):
        if merged and merged[-1].end >= edit.start:
            merged[-1] = Edit(merged[-1].start, max(merged[-1].end, edit.end))
        else:
            merged.append(edit)
    return tuple(merged)
