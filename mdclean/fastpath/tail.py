"""The tail of a Markdown body: the raw text after its last paragraph that is surely long.

Rules that read only a page's tail (no paragraph after what they find has more than
``max_words`` words outside its links) need not be triggered by what stands above the last
long paragraph. Without a parse the bound must be sound, so a chunk counts as such a
paragraph only when the raw text proves it (a chunk whose tail is cut too late is harmless):

- it opens a top-level block (``head``'s reader: not inside a fence, a long HTML block, a
  list or indented code), and every one of its lines opens with a letter (no heading, list,
  quote, table row, HTML or setext underline can stand in it: it is one paragraph);
- it is ASCII, and more than ``max_words`` of its tokens are words a reader surely sees
  outside links: link texts, targets and image texts are dropped first, nothing after a ``<`` counts,
  and a link with a title makes the chunk unsure.

When the raw text cannot tell (front matter left in, lone CR line breaks, an unclosed fence),
or a reference definition above the tail may name a link of it, the tail is the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .head import _is_blank, _Reader, lone_cr
from .raw_text import part_of, per_text
from .triggers import Trigger, suffix_gate

# A word surely seen: letters and digits, with emphasis marks and closing punctuation around.
_SEEN_WORD = re.compile(r"[*_~]*[^\W_]+[*_~]*[.,;:!?]*")
# The tokens (runs between white space, as ``str.split`` cuts them) that are such words: one
# pass of the regex, not one match per token.
_SEEN_WORDS = re.compile(rf"(?<!\S){_SEEN_WORD.pattern}(?!\S)")
_TARGET = re.compile(r"\]\([^\s)]*(\)?)")  # a link's target; no ")" after it: a title may follow
_BRACKETED = re.compile(r"!?\[[^\[\]]*\]?")


def words_outside_links(chunk: str) -> int:
    """At most the words outside links of the paragraph that is this chunk (0 when unsure)."""
    if not chunk.isascii() or any(not target.group(1) for target in _TARGET.finditer(chunk)):
        return 0  # a title (or a target written in <>) may follow a target: its words are unseen
    # HTML (a tag, a comment, an autolink) may hide what follows it: nothing after it counts.
    text = chunk.partition("<")[0]
    while "[" in text:  # link and image texts, innermost first (an unclosed one: to the end)
        text = _BRACKETED.sub(" ", text)
    seen = len(_SEEN_WORDS.findall(text))
    return seen - chunk.strip().count("\n")  # (a line break could join two words: as one)


@per_text  # the rules that read the tail share one scan of the text
def _long_paragraph_ends(text: str) -> tuple[int, ...] | None:
    """For each chunk that is surely a top-level paragraph: where it starts and ends and its
    words outside links (``start, end, words, start, end, words...``); None when the raw text
    cannot tell."""
    if text.startswith("---") or lone_cr(text):
        return None
    reader = _Reader(text)
    found: list[int] = []
    while reader.at < len(reader.lines):
        line = reader.take()
        before = reader.counted
        if not reader.read(line):
            return None
        if reader.counted == before or not line[:1].isalpha():
            continue
        if not _read_chunk(reader, text, reader.offset - len(line), found):
            return None
    return tuple(found)


def _read_chunk(reader: _Reader, text: str, start: int, found: list[int]) -> bool:
    """The rest of a chunk whose first line, starting with a letter, starts at ``start``: when
    every line up to a blank one starts with a letter it is surely a paragraph (its place and
    words go to ``found``); else the line that breaks the run is read as the reader would.
    False: the raw text cannot tell."""
    while reader.at < len(reader.lines) and not _is_blank(reader.lines[reader.at]):
        following = reader.take()
        if not following[:1].isalpha():
            reader.in_chunk = True  # the chunk goes on with a line read as the reader would
            return reader.read(following)
    found += (start, reader.offset, words_outside_links(text[start : reader.offset]))
    return True


def tail_start(text: str, max_words: int) -> int:
    """Where the text's tail starts: past the last chunk that is surely a top-level paragraph
    of more than ``max_words`` words outside its links (0: the whole text)."""
    ends = _long_paragraph_ends(text)
    if ends is None:
        return 0
    start = next(
        (ends[i + 1] for i in range(len(ends) - 3, -1, -3) if ends[i + 2] > max_words),
        0,
    )
    # A reference definition above may name a link of the tail: the triggers read them there.
    return 0 if "]:" in text[:start] else start


def last_long_paragraph_start(text: str, max_words: int) -> int:
    """Where the text's last chunk that is surely a top-level paragraph of more than
    ``max_words`` words outside its links starts (0: there is none, or the raw text cannot
    tell). A rule that reads only that paragraph and what follows it (``closing-ask``) finds
    no word of its own above this place; a reference definition above names no word there."""
    ends = _long_paragraph_ends(text)
    if ends is None:
        return 0
    return next(
        (ends[i] for i in range(len(ends) - 3, -1, -3) if ends[i + 2] > max_words),
        0,
    )


@dataclass(frozen=True)
class InTail(Trigger):
    """``inner`` holds in the tail of the body after its last paragraph of more than
    ``max_words`` words outside links (``tail_start``); in the whole text when unsure."""

    max_words: int
    inner: Trigger
    # Asked of the whole text first: where it fails no tail holds ``inner`` (``suffix_gate``),
    # and the tail need not be read.
    _gate: Trigger | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_gate", suffix_gate(self.inner))  # (frozen: set once)

    def holds(self, text: str) -> bool:
        if self._gate is not None and not self._gate.holds(text):
            return False
        start = tail_start(text, self.max_words)
        tail = part_of(text, ("tail", start), lambda: text[start:]) if start else text
        return self.inner.holds(tail if tail is not None else text)
