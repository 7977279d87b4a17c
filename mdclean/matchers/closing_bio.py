"""``closing-bio``: the authors' cards that close a post: a photo, the name, a bio that opens
with the name.

A company or team blog ends each post with a card per author, and a clipper keeps it without
its "About the authors" label: the author's photo alone on its line, the author's name alone
on the next, then a bio in the third person that opens with that name ("Sagar Desarda is …",
"Ravi là Kiến trúc sư …", "佐藤は …"). The page's last blocks are read backwards as such cards
(a blank paragraph, a non-breaking space left by the editor, may part them); the cards go.
The bio's opening word must be the name's: that, the photo and the place are the evidence.
A README's or an article's own "Jane Doe" section has a heading, a link or no photo, and an
article about a person goes on after the bio: all stay. Unsafe: a guess by shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AnyOf, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .linkblocks import Skeleton, skeleton

# The raw text of a card (lower-cased), which ``find`` asks of each card so that the trigger,
# the same regexes searched in the whole text, is exact: an image on its line, a blank line, a
# short line, a blank line, then a line that opens with the short line's first word; or an
# image whose address holds a word that the next paragraph's first four words hold.
_CARD_SHAPE = re.compile(
    r"!\[[^\]\n]*\][^\n]*\n[ \t\r]*\n[ \t]{0,3}([^\W\d_][^\s]*)[^\n]{0,60}\n[ \t\r]*\n[ \t]{0,3}\1"
)
_NAMED_PHOTO_SHAPE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*?([a-z]{3,})[^)\n]*\)[ \t\r]*\n[ \t\r]*\n[ \t]{0,3}(?:[a-z'-]+ ){0,3}\1"
)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_MAX_NAME_WORDS = 4
# A bio's opening name: two to four capitalized words, then a lower-case word ("Pat Patterson is").
_LEADING_NAME = re.compile(r"((?:[A-Z][a-z'-]+ ){1,3}[A-Z][a-z'-]+) [a-z]")
_PORTRAIT = re.compile(
    r"avatar|gravatar|author|autor|auteur|autore|penulis|yazar|profile|headshot|portrait|"
    r"作者|著者|头像|頭像|プロフィール|작성자|프로필|\d{2,3}x\d{2,3}\."
)
_MAX_NAME_CHARS = 8  # a name in a script without spaces


class ClosingBioMatcher(Matcher):
    name = "closing-bio"
    params = MappingProxyType({"min_bio_words": int, "max_bio_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_bio_words = int(params.get("min_bio_words", 12))
        self.max_bio_words = int(params.get("max_bio_words", 120))

    def trigger(self) -> Trigger:
        """A card's raw shape (``find`` asks each card for it)."""
        return AnyOf((Search(_CARD_SHAPE, folded=False), Search(_NAMED_PHOTO_SHAPE, folded=False)))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if not _blank(doc, node)]
        end = first = len(blocks)
        sizes: list[int] = []
        while size := self._card_size(doc, blocks[:first]):
            first -= size
            sizes.append(size)
        # One card of three blocks alone must show its person: its photo's address or alt
        # text names the author or says it is a portrait (a captioned landscape closing a
        # travel post stays). A card of two blocks always does.
        if not sizes or (sizes == [3] and not _portrait(doc, blocks[first:end])):
            return
        start, stop = doc.node_span(blocks[first])[0], doc.node_span(blocks[end - 1])[1]
        edit = remove_blocks(doc, blocks[first], blocks[end - 1])
        yield Finding(start, stop, edits=(edit,), applicability=safe_if(False))

    def _card_size(self, doc: Document, blocks: list[Node]) -> int:
        """How many of the last blocks are an author's card: three (photo, name, bio), two
        (a photo that names the person, a bio opening with the name), or none."""
        three, two = blocks[-3:], blocks[-2:]
        if len(three) == 3 and self._card(doc, three) and _shaped(_CARD_SHAPE, doc, three):
            return 3
        if len(two) == 2 and self._named_photo_card(doc, two):
            return 2 if _shaped(_NAMED_PHOTO_SHAPE, doc, two) else 0
        return 0

    def _named_photo_card(self, doc: Document, card: list[Node]) -> bool:
        """A photo whose address or alt text holds the author's name ("PatPatterson-150x150.png"),
        then a bio that opens with that name ("Pat Patterson is …"), its profile links allowed."""
        skeletons = _paragraph_skeletons(doc, card)
        if skeletons is None:
            return False
        photo, bio = skeletons
        if photo is None or bio is None or not _photo_alone(photo) or bio.images:
            return False
        return self._bio_length(bio) and _photo_names(doc, card[0], bio)

    def _card(self, doc: Document, card: list[Node]) -> bool:
        """Whether three blocks are a photo alone, a name alone and a bio opening with it."""
        skeletons = _paragraph_skeletons(doc, card)
        if skeletons is None:
            return False
        photo, name, bio = skeletons
        if photo is None or name is None or bio is None or not _photo_alone(photo):
            return False
        words = _name_words(name)
        if not words or bio.links or bio.images:
            return False
        return self._bio_length(bio) and _opens_with(bio, words)

    def _bio_length(self, bio: Skeleton) -> bool:
        """Whether a bio has as many words as a bio has (``min_bio_words`` to ``max_bio_words``)."""
        return self.min_bio_words <= bio.words() <= self.max_bio_words


def _paragraph_skeletons(doc: Document, card: list[Node]) -> list[Skeleton | None] | None:
    """The skeleton of each block of the card; None unless every block is a paragraph."""
    if any(node.kind != "paragraph" for node in card):
        return None
    return [skeleton(doc, node) for node in card]


def _photo_names(doc: Document, photo: Node, bio: Skeleton) -> bool:
    """Whether the photo's address or alt text holds two words of the name the bio opens with."""
    opening = _LEADING_NAME.match(bio.text.strip())
    if opening is None:
        return False
    start, end = doc.node_span(photo)
    address = doc.text[start:end].lower()
    named = [w for w in opening.group(1).split() if len(w) > 2 and w.lower() in address]
    return len(named) >= 2


def _opens_with(bio: Skeleton, words: list[str]) -> bool:
    """Whether the bio opens with the name (whole, or its first word)."""
    opening = bio.text.strip()
    return opening.startswith(" ".join(words)) or _first_word(opening) == words[0]


def _shaped(shape: re.Pattern[str], doc: Document, card: list[Node]) -> bool:
    """Whether the card's lower-cased source opens with the raw shape the trigger searches."""
    text = doc.text[doc.node_span(card[0])[0] : doc.node_span(card[-1])[1]].lower()
    return shape.match(text) is not None


def _photo_alone(photo: Skeleton) -> bool:
    """A paragraph of one image and nothing else."""
    return photo.images == 1 and not photo.links and not photo.rest.strip()


def _portrait(doc: Document, card: list[Node]) -> bool:
    """Whether the card's photo is of its person, by its address or alt text."""
    name = skeleton(doc, card[1])
    start, end = doc.node_span(card[0])
    photo = doc.text[start:end].lower()
    words = _name_words(name) if name is not None else []
    return _PORTRAIT.search(photo) is not None or any(
        len(word) > 2 and word.lower() in photo for word in words
    )


def _blank(doc: Document, node: Node) -> bool:
    """A paragraph of spaces only (a non-breaking space an editor left between cards)."""
    if node.kind != "paragraph":
        return False
    start, end = doc.node_span(node)
    return not doc.text[start:end].strip()


def _name_words(name: Skeleton) -> list[str]:
    """The words of a person's name alone on its line: two to four capitalized words, or a
    few characters of a script without capitals; empty otherwise."""
    if name.links or name.images:
        return []
    words = name.text.split()
    if _UNSPACED.search(name.text):
        text = "".join(words)
        return [text] if len(words) == 1 and len(text) <= _MAX_NAME_CHARS else []
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return []
    if all(word[:1].isupper() and word.isalpha() for word in words):
        return words
    return []


def _first_word(text: str) -> str:
    match = re.match(r"[^\s,.;:]+", text)
    return match.group() if match else ""
