"""``edge-blocks``: on a saved page, the blocks jusText calls bad at the article's head and tail.

A page that says it was saved from the web (the gate of ``article_region``: a crawler's note, a
skip link, menu lines, a converter's empty links) is read as jusText reads HTML
(``block_quality``): every top-level block gets a class from its length, its link text and its
stop words, revised by its neighbours. The article runs from its first good block to its last.
What jusText calls bad between the page's title and the article's first good block (the head
zone) and after its last good block (the tail zone) is the site's: counters, dates, rows of
words, headings of cards whose links were lost, slogans, "Rate this:", sign-up boxes.

Never removed: code, tables, pictures, quotes, HTML, headings whose section holds a good block,
the deck right under a heading (eight words or more, no link, few numbers),
a list of references (under a heading of ``content_titles``, or numbered citations) and what
stands under it, and the article's own closing lines (sentences right after its last good block).
Unsafe: the classes are read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .. import block_quality as bq
from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .article_region import ArticleRegionMatcher, _Reading, page_site
from .block_runs import neighbour_runs
from .linkblocks import LIST_KINDS, heading_level, inline_skeletons, skeleton, word_count
from .page_head import front_matter_title, names_title, site_name_heading
from .thread_page import is_thread

_ARTICLE_KINDS = frozenset({"fence", "code_block", "table"})
_SKIPPED_KINDS = frozenset({"hr", "html_block", "front_matter"})
_TEXT_KINDS = frozenset({"paragraph", "heading", "blockquote", *LIST_KINDS})
_LEAD_WORDS = 5
_CLAUSE_WORDS = 5
_TITLE_LEVEL = 2
"""The levels of a page's title: a converter wraps a long one onto the next line."""
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"[=;{}]|\w\(")
_CONTENT_MARK = re.compile(r"^Markdown Content:", re.M)
_FULL_STOP = re.compile(r"[.!?。！？…](?:\s|$|[\"'”’）)\]])")


@dataclass(frozen=True, slots=True)
class Read:
    """A page's blocks (hr and HTML left out) with their jusText classes."""

    nodes: list[Node]
    blocks: list[bq.Block]
    classes: list[str]
    first: list[str]
    """The context-free classes, before the revision by neighbours."""


def read_blocks(doc: Document) -> tuple[list[Node], list[bq.Block]]:
    """The page's top-level blocks as jusText reads them: code and tables the article's, a
    block that holds code or a table inside (a list's example) too."""
    nodes: list[Node] = []
    blocks: list[bq.Block] = []
    for node in doc.root.children:
        if node.kind in _SKIPPED_KINDS:
            continue
        nodes.append(node)
        blocks.append(_block(doc, node))
    return nodes, blocks


def _block(doc: Document, node: Node) -> bq.Block:
    if node.kind in _ARTICLE_KINDS or node.kind not in _TEXT_KINDS:
        return bq.Block("", fixed=bq.GOOD)
    containers = (*LIST_KINDS, "list_item", "blockquote")
    skeletons = inline_skeletons(doc, node, ("paragraph", "heading"), containers)
    if skeletons is None:
        return bq.Block("", fixed=bq.GOOD)  # code or a table inside: the article's
    text = " ".join(skel.visible for skel in skeletons)
    links = [link for skel in skeletons for link in skel.links]
    link_text = " ".join(link.text for link in links)
    return bq.Block(text, link_text, heading=node.kind == "heading", links=len(links))


def classify_page(doc: Document, settings: bq.Settings) -> Read:
    nodes, blocks = read_blocks(doc)
    language = bq.page_language(block.text for block in blocks)
    first = [bq.context_free(block, language, settings) for block in blocks]
    return Read(nodes, blocks, bq.revise(blocks, first, settings), first)


def page_title(doc: Document, nodes: list[Node], first_good: int) -> int | None:
    """The page's title above the article's first good block: the heading naming the front
    matter's title, else the last heading of level one there that is not the site's name."""
    title = front_matter_title(doc)
    if title is not None:
        named = [i for i in range(first_good) if names_title(doc, nodes[i], title)]
        if named:
            return named[-1]
    found = None
    for i in range(first_good):
        node = nodes[i]
        top = node.kind == "heading" and heading_level(doc, node) == 1
        if top and not site_name_heading(doc, node):
            found = i
    return found


def zones(doc: Document, read: Read, prose: set[int]) -> tuple[range, range] | None:
    """The head zone (after the page's title or a reader's header, before the article's first
    block) and the tail
    zone (after its last block); None when the page holds no good block. The article's first
    and last blocks are its good ones (not a short line its neighbours made good: under a
    title, a date is good in jusText's reading), or ``prose`` before them (blocks of
    sentences jusText's stop words undercount: a technical paragraph)."""
    good = [i for i, c in enumerate(read.classes) if c == bq.GOOD and read.first[i] != bq.SHORT]
    if not good:
        return None
    first, last = min([good[0], *prose]), good[-1]
    return _head(doc, read, first), range(last + 1, len(read.nodes))


def _head(doc: Document, read: Read, first: int) -> range:
    """The blocks between the page's title (or a reader's header) and the article's first
    block: up to its first sentence (a standfirst, a lede jusText's stop words undercount),
    without the headings right above that (the article's own)."""
    title = page_title(doc, read.nodes, first)
    if title is None:
        title = _crawl_header(read, first)
    if title is None:
        return range(0)
    first = next((i for i in range(title + 1, first) if _sentence(read.blocks[i])), first)
    while first > title + 1 and read.nodes[first - 1].kind == "heading":
        first -= 1
    return range(title + 1, first)


def _crawl_header(read: Read, first: int) -> int | None:
    """Where a reader's dump without a title heading ends its header: the last block above the
    article's first that holds its closing line ("Markdown Content:", r.jina.ai's): what
    follows it is the page as the site printed it."""
    marked = [i for i in range(first) if _CONTENT_MARK.search(read.blocks[i].text)]
    return marked[-1] if marked else None


class EdgeBlocksMatcher(ArticleRegionMatcher):
    """BP185's gate and trigger (the page says it was saved), jusText's classes at the edges."""

    name = "edge-blocks"
    params = MappingProxyType(
        {
            **ArticleRegionMatcher.params,
            "length_low": int,
            "length_high": int,
            "stopwords_low": float,
            "stopwords_high": float,
            "characters_low": float,
            "characters_high": float,
            "max_link_density": float,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        own = {key: value for key, value in params.items() if key in bq.Settings.__slots__}
        super().__init__({k: v for k, v in params.items() if k not in own})
        self.settings = bq.Settings(**own)

    def find(self, doc: Document) -> Iterator[Finding]:
        if is_thread(doc) or not self.saved(doc.text):
            return  # (a forum thread's posts are its article, and they are short)
        read = classify_page(doc, self.settings)
        readings = self.readings(doc, read)
        edges = zones(doc, read, self.prose(read, readings))
        if edges is None:
            return
        chosen = sorted(self.removable(doc, read, edges, readings))
        for run in neighbour_runs(chosen, lambda before, index: before + 1 == index):
            first, last = read.nodes[run[0]], read.nodes[run[-1]]
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def readings(self, doc: Document, read: Read) -> list[_Reading | None]:
        """BP185's reading of each block (words, links), read once for ``prose`` and the tail."""
        return [self._reading(doc, node) for node in read.nodes]

    def prose(self, read: Read, readings: list[_Reading | None]) -> set[int]:
        """The blocks BP185 reads as the article's text (``min_words`` words or more, few links,
        a sentence's end)."""
        return {i for i, node in enumerate(read.nodes) if self._is_text(node, readings[i])}

    def removable(
        self,
        doc: Document,
        read: Read,
        edges: tuple[range, range],
        readings: list[_Reading | None],
    ) -> set[int]:
        """The bad blocks of the two zones without a sentence, none of the article's own kinds;
        in the tail, only from the site's first chrome on (``tail_start``): the lines
        between the article's last block and it are the author's closing words."""
        head, tail = edges
        tail = range(self.tail_start(doc, read, tail, head.stop, readings), tail.stop)
        kept = self._kept(doc, read, head, tail)
        return {
            i
            for i in [*head, *tail]
            if (read.classes[i] == bq.BAD or read.first[i] == bq.SHORT)
            and i not in kept
            and not _sentence(read.blocks[i])
            and _plain(doc, read, i)
        }

    def _kept(self, doc: Document, read: Read, head: range, tail: range) -> set[int]:
        """The blocks of the two zones the article keeps whatever their class: the tail's
        references, sections with text, the head's photo credits and decks under a heading."""
        kept = self._references(doc, read, tail) | _sections_with_text(doc, read)
        kept |= {i for i in head if _photo_credit(read.blocks[i])}
        kept |= {i for i in head if _under_heading_deck(doc, read, i)}
        return kept

    def tail_start(
        self,
        doc: Document,
        read: Read,
        tail: range,
        first: int,
        readings: list[_Reading | None],
    ) -> int:
        """The tail's first block of the site's chrome: a link row as BP185 reads one (not a
        list the article introduces, a download, a list of sources) or a copyright line, bad
        before any context, without a sentence or a picture (a linked badge stands inside an
        article: "Explain with [logo]"); the tail's end when there is none. The lines before
        it are the author's closing words."""
        own = page_site(doc, readings, first)  # the site, as BP185 reads it
        for i in tail:
            block = read.blocks[i]
            if read.first[i] != bq.BAD or _sentence(block) or _picture(doc, read.nodes[i]):
                continue
            if _copyright(block) or (
                _linked(block) and self._link_row(doc, read.nodes, readings, i, own)
            ):
                return i
        return tail.stop

    def _references(self, doc: Document, read: Read, tail: range) -> set[int]:
        """A heading or line naming sources ("References", "参考") and its section."""
        kept: set[int] = set()
        for i in tail:
            node = read.nodes[i]
            if node.kind not in ("heading", "paragraph"):
                continue
            skel = skeleton(doc, node)
            text = skel.visible.strip() if skel is not None else ""
            if self.content_title is not None and self.content_title.fullmatch(text):
                kept.update(range(i, _section_end(doc, read, i)))
        return kept


def _plain(doc: Document, read: Read, i: int) -> bool:
    """A paragraph or heading without links, pictures, or a picture right above it (its
    caption): a block that may go. A list without links may be the article's points; a block
    with links is BP185's to read (a row, a download, a list of sources)."""
    node = read.nodes[i]
    block = read.blocks[i]
    if node.kind not in ("paragraph", "heading") or block.fixed is not None or block.links:
        return False
    if block.text.lstrip().startswith(":::"):
        return False  # (pandoc's fenced div: markup that pairs with another line, not text)
    if _HTML_TAG.search(doc.text[slice(*doc.node_span(node))]) or _CODE.search(block.text):
        return False  # (markup, or code a converter left outside its block: "x = f(1)")
    pictures = [_picture(doc, read.nodes[j]) for j in (i - 1, i) if j >= 0]
    return not any(pictures) and not _wrapped_heading(doc, read, i)


def _wrapped_heading(doc: Document, read: Read, i: int) -> bool:
    """A line right under a heading, no blank line between: a converter wrapped a long
    heading ("# Everstake Partners With Zengo to Boost Staking for All" / "Their Users")."""
    before = read.nodes[i - 1] if i else None
    if before is None or before.kind != "heading" or read.nodes[i].kind != "paragraph":
        return False
    if heading_level(doc, before) > _TITLE_LEVEL:
        return False
    between = doc.text[doc.node_span(read.nodes[i - 1])[1] : doc.node_span(read.nodes[i])[0]]
    return between.count("\n") <= 1 and not between.strip()


def _picture(doc: Document, node: Node) -> bool:
    source = doc.text[slice(*doc.node_span(node))]
    return "![" in source or "<img" in source.lower()


def _section_end(doc: Document, read: Read, i: int) -> int:
    """Where the section of the heading at ``i`` ends: at the next heading of its level or a
    higher one (the next block for a line that is no heading)."""
    node = read.nodes[i]
    if node.kind != "heading":
        return i + 1
    level = heading_level(doc, node)
    for j in range(i + 1, len(read.nodes)):
        other = read.nodes[j]
        if other.kind == "heading" and heading_level(doc, other) <= level:
            return j
    return len(read.nodes)


def _sections_with_text(doc: Document, read: Read) -> set[int]:
    """The headings of the article's sections and the lines that lead into its content: a good
    block stands in the heading's section or its next block is a sentence of the author's
    without links ("Wrap-up" above the closing words), or the line's next block is a list
    without links, a table, code or a picture ("What We Like" over the pros), or, after a
    colon, any list. A
    widget's heading leads into links BP185 takes first; once they are gone, the heading
    stands alone and goes in the next pass."""
    kept: set[int] = set()
    for i, node in enumerate(read.nodes):
        if node.kind not in ("heading", "paragraph") or _copyright(read.blocks[i]):
            continue
        section = range(i + 1, _section_end(doc, read, i))
        if _leads_in(doc, read, i) or (
            node.kind == "heading" and any(read.classes[j] == bq.GOOD for j in section)
        ):
            kept.add(i)
    return kept


def _leads_in(doc: Document, read: Read, i: int) -> bool:
    """Whether the line at ``i`` leads into a block of the article's own kinds."""
    if i + 1 == len(read.nodes):
        return False
    node, block = read.nodes[i + 1], read.blocks[i + 1]
    if node.kind in LIST_KINDS:
        return not block.links or read.blocks[i].text.rstrip().endswith((":", "："))
    if block.fixed is not None or (_picture(doc, node) and not block.links):
        return True
    heading = read.nodes[i].kind == "heading"
    return heading and node.kind == "paragraph" and _sentence(block) and not block.links


# A photo's credit under the title, its picture dropped by the converter: "© BART DEWAELE",
# "(c) Jane Roe": a name of a few words after the sign, no year and no rights notice (a site's
# copyright line has both).
_PHOTO_CREDIT = re.compile(r"\s*(?:©|\(c\))\s*[^\W\d_][^\d©]{0,60}", re.I)
_RIGHTS = re.compile(
    r"rights|reserved|droits|rechte|derechos|diritti|direitos|права|版权|著作権", re.I
)
_CREDIT_MAX_WORDS = 5


def _photo_credit(block: bq.Block) -> bool:
    text = block.text.strip()
    return (
        _PHOTO_CREDIT.fullmatch(text) is not None
        and len(text.split()) <= _CREDIT_MAX_WORDS
        and _RIGHTS.search(text) is None
    )


# A deck (standfirst) right under the title: a line of words without links, few of them numbers
# (a date line is mostly numbers), often without a full stop ("Questionamentos repetem o
# discurso bolsonarista de desconfiança em relação ao sistema eleitoral").
_DECK_WORDS = range(8, 61)
_DECK_NUMBER_SHARE = 4


def _under_heading_deck(doc: Document, read: Read, i: int) -> bool:
    """A deck: a paragraph of ``_deck``'s shape right under a heading (the article's title), or
    under the tail of one a converter wrapped (html2text's "# ... confirma" then "irmã")."""
    node = read.nodes[i]
    return (
        i > 0
        and (read.nodes[i - 1].kind == "heading" or _wrapped_heading_tail(read, i - 1))
        and node.kind == "paragraph"
        and not _picture(doc, node)
        and _deck(read.blocks[i])
    )


# The words a converter's wrap leaves of a long title on the next line
_WRAPPED_TAIL_WORDS = 4


def _wrapped_heading_tail(read: Read, i: int) -> bool:
    """A short paragraph that starts on the line right after a one-line ATX heading: the rest of
    a title a converter wrapped at its line width (no blank line between them)."""
    if i < 1:
        return False
    heading, tail = read.nodes[i - 1], read.nodes[i]
    return (
        heading.kind == "heading"
        and tail.kind == "paragraph"
        and tail.start_line == heading.end_line
        and heading.end_line - heading.start_line == 1
        and not read.blocks[i].links
        and word_count(read.blocks[i].text.strip()) <= _WRAPPED_TAIL_WORDS
        and _FULL_STOP.search(read.blocks[i].text.rstrip()) is None
    )


def _deck(block: bq.Block) -> bool:
    text = block.text.strip()
    if block.links or word_count(text) not in _DECK_WORDS:
        return False
    numbers = sum(1 for word in text.split() if any(ch.isdigit() for ch in word))
    return _DECK_NUMBER_SHARE * numbers <= word_count(text)


def _copyright(block: bq.Block) -> bool:
    return "©" in block.text


def _linked(block: bq.Block) -> bool:
    """A block with links that are not only a reply's mentions of people ("@yuno @jsye")."""
    words = block.link_text.split()
    return bool(words) and not all(word.startswith("@") for word in words)


def _sentence(block: bq.Block) -> bool:
    """A block that ends a sentence somewhere ("Thanks for reading!"), a clause of Chinese
    prose, or a line of ``_LEAD_WORDS`` words or more that leads into what follows with a
    colon."""
    text = block.text.rstrip()
    if _FULL_STOP.search(text) is not None:
        return True
    if "，" in text and word_count(text) >= _CLAUSE_WORDS:
        return True  # (a clause of Chinese prose: a post may end without its full stop)
    return text.endswith((":", "：")) and word_count(text) >= _LEAD_WORDS
