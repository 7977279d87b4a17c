"""``site-footer``: the site's footer at a page's end, found by where its links lead.

A page saved or converted from a news site or a blog ends with the site's footer: its service
menu (legal notice, privacy, terms, contact, about, careers, advertising: ``site_paths``), its
sections again, its sister sites, its app badges and profiles, its registration small print.
Its link texts are in the site's language, which no list may know; the addresses of its
service pages are the same words everywhere (``/impressum``, ``/mentions-legales``,
``/kontakty``, ``/hakkimizda``, ``/lien-he``). The matcher reads the page's top-level blocks:

- the *anchor* is a block of links alone (a row, a list; ``max_outside`` words besides) with
  ``min_service`` links or more to service pages, at least half its links such pages, app
  stores or social profiles; it stands past the article's text: the article's text blocks
  (``min_words`` words outside links, at least as many as inside, a sentence's end; code and
  tables) after it are ``max_after`` at most, with fewer words than half those before it (a
  footer's small print: the registration, the disclaimer);
- the footer runs back from the anchor over the site's chrome: blocks mostly of links, linked
  or bare pictures, rules, HTML, headings and short lines of ``caption_words`` words at most
  without a sentence's end; it stops at the first other block (the article's prose, its list,
  its closing sentence) and starts at a block of links (a caption above the site's first row
  may be the article's last words);
- from there every block to the page's end goes.

A post that links the privacy policy in a sentence, a manual's list of its own pages (page
relative links), a docs page's "License" link, the site's menu above the article: none is an
anchor. Unsafe: where the article ends is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .chrome_tail import BlockReading, block_reading
from .fix_safety import junk_endpoint, links_in, safe_if, social_profile
from .link_targets import is_own, site_of
from .linkblocks import LIST_KINDS, Link, link_list, skeleton
from .phrase_lists import whole_phrase
from .phrases import matchable_title
from .reference_list import is_reference_list
from .site_paths import app_store, site_paths
from .tail_lead import MIN_SECTION_LINKS, SiteLinks, file_link, host_of, introduces

_TEXT_KINDS = frozenset({"fence", "code_block", "table"})
_FILLER_KINDS = frozenset({"hr", "html_block"})
_LONG = 4
_LABEL_WORDS = 4
"""A heading of the footer's own ("Metanavigation", "Weitere Angebote") is this short."""
_COPYRIGHT = re.compile(r"©\s*(?:19|20)\d\d|(?:19|20)\d\d\s*©|\(c\)\s*(?:19|20)\d\d", re.I)
"""A block of this many times ``min_words`` words is the article's text without a sentence's
end (a converter's paragraph of glued lines)."""


@dataclass(frozen=True, slots=True)
class _Block:
    node: Node
    reading: BlockReading | None
    links: tuple[Link, ...]
    content: bool
    """The article's notes (a list that jumps back to its text) or a content title over
    them ("Notes", "References", "See also"): the footer never starts above them."""
    lead_in: bool
    """A paragraph that ends with a colon: the author's lead into what follows."""


class SiteFooterMatcher(Matcher):
    name = "site-footer"
    params = MappingProxyType(
        {
            "paths": list,
            "paths_inline": list,
            "min_service": int,
            "max_outside": int,
            "min_words": int,
            "max_after": int,
            "caption_words": int,
            "content_titles": list,
        }
    )
    required = frozenset({"paths"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.paths = site_paths(params)
        self.gate = self.paths.gate()
        self.min_service = int(params.get("min_service", 2))
        self.max_outside = int(params.get("max_outside", 3))
        self.min_words = int(params.get("min_words", 30))
        self.max_after = int(params.get("max_after", 2))
        self.caption_words = int(params.get("caption_words", 12))
        self.content_title = whole_phrase(params, "content_titles", "content_titles_inline")

    def trigger(self) -> Trigger:
        """A word of a service page's address, as a whole word of an address (``gate``)."""
        return Search(self.gate, folded=False)

    def find(self, doc: Document) -> Iterator[Finding]:
        if self.gate.search(doc.text.lower()) is None:
            return  # (the trigger's reading: no address names a service page)
        nodes = [node for node in doc.root.children if node.kind != "front_matter"]
        blocks = [_read(doc, node, self.content_title) for node in nodes]
        text = [i for i, block in enumerate(blocks) if self._is_text(block)]
        if not text:
            return
        anchor = self._anchor(blocks, text)
        if anchor is None:
            return
        article_end = self._article_end(blocks, text, anchor)
        start = self._footer_start(blocks, anchor, article_end)
        start = _past_article_blocks(blocks, (article_end, start, anchor), self.paths.service_page)
        first, last = nodes[start], nodes[-1]
        span = (doc.node_span(first)[0], doc.node_span(last)[1])
        sure = self._sure(doc, blocks[start:], _site(blocks[anchor]))
        edit = remove_blocks(doc, first, last)
        yield Finding(*span, edits=(edit,), applicability=safe_if(sure))

    def _sure(self, doc: Document, run: list[_Block], site: str | None) -> bool:
        """The safe core: every block of the footer is links alone (``max_outside`` words
        besides) to the site's own pages (a path from its root, its host), its profiles, app
        stores or share endpoints; a rule; a picture alone; a heading of a few words; or the
        site's copyright line. No sentence, no caption, no link elsewhere."""
        return all(self._sure_block(doc, block, site) for block in run)

    def _sure_block(self, doc: Document, block: _Block, site: str | None) -> bool:
        kind, reading = block.node.kind, block.reading
        if kind == "hr":
            return True
        if reading is None or kind == "html_block":
            return False
        if not block.links:
            return _sure_words(doc, block, reading)
        if reading.outside > self.max_outside:
            return False
        return all(_own_or_machinery(link.href, site) for link in block.links)

    def _anchor(self, blocks: list[_Block], text: list[int]) -> int | None:
        """The first service menu past the article's text (``_after_article``) that no line
        of the author's leads into (a sentence ending with a colon: "Use other templates to
        create:" over a manual's list of its own pages)."""
        for i in range(text[0] + 1, len(blocks)):
            if (
                self._service_menu(blocks[i])
                and not _led_in(blocks[i - 1])
                and self._after_article(blocks, text, i)
            ):
                return i
        return None

    def _after_article(self, blocks: list[_Block], text: list[int], at: int) -> bool:
        """Whether the text blocks after ``at`` are a footer's small print: ``max_after`` at
        most, with fewer words than half the text's before it."""
        before = [i for i in text if i < at]
        after = [i for i in text if i > at]
        if not before or len(after) > self.max_after:
            return False
        if any(blocks[i].reading is None for i in after):
            return False  # code or a table after the menu: the page goes on
        return 2 * _words(blocks, after) < _words(blocks, before)

    def _article_end(self, blocks: list[_Block], text: list[int], anchor: int) -> int:
        """The article's last text block before the anchor: the footer's own prose above the
        anchor (its disclaimer, after rows of links) is not the article's, while the footer's
        prose in all stays within ``max_after`` blocks and half the article's words."""
        before = [i for i in text if i < anchor]
        footer = [i for i in text if i > anchor]
        last = len(before) - 1
        while last > 0 and len(footer) < self.max_after:
            if not any(_row(blocks[j]) for j in range(before[last - 1] + 1, before[last])):
                break  # (the article's paragraphs one after another, or a lone teaser between)
            if 2 * _words(blocks, [*footer, before[last]]) >= _words(blocks, before[:last]):
                break
            footer.append(before[last])
            last -= 1
        return before[last]

    def _service_menu(self, block: _Block) -> bool:
        """Links alone (``max_outside`` words besides), ``min_service`` of them or more to the
        site's service pages, at least half of them such pages, app stores or profiles."""
        reading = block.reading
        if reading is None or not block.links or reading.outside > self.max_outside:
            return False
        service = sum(1 for link in block.links if self.paths.service_page(link.href))
        if service < self.min_service:
            return False
        if service > self.min_service:
            return True  # (a footer's list of every link: services among the sections)
        footer = sum(1 for link in block.links if self._footer_link(link.href))
        return 2 * footer >= len(block.links)

    def _footer_link(self, href: str) -> bool:
        return self.paths.service_page(href) or app_store(href) or social_profile(href)

    def _footer_start(self, blocks: list[_Block], anchor: int, article_end: int) -> int:
        """The footer's first block: back from the anchor over the site's chrome, never past
        the article's last text block; the first block of links of that run."""
        start, crossed = anchor, 0
        for i in range(anchor - 1, article_end, -1):
            if blocks[i].content:
                break
            if not self._chrome(blocks[i]):
                # (the footer's own prose between its rows: a coupon's pitch, a disclaimer)
                if blocks[i].node.kind in LIST_KINDS or crossed >= self.max_after:
                    break
                crossed += 1
            start = i
        while start < anchor and not _dense(blocks[start]):
            start += 1
        return start

    def _chrome(self, block: _Block) -> bool:
        """A block of the site's chrome: mostly links, a picture, a rule, HTML, a heading or a
        short line without a sentence's end."""
        kind = block.node.kind
        if kind in _FILLER_KINDS:
            return True
        reading = block.reading
        if reading is None:
            return False
        if _dense(block) or reading.outside + reading.inside == 0:
            return True
        if kind in LIST_KINDS:
            return False  # a list of the article's own short lines
        return reading.outside <= self.caption_words and (kind == "heading" or not reading.sentence)

    def _is_text(self, block: _Block) -> bool:
        """The article's text: code, a table, or prose with few links and a sentence's end."""
        reading = block.reading
        if block.node.kind in _TEXT_KINDS:
            return True
        if reading is None:
            return False
        if reading.outside < self.min_words or reading.outside < reading.inside:
            return False
        # (a long block is prose however it ends: a converter glued the article's lines)
        return reading.sentence or reading.outside >= _LONG * self.min_words


def _past_article_blocks(
    blocks: list[_Block], span: tuple[int, int, int], service: Callable[[str], bool]
) -> int:
    """The footer's start, past the article's own blocks that BP083's careful walk
    (``tail_lead``) keeps too: a list its sentence leads into ("This post is one of a
    series:"), a link to a file, and right after the article's text a short section under its
    heading ("## Next" over two links), a lone link that is no service page, or a row that
    links elsewhere. ``span``: the article's last text block, the footer's start, its anchor."""
    article_end, start, anchor = span
    head = article_end + 1
    site = SiteLinks({host for block in blocks[anchor:] for host in _hosts(block)})
    if start <= head + 1 and _short_section(blocks, head, anchor):
        start = max(start, head + 2)
    while start < anchor and _kept(blocks, start, head, (site, service)):
        start += 1
    return start


def _kept(
    blocks: list[_Block], at: int, head: int, tests: tuple[SiteLinks, Callable[[str], bool]]
) -> bool:
    """Whether ``blocks[at]`` is the article's own (``_past_article_blocks``)."""
    block = blocks[at]
    if at > 0 and blocks[at - 1].lead_in and _lead_words(blocks[at - 1]) >= 5:
        return True
    if any(file_link(link.href) for link in block.links):
        return True
    if at != head:
        return False
    site, service = tests
    return _lone_link(block, service) or any(not site(link.href) for link in block.links)


def _short_section(blocks: list[_Block], at: int, anchor: int) -> bool:
    """A heading over a row of fewer than ``MIN_SECTION_LINKS`` pages, above the anchor."""
    if at + 1 >= anchor or blocks[at].node.kind != "heading":
        return False
    return len({link.href for link in blocks[at + 1].links}) < MIN_SECTION_LINKS


def _lone_link(block: _Block, service: Callable[[str], bool]) -> bool:
    links = block.links
    return block.node.kind == "paragraph" and len(links) == 1 and not service(links[0].href)


def _hosts(block: _Block) -> set[str]:
    return {host_of(link.href) for link in block.links} - {""}


def _lead_words(block: _Block) -> int:
    return block.reading.outside if block.reading is not None else 0


def _read(doc: Document, node: Node, content_title: re.Pattern[str] | None) -> _Block:
    reading = block_reading(doc, node)
    listed = link_list(doc, node)
    links = tuple(listed) if listed is not None else tuple(links_in(doc, [node]))
    content = is_reference_list(doc, node) or (
        content_title is not None
        and node.kind in ("heading", "paragraph")
        and content_title.fullmatch(matchable_title(doc, node)) is not None
    )
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    lead_in = skel is not None and introduces(skel.visible)
    return _Block(node, reading, links, content, lead_in)


def _sure_words(doc: Document, block: _Block, reading: BlockReading) -> bool:
    """A block without links the safe core takes: a picture alone, a short heading, the
    copyright line with its year."""
    words = reading.outside
    if words == 0 or (block.node.kind == "heading" and words <= _LABEL_WORDS):
        return True
    return (
        words <= _LABEL_WORDS * 2
        and _COPYRIGHT.search(matchable_title(doc, block.node)) is not None
    )


def _led_in(block: _Block) -> bool:
    """Whether a paragraph ends with a colon: a sentence that leads into what follows."""
    return block.lead_in


def _site(block: _Block) -> str | None:
    """The site the anchor's absolute links lead to (None: paths from the root alone, or
    more than one site)."""
    sites = {site_of(link.href) for link in block.links} - {None}
    return next(iter(sites)) if len(sites) == 1 else None


def _own_or_machinery(href: str, site: str | None) -> bool:
    """A link to the site's own page (a path from its root; its host, when the anchor names
    one), a profile, an app store or a share endpoint."""
    href = href.strip()
    if href.startswith("/") and not href.startswith("//"):
        return True
    if site is not None and is_own(href, site, relative=False):
        return True
    return social_profile(href) or app_store(href) or junk_endpoint(href)


def _dense(block: _Block) -> bool:
    """Mostly links: at least one, and as many words inside links as outside them."""
    reading = block.reading
    return reading is not None and bool(block.links) and reading.inside >= reading.outside


def _row(block: _Block) -> bool:
    """A row of the site's links (two addresses or more, mostly links): a lone linked picture
    or link between two paragraphs is a teaser inside the article, not the footer's row."""
    return _dense(block) and len({link.href for link in block.links}) >= 2


def _words(blocks: list[_Block], indices: list[int]) -> int:
    return sum(
        reading.outside + reading.inside
        for i in indices
        if (reading := blocks[i].reading) is not None
    )
