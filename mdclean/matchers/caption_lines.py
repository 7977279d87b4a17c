"""``caption-lines``: the software's captions and the article's metadata kept as whole lines.

A select-all copy of a page, or a clipper that keeps one element per line, writes the page's
buttons and its metadata as bare lines of a paragraph, with no link for a link rule to read:
"Udostępnij na Facebooku", "Drukuj", "Zgłoś błąd na stronie", "Komentarze(9)", "odpowiedz",
a reading time ("Ten tekst przeczytasz w mniej niż minutę", "5 min read"), a date line under
the title ("28 kwietnia 2021, 06:29"), a tags label over its tags. A line is read as a reader
sees it (``line_reading``: links as their text, markup gone).

The page's lines (those of its top-level paragraphs and those a list's items run on without
a marker, in order; any other block a break), its lines of prose and the article's *core* are
read once for all the line readers (``text_copy``); here the core is read from its body's first
line (the standfirst, the byline, the date line and the share row over it are the article's
header, outside it). A page with no core has no edges: only a reading-time line is read there.

Each rule reads one ``kind`` of line:

- ``captions``: a line that is wholly one or more of the ``phrases`` (glued captions too:
  "Udostępnij na FacebookuUdostępnij na Twitterze"), each with its count ("Komentarze(9)",
  "评论 (3)"). Outside the core a single such line goes; inside it, only a run of
  ``min_run`` such lines in a row (an author does not write two button captions in a row).
- ``reading-time``: a line that is wholly a reading time, anywhere. Safe: no sentence of an
  article is only a reading time.
- ``head-meta``: above the core, among the ``near`` lines over its first line, a line that is
  only dates and times (``phrases``: the date shapes) with at most the words of the ``words``
  lists ("Publié le 30/04/2024 - 16:00", "28 kwietnia 2021, 06:29"; a count innerText glued
  to the time, "2021, 11:5593", is read apart). Safe when it holds a clock time and the line
  over it is no prose (the title).
- ``stamps``: outside the core, anywhere on the page, a line that is only dates and times with
  the words of the ``words`` lists, as ``head-meta`` reads it, that also holds a stamp's label
  (``stamp_words``: "Publiziert: 01.07.2023, 11:16", "Créé: 12.12.2019, 07h36") or a clock time
  ("28.04.2023, 18:41 Uhr"): the CMS's stamp where a copy left it, under a lead, after a bio
  or at the page's end. Safe when it holds both a label and a clock time: the place (outside
  the article's core) and every token of the line agree.
- ``tags``: outside the core, a line that is wholly a tags label (``phrases``: "Tags:",
  "Tematy:") and the one line under it when that line is a row of short words with no
  sentence, no link and no digit-led cell ("praca PKB godzina"); both go.

Only whole lines go: no word is cut from a line of prose. A paragraph that is only such lines
goes whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.raw_text import searchable
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Edit, Finding
from ..removal import remove_blocks, remove_span
from .base import ParamError
from .fix_safety import safe_if
from .label_lines import candidate_lines
from .label_shapes import Shape
from .label_triggers import LabelTrigger
from .line_reading import line_reading
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, raw_text, skeleton
from .phrase_lists import phrase_pattern, phrases_of
from .phrases import PhraseMatcher
from .text_copy import LETTER, CopyLine, merged_edits, text_copy

_KINDS = ("captions", "reading-time", "head-meta", "stamps", "tags")
_MAX_CAPTION_CHARS = 120
# A line wrapped by hand: the line above is this long and ends mid-sentence.
_WRAPPED_CHARS = 40
_RULE_LINE = re.compile(r"[ \t\\]*(?:[-=_*~#][ \t\\]*){3,}")
_MID_SENTENCE = re.compile(r"(?:[^\W\d_]|[,;:(\-–—])$")
_MIN_CAPTION_LETTERS = 3
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A count that follows a caption: "Komentarze(9)", "评论 (3)", "Comments 12".
_COUNT = r"(?:\s*[(\[]\s*\d[\d.,]*\s*[kKmM]?\s*[)\]]|\s+\d[\d.,]*[kKmM]?(?![\w]))?"
# A row of tags: short words, at most this many, none a sentence.
_MAX_TAG_ROW_WORDS = 12
_MAX_TAG_ROW_CHARS = 120
# A time of day with a count glued on, at the end of a date line: "11:5593", "11:55 93".
_GLUED_COUNT = re.compile(r"(\b[0-2]?\d:[0-5]\d) ?\d{1,4}$")
# A French clock time: "07h36", "16 h 17".
_H_TIME = re.compile(r"(?<![\d:])([0-2]?\d) ?h ?([0-5]\d)(?!\d)")
_TAG_ROW_CODE = re.compile(r"[=<>{}\[\]`$\\;@*_~^|]")


_MAX_TAG_WORDS = 5


# A stamp's clock time, its seconds too ("09:12:30", "20時01分").
_STAMP_CLOCK = re.compile(
    r"(?<![\d:])\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?![\d:])|\d{1,2}\s?[時时시]\s?\d{1,2}\s?[分분]"
)


def _dated(text: str) -> bool:
    """Whether a date line holds a date besides its clock times (a time alone, "19:30", is a
    live ticker's entry or a clip's length)."""
    return any(c.isdigit() for c in _STAMP_CLOCK.sub(" ", text))


def _stamp_part(text: str, labelled: bool) -> bool:
    """Whether a date line holds a stamp's label or its clock time."""
    return labelled or _STAMP_CLOCK.search(text) is not None


def _saved(doc: Document) -> bool:
    """Whether the page says it was saved from the web (``vouching.own_site``)."""
    from ..vouching import own_site  # (vouching reads the matchers' modules)

    return own_site(doc) is not None


def _below_core(doc: Document, at: int, read: _Line) -> bool:
    """Whether the page's ``at``-th line stands below the article's core (as ``_in_core``)."""
    body = text_copy(doc).body
    if body is not None:
        return at > body[1]
    from ..vouching import article_core  # (vouching reads the matchers' modules)

    core = article_core(doc)
    return core is not None and read.line > core[1]


def _in_core(doc: Document, at: int, read: _Line) -> bool:
    """Whether the page's ``at``-th line stands in the article's core: the text copy's (as
    the page's lines), else the page's prose span (``vouching.article_core``, as the
    document's lines); a page without either has all its lines in it."""
    body = text_copy(doc).body
    if body is not None:
        return body[0] <= at <= body[1]
    from ..vouching import article_core  # (vouching reads the matchers' modules)

    core = article_core(doc)
    return core is None or core[0] <= read.line <= core[1]


def _alone(doc: Document, read: _Line) -> bool:
    """Whether the line is its paragraph's one line."""
    node = read.node
    return node.kind == "paragraph" and (node.start_line, _text_end(doc, node)) == (
        read.line,
        read.line + 1,
    )


def _tag_links(doc: Document, block: Node) -> bool:
    """Whether the block is a post's tags as links: a list whose every item is one link of
    ``_MAX_TAG_WORDS`` words at most and nothing else, or a paragraph of such links and
    separators only."""
    if block.kind in LIST_KINDS:
        items = block.children
        return bool(items) and all(
            len(item.children) == 1 and _tag_link_block(doc, item.children[0]) for item in items
        )
    return _tag_link_block(doc, block, row=True)


def _tag_link_block(doc: Document, block: Node, *, row: bool = False) -> bool:
    skel = skeleton(doc, block) if block.kind == "paragraph" else None
    if skel is None or not skel.links or skel.images or words_besides_links(skel):
        return False
    if not row and len(skel.links) != 1:
        return False
    return all(1 <= len(link.text.split()) <= _MAX_TAG_WORDS for link in skel.links)


def _three_lines(lowered: str) -> bool:
    return lowered.count("\n") >= 2 or lowered.count("\r") >= 2


@dataclass(frozen=True)
class _Line:
    line: int  # the document's line; -1 for another block
    node: Node
    text: str
    words: int
    prose: bool  # a line of prose (core material)
    ends: bool  # it ends a sentence
    link: bool
    code: bool = False  # code, a marker (admonition, attribute list), or the rest of a line


# A clock time ("06:29", "16:00", "20時01分"): a date line with one is the CMS's stamp, no diary's day.
_HEADLINE_WORDS = 15
_FULL_STOPS = (".", "。", "…", ":")
_SENTENCE_STOPS = ("。", "．", "！", "？")  # a sentence's end inside a line of such a script
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}(?:[:：]\d{2}(?![\d:])|\s?[時时시]\s?\d{1,2}\s?[分분])")


def _stamped_under_title(lines: Sequence[_Line], at: int, text: str) -> bool:
    """A date line with its clock time right under a headline (a line of a few words that
    ends with no full stop: the title, not the paragraph of a diary's last entry): safe, the
    place and the line's every token agree."""
    return _CLOCK.search(text) is not None and _headline(lines[at - 1])


_TITLE_WORDS = 3
"""A title: at least this many words (a menu's caption, "Zaloguj", "Home", has one or two)."""


def _title(read: _Line) -> bool:
    """A headline of ``_TITLE_WORDS`` words at least: the article's title, no menu's caption."""
    return read.words >= _TITLE_WORDS and _headline(read)


def _under_title(lines: Sequence[_Line], at: int) -> bool:
    """Whether the ``at``-th line stands right under the title: a stamp there is head-meta's,
    read with the title (taken alone, it would leave the title to the head's menu reading on
    the next pass)."""
    return at > 0 and _title(lines[at - 1])


def _headline(read: _Line) -> bool:
    """A line of a few words that ends with no full stop: a title (or a menu's caption), no
    paragraph's last sentence."""
    return (
        read.line >= 0 and _headline_length(read) and not read.text.rstrip().endswith(_FULL_STOPS)
    )


def _headline_length(read: _Line) -> bool:
    """A headline's length: ``_HEADLINE_WORDS`` words at most; in a script without spaces,
    whose words are counted by characters, twice that many when no sentence stops inside it
    (a Japanese or Chinese news title runs to some forty characters, "警視庁逮捕" and all)."""
    if read.words <= _HEADLINE_WORDS:
        return True
    unspaced = len(_UNSPACED.findall(read.text))
    stops = any(stop in read.text for stop in _SENTENCE_STOPS)
    return 2 * unspaced >= len(read.text) and not stops and read.words <= 2 * _HEADLINE_WORDS


# A kramdown or pandoc attribute list on a line of its own ("{: .note}", "{#intro .lead}"): the
# markup of the block under it, not a caption.
_ATTRIBUTES = re.compile(r"\s*\{[:#.][^{}]*\}\s*$")


# A line that ends in a hard break ("*register*\\" over its description, a docs page's term):
# the author's layout, not a button's caption.
_HARD_BREAK = re.compile(r"(?:\\| {2,})\r?\n?$")


def _read(doc: Document, copy: CopyLine) -> _Line:
    if copy.brk:
        return _Line(-1, copy.node, "", 0, False, False, False)
    raw, line, node, text = copy.raw, copy.line, copy.node, copy.text
    code = (
        "`" in raw
        or "[!" in raw
        or _ATTRIBUTES.match(raw) is not None
        or _HARD_BREAK.search(raw) is not None
        or _continues(doc, line, node, text)
        or _ruled(doc, line, node)
    )
    return _Line(line, node, text, copy.words, copy.sentence, copy.ends, copy.link, code)


def _ruled(doc: Document, line: int, node: Node) -> bool:
    """Whether a line of dashes stands right above or under the line in its block: the
    title of an author's section ("-----" / "JOIN" / "-----"), not a button."""
    return any(
        node.start_line <= at < node.end_line and _RULE_LINE.fullmatch(doc.line_text(at))
        for at in (line - 1, line + 1)
    )


def _continues(doc: Document, line: int, node: Node, text: str) -> bool:
    """Whether the line goes on with the sentence of the line above it (prose wrapped by
    hand: "... using indexing," / "like this:"): it opens in lower case, and the line above,
    in the same paragraph, is long and ends mid-sentence."""
    if line <= node.start_line or not text[:1].islower():
        return False
    above = line_reading(doc.line_text(line - 1))[0]
    return len(above) >= _WRAPPED_CHARS and _MID_SENTENCE.search(above) is not None


def page_lines(doc: Document) -> list[_Line]:
    """The page's lines (``text_copy``), in order; read once for all the rules of this
    matcher."""
    store = doc.shared("caption_lines")
    found: list[_Line] | None = store.get("lines")
    if found is None:
        found = store["lines"] = [_read(doc, copy) for copy in text_copy(doc).lines]
    return found


def _text_end(doc: Document, node: Node) -> int | None:
    """The line after the paragraph's last line of text; None for another block (the
    engine removes no line of a heading without the rest of it)."""
    return doc.content_end_line(node) if node.kind == "paragraph" else None


def _lines_edit(doc: Document, taken: Sequence[_Line]) -> tuple[int, int, tuple[Edit, ...]]:
    """The edits that remove these lines (consecutive lines of one paragraph each run): a
    paragraph they fill goes whole, else its lines go."""
    by_node: dict[Node, list[int]] = {}
    for read in taken:
        by_node.setdefault(read.node, []).append(read.line)
    edits: list[Edit] = []
    for node, numbers in by_node.items():
        first, last = min(numbers), max(numbers)
        if node.kind == "paragraph" and (first, last + 1) == (
            node.start_line,
            _text_end(doc, node),
        ):
            edits.append(remove_blocks(doc, node))
        else:
            edits.append(remove_span(doc, doc.line_offset(first), doc.line_end(last)))
    start = doc.line_offset(taken[0].line)
    return start, doc.line_end(taken[-1].line), merged_edits(edits)


class CaptionLinesMatcher(PhraseMatcher):
    name = "caption-lines"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "kind": str,
            "words": list,
            "min_run": int,
            "near": int,
            "stamp_words": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.kind = str(params.get("kind", "captions"))
        if self.kind not in _KINDS:
            raise ParamError(f"params.kind: one of {', '.join(_KINDS)}")
        self.min_run = int(params.get("min_run", 2))
        if self.min_run < 2:
            raise ParamError("params.min_run: 2 or more")
        self.near = int(params.get("near", 4))
        words = {"phrases": list(params.get("words", []))}
        self.words = phrase_pattern(words)
        stamp_words = phrase_pattern({"phrases": list(params.get("stamp_words", []))})
        self.stamp_word = (
            re.compile(rf"(?<![^\W\d_])(?:{stamp_words})(?![^\W\d_])", re.IGNORECASE)
            if stamp_words
            else None
        )
        # A date line may open with a stamp's word ("Publié le"): the trigger reads both.
        self.opening = LabelTrigger.of(phrases_of(params) + phrases_of(words))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return None  # the phrase opens a line inside the block, not the block

    def trigger(self) -> Trigger:
        """The keywords, then a line where one of the phrases may open, as ``candidate_lines``
        reads the raw text: every line a rule of this matcher takes opens with a phrase."""
        if self.kind in ("head-meta", "stamps"):
            # A date line is not the page's first line, and the article's core follows it.
            lines = Check(self._may_open_below, "three lines, a phrase may open one")
            return all_of(self.keyword_trigger(), lines)
        return all_of(self.keyword_trigger(), Check(self._may_open, "a phrase may open a line"))

    def _may_open_below(self, lowered: str) -> bool:
        return _three_lines(lowered) and self._may_open(lowered)

    def trigger_once_parsed(self) -> Trigger:
        return self.trigger()

    def _may_open(self, lowered: str) -> bool:
        lines = candidate_lines(self.opening, searchable(lowered))
        return lines is None or bool(lines)

    @cached_property
    def whole(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:(?:{self.labels}){_COUNT}[\W_]*)+", re.IGNORECASE)

    @cached_property
    def one(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self.labels}){_COUNT}[\W_]*", re.IGNORECASE)

    @cached_property
    def meta(self) -> re.Pattern[str]:
        words = f"|{self.words}" if self.words else ""
        return re.compile(rf"[\W_]*(?:(?:{self.labels}{words})[\W_]*)+", re.IGNORECASE)

    def _is(self, read: _Line) -> bool:
        """Whether the line is wholly one or more of the phrases (with their counts)."""
        text = read.text
        if read.line < 0 or not text or len(text) > _MAX_CAPTION_CHARS or read.code:
            return False
        letters = len(LETTER.findall(text))
        if letters < _MIN_CAPTION_LETTERS and not (letters >= 2 and _UNSPACED.search(text)):
            return False  # ("X", "Line": a caption of two letters only in CJK, "评论")
        return self.one.fullmatch(text) is not None or self.whole.fullmatch(text) is not None

    # -- finding --------------------------------------------------------------------------

    def find(self, doc: Document) -> Iterator[Finding]:
        lines = page_lines(doc)
        core = text_copy(doc).body
        if self.kind == "reading-time":
            yield from self._reading_times(doc, lines)
            return
        if self.kind == "stamps":
            yield from self._stamps(doc, lines)
            return
        if self.kind == "tags":
            yield from self._tag_lists(doc, lines)
        if core is None:
            return
        if self.kind == "captions":
            yield from self._captions(doc, lines, core)
        elif self.kind == "head-meta":
            yield from self._head_meta(doc, lines, core[0])
        else:
            yield from self._tags(doc, lines, core)

    def _finding(self, doc: Document, taken: Sequence[_Line], safe: bool = False) -> Finding:
        start, end, edits = _lines_edit(doc, taken)
        return Finding(start, end, edits=edits, applicability=safe_if(safe))

    def _reading_times(self, doc: Document, lines: Sequence[_Line]) -> Iterator[Finding]:
        for read in lines:
            if read.link or not self._is(read):
                continue
            if self.one.fullmatch(read.text) is not None:
                yield self._finding(doc, [read], safe=True)

    def _captions(
        self, doc: Document, lines: Sequence[_Line], core: tuple[int, int]
    ) -> Iterator[Finding]:
        start, end = core
        at = 0
        while at < len(lines):
            if not self._is(lines[at]):
                at += 1
                continue
            stop = at
            while stop + 1 < len(lines) and self._is(lines[stop + 1]):
                stop += 1
            run = lines[at : stop + 1]
            inside = [i for i in range(at, stop + 1) if start <= i <= end]
            if len(run) >= self.min_run or not inside:
                yield from self._run_findings(doc, run)
            at = stop + 1

    def _run_findings(self, doc: Document, run: Sequence[_Line]) -> Iterator[Finding]:
        """One finding per paragraph's consecutive lines of the run."""
        group: list[_Line] = []
        for read in run:
            if group and (read.node is not group[-1].node or read.line != group[-1].line + 1):
                yield self._finding(doc, group)
                group = []
            group.append(read)
        if group:
            yield self._finding(doc, group)

    def _head_meta(self, doc: Document, lines: Sequence[_Line], start: int) -> Iterator[Finding]:
        for at in range(max(1, start - self.near), start):
            text = self._date_line(lines[at], code=True)
            if text is not None:
                yield self._finding(doc, [lines[at]], safe=_stamped_under_title(lines, at, text))

    def _date_line(self, read: _Line, *, code: bool = False) -> str | None:
        """The line's text when it is only dates and times with the ``words`` (a count glued
        to its time read apart), else None; with ``code``, a line read as code may be one."""
        if read.line < 0 or read.link or not any(c.isdigit() for c in read.text):
            return None
        if read.code and not code:
            return None
        # (a comment count that innerText glued to the time: "2021, 11:5593" is 11:55, 93)
        text = _GLUED_COUNT.sub(r"\1", read.text)
        text = _H_TIME.sub(r"\1:\2", text)  # (a French clock time, "07h36", read as "07:36")
        if len(text) > _MAX_CAPTION_CHARS or self.meta.fullmatch(text) is None:
            return None
        return text if self._dates_only(text) else None

    def _stamp_labelled(self, text: str) -> bool:
        return self.stamp_word is not None and self.stamp_word.search(text) is not None

    def _stamps(self, doc: Document, lines: Sequence[_Line]) -> Iterator[Finding]:
        """Outside the article's core (the text copy's, as the page's lines; else the page's
        prose span, as the document's lines), the lines that are a stamp with its label and
        its clock time, or on a page saved from the web (``vouching.own_site``) with one of
        them: a changelog's "Updated on May 5, 2024" and a chat log's times stay."""
        for at, read in enumerate(lines):
            text = self._stamp_text(doc, lines, at)
            if text is None:
                continue
            below = _below_core(doc, at, read)
            if not below and _under_title(lines, at):
                continue
            labelled = self._stamp_labelled(text)
            both = labelled and _STAMP_CLOCK.search(text) is not None
            if both or (_stamp_part(text, labelled) and _saved(doc)):
                # (safe below the core only: above it, the title would join the head's menu)
                yield self._finding(doc, [read], safe=both and below)

    def _stamp_text(self, doc: Document, lines: Sequence[_Line], at: int) -> str | None:
        """The ``at``-th line's text when it stands outside the article's core and is a date
        line holding a date (not a clock time alone); None else."""
        read = lines[at]
        text = None if _in_core(doc, at, read) else self._date_line(read)
        return text if text is not None and _dated(text) else None

    def _dates_only(self, text: str) -> bool:
        """Whether the dates are what the line says: what the date shapes leave is no more
        than the ``words`` and separators, and they leave no digit."""
        rest = re.sub(rf"(?:{self.labels})", " ", text, flags=re.IGNORECASE)
        return not any(c.isdigit() for c in rest)

    def _tags(
        self, doc: Document, lines: Sequence[_Line], core: tuple[int, int]
    ) -> Iterator[Finding]:
        start, end = core
        for at in range(len(lines) - 1):
            if start <= at <= end or start <= at + 1 <= end:
                continue
            label, row = lines[at], lines[at + 1]
            if label.link or label.ends or row.line < 0 or row.code or not self._is(label):
                continue
            if self._tag_row(row):
                yield self._finding(doc, [label, row])

    def _tag_lists(self, doc: Document, lines: Sequence[_Line]) -> Iterator[Finding]:
        """A tags label alone in its paragraph with the block of its tags' links under it (a
        list of one short link an item, or a row of short links and separators): both go."""
        for read in lines:
            if read.line < 0 or read.link or not _alone(doc, read) or not self._is(read):
                continue
            node = read.node
            tags = node.next_sibling
            if tags is not None and _tag_links(doc, tags):
                first, last = doc.node_span(node)[0], doc.node_span(tags)[1]
                yield Finding(first, last, edits=(remove_blocks(doc, node, tags),))
        yield from self._labelled_tag_lists(doc)

    def _labelled_tag_lists(self, doc: Document) -> Iterator[Finding]:
        for node in doc.nodes():
            if node.kind in LIST_KINDS and self._labelled_tag_list(doc, node):
                first, last = doc.node_span(node)
                yield Finding(first, last, edits=(remove_blocks(doc, node),))

    def _labelled_tag_list(self, doc: Document, block: Node) -> bool:
        """A list whose first item is a tags label ("* Temas relacionados") and whose other
        items, two at least, are one short link each."""
        items = block.children
        if (
            len(items) < 3
            or len(items[0].children) != 1
            or items[0].children[0].kind != "paragraph"
        ):
            return False
        label = line_reading(raw_text(doc, items[0].children[0]))[0]
        if "\n" in label or (self.whole.fullmatch(label) is None):
            return False
        return all(
            len(item.children) == 1 and _tag_link_block(doc, item.children[0]) for item in items[1:]
        )

    @staticmethod
    def _tag_row(read: _Line) -> bool:
        text = read.text
        if read.link or read.ends or not text or len(text) > _MAX_TAG_ROW_CHARS:
            return False
        if _TAG_ROW_CODE.search(text) or text[:1].isdigit() or not LETTER.search(text):
            return False
        return 1 <= read.words <= _MAX_TAG_ROW_WORDS
