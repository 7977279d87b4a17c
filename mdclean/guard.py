"""The rendering guard: what a fix pass did not remove must render as it did.

mdformat checks that its output renders to the HTML its input did; a fix removes
things, so the same check is made on what it leaves: every block of the text
before the pass that no edit touched (a *survivor*) must still be there, starting
on the line its bytes moved to, of the same kind, with the same content as
markdown-it reads it (the content, heading level, fence info, list tightness,
which together decide its HTML), inside the same kinds of containers; two
survivors must not end up in one block, nor the blocks of two containers in one
container; and no text may become code that was not code. Blocks an edit touched
may change (that is the fix), except into code.

Survivors that become front matter are let through when the text before the
pass already opened with a front matter delimiter after blank lines or a BOM:
making it front matter again is what the front matter fixes are for.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from .document import CODE_KINDS, Document
from .models import Edit

_CONTAINER_OPENS = {"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"}
_CONTAINER_CLOSES = {
    "blockquote_close",
    "bullet_list_close",
    "ordered_list_close",
    "list_item_close",
}
_SINGLE_LEAVES = {"html_block", "fence", "code_block", "hr"}
_KIND_NAMES = {
    "paragraph": "paragraph",
    "heading": "heading",
    "html_block": "HTML block",
    "fence": "fenced code block",
    "code_block": "indented code block",
    "hr": "thematic break",
    "table": "table",
    "blockquote": "quote",
    "bullet_list": "list",
    "ordered_list": "list",
    "list_item": "list item",
}


@dataclass(frozen=True, slots=True)
class _Leaf:
    kind: str
    start: int
    """0-based first line."""
    end: int
    """0-based line after its last one."""
    rendering: tuple[tuple[object, ...], ...]
    """What markdown-it renders the block from: each of its tokens' type, tag, attributes, content,
    info, markup and whether it is hidden (a paragraph in a tight list)."""
    containers: tuple[int, ...]
    """The index of each container token around it, outermost first (identity within its text)."""
    container_kinds: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Layout:
    leaves: tuple[_Leaf, ...]
    front_matter_end: int
    """The line after the front matter (0: none)."""
    containers: tuple[tuple[int, str, int, int], ...] = ()
    """Each container: its token's index, type, first line and the line after its last."""


def _token_rendering(token: Token) -> tuple[object, ...]:
    attrs = tuple(sorted(token.attrs.items())) if token.attrs else ()
    return (token.type, token.tag, attrs, token.content, token.info, token.markup, token.hidden)


def _layout(doc: Document) -> _Layout:
    """Every leaf block of a document with what it renders from and the containers around it."""
    cache = doc.shared("guard")
    if "layout" in cache:
        return cache["layout"]
    tokens = doc.tokens
    leaves: list[_Leaf] = []
    containers: list[tuple[int, str, int, int]] = []
    stack: list[int] = []
    front_matter_end = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if kind in _CONTAINER_OPENS:
            stack.append(i)
            if token.map is not None:
                containers.append((i, kind, token.map[0], token.map[1]))
        elif kind in _CONTAINER_CLOSES:
            stack.pop()
        elif kind == "front_matter" and token.map is not None:
            front_matter_end = token.map[1]
        elif token.map is not None and (kind in _SINGLE_LEAVES or kind.endswith("_open")):
            first = i
            if kind.endswith("_open"):
                close, depth = kind[: -len("_open")] + "_close", 1
                while depth:
                    i += 1
                    depth += (tokens[i].type == kind) - (tokens[i].type == close)
                kind = kind[: -len("_open")]
            leaves.append(
                _Leaf(
                    kind,
                    token.map[0],
                    token.map[1],
                    tuple(_token_rendering(t) for t in tokens[first : i + 1]),
                    tuple(stack),
                    tuple((tokens[c].type, tokens[c].markup) for c in stack),
                )
            )
        i += 1
    layout = cache["layout"] = _Layout(tuple(leaves), front_matter_end, tuple(containers))
    return layout


class _Shift:
    """Where a byte that no edit touched moves to once the edits are applied."""

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.edits]
        deltas, total = [], 0
        for edit in self.edits:
            total += len(edit.replacement) - (edit.end - edit.start)
            deltas.append(total)
        self.deltas = deltas

    def touches(self, start: int, end: int) -> bool:
        """Whether an edit removes or replaces a byte of ``start..end``, or inserts inside it."""
        # Edits never overlap: of those starting before ``end``, only the last can reach past ``start``.
        i = bisect.bisect_left(self.starts, end) - 1
        if i < 0:
            return False
        edit = self.edits[i]
        # Text written at its very start joins it, unless it ends a line of its own.
        return edit.end > start or (
            edit.start == start
            and not edit.replacement.endswith(("\n", "\r"))
            and edit.replacement != ""
        )

    def covers(self, start: int, end: int) -> bool:
        """Whether the edits remove or replace every byte of ``start..end``."""
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        position = start
        while i < len(self.edits) and position < end:
            edit = self.edits[i]
            if edit.start > position:
                return False
            position = max(position, edit.end)
            i += 1
        return position >= end

    def moved(self, offset: int) -> int:
        i = (
            bisect.bisect_right(self.starts, offset) - 1
        )  # the last edit before it (none touches it)
        return offset + (self.deltas[i] if i >= 0 else 0)


def check(before: Document, after: Document, edits: Sequence[Edit]) -> str | None:
    """Why ``after`` (``before`` with ``edits`` applied) renders what the edits left differently;
    None when it does not."""
    old, new = _layout(before), _layout(after)
    shift = _Shift(edits)
    by_start = {leaf.start: leaf for leaf in new.leaves}
    images: set[int] = set()
    container_image: dict[int, int] = {}
    container_origin: dict[int, int] = {}
    front_matter_meant = _opens_with_front_matter(before)
    if new.front_matter_end and not old.front_matter_end and not front_matter_meant:
        return "removing it would turn the text at the top into front matter"
    spacing: str | None = None
    for leaf in old.leaves:
        if leaf.start < old.front_matter_end:
            continue  # front matter renders nothing
        start, end = before.line_offset(leaf.start), before.line_offset(leaf.end)
        if shift.touches(start, end):
            if leaf.kind in CODE_KINDS:
                return f"removing it would change the code on line {leaf.start + 1}"
            continue
        moved = shift.moved(start)
        line = after.position(moved)[0] - 1 if moved < len(after.text) else after.line_count
        where = f"the {_KIND_NAMES.get(leaf.kind, leaf.kind)} on line {leaf.start + 1}"
        if front_matter_meant and line < new.front_matter_end:
            continue
        image = by_start.get(line)
        if image is None or after.line_offset(line) != moved:
            return f"removing it would join {where} to the block before it"
        if image.kind != leaf.kind:
            return (
                f"removing it would turn {where} into a {_KIND_NAMES.get(image.kind, image.kind)}"
            )
        if id(image) in images or image.end - image.start != leaf.end - leaf.start:
            return f"removing it would join {where} to another block"
        if image.rendering != leaf.rendering:
            if _unhidden(image.rendering) != _unhidden(leaf.rendering):
                return f"removing it would change {where}"
            # Only a list's tightness changed: say why, if a list joined another (found below).
            spacing = spacing or f"removing it would change the spacing of the list around {where}"
        if image.container_kinds != leaf.container_kinds:
            return f"removing it would move {where} into or out of a list or quote"
        images.add(id(image))
        for old_container, new_container, (kind, _) in zip(
            leaf.containers, image.containers, leaf.container_kinds
        ):
            name = _KIND_NAMES.get(kind[: -len("_open")], kind)
            if container_image.setdefault(old_container, new_container) != new_container:
                return f"removing it would split the {name} around {where}"
            if container_origin.setdefault(new_container, old_container) != old_container:
                return f"removing it would join the {name} around {where} to the one before it"
    origin = _Origins(before, after, shift)
    starts = [leaf.start for leaf in old.leaves]
    for leaf in new.leaves:
        if id(leaf) in images:
            continue
        if leaf.kind in CODE_KINDS:
            return "removing it would turn the text it leaves into code"
        # What is left of a block the edits touched stays where it was, and a paragraph stays one.
        line = origin.source_line(leaf.start, leaf.end)
        i = bisect.bisect_right(starts, line) - 1 if line is not None else -1
        source = old.leaves[i] if i >= 0 and line is not None and line < old.leaves[i].end else None
        if source is None:
            continue
        if leaf.container_kinds != source.container_kinds:
            return (
                f"removing it would move what it leaves of the {_KIND_NAMES.get(source.kind, source.kind)} "
                f"on line {source.start + 1} into or out of a list or quote"
            )
        if source.kind != "html_block" and leaf.kind != source.kind:
            return (
                f"removing it would turn what it leaves of the {_KIND_NAMES.get(source.kind, source.kind)} "
                f"on line {source.start + 1} into a {_KIND_NAMES.get(leaf.kind, leaf.kind)}"
            )
        if (
            source.kind == "html_block"
            and leaf.kind == "heading"
            and leaf.rendering[0][5] in ("=", "-")
        ):
            # Freed text may be the author's ``## Heading``, but an underline is as likely a list
            # marker or a break the ad's block held: no setext heading is made of it.
            return (
                f"removing it would turn what it leaves of the HTML block on line {source.start + 1} "
                f"into a heading"
            )
        if (
            source.kind == "paragraph" == leaf.kind
            and source.rendering[0][-1] != leaf.rendering[0][-1]
        ):
            spacing = (
                spacing
                or f"removing it would change the spacing of the list around the paragraph "
                f"on line {source.start + 1}"
            )
        for old_container, new_container in zip(source.containers, leaf.containers):
            if (
                container_image.setdefault(old_container, new_container) != new_container
                or container_origin.setdefault(new_container, old_container) != old_container
            ):
                return (
                    f"removing it would join or split the list or quote around the "
                    f"{_KIND_NAMES.get(source.kind, source.kind)} on line {source.start + 1}"
                )
    holding = {index for leaf in old.leaves for index in leaf.containers}
    for index, kind, first, last in old.containers:
        if index in container_image or index not in holding or first < old.front_matter_end:
            continue  # (a list item empty in the first place is no loss)
        while last - 1 > first and _is_blank(before, last - 1):
            last -= 1  # (markdown-it counts the blank lines after a list item in it)
        start, end = before.line_offset(first), before.line_end(last - 1)
        if (
            front_matter_meant
            and new.front_matter_end
            and after.position(min(shift.moved(start), len(after.text) - 1))[0] - 1
            < new.front_matter_end
        ):
            continue  # (made front matter, as the front matter fixes mean to)
        if not shift.covers(start, end):
            name = _KIND_NAMES.get(kind[: -len("_open")], kind)
            return f"removing it would leave the marks of the {name} on line {first + 1} with nothing in it"
    return spacing or _new_blank_line_problem(before, after, new, images, origin)


def _unhidden(rendering: tuple[tuple[object, ...], ...]) -> tuple[tuple[object, ...], ...]:
    return tuple(token[:-1] for token in rendering)


def _opens_with_front_matter(doc: Document) -> bool:
    """Whether the text's first non-blank line is a front matter delimiter (after a BOM)."""
    for line in range(min(doc.line_count, 50)):
        text = doc.line_text(line).lstrip("\ufeff").strip()
        if text:
            return text in ("---", "+++")
    return False


def _is_blank(doc: Document, line: int) -> bool:
    return doc.line_text(line).strip(" \t>") == ""


def _new_blank_line_problem(
    before: Document, after: Document, new: _Layout, survivors: set[int], origin: _Origins
) -> str | None:
    """What markdownlint and rumdl would flag that the edits bring about: two blank lines in a row
    (MD012), a heading with no blank line above or below it (MD022), more than one line break at
    the end (MD047). Two lines are new neighbours unless they were neighbours before, untouched;
    a heading the edits made (text freed from a removed HTML block) needs its blank lines anyway."""
    ends_blank = after.text.endswith(("\n\n", "\r\n\r\n", "\r\r"))
    if ends_blank and not before.text.endswith(("\n\n", "\r\n\r\n", "\r\r")):
        return "removing it would leave more than one line break at the end"

    def new_neighbours(line: int) -> bool:
        """Whether ``line`` and the one after it were not neighbours before the edits."""
        above = origin.get(line)
        return above is None or origin.get(line + 1) != above + 1

    code = {
        line
        for leaf in new.leaves
        if leaf.kind in CODE_KINDS
        for line in range(leaf.start, leaf.end)
    }
    for line in range(after.line_count - 1):
        if (
            line not in code
            and line + 1 not in code
            and _is_blank(after, line)
            and _is_blank(after, line + 1)
            and new_neighbours(line)
        ):
            return (
                f"removing it would leave two blank lines in a row (line {line + 1} of the result)"
            )
    for leaf in new.leaves:
        if leaf.kind != "heading":
            continue
        made = id(leaf) not in survivors
        if (
            (leaf.start > new.front_matter_end
            and not _is_blank(after, leaf.start - 1)
            and (made or new_neighbours(leaf.start - 1)))
            or (leaf.end < after.line_count
            and not _is_blank(after, leaf.end)
            and (made or new_neighbours(leaf.end - 1)))
        ):
            return f"removing it would leave the heading on line {leaf.start + 1} of the result without a blank line around it"
    return None


class _Origins:
    """For a line of ``after`` that is a line of ``before`` no edit touched, that line of ``before``
    (None for any other line); worked out per line asked for, not for the whole text."""

    def __init__(self, before: Document, after: Document, shift: _Shift) -> None:
        self.before, self.after, self.shift = before, after, shift
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        for edit, delta in zip(shift.edits, shift.deltas):
            end = edit.end + delta  # where the edit's replacement ends in ``after``
            self.new_starts.append(end - len(edit.replacement))
            self.new_ends.append(end)

    def source_line(self, first: int, end: int) -> int | None:
        """The line of ``before`` that some untouched byte of lines ``first``..``end`` of ``after`` was on."""
        for line in range(first, min(end, self.after.line_count)):
            for offset in (self.after.line_offset(line), self.after.line_end(line) - 1):
                old = self.old_offset(offset)
                if old is not None and 0 <= old < len(self.before.text):
                    return self.before.position(old)[0] - 1
        return None

    def old_offset(self, offset: int) -> int | None:
        """Where a byte of ``after`` was in ``before``; None for a byte an edit wrote."""
        i = bisect.bisect_right(self.new_starts, offset) - 1
        if i >= 0 and offset < self.new_ends[i]:
            return None
        return offset - (self.shift.deltas[i] if i >= 0 else 0)

    def get(self, line: int) -> int | None:
        if line < 0 or line >= self.after.line_count:
            return None
        offset = self.after.line_offset(line)
        i = bisect.bisect_right(self.new_starts, offset) - 1
        if i >= 0 and offset < self.new_ends[i]:
            return None  # written by the edit
        old = offset - (self.shift.deltas[i] if i >= 0 else 0)
        old_line = (
            self.before.position(old)[0] - 1
            if old < len(self.before.text)
            else self.before.line_count
        )
        if (
            old_line >= self.before.line_count
            or self.before.line_offset(old_line) != old
            or self.shift.touches(old, self.before.line_offset(old_line + 1))
        ):
            return None
        return old_line
