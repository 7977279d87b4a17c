"""Text from outside (file names, OS messages) made safe to print in any output format.

A file name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates),
line breaks or other control characters: printed as they are, they crash an encoder,
break XML, or start a new line that a CI runner reads as a command. ``printable`` spells
each such character as an escape (``\\xff``, ``\\n``), as ``ls`` and git do; every other
character, backslashes included, stays as it is.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character and undecodable byte escaped; one line, always encodable."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text
