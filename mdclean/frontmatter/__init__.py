"""Front matter: where the block is, how it loads, and how a broken one is repaired."""
from __future__ import annotations

from .block import FrontMatter, locate
from .dates import DEFAULT_DATE_KEYS

__all__ = ["DEFAULT_DATE_KEYS", "FrontMatter", "locate"]
