"""A text's blocks, as the site profile counts them: runs of non-blank lines, folded to digests.

The cut is the raw text's, not the parser's, so that learning a site costs no parse;
the rule (TPL001) checks against the parsed document which of these runs are whole
visible blocks. Folding makes one template block the same on every page: case,
spaces, numbers and dates (digits, English month names) and URL query strings
(tracking parameters) do not tell two copies apart.
"""
from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterator

# A run of lines each holding something besides spaces and tabs (markdown-it's blank line),
# with its last line break; a line starts after any of \n, \r\n and \r, as for the Document.
_BLOCK = re.compile(r"(?<![^\r\n])(?:[ \t]*[^ \t\r\n][^\r\n]*(?:\r\n?|\n|\Z))+")
_HAS_DIGIT = re.compile(r"\d")
# Numbers and dates fold, except inside a path or URL (after a slash, a dot, a dash, a letter):
# ``/img/20230714.png`` and ``fig-2.png`` name pictures of the article; "3 min read" and
# "5 min read" on two pages do not differ.
# (The digit comes before the look back: the regex then skips ahead to digits.)
_DATE = re.compile(r"\d(?<![/a-z0-9._\-]\d)\d{0,3}[-/.]\d{1,2}[-/.]\d{1,4}(?![/a-z0-9])")
_NUMBER = re.compile(r"\d(?<![/a-z0-9._\-]\d)\d*")
_QUERY = re.compile(r"\?[^\s)\]\"'>=]*=[^\s)\]\"'>]*")
_MONTHS = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                     r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
MAX_BLOCK_CHARS = 1500
DIGEST_TYPE = "Q"
"""array type of a digest: 64 bits, so that a site's distinct blocks never collide in practice."""


def fold(block: str) -> str:
    """The block as every copy of it reads (each step a regex pass, most skipped: this runs on every
    block of a site)."""
    lowered = block.lower()
    if "?" in lowered:
        lowered = _QUERY.sub("?", lowered)
    if _HAS_DIGIT.search(lowered):
        lowered = _MONTHS.sub("M", _NUMBER.sub("0", _DATE.sub("D", lowered)))
    return " ".join(lowered.split())


def digest(block: str) -> int:
    """A block's digest: of its folded text."""
    return int.from_bytes(hashlib.blake2b(fold(block).encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little")


def blocks(text: str, max_chars: int = MAX_BLOCK_CHARS) -> Iterator[tuple[int, int]]:
    """Start and end offsets (the last line break included) of each run of non-blank lines of
    at most ``max_chars`` characters (a longer one is the page's own text, not counted)."""
    for match in _BLOCK.finditer(text):
        start, end = match.span()
        if end - start <= max_chars:
            yield start, end


def file_digests(text: str) -> bytes:
    """The distinct digests of a text's blocks, packed (what the profile counts and the cache keeps)."""
    return array(DIGEST_TYPE, sorted({digest(text[start:end]) for start, end in blocks(text)})).tobytes()


def unpack_digests(packed: bytes) -> array:
    found = array(DIGEST_TYPE)
    found.frombytes(packed)
    return found
