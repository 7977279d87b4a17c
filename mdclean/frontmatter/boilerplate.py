"""Front matter values that are site chrome: HTML lists of related links stored by a CMS export."""

from __future__ import annotations

import re
from typing import Any

_LINK = re.compile(r"<a\b[^>]*\bhref\s*=[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
MIN_LINKS = 2
MAX_OTHER_TEXT = 80
"""Characters of non-link text a list may carry (its heading, such as "Related posts:")."""


def may_hold_link_list(body: str) -> bool:
    """Whether a YAML body can load to a link list: a string holds ``<`` only when the body
    writes one or a double-quoted escape (``\\x3c``) makes one."""
    return "<" in body or "\\" in body


def is_link_list(value: Any) -> bool:
    """Whether a value (a string or a list of strings) is HTML made of links and little else."""
    if isinstance(value, list):
        if not value or not all(isinstance(item, str) for item in value):
            return False
        value = "\n".join(value)
    if not isinstance(value, str) or not value.lstrip().startswith("<"):
        return False
    links = _LINK.findall(value)
    if len(links) < MIN_LINKS:
        return False
    other = _TAG.sub(" ", _LINK.sub(" ", value))
    other_chars = len("".join(other.split()))
    return other_chars <= MAX_OTHER_TEXT
