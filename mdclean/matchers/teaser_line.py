"""``labelled-teaser-line``: a short label and one headline link to the site's own article,
alone on its line between two of the article's sentences, whatever the label's words.

News sites break an article with a line that sends the reader to another of their stories
under a label of the desk's own wording ("Lea aquí:", "Le puede interesar:", "MIRA |",
"LEE MÁS |", "READ MORE:"), which no phrase list can hold in every language. The line's
shape and its link's target are the evidence:

- the line is a label of one to four words (no digit: not "Part 2:"), a colon or a bar, and
  one link, nothing after it; the label opens with a capital where the script has them;
- the link leads to an article's permalink on the page's own site (``link_targets``: a date,
  a long id or a long slug in the path), not to a manual's page, and its text is a headline
  (four to thirty words);
- the line stands alone inside the article: the block before it is a paragraph of prose
  (twelve words or more outside links), the block after it prose or a heading. In a
  paragraph whose lines a converter did not part (a crawler's raw Markdown), the line before
  it ends a sentence and the line after it opens one.

A list of such lines (a series' chapters, a reading list) is not alone between prose and
stays; so does a link to another site (a source) and a link inside a sentence.

With ``phrases`` (or ``labels``), a line whose label is one of those phrases is certain (a
safe fix): the label's words and the line's shape with its link to the site's own article
are two readings that agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Search, Trigger, all_of
from ..models import Applicability, Finding
from ..removal import removal_target, remove_blocks, remove_lines
from .also_read import headline_link
from .also_read_lines import line_skeleton, paragraph_lines
from .base import Matcher
from .fix_safety import safe_if
from .link_targets import page_site
from .linkblocks import LINK, Skeleton, skeleton
from .phrase_lists import fold_width, whole_phrase

_RAW_SHAPE = re.compile(r"[:|：｜][*_ \t]*\[")
"""What the raw line holds between the label's separator and the link: markup only. The
trigger asks the text for it; ``find`` asks each line it takes."""
_LINE = re.compile(
    rf"\s*(?P<label>[^\W\d_](?:[^\W\d_]|[ '’.-]){{0,29}}?)\s*[:|]\s*{LINK}\s*", re.UNICODE
)
_MAX_LABEL_WORDS = 4
_PROSE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…。！？»\"”'’)]\W*$")
_SENTENCE_OPENERS = "«\"“„‘'¿¡(—–"
_REPEATED = 2
"""Teaser lines on one page that make each of them certain, whatever their labels."""


def _label_ok(label: str) -> bool:
    words = label.split()
    if not words or len(words) > _MAX_LABEL_WORDS:
        return False
    first = label[0]
    return first.isupper() or first.lower() == first.upper()  # a capital, or a caseless script


def prose(skel: Skeleton | None) -> bool:
    return skel is not None and skel.outside_words() >= _PROSE_WORDS


def _opens_sentence(text: str) -> bool:
    text = text.lstrip(" \t>*_")
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in _SENTENCE_OPENERS)


def _alone_in_article(doc: Document, target: Node) -> bool:
    """Prose right before the block, prose or a heading right after it."""
    before, after = target.previous_sibling, target.next_sibling
    if before is None or after is None or before.kind != "paragraph":
        return False
    if not prose(skeleton(doc, before)):
        return False
    return after.kind == "heading" or (after.kind == "paragraph" and prose(skeleton(doc, after)))


class LabelledTeaserLineMatcher(Matcher):
    name = "labelled-teaser-line"
    params = MappingProxyType({"keywords": list, "phrases": list, "labels": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.known_label = whole_phrase(params)

    def trigger(self) -> Trigger:
        """A separator, then only markup, then a link's opening bracket (``_RAW_SHAPE``):
        every line ``find`` takes holds it."""
        return all_of(self.keyword_trigger(), Search(_RAW_SHAPE))

    def find(self, doc: Document) -> Iterator[Finding]:
        """The page's teaser lines; when it holds ``_REPEATED`` or more, every one is certain:
        the site's desk breaks its articles so, and a line's shape with its link to the site's
        own article, read again on another line of the same article, is the second reading a
        label no list knows ("Weiterlesen:", "MIRA |") cannot give."""
        found = list(self._teasers(doc))
        if len(found) < _REPEATED:
            yield from found
            return
        for finding in found:
            yield replace(finding, applicability=Applicability.SAFE)

    def _teasers(self, doc: Document) -> Iterator[Finding]:
        site = page_site(doc)
        for node in doc.leaves("paragraph"):
            read = paragraph_lines(doc, node)
            if read is None:
                continue
            _content, lines = read
            if not any(_RAW_SHAPE.search(line) for line in lines):
                continue
            if len(lines) == 1:
                found = self._block(doc, node, site)
                if found is not None:
                    yield found
                continue
            yield from self._lines(doc, node, lines, site)

    def _teaser(self, doc: Document, raw: str, skel: Skeleton, site: str | None) -> str | None:
        """The label of a teaser line; None for any other line."""
        if len(skel.links) != 1 or skel.images or not _RAW_SHAPE.search(raw):
            return None
        shape = _LINE.fullmatch(fold_width(skel.text))
        if shape is None or not _label_ok(shape.group("label")):
            return None
        return shape.group("label") if headline_link(skel.links[0], site) else None

    def _safety(self, label: str) -> Applicability | None:
        """Certain when the label is one of the known phrases."""
        return safe_if(self.known_label is not None and bool(self.known_label.fullmatch(label)))

    def _block(self, doc: Document, node: Node, site: str | None) -> Finding | None:
        skel = skeleton(doc, node)
        content = doc.content(node)
        if skel is None or content is None:
            return None
        label = self._teaser(doc, content.text, skel, site)
        if label is None or not _alone_in_article(doc, removal_target(doc, node)):
            return None
        start, end = doc.node_span(node)
        edits = (remove_blocks(doc, node),)
        return Finding(start, end, edits=edits, applicability=self._safety(label))

    def _lines(
        self, doc: Document, node: Node, lines: list[str], site: str | None
    ) -> Iterator[Finding]:
        for i in range(1, len(lines) - 1):
            raw = lines[i]
            if not _RAW_SHAPE.search(raw):
                continue
            label = self._teaser(doc, raw, line_skeleton(doc, raw), site)
            if label is None:
                continue
            before, after = lines[i - 1], lines[i + 1]
            if not _SENTENCE_END.search(before.rstrip()) or not _opens_sentence(after):
                continue
            if not (prose(line_skeleton(doc, before)) and prose(line_skeleton(doc, after))):
                continue
            line = node.start_line + i
            edit = remove_lines(doc, line, line + 1)
            yield Finding(edit.start, edit.end, edits=(edit,), applicability=self._safety(label))
