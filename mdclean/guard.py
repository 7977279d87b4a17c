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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from markdown_it.token import Token

from .document import CODE_KINDS, Document
from .markup import is_markup_only, link_lines
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
        layout: _Layout = cache["layout"]
        return layout
    layout = cache["layout"] = _LayoutReader(doc.tokens).read()
    return layout


class _LayoutReader:
    """One walk over a document's block tokens, keeping the containers open at each point."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.leaves: list[_Leaf] = []
        self.containers: list[tuple[int, str, int, int]] = []
        self.stack: list[int] = []
        self.front_matter_end = 0

    def read(self) -> _Layout:
        i = 0
        while i < len(self.tokens):
            i = self._step(i) + 1
        return _Layout(tuple(self.leaves), self.front_matter_end, tuple(self.containers))

    def _step(self, i: int) -> int:
        """Read the token at ``i``; the index of the last token it took (a leaf takes its own)."""
        token = self.tokens[i]
        kind = token.type
        if kind in _CONTAINER_OPENS:
            self.stack.append(i)
            if token.map is not None:
                self.containers.append((i, kind, token.map[0], token.map[1]))
        elif kind in _CONTAINER_CLOSES:
            self.stack.pop()
        elif kind == "front_matter" and token.map is not None:
            self.front_matter_end = token.map[1]
        elif token.map is not None and (kind in _SINGLE_LEAVES or kind.endswith("_open")):
            return self._leaf(i, token.map)
        return i

    def _leaf(self, first: int, lines: list[int]) -> int:
        tokens = self.tokens
        kind = tokens[first].type
        last = first
        if kind.endswith("_open"):
            close, depth = kind[: -len("_open")] + "_close", 1
            while depth:
                last += 1
                depth += (tokens[last].type == kind) - (tokens[last].type == close)
            kind = kind[: -len("_open")]
        self.leaves.append(
            _Leaf(
                kind,
                lines[0],
                lines[1],
                tuple(_token_rendering(t) for t in tokens[first : last + 1]),
                tuple(self.stack),
                tuple((tokens[c].type, tokens[c].markup) for c in self.stack),
            )
        )
        return last


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

    def only_code_captions(self, start: int, end: int) -> bool:
        """Whether every edit that reaches into ``start..end`` removes a code button's caption."""
        reaching = [e for e in self.edits if e.start < end and e.end > start]
        return bool(reaching) and all(e.code_caption for e in reaching)

    def moved(self, offset: int) -> int:
        i = (
            bisect.bisect_right(self.starts, offset) - 1
        )  # the last edit before it (none touches it)
        return offset + (self.deltas[i] if i >= 0 else 0)


def check(
    before: Document, after: Document, edits: Sequence[Edit], *, page_spacing: bool = False
) -> str | None:
    """Why ``after`` (``before`` with ``edits`` applied) renders what the edits left differently;
    None when it does not."""
    return _Comparison(before, after, edits, page_spacing=page_spacing).problem()


def _first_problem(problems: Iterable[str | None]) -> str | None:
    """The first problem of a lazy sequence of checks (each check runs only if none before found one)."""
    return next((problem for problem in problems if problem is not None), None)


def _kind_name(kind: str) -> str:
    return _KIND_NAMES.get(kind, kind)


class _Comparison:
    """One check of ``after`` against ``before``: the blocks of both texts, and what the passes over
    them have matched so far (survivors to their images, containers to theirs)."""

    def __init__(
        self, before: Document, after: Document, edits: Sequence[Edit], *, page_spacing: bool
    ) -> None:
        self.before, self.after = before, after
        self.page_spacing = page_spacing
        """A heading the page wrote without a blank line on a side may get a new line of text
        there (the engine's second try, when no seam keeps the blank lines)."""
        self.old, self.new = _layout(before), _layout(after)
        self.shift = _Shift(edits)
        self.images: set[int] = set()
        """The ``id`` of each block of ``after`` that a survivor became."""
        self.container_image: dict[int, int] = {}
        self.container_origin: dict[int, int] = {}
        self.front_matter_meant = _opens_with_front_matter(before)
        self.spacing: str | None = None
        """A list's tightness changed: reported only when nothing worse is found."""

    def problem(self) -> str | None:
        origin = _Origins(self.before, self.after, self.shift)
        return (
            _first_problem(self._problems(origin))
            or self.spacing
            or _new_blank_line_problem(
                self.before, self.after, self.new, self.images, origin, self.page_spacing
            )
        )

    def _problems(self, origin: _Origins) -> Iterator[str | None]:
        """Each check in turn, survivors first: the later ones read what the earlier matched."""
        if (
            self.new.front_matter_end
            and not self.old.front_matter_end
            and not self.front_matter_meant
        ):
            yield "removing it would turn the text at the top into front matter"
        by_start = {leaf.start: leaf for leaf in self.new.leaves}
        for leaf in self.old.leaves:
            yield self._survivor_problem(leaf, by_start)
        starts = [leaf.start for leaf in self.old.leaves]
        for leaf in self.new.leaves:
            yield self._remainder_problem(leaf, origin, starts)
        for container in self.old.containers:
            yield self._emptied_container_problem(*container)

    # Survivors: blocks of ``before`` no edit touched.

    def _survivor_problem(self, leaf: _Leaf, by_start: dict[int, _Leaf]) -> str | None:
        if leaf.start < self.old.front_matter_end:
            return None  # front matter renders nothing
        before, after = self.before, self.after
        start, end = before.line_offset(leaf.start), before.line_offset(leaf.end)
        if self.shift.touches(start, end):
            return self._touched_code_problem(leaf, start, end)
        moved = self.shift.moved(start)
        line = after.position(moved)[0] - 1 if moved < len(after.text) else after.line_count
        where = f"the {_kind_name(leaf.kind)} on line {leaf.start + 1}"
        if self.front_matter_meant and line < self.new.front_matter_end:
            return None
        image = by_start.get(line)
        if image is None or after.line_offset(line) != moved:
            return f"removing it would join {where} to the block before it"
        problem = self._image_problem(leaf, image, where)
        if problem is not None:
            return problem
        self.images.add(id(image))
        return self._survivor_container_problem(leaf, image, where)

    def _touched_code_problem(self, leaf: _Leaf, start: int, end: int) -> str | None:
        """A fix may change any block it touches but code (save a code button's caption a
        converter wrote into it, ``Edit.code_caption``); it may remove whole an indented
        block of tags, which is a converter's indentation of HTML, and a code block whose
        twin stays on the page (a second copy of an article removed: no code is lost)."""
        if leaf.kind not in CODE_KINDS or self.shift.only_code_captions(start, end):
            return None
        if self.shift.covers(start, end) and (
            _is_indented_markup(leaf) or self._code_kept_elsewhere(leaf)
        ):
            return None
        return f"removing it would change the code on line {leaf.start + 1}"

    def _code_kept_elsewhere(self, leaf: _Leaf) -> bool:
        """Whether a block that stays holds the same code: the same rendering, or the same
        code as another kind of code block (an indented copy beside the fenced original)."""
        code = leaf.rendering[0][3]
        return any(
            kept.rendering == leaf.rendering
            or (kept.kind in CODE_KINDS and kept.rendering[0][3] == code)
            for kept in self.new.leaves
        )

    def _image_problem(self, leaf: _Leaf, image: _Leaf, where: str) -> str | None:
        """How the block a survivor became differs from it, if it does."""
        if image.kind != leaf.kind:
            return f"removing it would turn {where} into a {_kind_name(image.kind)}"
        if id(image) in self.images or image.end - image.start != leaf.end - leaf.start:
            return f"removing it would join {where} to another block"
        if image.rendering != leaf.rendering:
            if _unhidden(image.rendering) != _unhidden(leaf.rendering):
                return f"removing it would change {where}"
            # Only a list's tightness changed: say why, if a list joined another (found below).
            self.spacing = (
                self.spacing or f"removing it would change the spacing of the list around {where}"
            )
        if image.container_kinds != leaf.container_kinds:
            return f"removing it would move {where} into or out of a list or quote"
        return None

    def _survivor_container_problem(self, leaf: _Leaf, image: _Leaf, where: str) -> str | None:
        for old_container, new_container, (kind, _) in zip(
            leaf.containers, image.containers, leaf.container_kinds, strict=False
        ):
            name = _kind_name(kind[: -len("_open")])
            if self.container_image.setdefault(old_container, new_container) != new_container:
                return f"removing it would split the {name} around {where}"
            if self.container_origin.setdefault(new_container, old_container) != old_container:
                return f"removing it would join the {name} around {where} to the one before it"
        return None

    # Remainders: blocks of ``after`` that are what is left of a block the edits touched.

    def _remainder_problem(self, leaf: _Leaf, origin: _Origins, starts: list[int]) -> str | None:
        if id(leaf) in self.images:
            return None
        if leaf.kind in CODE_KINDS:
            return self._remainder_code_problem(leaf, origin, starts)
        # What is left of a block the edits touched stays where it was, and a paragraph stays one.
        source = self._source(leaf, origin, starts)
        if source is None:
            return None
        problem = self._remainder_change(leaf, source)
        if problem is not None:
            return problem
        if (
            source.kind == "paragraph" == leaf.kind
            and source.rendering[0][-1] != leaf.rendering[0][-1]
        ):
            self.spacing = (
                self.spacing
                or f"removing it would change the spacing of the list around the paragraph "
                f"on line {source.start + 1}"
            )
        return self._remainder_container_problem(leaf, source)

    def _remainder_code_problem(
        self, leaf: _Leaf, origin: _Origins, starts: list[int]
    ) -> str | None:
        """Code left by an edit is the code block it was, with only a button's caption gone."""
        source = self._source(leaf, origin, starts)
        if source is not None and source.kind == leaf.kind:
            start, end = self.before.line_offset(source.start), self.before.line_offset(source.end)
            if self.shift.only_code_captions(start, end):
                return None
        return "removing it would turn the text it leaves into code"

    def _source(self, leaf: _Leaf, origin: _Origins, starts: list[int]) -> _Leaf | None:
        """The block of ``before`` a remainder was part of, if any of its bytes is untouched."""
        line = origin.source_line(leaf.start, leaf.end)
        if line is None:
            return None
        i = bisect.bisect_right(starts, line) - 1
        return self.old.leaves[i] if i >= 0 and line < self.old.leaves[i].end else None

    @staticmethod
    def _remainder_change(leaf: _Leaf, source: _Leaf) -> str | None:
        if leaf.container_kinds != source.container_kinds:
            return (
                f"removing it would move what it leaves of the {_kind_name(source.kind)} "
                f"on line {source.start + 1} into or out of a list or quote"
            )
        if source.kind != "html_block" and leaf.kind != source.kind:
            return (
                f"removing it would turn what it leaves of the {_kind_name(source.kind)} "
                f"on line {source.start + 1} into a {_kind_name(leaf.kind)}"
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
        return None

    def _remainder_container_problem(self, leaf: _Leaf, source: _Leaf) -> str | None:
        for old_container, new_container in zip(source.containers, leaf.containers, strict=False):
            if (
                self.container_image.setdefault(old_container, new_container) != new_container
                or self.container_origin.setdefault(new_container, old_container) != old_container
            ):
                return (
                    f"removing it would join or split the list or quote around the "
                    f"{_kind_name(source.kind)} on line {source.start + 1}"
                )
        return None

    # Containers of ``before`` that lost every block they held.

    def _emptied_container_problem(
        self, index: int, kind: str, first: int, last: int
    ) -> str | None:
        holding = self._holding
        if (
            index in self.container_image
            or index not in holding
            or first < self.old.front_matter_end
        ):
            return None  # (a list item empty in the first place is no loss)
        while last - 1 > first and _is_blank(self.before, last - 1):
            last -= 1  # (markdown-it counts the blank lines after a list item in it)
        start, end = self.before.line_offset(first), self.before.line_end(last - 1)
        if self._made_front_matter(start):
            return None  # (made front matter, as the front matter fixes mean to)
        if not self.shift.covers(start, end):
            name = _kind_name(kind[: -len("_open")])
            return f"removing it would leave the marks of the {name} on line {first + 1} with nothing in it"
        return None

    @cached_property
    def _holding(self) -> set[int]:
        """The containers of ``before`` that hold a block."""
        return {index for leaf in self.old.leaves for index in leaf.containers}

    def _made_front_matter(self, start: int) -> bool:
        after = self.after
        return bool(
            self.front_matter_meant
            and self.new.front_matter_end
            and after.position(min(self.shift.moved(start), len(after.text) - 1))[0] - 1
            < self.new.front_matter_end
        )


def _is_indented_markup(leaf: _Leaf) -> bool:
    """An indented code block of HTML tags only: a converter's indentation of an element's inner
    levels (after a blank line), not code; a fix may remove it whole with its element. So is
    one of links alone, one a line (``link_lines``): a submenu html2text indented under its
    caption."""
    if leaf.kind != "code_block":
        return False
    code = str(leaf.rendering[0][3])
    return is_markup_only(code) or link_lines(code) is not None


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
    before: Document,
    after: Document,
    new: _Layout,
    survivors: set[int],
    origin: _Origins,
    page_spacing: bool = False,
) -> str | None:
    """What markdownlint and rumdl would flag that the edits bring about: two blank lines in a row
    (MD012), a heading with no blank line above or below it (MD022), more than one line break at
    the end (MD047). Two lines are new neighbours unless they were neighbours before, untouched;
    a heading the edits made (text freed from a removed HTML block) needs its blank lines anyway."""
    ends_blank = after.text.endswith(("\n\n", "\r\n\r\n", "\r\r"))
    if ends_blank and not before.text.endswith(("\n\n", "\r\n\r\n", "\r\r")):
        return "removing it would leave more than one line break at the end"
    kept = survivors if page_spacing else set()
    return _two_blank_lines_problem(after, new, origin) or _heading_spacing_problem(
        after, new, survivors, origin, kept
    )


def _new_neighbours(origin: _Origins, line: int) -> bool:
    """Whether ``line`` and the one after it were not neighbours before the edits."""
    above = origin.get(line)
    return above is None or origin.get(line + 1) != above + 1


def _two_blank_lines_problem(after: Document, new: _Layout, origin: _Origins) -> str | None:
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
            and _new_neighbours(origin, line)
        ):
            return (
                f"removing it would leave two blank lines in a row (line {line + 1} of the result)"
            )
    return None


def _heading_spacing_problem(
    after: Document, new: _Layout, survivors: set[int], origin: _Origins, kept: set[int]
) -> str | None:
    """A heading with a new line of text beside it; with ``kept`` (the page's spacing may stay),
    not a heading of those the page wrote without a blank line on that side already."""
    for leaf in new.leaves:
        if leaf.kind != "heading":
            continue
        above = _joined_above(after, new, leaf, survivors, origin)
        below = _joined_below(after, leaf, survivors, origin)
        if (above and not _spacing_kept(origin, after, leaf, kept, -1)) or (
            below and not _spacing_kept(origin, after, leaf, kept, 1)
        ):
            return f"removing it would leave the heading on line {leaf.start + 1} of the result without a blank line around it"
    return None


def _joined_above(
    after: Document, new: _Layout, leaf: _Leaf, survivors: set[int], origin: _Origins
) -> bool:
    """Whether a heading has a new (or, for a heading the edits made, any) non-blank line above it."""
    return (
        leaf.start > new.front_matter_end
        and not _is_blank(after, leaf.start - 1)
        and (id(leaf) not in survivors or _new_neighbours(origin, leaf.start - 1))
        and not _kept_beside(origin, leaf, -1)
    )


def _joined_below(after: Document, leaf: _Leaf, survivors: set[int], origin: _Origins) -> bool:
    """Whether a heading has a new (or, for a heading the edits made, any) non-blank line below it."""
    return (
        leaf.end < after.line_count
        and not _is_blank(after, leaf.end)
        and (id(leaf) not in survivors or _new_neighbours(origin, leaf.end - 1))
        and not _kept_beside(origin, leaf, 1)
    )


def _spacing_kept(
    origin: _Origins, after: Document, leaf: _Leaf, kept: set[int], step: int
) -> bool:
    return id(leaf) in kept and _joined_before(origin, after, leaf, step)


def _atx(doc: Document, line: int) -> bool:
    return 0 <= line < doc.line_count and doc.line_text(line).lstrip(" >").startswith("#")


def _joined_before(origin: _Origins, after: Document, leaf: _Leaf, step: int) -> bool:
    """Whether an ATX heading the edits left whole had no blank line on that side before them
    either (a crawler that writes no blank lines): its new neighbour, a line of text, is no new
    problem. Two headings brought together get their blank line (the fix inserts one)."""
    if leaf.end - leaf.start != 1 or not _atx(after, leaf.start):
        return False
    if _atx(after, leaf.start + step):
        return False
    line = _opening_origin(origin, leaf.start)
    beside = None if line is None else line + step
    if beside is None or not 0 <= beside < origin.before.line_count:
        return False
    return not _is_blank(origin.before, beside)


def _edited_heading_origin(origin: _Origins, leaf: _Leaf) -> int | None:
    """For a heading (ATX, or setext of one line of text) an edit changed inside its text line
    (an inline fix, its opening kept), the line of ``before`` where it was a heading already;
    None for any other block."""
    line = _opening_origin(origin, leaf.start) if leaf.end - leaf.start <= 2 else None
    if line is None:
        return None
    headings = origin.before.leaves("heading")
    return line if any(node.start_line == line for node in headings) else None


def _kept_beside(origin: _Origins, leaf: _Leaf, step: int) -> bool:
    """Whether a heading edited inside its line has the neighbour (above: ``step`` -1, below: 1)
    it had before, untouched: the edit made no new neighbours (a crawler's heading without
    blank lines around it keeps them as they were)."""
    line = _edited_heading_origin(origin, leaf)
    beside, expected = (leaf.start - 1, -1) if step < 0 else (leaf.end, leaf.end - leaf.start)
    return line is not None and _opening_origin(origin, beside) == line + expected


def _opening_origin(origin: _Origins, line: int) -> int | None:
    """The line of ``before`` that ``line`` of ``after`` opens as (its first byte that line's
    first byte, untouched; the rest of it may be edited, as a neighbouring heading's anchor)."""
    if line < 0 or line >= origin.after.line_count:
        return None
    old = origin.old_offset(origin.after.line_offset(line))
    if old is None or old >= len(origin.before.text):
        return None
    found = origin.before.position(old)[0] - 1
    return found if origin.before.line_offset(found) == old else None


class _Origins:
    """For a line of ``after`` that is a line of ``before`` no edit touched, that line of ``before``
    (None for any other line); worked out per line asked for, not for the whole text."""

    def __init__(self, before: Document, after: Document, shift: _Shift) -> None:
        self.before, self.after, self.shift = before, after, shift
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        for edit, delta in zip(shift.edits, shift.deltas, strict=True):
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

    def _kept_end(self, line: int, old_line: int) -> int:
        """Where ``old_line`` must be untouched up to for ``line`` of ``after`` to be it: its line
        break too, but for the text's last line, whose break may go with the blocks after it."""
        if self.after.line_end(line) == len(self.after.text):
            return self.before.line_end(old_line)
        return self.before.line_offset(old_line + 1)

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
            or self.shift.touches(old, self._kept_end(line, old_line))
        ):
            return None
        return old_line
