"""``closing-ask``: the pleading sentences at one end of the author's closing paragraph.

Authors end a post with a paragraph of their own words and a plea glued to it: "...the
page table and the TLB, working tirelessly. If you found it useful, share it with a friend.",
"If you enjoyed the article, please share it and follow me on Twitter. If you are a newbie,
contact me with your questions...", "...の手順でした。フォローしていただけると嬉しいです！".
A block rule cannot take such a plea without the author's words around it, and leaving it
keeps the junk. This matcher cuts the sentences themselves: at the end (or the start) of a
paragraph, a run of whole sentences each of which is a phrase of ``asks`` or ``thanks``, one
of them an ask, goes; the rest of the paragraph (at least ``min_kept_words`` words) stays
byte for byte.

Sentences end at ``.``, ``!``, ``?``, ``…`` followed by white space, or at ``。！？``
anywhere (full-width punctuation counts as ASCII). Only paragraphs in the page's tail are
read: no code, table or paragraph of ``prose_words`` words outside links comes after them.
A cut is made only where the paragraph left over reads exactly as the kept sentences (its
visible text, read again from the cut source): a cut inside a link, a code span or a
reference the paragraph alone cannot resolve is never made. A project's own sections and
README pages stay, as for ``conversion-pitch``. Unsafe: the words are the author's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import fenced_code
from ..fastpath.lazy import lazy_compile
from ..fastpath.raw_text import searchable
from ..fastpath.regex_literals import (
    leading_group,
    plain_runs,
    required_groups,
    top_level_branches,
)
from ..fastpath.tail import last_long_paragraph_start
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Edit, Finding
from ..removal import remove_span
from .base import Matcher
from .conversion_pitch import CONDITIONAL, heading_pattern, repository_page, under_section
from .label_triggers import phrase_text
from .linkblocks import skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern, phrases_of

_ARTICLE_KINDS = ("fence", "code_block", "table")
# A sentence's end in the visible text: a stop and its closing quotes or brackets, then white
# space; or a stop of a script written without spaces, which needs none.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]»」』]*(?=\s|$)|[。！？!?]+[」』）)]*")
# The same in the source, where emphasis may close after the stop ("…magic._").
_SOURCE_END = re.compile(r"(?:[.!?…]+[\"'”’)\]»」』*_~]*(?=\s)|[。！？]+[」』）)*_~]*)")
_MARKS = "*_~"


class ClosingAskMatcher(Matcher):
    name = "closing-ask"
    params = MappingProxyType(
        {
            "keywords": list,
            "asks": list,
            "thanks": list,
            "section_labels": list,
            "page_labels": list,
            "min_kept_words": int,
            "max_cut_words": int,
            "prose_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        asks = phrase_pattern(params, "asks", "ask_labels")
        thanks = phrase_pattern(params, "thanks", "thanks_labels")
        self._ask = lazy_compile(rf"[\W_]*(?:{asks})[\W_]*", re.I) if asks else None
        self._thanks = lazy_compile(rf"[\W_]*(?:{thanks})[\W_]*", re.I) if thanks else None
        self._section_heading = heading_pattern(params, "section_labels")
        self._page_heading = heading_pattern(params, "page_labels")
        self.min_kept_words = int(params.get("min_kept_words", 8))
        self.max_cut_words = int(params.get("max_cut_words", 60))
        self.prose_words = int(params.get("prose_words", 30))
        self._words = _handles([*phrases_of(params, "asks"), *phrases_of(params, "thanks")])

    def trigger(self) -> Trigger:
        """Every word one of the asks must hold (per phrase branch: each word written at its top
        level, and one word of each group every match passes through), in the text as the
        phrases read it; an ask no word marks: every text."""
        branches = self._words
        if branches is None:
            return self.keyword_trigger()
        if not branches:
            return Check(lambda text: False, "a word of an ask stands in the text")

        def holds(lowered: str) -> bool:
            seen = phrase_text(_tail_read(lowered, self.prose_words))
            return _one_branch_in(branches, seen)

        return all_of(
            self.keyword_trigger(),
            Check(holds, "a word of an ask stands in the part of the text its tail may read"),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        if self._ask is None or repository_page(doc, page, self._page_heading):
            return
        for index, node in self._tail_paragraphs(doc, page):
            if under_section(doc, page, index, self._section_heading):
                continue
            cut = self._cut(doc, node)
            if cut is not None:
                yield Finding(cut[0], cut[1], edits=(Edit(cut[0], cut[1]),))

    def _tail_paragraphs(self, doc: Document, page: Sequence[Node]) -> list[tuple[int, Node]]:
        """The top-level paragraphs (or a quote's one paragraph: "> If you liked this…") after
        which the page holds no more of the article, with their indexes on the page."""
        found: list[tuple[int, Node]] = []
        for index in range(len(page) - 1, -1, -1):
            node = page[index]
            if node.kind in _ARTICLE_KINDS:
                break
            if node.kind == "blockquote" and len(node.children) == 1:
                node = node.children[0]
            if node.kind == "paragraph":
                found.append((index, node))
                skel = skeleton(doc, node)
                if skel is not None and skel.words() >= self.prose_words:
                    break  # the article's last paragraph: nothing before it is the outro
        return found

    def _cut(self, doc: Document, node: Node) -> tuple[int, int] | None:
        """The offsets of the pleading sentences at one end of the paragraph; None if none."""
        skel = skeleton(doc, node)
        if skel is None:
            return None
        visible = fold_width(" ".join(skel.visible.split()))
        spans = _sentences(visible)
        if len(spans) < 2:
            return None
        # In a quote, only the end is cut: its first line's marker stays where it is.
        ends = (
            (True,)
            if node.parent is not None and node.parent.kind == "blockquote"
            else (True, False)
        )
        for at_end in ends:
            kept = self._kept(visible, spans, at_end)
            if kept is not None:
                cut = _source_cut(doc, node, kept, at_end)
                if cut is not None:
                    return cut
        return None

    def _kept(self, visible: str, spans: list[tuple[int, int]], at_end: bool) -> str | None:
        """The visible text kept when a run of pleas ends (``at_end``) or opens the paragraph."""
        order = list(reversed(spans)) if at_end else spans
        run = self._plea_run(visible, order)
        if run == 0 or run == len(order):
            return None
        cut = [visible[slice(*span)] for span in order[:run]]
        if not at_end and run < 2 and not CONDITIONAL.match(cut[0]):
            # One plain ask that opens a paragraph may lead into the article's next thought
            # ("Please leave your comments below. The next part covers…"): only an outro's
            # "if you enjoyed…" or a run of pleas opens the closing paragraph.
            return None
        kept = _spanned(visible, order[run:])
        return kept if self._may_cut(cut, kept) else None

    def _plea_run(self, visible: str, order: list[tuple[int, int]]) -> int:
        """How many sentences in a row, from the first in ``order``, are pleas."""
        run = 0
        while run < len(order) and self._pleads(visible[slice(*order[run])]):
            run += 1
        return run

    def _may_cut(self, cut: list[str], kept: str) -> bool:
        """Whether the pleas may go: one of them asks (thanks alone stay), they are short,
        and enough of the paragraph is kept."""
        return (
            any(self._ask.fullmatch(s) for s in cut)  # type: ignore[union-attr]
            and word_count(" ".join(cut)) <= self.max_cut_words
            and word_count(kept) >= self.min_kept_words
        )

    def _pleads(self, sentence: str) -> bool:
        return bool(self._ask.fullmatch(sentence)) or bool(  # type: ignore[union-attr]
            self._thanks is not None and self._thanks.fullmatch(sentence)
        )


def _tail_read(lowered: str, prose_words: int) -> str:
    """The text from where ``find`` may read a paragraph on: past the last top-level fenced
    block (a fence after a paragraph keeps it out), and from the start of the last paragraph
    that is surely long (``prose_words`` words or more: ``find`` reads none above it). The
    whole text when the raw text cannot place them (``fenced_code``, ``fastpath.tail``)."""
    fences = fenced_code(lowered)
    start = max(
        fences[-1][1] if fences else 0,
        last_long_paragraph_start(lowered, prose_words - 1),
    )
    return lowered[start:] if start else lowered


def _sentences(visible: str) -> list[tuple[int, int]]:
    """Where each sentence of the visible text stands (with its stop, without the spaces)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for stop in _SENTENCE_END.finditer(visible):
        if visible[at : stop.end()].strip():
            spans.append(_stripped(visible, at, stop.end()))
        at = stop.end()
    if visible[at:].strip():
        spans.append(_stripped(visible, at, len(visible)))
    return spans


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _source_cut(doc: Document, node: Node, kept: str, at_end: bool) -> tuple[int, int] | None:
    """Offsets whose removal (as ``remove_span`` makes it) leaves a paragraph that reads
    ``kept``: tried at each sentence end of the source, from the one nearest the plea,
    keeping as many emphasis marks at the paragraph's edge as still read right."""
    start, end = doc.node_span(node)
    source = doc.text[start:end].rstrip()
    stops = [m.end() for m in _SOURCE_END.finditer(source)]
    edge = _edge_marks(source, at_end)
    for stop in reversed(stops) if at_end else stops:
        for marks in range(edge, -1, -1):
            first, last = _cut_bounds(source, stop, marks, at_end)
            if not 0 <= first < last:
                continue
            edit = remove_span(doc, start + first, start + last)
            left = doc.text[start : edit.start] + doc.text[edit.end : start + len(source)]
            if edit.start >= start and edit.end <= end and _reads(left, kept):
                return edit.start, edit.end
    return None


def _spanned(visible: str, spans: list[tuple[int, int]]) -> str:
    """The visible text from the first of these sentences to the last, spaces stripped."""
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return visible[first:last].strip()


def _edge_marks(source: str, at_end: bool) -> int:
    """How many emphasis marks stand at the paragraph's edge the cut reaches."""
    if at_end:
        return len(source) - len(source.rstrip(_MARKS))
    return len(source) - len(source.lstrip(_MARKS))


def _cut_bounds(source: str, stop: int, marks: int, at_end: bool) -> tuple[int, int]:
    """The source's offsets a cut at the sentence end ``stop`` spans, keeping ``marks``
    emphasis marks at the edge: from the stop to the end, or from the start to the stop and
    the spaces after it."""
    if at_end:
        return stop, len(source) - marks
    return marks, stop + len(source[stop:]) - len(source[stop:].lstrip())


def _reads(source: str, kept: str) -> bool:
    """Whether ``source``, parsed alone, is one paragraph (or a quote of one) whose visible
    text is ``kept``."""
    doc = Document(source)
    blocks = doc.root.children
    if len(blocks) == 1 and blocks[0].kind == "blockquote" and len(blocks[0].children) == 1:
        blocks = blocks[0].children  # (a quote's paragraph, read with its markers)
    if len(blocks) != 1 or blocks[0].kind != "paragraph":
        return False
    skel = skeleton(doc, blocks[0])
    return skel is not None and fold_width(" ".join(skel.visible.split())) == kept


Clauses = tuple[tuple[str, ...], ...]
"""What one branch of a phrase must hold: every clause, each by one of its words."""


def _handles(phrases: Sequence[str]) -> tuple[Clauses, ...] | None:
    """Per top-level branch of the phrases, the words every match of it holds (``_clauses``),
    lower-cased as the folded text holds them; None when a branch gives none (the trigger
    cannot rule a text out)."""
    found: dict[Clauses, None] = {}
    for phrase in phrases:
        branches = top_level_branches(phrase)
        for clauses in map(_clauses, branches) if branches else [None]:
            if not clauses:
                return None
            found[clauses] = None
    return tuple(found)


def _clauses(branch: str) -> Clauses | None:
    """Each word a branch writes at its top level (a letter alone only in a script without
    spaces), and for each group every match passes through, the words one of which it holds
    (``_branch_words``); the rarest first (the longest)."""
    runs = plain_runs(branch, str.isalnum)
    if runs is None:
        return None
    clauses: set[tuple[str, ...]] = {(_folded(run),) for run in runs if _a_word(run)}
    for group in required_groups(branch) or ():
        inner = _branch_words(group)
        if inner:
            clauses.add(tuple(sorted({_folded(word) for word in inner})))
    return tuple(sorted(clauses, key=lambda c: (-min(map(len, c)), c))) or None


def _a_word(run: str) -> bool:
    """Two characters or more, or one of a script without spaces (CJK: "请")."""
    return len(run) > 1 or (run != "" and not run.isascii())


def _folded(word: str) -> str:
    return fold_width(searchable(word.lower()))


def _one_branch_in(branches: Sequence[Clauses], seen: str) -> bool:
    """Whether every clause of one branch has a word in ``seen`` (each word looked for once)."""
    present: dict[str, bool] = {}

    def stands(word: str) -> bool:
        found = present.get(word)
        if found is None:
            found = present[word] = word in seen
        return found

    return any(all(any(map(stands, clause)) for clause in clauses) for clauses in branches)


def _branch_words(pattern: str) -> set[str] | None:
    """For each top-level branch, the longest word written at its top level, or the words of
    the branches of the group it opens with (``(?:abonnez-vous|suivez-moi) …``) when the
    branch writes none, or only a shorter one ("se", "to": in every text)."""
    branches = top_level_branches(pattern)
    if not branches:
        return None
    words: set[str] = set()
    for branch in branches:
        longest = max(plain_runs(branch, str.isalnum) or [""], key=len)
        group = leading_group(branch)
        # (an optional group, "(?:…)?", holds nothing every match must hold)
        required = group is not None and not group[1].startswith(("?", "*", "{0", "{,"))
        inner = _branch_words(group[0]) if group is not None and required else None
        if inner and min(map(len, inner)) > len(longest):
            words.update(inner)
        elif longest:
            words.add(longest)
        else:
            return None
    return words
