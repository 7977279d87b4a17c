"""Headings whose section the fixes of a pass empty go with it.

No rule can see this on its own: a promo line goes by one rule, the link list
after it by another, perhaps in a later pass, and only then is the heading left
over them standing alone. So the engine asks, after choosing a pass's edits:
does some heading have content under it that these edits remove entirely? Then
one edit removes the heading and its section, seams included, in place of the
edits inside it. A heading with nothing under it in the first place, or whose
section keeps a block, stays. A short label line ("Temas en esta nota:", or a share or tag
row's label without its colon, "__Partager") is read the same way, as the heading of the one
block right after it.
"""

from __future__ import annotations

import functools
import itertools
import re

from .document import Document, Node
from .models import Edit
from .removal import remove_blocks


def absorb_emptied_sections(doc: Document, edits: list[Edit]) -> list[Edit]:
    """The pass's edits, with each heading whose whole section they remove removed too."""
    if not edits:
        return edits
    result = sorted(edits, key=lambda e: (e.start, e.end))
    for heading, last in _sections(doc):
        section_start = doc.node_span(heading)[1]
        section_end = doc.node_span(last)[1]
        if _covers(doc, result, section_start, section_end):
            result = _absorb(doc, result, heading, last)
    for label, block, following in _labels(doc):
        if not _covers(doc, result, doc.node_span(label)[1], doc.node_span(block)[1]):
            continue
        # The block goes alone: when the block after it goes too, the label may name the run
        # ("Markdown Content:" over a site's header and its menu).
        if following is None or not _covers(doc, result, *doc.node_span(following)):
            result = _absorb(doc, result, label, block)
    return result


def _absorb(doc: Document, edits: list[Edit], heading: Node, last: Node) -> list[Edit]:
    """``edits`` (sorted) with those inside the removal of ``heading``..``last`` made one edit."""
    whole, inside = _whole_removal(doc, edits, heading, last)
    if not inside or any(e.replacement for e in inside):
        return edits  # an edit that also writes (a seam it repairs) is not one to swallow
    merged = Edit(
        min([whole.start] + [e.start for e in inside]),
        max([whole.end] + [e.end for e in inside]),
    )
    return sorted([e for e in edits if e not in inside] + [merged], key=lambda e: (e.start, e.end))


def _whole_removal(
    doc: Document, edits: list[Edit], heading: Node, last: Node
) -> tuple[Edit, list[Edit]]:
    """The removal of a heading's section, from the first block of the run of removed blocks it
    ends, and the edits inside it."""
    # When edits of this pass also remove the blocks before the heading, the whole run goes
    # as one removal, so that its seams are those of one removal (a run that ends the file
    # takes the blank lines in front of it, not just those the first edit left).
    first = heading
    while True:
        whole = remove_blocks(doc, first, last)
        inside = [e for e in edits if e.start < whole.end and whole.start < e.end]
        earlier = _first_removed(doc, first, min([whole.start] + [e.start for e in inside]))
        if earlier is first:
            return whole, inside
        first = earlier


def _first_removed(doc: Document, first: Node, start: int) -> Node:
    """The first top-level block from ``start`` on: ``first``, or a block before it an edit removes."""
    for node in doc.root.children:
        if node is first or doc.node_span(node)[0] >= start:
            return node
    return first


def _sections(doc: Document) -> list[tuple[Node, Node]]:
    """Top-level headings with content under them, and the last block of that content.

    The content ends at the next heading; a section whose next heading is deeper
    opens subsections, and its heading stays whatever happens to its text.
    """
    from .matchers.linkblocks import heading_level  # one reading of heading levels

    found = []
    children = doc.root.children
    for i, node in enumerate(children):
        if node.kind != "heading":
            continue
        j = i + 1
        while j < len(children) and children[j].kind != "heading":
            j += 1
        if j == i + 1:
            continue
        if j < len(children) and heading_level(doc, children[j]) > heading_level(doc, node):
            continue
        found.append((node, children[j - 1]))
    return found


_LABEL = re.compile(r"[*_\s]*(?P<words>[^\n:：\[\]()!<>`]{1,60}?)\s*[:：][*_\s]*")


def _labels(doc: Document) -> list[tuple[Node, Node, Node | None]]:
    """Short label lines ("Temas en esta nota:", "**MÁS INFORMACIÓN:**", "相关阅读：") and the
    one block each introduces (and the block after that, if any): a label is that block's
    heading, and goes when it goes alone."""
    found = []
    children = doc.root.children
    for i, (node, after) in enumerate(itertools.pairwise(children)):
        if node.kind != "paragraph" or after.kind == "heading":
            continue
        # What follows the block must be what no label introduces (text, a rule, the end; over a
        # heading, "Markdown Content:" labels the page):
        # "Run:" over a code gutter and its code introduces the code, not the gutter.
        if i + 2 < len(children) and children[i + 2].kind not in _NOT_INTRODUCED:
            continue
        # A label names a widget of links (a share row, a tag row) or markup (an ad's slot);
        # over text or numbers, a label introduces what they stand for ("Run:" over a gutter).
        if after.kind != "html_block" and not _links_alone(doc, after):
            continue
        if _short_label(doc, node):
            found.append((node, after, children[i + 2] if i + 2 < len(children) else None))
    return found


def _links_alone(doc: Document, node: Node) -> bool:
    """Whether a block holds links alone, read as the converter meant it (a share row whose
    long targets html2text wrapped is one)."""
    from .matchers.healed_links import healed_skeleton
    from .matchers.linkblocks import link_list  # one reading of link blocks

    if link_list(doc, node) is not None:
        return True
    if node.kind != "paragraph":
        return False
    skel = healed_skeleton(doc, node)
    return skel is not None and bool(skel.links) and skel.link_only


def _short_label(doc: Document, node: Node) -> bool:
    """Whether the paragraph is a label line of at most ``_LABEL_WORDS`` words ("Tags:"), or a
    share or tag row's own label without its colon ("Partager", "COMPARTIR NOTA", "分享")."""
    from .matchers.link_target_row import label_words  # one count of a label's words

    start, end = doc.node_span(node)
    match = _LABEL.fullmatch(doc.text, start, end)
    if match is not None:
        return label_words(match.group("words")) <= _LABEL_WORDS
    return end - start <= _LABEL_CHARACTERS and _row_label(doc.text[start:end])


def _row_label(text: str) -> bool:
    """Whether a short line is a share or tag row's label and nothing else (an icon font's
    remnant around it, "__Partager", counts as nothing)."""
    from .matchers.phrase_lists import fold_width

    return _row_label_pattern().fullmatch(" ".join(fold_width(text).split())) is not None


@functools.cache
def _row_label_pattern() -> re.Pattern[str]:
    """The share and tag rows' labels, read from their phrase lists once (on first use: most
    pages hold no label line)."""
    from .matchers.phrase_lists import phrase_pattern

    phrases = phrase_pattern({"phrases": list(_ROW_LABEL_LISTS)})
    return re.compile(rf"[\W_]*(?:{phrases})[\W_]*", re.IGNORECASE)


_LABEL_WORDS = 5
_LABEL_CHARACTERS = 40
_ROW_LABEL_LISTS = ("share-labels", "tag-labels")
_NOT_INTRODUCED = ("paragraph", "hr")


def _covers(doc: Document, edits: list[Edit], start: int, end: int) -> bool:
    """Whether deletions in ``edits`` remove every non-blank character of ``text[start:end]``."""
    text = doc.text
    position = start
    for edit in edits:
        if edit.end <= position or edit.replacement.strip():
            continue
        if edit.start > position and text[position : min(edit.start, end)].strip():
            return False
        position = max(position, edit.end)
        if position >= end:
            return True
    return not text[position:end].strip()
