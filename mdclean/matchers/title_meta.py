"""``title-meta``: the byline a theme prints right under the post's title, without a label.

"거대한 개발자 2021. 11. 25. 15:23", "Jane Doe 2024-03-03", "2024-11-28 15:42:28": a name and a
date, or a timestamp, alone on the line under a heading among the page's first blocks. BP101
(``post-meta``) wants a proof (a label, a count, a meta link) because such a line anywhere in a
head may be a quote's attribution; right under a heading the place is the proof. Every part
is read as BP101 reads it (its dates, counts, labels and small words); what is left must be a
person's name. A date alone stays unless it holds a time of day (a diary's or a changelog's
date under its heading is the article's), and so does any line with a word of prose.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.triggers import AnyOf, InHead, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .fix_safety import safe_if
from .linkblocks import LIST_KINDS, skeleton
from .page_head import front_matter_title, names_title
from .post_meta import (
    DATE_DIGITS,
    DATE_WORDS,
    LATE_DATED_TITLE,
    RELATIVE_SHAPE,
    PostMetaMatcher,
    Reading,
)
from .title_zone import TitleZone, title_zone

# A date's shape in the first paragraph after a heading (an ATX heading's line or a setext
# heading's underline, blank lines, the paragraph's lines): a "maybe", since any line may open
# the paragraph and "---" is also a thematic break.
_AFTER_HEADING = (
    r"(?:(?:^|\n) {0,3}#{1,6}(?:[ \t][^\n]*)?|\n {0,3}(?:=+|-+)[ \t\r]*)\n(?:[ \t\r]*\n)*"
    r"(?:[^\n]+\n)*?[^\n]*?"
)
_DATED_TITLE = re.compile(
    _AFTER_HEADING + "(?:" + DATE_DIGITS.pattern + "|" + "|".join(DATE_WORDS) + ")"
)
# A day's date (not a time of day alone): ``DATE_SHAPE`` without its time and weekday branches.
_DAY = re.compile(
    r"\d{4}\s?[-/.年년]\s?\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\s?月\s?\d{1,2}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}"
    r"|\d{1,2}\s+tháng|ago\b|" + RELATIVE_SHAPE
)
_TIME = re.compile(r"(?<!\d)\d{1,2}\s?[:时時시]\s?\d{2}(?!\d)")
# A blog's handle before a timestamp ("DATA101 2022. 2. 2. 18:53", Tistory's byline): one word of
# letters that may hold digits, three letters at least, no dot (a version, "v2.3.1", is none).
_HANDLE = re.compile(r"([^\W\d_][\w-]{2,29})\s+(\S.*)", re.S)
_LETTER = re.compile(r"[^\W\d_]")
_LEFTOVER = re.compile(r"[\s.,:/·|-]+")
# What else than a date a title's byline may hold for the date to be its own.
_WITH_DATE = frozenset({"author", "author-link", "label", "count", "taxonomy", "comments"})


class TitleMetaMatcher(PostMetaMatcher):
    name = "title-meta"

    def trigger(self) -> Trigger:
        """In the page's head: a date's shape in the first paragraph after a heading; or a
        date's shape under a late title (``title_zone``)."""
        head = InHead(self.top_blocks, Search(_DATED_TITLE, folded=False))
        return AnyOf((head, Search(LATE_DATED_TITLE, folded=False)))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        zone = title_zone(doc, blocks)  # (on a dump of the whole page: under the late title)
        head = blocks[: max(self.top_blocks, zone.stop if zone is not None else 0)]
        first = next((node for node in blocks if node.kind == "heading"), None)
        named = front_matter_title(doc)  # (a clipper's title: the site's name heads the page)
        for before, node in itertools.pairwise(head):
            if before.kind == "heading" and self._title_byline(doc, node):
                title = before is first or (named is not None and names_title(doc, before, named))
                yield from self._finding(doc, node, zone, sure=title)

    def _finding(
        self, doc: Document, node: Node, zone: TitleZone | None, sure: bool
    ) -> Iterator[Finding]:
        """The byline's finding, among the page's first blocks or in the late title's zone;
        safe under the page's first heading when it is a platform's stamp (``_stamp_only``)."""
        if node.index >= self.top_blocks and (zone is None or not zone.holds(doc, node, node)):
            return
        start, end = doc.node_span(node)
        safe = sure and self._stamp_only(doc, node)
        yield Finding(
            start, end, edits=(remove_blocks(doc, node, node),), applicability=safe_if(safe)
        )

    def _stamp_only(self, doc: Document, node: Node) -> bool:
        """A name (or a handle) and a date with its time of day, nothing else, no link: the
        template of a blog platform's byline ("거대한 개발자 2021. 11. 25. 15:23", Tistory's)."""
        skel = skeleton(doc, node)
        if skel is None or skel.links or _TIME.search(skel.text) is None:
            return False
        reading = self._reading(doc, node, after_avatar=True)
        named = reading is not None and reading.kinds == {"date", "author"}
        return named or self._handle_stamp(skel.text)

    def _title_byline(self, doc: Document, node: Node) -> bool:
        """Whether the block under a heading is made of a date and meta only: a name, a
        label, a count or a meta link beside the date, or a time of day in it."""
        if node.kind in LIST_KINDS or node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.images:
            return False
        # Read as BP101 reads a block under an author's avatar: a name alone is the author's.
        reading: Reading | None = self._reading(doc, node, after_avatar=True)
        if reading is None or "date" not in reading.kinds:
            return self._handle_stamp(skel.text)
        if _DAY.search(skel.text.lower()) is None:
            return False  # a time of day alone ("Deploy at 10:30 on Monday") is a schedule's
        return self._dated_meta(skel.text, reading.kinds)

    def _dated_meta(self, text: str, kinds: frozenset[str]) -> bool:
        """A day's date with a name, a label, a count or a meta link beside it, or with its
        time of day; not a date under its field's own label, printed without its colon
        ("Datum 25.01.2022", "Date 3 May 2024"): the date's field, no author's name."""
        if _TIME.search(text) is not None:
            return True
        if kinds == {"date", "author"}:
            rest = " ".join(self._parts["dates"].sub(" ", text).split()).strip(" .,·|-")
            if rest and self._parts["meta_labels"].fullmatch(f"{rest}:") is not None:
                return False
        return bool(kinds & _WITH_DATE)

    def _handle_stamp(self, text: str) -> bool:
        """A handle, then a day's date with its time of day and nothing else: a blog's own
        byline stamp ("DATA101 2022. 2. 2. 18:53"), its name a nickname with digits."""
        match = _HANDLE.fullmatch(text.strip())
        if match is None or len(_LETTER.findall(match.group(1))) < 3:
            return False
        stamp = match.group(2)
        if _DAY.search(stamp.lower()) is None or _TIME.search(stamp) is None:
            return False
        rest = self._parts["dates"].sub(" ", stamp)
        return not _LEFTOVER.sub("", rest)
