"""The inline parse of one block's content, on demand: most blocks a rule reads never need it."""

from __future__ import annotations

from typing import Any

from markdown_it.token import Token

from .parser import NormalLinksKept

_INLINE_PARSER = NormalLinksKept("commonmark").enable("strikethrough")


def parse_inline(content: str, env: dict[str, Any]) -> list[Token]:
    """The inline tokens of a paragraph's or heading's content; ``env`` holds the document's
    link reference definitions (the parse may add to it: pass a copy to keep it)."""
    return _INLINE_PARSER.parseInline(content, env)[0].children or []
