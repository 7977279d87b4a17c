"""``article-region``: on a crawled or clipped page, the chrome above and below the article's text.

A page a crawler or clipper saved says so (a front matter ``url:``/``source:`` holding a web
address, a "URL Source:" line near the top, a theme's skip link opening a line there:
``skip_links``, or ``menu_lines`` lines of the site's menu there), and its article is a run of prose between the
site's head and its tail. The article's region runs from its first block of prose to its last
(``min_words`` words or more, link words at most ``max_link_share`` of them, a sentence's end;
code and tables count as the article's too), with the headings right above its first block.

Outside the region a block goes when it is shaped like chrome, whatever the language:
- mostly link text (``chrome_link_share`` of its words or more) with at most two words of its
  own a link: menus, link rows, related lists, footers' link columns, social profiles;
- linked pictures without words (logos, icons linking the site's pages);
- with ``max_caption_words``, a short caption (no sentence's end, no link) between two such
  blocks ("Share this:", "Legal");
- the site's name as a heading linking its home page; above the article, a breadcrumb trail
  (``trail_reading``).
Links html2text wrapped after a hyphen are read healed (``healed_links``), for reading only.

What stays outside the region: headings, code, tables, rules; a picture alone or linked to its
own file; a block that links a file to download; a list of links under a heading (unless
its links all go to the page's site, the one it notes it was saved from or else the one the
links above the article share, ``link_site``: a sidebar widget's list), or a line that names
sources ("References", "参考文献"), after any line that ends with a colon, or after a sentence
of the author's that leads into it (not icon links without a letter); short lines (the
article's own closing words); a clipper's link to the page itself (one link whose text is one
of the page's headings).
Unsafe: the region is read from the page's shape.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..fastpath.triggers import AnyOf, Repeated, Search, Trigger
from ..markup import link_lines
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .block_runs import neighbour_runs
from .fix_safety import (
    climbs_to_root,
    junk_endpoint,
    safe_if,
    site_home,
    social_profile,
    theme_link,
)
from .healed_reading import healed_reading
from .link_remnants import mended
from .link_site import link_site
from .link_targets import DOWNLOADS, FileKind, is_file_target, is_own, is_picture, site_of
from .link_targets import noted_site as noted_site  # (post_cards reads it here)
from .linkblocks import (
    LIST_KINDS,
    Link,
    Skeleton,
    heading_level,
    inline_skeletons,
    is_source_file_link,
    skeleton,
    word_count,
)
from .page_head import MENU_LINE, front_matter_title, names_title, site_name_heading
from .phrase_lists import phrase_pattern
from .reference_list import is_reference_list
from .saved_page import (
    ADDRESS_HEADING,
    CRAWL_NOTE,
    EMPTY_LINK,
    EMPTY_LINKS,
    address_heading,
    crawl_address,
    empty_links,
    names_cookies,
)
from .trail_reading import breadcrumb, folded

_NOTE_CHARS = 3000
"""The crawler's note stands in the page's first characters."""
_SENTENCE_END = re.compile(r"[.!?。！？…;；](?:\s|$|[\"'”’）)\]])")
_FULL_STOP = re.compile(r"[.!?。！？…](?:\s|$|[\"'”’）)\]])")
"""A sentence's full stop (not a semicolon: a sidebar's list of clauses is no closing line)."""
_FILES: tuple[FileKind, ...] = (*DOWNLOADS, "data")
"""A download's or a data file's address (``link_targets.is_file_target``): the article's own."""
_PICTURE_PLACE = re.compile(r"imgix\.net|/images?/", re.I)
"""Where a site keeps its pictures (an image CDN, an ``/images/`` folder): a picture's address
without a picture's extension (``is_picture``)."""
_ABSOLUTE_SKIP_LINK = re.compile(r"\[([^\[\]\n]{1,60})\]\(<?(https?://[^\s()<>#]+)#[^\s()<>]*>?\)")
"""A link written in absolute form to a fragment of an address (a skip link's shape)."""
_ROW_LINKS = 3
"""The links of a row of the site's (a menu, a footer's column): the article's text ends there."""
_SENTENCE_WORDS = 3
"""The words of a sentence that may close the article past its last block of prose."""
_SAFE_ROW_LINKS = 2
"""The links of a run the safe core takes: one link alone may be the author's (a series' next part)."""
_KEPT_KINDS = frozenset({"heading", "fence", "code_block", "table", "hr", "html_block"})
_READ_KINDS = frozenset({"paragraph", "blockquote", *LIST_KINDS})


@dataclass(frozen=True, slots=True)
class _Reading:
    words: int
    link_words: int
    text: str
    links: tuple[Link, ...]
    images: int


SENTENCE_MARK = re.compile(r"[.!?。！？…](?:\s|$|[\"'”’）)\]])|[。！？]")
"""A sentence's end, as the page edges read it (a CJK full stop needs no space after it)."""
SAYING_WORDS = 10
"""The words of a block that says something (a sentence), not a caption."""


def says(reading: _Reading | None) -> bool:
    """A block that holds a sentence: ``SAYING_WORDS`` words or more, a sentence's end (the
    page edges' test of the author's voice above the title or in the tail)."""
    return (
        reading is not None
        and reading.words >= SAYING_WORDS
        and SENTENCE_MARK.search(reading.text) is not None
    )


def names_consent(reading: _Reading | None) -> bool:
    """A block that names cookies (``saved_page.names_cookies``): a consent panel's."""
    return reading is not None and names_cookies(reading.text)


_EVIDENCE_READERS = frozenset({"article-region", "page-tail"})
"""The matchers of the family that read the page's evidence as the fix run's first text held it."""


class ArticleRegionMatcher(Matcher):
    name = "article-region"
    front_matter = True  # (the crawler's note is a front matter key)
    page_evidence = True
    """It reads the page's evidence (the saver's marks, its address, the head's menu) as the
    fix run's first text holds it (``Document.page_fact``): the engine runs it on every later
    pass, whatever its trigger says of a text an earlier fix took the evidence from. The rules
    of its family that read the page's head (BP306) or score its blocks (BP275) read their own
    text, as before: their unsafe guesses are not extended by evidence the text lost."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.page_evidence = cls.name in _EVIDENCE_READERS

    params = MappingProxyType(
        {
            "min_words": int,
            "max_link_share": float,
            "chrome_link_share": float,
            "max_caption_words": int,
            "content_titles": list,
            "heading_keeps_lists": bool,
            "skip_links": list,
            "menu_lines": int,
            "tail_words": int,
            "copyright_lines": list,
            "safe_captions": list,
            "credits": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_words = int(params.get("min_words", 30))
        self.max_link_share = float(params.get("max_link_share", 0.3))
        self.chrome_link_share = float(params.get("chrome_link_share", 0.6))
        self.max_caption_words = int(params.get("max_caption_words", 6))
        self.heading_keeps_lists = bool(params.get("heading_keeps_lists", False))
        self.menu_lines = int(params.get("menu_lines", 0))
        self.tail_words = int(params.get("tail_words", 0))
        marks = phrase_pattern(params, "copyright_lines")
        self.copyright = lazy_compile(rf"©|{marks}" if marks else "©", re.I)
        skip = phrase_pattern(params, "skip_links")
        # A theme's skip link opening a line near the top is the page's saving too.
        skip_line = rf"|^[ \t]*(?:[-*+][ \t]+)?\[?(?:{skip})\]?(?:\(|[ \t]*$)" if skip else ""
        self.saved_page = re.compile(CRAWL_NOTE.pattern + skip_line, CRAWL_NOTE.flags)
        self.skip_text = lazy_compile(rf"\W*(?:{skip})\W*", re.I) if skip else None
        titles = phrase_pattern(params, "content_titles")
        self.content_title = lazy_compile(rf"\W*(?:{titles})\W*", re.I) if titles else None
        credits = phrase_pattern(params, "credits")
        # The article's credit for its pictures, however many links it holds: "(Credits: [Prime
        # Video](…))", "Photos by [Jane](…) (Agency), [Joe](…)", "Foto: [dpa](…)".
        self.credit_line = (
            lazy_compile(rf"[\W_]*(?:{credits})s?\s*(?:[:=/|©＝／]|by\b)", re.I)
            if credits
            else None
        )
        captions = phrase_pattern(params, "safe_captions")
        # A site's own caption, word for word ("Search", "On this page", "© 2024 Site").
        self.safe_caption = lazy_compile(rf"\W*(?:{captions})\W*", re.I) if captions else None

    def trigger(self) -> Trigger:
        signs: list[Trigger] = [Search(self.saved_page, folded=False)]
        if self.menu_lines:  # (three menu lines anywhere: ``find`` wants them in the head)
            signs.append(Repeated(MENU_LINE, self.menu_lines))
        signs.append(Repeated(EMPTY_LINK, EMPTY_LINKS))
        signs.append(Search(ADDRESS_HEADING, folded=False))  # (``find`` wants it first)
        return AnyOf(tuple(signs))

    def page_blocks(self, doc: Document) -> tuple[list[Node], list[_Reading | None]] | None:
        """The page's blocks (its front matter aside) and the reading of each (words, links),
        on a page that proves it was saved from the web; None on any other page. The one
        opening of the rules that work from this region (BP185, BP305, BP306)."""
        if not (self.saved_page_of(doc) if self.page_evidence else self.saved(doc.text)):
            return None
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        return blocks, [self._reading(doc, node) for node in blocks]

    def find(self, doc: Document) -> Iterator[Finding]:
        page = self.page_blocks(doc)
        if page is None:
            return
        blocks, readings = page
        region = self._region(doc, blocks, readings)
        if region is None:
            return
        chrome, trails, article_end = self._page_chrome(doc, blocks, readings, region)
        edges = (_title_edge(doc, blocks, region[0]), article_end)
        address = self.saver_address(doc)
        site = site_of(address) if address is not None else _home_site(readings, region[0])
        # (a trail's links stand as a row's: its last part is the page's own title; the
        # site's name as a heading stands as its one link home)
        rows = _row_readings(doc, blocks, readings, trails, site)
        for whole in neighbour_runs(sorted(chrome), _consecutive):
            for run, sure in self._sure_parts(blocks, rows, whole, (site, address), edges):
                start = doc.node_span(blocks[run[0]])[0]
                end = doc.node_span(blocks[run[-1]])[1]
                edit = remove_blocks(doc, blocks[run[0]], blocks[run[-1]])
                yield Finding(start, end, edits=(edit,), applicability=safe_if(sure))

    def _sure_parts(
        self,
        blocks: list[Node],
        rows: list[_Reading | None],
        run: list[int],
        noted: tuple[str | None, str | None],
        edges: tuple[int, int],
    ) -> list[tuple[list[int], bool]]:
        """A run of the site's blocks as the parts its findings cover, each with whether the
        safe core takes it: the whole run when it does (``_site_rows``), else the whole run as
        a guess and, when the run stands above the article's title, each stretch inside it the
        core takes on its own (the site's link rows and their captions beside the page's title
        line or a weather box the core does not read; past the article, a line the core cannot
        name between the rows may be the author's, and the whole run waits). With ``--unsafe-fixes`` the run goes whole in one pass (its finding starts first,
        or at the same start is the larger: ``edits.select_compatible``), the tail's short lines
        with the link row that makes them the site's; plain ``--fix`` takes the stretches."""
        site, address = noted
        if site is None:
            return [(run, False)]
        if self._site_rows(blocks, rows, run, (site, address), edges):
            return [(run, True)]
        if run[-1] >= edges[0]:
            return [(run, False)]  # (past the article, a line the core cannot name keeps all)
        row = [self._core_block(blocks[i], rows[i], site, address) for i in run]
        parts: list[tuple[list[int], bool]] = [(run, False)]
        for stretch in neighbour_runs(
            range(len(run)), lambda a, b: b == a + 1 and row[a] == row[b]
        ):
            indexes = [run[k] for k in stretch]
            if row[stretch[0]] and self._site_rows(blocks, rows, indexes, (site, address), edges):
                parts.append((indexes, True))
        return parts

    def _core_block(
        self, node: Node, reading: _Reading | None, site: str, address: str | None
    ) -> bool:
        """Whether one block is the safe core's on its own: links alone, each to the site
        (``_site_link``), or one of the site's captions word for word."""
        links = _pure_links(node, reading)
        if links is None:
            return self._site_caption(node, reading)
        return all(self._site_link(link, site, address) for link in links.links)

    def saver_address(self, doc: Document) -> str | None:
        """The page's own address as its saver left it, the safe core's first signal: the
        crawler's or clipper's note or the crawler's address heading (``crawl_address``), else
        the theme's skip link in the page's head written in absolute form
        ("[Skip to content](https://site/page/#main)": a converter that makes links absolute
        writes the page's own address before the skip link's fragment)."""
        key = ("saver address", None if self.skip_text is None else self.skip_text.pattern)
        return doc.page_fact(key, self._saver_address, own_else_first)

    def _saver_address(self, doc: Document) -> str | None:
        address = crawl_address(doc)
        if address is not None or self.skip_text is None:
            return address
        for match in _ABSOLUTE_SKIP_LINK.finditer(doc.text[:_NOTE_CHARS]):
            if self.skip_text.fullmatch(match.group(1)) is not None:
                return match.group(2)
        return None

    def _page_chrome(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        region: tuple[int, int],
    ) -> tuple[set[int], set[int], int]:
        """The site's blocks around the article's region (link rows, the trail above it, the
        head's captions, the tail's labels), the trails among them, and the article's last
        sentence."""
        own = page_site(doc, readings, region[0])
        outside = _outside(doc, blocks, readings, region)
        chrome = self._chrome(doc, blocks, readings, outside, own)
        trails = _trails(doc, blocks, [i for i in outside if i < region[0]])
        chrome |= trails
        chrome |= self._head_labels(doc, blocks, readings, chrome, region[0])
        article_end = self._article_end(readings, chrome, region[1])
        chrome |= self._tail_labels(blocks, readings, chrome, article_end)
        return chrome, trails, article_end

    def _region(
        self, doc: Document, blocks: list[Node], readings: list[_Reading | None]
    ) -> tuple[int, int] | None:
        """The article's first and last blocks: its first block of text (with the headings
        right above it) to its last; None when the page holds no text. A heading that names
        the front matter's title opens the article when text follows it: a block before it
        that reads as text is the site's (a menu's card, a share row a converter broke)."""
        good = [
            i
            for i, node in enumerate(blocks)
            if self._is_text(node, readings[i]) or is_reference_list(doc, node)
        ]
        if not good:
            return None
        title = _named_title(doc, blocks)
        if title is not None and good[0] < title < good[-1]:
            return title, good[-1]
        first = good[0]
        while first > 0 and _article_heading(doc, blocks[first - 1], noted_site(doc)):
            first -= 1
        return first, good[-1]

    def _head_labels(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        chrome: set[int],
        first: int,
    ) -> set[int]:
        """The site's short lines in the page's head: above the article's title (the heading
        naming the front matter's title, else the first heading of level one that is not the
        site's name), where the site's link rows stand, short lines without a sentence
        (``tail_words`` words at most) are its captions and toggles ("MENU", "Share this
        page:", "Dark Light")."""
        title = _head_title(doc, blocks, first)
        if not self.tail_words or title is None or not any(i < title for i in chrome):
            return set()
        return {
            i for i in range(title) if i not in chrome and self._short_line(blocks[i], readings[i])
        }

    def saved_page_of(self, doc: Document) -> bool:
        """``saved`` of the page, as the fix run's first text proved it (``Document.page_fact``:
        a head rule's fix may take the skip link or the menu that proved it)."""
        key = ("saved page", self.saved_page.pattern, self.menu_lines)
        return doc.page_fact(key, lambda page: self.saved(page.text), _either)

    def saved(self, text: str) -> bool:
        """Whether the page says it was saved from the web: in its head, the crawler's note, a
        skip link, or (``menu_lines``) that many lines of the site's menu, each one link to a
        top page of a site; as its first line, a heading that is its web address; anywhere, a
        converter's links without text (``saved_page``)."""
        head = text[:_NOTE_CHARS].lower()
        if self.saved_page.search(head) is not None or address_heading(head):
            return True
        count = self.menu_lines
        if count and len(list(itertools.islice(MENU_LINE.finditer(head), count))) >= count:
            return True
        return empty_links(text)

    def _reading(self, doc: Document, node: Node) -> _Reading | None:
        if node.kind == "code_block":
            return code_links(doc, node)
        if node.kind not in _READ_KINDS:
            return None
        containers = (*LIST_KINDS, "list_item", "blockquote")
        # (html2text's wraps healed: link targets broken after a hyphen, headings on two lines)
        skeletons = inline_skeletons(
            doc, node, ("paragraph", "heading"), containers, _mended_reading
        )
        if skeletons is None:
            return None  # code or a table inside: the article's
        return _Reading(
            sum(skel.words() for skel in skeletons),
            sum(skel.link_words() for skel in skeletons),
            " ".join(skel.visible for skel in skeletons),
            tuple(link for skel in skeletons for link in skel.links),
            sum(skel.images for skel in skeletons),
        )

    def _is_text(self, node: Node, reading: _Reading | None) -> bool:
        """A block of the article's text: code, a table, or prose with few links."""
        if node.kind in ("fence", "code_block", "table"):
            return reading is None  # (not a list of links html2text indented: ``code_links``)
        return (
            reading is not None
            and reading.words >= self.min_words
            and reading.link_words <= self.max_link_share * reading.words
            and _SENTENCE_END.search(reading.text) is not None
        )

    def _chrome(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        outside: list[int],
        own: str | None,
    ) -> set[int]:
        """The blocks outside the region that are shaped like chrome: link rows and images
        alone, then the short captions beside them (``own``: the page's site, if known)."""
        dense = {i for i in outside if self._link_row(doc, blocks, readings, i, own)}
        # The site's name as a heading linking its home page ("# [Site](https://site/)"): a
        # theme's, never an article's title.
        dense |= {i for i in outside if _own_name(doc, blocks[i], own)}
        # A caption goes between two such blocks (or one and the page's edge): beside the
        # article's text, a short line may be the author's own closing words.
        edges = dense | {-1, len(blocks)}
        captions = {
            i
            for i in outside
            if i not in dense and self._caption(readings[i]) and {i - 1, i + 1} <= edges
        }
        return dense | captions

    def _link_row(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        i: int,
        own: str | None,
    ) -> bool:
        reading = readings[i]
        if reading is None or _kept_kind(blocks[i]):
            return False
        if any(_file_link(link) for link in reading.links):
            return False  # a download, a picture linked to its file, the article's source files
        if reading.words == 0:
            # Linked pictures with no words: a logo or icon row linking the site's pages; a
            # picture alone is the article's figure.
            return bool(reading.links)
        if reading.link_words < self.chrome_link_share * reading.words:
            return False
        if reading.words - reading.link_words > 2 * len(reading.links):
            return False  # a sentence around its link ("On May 3, [the app shipped](…)")
        if self._sources(reading.text) or self._under_content_title(doc, blocks, i):
            return False  # "References: [RFC 8878](…)", "(Credits: [Prime Video](…))"
        return not self._introduced(doc, blocks, readings, i, own)

    def _sources(self, text: str) -> bool:
        """Whether a line of links names the article's sources ("References: [RFC 8878](…)",
        "참고: [jetbrains.com](…)") or credits its pictures ("(Credits: [Prime Video](…))",
        "Photos by [Jane](…), [Joe](…)"): the article's, however many links it holds."""
        credit = self.credit_line is not None and self.credit_line.match(text) is not None
        return credit or self._labelled_sources(text)

    def _under_content_title(self, doc: Document, blocks: list[Node], i: int) -> bool:
        """Whether the block stands right under a heading titled as content ("Further
        reading", "See also", "参考文献"): the article's own links, in a list or a paragraph of
        links (Pandoc writes a list of links set apart by line breaks as one). A converter that
        escaped the list's bullets ("\\- [Source](…)") writes one paragraph per item: each
        item that opens with the same bullet as the one under the heading is in that list."""
        j = i - 1
        bullet = _item_bullet(doc, blocks[i])
        while bullet is not None and j > 0 and _item_bullet(doc, blocks[j]) == bullet:
            j -= 1
        if j < 0 or blocks[j].kind != "heading":
            return False
        skel = skeleton(doc, blocks[j])
        return skel is not None and self._names_content(skel.visible.strip())

    def _labelled_sources(self, text: str) -> bool:
        label, colon, _ = text.replace("：", ":").partition(":")
        return bool(colon) and self._names_content(label.strip(" *_"))

    def _names_content(self, title: str) -> bool:
        """Whether a title is one of ``content_titles`` ("See also", "References", "参考")."""
        return self.content_title is not None and self.content_title.fullmatch(title) is not None

    def _introduced(
        self,
        doc: Document,
        blocks: list[Node],
        readings: list[_Reading | None],
        i: int,
        own: str | None,
    ) -> bool:
        """Whether a list of links is the article's own: under a heading of the article's (no
        link in it), after a line that introduces it (ends with a colon, or names sources), or
        after a sentence of the author's that leads into it."""
        j = _introduction(blocks, i)
        skel = None if j is None else skeleton(doc, blocks[j])
        if j is None or skel is None or _icons_only(readings[i]):
            return False
        text = skel.visible.strip()
        if self._names_content(text):
            return True
        if blocks[j].kind == "heading":
            return self._heading_keeps(skel, readings[i], own)
        return (not skel.links and text.endswith((":", "："))) or self._lead_in(readings[j])

    def _heading_keeps(self, heading: Skeleton, reading: _Reading | None, own: str | None) -> bool:
        """Whether a heading keeps the list under it: it holds no link (a heading's own anchor
        link, "[](#section)", is no link of the site's) and the list is no list of the site's."""
        linked = any(link.text.strip() for link in heading.links)
        return not linked and self.heading_keeps_lists and not _site_list(reading, own)

    def _lead_in(self, before: _Reading | None) -> bool:
        """A sentence of the author's that leads into a list: few links, a sentence's end."""
        return (
            before is not None
            and before.link_words <= self.max_link_share * before.words
            and _SENTENCE_END.search(before.text) is not None
        )

    def _tail_labels(
        self, blocks: list[Node], readings: list[_Reading | None], chrome: set[int], end: int
    ) -> set[int]:
        """The site's short lines in the page's tail: once a link row of ``_ROW_LINKS`` links
        or more has followed the article's last sentence, the short lines after it
        (``tail_words`` words at most, no sentence) and its copyright line are the footer's,
        not the author's closing words (those stand between the article and the site's first
        link row; a row of one or two links may be a thread's mentions or a post's widget)."""
        rows = (i for i in chrome if i > end and _row(readings[i]))
        tail_start = min(rows, default=None)
        if not self.tail_words or tail_start is None:
            return set()
        return {
            i
            for i in range(tail_start + 1, len(blocks))
            if i not in chrome and self._tail_label(blocks[i], readings[i])
        }

    def _article_end(self, readings: list[_Reading | None], chrome: set[int], last: int) -> int:
        """The article's last sentence: its text may end in short paragraphs past its last
        block of prose, and a site's widget of one link may stand between them; a link row of
        ``_ROW_LINKS`` links or more (a menu, a footer's column) ends it."""
        end = last
        for i in range(last + 1, len(readings)):
            reading = readings[i]
            if i in chrome and _row(reading):
                break
            if self._sentence(reading):
                end = i
        return end

    def _sentence(self, reading: _Reading | None) -> bool:
        """A block with a sentence of the author's: ``_SENTENCE_WORDS`` words or more, a
        sentence's end, few links ("So the backup stays small." closes an article)."""
        return (
            reading is not None
            and reading.words >= _SENTENCE_WORDS
            and reading.link_words <= self.max_link_share * reading.words
            and _FULL_STOP.search(reading.text) is not None
            and self.copyright.search(reading.text) is None  # (the site's, not the author's)
        )

    def _tail_label(self, node: Node, reading: _Reading | None) -> bool:
        if reading is None or not self._short_line(node, reading, copyright_words=2):
            return False
        return not any(is_file_target(link.href, _FILES) for link in reading.links)  # (a download)

    def _short_line(self, node: Node, reading: _Reading | None, copyright_words: int = 0) -> bool:
        """A paragraph of ``tail_words`` words at most without a sentence's end; with
        ``copyright_words``, a copyright line of that many times as many words too."""
        if reading is None or node.kind != "paragraph" or not reading.words:
            return False
        limit = copyright_words * self.tail_words
        if reading.words <= limit and self.copyright.search(reading.text):
            return True  # "© 2025 Example. All rights reserved."
        return reading.words <= self.tail_words and _SENTENCE_END.search(reading.text) is None

    def _site_rows(
        self,
        blocks: list[Node],
        readings: list[_Reading | None],
        run: list[int],
        noted: tuple[str, str | None],
        edges: tuple[int, int],
    ) -> bool:
        """The safe core's second signal: a run above the article's title or past its last
        sentence (``edges``) of pure link blocks (``_pure_links``; the site's name as a heading
        linking its home page), ``_SAFE_ROW_LINKS`` links or more in all (or one that is the
        theme's own: a tag, category or author page, the site's name linking home), each to a
        page of the noted site (``noted``: the site and the address; its navigation, its links
        relative to the page that climb to its root), a share, log-in or comment endpoint, the
        theme's skip link, or a social profile beside them; between the rows, the site's
        captions word for word (``_site_caption``)."""
        links: list[Link] = []
        for i in run:
            if edges[0] <= i <= edges[1]:
                return False
            reading = _pure_links(blocks[i], readings[i])
            if reading is not None:
                links += reading.links
            elif not self._site_caption(blocks[i], readings[i]):
                return False
        if not _enough_links(links, noted[0]):
            return False
        if not all(self._site_link(link, *noted) for link in links):
            return False
        # Profiles go beside the site's own links (a footer's follow icons), never alone: a
        # row of them only may be the author's own sign-off.
        return not all(social_profile(link.href) for link in links)

    def _site_caption(self, node: Node, reading: _Reading | None) -> bool:
        """A paragraph that is one of the site's captions word for word (``safe_captions``:
        a menu's, a search box's, a footer's legal or copyright line), no link or picture:
        between the site's own link rows, the rows' label, not the author's line."""
        if self.safe_caption is None or node.kind != "paragraph" or reading is None:
            return False
        if reading.links or reading.images:
            return False
        return self.safe_caption.fullmatch(reading.text) is not None

    def _site_link(self, link: Link, site: str, address: str | None = None) -> bool:
        if link.text.startswith("@"):
            return False  # a reply's mention of a person ("@yuno"): the post's own words
        if is_own(link.href, site, relative=False) or junk_endpoint(link.href):
            return True
        if climbs_to_root(link.href, address):
            return True  # (the site's rooted link as an offline copy rewrote it)
        if social_profile(link.href):
            return True  # the site's follow icons (a profile page, its handle alone)
        return self.skip_text is not None and self.skip_text.fullmatch(link.text) is not None

    def _caption(self, reading: _Reading | None) -> bool:
        return (
            reading is not None
            and not reading.links
            and 0 < reading.words <= self.max_caption_words
            and _SENTENCE_END.search(reading.text) is None
        )


def _kept_kind(node: Node) -> bool:
    """A block of a kind that stays outside the article (a heading, code, a table, a rule,
    HTML), but a code block read as links (``code_links``)."""
    return node.kind in _KEPT_KINDS and node.kind != "code_block"


def code_links(doc: Document, node: Node) -> _Reading | None:
    """A code block that is nothing but a list of links (``markup.link_lines``: a submenu
    html2text indented under its caption), read as that list; None for any other block."""
    if node.kind != "code_block":
        return None
    found = link_lines(doc.node_source(node))
    if found is None:
        return None
    links = tuple(Link(text, href) for text, href in found)
    words = sum(word_count(link.text) for link in links)
    return _Reading(words, words, " ".join(link.text for link in links), links, 0)


def _mended_reading(doc: Document, node: Node) -> Skeleton | None:
    """A block read healed (``healed_reading``) with the links a converter broke read back
    (``link_remnants.mended``: a card's link around a picture and a heading)."""
    skel = healed_reading(doc, node)
    return None if skel is None else mended(skel, doc.node_source(node))


def _either(first: bool, own: bool) -> bool:
    return first or own


def own_else_first(first: str | None, own: str | None) -> str | None:
    """An address carried from the run's first text (``Document.page_fact``): this
    text's own, else the first text's (the saver's address line a fix took away)."""
    return own if own is not None else first


def carried_crawl_address(doc: Document) -> str | None:
    """``saved_page.crawl_address`` as the fix run's first text noted it, when a fix took its
    line (``Document.page_fact``)."""
    return doc.page_fact("crawl address", crawl_address, own_else_first)


def _file_link(link: Link) -> bool:
    """A link to a download, a picture's own file, or the article's source files."""
    href = link.href
    return bool(
        is_file_target(href, _FILES)
        or is_picture(href)
        or _PICTURE_PLACE.search(href)
        or is_source_file_link(href)
    )


def _trail_links(reading: _Reading | None) -> _Reading | None:
    """A breadcrumb trail's reading for the safe core: its links alone."""
    if reading is None:
        return None
    return _Reading(reading.link_words, reading.link_words, "", reading.links, 0)


def _trails(doc: Document, blocks: list[Node], head: list[int]) -> set[int]:
    """The breadcrumb trails among the blocks above the article (``trail_reading``)."""
    if not head:
        return set()
    titles = {folded(_visible(doc, node)) for node in blocks if node.kind == "heading"}
    titles.add(front_matter_title(doc) or "")
    return {i for i in head if breadcrumb(doc, blocks[i], titles)}


def _visible(doc: Document, node: Node) -> str:
    skel = skeleton(doc, node)
    return skel.visible if skel is not None else ""


def _icons_only(reading: _Reading | None) -> bool:
    """Links whose texts hold no letter or digit (``[ __](…)``, html2text's remnant of an
    icon): a site's social or share icons, never a list an author introduces."""
    return reading is not None and not any(_LETTER.search(link.text) for link in reading.links)


_LETTER = re.compile(r"[^\W_]")


def _introduction(blocks: list[Node], i: int) -> int | None:
    """The paragraph or heading right above a list (past a second list under the same
    introduction); None when block ``i`` is no list or nothing of the kind stands above it."""
    if blocks[i].kind not in LIST_KINDS:
        return None
    j = i - 1
    while j >= 0 and blocks[j].kind in LIST_KINDS:
        j -= 1
    return j if j >= 0 and blocks[j].kind in ("paragraph", "heading") else None


def _row(reading: _Reading | None) -> bool:
    """A link row of the site's: ``_ROW_LINKS`` links or more (a menu, a footer's column)."""
    return reading is not None and len(reading.links) >= _ROW_LINKS


def _outside(
    doc: Document, blocks: list[Node], readings: list[_Reading | None], region: tuple[int, int]
) -> list[int]:
    """The blocks before and after the article's region, but a clipper's link to the page
    itself under its title ("[Title](url)"): the page's provenance, not the site's chrome."""
    first, last = region
    titles = {_folded_text(doc, node) for node in blocks if node.kind == "heading"}
    return [
        i
        for i in [*range(first), *range(last + 1, len(blocks))]
        if not _names_title(readings[i], titles)
    ]


def _article_heading(doc: Document, node: Node, own: str | None) -> bool:
    """A heading that may open the article: not the site's name linking its home page."""
    return node.kind == "heading" and not _own_name(doc, node, own)


def _own_name(doc: Document, node: Node, own: str | None) -> bool:
    """The site's name as a heading linking the home page of the page's own site (``own``,
    else a path from the root: "# [Site](/)"); an article's section may link another site's
    home page ("## [Roadmap](https://roadmap.sh/)": the resource it presents)."""
    if not site_name_heading(doc, node):
        return False
    skel = skeleton(doc, node)
    href = skel.links[0].href.strip() if skel is not None and skel.links else ""
    if href.startswith("/") and not href.startswith("//"):
        return True
    return own is not None and is_own(href, own, relative=False)


def _named_title(doc: Document, blocks: list[Node]) -> int | None:
    """The heading that names the front matter's title (a clipper's, a crawler's)."""
    title = front_matter_title(doc)
    if title is None:
        return None
    return next((i for i, node in enumerate(blocks) if names_title(doc, node, title)), None)


def _head_title(doc: Document, blocks: list[Node], first: int) -> int | None:
    """The article's title at or above the region's first block: the heading naming the
    front matter's title, else the first heading of level one that is not the site's name."""
    named = _named_title(doc, blocks)
    if named is not None:
        return named if named <= first else None
    for i in range(first + 1):
        node = blocks[i]
        if node.kind == "heading" and heading_level(doc, node) == 1:
            if site_name_heading(doc, node):
                continue  # ("# [Site](https://site/)": the site's name)
            return i
    return None


def _title_edge(doc: Document, blocks: list[Node], first: int) -> int:
    """Where the safe core's head ends: the last heading at or above the region's first block
    that names the front matter's title (a crawler may print the title twice, the site's menu
    between), else the article's title (``_head_title``), else the region's first block."""
    title = front_matter_title(doc)
    named = [
        i for i in range(first + 1) if title is not None and names_title(doc, blocks[i], title)
    ]
    if named:
        return _past_saver_title(doc, blocks, named[-1], first)
    head = _head_title(doc, blocks, first)
    return first if head is None else head


def _past_saver_title(doc: Document, blocks: list[Node], edge: int, first: int) -> int:
    """When the heading naming the title is the page's first block (the crawler's own print of
    it, above the whole page), the page's own title of level one at or above the article's
    first block (``first``), not the site's name: the site's head between the two stands
    above a title as a head does. Else ``edge``."""
    if edge != 0:
        return edge
    for i in range(1, first + 1):
        node = blocks[i]
        level_one = node.kind == "heading" and heading_level(doc, node) == 1
        if level_one and not site_name_heading(doc, node):
            return i
    return edge


def _folded_text(doc: Document, node: Node) -> str:
    skel = skeleton(doc, node)
    return " ".join(skel.visible.casefold().split()) if skel is not None else ""


def _names_title(reading: _Reading | None, titles: set[str]) -> bool:
    """A block of one link whose text is one of the page's headings."""
    if reading is None or len(reading.links) != 1:
        return False
    return " ".join(reading.links[0].text.casefold().split()) in titles


def page_site(doc: Document, readings: list[_Reading | None], first: int) -> str | None:
    """The page's own site: the one its crawler noted (``link_targets.noted_site``: the safe
    core's first signal, which the page's own shape cannot give), else the one the links above
    the article's first block (``first``) share. Not ``link_targets.page_site``, which reads
    the links of the whole page: past the article, a page's related cards and ads may lead
    to another site more than its chrome leads to its own."""
    return noted_site(doc) or _head_site(readings, first)


def _site_list(reading: _Reading | None, own: str | None) -> bool:
    """A list of links alone, ``_SITE_LIST_LINKS`` or more, each to a page of the page's own
    site (``own``: noted by its crawler, else read from its head's links): the site's
    categories, tags or footer columns under their widget's heading; an article's list of
    sources links to other sites."""
    if own is None or reading is None or reading.images or reading.words > reading.link_words:
        return False
    links = reading.links
    return len(links) >= _SITE_LIST_LINKS and all(
        is_own(link.href, own, relative=False) for link in links
    )


def _head_site(readings: list[_Reading | None], first: int) -> str | None:
    """The page's site read from the links above the article (``link_site``): its menu, logo
    and breadcrumb link the site's own pages."""
    return link_site(link.href for reading in readings[:first] if reading for link in reading.links)


def _home_site(readings: list[_Reading | None], first: int) -> str | None:
    """On a page that notes no address, its site when two readings of the links above the
    article (``first``) agree: the site most of them lead to (``_head_site``), and a link to
    that site's home page among them (the theme's logo, the site's name, the trail's first
    part: a site links its own home page above its articles, an article links deeper)."""
    site = _head_site(readings, first)
    if site is None:
        return None
    head = (link for reading in readings[:first] if reading for link in reading.links)
    return (
        site
        if any(link.href.strip() != "/" and site_home(link.href, site) for link in head)
        else None
    )


_SITE_LIST_LINKS = 3


def _pure_links(node: Node, reading: _Reading | None) -> _Reading | None:
    """A paragraph's or list's reading when it is links alone: no word outside them, no picture
    (a heading's, when it is the site's name linking home: ``_home_heading``)."""
    if (
        node.kind not in ("paragraph", "heading", *LIST_KINDS)
        or reading is None
        or not reading.links
    ):
        return None
    return None if reading.images or reading.words > reading.link_words else reading


def _enough_links(links: list[Link], site: str) -> bool:
    """Whether a run's links are enough for the safe core: ``_SAFE_ROW_LINKS`` or more (one link
    alone may be the author's: a series' next part), or one that is the theme's own, never an
    author's: a tag, category or author page (``theme_link``), the site's home."""
    if len(links) >= _SAFE_ROW_LINKS:
        return True
    return bool(links) and all(
        theme_link(link.href) or site_home(link.href, site) for link in links
    )


def _home_heading(doc: Document, node: Node, site: str | None) -> _Reading | None:
    """The site's name as a heading linking the noted site's home page ("# [Site](https://site/)"),
    read as its one link for the safe core; None for any other block."""
    if site is None or not _own_name(doc, node, site):
        return None
    skel = skeleton(doc, node)
    if skel is None or not site_home(skel.links[0].href, site):
        return None
    words = skel.words()
    return _Reading(words, words, "", tuple(skel.links), 0)


def _row_readings(
    doc: Document,
    blocks: list[Node],
    readings: list[_Reading | None],
    trails: set[int],
    site: str | None,
) -> list[_Reading | None]:
    """The blocks' readings as the safe core reads link rows: a trail's links alone (its last
    part is the page's own title), the site's name as a heading as its one link home, a menu
    with dropdowns as its links alone."""
    rows = [_trail_links(r) if i in trails else r for i, r in enumerate(readings)]
    rows = [_home_heading(doc, blocks[i], site) or r for i, r in enumerate(rows)]
    return [_dropdown_menu(doc, blocks[i]) or r for i, r in enumerate(rows)]


_DROPDOWN_WORDS = 4
"""The words of a menu's dropdown label ("News ▾", "Other", "Security Resources")."""


def _dropdown_menu(doc: Document, node: Node) -> _Reading | None:
    """A list that is a site's menu with dropdowns, read as its links alone for the safe core:
    each item a link alone, or a short label without a link, a picture or a sentence's end
    over a list of its own that is such a menu (a theme prints a submenu's parent so: "News
    ▾" over its sections); None for any other block, and for a list without a label (those
    ``_pure_links`` reads)."""
    if node.kind not in LIST_KINDS:
        return None
    links: list[Link] = []
    labels = _menu_items(doc, node, links)
    if not labels or not links:
        return None
    words = sum(word_count(link.text) for link in links)
    return _Reading(words, words, "", tuple(links), 0)


def _menu_items(doc: Document, node: Node, links: list[Link]) -> int | None:
    """The dropdown labels of a menu list (its links added to ``links``); None when an item is
    neither a link alone nor a label over a submenu."""
    labels = 0
    for item in node.children:
        found = _menu_item(doc, item.children, links)
        if found is None:
            return None
        labels += found
    return labels


def _menu_item(doc: Document, parts: list[Node], links: list[Link]) -> int | None:
    """One item of a menu list (``parts``: its blocks): a link alone, or a label, over a
    submenu or not; its dropdown labels, None for an item of another kind."""
    shape = _item_shape(doc, parts)
    if shape is None:
        return None
    skel, sub = shape
    linked = bool(skel.links) and not skel.outside_words()
    if not linked and (sub is None or not _dropdown_label(skel)):
        return None  # (a bare line without a submenu: the article's list)
    links += skel.links
    inner = 0 if sub is None else _menu_items(doc, sub, links)
    return None if inner is None else inner + (not linked)


def _item_shape(doc: Document, parts: list[Node]) -> tuple[Skeleton, Node | None] | None:
    """A list item's line and its submenu: a paragraph without a picture, alone or over a
    list; None for an item of another shape."""
    skel = skeleton(doc, parts[0]) if parts and parts[0].kind == "paragraph" else None
    if skel is None or skel.images or len(parts) > 2:
        return None
    if len(parts) == 1:
        return skel, None
    return (skel, parts[1]) if parts[1].kind in LIST_KINDS else None


def _dropdown_label(skel: Skeleton) -> bool:
    """A submenu's parent: a few words, no link, no sentence's end."""
    text = skel.visible.strip()
    return (
        not skel.links
        and 0 < word_count(text) <= _DROPDOWN_WORDS
        and _SENTENCE_END.search(text) is None
    )


def _consecutive(before: int, index: int) -> bool:
    return before + 1 == index


_ITEM_BULLET = re.compile(r"(?:\\[-*+]|[•·–—▪►])[ \t]")
"""A list item's bullet that a converter left as text: an escaped Markdown bullet or a
typographic one."""


def _item_bullet(doc: Document, node: Node) -> str | None:
    """The bullet a paragraph opens with when it is one item of a list written a paragraph
    per item; None for any other block."""
    if node.kind != "paragraph":
        return None
    start, _ = doc.node_span(node)
    match = _ITEM_BULLET.match(doc.text, start)
    return match.group() if match else None
