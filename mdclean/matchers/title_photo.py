"""``title-author-photo``: the author's thumbnail alone right under the post's title.

News and blog themes print the author's photo beside the byline, and a clipper keeps it on
a line of its own under the title: `![Foto de Dirceu Ferreira](…/dirceu-100x100.jpg)`,
`![Avatar](…/jane-96x96.png)`. Two signals together: the address is a square thumbnail of
at most 150 pixels (a theme's avatar size: `-96x96`, `-100x100`, `?s=96`), and the alt text
says so ("avatar", "author", "头像") or is a person's name, after at most three words such as
"Photo of" / "Foto de". An article's own pictures are larger, or named otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import InHead, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .linkblocks import skeleton

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)[^)]*\)")
# A square thumbnail's size in the address: "-100x100.jpg", "_96x96.png", "?s=96".
_SQUARE = re.compile(
    r"[-_](\d{2,3})x(\d{2,3})\.(?:jpe?g|png|webp|gif)\b|[?&](?:s|size)=(\d{2,3})\b", re.I
)
_SQUARE_RAW = re.compile(r"[-_]\d{2,3}x\d{2,3}\.(?:jpe?g|png|webp|gif)|[?&](?:s|size)=\d{2,3}")
_AUTHOR_WORDS = re.compile(
    r"avatar|gravatar|author|autor|auteur|autore|penulis|yazar|头像|頭像|作者|著者|アバター|프로필",
    re.I,
)
# The words of an alt text that say it shows a person, in 15 languages.
_PHOTO_WORDS = re.compile(
    r"\b(?:photo|picture|portrait|headshot|foto|bild|imagen|imagem|immagine|zdjęcie|фото|"
    r"ảnh|fotoğraf|gambar)\b|写真|照片|사진",
    re.I,
)
_MAX_SIZE = 150
_MAX_LEAD_WORDS = 3


class TitlePhotoMatcher(Matcher):
    name = "title-author-photo"
    params = MappingProxyType({"top_blocks": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.top_blocks = int(params.get("top_blocks", 12))

    def trigger(self) -> Trigger:
        """A square thumbnail's address in the page's head."""
        return InHead(self.top_blocks, Search(_SQUARE_RAW))

    def find(self, doc: Document) -> Iterator[Finding]:
        head = doc.root.children[: self.top_blocks]
        # The title: the page's first heading, or a heading of the first level.
        first = next((node for node in head if node.kind == "heading"), None)
        for before, node in itertools.pairwise(head):
            title = before is first or _level(doc, before) == 1
            if before.kind == "heading" and title and _author_photo(doc, node):
                start, end = doc.node_span(node)
                edit = remove_blocks(doc, node, node)
                yield Finding(start, end, edits=(edit,), applicability=safe_if(False))


def _level(doc: Document, node: Node) -> int:
    """A heading's level by its source ("# Title", or a setext title underlined with "=")."""
    if node.kind != "heading":
        return 0
    start, end = doc.node_span(node)
    source = doc.text[start:end].strip()
    if source.startswith("#"):
        return len(source) - len(source.lstrip("#"))
    return 1 if source.rstrip().endswith("=") else 2


def _author_photo(doc: Document, node: Node) -> bool:
    """A paragraph of one image whose address is a small square and whose alt names a person."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    if skel is None or skel.images != 1 or skel.links or skel.rest.strip():
        return False
    start, end = doc.node_span(node)
    image = _IMAGE.search(doc.text[start:end])
    if image is None or not _small_square(image.group(2)):
        return False
    alt = image.group(1).strip()
    return _AUTHOR_WORDS.search(alt) is not None or _named(alt)


def _small_square(address: str) -> bool:
    """Whether an image's address is a square thumbnail of at most ``_MAX_SIZE`` pixels."""
    size = _SQUARE.search(address)
    if size is None:
        return False
    sides = [int(side) for side in size.groups() if side]
    return len(set(sides)) == 1 and sides[0] <= _MAX_SIZE


def _named(alt: str) -> bool:
    """An alt text that says it is a person's photo: a photo word, then a name of two or
    three capitalized words ("Foto de Dirceu Ferreira", "Photo of Jane Doe")."""
    words = alt.split()
    name = list(
        itertools.takewhile(lambda word: word[:1].isupper() and word.isalpha(), reversed(words))
    )
    lead = " ".join(words[: len(words) - len(name)])
    fits = 2 <= len(name) <= 3 and len(words) - len(name) <= _MAX_LEAD_WORDS
    return fits and _PHOTO_WORDS.search(lead) is not None
