"""``reporter-line``: a news byline with the reporter's mail address, a paragraph of its own.

News sites print the reporter's name with a newsroom title and a mail address above or below
the story ("홍길동 기자 hong@example.co.kr", "칼럼니스트 박생강 pillgoo9@gmail.com", "记者 张三
zhangsan@example.cn", "By Jane Roe, jane@example.com"). A converter keeps it as a paragraph of
one line. It goes when, as a reader sees it, it is nothing but a title of ``titles`` (before or
after the name), a name of ``max_name_words`` words at most, and one mail address, with
brackets or a separator between them; a line with any other word ("Write to Jane Roe at
jane@example.com with your questions") stays, and so does a name and a mail address without a
title (a contact's card in a how-to).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .line_reading import line_reading
from .phrase_lists import phrase_pattern

_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_NAME_WORD = r"[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]+)*\.?"
_OPEN = r"[\[(【〔<]?\s?"
_CLOSE = r"\s?[\])】〕>]?"
_SEP = r"\s?[,/|:·=–—-]?\s?"


class ReporterLineMatcher(Matcher):
    name = "reporter-line"
    params = MappingProxyType({"phrases": list, "labels": list, "max_name_words": int})

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

    def trigger(self) -> Trigger:
        """A mail address's at sign."""
        return literals("@")

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind != "paragraph" or node.end_line - node.start_line != 1:
                continue
            raw = doc.line_text(node.start_line)
            if "@" not in raw:
                continue
            text, has_image = line_reading(raw)
            if has_image or self._line.fullmatch(text) is None:
                continue
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node, node),))
