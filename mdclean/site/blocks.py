"""A text's blocks, as the site profile counts them: runs of non-blank lines, folded to digests.

The cut is the raw text's, not the parser's, so that learning a site costs no parse;
the rule (TPL001) checks against the parsed document which of these runs are whole
visible blocks. Folding makes one template block the same on every page: whitespace,
digits (counts, dates, ids), month names and URL query strings (tracking parameters)
do not tell two copies apart.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from array import array

_QUERY = re.compile(r"\?[^\s)\]\"'>]*")
_DIGITS = re.compile(r"\d+")
_MONTHS = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                     r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as the Document numbers lines
DIGEST_TYPE = "Q"
"""array type of a digest: 64 bits, so that a site's distinct blocks never collide in practice."""


def fold(block: str) -> str:
    """The block as every copy of it reads: case, spaces, numbers, dates and query strings folded."""
    block = _QUERY.sub("", block.lower())
    return _SPACES.sub(" ", _MONTHS.sub("M", _DIGITS.sub("0", block))).strip()


def digest(block: str) -> int:
    return int.from_bytes(hashlib.blake2b(fold(block).encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little")


def line_blocks(text: str) -> Iterator[tuple[int, int, str]]:
    """Each run of non-blank lines: its first line, the line after its last (0-based), its text."""
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # a final line break does not start another line
    start = None
    for number, line in enumerate(lines):
        if line.strip(" \t"):  # markdown-it's blank line: spaces and tabs only
            if start is None:
                start = number
        elif start is not None:
            yield start, number, "\n".join(lines[start:number])
            start = None
    if start is not None:
        yield start, len(lines), "\n".join(lines[start:])


def file_digests(text: str) -> bytes:
    """The distinct digests of a text's blocks, packed (what the profile counts and the cache keeps)."""
    return array(DIGEST_TYPE, sorted({digest(block) for _, _, block in line_blocks(text)})).tobytes()


def unpack_digests(packed: bytes) -> array:
    found = array(DIGEST_TYPE)
    found.frombytes(packed)
    return found
