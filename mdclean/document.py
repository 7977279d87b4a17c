"""A parsed Markdown document: the source text, its lines, and a tree of blocks.

markdown-it-py gives block tokens with line ranges but no offsets, and strips
container prefixes (``>``, list indentation) from block content. ``Document``
maps both back to the source, so that rules can report exact positions and
fixes can remove exactly the bytes they mean to.

Inline parsing is switched off: rules look for their candidates in block
content with patterns, and only parse inline structure where they need it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

if TYPE_CHECKING:
    from .config import Config

# Both parsers are built once per process: building one costs more than parsing a page.
_BLOCK_PARSER = (
    MarkdownIt("commonmark", {"maxNesting": 200})
    .enable("table")
    .enable("strikethrough")
    .use(front_matter_plugin)
)
_BLOCK_PARSER.disable("inline")
_INLINE_PARSER = MarkdownIt("commonmark").enable("strikethrough")

LINE_BREAK = re.compile(r"\r\n|\r|\n")

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


@dataclass(frozen=True, slots=True)
class BlockContent:
    """A leaf block's content with container prefixes stripped, mapped back to the source.

    ``text`` is what markdown-it sees (``>`` and list indentation removed);
    ``to_source`` turns an offset in it into an offset in the document.
    """

    node: Node
    text: str
    line_starts: tuple[int, ...]
    """Offset in ``text`` where each content line starts."""
    source_starts: tuple[int, ...]
    """Offset in the document where the same line starts."""
    exact: bool
    """False when a line could not be mapped exactly (tabs expanded by the parser)."""

    def to_source(self, offset: int) -> int:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return self.source_starts[i] + (offset - self.line_starts[i])


class Document:
    """The source text of one file and its block tree, parsed once and shared by all rules."""

    def __init__(self, text: str, path: str | None = None, config: Config | None = None) -> None:
        self.text = text
        self.path = path
        self.config = config
        """The run's settings, for rules that take some (front matter keys); None: the defaults."""
        starts = [0]
        starts.extend(m.end() for m in LINE_BREAK.finditer(text))
        if starts[-1] == len(text) and len(starts) > 1:
            starts.pop()  # a final line break does not start another line
        self.line_starts: list[int] = starts

    # -- positions -------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_offset(self, line: int) -> int:
        """Offset where 0-based ``line`` starts; the text length past the last line."""
        return self.line_starts[line] if line < len(self.line_starts) else len(self.text)

    def line_text(self, line: int) -> str:
        """The line's text without its line break."""
        start = self.line_offset(line)
        end = self.line_offset(line + 1)
        return self.text[start:end].rstrip("\r\n")

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
        return self.text[start:self.line_offset(line + 1)]

    @cached_property
    def newline(self) -> str:
        """The file's first line break, used when a fix must add one."""
        m = LINE_BREAK.search(self.text)
        return m.group() if m else "\n"

    # -- structure -------------------------------------------------------------------

    @cached_property
    def tokens(self) -> list[Token]:
        return _BLOCK_PARSER.parse(self.text, self.env)

    @cached_property
    def env(self) -> dict:
        return {}

    @cached_property
    def root(self) -> Node:
        return _build_tree(self.tokens, self.line_count)

    def nodes(self) -> Iterator[Node]:
        """Every block below the root, in document order."""
        for child in self.root.children:
            yield from child.walk()

    def leaves(self, *kinds: str) -> Iterator[Node]:
        """Leaf blocks, optionally only of the given kinds."""
        for node in self.nodes():
            if not node.children and not node.is_container and (not kinds or node.kind in kinds):
                yield node

    def node_span(self, node: Node) -> tuple[int, int]:
        """Offsets from the node's first character to the end of its last line (break excluded)."""
        end_line = self.content_end_line(node)
        return self.line_offset(node.start_line), self.line_end(end_line - 1)

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

    def inline_tokens(self, node: Node) -> list[Token]:
        """Inline tokens of a paragraph or heading, parsed on demand with the document's references."""
        if node.token is None or node.token.type != "inline":
            return []
        return _INLINE_PARSER.parseInline(node.token.content, dict(self.env))[0].children or []

    @cached_property
    def code_line_ranges(self) -> list[tuple[int, int]]:
        """Line ranges of fenced and indented code, which no rule may touch."""
        return [(n.start_line, n.end_line) for n in self.nodes() if n.is_code]


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
        parent = stack[-1]
        if token.type.endswith(_OPEN_SUFFIX):
            kind = token.type[: -len(_OPEN_SUFFIX)]
            assert token.map is not None
            node = Node(kind, token.map[0], token.map[1], parent=parent, depth=len(stack) - 1,
                        sibling_index=len(parent.children))
            parent.children.append(node)
            if kind in CONTAINER_KINDS:
                stack.append(node)
            else:
                # A leaf with inline content (paragraph, heading) or a table: skip to its close.
                close = token.type[: -len(_OPEN_SUFFIX)] + _CLOSE_SUFFIX
                j = i + 1
                nesting = 1
                while j < len(tokens):
                    if tokens[j].type == token.type:
                        nesting += 1
                    elif tokens[j].type == close:
                        nesting -= 1
                        if nesting == 0:
                            break
                    if tokens[j].type == "inline" and node.token is None:
                        node.token = tokens[j]
                    j += 1
                i = j
        elif token.type.endswith(_CLOSE_SUFFIX):
            stack.pop()
        elif token.type in _LEAF_TOKENS and token.map is not None:
            node = Node(token.type, token.map[0], token.map[1], token=token, parent=parent,
                        depth=len(stack) - 1, sibling_index=len(parent.children))
            parent.children.append(node)
        i += 1
    return root


def _map_content(doc: Document, node: Node) -> BlockContent | None:
    token = node.token
    if token is None or node.kind in ("hr", "front_matter", "table"):
        return None
    if node.kind == "fence":
        first = node.start_line + 1  # the opening fence line is not content
        lines = token.content.split("\n")[:-1] if token.content else []
    elif token.type == "inline":
        first = node.start_line
        lines = token.content.split("\n")
    else:
        first = node.start_line
        lines = token.content.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
    line_starts: list[int] = []
    source_starts: list[int] = []
    exact = True
    offset = 0
    for i, content_line in enumerate(lines):
        source_line = doc.line_text(first + i) if first + i < doc.line_count else ""
        base = doc.line_offset(first + i)
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
    text = "\n".join(lines)
    if not lines:
        return BlockContent(node, "", (0,), (doc.line_offset(node.start_line),), True)
    return BlockContent(node, text, tuple(line_starts), tuple(source_starts), exact)
