"""The phrase alternation a matcher cannot work without: its ``phrases`` read once, or a clear error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .base import ParamError
from .phrase_lists import phrase_pattern


def required_alternation(params: Mapping[str, Any]) -> str:
    """One regex alternation of the rule's ``phrases`` (and inline ``labels``); an error when
    they hold none."""
    alternation = phrase_pattern(params)
    if alternation is None:
        raise ParamError("params.phrases: no phrases")
    return alternation
