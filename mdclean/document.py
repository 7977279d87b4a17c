"""A parsed Markdown document: the source text, its lines, and a tree of blocks.

markdown-it-py gives block tokens with line ranges but no offsets, and strips
container prefixes (``>``, list indentation) from block content. ``Document``
maps both back to the source, so that rules can report exact positions and
fixes can remove exactly the bytes they mean to.

The parse itself (markdown-it's set-up) is :mod:`mdclean.parsing`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeVar

from . import parsing

if TYPE_CHECKING:
    from markdown_it.token import Token

    from .config import Config

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ONE_MORE = (1).__add__

_Fact = TypeVar("_Fact")

CONTAINER_KINDS = frozenset({"blockquote", "bullet_list", "ordered_list", "list_item"})
CODE_KINDS = frozenset({"fence", "code_block"})


@dataclass(eq=False)
class Node:
    """A block of the document: a container (list, item, quote) or a leaf."""

    kind: str
    """markdown-it's name without ``_open``: paragraph, heading, html_block, fence, list_item, ..."""
    start_line: int
    """0-based first line."""
    end_line: int
    """0-based line after the last one (markdown-it's ``map[1]``)."""
    token: Token | None = None
    """The token that carries the content (``inline`` for paragraphs and headings)."""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    depth: int = 0
    sibling_index: int = field(default=-1, repr=False)
    """Where the tree builder put it among its parent's children: ``index`` in O(1), not O(siblings)."""

    @property
    def is_container(self) -> bool:
        return self.kind in CONTAINER_KINDS or self.kind == "root"

    @property
    def is_code(self) -> bool:
        return self.kind in CODE_KINDS

    @property
    def index(self) -> int:
        """Position among the parent's children."""
        assert self.parent is not None
        siblings = self.parent.children
        i = self.sibling_index
        if 0 <= i < len(siblings) and siblings[i] is self:
            return i
        return next(i for i, child in enumerate(siblings) if child is self)

    @property
    def previous_sibling(self) -> Node | None:
        if self.parent is None:
            return None
        i = self.index
        return self.parent.children[i - 1] if i > 0 else None

    @property
    def next_sibling(self) -> Node | None:
        if self.parent is None:
            return None
        i = self.index
        siblings = self.parent.children
        return siblings[i + 1] if i + 1 < len(siblings) else None

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Lines:
    """Where the lines of a text start, worked out on first use.

    Kept apart from the document so that block contents can map offsets without holding
    the document: nothing then refers back to it, and it is freed as soon as it is dropped.
    """

    __slots__ = ("_count", "_split", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._count: int | None = None
        self._split: list[str] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            text = self.text
            starts = [0]
            if "\r" in text:
                starts.extend(m.end() for m in LINE_BREAK.finditer(text))
            else:
                # Each line starts one past the end of the one before: summed in C, not line by line.
                starts.extend(accumulate(map(_ONE_MORE, map(len, text.split("\n")))))
                starts.pop()  # the last piece of the split ends past the text
            if starts[-1] == len(text) and len(starts) > 1:
                starts.pop()  # a final line break does not start another line
            self._starts = starts
        return self._starts

    @property
    def count(self) -> int:
        if self._count is None:
            if self._starts is not None:
                self._count = len(self._starts)
            else:
                # Counted without listing the offsets: building the tree needs the count only.
                text = self.text
                breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
                self._count = breaks + 1 - (breaks > 0 and text.endswith(("\n", "\r")))
        return self._count

    def offset(self, line: int) -> int:
        starts = self.starts
        return starts[line] if line < len(starts) else len(self.text)

    def text_of(self, line: int) -> str:
        if self._split is None and "\r" not in self.text:
            # Rules read many lines one by one: split once (only "\n" ends a line here).
            self._split = self.text.split("\n")
        if self._split is not None and line >= 0:
            return self._split[line] if line < self.count else ""
        starts = self.starts
        count = len(starts)
        start = starts[line] if line < count else len(self.text)
        end = starts[line + 1] if line + 1 < count else len(self.text)
        return self.text[start:end].rstrip("\r\n")


class BlockContent:
    """A leaf block's content with container prefixes stripped, mapped back to the source.

    ``text`` is what markdown-it sees (``>`` and list indentation removed);
    ``to_source`` turns an offset in it into an offset in the document. The mapping
    is worked out on first use: most blocks a rule reads are ruled out on their text.
    """

    __slots__ = ("_first_line", "_lines", "_mapping", "node", "text")

    def __init__(self, lines: _Lines, node: Node, text: str, first_line: int) -> None:
        self.node = node
        self.text = text
        self._lines = lines
        self._first_line = first_line
        self._mapping: tuple[tuple[int, ...], tuple[int, ...], bool] | None = None

    @property
    def line_starts(self) -> tuple[int, ...]:
        """Offset in ``text`` where each content line starts."""
        return self._mapped()[0]

    @property
    def source_starts(self) -> tuple[int, ...]:
        """Offset in the document where the same line starts."""
        return self._mapped()[1]

    @property
    def exact(self) -> bool:
        """False when a line could not be mapped exactly (tabs expanded by the parser)."""
        return self._mapped()[2]

    def to_source(self, offset: int) -> int:
        line_starts, source_starts, _ = self._mapped()
        i = bisect.bisect_right(line_starts, offset) - 1
        return source_starts[i] + (offset - line_starts[i])

    def _mapped(self) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
        if self._mapping is None:
            self._mapping = _map_lines(self._lines, self.node, self._first_line)
        return self._mapping


class Document:
    """The source text of one file and its block tree, parsed once and shared by all rules."""

    def __init__(
        self,
        text: str,
        path: str | None = None,
        config: Config | None = None,
        *,
        origin: Document | None = None,
    ) -> None:
        self.text = text
        self.path = path
        self.config = config
        """The run's settings, for rules that take some (front matter keys); None: the defaults."""
        self.origin = origin
        """On a later pass of a fix run, the document the run started from: the page evidence
        (``page_fact``) is read on it too. None: this is the text the run (or check) reads first."""
        self.carried: set[Hashable] = set()
        """The facts ``page_fact`` answered from the run's first text, not from this one."""
        self._lines = _Lines(text)

    # -- page evidence ---------------------------------------------------------------

    def page_fact(
        self,
        key: Hashable,
        read: Callable[[Document], _Fact],
        carry: Callable[[_Fact, _Fact], _Fact],
    ) -> _Fact:
        """A fact a rule reads about the page as a whole (its evidence: the saver's marks, the
        saver's address, the head's menu), read once per text (``key`` names the fact and
        how it is read). On a later pass of a fix run, the fact as the run's first text holds
        it is carried to this one (``carry(first, own)``): a fix another rule made in an
        earlier pass (the head's menu gone, the skip link gone) does not take away what
        this page proved when the run began, and what a run removes does not depend on which
        fix went first. The engine reads the page again on its own evidence before it ends
        (``carried``), so what a run leaves is what a run from its output leaves."""
        own = self._own_fact(key, read)
        origin = self.origin
        if origin is None:
            return own
        value = carry(origin._own_fact(key, read), own)
        if value != own:
            self.carried.add(key)
        return value

    def _own_fact(self, key: Hashable, read: Callable[[Document], _Fact]) -> _Fact:
        facts = self.shared("page facts")
        if key not in facts:
            facts[key] = read(self)
        return facts[key]  # type: ignore[no-any-return]

    # -- positions -------------------------------------------------------------------

    @property
    def line_starts(self) -> list[int]:
        """Offset where each line starts; computed on first use (many documents never need it)."""
        return self._lines.starts

    @property
    def line_count(self) -> int:
        return self._lines.count

    def line_offset(self, line: int) -> int:
        """Offset where 0-based ``line`` starts; the text length past the last line."""
        return self._lines.offset(line)

    def line_text(self, line: int) -> str:
        """The line's text without its line break."""
        return self._lines.text_of(line)

    def line_end(self, line: int) -> int:
        """Offset of the line break that ends 0-based ``line`` (or the text end)."""
        return self.line_offset(line) + len(self.line_text(line))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_break(self, line: int) -> str:
        """The line break ending 0-based ``line`` ('' on an unterminated last line)."""
        start = self.line_offset(line) + len(self.line_text(line))
        return self.text[start : self.line_offset(line + 1)]

    @cached_property
    def newline(self) -> str:
        """The file's first line break, used when a fix must add one."""
        m = LINE_BREAK.search(self.text)
        return m.group() if m else "\n"

    @cached_property
    def may_define_links(self) -> bool:
        """Whether ``]:`` stands in the text: without it no link reference definition does (asked
        for every finding's fix; a search of the whole text costs ~40 us on a scraped post)."""
        return "]:" in self.text

    # -- structure -------------------------------------------------------------------

    @cached_property
    def tokens(self) -> list[Token]:
        return parsing.parse_blocks(self.text, self.env)

    @cached_property
    def env(self) -> dict[str, Any]:
        """What the parse collects beside the tokens: the link reference definitions."""
        return {}

    @cached_property
    def root(self) -> Node:
        return _build_tree(self.tokens, self.line_count)

    def nodes(self) -> Iterator[Node]:
        """Every block below the root, in document order."""
        return iter(self._all_nodes)

    def leaves(self, *kinds: str) -> Iterator[Node]:
        """Leaf blocks, optionally only of the given kinds."""
        cache = self._leaves_by_kinds
        if kinds not in cache:
            cache[kinds] = tuple(node for node in cache[()] if node.kind in kinds)
        return iter(cache[kinds])

    # Every rule walks the tree: walk it once per document (the tree is never changed once built).
    @cached_property
    def _all_nodes(self) -> tuple[Node, ...]:
        return tuple(node for child in self.root.children for node in child.walk())

    @cached_property
    def _leaves_by_kinds(self) -> dict[tuple[str, ...], tuple[Node, ...]]:
        """Leaves per ``kinds`` asked for; ``()``: every leaf."""
        return {
            (): tuple(
                node for node in self._all_nodes if not node.children and not node.is_container
            )
        }

    def node_span(self, node: Node) -> tuple[int, int]:
        """Offsets from the node's first character to the end of its last line (break excluded)."""
        end_line = self.content_end_line(node)
        return self.line_offset(node.start_line), self.line_end(end_line - 1)

    def node_source(self, node: Node) -> str:
        """The node's source text, as ``node_span`` bounds it."""
        start, end = self.node_span(node)
        return self.text[start:end]

    def content_end_line(self, node: Node) -> int:
        """The line after the node's last non-blank line (markdown-it includes trailing blanks in items)."""
        end = node.end_line
        while end - 1 > node.start_line and self.is_blank_in(end - 1, node):
            end -= 1
        return end

    def is_blank_in(self, line: int, node: Node) -> bool:
        """Whether a line holds nothing but the prefixes of the containers around ``node``."""
        text = self.line_text(line)
        quotes = sum(1 for a in node.ancestors() if a.kind == "blockquote")
        if node.kind == "blockquote":
            quotes += 1
        stripped = text.strip()
        for _ in range(quotes):
            if stripped.startswith(">"):
                stripped = stripped[1:].strip()
        return stripped == ""

    def content(self, node: Node) -> BlockContent | None:
        """The leaf's text as markdown-it saw it, mapped to source offsets; None for non-text leaves."""
        cache = self._content_cache
        if node in cache:
            return cache[node]
        result = _map_content(self, node)
        cache[node] = result
        return result

    @cached_property
    def _content_cache(self) -> dict[Node, BlockContent | None]:
        return {}

    def shared(self, name: str) -> dict[Any, Any]:
        """A store for what several rules derive from the document (a block's skeleton, its
        rough text), kept with it: each block is read once whatever the number of rules."""
        store = self._shared.get(name)
        if store is None:
            store = self._shared[name] = {}
        return store

    @cached_property
    def _shared(self) -> dict[str, dict[Any, Any]]:
        return {}

    def inline_tokens(self, node: Node) -> list[Token]:
        """Inline tokens of a paragraph or heading, parsed on demand with the document's references."""
        if node.token is None or node.token.type != "inline":
            return []
        return parsing.parse_inline(node.token.content, dict(self.env))


# Tokens whose content is the text of a leaf block.
_LEAF_TOKENS = {"html_block", "fence", "code_block", "hr", "front_matter"}
_CLOSE_SUFFIX = "_close"
_OPEN_SUFFIX = "_open"


def _build_tree(tokens: list[Token], line_count: int) -> Node:
    root = Node("root", 0, line_count)
    stack = [root]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type.endswith(_OPEN_SUFFIX):
            node = _add_child(stack, token.type[: -len(_OPEN_SUFFIX)], token)
            if node.kind in CONTAINER_KINDS:
                stack.append(node)
            else:
                i = _leaf_close(tokens, i, node)
        elif token.type.endswith(_CLOSE_SUFFIX):
            stack.pop()
        elif token.type in _LEAF_TOKENS and token.map is not None:
            _add_child(stack, token.type, token).token = token
        i += 1
    return root


def _add_child(stack: list[Node], kind: str, token: Token) -> Node:
    """A node for ``token``'s lines, the last child of the innermost open container."""
    parent = stack[-1]
    assert token.map is not None
    node = Node(
        kind,
        token.map[0],
        token.map[1],
        parent=parent,
        depth=len(stack) - 1,
        sibling_index=len(parent.children),
    )
    parent.children.append(node)
    return node


def _leaf_close(tokens: list[Token], i: int, node: Node) -> int:
    """Where the leaf opened at ``tokens[i]`` (a paragraph, heading or table) closes; its first
    inline token becomes the node's token on the way."""
    opening = tokens[i].type
    close = opening[: -len(_OPEN_SUFFIX)] + _CLOSE_SUFFIX
    nesting = 1
    for j in range(i + 1, len(tokens)):
        kind = tokens[j].type
        if kind == opening:
            nesting += 1
        elif kind == close:
            nesting -= 1
            if nesting == 0:
                return j
        if kind == "inline" and node.token is None:
            node.token = tokens[j]
    return len(tokens)


def _map_content(doc: Document, node: Node) -> BlockContent | None:
    token = node.token
    if token is None or node.kind in ("hr", "front_matter", "table"):
        return None
    first = (
        node.start_line + 1 if node.kind == "fence" else node.start_line
    )  # a fence's first line is its fence
    # An inline token's lines are its whole content: no need to split and join them.
    text = token.content if token.type == "inline" else "\n".join(_content_lines(node, token))
    return BlockContent(doc._lines, node, text, first)


def _content_lines(node: Node, token: Token) -> list[str]:
    if node.kind == "fence":
        return token.content.split("\n")[:-1] if token.content else []
    lines = token.content.split("\n")
    if token.type != "inline" and lines and lines[-1] == "":
        lines.pop()
    return lines


def _map_lines(
    source: _Lines, node: Node, first: int
) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
    """Where each content line starts in the content and in the source, and whether all mapped exactly."""
    assert node.token is not None
    lines = _content_lines(node, node.token)
    if not lines:
        return (0,), (source.offset(node.start_line),), True
    line_starts: list[int] = []
    source_starts: list[int] = []
    exact = True
    offset = 0
    for i, content_line in enumerate(lines):
        source_line = source.text_of(first + i) if first + i < source.count else ""
        base = source.offset(first + i)
        if source_line.endswith(content_line):
            column = len(source_line) - len(content_line)
        elif content_line.rstrip() and source_line.rstrip().endswith(content_line.rstrip()):
            # The parser stripped the paragraph's trailing spaces.
            column = len(source_line.rstrip()) - len(content_line.rstrip())
        else:
            # The parser expanded a tab into spaces: anchor on the visible text.
            stripped = content_line.strip()
            found = source_line.rfind(stripped) if stripped else len(source_line)
            lead = len(content_line) - len(content_line.lstrip(" "))
            column = max(found - lead, 0) if found >= 0 else 0
            exact = False
        line_starts.append(offset)
        source_starts.append(base + column)
        offset += len(content_line) + 1
    return tuple(line_starts), tuple(source_starts), exact
