"""``author-line``: a byline told by where its link leads, the author's page, with a date or a
role beside it.

News sites and blogs link the author's name to the author's page, and the addresses of those
pages take the same few words in every language (``targets``: ``/author/NAME``,
``/autor/NAME.html``, ``/yazar/NAME``, ``/penulis/NAME``, ``/tac-gia/NAME``,
``/journalist/NAME``, ``?author=12``). A converter keeps the byline as a block of its own:
"Kolumne von [Carla](…/author/carla/) - 28.04.2024 um 08:52 Uhr - [12 Ergänzungen](…#comments)",
"#### [Marcus De Guzman](…/author/marcus.html)[View More Articles](…/author/marcus.html)".
A paragraph or heading (or a list of one item) goes when:

- one of its links leads to an author's page, and each of its others to the author's page,
  the theme's machinery (tags, categories, the comments' anchor: ``fix_safety``) or a
  social profile;
- it holds at most ``max_outside`` words outside its links (a label, a date, a role) and is
  no sentence of more than ``sentence_words`` words;
- it does not stand between two paragraphs of the article's prose (``prose_words`` words
  and a sentence's end each): a line inside the article that credits someone stays.

A sentence that names and links the author ("Thanks to [Anna](/autor/anna/) for reviewing
this") is prose and stays; so is a bio's paragraph. Unsafe: the credit may matter to whoever
keeps the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .chrome_tail import BlockReading, block_reading
from .fix_safety import links_in, machinery_link, social_profile
from .linkblocks import LIST_KINDS

_LINE_KINDS = ("paragraph", "heading")


class AuthorLineMatcher(Matcher):
    name = "author-line"
    params = MappingProxyType(
        {
            "keywords": list,
            "targets": list,
            "max_outside": int,
            "sentence_words": int,
            "prose_words": int,
        }
    )
    required = frozenset({"keywords", "targets"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.target = any_pattern(compile_patterns(list(params["targets"]), "targets"))
        self.max_outside = int(params.get("max_outside", 12))
        self.sentence_words = int(params.get("sentence_words", 6))
        self.prose_words = int(params.get("prose_words", 20))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        for i, node in enumerate(blocks):
            if not self._byline(doc, node):
                continue
            if self._inside_article(doc, blocks, i):
                continue  # (a credit line between the article's paragraphs)
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _inside_article(self, doc: Document, blocks: list[Node], i: int) -> bool:
        """Whether the block stands between two paragraphs of prose."""
        return (
            0 < i < len(blocks) - 1
            and self._prose(doc, blocks[i - 1])
            and self._prose(doc, blocks[i + 1])
        )

    def _byline(self, doc: Document, node: Node) -> bool:
        """A short line whose links lead to the author's page (and the theme's machinery)."""
        line = _line(node)
        if line is None:
            return False
        links = links_in(doc, [line])
        if not any(self._author(link.href) for link in links):
            return False
        if not all(
            self._author(link.href) or machinery_link(link.href) or social_profile(link.href)
            for link in links
        ):
            return False
        reading = block_reading(doc, line)
        return reading is not None and self._short(reading)

    def _short(self, reading: BlockReading) -> bool:
        if reading.outside > self.max_outside:
            return False
        return not (reading.sentence and reading.outside > self.sentence_words)

    def _author(self, href: str) -> bool:
        return self.target is not None and self.target.search(href.strip()) is not None

    def _prose(self, doc: Document, node: Node) -> bool:
        if node.kind != "paragraph":
            return False
        reading = block_reading(doc, node)
        return (
            reading is not None
            and reading.outside >= self.prose_words
            and reading.outside >= reading.inside
            and reading.sentence
        )


def _line(node: Node) -> Node | None:
    """The block's one line: a paragraph or heading, or the one paragraph of a list of one
    item; None for any other block."""
    if node.kind in _LINE_KINDS:
        return node
    if node.kind in LIST_KINDS and len(node.children) == 1:
        item = node.children[0]
        if len(item.children) == 1 and item.children[0].kind == "paragraph":
            return item.children[0]
    return None
