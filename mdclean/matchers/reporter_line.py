"""``reporter-line``: a news byline with the reporter's mail address, a paragraph of its own.

News sites print the reporter's name with a newsroom title and a mail address above or below
the story ("홍길동 기자 hong@example.co.kr", "칼럼니스트 박생강 pillgoo9@gmail.com", "记者 张三
zhangsan@example.cn", "By Jane Roe, jane@example.com"). A converter keeps it as a paragraph of
one line. It goes when, as a reader sees it, it is nothing but a title of ``titles`` (before or
after the name), a name of ``max_name_words`` words at most, and one mail address, with
brackets or a separator between them; a line with any other word ("Write to Jane Roe at
jane@example.com with your questions") stays, and so does a name and a mail address without a
title (a contact's card in a how-to).

With ``without_address``, a byline needs no mail address when it stands in the page's head
(above its first paragraph of more than ``prose_words`` words) or in its tail (after its last
one): a title and a name, the title glued to the outlet's name perhaps ("**半月谈记者 史卫燕**",
"责任编辑：孔德明", "Editor : Heryadi", "Penulis: Budi | Editor: Ani"); after the article, a
title and its colon alone too (the name was a link or an image the copy lost: "责任编辑："). A
line between two long paragraphs is the article's (a film's credits, an interview's speaker).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import ALWAYS, Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .line_reading import line_reading
from .link_words import words_besides_links
from .linkblocks import skeleton
from .phrase_lists import phrase_pattern

_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_NAME_WORD = r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]+)*\.?"
_OPEN = r"[\[(【〔<]?\s?"
_CLOSE = r"\s?[\])】〕>]?"
_SEP = r"\s?[,/|:·=–—-]?\s?"


class ReporterLineMatcher(Matcher):
    name = "reporter-line"
    params = MappingProxyType(
        {
            "phrases": list,
            "labels": list,
            "max_name_words": int,
            "without_address": bool,
            "prose_words": int,
            "keywords": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        titles = phrase_pattern(params)
        if titles is None:
            raise ParamError("params.phrases: give at least one phrase list or label")
        words = int(params.get("max_name_words", 4))
        name = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,{words - 1}}}"
        title = rf"(?:{titles})"
        body = (
            rf"(?:{title}{_SEP}{_OPEN}{name}(?:\s{title})?|{name}\s?{title})"
            rf"{_CLOSE}{_SEP}{_OPEN}{_EMAIL}{_CLOSE}"
        )
        self._line = re.compile(rf"{_OPEN}{body}{_CLOSE}\.?", re.IGNORECASE)
        self.without_address = bool(params.get("without_address", False))
        self.prose_words = int(params.get("prose_words", 40))
        # A title (glued to the outlet's name perhaps) and a name, after a colon or a space;
        # a few such credits in a row ("Penulis: Budi | Editor: Ani").
        outlet = r"(?:[^\W\d_]{1,12})?"
        # (the name before the title only in a script without capitals: "박준석 기자"; an
        # English "Dialog Editor" is a name of a thing)
        after = rf"|(?=[^\x00-\u024f]){name}\s{title}"
        credit = rf"{_OPEN}(?:{outlet}{title}(?:\s?:\s?|\s){_OPEN}{name}{after}){_CLOSE}"
        self._credit = re.compile(
            rf"{_OPEN}{credit}(?:\s?[|,/·]?\s?{credit}){{0,2}}{_CLOSE}\.?", re.IGNORECASE
        )
        # A title and its colon, the name lost with its link or image ("责任编辑：").
        self._bare = re.compile(rf"{_OPEN}{outlet}{title}\s?:{_CLOSE}", re.IGNORECASE)

    def trigger(self) -> Trigger:
        """A mail address's at sign; with ``without_address``, or a word every title holds."""
        if not self.without_address or not self.keywords:
            return literals("@") if not self.without_address else ALWAYS
        return literals("@", *self.keywords)

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        edges = self._edges(doc, blocks) if self.without_address else None
        for index, node in enumerate(blocks):
            if node.kind != "paragraph" or node.end_line - node.start_line != 1:
                continue
            raw = doc.line_text(node.start_line)
            text, has_image = line_reading(raw)
            if has_image or not self._byline(text, index, edges):
                continue
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node, node),))

    def _byline(self, text: str, index: int, edges: tuple[int, int] | None) -> bool:
        if "@" in text and self._line.fullmatch(text) is not None:
            return True
        if edges is None or edges[0] <= index < edges[1]:
            return False  # between the article's long paragraphs: its own line
        if index >= edges[1] and self._bare.fullmatch(text) is not None:
            return True  # (after the article only: in its head, the name may follow)
        return self._credit.fullmatch(text) is not None

    def _edges(self, doc: Document, blocks: list[Node]) -> tuple[int, int]:
        """The index of the page's first paragraph of more than ``prose_words`` words, and the
        index after its last one (the head and the tail are outside them)."""
        long = [
            index
            for index, node in enumerate(blocks)
            if node.kind == "paragraph"
            and (skel := skeleton(doc, node)) is not None
            and words_besides_links(skel) > self.prose_words
        ]
        return (long[0], long[-1] + 1) if long else (len(blocks), len(blocks))
