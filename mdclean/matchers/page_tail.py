"""``page-tail``: on a saved page, everything from the site's footer on, once the article is over.

boilerpipe's ``TerminatingBlocksFinder`` and ``IgnoreBlocksAfterContentFilter`` read a web
page's end this way: once the article's text has been seen, a block that only a page's end
holds (its copyright line, "Comments", "Back to top") ends it, and every block after it is
the site's. Over Markdown a page saved from the web (the gate of ``article_region``) ends the
same way: past the article, the site's footer starts at

- a line that is wholly a back-to-top button ("Back to top", "Retour en haut de la page",
  "返回顶部": ``back_to_top``);
- the site's copyright line: a copyright mark with a year, or "All rights reserved" in one of
  the fifteen languages (``copyright_lines``), in a short block;
- a link row of the site's (``article_region``'s chrome: a menu, a footer's column, a related
  list, three links or more) past the article's last block of prose.

From there to the page's end every block goes (widget headings, the search form, the address,
the legal links, the language list) when no block there is the article's own kind: no
paragraph of prose (``min_words`` words, few links, a sentence's end), no code, no table; and
when the tail holds ``min_blocks`` blocks or more (one short line is other rules' to read).
Unsafe: where the article ends is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..models import Finding
from ..removal import remove_blocks
from .address_title import names_site, site_name_words
from .article_region import (
    SENTENCE_MARK,
    ArticleRegionMatcher,
    _Reading,
    carried_crawl_address,
    names_consent,
    says,
)
from .fix_safety import machinery_link, safe_if, theme_pictures
from .link_targets import site_of
from .linkblocks import Link
from .phrase_lists import phrase_pattern
from .thread_page import is_thread
from .ui_text import UiText

_ROW_LINKS = 3
"""The links of a row of the site's that ends the article (as ``article_region`` reads it)."""
_COPYRIGHT_WORDS = 30
"""A copyright line is a short block: a paragraph that names a copyright is the article's."""
_YEAR_MARK = r"©\s*(?:19|20)\d\d|(?:19|20)\d\d\s*©"
_PROFILE = re.compile(
    r"^(?:https?:)?//(?:[a-z0-9-]+\.)*(?:twitter\.com|x\.com|facebook\.com|instagram\.com"
    r"|linkedin\.com|youtube\.com|tiktok\.com|pinterest\.[a-z.]+|t\.me|telegram\.me|vk\.com"
    r"|ok\.ru|weibo\.com|line\.me|bsky\.app|threads\.net|discord\.gg|flipboard\.com"
    r"|feedly\.com|mastodon\.social|xing\.com)(?:[/?#]|$)",
    re.IGNORECASE,
)
"""A social network's page: the site's "follow us" row links its profiles there."""


class PageTailMatcher(ArticleRegionMatcher):
    """BP185's gate, readings and region; boilerpipe's terminating blocks after the article."""

    name = "page-tail"
    params = MappingProxyType(
        {
            **ArticleRegionMatcher.params,
            "back_to_top": list,
            "min_blocks": int,
            "ui_strings": list,
            "platform_credits": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_blocks = int(params.get("min_blocks", 2))
        top = phrase_pattern({"phrases": params.get("back_to_top", [])})
        self.back_to_top = lazy_compile(rf"\W*(?:{top})\W*", re.I) if top else None
        marks = phrase_pattern(params, "copyright_lines")
        self.copyright_line = lazy_compile(rf"{_YEAR_MARK}|{marks}" if marks else _YEAR_MARK, re.I)
        # (the safe core's readings: the software's own strings, the platform's credit line)
        self.ui_text = UiText(params)
        credits = phrase_pattern(params, "platform_credits", "credit_phrases")
        self.credit_line = lazy_compile(credits, re.I) if credits else None

    def find(self, doc: Document) -> Iterator[Finding]:
        page = None if is_thread(doc) else self.page_blocks(doc)
        if page is None:
            return  # (a forum thread's posts are its article)
        blocks, readings = page
        region = self._region(doc, blocks, readings)
        if region is None:
            return
        region = (region[0], self._article_last(blocks, readings, region))
        if not self._prose_seen(blocks, readings, region):
            return
        start = self.tail_start(doc, blocks, readings, region)
        if start is None:
            return
        first, last = blocks[start], blocks[-1]
        span = (doc.node_span(first)[0], doc.node_span(last)[1])
        sure = self._plain_tail(doc, blocks, readings, (region, start))
        edit = remove_blocks(doc, first, last)
        yield Finding(*span, edits=(edit,), applicability=safe_if(sure))

    def tail_start(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        region: tuple[int, int],
    ) -> int | None:
        """The first block past the article's first that ends it (``_terminates``) with none
        of the article's blocks after it and ``min_blocks`` blocks from it to the end."""
        chrome, _, _ = self._page_chrome(doc, blocks, readings, region)
        name = _site_name(doc)
        # (the region ends at the page's last block of prose, code or table: none stands
        # after it but a consent panel's)
        for i in range(region[1] + 1, len(blocks) - self.min_blocks + 1):
            if self._terminates(readings[i]) or (i in chrome and _row(readings[i])):
                return i
            if self._names_site(doc, blocks[i], name) and _menu_again(
                doc, blocks, self._head_lines(doc, blocks, region), i
            ):
                return i
        return None

    def _head_lines(
        self, doc: Document, blocks: list[Node], region: tuple[int, int]
    ) -> frozenset[str]:
        """The lines of the page's head (``_head_of``) and, on a later pass of a fix run, those
        of the head the run's first text held (``Document.page_fact``): a head rule's fix
        takes the menu that this footer prints again."""

        def read(page: Document) -> frozenset[str]:
            if page is doc:
                return _head_of(doc, blocks, region[0])
            found = self.page_blocks(page)
            first = None if found is None else self._region(page, *found)
            return (
                frozenset()
                if found is None or first is None
                else _head_of(page, found[0], first[0])
            )

        return doc.page_fact(("head lines", id(self)), read, frozenset.union)

    def _article_last(
        self, blocks: list[Node], readings: list[_Reading | None], region: tuple[int, int]
    ) -> int:
        """The article's last block of prose, code or table, before the consent panel a
        consent manager appends to the page's end (its blocks of prose name cookies: "Ce
        site utilise des cookies", "Strictly Required Cookies"); the region's last block on a
        page without one."""
        last = region[1]
        while last > region[0] and (
            not self._is_text(blocks[last], readings[last]) or names_consent(readings[last])
        ):
            last -= 1
        if not self._is_text(blocks[last], readings[last]):
            return region[1]
        return self._before_footer_prose(blocks, readings, (region[0], last))

    def _before_footer_prose(
        self, blocks: list[Node], readings: list[_Reading | None], region: tuple[int, int]
    ) -> int:
        """The article's last block before the first block that only a page's end holds (the
        copyright line, the back-to-top button), when what follows it holds at most
        ``_FOOTER_PROSE`` blocks of prose with fewer words than the article before it: the
        site's own prose in its footer (its "about" blurb, its legal notice), which
        boilerpipe's ``IgnoreBlocksAfterContentFilter`` drops with the rest of the footer.
        The region's last block when no such block stands in it."""
        first, last = region
        end = next((i for i in range(first + 1, last + 1) if self._terminates(readings[i])), None)
        if end is None:
            return last
        before, after = self._prose_around(blocks, readings, region, end)
        return before[-1] if _footer_prose(readings, before, after) else last

    def _prose_around(
        self, blocks: list[Node], readings: list[_Reading | None], region: tuple[int, int], end: int
    ) -> tuple[list[int], list[int]]:
        """The region's blocks of prose, code or tables before ``end`` and after it."""
        text = [i for i in range(region[0], region[1] + 1) if self._is_text(blocks[i], readings[i])]
        return [i for i in text if i < end], [i for i in text if i > end]

    def _names_site(self, doc: Document, node: Node, name: list[str]) -> bool:
        """A block that opens with the site's name (as its noted address spells it) in a line
        of ``tail_words`` words at most without a sentence: the footer's heading or its
        address block ("## Musée de la Mine de Blanzy", "WP Craft © 2026")."""
        if not name or node.kind not in ("heading", "paragraph"):
            return False
        start, end = doc.node_span(node)
        source = doc.text[start:end].strip()
        line = _LINK_TARGET.sub("]", source.splitlines()[0]) if source else ""
        words = len(line.split())
        if not line or words > self.tail_words or SENTENCE_MARK.search(line) is not None:
            return False
        return "://" not in line and names_site(line, name)

    def _prose_seen(
        self, blocks: list[Node], readings: list[_Reading | None], region: tuple[int, int]
    ) -> bool:
        """Whether the article's region holds a block of prose (not only code or a table): as
        boilerpipe asks for the article's words before a block may end it, a region that is a
        related posts' table alone is no article read."""
        return any(
            readings[i] is not None and self._is_text(blocks[i], readings[i])
            for i in range(region[0], region[1] + 1)
        )

    def _terminates(self, reading: _Reading | None) -> bool:
        """A back-to-top button alone in its block, or the site's copyright line."""
        if reading is None or not reading.words:
            return False
        if reading.words <= _COPYRIGHT_WORDS and self.copyright_line.search(reading.text):
            return True
        top = self.back_to_top
        return top is not None and top.fullmatch(reading.text.strip()) is not None

    def _plain_tail(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        where: tuple[tuple[int, int], int],
    ) -> bool:
        """The safe core, two exact signals and no sentence: the tail holds a block only a
        page's end holds (the copyright line, the back-to-top button) and the page's saver
        noted its address (``crawl_address``) or the tail prints the head's menu again; or,
        with the address noted, the tail opens with a row of links alone to the noted site
        (its menu; its profiles, share and log-in endpoints) or with the site's name as that
        address spells it over the head's menu printed again (``where``: the article's region
        and the tail's start); and no other block of it holds a sentence (an author's closing
        words, a comment, a pitch), nor, without that end's block, a picture alone (a figure
        after the text) but the theme's own (``theme_pictures``). A block of links alone to
        the site's pages (its menus, its related posts) says nothing of the author's."""
        start = where[1]
        noted = self._noted(doc)
        tail = range(start, len(blocks))
        ended = any(self._terminates(readings[i]) or self._credit(readings[i]) for i in tail)
        if not self._two_signals(doc, blocks, readings, (where, noted), ended):
            return False
        return not any(
            self._spoken(doc, blocks[i], readings[i], (noted or ("", None), not ended))
            for i in tail
        )

    def _two_signals(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        how: tuple[tuple[tuple[int, int], int], tuple[str, str | None] | None],
        ended: bool,
    ) -> bool:
        """The safe core's two signals (``how``: the article's region and the tail's start,
        the noted site and address): with the address noted, the tail's end block or its
        opening row; without it, the end block and the head's menu printed again or a row of
        the blog template's own links (``_machinery_row``)."""
        (region, start), noted = how
        if noted is not None:
            return ended or self._opens(doc, blocks, readings, (region, start), noted)
        return ended and (
            _menu_again(
                doc, blocks, self._head_lines(doc, blocks, region), start - 1, _MENU_AGAIN_ALONE
            )
            or any(_machinery_row(readings[i]) for i in range(start, len(blocks)))
        )

    def _noted(self, doc: Document) -> tuple[str, str | None] | None:
        """The site and the address the page's saver noted; None without them."""
        address = carried_crawl_address(doc)
        site = None if address is None else site_of(address)
        return None if site is None else (site, address)

    def _opens(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        where: tuple[tuple[int, int], int],
        noted: tuple[str, str | None],
    ) -> bool:
        """Whether the tail opens with a row of the noted site's links or its name over the
        head's menu printed again."""
        region, start = where
        return self._site_row(readings[start], noted) or self._named_menu(
            doc, blocks, region, start
        )

    def _named_menu(
        self, doc: Document, blocks: list[Node], region: tuple[int, int], start: int
    ) -> bool:
        """Whether the tail opens with the site's name as its noted address spells it
        ("##### Tails" on ``tails.net``) and the head's menu follows it again: the footer."""
        name = _site_name(doc)
        return self._names_site(doc, blocks[start], name) and _menu_again(
            doc, blocks, self._head_lines(doc, blocks, region), start
        )

    def _spoken(
        self,
        doc: Document,
        node: Node,
        reading: _Reading | None,
        how: tuple[tuple[str, str | None], bool],
    ) -> bool:
        """A block of the tail that may be the author's: a sentence (ten words and its end)
        that is no copyright line and no list of the site's links (``how``: the noted site
        and address), or (with pictures asked for) a picture alone but the theme's own."""
        noted, pictures = how
        if reading is None or self._terminates(reading) or self._links_alone(reading, noted):
            return False
        if self.ui_text.covers(reading.text):
            return False  # (the software's strings: a comment form's notice, a widget's credit)
        if pictures and reading.images and not reading.links:
            start, end = doc.node_span(node)
            return not theme_pictures(doc.text[start:end]) or says(reading)
        return says(reading)

    def _credit(self, reading: _Reading | None) -> bool:
        """A short block that holds the platform's credit line ("Proudly powered by
        WordPress", "Published with Ghost"): a page's end, as its copyright line is."""
        if reading is None or self.credit_line is None or reading.words > _COPYRIGHT_WORDS:
            return False
        return self.credit_line.search(reading.text) is not None

    def _links_alone(self, reading: _Reading, noted: tuple[str, str | None]) -> bool:
        """Links and nothing else, each to the site (a path from its root; its noted
        address's pages), its profiles, its share and log-in endpoints: its menus, its
        related posts' titles."""
        return (
            bool(reading.links)
            and reading.words <= reading.link_words
            and all(self._tail_link(link, noted) for link in reading.links)
        )

    def _site_row(self, reading: _Reading | None, noted: tuple[str, str | None]) -> bool:
        """``_ROW_LINKS`` links or more alone (pictures only inside them) to the site, its
        profiles on social networks, share or log-in endpoints."""
        if reading is None or len(reading.links) < _ROW_LINKS or reading.words > reading.link_words:
            return False
        return all(self._tail_link(link, noted) for link in reading.links)

    def _tail_link(self, link: Link, noted: tuple[str, str | None]) -> bool:
        """A link of the site's tail: to the site, a profile, or the theme's machinery (its
        taxonomy and archive pages, feeds, credits: a category widget's list)."""
        return (
            self._site_link(link, *noted)
            or _PROFILE.match(link.href.strip()) is not None
            or machinery_link(link.href)
        )


def _machinery_row(reading: _Reading | None) -> bool:
    """A block of ``_ROW_LINKS`` links or more alone, each to the theme's machinery (its
    category, tag and archive pages, share and log-in endpoints, feeds, credits): the blog
    template's own row, whatever site it runs on."""
    if reading is None or len(reading.links) < _ROW_LINKS or reading.words > reading.link_words:
        return False
    return all(machinery_link(link.href) for link in reading.links)


def _menu_again(
    doc: Document,
    blocks: list[Node],
    head: frozenset[str],
    name: int,
    lines: int = 2,
) -> bool:
    """Whether a block after the site's name (``name``) repeats ``lines`` lines of the page's
    head (``head``: ``_head_of``): the site's menu printed again in its footer ("Accueil",
    "Contact"). A page whose article ends with the site's name and its address (a museum's
    "how to come" page) holds no such list after them."""
    return any(len(head.intersection(_lines(doc, node))) >= lines for node in blocks[name + 1 :])


def _head_of(doc: Document, blocks: list[Node], first: int) -> frozenset[str]:
    """The lines of the page's head, the blocks above the article's first (``first``), as a
    menu prints them (``_lines``)."""
    return frozenset(line for node in blocks[:first] for line in _lines(doc, node))


def _lines(doc: Document, node: Node) -> set[str]:
    """A block's lines as a menu prints them: no list mark, no link target, folded."""
    start, end = doc.node_span(node)
    lines = (_LINK_TARGET.sub("]", line) for line in doc.text[start:end].splitlines())
    return {folded for line in lines if (folded := _MENU_MARKS.sub(" ", line.casefold()).strip())}


_MENU_AGAIN_ALONE = 3
"""The head's lines a footer's block prints again to prove, without a noted address, that the
tail is the site's (two more than its name: a menu, not a title and a date)."""
_MENU_MARKS = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+|[\W_]+")


def _site_name(doc: Document) -> list[str]:
    """The words of the site's name as the page's noted address spells it; [] without one."""
    address = carried_crawl_address(doc)
    site = None if address is None else site_of(address)
    return site_name_words(site) if site is not None else []


_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
"""A link's or picture's target: the line's words are its visible text."""


_FOOTER_PROSE = 2
"""The blocks of prose a site's footer may hold after its copyright line or back-to-top button."""


def _footer_prose(readings: list[_Reading | None], before: list[int], after: list[int]) -> bool:
    """Whether the prose after a page's end block (``after``) is a footer's: the article has
    prose before it, and after it stand ``_FOOTER_PROSE`` blocks at most, with fewer words."""
    if not before or len(after) > _FOOTER_PROSE:
        return False
    return _words(readings, after) < _words(readings, before)


def _words(readings: list[_Reading | None], indices: list[int]) -> int:
    return sum(reading.words for i in indices if (reading := readings[i]) is not None)


def _row(reading: _Reading | None) -> bool:
    return reading is not None and len(reading.links) >= _ROW_LINKS
