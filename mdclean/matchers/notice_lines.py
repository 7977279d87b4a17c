"""``notice-lines``: a site's notice kept as a paragraph of its own or as a line of a text copy.

A news site prints the same sentence under every article: an editorial disclaimer ("The views
and opinions expressed in the article do not necessarily reflect those of Sputnik.", "文章代表作者
个人观点…", "記事内の筆者見解は…を代表するものではありません。"), an invitation to report a mistake
("Fehler auf taz.de entdeckt? Wir freuen uns über eine Mail an …"), a script's status message
that stays hidden until something goes wrong ("Произошла ошибка. Пожалуйста, повторите попытку
позже.", "Cargando siguiente contenido..."). A converter keeps it as a paragraph; a select-all
copy or an innerText extraction keeps it as a line among the page's other lines, where no block
rule sees it.

Two readings, both of the whole text a reader sees (``line_reading``: links as their text,
markup gone; spaces folded):

- a paragraph of at most ``max_words`` words whose whole text is one or more of the
  ``phrases`` (a notice wrapped over two lines is one paragraph) goes whole;
- with ``lines`` (the default), a line of a paragraph of several lines whose whole text is
  one or more of the phrases goes (in a list's item, only the lines a text copy ran on under
  the item's first line without a marker), with the lines right under it that are phrases too (a
  notice of two sentences, one a line). A line of wrapped prose is never read so: the line
  must open a sentence (no lower-case letter first) and the line above it must end one (or be
  short), so a sentence that runs on from the line above keeps its line.

Only whole blocks and whole lines go: no word is cut from a line of prose. What a phrase list
holds is a whole sentence of a notice, never a word of one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks, remove_span
from .line_reading import line_reading
from .linkblocks import word_count
from .phrases import PhraseMatcher

# The end of a sentence (or of a label or a quote) on the line above: what ends it there
# lets the next line open a sentence of its own.
_ENDS = re.compile(r"[.!?:;。！？：；…)\]\"'”’»」』*_]\s*$")
# A line above this short is a caption or a label, not a wrapped sentence.
_SHORT_ABOVE = 8
_LETTER = re.compile(r"[^\W\d_]")


class NoticeLinesMatcher(PhraseMatcher):
    name = "notice-lines"
    params = MappingProxyType({**PhraseMatcher.params, "max_words": int, "lines": bool})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_words = int(params.get("max_words", 60))
        self.lines = bool(params.get("lines", True))

    @cached_property
    def whole(self) -> re.Pattern[str]:
        """One or more phrases that fill the text, punctuation around and between them."""
        return re.compile(rf"[\W_]*(?:(?:{self.labels})[\W_]*)+", re.IGNORECASE)

    def _is_notice(self, text: str) -> bool:
        if not text or word_count(text) > self.max_words:
            return False
        return self.whole.fullmatch(text) is not None

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _rough in self.blocks_to_probe(doc, "paragraph"):
            parent = _container(node)
            if parent in ("root", "list_item"):  # (a quote is the article's)
                yield from self._paragraph_findings(doc, node, parent)

    def _paragraph_findings(self, doc: Document, node: Node, parent: str) -> Iterator[Finding]:
        readings = [line_reading(doc.line_text(at)) for at in _lines(node)]
        if parent == "root" and self._is_whole_notice(readings):
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node),))
        elif self.lines and len(readings) > 1:
            texts = [text if not image else "" for text, image in readings]
            # (an item's first line is the item's own: only the lines a text copy ran on
            # under it without a marker are read)
            yield from self._line_findings(doc, node, texts, 0 if parent == "root" else 1)

    def _is_whole_notice(self, readings: Sequence[tuple[str, bool]]) -> bool:
        """Whether the paragraph's whole text, no image in it, is notices and nothing else."""
        if any(image for _text, image in readings):
            return False
        return self._is_notice(" ".join(" ".join(text for text, _image in readings).split()))

    def _line_findings(
        self, doc: Document, node: Node, texts: Sequence[str], first: int
    ) -> Iterator[Finding]:
        at = first
        while at < len(texts):
            if not self._opens_notice(texts, at):
                at += 1
                continue
            last = at
            while last + 1 < len(texts) and self._is_notice(texts[last + 1]):
                last += 1
            if last - at + 1 < len(texts):  # (a paragraph of notices only is read whole)
                first_line = node.start_line + at
                start = doc.line_offset(first_line)
                end = doc.line_end(first_line + last - at)
                yield Finding(start, end, edits=(remove_span(doc, start, end),))
            at = last + 1

    def _opens_notice(self, texts: Sequence[str], at: int) -> bool:
        """Whether the line is a notice that opens a sentence of its own: not a line of a
        wrapped paragraph whose sentence runs on from the line above."""
        text = texts[at]
        if not self._is_notice(text):
            return False
        first = _LETTER.search(text)
        if first is not None and first.group().islower():
            return False
        if at == 0:
            return True
        above = texts[at - 1]
        return _ENDS.search(above) is not None or word_count(above) <= _SHORT_ABOVE


def _container(node: Node) -> str | None:
    return node.parent.kind if node.parent is not None else None


def _lines(node: Node) -> range:
    return range(node.start_line, node.end_line)
