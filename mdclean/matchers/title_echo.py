"""``title-echo``: the page's ``<title>`` printed as its first line, the article's title and the
site's name joined by a separator.

A browser's tab reads a page's ``<title>``, and every CMS writes it as the post's title and the
site's name (WordPress's ``wp_get_document_title``: "Title – Site Name", Yoast's "%%title%%
%%sep%% %%sitename%%", Drupal's Metatag "[node:title] | [site:name]", a news CMS's "Title -
Entermedia"). A crawler or converter that keeps the head writes it as the page's first line,
above the site's menu; the article prints its title again, as its heading. The first block of
the page (after any front matter) goes when it is one line of text, no link nor picture, that a
separator (`` - ``, `` | ``, `` – ``, `` — ``, `` :: ``, `` · ``, `` » ``) cuts into the
title and the site's name: one side (``min_title_words`` words at least) is, whole, the text of
a later block of the page (its heading, or a paragraph), the other side is a name of
``max_site_words`` words at most. A line whose sides name nothing later in the page ("Tools -
a guide to the command line") stays, and so does a page whose first block is a heading (the
author's title).

Unsafe; safe when the page's crawler or clipper noted where it read the page and the title is
the text of a heading.
"""

from __future__ import annotations

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
from .linkblocks import skeleton, word_count
from .page_head import crawl_source
from .phrase_lists import fold_width

# The separators a CMS writes between a page's title and its site's name, spaces around.
_SEPARATOR = re.compile(r"[ \t]+(?:-{1,2}|\||–|—|::|·|»|«|•)[ \t]+")
# A separator right after a letter or digit of the raw line (a list's or quote's marks, "- - -",
# are none): what the trigger asks and ``find`` asks of the line again.
_SEPARATED = re.compile(r"[^\W_][ \t]+(?:-{1,2}|\||–|—|::|·|»|«|•)[ \t]+")
_HEAD_BLOCKS = 3
"""The first block of the body, with the front matter and a blank line before it."""
_SPACES = re.compile(r"\s+")
_READ_KINDS = ("heading", "paragraph")


def _folded(text: str) -> str:
    return _SPACES.sub(" ", fold_width(text)).strip().casefold()


class TitleEchoMatcher(Matcher):
    name = "title-echo"
    params = MappingProxyType({"min_title_words": int, "max_site_words": int, "keywords": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_title_words = int(params.get("min_title_words", 3))
        self.max_site_words = int(params.get("max_site_words", 8))

    def trigger(self) -> Trigger:
        """A separator with a space on either side after a letter or digit, in the page's
        first blocks."""
        return InHead(_HEAD_BLOCKS, Search(_SEPARATED, folded=False))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        if not blocks or blocks[0].kind != "paragraph":
            return
        first = blocks[0]
        if first.end_line - first.start_line != 1:
            return  # one line: a <title> holds no line break
        if _SEPARATED.search(doc.line_text(first.start_line).lower()) is None:
            return  # (the trigger's question, asked of the line)
        skel = skeleton(doc, first)
        if skel is None or skel.links or skel.images:
            return
        text = skel.visible
        later = self._later_texts(doc, first)
        for cut in _SEPARATOR.finditer(text):
            sides = (text[: cut.start()], text[cut.end() :])
            for title, site in (sides, sides[::-1]):
                if not self._title_and_site(title, site):
                    continue
                kind = later.get(_folded(title))
                if kind is None:
                    continue
                start, end = doc.node_span(first)
                edit = remove_blocks(doc, first, first)
                sure = kind == "heading" and crawl_source(doc)
                yield Finding(start, end, edits=(edit,), applicability=safe_if(sure))
                return

    def _title_and_site(self, title: str, site: str) -> bool:
        words = word_count(title)
        return words >= self.min_title_words and 0 < word_count(site) <= self.max_site_words

    @staticmethod
    def _later_texts(doc: Document, first: Node) -> dict[str, str]:
        """The folded text of each heading and paragraph after ``first``, with its kind (a
        heading's wins)."""
        texts: dict[str, str] = {}
        for node in doc.leaves(*_READ_KINDS):
            if node.start_line <= first.start_line:
                continue
            skel = skeleton(doc, node)
            if skel is None:
                continue
            key = _folded(skel.visible)
            if key and texts.get(key) != "heading":
                texts[key] = node.kind
        return texts
