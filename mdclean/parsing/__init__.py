"""markdown-it set up the way mdclean reads Markdown, through the library's public API only.

:mod:`.blocks` parses a text into block tokens (CommonMark, tables, strikethrough and front
matter; inline parsing off: rules parse inline structure only where they need it);
:mod:`.inline` parses one block's inline content on demand; :mod:`.links` says which link
targets markdown-it's normalization keeps as they are. The document model that maps the
tokens back to the source is :mod:`mdclean.document`.
"""

from __future__ import annotations

from .blocks import MAX_NESTING, parse_blocks
from .inline import parse_inline

__all__ = ["MAX_NESTING", "parse_blocks", "parse_inline"]
