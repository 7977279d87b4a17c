"""``conversion-pitch``: the author's pitch in the article's tail, told by two signals at once:
it asks something of the reader and it links to a conversion endpoint.

Posts end with a pitch written in the site's own words: "If you enjoyed this post, consider
[signing up for the mailing list](https://example.com/signup)", "Abonnez-vous à ma newsletter
sur mon [site](https://example.com/?ref=post)", "如果你喜欢我的作品请[赏光访问](https://www.patreon.com/…)",
"Join 5,000 readers: [subscribe](https://example.substack.com/subscribe)". No phrase list can
hold every such sentence, but the pitch always has two things an article's paragraph rarely has
together: an ask (``asks``: subscribe, sign up, join, support, become a member, 订阅, 加入,
登録, 구독…) and a link to where readers convert (``link_targets``: sign-up, newsletter,
membership, checkout and course pages, mailing-list services, Patreon, Ko-fi, Discord invites,
affiliate tags…). A run of at most ``max_blocks`` short blocks (paragraphs, headings, quotes of
at most ``max_words`` words) that opens with an ask and ends at such a link goes; a run of
more than one block opens with a heading, or with a bold line or a question of at most
``opener_words`` words ("**Want more?**").

Where it stands matters as much: the run must be in the page's tail, after the article's last
code, table or paragraph of prose (``prose_words`` words outside links, and no link to a
conversion endpoint), so a tutorial's "sign
up at [the console](…/signup)" step keeps its place. A repository's page keeps its own "Support"
and "Community" sections: a run under a heading of ``section_labels`` stays, and so does every
run on a page without front matter or a crawl source that has a heading of ``page_labels``
("Installation", "Usage", "License": a README).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..document import Document, Node
from ..filterlists import page_host
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, Skeleton, skeleton, word_count
from .page_head import crawl_source
from .phrase_lists import fold_width, phrase_pattern

_ARTICLE_KINDS = ("fence", "code_block", "table")
_PITCH_KINDS = ("paragraph", "heading")
_EMPHASIS = ("**", "__")
# "If you enjoyed…" in the fifteen languages: the outro's conditional, which the article's own
# sentences may open with too.
CONDITIONAL = re.compile(
    r"\W*(?:(?:if|si|wenn|falls|se|als|jeśli|jezeli|jeżeli|если|eğer|jika|kalau|nếu)\b|如果|要是|もし|만약|気に入っ)",
    re.I,
)
_LIST_ITEMS = 6
_BUTTON_WORDS = 5
# "Join 5,000+ readers", "95,000+ subscribers": a banner's count of its audience.
_READER_COUNT = re.compile(
    r"\d[\d,. ]*\s*[kK]?\+?\s*(?:readers|subscribers|people|founders|developers|engineers|marketers|members|"
    r"lecteurs|abonnés|lectores|suscriptores|leitores|assinantes|leser|abonnenten|lettori|iscritti|"
    r"читателей|подписчиков|okuyucu|abone|pembaca|czytelników|lezers|người đọc|人|名|명)",
)
# What a block does to the pitch being read (``_pitch_block``).
_ENDS, _GOES_ON, _STOPS = "ends", "goes on", "stops"


class _Opening(NamedTuple):
    """A pitch's first block: its skeleton, whether it asks outright, whether it opens a box."""

    first: Skeleton
    outright: bool
    opener: bool


# An address written out in the text (no link markup around it): a converter keeps it so.
_BARE_ADDRESS = re.compile(r"https?://[^\s<>()\[\]]+")


class ConversionPitchMatcher(Matcher):
    name = "conversion-pitch"
    params = MappingProxyType(
        {
            "keywords": list,
            "asks": list,
            "ask_labels": list,
            "item_asks": list,
            "link_targets": list,
            "section_labels": list,
            "page_labels": list,
            "max_words": int,
            "max_blocks": int,
            "opener_words": int,
            "prose_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        asks = phrase_pattern(params, "asks", "ask_labels")
        self._asks = re.compile(asks, re.I) if asks else None
        # A list item pleads with these too ("give it a like and share the newsletter").
        item_asks = phrase_pattern(params, "item_asks", "item_ask_labels")
        self._item_asks = re.compile(item_asks, re.I) if item_asks else None
        self._targets = any_pattern(
            compile_patterns(params.get("link_targets", []), "link_targets")
        )
        self._section_heading = heading_pattern(params, "section_labels")
        self._page_heading = heading_pattern(params, "page_labels")
        self.max_words = int(params.get("max_words", 60))
        self.max_blocks = int(params.get("max_blocks", 3))
        self.opener_words = int(params.get("opener_words", 25))
        self.prose_words = int(params.get("prose_words", 45))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        if (
            self._asks is None
            or self._targets is None
            or repository_page(doc, page, self._page_heading)
        ):
            return
        host = _own_host(doc)
        head_end = self._head_end(doc, page)
        for first, last in (
            (0, head_end),  # above the article: only a pitch set apart ("**Join 5,000 readers**")
            (self._tail_start(doc, page), len(page)),
        ):
            index = first
            while index < last:
                end = self._run_end(doc, page, index, last, host, head=first == 0)
                if end is None and first > 0 and self._pitch_list(doc, page, index):
                    end = index
                if end is None:
                    index += 1
                    continue
                start_at, end_at = doc.node_span(page[index])[0], doc.node_span(page[end])[1]
                yield Finding(start_at, end_at, edits=(remove_blocks(doc, page[index], page[end]),))
                index = end + 1

    def _run_end(
        self,
        doc: Document,
        page: Sequence[Node],
        index: int,
        last: int,
        host: str | None,
        *,
        head: bool,
    ) -> int | None:
        """The last block of the pitch that opens at ``index``: the first block, within
        ``max_blocks`` (and before ``last``), that links to a conversion endpoint (or, after an
        outright ask, to the site's own pages); None when there is no pitch."""
        opening = self._pitch_opening(doc, page, index, head=head)
        if opening is None:
            return None
        for end in range(index, min(index + self.max_blocks, last)):
            step = self._pitch_block(doc, page[end], end - index, opening, host)
            if step != _GOES_ON:
                return end if step == _ENDS else None
        return None

    def _pitch_opening(
        self, doc: Document, page: Sequence[Node], index: int, *, head: bool
    ) -> _Opening | None:
        """The block at ``index`` read as a pitch's first: a short block that asks the reader,
        under no section of its own; above the article (``head``), an outright ask set apart
        (a box's opener or a banner). None for any other block."""
        first = self._short(doc, page[index])
        if (
            first is None
            or not self._asks_reader(first)
            or self._under_own_section(doc, page, index)
        ):
            return None
        outright = self._asks_outright(first)
        opener = self._box_opener(doc, page[index], first)
        if head and not (outright and (opener or _set_apart(doc, page[index], first))):
            return None
        return _Opening(first, outright, opener)

    def _pitch_block(
        self, doc: Document, node: Node, at: int, opening: _Opening, host: str | None
    ) -> str:
        """What a block ``at`` blocks into the pitch does to it: ends it (_ENDS), lets it go on
        (_GOES_ON) or shows there was no pitch (_STOPS)."""
        if at == 0:
            return _ENDS if self._pitch_converts(opening.first, opening, host) else _GOES_ON
        if node.kind in LIST_KINDS:
            # The pitch's promises between its heading and its button ("- 40 pages").
            return _GOES_ON if opening.opener and self._plain_list(doc, node) else _STOPS
        skel = self._short(doc, node)
        if skel is None:
            return _STOPS
        return self._after_opening(node, skel, at, opening, host)

    def _after_opening(
        self, node: Node, skel: Skeleton, at: int, opening: _Opening, host: str | None
    ) -> str:
        """What a short block after the pitch's first does to it: the ask's own button right
        under it ("[Get FREE copy](…)", a bare profile address) ends it; else only a box (its
        opener first) goes on, to its first block that converts."""
        converts = self._pitch_converts(skel, opening, host)
        if at == 1 and node.kind == "paragraph" and _button(skel) and converts and opening.outright:
            return _ENDS
        if not opening.opener:
            return _STOPS
        return _ENDS if converts else _GOES_ON

    def _pitch_converts(self, skel: Skeleton, opening: _Opening, host: str | None) -> bool:
        """Whether a block of the pitch converts: it links to a conversion endpoint, or, after
        an outright ask, to the site's own pages."""
        return self._converts(skel) or (opening.outright and _links_home(skel, host))

    def _plain_list(self, doc: Document, node: Node) -> bool:
        """A short list of short items without links (a pitch's promises)."""
        if len(node.children) > _LIST_ITEMS:
            return False
        for item in node.children:
            if len(item.children) != 1:
                return False
            skel = self._short(doc, item.children[0])
            if skel is None or skel.links or skel.words() > self.opener_words:
                return False
        return True

    def _head_end(self, doc: Document, page: Sequence[Node]) -> int:
        """The index of the article's first code, table or paragraph of prose; 0 when there is
        none (a page of short blocks has no head to tell apart from its body)."""
        for index, node in enumerate(page):
            if self._article_block(doc, node):
                return index
        return 0

    def _pitch_list(self, doc: Document, page: Sequence[Node], index: int) -> bool:
        """A list of the author's pitches ("1. Need help? Contact me via [LinkedIn](…)
        2. Subscribe to my newsletter on [Substack](…)"): every item short and pleading or
        linking where readers convert, one item both."""
        node = page[index]
        if node.kind not in LIST_KINDS or not 0 < len(node.children) <= _LIST_ITEMS:
            return False
        if self._under_own_section(doc, page, index):
            return False
        both = False
        for item in node.children:
            reading = self._pitch_item(doc, item)
            if reading is None:
                return False
            asks, converts = reading
            both = both or (asks and converts)
        return both

    def _pitch_item(self, doc: Document, item: Node) -> tuple[bool, bool] | None:
        """Whether a list item of one short block pleads and whether it converts; None for an
        item that does neither, or holds anything else."""
        if len(item.children) != 1:
            return None
        skel = self._short(doc, item.children[0])
        if skel is None:
            return None
        asks = self._asks_reader(skel) or self._item_ask(skel)
        converts = self._converts(skel)
        if not (asks or converts):
            return None
        return asks, converts

    def _item_ask(self, skel: Skeleton) -> bool:
        text = fold_width(" ".join(skel.visible.split()))
        return self._item_asks is not None and self._item_asks.search(text) is not None

    def _box_opener(self, doc: Document, node: Node, skel: Skeleton) -> bool:
        """Whether a block can open a box of several blocks: a heading, or a line of at most
        ``opener_words`` words set in bold or ending in a colon or a question mark ("**Want
        more?**"), not a sentence of the article that happens to ask."""
        if skel.words() > self.opener_words:
            return False
        if node.kind != "paragraph":
            return True
        start, end = doc.node_span(node)
        source = doc.text[start:end].strip().lstrip("> ").strip()
        visible = fold_width(skel.visible.strip())
        return (source[:2] in _EMPHASIS and source[-2:] in _EMPHASIS) or visible.endswith(
            (":", "?")
        )

    def _short(self, doc: Document, node: Node) -> Skeleton | None:
        """The skeleton of a short paragraph or heading (or a quote holding one paragraph)."""
        if node.kind == "blockquote" and len(node.children) == 1:
            node = node.children[0]
        if node.kind not in _PITCH_KINDS:
            return None
        skel = skeleton(doc, node)
        return skel if skel is not None and skel.words() <= self.max_words else None

    def _asks_outright(self, skel: Skeleton) -> bool:
        """Whether the block asks in so many words ("download your free copy", "フォローして"),
        not only opens on "if you liked this" (a sentence of the article may go on so)."""
        text = fold_width(" ".join(skel.visible.split()))
        return any(not CONDITIONAL.match(m.group()) for m in self._asks.finditer(text))  # type: ignore[union-attr]

    def _asks_reader(self, skel: Skeleton) -> bool:
        return self._asks.search(fold_width(" ".join(skel.visible.split()))) is not None  # type: ignore[union-attr]

    def _tail_start(self, doc: Document, page: Sequence[Node]) -> int:
        """The index after the article's last code, table or paragraph of prose; the page's
        length when the page has no such block (nothing to stand after)."""
        for index in range(len(page) - 1, -1, -1):
            if self._article_block(doc, page[index]):
                return index + 1
        return len(page)

    def _article_block(self, doc: Document, node: Node) -> bool:
        if node.kind in _ARTICLE_KINDS:
            return True
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        # A paragraph that links to a conversion endpoint is a pitch itself, not the article.
        return (
            skel is not None
            and words_besides_links(skel) >= self.prose_words
            and not self._converts(skel)
        )

    def _converts(self, skel: Skeleton) -> bool:
        """Whether a link, or an address written out ("https://t.me/channel"), leads to a
        conversion endpoint."""
        hrefs = [link.href for link in skel.links] + _BARE_ADDRESS.findall(skel.visible)
        return any(self._targets.search(href) for href in hrefs)  # type: ignore[union-attr]

    def _under_own_section(self, doc: Document, page: Sequence[Node], index: int) -> bool:
        return under_section(doc, page, index, self._section_heading)


def heading_pattern(params: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    phrases = phrase_pattern(params, key, f"{key}_inline")
    return re.compile(rf"[\W\d_]*(?:{phrases})", re.I) if phrases else None


def heading_matches(doc: Document, node: Node, pattern: re.Pattern[str]) -> bool:
    skel = skeleton(doc, node)
    return skel is not None and pattern.match(fold_width(skel.visible.strip())) is not None


def repository_page(doc: Document, page: Sequence[Node], pattern: re.Pattern[str] | None) -> bool:
    """A page with no front matter and no crawl source that holds a README's heading."""
    if pattern is None or (page and page[0].kind == "front_matter"):
        return False
    if not any(node.kind == "heading" and heading_matches(doc, node, pattern) for node in page):
        return False
    return not crawl_source(doc)


def _button(skel: Skeleton) -> bool:
    """Whether a block is a button: one link and nothing else, or a written-out address with a
    few words at most (a converter's broken link, "[Get a copy](https://…" split over lines)."""
    if skel.links:
        return skel.link_only and len(skel.links) == 1
    rest = _BARE_ADDRESS.sub(" ", skel.visible)
    return rest != skel.visible and word_count(rest) <= _BUTTON_WORDS


def _own_host(doc: Document) -> str | None:
    """The host the front matter names as the page's address, without "www."."""
    # Not ``head_parts.own_host``: that one reads the parsed front matter's crawl keys
    # (``CRAWL_KEYS``: ``source_url``, ``clipped_from``...) for BP190's safe fix, and finds no
    # host in front matter that does not parse. A link home only widens what converts here,
    # so this reads the address as the filter lists do (``page_host``: the raw lines, YAML or
    # TOML, ``canonical``/``permalink``/``origin`` too). The two differ on 47 of the 338
    # corpus and dev pages with front matter; merging them would change findings.
    page = doc.root.children
    if not page or page[0].kind != "front_matter" or page[0].token is None:
        return None
    host = page_host(page[0].token.content)
    return host.removeprefix("www.") if host else None


def _links_home(skel: Skeleton, host: str | None) -> bool:
    """Whether a link leads to the site's own pages: its host is the page's."""
    if host is None:
        return False
    for link in skel.links:
        try:
            found = urlsplit(link.href).hostname
        except ValueError:
            continue
        if found and (found.removeprefix("www.") == host or found.endswith("." + host)):
            return True
    return False


def _set_apart(doc: Document, node: Node, skel: Skeleton) -> bool:
    """Whether a block above the article is set apart from it as a banner: a quote, a line
    wholly in bold or italics, one led by an emoji, or one that counts its readers."""
    if node.kind == "blockquote":
        return True
    start, end = doc.node_span(node)
    source = doc.text[start:end].strip()
    visible = skel.visible.strip()
    wrapped = source[:1] in "*_" and source[-1:] in "*_" and source[:1] == source[-1:]
    led = bool(visible) and not visible[0].isalnum() and ord(visible[0]) > 0x2000
    return wrapped or led or _READER_COUNT.search(visible) is not None


def under_section(
    doc: Document, page: Sequence[Node], index: int, pattern: re.Pattern[str] | None
) -> bool:
    """Whether the block at ``index`` stands under a heading of the project's own support,
    sponsor, community or author section (one ``pattern`` matches)."""
    if pattern is None:
        return False
    for node in reversed(page[:index]):
        if node.kind == "heading":
            return heading_matches(doc, node, pattern)
    return False
