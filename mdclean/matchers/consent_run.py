"""``consent-run``: a cookie or consent notice read by its words in any language, outside the article.

A block names cookies (``saved_page.names_cookies``: "cookie", "témoins de navigation",
"çerez", "クッキー", "쿠키", "ciasteczka") and says what a consent banner says: one of
``words`` (accept, agree, manage, settings, privacy policy, in fifteen languages). Beside it
may stand short blocks that name cookies too (a settings panel's options) and lines that are
only the banner's button captions (``buttons``: "OKUDUM", "Accepter et fermer l'alerte",
"Tak, zgadzam się", "同意する"). Such a run of top-level blocks goes when it stands outside the
article: above the article's first paragraph of prose or below its last (paragraphs of
sentences that do not name cookies). Headings only join a run; a head run's last headings
stay (they may be the article's title).

A page whose article speaks of cookies (a paragraph of its prose between its first and last
names them: a GDPR story, a recipe with cookies, a guide to consent settings), or that has no
article prose to stand outside of, keeps every block.
Safe: the place (outside the article's prose) and the words (cookies and a consent word, or a
button line beside them) are two readings that agree, and the run holds nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .article_region import SENTENCE_MARK
from .base import Matcher
from .linkblocks import IMAGE, LINK, Skeleton, prose_paragraph, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern
from .saved_page import names_cookies

_BLOCKS = frozenset({"paragraph", "heading", "html_block"})
_MAX_WORDS = 80
"""The words of one block of a banner or its settings panel."""
_BUTTON_WORDS = 8
_SENTENCE_WORDS = 6
"""The words of a banner's sentence: its text, not a caption or a menu's item."""
_MENU_PIPES = 2
_MENU_LINES = 3
_MENU_WORDS = 5
_MAX_RUN = 25
"""The blocks of one run: a settings panel lists its purposes, not a page."""
_PROSE_WORDS = 15
_PROSE_LINK_SHARE = 3
_ARTICLE_WORDS = 60
"""The words of prose that do not name cookies: an article to stand outside of."""
_GAP = 24
"""Lines between two paragraphs of one article's prose (a figure, an inline box between)."""


@dataclass(frozen=True, slots=True)
class _Block:
    node: Node
    kind: str
    """"consent" (cookies and a consent word), "notice" (a sentence on cookies), "cookie" (a
    line that names them), "button" (a line of button captions) or ""."""


class ConsentRunMatcher(Matcher):
    name = "consent-run"
    params = MappingProxyType({"words": list, "buttons": list, "keywords": list})
    required = frozenset({"words", "buttons"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._words_pattern = phrase_pattern(params, "words", "word_labels") or "(?!)"
        self._buttons_pattern = phrase_pattern(params, "buttons", "button_labels") or "(?!)"

    @cached_property
    def _words(self) -> re.Pattern[str]:
        return re.compile(self._words_pattern, re.IGNORECASE)

    @cached_property
    def _buttons(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:(?:{self._buttons_pattern})[\W_]*){{1,3}}", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        top = list(doc.root.children)
        span = _article_span(doc, top)
        if span is None:
            return
        first, last = span
        blocks = [self._block(doc, node) for node in top]
        for run in _runs(blocks[:first], head=True) + _runs(blocks[last + 1 :], head=False):
            start, end = doc.node_span(run[0].node)[0], doc.node_span(run[-1].node)[1]
            edits = (remove_blocks(doc, run[0].node, run[-1].node),)
            yield Finding(start, end, edits=edits, applicability=Applicability.SAFE)

    def _block(self, doc: Document, node: Node) -> _Block:
        """A top-level block's part in a banner (``_Block.kind``)."""
        skel = skeleton(doc, node) if node.kind in _BLOCKS else None
        if skel is None or skel.words() > _MAX_WORDS:
            return _Block(node, "")
        text = fold_width(" ".join(skel.visible.split()))
        if _menu(doc, node, skel, text):
            return _Block(node, "")
        if skel.words() <= _BUTTON_WORDS and self._buttons.fullmatch(text):
            return _Block(node, "button")
        if names_cookies(text):
            return _Block(node, self._cookie_kind(node, skel, text))
        return _Block(node, "")

    def _cookie_kind(self, node: Node, skel: Skeleton, text: str) -> str:
        """The part of a block that names cookies: a line's ("cookie": a heading, a caption, a
        link to the cookie page) unless it is a sentence, with a consent word or without."""
        if node.kind == "heading" or skel.words() < _SENTENCE_WORDS or not _sentence(skel, text):
            return "cookie"
        return "consent" if self._words.search(text) is not None else "notice"


def _menu(doc: Document, node: Node, skel: Skeleton, text: str) -> bool:
    """Whether a block is the site's menu, whose item the cookie page is: a row of links,
    items between pipes, or lines without a sentence."""
    if (skel.link_only and len(skel.links) > 1) or text.count("|") >= _MENU_PIPES:
        return True
    lines = [doc.line_text(i) for i in range(node.start_line, doc.content_end_line(node))]
    if len(lines) >= _MENU_LINES and all(word_count(line) <= _MENU_WORDS for line in lines):
        return True  # (one item a line: "Mentions légales", "Cookies", "Qui sommes-nous ?")
    return len(lines) > 1 and not _sentence(skel, text)


def _sentence(skel: Skeleton, text: str) -> bool:
    """Whether the block's text holds a sentence's end, a link right after it too
    ("…nos services.[Gérer vos témoins](…)")."""
    own = skel.text.replace(LINK, " ").replace(IMAGE, " ")
    return SENTENCE_MARK.search(text) is not None or SENTENCE_MARK.search(own) is not None


def _article_span(doc: Document, top: list[Node]) -> tuple[int, int] | None:
    """The indexes of the first and last paragraphs of the article's prose: the group of
    paragraphs of prose that do not name cookies, fewer than ``_GAP`` lines apart, that holds
    the most words. None when it holds too few, or when a paragraph of prose inside it names
    cookies (the article speaks of them)."""
    prose = [found for i, node in enumerate(top) if (found := _prose(doc, i, node)) is not None]
    groups = _groups(top, [(i, words) for i, cookies, words in prose if not cookies])
    best = max(groups, key=_words, default=[])
    if _words(best) < _ARTICLE_WORDS:
        return None
    first, last = best[0][0], best[-1][0]
    speaks = (i for i, cookies, _ in prose if cookies)
    return None if any(first < i < last for i in speaks) else (first, last)


def _words(group: list[tuple[int, int]]) -> int:
    return sum(words for _, words in group)


def _groups(top: list[Node], prose: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The paragraphs (index, words) in groups, each fewer than ``_GAP`` lines from the last."""
    groups: list[list[tuple[int, int]]] = []
    for i, words in prose:
        if groups and top[i].start_line - top[groups[-1][-1][0]].end_line <= _GAP:
            groups[-1].append((i, words))
        else:
            groups.append([(i, words)])
    return groups


def _prose(doc: Document, i: int, node: Node) -> tuple[int, bool, int] | None:
    """A paragraph of prose as (its index, whether it names cookies, its words); None for
    another block."""
    if not prose_paragraph(doc, node, _PROSE_WORDS, _PROSE_LINK_SHARE):
        return None
    skel = skeleton(doc, node)
    if skel is None or SENTENCE_MARK.search(skel.visible) is None:
        return None
    return i, names_cookies(skel.visible), skel.words()


def _runs(blocks: list[_Block], head: bool) -> list[list[_Block]]:
    """The runs of a banner's blocks, each with a block of cookies and a consent word, or a
    sentence on cookies and a button line; a head run without its last headings."""
    found: list[list[_Block]] = []
    run: list[_Block] = []
    for block in [*blocks, _Block(blocks[-1].node, "")] if blocks else []:
        if block.kind:
            run.append(block)
            continue
        while head and run and run[-1].node.kind == "heading":
            run.pop()
        if _is_banner(run):
            found.append(run)
        run = []
    return found


def _is_banner(run: list[_Block]) -> bool:
    """Whether a run is a banner: cookies and a consent word, or a sentence and a button."""
    kinds = {block.kind for block in run}
    if not run or len(run) > _MAX_RUN or (run[0].kind == "button" and len(run) == 1):
        return False
    return "consent" in kinds or {"notice", "button"} <= kinds
