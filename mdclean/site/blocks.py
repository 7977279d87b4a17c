"""A text's blocks, as the site profile counts them: runs of non-blank lines, folded to digests.

The cut is the raw text's, not the parser's, so that learning a site costs no parse;
the rule (TPL001) checks against the parsed document which of these runs are whole
visible blocks. Folding makes one template block the same on every page: case,
spaces and URL query strings (tracking parameters) never tell two copies apart, nor
do numbers (dates, counts, ids) in a block that holds no path or URL: there digits
stay, since ``/img/20230714.png`` and ``/img/20230715.png`` are two pictures of the
article, not one template. Folding works on bytes, block by block with C string
methods: it runs on every block of every file of a site.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterator

# A run of lines each holding something besides spaces and tabs (markdown-it's blank line),
# with its last line break; a line starts after any of \n, \r\n and \r, as for the Document.
_BLOCK = re.compile(r"(?<![^\r\n])(?:[ \t]*[^ \t\r\n][^\r\n]*(?:\r\n?|\n|\Z))+")
_SPACE_ONLY_LINE = re.compile(r"\n[ \t]+(?:\n|\Z)")
_QUERY = re.compile(rb"\?[^\s)\]\"'>=]*=[^\s)\]\"'>]*")
_DIGITS_TO_ZERO = bytes.maketrans(b"0123456789", b"0000000000")
MAX_BLOCK_CHARS = 1000
"""A longer run of lines is the page's own text: it is not counted (nor folded, which costs)."""
DIGEST_TYPE = "Q"
"""array type of a digest: 64 bits, so that a site's distinct blocks never collide in practice."""


def blocks(text: str, max_chars: int = MAX_BLOCK_CHARS) -> Iterator[tuple[int, int]]:
    """Start and end offsets of each run of non-blank lines of at most ``max_chars`` characters
    (about: the end may or may not take the last line break; one text is always cut alike)."""
    if "\r" in text or _SPACE_ONLY_LINE.search(text):
        for match in _BLOCK.finditer(text):
            start, end = match.span()
            if end - start <= max_chars:
                yield start, end
        return
    position = 0  # the common case: only "\n\n" separates blocks, and str.split finds them in C
    for piece in text.split("\n\n"):
        start, end = position, position + len(piece)
        position = end + 2
        if len(piece) <= max_chars:
            content = piece.lstrip("\n")  # after three line breaks, the third opens the piece
            if content:
                yield end - len(content), end


def digest(block: str) -> int:
    """A block's digest, of its folded bytes (the same for the block lower-cased: the fast path
    reads lower-cased text)."""
    folded = block.lower().encode("utf-8", "surrogatepass")
    if b"?" in folded:
        folded = _QUERY.sub(b"?", folded)
    if b"/" not in folded:
        folded = folded.translate(_DIGITS_TO_ZERO)
        while b"00" in folded:
            folded = folded.replace(b"00", b"0")
    return int.from_bytes(
        hashlib.blake2b(b" ".join(folded.split()), digest_size=8).digest(), "little"
    )


def plain(text: str) -> str:
    """Text compared as a reader would: case and spaces aside (``template-keep``, titles)."""
    return " ".join(text.lower().split())


def file_digests(text: str) -> bytes:
    """The distinct digests of a text's blocks, packed (what the profile counts and the cache keeps)."""
    return array(
        DIGEST_TYPE, sorted({digest(text[start:end]) for start, end in blocks(text)})
    ).tobytes()


def unpack_digests(packed: bytes) -> array[int]:
    found = array(DIGEST_TYPE)
    found.frombytes(packed)
    return found
