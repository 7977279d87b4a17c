"""``teaser-box``: a box's title found by its shape, not its words, over a run of teasers of the
site's own articles beside the article: a news site's "You might also like", "Für Sie
empfohlen", "La rédaction vous conseille", "## [Veja Também](/cidades)" in any language.

``labelled-teaser-run`` (BP470) reads the run under a title its phrase lists know; this matcher
reads the same run (``teaser_run.TeaserReader``: linked thumbnails, linked titles, dates,
bylines, a smaller kicker heading over a linked title heading, a card's excerpt under its
title, rules between cards, links a converter wrapped across lines) under a title known by
its shape:
- a top-level heading or a paragraph of at most ``max_title_words`` words that ends no
  sentence and introduces nothing (no closing ``:``), or whose whole text is one link to the
  site (a box's title linking its section: ``## [Most Popular](/News/Mostread)``);
- not a content title (``exempt``: "See also", "References", "Further reading");
- not a title of the rule's ``phrases`` without a link (BP470's).
Under it, ``min_titles`` titles or more (links of ``min_title_words`` words to article-shaped
addresses of the page's own site) to different articles, most not opening with the same
words (a series' "Part 1", "Part 2" is the article's), none a wiki's entry (``/wiki/``,
``/item/``: an encyclopedia's lists of works are its content) nor a repository's record of
work (a changelog's pull requests), and the box stands outside the
article: no prose above it, or none right after it and less than half as many words of prose
below it as above (a news page's tail of headlines and footer).

Unsafe: the box is read from its shape; a post's own list of earlier posts looks the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AtLeast, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import Link, skeleton, word_count
from .phrase_lists import fold_width, whole_phrase
from .repository_links import record_of_work
from .teaser_run import READER_PARAMS, TeaserReader, own_link, page_site

_SENTENCE_END = re.compile(r"[.!?。！？:：;；,，](?:[\"'”’)）\]*_]*)$")
_TITLE_KINDS = ("heading", "paragraph")
_SERIES_PARTS = 3
_WIKI_ENTRY = re.compile(r"/(?:wiki|w|item|lemma)/[^/?#\s]", re.IGNORECASE)
"""A wiki's or an encyclopedia's entry: its lists of works and names are the article's."""


class TeaserBoxMatcher(Matcher):
    name = "teaser-box"
    params = MappingProxyType(
        {
            "phrases": list,
            "labels": list,
            "exempt": list,
            "max_title_words": int,
            **READER_PARAMS,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.known_title = whole_phrase(params)
        self.exempt_title = whole_phrase(params, "exempt")
        self.max_title_words = int(params.get("max_title_words", 6))
        self.reader = TeaserReader(params)

    def trigger(self) -> Trigger:
        """A title per teaser: ``min_titles`` links at least (each written ``](``)."""
        return AtLeast("](", self.reader.min_titles)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = [node for node in doc.root.children if node.kind != "front_matter"]
        prose = self._prose(doc, page)
        site = page_site(doc) if prose else None
        taken = -1
        for index, node in enumerate(page):
            last = self._box(doc, page, prose, index, site) if index > taken else None
            if last is not None:
                # (a box holding code is read, but the boxes titled inside it are read too)
                taken = index if _holds_code(page, index, last) else page.index(last)
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, node, last),))

    def _prose(self, doc: Document, page: list[Node]) -> list[int]:
        """The places of the page's paragraphs of prose (none: an index, whose teasers stay)."""
        return [i for i, node in enumerate(page) if self.reader.prose(doc, node)]

    def _box(
        self, doc: Document, page: list[Node], prose: list[int], index: int, site: str | None
    ) -> Node | None:
        """The last block of the box ``page[index]`` titles, or None when it titles none."""
        if not prose or page[index].kind not in _TITLE_KINDS:
            return None
        if not self._title(doc, page[index], site):
            return None
        run = self.reader.run(doc, page[index], site)
        if run.last is None or len(run.titles) < self.reader.min_titles:
            return None
        if _series(run.names) or _not_articles(run.titles):
            return None
        if _inside(doc, page, prose, index, run.last):
            return None
        return run.last

    def _title(self, doc: Document, node: Node, site: str | None) -> bool:
        """Whether the block reads as a box's title: a few words ending no sentence, or one
        link to the site; no content title, no title BP470 knows."""
        skel = skeleton(doc, node)
        if skel is None or skel.images or len(skel.links) > 1 or _pictured(doc, node):
            return False
        text = " ".join(fold_width(skel.visible).strip(" _*#").split())
        if not self._title_words(text):
            return False
        if skel.links:
            link = skel.links[0]
            return " ".join(link.text.split()) == text and own_link(link.href, site)
        return self.known_title is None or self.known_title.fullmatch(text) is None

    def _title_words(self, text: str) -> bool:
        """A few words that end no sentence and name no content ("See also")."""
        if not text or word_count(text) > self.max_title_words or _SENTENCE_END.search(text):
            return False
        return self.exempt_title is None or self.exempt_title.fullmatch(text) is None


def _holds_code(page: list[Node], index: int, last: Node) -> bool:
    """Whether code stands among the box's blocks (a menu's nested list a converter indented
    into a code block): no removal may take the code, so a box titled inside it is read on its
    own too."""
    return any(_has_code(node) for node in page[index : page.index(last) + 1])


def _has_code(node: Node) -> bool:
    return node.is_code or any(_has_code(child) for child in node.children)


def _not_articles(hrefs: set[str]) -> bool:
    """Whether the titles lead to a wiki's entries or a repository's records of work (a
    changelog's pull requests): the article's own lists."""
    if any(_WIKI_ENTRY.search(href) for href in hrefs):
        return True
    return record_of_work([Link("", _absolute(href)) for href in sorted(hrefs)])


def _absolute(href: str) -> str:
    href = href.strip()
    return "https://site.invalid" + href if href.startswith("/") and href[1:2] != "/" else href


def _pictured(doc: Document, node: Node) -> bool:
    """Whether the block holds a picture (a logo linking the home page is no box's title)."""
    start, end = doc.node_span(node)
    return "![" in doc.text[start:end]


def _series(names: list[str]) -> bool:
    """Whether most titles, three at least, open with the same two words: a series' parts, the
    article's own. Two of three news headlines may share a place ("В Минске появились …", "В
    Минске протестующих …", "Протестующие в Минске …"); a series' index names more parts."""
    openings = [" ".join(name.casefold().split()[:2]) for name in names]
    if not openings:
        return False
    most = max(openings.count(o) for o in openings)
    return most >= _SERIES_PARTS and most * 2 > len(openings)


def _inside(doc: Document, page: list[Node], prose: list[int], index: int, last: Node) -> bool:
    """Whether the box stands inside the article: prose above it, and the prose goes on right
    after the run or holds on below it (half as many words below as above, or more; a news
    page's tail of headlines and footer holds a few)."""
    end = page.index(last)
    if prose[0] >= index or prose[-1] <= end:
        return False
    after = next((i for i in range(end + 1, len(page)) if page[i].kind != "hr"), None)
    if after in prose:
        return True
    above = sum(_words(doc, page[i]) for i in prose if i < index)
    below = sum(_words(doc, page[i]) for i in prose if i > end)
    return below * 2 >= above


def _words(doc: Document, node: Node) -> int:
    skel = skeleton(doc, node)
    return skel.words() if skel is not None else 0
