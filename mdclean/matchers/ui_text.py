"""Whether a block's text is nothing but the UI strings of the software that printed the page.

A comment form's notice ("Your email address will not be published. Required fields are marked
*"), a comment widget's credit ("Comments powered by Disqus."), a consent panel's buttons, a
theme's credit line ("Proudly powered by WordPress"): the software's own template strings, the
same on every site that runs it and translated by its translators (the ``ui-*`` lists, read
from their translation files, and the lists written from the same templates). A block whose
whole text is such strings, with only the punctuation, bullets and counts a converter leaves
between them, is the software's and never the author's, however much it reads as a sentence.
The safe cores of the page-edge rules read it so (a second signal beside the page's shape).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..fastpath.lazy import lazy_compile
from .phrase_lists import fold_width, phrase_pattern

_FILLER = r"[\s|·•/,;:()\[\]<>«»→←×*+#~=–—¿¡.!?…\"'“”‘’\d-]*+"
"""What a converter leaves between a widget's strings: spaces, pipes, bullets, dashes,
brackets, a sentence's end, quotes, counts."""


class UiText:
    """The UI strings of the lists a rule names (``params[key]``), read whole."""

    def __init__(self, params: Mapping[str, Any], key: str = "ui_strings") -> None:
        pattern = phrase_pattern(params, key, f"{key}_inline")
        self._whole = (
            lazy_compile(rf"{_FILLER}(?:(?:{pattern}){_FILLER})+", re.IGNORECASE)
            if pattern
            else None
        )

    def covers(self, text: str) -> bool:
        """Whether ``text`` (a block as a reader sees it) is UI strings and filler alone."""
        text = fold_width(text).strip()
        return bool(text) and self._whole is not None and self._whole.fullmatch(text) is not None
