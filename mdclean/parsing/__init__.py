"""markdown-it set up the way mdclean reads Markdown, through the library's public API only.

:mod:`.blocks` parses a text into block tokens (CommonMark, tables, strikethrough and front
matter; inline parsing off: rules parse inline structure only where they need it), asking each
block rule only where it can match (:mod:`.dispatch`); :mod:`.inline` parses one block's inline
content on demand; :mod:`.links` says which link targets markdown-it's normalization keeps as
they are, and :mod:`.parser` is the parser class that keeps them. The document model that maps
the tokens back to the source is :mod:`mdclean.document`.

Importing this package imports no markdown-it (about 0.02-0.05 s): a run whose files no rule
can touch never parses, so it never pays for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it.token import Token

MAX_NESTING = 200
"""Block levels the parser follows; it skips what lies deeper, so such a file is reported, never passed."""


def parse_blocks(text: str, env: dict[str, Any]) -> list[Token]:
    """The block tokens of ``text`` (see :func:`.blocks.parse_blocks`)."""
    from .blocks import parse_blocks as parse

    return parse(text, env)


def parse_inline(content: str, env: dict[str, Any]) -> list[Token]:
    """The inline tokens of a paragraph's or heading's content (see :func:`.inline.parse_inline`)."""
    from .inline import parse_inline as parse

    return parse(content, env)


__all__ = ["MAX_NESTING", "parse_blocks", "parse_inline"]
