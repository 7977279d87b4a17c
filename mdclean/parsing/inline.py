"""The inline parse of one block's content, on demand: most blocks a rule reads never need it."""

from __future__ import annotations

from typing import Any

from markdown_it.token import Token

from .normalize import normalized
from .parser import NormalLinksKept

# ``normalize`` copies the content on every call: done here only where it changes something
# (a block's content, cut from a normalized text, never needs it).
_INLINE_PARSER = NormalLinksKept("commonmark").enable("strikethrough").disable("normalize")


def parse_inline(content: str, env: dict[str, Any]) -> list[Token]:
    """The inline tokens of a paragraph's or heading's content; ``env`` holds the document's
    link reference definitions (the parse may add to it: pass a copy to keep it)."""
    return _INLINE_PARSER.parseInline(normalized(content), env)[0].children or []
