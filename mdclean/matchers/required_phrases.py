"""The phrase alternation a matcher cannot work without: its ``phrases`` read once, or a clear error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import ParamError
from .phrase_lists import phrase_pattern


def required_alternation(params: Mapping[str, Any], key: str = "phrases") -> str:
    """One regex alternation of the phrase lists the rule's ``key`` names (for ``phrases``,
    with the inline ``labels``); an error when they hold none."""
    inline = "labels" if key == "phrases" else f"{key}_inline"  # (no inline phrases)
    alternation = phrase_pattern(params, key, inline)
    if alternation is None:
        raise ParamError(f"params.{key}: no phrases")
    return alternation
