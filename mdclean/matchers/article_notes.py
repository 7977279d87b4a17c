"""Short blocks that are the article's own although they read like a widget's lines.

Rules that read a page's tail take short prose between two widgets (a bio, a modal's lines).
Two kinds of short block are the article's wherever they stand, and end such a reading:

- an editor's note on the article: a correction or update label (``editor-notes``: "Update
  (June 3):", "Correction:", "[2024年8月22日修正]", "追記：") followed by a sentence;
- a figure's caption: the paragraph right under a picture that repeats the picture's
  alternative text (a CMS writes a figure's caption as its ``alt`` and its ``figcaption``,
  and converters keep both), or its credit line (``figure-credits``: "Image: Unsplash+/Getty",
  "Foto: dpa", "（画像：柳谷智宣）").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Document, Node
from .linkblocks import skeleton, word_count
from .phrase_lists import fold_width

# A note's label: the words before its colon, or inside the brackets that open the block.
_BRACKETED = re.compile(r"^\W*?[\[【(（]\s*([^\]】)）]{1,40})[\]】)）]\s*(.*)$", re.DOTALL)
_COLONED = re.compile(r"^[\W_]*([^:\n]{1,40}):\s*(.*)$", re.DOTALL)
# A date or time before the note's word ("2024年8月22日17時38分修正", "22.08.2024 Update").
_LEADING_DATE = re.compile(r"^[\d\s/.,\-年月日時分秒]*")
_FULL_STOP = re.compile(r"[.!?](?:\s|$)|[。！？]")
_DIGITS = re.compile(r"\d+")
_SENTENCE_WORDS = 3
_IMAGE_ALT = re.compile(r"!\[([^\[\]]+)\]\(")
_SPACES = re.compile(r"\s+")
MIN_CAPTION_CHARACTERS = 8
"""A shorter alt text ("image", "写真") names no figure of its own."""


class NoteReader:
    """Reads whether a block is an editor's note, by the labels of ``pattern``."""

    def __init__(self, pattern: str | None) -> None:
        self.label = re.compile(rf"(?:{pattern})", re.IGNORECASE) if pattern else None

    def is_note(self, doc: Document, node: Node) -> bool:
        """Whether a paragraph's first line is an editor's note: a note's label, then a
        sentence of its own."""
        if self.label is None or node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        if skel is None:
            return False
        parts = _label_and_rest(fold_width(skel.visible).strip())
        if parts is None:
            return False
        label, rest = parts
        return self.label.match(_LEADING_DATE.sub("", label)) is not None and _opens_sentence(rest)


def _opens_sentence(text: str) -> bool:
    """Whether ``text`` opens with a sentence: ``_SENTENCE_WORDS`` words (not counting
    numbers) up to a full stop ("June 3, 2024." is a date, not a sentence)."""
    end = _FULL_STOP.search(text)
    return end is not None and word_count(_DIGITS.sub(" ", text[: end.start()])) >= _SENTENCE_WORDS


def _label_and_rest(line: str) -> tuple[str, str] | None:
    """The label that opens a line (in brackets, or before a colon) and the rest of the line."""
    m = _BRACKETED.match(line) or _COLONED.match(line)
    return None if m is None else (m.group(1).strip(), m.group(2))


class CreditReader:
    """Reads whether a block is a picture's credit line, by the labels of ``pattern``."""

    def __init__(self, pattern: str | None) -> None:
        self.label = (
            re.compile(rf"[\W_]*(?:{pattern})\s*:\s*(?P<name>.+)", re.IGNORECASE | re.DOTALL)
            if pattern
            else None
        )
        # The article's credit for its pictures, a line of its own wherever it stands, the
        # label joined to the names by a colon, an equals sign, a slash or a copyright mark,
        # in brackets or not: "Fotos: dpa", "[사진=MBC, SBS]", "(crédito: Minervino Júnior)",
        # "写真＝共同", "Photo © AFP".
        self.closing = (
            re.compile(
                rf"[\[(（【]?\s*(?:{pattern})\s*(?:[:=/|©＝／]|\(c\))\s*(?P<name>[^\n]+?)"
                r"\s*[\])）】]?",
                re.IGNORECASE,
            )
            if pattern
            else None
        )

    def is_closing_credit(self, doc: Document, node: Node) -> bool:
        """Whether a paragraph is one line that credits the article's pictures ("[사진=MBC,
        SBS]", "Foto: Michael Rauhe"), however far from them: the article's, as a note is."""
        if self.closing is None or node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.links or len(doc.node_source(node).strip().splitlines()) != 1:
            return False  # (a theme's "Credits: [Theme](…)" links to its maker)
        m = self.closing.fullmatch(fold_width(skel.visible).strip())
        return m is not None and word_count(m.group("name")) <= MAX_CREDIT_WORDS

    def is_credit(self, doc: Document, blocks: Sequence[Node], index: int) -> bool:
        """Whether ``blocks[index]`` is a short credit line ("Image: Unsplash+/Getty") right
        under a picture."""
        if self.label is None or not _under_picture(doc, blocks, index):
            return False
        skel = skeleton(doc, blocks[index])
        if skel is None:
            return False
        m = self.label.fullmatch(fold_width(skel.visible).strip())
        return m is not None and word_count(m.group("name")) <= MAX_CREDIT_WORDS


MAX_CREDIT_WORDS = 8
"""A credit names a photographer or an agency; a longer line is a sentence of its own."""


def _under_picture(doc: Document, blocks: Sequence[Node], index: int) -> bool:
    """Whether ``blocks[index]`` is a paragraph right under a paragraph of pictures alone."""
    if index == 0 or blocks[index].kind != "paragraph" or blocks[index - 1].kind != "paragraph":
        return False
    above = blocks[index - 1]
    skel = skeleton(doc, above)
    if skel is None or skel.rest:
        return False  # words beside the pictures and links: no picture alone
    start, end = doc.node_span(above)
    return _IMAGE_ALT.search(doc.text, start, end) is not None or "![](" in doc.text[start:end]


def is_figure_caption(doc: Document, blocks: Sequence[Node], index: int) -> bool:
    """Whether ``blocks[index]`` is the caption of the picture right above it: a paragraph
    whose text is the picture's alternative text."""
    if index == 0 or blocks[index].kind != "paragraph" or blocks[index - 1].kind != "paragraph":
        return False
    above, node = blocks[index - 1], blocks[index]
    skel = skeleton(doc, node)
    if skel is None or skel.links:
        return False
    caption = _SPACES.sub(" ", skel.visible).strip()
    if len(caption) < MIN_CAPTION_CHARACTERS:
        return False
    start, end = doc.node_span(above)
    alts = {_SPACES.sub(" ", alt).strip() for alt in _IMAGE_ALT.findall(doc.text, start, end)}
    return caption in alts


def without_figures(
    doc: Document, blocks: Sequence[Node], region: tuple[int, int], credits: CreditReader
) -> list[tuple[int, int]]:
    """The parts of ``blocks[start:end]`` left once each figure is taken out: a picture with
    its caption or credit line under it. A site's head or header that a rule removes may
    hold the article's lead figure (a news site puts it above the title): it stays."""
    start, end = region
    parts: list[tuple[int, int]] = []
    for index in range(start + 1, end):
        if credits.is_credit(doc, blocks, index) or is_figure_caption(doc, blocks, index):
            parts.append((start, index - 1))
            start = index + 1
    parts.append((start, end))
    return [(a, b) for a, b in parts if a < b]
