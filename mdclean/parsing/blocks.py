"""The block parse: block tokens with their line ranges, built once per process."""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..errors import NestingTooDeep
from . import MAX_NESTING
from .dispatch import dispatch_block_rules
from .normalize import normalized
from .parser import NormalLinksKept

_CONTAINERS = frozenset({"blockquote_open", "list_item_open"})


def new_block_parser(*, dispatch: bool = True) -> MarkdownIt:
    """The block parser's configuration: CommonMark, tables, strikethrough, front matter;
    ``dispatch``: each block rule asked only where it can match (the same tokens, faster).

    Its core rules are the block parse alone: ``inline`` is left to the rules (on demand),
    ``text_join`` joins inline tokens, so with no inline parse it only walks the tokens, and
    ``normalize`` copies every text: :func:`parse_blocks` normalizes only a text that needs it."""
    md = (
        NormalLinksKept("commonmark", {"maxNesting": MAX_NESTING})
        .enable("table")
        .enable("strikethrough")
    )
    md.use(front_matter_plugin).disable(["inline", "text_join", "normalize"])
    return dispatch_block_rules(md) if dispatch else md


# Built once per process: building a parser costs more than parsing a page.
_BLOCK_PARSER = new_block_parser()


def parse_blocks(text: str, env: dict[str, Any]) -> list[Token]:
    """The block tokens of ``text`` (``env`` collects its link reference definitions).

    Raises NestingTooDeep where the parser dropped what lies deeper than it follows."""
    tokens = _BLOCK_PARSER.parse(normalized(text), env)
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
