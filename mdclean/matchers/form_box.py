"""``form-box-island``: a sign-up box a converter flattened into a few short blocks between the
article's paragraphs, told by what proves a form.

A newsletter box is a title ("Le journal du soir"), a promise ("Tous les soirs à 18h"), an
e-mail prompt, a consent line linking to the terms and the privacy policy, and the message the
page's script shows once one has signed up ("Votre inscription a bien été prise en compte"). A
clipper or converter keeps them all, each a short block of its own. Read here by structure:
the page's top-level blocks fall into islands of short blocks (``max_words`` words at most each;
a consent line up to ``max_consent_words``; an image alone) between longer ones, and an island of
``min_blocks`` to ``max_blocks`` blocks goes when it proves a form, without the article's
sentences at its edges (a paragraph of ``min_sentence_words`` words or more that ends a
sentence, neither naming the channel nor a sign of a form) and a heading at its end:

- one of its blocks names the box's channel (``mail_words``: "newsletter", "e-mail", "メール"...),
- and another sign stands in it: a consent line (words, and a link to the site's terms or
  privacy page, told by the link's target or its caption, ``legal``); a link to a sign-up page
  (``signup_targets``: ``/newsletter``, ``/subscription``, ``list-manage.com``...); a block that
  is a form's field, button or message whole (``fields``, ``buttons``, ``messages``: the sign-up
  plug-ins' strings); or the channel named again in another block, one of the two a title of
  ``max_title_words`` words at most.

An island is what lies between the article's paragraphs: its bounds are the page's structure,
so a box is taken with its title and messages and never a paragraph of prose. An article about
newsletters writes paragraphs; a box of more blocks than ``max_blocks`` (a page's whole tail of
short lines) is not read. The fix is unsafe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, compile_patterns
from .linkblocks import Link, heading_level, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern

_TEXT_KINDS = ("paragraph", "heading")
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”»)\]]*$")


@dataclass(slots=True)
class _Block:
    node: Node
    text: str  # the visible text, spaces folded
    words: int
    links: list[Link] = field(default_factory=list)
    image_only: bool = False


class FormBoxIslandMatcher(Matcher):
    name = "form-box-island"
    params = MappingProxyType(
        {
            "mail_words": list,
            "signup_targets": list,
            "legal_targets": list,
            "legal": list,
            "fields": list,
            "buttons": list,
            "messages": list,
            "max_words": int,
            "max_consent_words": int,
            "max_title_words": int,
            "min_blocks": int,
            "max_blocks": int,
            "min_sentence_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._mail_literals = tuple(str(word).lower() for word in params.get("mail_words", []))
        self.mail = re.compile("|".join(re.escape(w) for w in self._mail_literals), re.I)
        self.signup_targets = compile_patterns(params.get("signup_targets", []), "signup_targets")
        self.legal_targets = compile_patterns(params.get("legal_targets", []), "legal_targets")
        self.legal = _whole(params, "legal")
        self.whole_blocks = [
            pattern
            for pattern in (
                _whole(params, "fields"),
                _whole(params, "buttons"),
                _whole(params, "messages"),
            )
            if pattern is not None
        ]
        self.max_words = int(params.get("max_words", 20))
        self.max_consent_words = int(params.get("max_consent_words", 50))
        self.max_title_words = int(params.get("max_title_words", 6))
        self.min_blocks = int(params.get("min_blocks", 3))
        self.max_blocks = int(params.get("max_blocks", 9))
        self.min_sentence_words = int(params.get("min_sentence_words", 6))

    def trigger(self) -> Trigger:
        """Every finding names the box's channel (a word of ``mail_words``)."""
        return literals(*self._mail_literals)

    def find(self, doc: Document) -> Iterator[Finding]:
        island: list[_Block] = []
        head = True  # the page's first blocks: its title and head, no box
        for node in doc.root.children:
            if head:
                head = node.kind == "front_matter" or self._block(doc, node) is not None
                continue
            block = self._block(doc, node)
            if block is not None:
                island.append(block)
                continue
            yield from self._finding(doc, island)
            island = []
        yield from self._finding(doc, island)

    def _block(self, doc: Document, node: Node) -> _Block | None:
        """The block as a part of an island: a short paragraph or heading, an image alone, a
        consent line; None for anything else (the island's bound)."""
        if node.kind not in _TEXT_KINDS or (
            node.kind == "heading" and heading_level(doc, node) == 1
        ):
            return None  # (the page's title bounds an island)
        skel = skeleton(doc, node)
        if skel is None:
            return None
        text = " ".join(fold_width(skel.visible).split())
        words = word_count(text)
        if not text:
            return _Block(node, text, 0, list(skel.links), image_only=skel.images > 0)
        block = _Block(node, text, words, list(skel.links))
        if words <= self.max_words:
            return block
        if words <= self.max_consent_words and self._consent(block):
            return block
        return None

    def _finding(self, doc: Document, island: list[_Block]) -> Iterator[Finding]:
        island = self._trimmed(island)
        texts = [block for block in island if not block.image_only and block.text]
        if not self.min_blocks <= len(texts) <= self.max_blocks:
            return
        if not self._proves_form(texts):
            return
        first, last = island[0].node, island[-1].node
        start, end = doc.node_span(first)[0], doc.node_span(last)[1]
        yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _trimmed(self, island: list[_Block]) -> list[_Block]:
        """The island from the box's title (the blocks above it longer than a title, neither
        naming the channel nor a form's sign, are the article's), without the article's
        sentences at its end (a short paragraph that ends a sentence, neither the channel's nor
        a form's sign) nor a heading there (it titles what follows)."""
        start, end = 0, len(island)
        while start < end and (island[start].image_only or self._before_title(island[start])):
            start += 1
        while start < end and (
            island[end - 1].node.kind == "heading" or self._sentence(island[end - 1])
        ):
            end -= 1
        return island[start:end]

    def _before_title(self, block: _Block) -> bool:
        """A block above the box's title: longer than a title, neither the channel's nor a
        form's sign (a box opens on its title: the article's lines above it stay)."""
        return (
            (block.words > self.max_title_words or self._sentence(block))
            and not self.mail.search(block.text)
            and not self._sign(block)
        )

    def _sentence(self, block: _Block) -> bool:
        return (
            block.words >= self.min_sentence_words
            and _SENTENCE_END.search(block.text) is not None
            and not self.mail.search(block.text)
            and not self._sign(block)
        )

    def _proves_form(self, blocks: list[_Block]) -> bool:
        """A block names the channel, and another sign of a form stands in another block."""
        named = [block for block in blocks if self.mail.search(block.text)]
        if not named:
            return False
        for block in blocks:
            if self._sign(block) and any(other is not block for other in named):
                return True
        if len(named) >= 2:
            return any(block.words <= self.max_title_words for block in named)
        return False

    def _sign(self, block: _Block) -> bool:
        """A consent line, a link to a sign-up page, or a form's field, button or message."""
        if any(self._signup(link.href) for link in block.links):
            return True
        if self._consent(block):
            return True
        return any(pattern.fullmatch(block.text) for pattern in self.whole_blocks)

    def _signup(self, href: str) -> bool:
        return any(pattern.search(href) for pattern in self.signup_targets)

    def _consent(self, block: _Block) -> bool:
        """Words around a link to the terms or the privacy page (its target or its caption)."""
        if not block.links:
            return False
        legal = [link for link in block.links if self._legal_link(link)]
        if not legal:
            return False
        captions = sum(word_count(link.text) for link in block.links)
        return block.words - captions >= 3

    def _legal_link(self, link: Link) -> bool:
        if any(pattern.search(link.href) for pattern in self.legal_targets):
            return True
        caption = " ".join(fold_width(link.text).split())
        return self.legal is not None and self.legal.fullmatch(caption) is not None


def _whole(params: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    phrases = phrase_pattern(params, key, f"{key}_inline")
    return re.compile(rf"[\W_]*(?:{phrases})[\W_]*", re.I) if phrases else None
