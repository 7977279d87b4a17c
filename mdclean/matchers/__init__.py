"""The matchers rules can name, in one ordered registry (as markdown-it lists its rules)."""
from __future__ import annotations

from .base import Matcher, ParamError
from .html_element import HtmlElementMatcher

MATCHERS: dict[str, type[Matcher]] = {
    matcher.name: matcher
    for matcher in (
        HtmlElementMatcher,
    )
}

__all__ = ["MATCHERS", "Matcher", "ParamError"]
