"""``chrome-tail``: the blocks left between and after the widgets other rules found at a page's end.

A page saved from a blog ends with its theme's widgets one after another: share row,
author box, related posts, comments, the site's footer. The other rules find the widgets
they know; what they leave between and after them (an author's bio whose shape no rule
knows, a "Search" form, a tag cloud) is the same theme's chrome. This matcher reads the
other rules' findings (it runs after them) and the page's top-level blocks:

- a block is *text* when it is code or a table, or when it holds at least ``min_words``
  words outside links, at least as many as inside them (CJK counted by characters);
- the *tail* starts after the page's last text block;
- from the first block of the tail that another rule removes to the end of the page, every
  block goes, unless the run reaches a sentence of prose (``prose_words`` words outside
  links) or a heading whose title is content ("References", "See also",
  ``content-link-titles``) that no rule removes: then the run ends with the last block
  another rule removes before it, so that the prose keeps its own heading or footnote mark;
- short prose between two widgets (a bio between an author card and a related list, a
  modal's lines) is the theme's too: when another rule removes a block of words after at
  most ``2 * min_words`` words of such prose, and no content heading stands between, the
  run goes on. A bare image or rule is not a widget: articles end with figures. An
  editor's note ("Update:", "[2024年8月22日修正]", ``note_labels``) and a figure's caption
  (the picture's alt text again) are the article's however short: they end the run as a
  content heading does (``article_notes``).

A page on which no other rule finds anything is never touched, and nothing before the
article's last block of text is. The run's own blocks are a guess, so the fix is unsafe;
it is safe when every block of the run is certain (``_sure``): the other rules' blocks by
their safe findings, and each block the run adds by exact evidence of the theme, its links
all the theme's machinery (``fix_safety.theme_line``: tag, category and author pages, the
comment form, the share buttons), avatars only, a widget's label alone
(``theme_labels``: "Related", "2 Comments", "Share this:", "Published by Jane Doe"), or the
software's own strings alone (``ui_strings``: "No comments yet.", a comment form's notice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar

from ..config import DEFAULT
from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .article_notes import CreditReader, NoteReader, is_figure_caption
from .base import Matcher
from .fix_safety import avatar_images, links_in, safe_if, theme_line, theme_link
from .link_targets import is_post_address
from .linkblocks import LIST_KINDS, skeleton
from .phrase_lists import check_phrases, fold_width, phrase_pattern
from .phrases import matchable_title
from .reference_list import is_reference_list
from .tail_evidence import (
    container_remnant,
    covered_but_fences,
    hidden_heading,
    printed_twice,
    repeated_links,
    source_credit,
    without_containers,
)
from .tail_lead import SiteLinks, chrome_lead, host_of
from .thread_page import is_thread
from .ui_text import UiText

_TEXT_KINDS = frozenset({"fence", "code_block", "table"})
_MIN_WORDS = 30
_PROSE_WORDS = 8
_SENTENCE_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?。！？](?:[\"'”’)\]*_]*)$")
_CLOCK_TIME = re.compile(r"\W*(?:[01]?\d|2[0-3])(?::|h)[0-5]\d(?!\d)")
"""A clock time that opens a line ("18:30 Title", "9h05"): a news ticker's entry."""
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_GLUED_COUNT = re.compile(r"(\d)([^\W\d_])")
"""A count glued to its noun by a clipper ("2Comments")."""


class ChromeTailMatcher(Matcher):
    name = "chrome-tail"
    params = MappingProxyType(
        {
            "min_words": int,
            "prose_words": int,
            "content_titles": list,
            "note_labels": list,
            "credits": list,
            "footer_marks": list,
            "licence": list,
            "theme_labels": list,
            "name_labels": list,
            "ui_strings": list,
        }
    )
    extends_findings: ClassVar[bool] = True

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_words = int(params.get("min_words", _MIN_WORDS))
        self.prose_words = int(params.get("prose_words", _PROSE_WORDS))
        self.sandwich_words = 2 * self.min_words
        titles = phrase_pattern(params, "content_titles")
        self.content_title = lazy_compile(rf"\W*(?:{titles})\W*", re.I) if titles else None
        self.notes = NoteReader(phrase_pattern(params, "note_labels"))
        self.credits = CreditReader(phrase_pattern(params, "credits"))
        self.footer_mark = _alternation(params, "footer_marks")
        self.licence = _alternation(params, "licence")
        # A widget's label alone ("Related", "2 Comments"), or "Published by" and a name.
        labels = phrase_pattern(params, "theme_labels")
        self.theme_label = lazy_compile(rf"\W*(?:{labels})\W*", re.I) if labels else None
        # A block wholly of the software's strings ("No comments yet.", "Your email address
        # will not be published."): safe evidence of the theme, as a label alone is.
        self.ui_text = UiText(params)
        names = phrase_pattern(params, "name_labels")
        self.name_label = (
            lazy_compile(rf"\W*(?:{names})\s+\w+(?:\s+\w+){{0,3}}\W*", re.I) if names else None
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        spans = _found_spans(doc)
        if not spans or is_thread(doc):
            return  # (a thread's posts are short text between their chrome, not a theme's tail)
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        removed = [_covered(doc.node_span(node), spans) for node in blocks]
        if not any(removed):
            return  # no block goes whole: no run to extend
        readings: list[BlockReading | None] = [None] * len(blocks)
        # Two readings of the article's end: its prose core's last line, and its last block
        # of text wherever it stands. Text that stands apart past the core (a form's list of
        # reasons, a footer's registration lines) does not end the article, but it may stop
        # the run that starts at the core's end: the run after it goes too.
        runs = {
            run
            for end in dict.fromkeys((_core_end(doc), None))
            if (run := self._run(doc, blocks, removed, readings, end)) is not None
        }
        for first, last in _joined_runs(runs):
            # Other rules may find more after the run: it goes in the same pass as their
            # finds, all read on the same text. (Waiting for a pass where the run is the
            # tail's last never came: that pass has lost the finds inside the run that prove
            # it.)
            start, end = doc.node_span(blocks[first])[0], doc.node_span(blocks[last])[1]
            sure = self._run_certain(doc, blocks, removed, range(first, last + 1))
            edits = (remove_blocks(doc, blocks[first], blocks[last]),)
            yield Finding(start, end, edits=edits, applicability=safe_if(sure))

    def _run(
        self,
        doc: Document,
        blocks: list[Node],
        removed: list[bool],
        readings: list[BlockReading | None],
        end: int | None,
    ) -> tuple[int, int] | None:
        """The first and last block of the run after the article's text (whose end is read
        from the prose core's last line ``end``, or from the text blocks alone when None);
        None when there is none, or when the other rules take it whole."""
        bounds = self._run_start(doc, blocks, removed, readings, end)
        if bounds is None:
            return None
        first, floor = bounds
        last = self._run_end(doc, blocks, removed, readings, first)
        # The theme's chrome that leads to the first widget (a tag row, a footer's menus).
        first = chrome_lead(
            doc, blocks, first, floor, _site_links(doc, blocks[first:]), self._label
        )
        if all(removed[first : last + 1]):
            return None  # the other rules take the whole run themselves
        return first, last

    def _run_certain(
        self, doc: Document, blocks: list[Node], removed: list[bool], run: range
    ) -> bool:
        """Whether each block of the run is certain: a safe finding of another rule covers
        it, or its own evidence."""
        safe = _safe_spans(doc)
        counts = printed_twice(doc, blocks)
        return all(
            (removed[i] and covered_but_fences(doc, blocks[i], safe))
            or self._theme_block(doc, blocks[i])
            or repeated_links(doc, blocks[i], len(links_in(doc, [blocks[i]])), counts)
            for i in run
        )

    def _run_start(
        self,
        doc: Document,
        blocks: list[Node],
        removed: list[bool],
        readings: list[BlockReading | None],
        end: int | None,
    ) -> tuple[int, int] | None:
        """The run's first block, and the first block after the article's last text: the
        first another rule removes after that text block (read from the end back, so only
        the tail is asked about). A table of posts that another rule removes is a widget's,
        not the article's: when no text block is left before it, the run starts at the
        removed widget that holds it (else the widgets after it wait for a pass in which the
        finds that prove them are gone)."""
        widget_text = None
        for i in range(len(blocks) - 1, -1, -1):
            readings[i] = block_reading(doc, blocks[i])
            if not self._article_text(doc, blocks[i], readings[i], end):
                continue
            if not removed[i]:
                return _run_after_text(removed, i)
            if widget_text is None:
                widget_text = i
        if widget_text is None:
            return None  # no article text to stand after: a short page is left to the others
        while widget_text > 0 and removed[widget_text - 1]:
            widget_text -= 1
        return widget_text, widget_text

    def _article_text(
        self, doc: Document, node: Node, reading: BlockReading | None, end: int | None
    ) -> bool:
        """Whether a block is the article's text (the notes list too, however many links it
        holds), not text that stands apart past the prose core's last line ``end``."""
        if not self._is_text(reading) and not is_reference_list(doc, node):
            return False
        return end is None or doc.position(doc.node_span(node)[0])[0] - 1 <= end

    def _label(self, title: str) -> bool:
        """Whether a title is a widget's label alone ("Related", "Share this:")."""
        return self.theme_label is not None and self.theme_label.fullmatch(title) is not None

    def _run_end(
        self,
        doc: Document,
        blocks: list[Node],
        removed: list[bool],
        readings: list[BlockReading | None],
        first: int,
    ) -> int:
        """The run's last block: the page's last, or, when prose or a content heading comes
        first, the last block another rule removes before it (what stands between them may
        be that prose's own heading or footnote mark)."""
        i = first
        past_footer = False  # after the site's copyright line, only sentences are prose
        while i < len(blocks):
            if self._is_footer_line(doc, blocks[i]):
                past_footer = True
            elif not removed[i]:
                # Content (a "References" title or the credits it leads) ends the run; prose
                # does unless it is short and another widget follows (a bio between two).
                content = self._is_content(doc, blocks, i)
                if content or self._is_prose(readings[i], past_footer):
                    resumed = (
                        None if content else self._sandwich_end(doc, blocks, removed, readings, i)
                    )
                    if resumed is None:
                        return max(j for j in range(first, i) if removed[j])
                    i = resumed
            i += 1
        return len(blocks) - 1

    def _sandwich_end(
        self,
        doc: Document,
        blocks: list[Node],
        removed: list[bool],
        readings: list[BlockReading | None],
        start: int,
    ) -> int | None:
        """The next block another rule removes, when what stands before it from ``start`` is
        short prose between two widgets (a bio, a modal's lines: at most ``sandwich_words``
        words outside links) under no heading of its own; else None. A heading that no rule
        removes opens the next post or section, however short (an archive page's posts, each
        ending with the same widget), but past the article's prose core (``_stretch_end``).
        Widgets hold words: a run that ends or resumes at a bare image or rule may be the
        article's figures."""
        before = _widget_before(doc, blocks, removed, start)
        if not _has_words(readings[before]):
            return None
        resumed = (
            None
            if _under_own_heading(blocks, removed, start)
            else self._short_prose_end(doc, blocks, removed, readings, start)
        )
        if resumed is None and _past_core(doc, blocks[start]):
            return self._stretch_end(doc, blocks, removed, readings, start)
        return resumed

    def _short_prose_end(
        self,
        doc: Document,
        blocks: list[Node],
        removed: list[bool],
        readings: list[BlockReading | None],
        start: int,
    ) -> int | None:
        """The next block another rule removes, when at most ``sandwich_words`` words outside
        links stand before it from ``start``, no heading, no article note; else None."""
        words = 0
        for i in range(start, len(blocks)):
            if removed[i]:
                return i if _widget_again(doc, blocks[i], readings[i]) else None
            reading = readings[i]
            if reading is None or blocks[i].kind == "heading":
                return None
            if self._is_article_note(doc, blocks, i):
                return None
            words += reading.outside
            if words > self.sandwich_words:
                return None
        return None

    def _stretch_end(
        self,
        doc: Document,
        blocks: list[Node],
        removed: list[bool],
        readings: list[BlockReading | None],
        start: int,
    ) -> int | None:
        """Past the article's prose core, the next block another rule removes when no block
        before it from ``start`` is the article's: no text of ``min_words`` words, code or
        table, no content heading, note, caption or credit. There the page's widgets stand
        one after another, with their own short prose between them (a comment form's rules
        under its heading, a registration modal's lines): those go with them. None when the
        stretch reaches the article's or the page's end."""
        for i in range(start, len(blocks)):
            if removed[i]:
                return i if _widget_again(doc, blocks[i], readings[i]) else None
            if self._is_text(readings[i]) or self._is_content(doc, blocks, i):
                return None
        return None

    def _theme_block(self, doc: Document, node: Node) -> bool:
        """Whether a block the run adds is the theme's by exact evidence: a line or list of
        links to its machinery, avatars only, a thematic break, a widget's label alone, a
        converter's empty containers or a heading the theme hides but from screen readers."""
        if node.kind == "hr" or hidden_heading(doc, node):
            return True
        if node.kind in LIST_KINDS:
            return _theme_list(doc, node)
        if node.kind not in ("paragraph", "heading"):
            return False
        return self._theme_line_block(doc, node)

    def _theme_line_block(self, doc: Document, node: Node) -> bool:
        """A paragraph or heading of the theme's: its machinery's links, avatars alone, a
        converter's empty containers, an empty remnant, a widget's label or UI strings."""
        skel = skeleton(doc, node)
        if skel is None or container_remnant(doc.node_source(node)):
            return skel is not None
        hrefs = [link.href for link in links_in(doc, [node])]
        if hrefs:
            return theme_line(hrefs, skel.outside_words())
        visible = without_containers(skel.visible)
        if skel.images:
            start, end = doc.node_span(node)
            return not visible.strip() and avatar_images(doc.text[start:end])
        if not _LETTER_OR_DIGIT.search(visible):
            return True  # a widget's empty remnant ("<>", "…"): no word of anyone's goes
        return self._widget_label(doc, node) or self.ui_text.covers(visible)

    def _widget_label(self, doc: Document, node: Node) -> bool:
        """Whether a block is a widget's label alone ("Related", "2 Comments", "Published by"
        and a name)."""
        title = _GLUED_COUNT.sub(r"\1 \2", without_containers(matchable_title(doc, node)).strip())
        return any(
            label is not None and label.fullmatch(title) is not None
            for label in (self.theme_label, self.name_label)
        )

    def _is_text(self, reading: BlockReading | None) -> bool:
        """Whether the block is the article's: code, a table, or enough words outside links."""
        return reading is None or (
            reading.outside >= self.min_words and reading.outside >= reading.inside
        )

    def _is_prose(self, reading: BlockReading | None, past_footer: bool = False) -> bool:
        """Whether the block reads as text, not a widget's short lines: a sentence of
        ``prose_words`` words outside links, or a shorter one that ends as sentences do.
        After the site's copyright line, a line that does not end as a sentence is the
        footer's small print ("Valid XHTML 1.0 | Valid CSS 3"); so is a line that opens with
        a clock time (a news ticker's "18:30 Title")."""
        if reading is None:
            return True
        if reading.outside < reading.inside:
            return False
        if (past_footer or reading.timed) and not reading.sentence:
            return False
        return reading.outside >= self.prose_words or (
            reading.outside >= _SENTENCE_WORDS and reading.sentence
        )

    def _is_footer_line(self, doc: Document, node: Node) -> bool:
        """Whether a paragraph opens with the site's copyright mark (``footer_marks``) and
        names no licence: the footer's line ("© 2016 Site · Proudly powered by WordPress"),
        which reads as a sentence but is the theme's."""
        if self.footer_mark is None or node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        if skel is None or not self.footer_mark.match(skel.visible):
            return False
        return self.licence is None or self.licence.search(skel.visible) is None

    def _is_content(self, doc: Document, blocks: list[Node], index: int) -> bool:
        """A content heading ("References"), the article's own short block (a note, a
        caption) or its credit to its source ("转自：https://…"): each ends the run."""
        return (
            self._is_content_heading(doc, blocks[index])
            or self._is_article_note(doc, blocks, index)
            or source_credit(doc, blocks[index])
        )

    def _is_article_note(self, doc: Document, blocks: list[Node], index: int) -> bool:
        """An editor's note ("Update:", "[2024年8月22日修正]"), a figure's caption or the
        credit for the article's pictures ("[사진=MBC, SBS]", ``credits``): short, but the
        article's wherever it stands."""
        return (
            self.notes.is_note(doc, blocks[index])
            or is_figure_caption(doc, blocks, index)
            or self.credits.is_closing_credit(doc, blocks[index])
        )

    def _is_content_heading(self, doc: Document, node: Node) -> bool:
        """A heading whose title is content ("References", "See also"), or a paragraph led by
        such a title and its colon ("References: This article is inspired by ..."): the
        author's credits, however many links they hold."""
        if self.content_title is None:
            return False
        if node.kind == "heading":
            return self.content_title.fullmatch(matchable_title(doc, node)) is not None
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        if skel is None:
            return False
        label, colon, _ = fold_width(skel.visible).partition(":")
        return bool(colon) and self.content_title.fullmatch(label) is not None


@dataclass(frozen=True, slots=True)
class BlockReading:
    outside: int
    """Words outside links (CJK counted by characters)."""
    inside: int
    """Words of link texts."""
    sentence: bool
    """Whether the block's text ends as a sentence does (".", "!", "?", "。")."""
    timed: bool = False
    """Whether the block's text opens with a clock time ("18:30", "9h05"): a ticker's entry."""


def block_reading(doc: Document, node: Node) -> BlockReading | None:
    """How much text a block holds; None for code and tables (text by their nature)."""
    if node.kind in _TEXT_KINDS:
        return None
    outside = inside = 0
    visible = first = ""
    for leaf in _leaves(node):
        if leaf.kind in _TEXT_KINDS:
            return None
        skel = skeleton(doc, leaf)
        if skel is None:
            continue
        visible = skel.visible
        first = first or visible
        outside += skel.outside_words()
        inside += skel.link_words()
    timed = _CLOCK_TIME.match(first) is not None
    return BlockReading(outside, inside, _SENTENCE_END.search(visible) is not None, timed)


def _theme_list(doc: Document, node: Node) -> bool:
    """A list of links alone to the theme's machinery (an archive widget's months, a category
    widget's pages), few words besides."""
    reading = block_reading(doc, node)
    hrefs = [link.href for link in links_in(doc, [node])]
    return reading is not None and theme_line(hrefs, reading.outside)


def _alternation(params: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    """The regexes of a params list as one pattern, ignoring case; None when none is given."""
    patterns = [str(p) for p in params.get(key, [])]
    check_phrases(patterns, f"params.{key}")
    return lazy_compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None


def _under_own_heading(blocks: list[Node], removed: list[bool], start: int) -> bool:
    """Whether a heading that no rule removes stands between the last removed block before
    ``start`` and it."""
    i = start - 1
    while i >= 0 and not removed[i]:
        if blocks[i].kind == "heading":
            return True
        i -= 1
    return False


def _has_words(reading: BlockReading | None) -> bool:
    """Whether a block holds words (a widget's), not only an image or a rule."""
    return reading is not None and reading.outside + reading.inside > 0


def _found_spans(doc: Document) -> list[tuple[int, int]]:
    """The spans of what the rules that ran before found (the engine records them by code)."""
    found = doc.shared("findings")
    return [
        (finding.start, finding.end)
        for code, findings in found.items()
        if code is not None
        for finding in findings
        if finding.edits
    ]


def _widget_before(doc: Document, blocks: list[Node], removed: list[bool], start: int) -> int:
    """The block a stretch of prose from ``start`` stands after, past a commenter's avatar
    (a picture between a comment form's prompt and its notice)."""
    before = start - 1
    while before > 0 and not removed[before] and _avatar(doc, blocks[before]):
        before -= 1
    return before


def _widget_again(doc: Document, node: Node, reading: BlockReading | None) -> bool:
    """Whether a removed block the run may go on to is a widget: it holds words, or an ad or
    tracker rule removes it (a pixel, not the article's figure)."""
    return _has_words(reading) or _tracker(doc, node)


def _avatar(doc: Document, node: Node) -> bool:
    """Whether a block is avatars alone (``fix_safety.avatar_images``), no figure of the article."""
    start, end = doc.node_span(node)
    return avatar_images(doc.text[start:end])


def _tracker(doc: Document, node: Node) -> bool:
    """Whether an ad or tracker rule (``AD``) removes the block: a pixel, not the article's figure."""
    start, end = doc.node_span(node)
    return any(
        f.edits and f.start <= start and end <= f.end
        for code, findings in doc.shared("findings").items()
        if code is not None and code.startswith("AD")
        for f in findings
    )


def _past_core(doc: Document, node: Node) -> bool:
    """Whether a block starts after the last line of the main group of the page's prose
    paragraphs (``vouching.prose_end``)."""
    from ..vouching import prose_end  # (vouching reads the matchers' modules)

    end = prose_end(doc)
    return end is not None and node.start_line > end


def _core_end(doc: Document) -> int | None:
    """The last line (0-based) of the article's prose core (``vouching.core_end``)."""
    from ..vouching import core_end  # (vouching reads the matchers' modules)

    return core_end(doc)


def _joined_runs(runs: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs in the page's order, those that share a block joined into one."""
    joined: list[tuple[int, int]] = []
    for first, last in sorted(runs):
        if joined and first <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(last, joined[-1][1]))
        else:
            joined.append((first, last))
    return joined


def _run_after_text(removed: list[bool], text: int) -> tuple[int, int] | None:
    """The first block another rule removes after the article's last text block (and the
    block right after that text); None when no rule removes one."""
    first = next((j for j in range(text + 1, len(removed)) if removed[j]), None)
    return None if first is None else (first, text + 1)


def _safe_spans(doc: Document) -> list[tuple[int, int]]:
    """The spans of the other rules' findings that --fix applies unattended (the finding's
    own safety, else its rule's): the run's fix, safe, must not take with it a block whose
    own rule waits for --unsafe-fixes."""
    defaults = {rule.code: rule.fix for rule in (doc.config or DEFAULT).catalogue}
    return [
        (finding.start, finding.end)
        for code, findings in doc.shared("findings").items()
        if code is not None
        for finding in findings
        if finding.edits and (finding.applicability or defaults.get(code)) is Applicability.SAFE
    ]


def _site_links(doc: Document, tail: list[Node]) -> SiteLinks:
    """The site's hosts: those of the posts and theme pages the tail's links lead to."""
    hosts = {
        host_of(link.href)
        for link in links_in(doc, tail)
        if is_post_address(link.href) or theme_link(link.href)
    }
    return SiteLinks(hosts - {""})


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(s <= start and end <= e for s, e in spans)


def _leaves(node: Node) -> Iterator[Node]:
    if not node.children:
        yield node
        return
    for child in node.children:
        yield from _leaves(child)
