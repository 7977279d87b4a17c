"""How a fix removes a block or a span without disturbing what is around it.

A removed block takes the blank lines it leaves behind, so the blocks around
it keep the separation they had; a container left with nothing in it (a list
item, a quote) goes with it. These are the only places that decide seams, so
every rule removes the same way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence

from .document import Document, Node
from .markup import sub_closed
from .models import Edit

_TAG = re.compile(r"<[^>]*>")
_CONTAINER_MARKS = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?)+")
_WORD = re.compile(r"\w")


def removal_target(doc: Document, node: Node) -> Node:
    """The node to remove so that no empty container is left behind."""
    while node.parent is not None and node.parent.kind != "root" and len(node.parent.children) == 1:
        node = node.parent
    return node


def remove_blocks(doc: Document, first: Node, last: Node | None = None) -> Edit:
    """Remove sibling blocks ``first``..``last`` (one block when ``last`` is None) with their seams."""
    first, last = _removed_run(doc, first, last or first)
    following = last.next_sibling
    if following is not None:
        return _remove_before(doc, first, last, following)
    end_line = doc.content_end_line(last)
    previous = first.previous_sibling
    if previous is not None:
        # The last block of its container: take the blank lines in front of it instead.
        start = doc.line_offset(doc.content_end_line(previous))
        end = doc.line_offset(end_line)
        if (
            end == len(doc.text)
            and doc.line_break(end_line - 1) == ""
            and not _ends_in_code(previous)
        ):
            # The file did not end with a line break: do not leave one behind. (After code the
            # break is the code block's own: taking it would touch the code, so it stays.)
            start = doc.line_end(doc.content_end_line(previous) - 1)
        return Edit(start, end)
    # The only block of the document: the blank lines after it go too (what follows them, a link
    # reference definition that makes no block, stays).
    line = max(end_line, last.end_line)
    while line < doc.line_count and doc.line_text(line).strip() == "":
        line += 1
    return Edit(doc.line_offset(first.start_line), doc.line_offset(line))


def _ends_in_code(node: Node) -> bool:
    """Whether a block's last leaf is a code block (fenced or indented), its line break its own."""
    while node.children:
        node = node.children[-1]
    return node.kind in ("fence", "code_block")


def _removed_run(doc: Document, first: Node, last: Node) -> tuple[Node, Node]:
    """The first and last node to remove: a container the run fills (or a lone block is all of)
    goes instead of the run."""
    if first is last:
        target = removal_target(doc, first)
        return target, target
    parent = first.parent
    if (
        parent is not None
        and parent.kind != "root"
        and parent.children[0] is first
        and parent.children[-1] is last
    ):
        # The run is all the container holds: remove the container.
        target = removal_target(doc, parent)
        return target, target
    return first, last


def _remove_before(doc: Document, first: Node, last: Node, following: Node) -> Edit:
    """Remove ``first``..``last``, followed by ``following``: keep the separator in front of the
    run, drop the one behind it."""
    previous = first.previous_sibling
    start_line = first.start_line
    gap_before = start_line - (doc.content_end_line(previous) if previous else start_line)
    gap_after = following.start_line - doc.content_end_line(last)
    if previous is not None and gap_before == 0 and gap_after > 0:
        # Nothing separated the block from what came before: keep the blank lines after it.
        return Edit(doc.line_offset(start_line), doc.line_offset(doc.content_end_line(last)))
    if (
        previous is not None
        and gap_before == gap_after == 0
        and _would_continue(previous, following)
    ):
        # The block interrupted a paragraph that what follows would now continue: leave a blank line.
        prefix = _container_prefix(doc, start_line, first)
        return Edit(
            doc.line_offset(start_line),
            doc.line_offset(following.start_line),
            prefix + doc.line_break(start_line),
        )
    return Edit(doc.line_offset(start_line), doc.line_offset(following.start_line))


def _would_continue(previous: Node, following: Node) -> bool:
    """Whether ``following``, brought up against the paragraph ``previous``, would continue it."""
    return previous.kind == "paragraph" and following.kind in (
        "paragraph",
        "html_block",
        "code_block",
    )


def _container_prefix(doc: Document, line: int, node: Node) -> str:
    """The container marks (``>``) at the start of a line, without the content or trailing spaces."""
    text = doc.line_text(line)
    content = doc.content(node)
    if content is not None and content.source_starts:
        column = content.source_starts[0] - doc.line_offset(line)
        return text[:column].rstrip()
    return text[: len(text) - len(text.lstrip(" >"))].rstrip()


def remove_span(doc: Document, start: int, end: int) -> Edit:
    """Remove an inline span; lines it fills go with their break, and no double space is left."""
    text = doc.text
    first_line = doc.position(start)[0] - 1
    last_line = doc.position(max(end - 1, start))[0] - 1
    line_start = doc.line_offset(first_line)
    line_end = doc.line_end(last_line)
    before = text[line_start:start]
    after = text[end:line_end]
    if before.strip(" \t>") == "" and after.strip() == "":
        return Edit(line_start, doc.line_offset(last_line + 1))
    if after.strip() == "":
        while start > line_start and text[start - 1] in " \t":
            start -= 1
        return Edit(start, line_end)
    stop = end
    while stop < line_end and text[stop] in " \t":
        stop += 1
    return Edit(start, stop)


def seam_variants(doc: Document, edits: Sequence[Edit]) -> Iterator[tuple[Edit, ...]]:
    """Other ways to make the same removal, for when its plain seam would change what is around it.

    Each variant changes one edit: it keeps a blank line where the removed lines were (so
    that the blocks around them stay apart: a paragraph does not become a setext heading
    over a ``---`` that was a thematic break), or it takes with it the rest of the HTML
    block the removed lines opened, when that rest is only markup (closing tags, a stray
    fence line the ad's block held) and no word a reader saw, or it keeps the quote or list
    marks the removed lines start with, so that the line after them (a lazy continuation)
    stays in the quote or list item it was in, or, for a span that is all a list item or
    quote line holds, it takes the line with its marks (an empty ``1.`` would turn into text).
    """
    for i, edit in enumerate(edits):
        for variant in (
            _keeping_blank_line(doc, edit),
            _with_html_rest(doc, edit),
            _keeping_marks(doc, edit),
            _with_bare_marks(doc, edit),
        ):
            if variant is not None and variant != edit:
                yield (*edits[:i], variant, *edits[i + 1 :])


def _whole_lines(doc: Document, edit: Edit) -> tuple[int, int] | None:
    """The 0-based lines ``first``..``last`` an edit removes whole; None for any other edit."""
    if edit.replacement or edit.start >= edit.end:
        return None
    first = doc.position(edit.start)[0] - 1
    last = doc.position(edit.end - 1)[0] - 1
    if doc.line_offset(first) != edit.start or doc.line_offset(last + 1) != edit.end:
        return None
    return first, last


def _keeping_blank_line(doc: Document, edit: Edit) -> Edit | None:
    """The removal, leaving the container marks and line break of its last line: a blank line."""
    lines = _whole_lines(doc, edit)
    if lines is None:
        return None
    first, last = lines
    before_blank = first == 0 or doc.line_text(first - 1).strip(" \t>") == ""
    after_blank = last + 1 >= doc.line_count or doc.line_text(last + 1).strip(" \t>") == ""
    if before_blank or after_blank:
        return None  # a blank line already keeps them apart: another one is MD012's to flag
    text = doc.line_text(first)
    prefix = text[: len(text) - len(text.lstrip(" >"))].rstrip()
    return Edit(edit.start + len(prefix), edit.end - len(doc.line_break(last)))


def _keeping_marks(doc: Document, edit: Edit) -> Edit | None:
    """The removal, leaving the container marks its first line starts with (``> ``, ``- ``)."""
    lines = _whole_lines(doc, edit)
    if lines is None:
        return None
    marks = _CONTAINER_MARKS.match(doc.line_text(lines[0]))
    if marks is None or lines[1] + 1 >= doc.line_count or _is_blank_line(doc, lines[1] + 1):
        return None
    return Edit(edit.start + marks.end(), edit.end)


def _with_bare_marks(doc: Document, edit: Edit) -> Edit | None:
    """The removal of a span, extended to its whole lines when they hold nothing else but container marks."""
    if edit.replacement or edit.start >= edit.end or _whole_lines(doc, edit) is not None:
        return None
    first = doc.position(edit.start)[0] - 1
    last = doc.position(edit.end - 1)[0] - 1
    before = doc.text[doc.line_offset(first) : edit.start]
    after = doc.text[edit.end : doc.line_end(last)]
    if after.strip() or (before.strip() and _CONTAINER_MARKS.fullmatch(before) is None):
        return None
    return Edit(doc.line_offset(first), doc.line_offset(last + 1))


def _is_blank_line(doc: Document, line: int) -> bool:
    return doc.line_text(line).strip(" \t>") == ""


def _with_html_rest(doc: Document, edit: Edit) -> Edit | None:
    """The removal, extended over the rest of the HTML block it starts in, when that rest has no words."""
    lines = _whole_lines(doc, edit)
    if lines is None:
        return None
    first, last = lines
    block = next((n for n in doc.leaves("html_block") if n.start_line <= first < n.end_line), None)
    if block is None or last + 1 >= block.end_line:
        return None
    removed = doc.text[edit.start : edit.end]
    rest_end = doc.line_offset(block.end_line)
    if _visible(removed + doc.text[edit.end : rest_end]) != _visible(removed):
        return None  # the rest holds text a reader saw: it is not the ad's to take
    if first == block.start_line:
        return remove_blocks(doc, block)
    return Edit(edit.start, rest_end)


def _visible(html: str) -> str:
    """The words of an HTML fragment outside its tags."""
    return "".join(_WORD.findall(sub_closed(_TAG, " ", html)))


_BRACKETED = re.compile(r"\[([^\[\]]{0,999})\]")


def with_orphaned_definitions(
    doc: Document, edits: Sequence[Edit], junk_target: Callable[[str], bool]
) -> tuple[Edit, ...]:
    """``edits``, plus the removal of the link reference definitions they leave unused: a
    definition every use of which the edits remove (``[Tweet][tw]`` in a share row) and
    whose target is junk by ``junk_target`` (a share or log-in endpoint). A definition used
    anywhere else, pointing at anything else, or inside a container, stays."""
    if not _may_orphan(doc, edits):
        return tuple(edits)  # no definition, or no use among what goes: no parse asked for
    junk = _junk_definitions(doc, junk_target)
    lines = _orphaned_lines(doc, edits, junk) if junk else set()
    if not lines:
        return tuple(edits)
    return _merged([*edits, *(_lines_edit(doc, a, b) for a, b in _runs(sorted(lines)))])


def _may_orphan(doc: Document, edits: Sequence[Edit]) -> bool:
    """Whether the text holds a definition and what goes a bracket (read on the raw text)."""
    return "]:" in doc.text and any("[" in doc.text[e.start : e.end] for e in edits)


def _junk_definitions(
    doc: Document, junk_target: Callable[[str], bool]
) -> dict[str, tuple[int, int]]:
    """The lines (first, end) of each definition whose target is junk, by its label."""
    doc.tokens  # noqa: B018 (the parse fills ``env`` with the definitions)
    references = doc.env.get("references")
    if not references:
        return {}
    return {
        label: definition.get("map") or (0, 0)
        for label, definition in references.items()
        if "\\" not in label and junk_target(str(definition.get("href", "")))
    }


def _orphaned_lines(
    doc: Document, edits: Sequence[Edit], junk: dict[str, tuple[int, int]]
) -> set[int]:
    """The lines of the junk definitions every use of which ``edits`` remove."""
    removed = [e for e in edits if not e.replacement and e.start < e.end]
    uses = _label_uses(doc.text)
    lines: set[int] = set()
    for label, (first, end) in junk.items():
        if _orphaned(doc, uses.get(label, []), removed, (first, end)):
            lines.update(range(first, end))
    return lines


def _orphaned(doc: Document, uses: list[int], removed: list[Edit], span: tuple[int, int]) -> bool:
    """Whether a definition on lines ``span`` is used, only where ``removed`` goes, and stands
    outside any block."""
    first, end = span
    spans = [s for s in uses if not _on_lines(doc, s, first, end)]
    taken = all(any(e.start <= s < e.end for e in removed) for s in spans)
    return bool(spans) and taken and not _in_a_block(doc, first, end)


@functools.lru_cache(maxsize=4)
def _label_uses(text: str) -> dict[str, list[int]]:
    """Where each bracketed text stands, by its label as Markdown normalizes labels (read once
    per text: every finding of a page asks)."""
    uses: dict[str, list[int]] = {}
    for m in _BRACKETED.finditer(text):
        label = " ".join(m.group(1).split()).lower().upper()
        uses.setdefault(label, []).append(m.start())
    return uses


def _on_lines(doc: Document, offset: int, first: int, end: int) -> bool:
    return doc.line_offset(first) <= offset < doc.line_offset(end)


def _in_a_block(doc: Document, first: int, end: int) -> bool:
    """Whether lines ``first``..``end`` lie in a block (a quote's or a list item's definition)."""
    return any(n.start_line < end and first < n.end_line for n in doc.root.children)


def _runs(lines: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive lines as (first, end) ranges."""
    start = previous = lines[0]
    for line in lines[1:]:
        if line != previous + 1:
            yield start, previous + 1
            start = line
        previous = line
    yield start, previous + 1


def remove_lines(doc: Document, first: int, end: int) -> Edit:
    """Remove lines ``first``..``end`` (0-based, ``end`` excluded) with their seam (see
    ``_lines_edit``): for rules that remove what a line reading found, not a block."""
    return _lines_edit(doc, first, end)


def line_runs(lines: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted line numbers as runs of consecutive lines, (first, end)."""
    return _runs(lines)


def _lines_edit(doc: Document, first: int, end: int) -> Edit:
    """Lines ``first``..``end`` removed with their seam: the blank lines after them when blank
    lines also stand before them, every blank line before them when nothing follows."""
    after = end
    while after < doc.line_count and doc.line_text(after).strip() == "":
        after += 1
    if after >= doc.line_count:
        before = first
        while before > 0 and doc.line_text(before - 1).strip() == "":
            before -= 1
        return Edit(doc.line_offset(before), len(doc.text))
    blank_before = first == 0 or doc.line_text(first - 1).strip() == ""
    return Edit(doc.line_offset(first), doc.line_offset(after if blank_before else end))


def _merged(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """Removals that meet or overlap joined into one (an edit that replaces stays apart)."""
    result: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        last = result[-1] if result else None
        plain = not (edit.replacement or edit.code_caption)
        if (
            last is not None
            and plain
            and not last.replacement
            and not last.code_caption
            and edit.start <= last.end
        ):
            result[-1] = Edit(last.start, max(last.end, edit.end))
        else:
            result.append(edit)
    return tuple(result)
