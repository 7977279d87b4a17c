"""``chrome-line-runs``: a site's header or footer kept as lines of one paragraph, read line by line.

A text dump of a web page (a reader service's "Markdown Content:", a "copy page", a PDF of a
page, a converter that keeps one element per line) writes the site's header and footer as
lines of a paragraph: "Skip to main content", "Home", "About", "Search", the menu's pages,
and at the end "Privacy Policy", "Terms of Service", "Facebook", "© 2026 Example Inc". No
block rule sees them: they are not blocks. This matcher reads the lines.

Each line, as a reader sees it (``line_reading``), is one of three things:

- a *caption*: the whole line is one or more phrases of one of the ``phrases`` lists, each
  list a family of chrome (skip links, menu controls, the site's pages, legal links,
  social networks, copyright lines);
- *short*: at most ``max_words`` words, no sentence's end, no code (a site name, a menu
  item no list knows, a date);
- *text*: anything else (a sentence, a long line).

The article is where text lines and blocks of other kinds (headings, lists, code, tables,
quotes) are. The ``zone`` is the page's head (the paragraph lines before the article's first
text line or block) or its tail (those after its last). A run is a span of lines of one
top-level paragraph in the zone, from a caption line to a caption line, with at most
``max_gap`` short lines between two captions; it goes when its captions come from at least
``min_families`` families, counting the ``anchor`` (a skip link, a copyright line) when
one stands in the zone, or from ``min_families_unanchored`` without it (one fewer when the
run holds ``many_captions`` caption lines). What stays: every short line before the run's first caption or
after its last (a title, a byline), the run an author introduces (the line before it ends
with ":" or "?"), a run with a link relative to the page or to a manual (a repository's or
a manual's own navigation), and every line of a page with no text line or other block at all
(a page of short lines: a poem, a list).

Unsafe by default: the zone is read from the page's shape. Safe (``fix-when``) when the run
holds a line of the ``anchor`` family (a skip link, a copyright line: template strings
no article writes as a line of their own) and at least ``safe_families`` families in all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger
from ..models import Finding
from ..removal import remove_blocks, remove_span
from .base import ParamError
from .fix_safety import manual_links, safe_if
from .inline_links import target_openings
from .label_shapes import Shape
from .line_reading import line_reading
from .link_targets import page_relative
from .linkblocks import word_count
from .phrase_lists import load_phrase_list, phrase_pattern
from .phrases import PhraseMatcher

# Blocks that are the article's, wherever they stand: code, a table, a quote. (A heading or a
# list may be a dump's own title line or the site's menu: they neither end a zone nor join it.)
_ARTICLE_KINDS = frozenset({"fence", "code_block", "table", "blockquote"})
# A line that ends a sentence or a statement (a caption's own "…" is not one).
_SENTENCE_END = re.compile(r"[.!?;。！？；](?:[\"'”’)\]]*)$")
_INTRODUCES = re.compile(r"[:?：？][\"'”’)\]*_]*$")
# A reader service's own labels above the page it dumps ("Markdown Content:"): no author's.
_CRAWLER_LABEL = re.compile(r"(?:markdown content|content|text content)\s*:", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
# The page's title as the browser shows it, a dump's first line: "Post title | Site name".
_TITLE_META = re.compile(r"\S.{0,200}?\s[|–—-]\s[^.!?。！？|]{1,60}")
_MAX_ROW_CHARS = 120  # a row of captions is short; the repeated alternation may backtrack on prose
# A phrase with a wildcard run (a copyright line's ".{0,160}") is a whole line, never one
# caption of a row: repeated, it would backtrack for seconds on a line of words.
_WILDCARD = re.compile(r"\.\{|\.[*+]|\[\\s\\S\]")
# A copyright mark and a year anywhere in a line ("Site design / logo © 2026 Example"): read
# here, not by a phrase, whose trigger would have only the year's digits to look for.
_COPYRIGHT_MARK = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d", re.IGNORECASE)
_MARKED_MAX_WORDS = 40
_URL = re.compile(r"(?:https?://|www\.)\S+")
_HEADING_ANCHORS = ("¶", "§")  # the glyph a docs theme links a heading with
_MAX_ZONE_LINES = 300  # a site's header or footer is shorter: a longer zone is a page of lines
_TEXT_WORDS = 12  # a line longer than this is the article's, even without a sentence's end
_CAPTION, _SHORT, _OTHER, _TEXT = "caption", "short", "other", "text"


@dataclass(frozen=True)
class _Line:
    kind: str  # _CAPTION, _SHORT, _OTHER (a longer line: no run spans it) or _TEXT
    families: frozenset[str]  # the caption's families (empty for other lines)
    text: str  # as a reader sees it


@dataclass(frozen=True)
class _Run:
    node: Node
    first: int  # its first and last line (0-based, in the document)
    last: int
    families: frozenset[str]  # each shown by a line of its own
    holds_anchor: bool  # a line of the anchor family stands in the run


def _row_phrases(names: Sequence[str]) -> str:
    """The alternation of the lists' phrases that may stand as one caption of a row."""
    phrases = [p for name in names for p in load_phrase_list(name) if not _WILDCARD.search(p)]
    return "|".join(f"(?:{p})" for p in phrases) or "(?!)"


def _witnessed(lines_families: Sequence[frozenset[str]]) -> set[str]:
    """The families the lines show, each by a line of its own: a line two lists hold
    ("Archives" is a menu's page and a sidebar widget's title) shows one of them."""
    chosen: set[str] = set()
    for families in sorted(lines_families, key=len):
        fresh = sorted(families - chosen)
        if fresh:
            chosen.add(fresh[0])
    return chosen


class ChromeLineRunsMatcher(PhraseMatcher):
    name = "chrome-line-runs"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "zone": str,
            "anchor": str,
            "min_families": int,
            "min_families_unanchored": int,
            "many_captions": int,
            "safe_families": int,
            "max_gap": int,
            "max_words": int,
            "breadcrumb": str,
            "marked_lines": str,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.zone = str(params.get("zone", "head"))
        if self.zone not in ("head", "tail"):
            raise ParamError("params.zone: 'head' or 'tail'")
        self.families = tuple(str(name) for name in params.get("phrases", []))
        self.anchor = str(params.get("anchor", ""))
        if self.anchor and self.anchor not in self.families:
            raise ParamError("params.anchor: one of the lists in params.phrases")
        self.min_families = int(params.get("min_families", 2))
        self.min_families_unanchored = int(params.get("min_families_unanchored", 3))
        self.many_captions = int(params.get("many_captions", 6))
        self.safe_families = int(params.get("safe_families", 3))
        self.max_gap = int(params.get("max_gap", 3))
        self.max_words = int(params.get("max_words", 8))
        self.breadcrumb = str(params.get("breadcrumb", ""))
        self.marked_lines = str(params.get("marked_lines", ""))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return None  # a caption opens a line inside a paragraph, not the paragraph

    def trigger(self) -> Trigger:
        """A caption opens a line outside fences (every run holds caption lines): the
        keyword trigger and ``LabelOpensLine`` of the phrase matcher, with no shape."""
        return self.labels_open(None)

    @cached_property
    def _family_patterns(self) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
        """Per family: one phrase as the whole line, and a row of its phrases."""
        found = []
        for name in self.families:
            labels = phrase_pattern({"phrases": [name]})
            assert labels is not None  # (a list that loads has phrases)
            one = re.compile(rf"[\W_]*(?:{labels})[\W_]*", re.IGNORECASE)
            row = re.compile(rf"[\W_]*(?:(?:{_row_phrases([name])})[\W_]*)+", re.IGNORECASE)
            found.append((name, one, row))
        return tuple(found)

    @cached_property
    def _breadcrumb_line(self) -> re.Pattern[str] | None:
        """A breadcrumb trail: a home label, then a separator and more ("Home › Blog › Post")."""
        if not self.breadcrumb:
            return None
        home = phrase_pattern({"phrases": [self.breadcrumb]})
        return re.compile(
            rf"[\W_]*(?:{home})\s*(?:[/>»›|→·]|&gt;|::)\s*[^\W_].{{0,200}}", re.IGNORECASE
        )

    @cached_property
    def _mixed_row(self) -> re.Pattern[str]:
        """A line that is a row of captions of several families ("Home | About | Privacy")."""
        return re.compile(rf"[\W_]*(?:(?:{_row_phrases(self.families)})[\W_]*)+", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        paragraphs = self._zone_lines(doc)
        # A skip link (a copyright line) anywhere in the zone proves the zone is the site's
        # header (footer): it counts as a family of every run there.
        anchored = any(
            self.anchor in self._line(doc, line).families
            for _, lines in paragraphs
            for line in lines
        )
        for node, lines in paragraphs:
            for run in self._runs(doc, node, lines, anchored):
                yield self._finding(doc, run)

    # -- the zone ---------------------------------------------------------------------------

    def _zone_lines(self, doc: Document) -> list[tuple[Node, list[int]]]:
        """The top-level paragraphs in the zone, each with its lines there (in order); none
        when the page holds no article line or block to bound the zone."""
        blocks = list(doc.root.children)
        if self.zone == "tail":
            blocks.reverse()
        found: list[tuple[Node, list[int]]] = []
        read = 0  # lines read so far; past _MAX_ZONE_LINES the zone is no header or footer
        for node in blocks:
            if node.kind in _ARTICLE_KINDS:
                return found
            if node.kind != "paragraph":
                continue
            ordered = self._zone_order(doc, node)
            budget = _MAX_ZONE_LINES - read
            text_at = self._first_text_line(doc, ordered[:budget])
            if text_at is not None:
                if text_at:
                    found.append((node, sorted(ordered[:text_at])))
                return found
            if len(ordered) > budget:
                return []
            found.append((node, sorted(ordered)))
            read += len(ordered)
        return []  # no article at all: a page of short lines is not a dump of chrome

    def _zone_order(self, doc: Document, node: Node) -> list[int]:
        """The paragraph's lines in the order the zone reads them (from the page's edge in)."""
        lines = range(node.start_line, doc.content_end_line(node))
        return list(lines) if self.zone == "head" else list(reversed(lines))

    def _first_text_line(self, doc: Document, lines: list[int]) -> int | None:
        """The position of the first of these lines that is the article's text (the page's
        title line as a browser shows it aside)."""
        return next(
            (
                at
                for at, line in enumerate(lines)
                if self._line(doc, line).kind == _TEXT and not self._title_meta(doc, line)
            ),
            None,
        )

    def _title_meta(self, doc: Document, line: int) -> bool:
        """Whether the line is the page's first and its title as a browser shows it ("Post |
        Site"): a dump writes it above the header, and it does not start the article."""
        return (
            self.zone == "head"
            and line == doc.root.children[0].start_line
            and _TITLE_META.fullmatch(self._line(doc, line).text) is not None
        )

    # -- reading lines ----------------------------------------------------------------------

    def _line(self, doc: Document, line: int) -> _Line:
        """The line's kind, read once per document for every rule of this matcher."""
        store = doc.shared(f"chrome_line_runs:{self.families}:{self.max_words}")
        found: _Line | None = store.get(line)
        if found is None:
            found = store[line] = self._read(doc.line_text(line))
        return found

    def _read(self, raw: str) -> _Line:
        text, has_image = line_reading(raw)
        if text.endswith(_HEADING_ANCHORS):
            return _Line(_OTHER, frozenset(), text)  # a heading of the page, with its anchor
        families = frozenset(self._families_of(text)) if not has_image else frozenset()
        if families:
            return _Line(_CAPTION, families, text)
        if has_image and not _LETTER.search(text):
            return _Line(_SHORT, frozenset(), text)  # a logo, an icon
        return _Line(self._kind_by_words(text), frozenset(), text)

    def _kind_by_words(self, text: str) -> str:
        """A line that is no caption: short (no sentence), the article's text, or other."""
        words = word_count(_URL.sub(" ", text))
        ends = _SENTENCE_END.search(text) is not None
        if words <= self.max_words and not ends:
            return _SHORT
        if words > _TEXT_WORDS or (ends and words >= 4):
            return _TEXT
        return _OTHER

    def _families_of(self, text: str) -> list[str]:
        if not _LETTER.search(text):
            return []
        own = self._own_family(text)
        if own is not None:
            return own
        return self._phrase_families(text)

    def _own_family(self, text: str) -> list[str] | None:
        """A family read from the line's whole shape, not from phrases: a breadcrumb trail,
        or a short line with a copyright mark; None for any other line."""
        trail = self._breadcrumb_line
        if trail is not None and trail.fullmatch(text) and not _SENTENCE_END.search(text):
            return ["breadcrumb"]
        if (
            self.marked_lines
            and _COPYRIGHT_MARK.search(text)
            and word_count(text) <= _MARKED_MAX_WORDS
        ):
            # (Sound for the trigger: this family alone never makes a run; another line of
            # the run is a phrase's caption.)
            return [self.marked_lines]
        return None

    def _phrase_families(self, text: str) -> list[str]:
        """The families whose phrases make up the line: one phrase, or a short row of them."""
        whole = [name for name, one, _ in self._family_patterns if one.fullmatch(text)]
        if whole or len(text) > _MAX_ROW_CHARS:
            return whole
        return self._row_families(text)

    def _row_families(self, text: str) -> list[str]:
        """The families of a short row: those whose row of phrases is the line, or (in a row
        mixing phrases and other words) every family one of its phrases names."""
        rows = [name for name, _, row in self._family_patterns if row.fullmatch(text)]
        if rows or self._mixed_row.fullmatch(text) is None:
            return rows
        return [name for name, one, _ in self._family_patterns if one.search(text)]

    # -- runs -------------------------------------------------------------------------------

    def _runs(
        self, doc: Document, node: Node, lines: Sequence[int], anchored: bool
    ) -> Iterator[_Run]:
        """The runs among these consecutive lines of the paragraph: caption to caption, with
        at most ``max_gap`` short lines between two captions."""
        first = last = -1
        families: list[frozenset[str]] = []
        for line in lines:
            read = self._line(doc, line)
            if read.kind == _OTHER:
                if first >= 0:
                    yield from self._accepted(doc, node, first, last, families, anchored)
                first = -1
            elif read.kind == _CAPTION:
                if first < 0 or line - last - 1 > self.max_gap:
                    if first >= 0:
                        yield from self._accepted(doc, node, first, last, families, anchored)
                    first, families = line, []
                last = line
                families.append(read.families)
        if first >= 0:
            yield from self._accepted(doc, node, first, last, families, anchored)

    def _accepted(
        self,
        doc: Document,
        node: Node,
        first: int,
        last: int,
        lines_families: list[frozenset[str]],
        anchored: bool,
    ) -> Iterator[_Run]:
        captions = len(lines_families)
        families = _witnessed(lines_families)
        if anchored:
            enough = len(families | {self.anchor}) >= self.min_families
        else:  # (a long run of captions makes up for one family)
            wanted = self.min_families_unanchored - (captions >= self.many_captions)
            enough = len(families) >= wanted
        if captions < 2 or not enough:
            return
        holds_anchor = any(self.anchor in line for line in lines_families)
        if self._introduced(doc, node, first, holds_anchor) or self._manual_links(
            doc, first, last, anchored
        ):
            return
        yield _Run(node, first, last, frozenset(families), holds_anchor)

    def _introduced(self, doc: Document, node: Node, first: int, holds_anchor: bool) -> bool:
        """Whether the line before the run (in its paragraph, or the block before it) ends
        with ":" or "?", or the run opens a section under a heading and holds no skip link
        (copyright line): the author introduces the lines as a list of their own ("## Contact"
        over the author's networks)."""
        if first > node.start_line:
            before = line_reading(doc.line_text(first - 1))[0]
        else:
            previous = node.previous_sibling
            if previous is None:
                return False
            if previous.kind == "heading" and not holds_anchor:
                return True
            end = doc.content_end_line(previous)
            before = line_reading(doc.line_text(end - 1))[0] if end > previous.start_line else ""
        return _INTRODUCES.search(before) is not None and not _CRAWLER_LABEL.fullmatch(before)

    def _manual_links(self, doc: Document, first: int, last: int, anchored: bool) -> bool:
        """Whether a line of the run links relative to the page (a repository's navigation,
        which is its content), or, in a zone no skip link (copyright line) proves a crawl,
        to a manual's page (a manual's own navigation)."""
        targets = [
            target
            for line in range(first, last + 1)
            for target in target_openings(doc.line_text(line))
        ]
        if anchored:
            return any(page_relative(target) for target in targets)
        return manual_links(targets)

    def _finding(self, doc: Document, run: _Run) -> Finding:
        node = run.node
        whole = run.first == node.start_line and run.last == doc.content_end_line(node) - 1
        if whole:
            start, end = doc.node_span(node)
            edit = remove_blocks(doc, node)
        else:
            start, end = doc.line_offset(run.first), doc.line_end(run.last)
            edit = remove_span(doc, start, end)
        sure = run.holds_anchor and len(run.families | {self.anchor}) >= self.safe_families
        return Finding(start, end, edits=(edit,), applicability=safe_if(sure))
