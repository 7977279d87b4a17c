"""markdown-it's input normalization, done by mdclean only where it changes something.

markdown-it's core rule ``normalize`` rewrites every line ending of every text it parses (its
regex matches each ``\\n`` too) and replaces NUL characters: a new copy of the page, a fifth of
the block parse of a scraped page. The parsers disable the rule through the ruler's public
``disable`` and call :func:`normalized`, which gives the text back as it is unless it holds a
CR or a NUL (a C scan each), and otherwise does what the rule does.
"""

from __future__ import annotations

import re

_LINE_ENDING = re.compile(r"\r\n?")


def normalized(text: str) -> str:
    """``text`` as markdown-it's ``normalize`` rule leaves it: CR LF and lone CR become LF,
    NUL becomes U+FFFD."""
    if "\r" in text:
        text = _LINE_ENDING.sub("\n", text)
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    return text
