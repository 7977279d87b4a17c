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
from dataclasses import dataclass, field, fields
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .errors import NestingTooDeep

if TYPE_CHECKING:
    from markdown_it.parser_block import RuleFuncBlockType
    from markdown_it.rules_core import StateCore

    from .config import Config

# Each block rule is tried on every line that starts a block, and most on every line of a
# paragraph (whether it ends the paragraph); most tries fail on the line's first character,
# after a log call and other tests. A block rule cannot match unless the line (past its
# indentation and container marks) starts with one of these characters.
_FIRST_CHARACTERS = {
    "fence": "~`",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}


def _first_character_gate(rule: RuleFuncBlockType, first: str) -> RuleFuncBlockType:
    """The rule, answering False at once (as it would) for a line that starts otherwise."""

    def gated(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        if pos < len(state.src) and state.src[pos] not in first:
            return False
        return rule(state, line, end_line, silent)

    _UNGATED[gated] = (rule, first)
    return gated


_UNGATED: dict[RuleFuncBlockType, tuple[RuleFuncBlockType, str]] = {}
"""Each first-character gate's rule and characters, for the dispatchers to call the rule directly."""


def _pipe_gate(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """The table rule, answering False at once (as it would) when the header line has no ``|``."""

    def gated(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        if state.src.find("|", state.bMarks[line] + state.tShift[line], state.eMarks[line]) < 0:
            return False
        return rule(state, line, end_line, silent)

    return gated


def _code_gate(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """The indented code rule, answering False at once (as it would) for a line not indented as code."""

    def gated(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        if not state.is_code_block(line):
            return False
        return rule(state, line, end_line, silent)

    return gated


def _gate_block_rules(md: MarkdownIt) -> None:
    """Put the cheap tests in front of the block rules; what they parse does not change."""
    for rule in md.block.ruler.__rules__:
        if rule.name in _FIRST_CHARACTERS:
            gated = _first_character_gate(rule.fn, _FIRST_CHARACTERS[rule.name])
        elif rule.name == "table":
            gated = _pipe_gate(rule.fn)
        elif rule.name == "code":
            gated = _code_gate(rule.fn)
        else:
            continue
        md.block.ruler.at(rule.name, gated, {"alt": list(rule.alt)})
    _dispatch_by_first_character(md)


def _dispatch_by_first_character(md: MarkdownIt) -> None:
    """Replace each chain of block rules (the rules tried at a block's start, those that may
    end a paragraph, ...) by one rule that calls, in the chain's order, only the rules whose
    gate lets the line's first character through: one call per line, not one per rule.

    The dispatchers live in the ruler's compiled chains: were the rules changed, the ruler
    would compile the gated rules again, which parse the same.
    """
    ruler = md.block.ruler
    front_matter = {rule.fn for rule in ruler.__rules__ if rule.name == "front_matter"}
    ruler.getRules("")  # compiles the chains
    assert ruler.__cache__ is not None
    chains = {chain: ruler.getRules(chain) for chain in ruler.__cache__}
    ruler.__cache__ = {chain: [_dispatcher(rules, front_matter)] for chain, rules in chains.items()}


def _dispatcher(
    rules: list[RuleFuncBlockType], line_zero_only: set[RuleFuncBlockType]
) -> RuleFuncBlockType:
    """One rule for a chain: it tries the chain's rules in order, skipping those that answer
    False for the line's first character (or, past line 0, for any line: the front matter)."""
    every = tuple(rules)

    def candidates(character: str | None) -> tuple[RuleFuncBlockType, ...]:
        """The rules that may match a line (past line 0) starting with ``character``
        (None: a character no gate lets through)."""
        chosen = []
        for rule in every:
            if rule in _UNGATED:
                ungated, first = _UNGATED[rule]
                if character is not None and character in first:
                    chosen.append(ungated)
            elif rule not in line_zero_only:  # front matter: it answers False past line 0
                chosen.append(rule)
        return tuple(chosen)

    by_character = {
        character: candidates(character) for character in "".join(_FIRST_CHARACTERS.values())
    }
    others = candidates(None)

    def dispatch(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        src = state.src
        if line == 0 or pos >= len(src):
            tried = every  # the gated rules themselves: they decide as the plain rules do
        else:
            tried = by_character.get(src[pos], others)
        for rule in tried:
            if rule(state, line, end_line, silent):
                return True
        return False

    return dispatch


def _skip_needless_core_rules(md: MarkdownIt) -> None:
    """Normalize only a text that needs it (line breaks other than LF, NUL characters); the
    block parser's text join has nothing to join (inline parsing is off)."""
    normalize = md.core.ruler.__rules__[md.core.ruler.__find__("normalize")].fn

    def normalize_if_needed(state: StateCore) -> None:
        if "\r" in state.src or "\0" in state.src:
            normalize(state)

    md.core.ruler.at("normalize", normalize_if_needed)
    if "inline" not in md.core.ruler.get_active_rules():
        md.core.ruler.disable("text_join")


MAX_NESTING = 200
"""Block levels the parser follows; it skips what lies deeper, so such a file is reported, never passed."""
_CONTAINERS = frozenset({"blockquote_open", "list_item_open"})


def _new_block_parser() -> MarkdownIt:
    """The block parser's configuration (the tests compare the gated parser with it)."""
    md = (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
        .enable("table")
        .enable("strikethrough")
    )
    md.use(front_matter_plugin).disable("inline")
    return md


# URLs that markdown-it's normalization (mdurl parse, punycode, format, percent-encoding)
# gives back unchanged: an http(s) URL with a plain host name (ASCII labels of at most 63
# characters) and a path of characters the encoding keeps, or a relative URL of those
# characters (no ``:``, so no scheme; no ``//``, so no host). Most links are one of them.
_NORMAL_URL = re.compile(
    r"https?://(?P<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*)(?:/[A-Za-z0-9\-._~/?#!$&'()*+,;=:@]*)?"
    r"|(?!//)[A-Za-z0-9\-._~/?#!$&'()*+,;=@]*"
)
_MAX_HOST = 255
"""mdurl drops a longer host name."""


def normalization_keeps(url: str) -> bool:
    """Whether markdown-it's link normalization surely gives ``url`` back unchanged."""
    m = _NORMAL_URL.fullmatch(url)
    return m is not None and (m.group("host") is None or len(m.group("host")) <= _MAX_HOST)


def _skip_normal_urls(md: MarkdownIt) -> None:
    """Normalize link targets only where normalizing can change them; the others are kept as they are."""
    normalize = md.normalizeLink

    def normalize_link(url: str) -> str:
        return url if normalization_keeps(url) else normalize(url)

    md.normalizeLink = normalize_link  # type: ignore[method-assign]


_TOKEN_FIELDS = (
    "type",
    "tag",
    "nesting",
    "attrs",
    "map",
    "level",
    "children",
    "content",
    "markup",
    "info",
    "meta",
    "block",
    "hidden",
)


class _StateBlock(StateBlock):
    """markdown-it's block state, making the tokens it pushes without the dataclass constructor
    (a tenth of the parse): each field set to what ``Token(type, tag, nesting)`` sets, then what
    ``StateBlock.push`` sets."""

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        token = Token.__new__(Token)
        token.type, token.tag, token.nesting = ttype, tag, nesting
        token.attrs, token.map, token.children = {}, None, None
        token.content = token.markup = token.info = ""
        token.meta, token.block, token.hidden = {}, True, False
        if nesting < 0:
            self.level -= 1  # closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
        self.tokens.append(token)
        return token


def _push_tokens_directly(md: MarkdownIt) -> None:
    """Parse blocks with ``_StateBlock`` (as ``ParserBlock.parse`` does with its state), unless
    tokens have other fields than those it sets."""
    if tuple(f.name for f in fields(Token)) != _TOKEN_FIELDS:
        return
    block = md.block

    def parse(
        src: str, parser: MarkdownIt, env: dict, out_tokens: list[Token]
    ) -> list[Token] | None:
        if not src:
            return None
        state = _StateBlock(src, parser, env, out_tokens)
        block.tokenize(state, state.line, state.lineMax)
        return state.tokens

    block.parse = parse  # type: ignore[method-assign]


# Both parsers are built once per process: building one costs more than parsing a page.
_BLOCK_PARSER = _new_block_parser()
_gate_block_rules(_BLOCK_PARSER)
_INLINE_PARSER = MarkdownIt("commonmark").enable("strikethrough")
_skip_normal_urls(_BLOCK_PARSER)
_skip_normal_urls(_INLINE_PARSER)
_skip_needless_core_rules(_BLOCK_PARSER)
_skip_needless_core_rules(_INLINE_PARSER)
_push_tokens_directly(_BLOCK_PARSER)

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ONE_MORE = (1).__add__

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

    __slots__ = ("_count", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._count: int | None = None

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

    def __init__(self, text: str, path: str | None = None, config: Config | None = None) -> None:
        self.text = text
        self.path = path
        self.config = config
        """The run's settings, for rules that take some (front matter keys); None: the defaults."""
        self._lines = _Lines(text)

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

    # -- structure -------------------------------------------------------------------

    @cached_property
    def tokens(self) -> list[Token]:
        tokens = _BLOCK_PARSER.parse(self.text, self.env)
        # A quote or list item opened at the last level has its content dropped by the parser.
        # Reaching that level takes that many opening tokens: a shorter list cannot have one.
        if len(tokens) >= MAX_NESTING - 1 and any(
            token.level >= MAX_NESTING - 1 and token.type in _CONTAINERS for token in tokens
        ):
            raise NestingTooDeep(
                f"blocks nested more than {MAX_NESTING - 1} levels deep (quotes or lists); "
                "what lies deeper cannot be checked, so the file was not checked"
            )
        return tokens

    @cached_property
    def env(self) -> dict:
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
            node = Node(
                kind,
                token.map[0],
                token.map[1],
                parent=parent,
                depth=len(stack) - 1,
                sibling_index=len(parent.children),
            )
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
            node = Node(
                token.type,
                token.map[0],
                token.map[1],
                token=token,
                parent=parent,
                depth=len(stack) - 1,
                sibling_index=len(parent.children),
            )
            parent.children.append(node)
        i += 1
    return root


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
