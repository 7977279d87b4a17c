"""``promo-box``: a run of blocks whose links all lead where readers pay, give or sign up.

A site's donation box, membership ask, course or event promo is worded anew on every site,
but its links go to the places ``promo_links`` reads: a membership, tip or donation platform,
a checkout, an event's registration, a course shop, a newsletter form, or the site's own
donation or membership page in its language (``/soutenir``, ``/unterstuetzen``). The box is a
run of sibling blocks of the page, each one of:

- an endpoint block: a paragraph, heading, one-paragraph quote or list whose every link (and
  written-out address) is such an endpoint, with at most ``max_words`` words outside its links
  (``tagged_words`` when one of its endpoints carries a campaign parameter of the lists: the
  site's own tagged appeal);
- a text block without links: one that asks (a phrase of ``asks``, or a price: a price
  counts in a line of its own, not beside the link, where a buying guide has it) of at most
  ``max_words`` words, or a short line of at most ``short_words`` (a price picker's "$95/year",
  "Other", a payment note);
- a heading of at most ``heading_words`` words, only as the run's first block, and kept only
  when the run is all of its section (else the heading is the article's and stays).

A run goes when it holds an endpoint block and evidence that it promotes: an ask or a price,
a campaign parameter on an endpoint, or a platform's own button image (``button_images``).
A plain link in the article's prose is never enough: prose is longer than ``max_words``, and
a short line with a link and no ask is no evidence. Short lines without an ask never begin or
end a run. A repository's page and a project's own "Sponsor" or "Support" section stay
(``page_labels``, ``section_labels``, as BP127 reads them), but for a section of a page saved
from the web whose endpoint carries a campaign parameter (a news site's "Support us" box). The finding is safe when an
endpoint carries a campaign parameter or a platform's button image and the run holds no
text of the author's besides short lines (a platform's button counts only on a page saved
from the web: a README shows the same buttons).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from ..document import Document, Node
from ..fastpath.triggers import ALWAYS, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .conversion_pitch import heading_matches, heading_pattern, repository_page, under_section
from .fix_safety import safe_if
from .inline_links import image_openings
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, Skeleton, heading_level, skeleton
from .page_head import crawl_source
from .phrase_lists import fold_width, phrase_pattern
from .promo_links import promo_links

_ENDPOINT, _TEXT, _HEADING = "endpoint", "text", "heading"
_BARE_ADDRESS = re.compile(r"https?://[^\s<>()\[\]]+")
PRICE = re.compile(
    r"(?:[$€£¥₩₹]|R\$|US\$)\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|円|元|원|zł|₺|₽|kr|(?:USD|EUR)\b)"
    r"|\d{1,2}\s?%\s?(?:off\b|rabatt|de (?:descuento|réduction|desconto)|di sconto|オフ|off|할인|折)",
    re.IGNORECASE,
)
"""A price or a discount: what an offer, a plan or a donation picker shows."""


class _Block(NamedTuple):
    """A block read as part of a box: its role, whether it carries exact evidence (a tagged
    endpoint, a platform's button), whether it asks, and its words."""

    role: str
    sure: bool
    asks: bool
    words: int
    tagged: bool = False


class PromoBoxMatcher(Matcher):
    name = "promo-box"
    params = MappingProxyType(
        {
            "keywords": list,
            "platforms": list,
            "paths": list,
            "campaigns": list,
            "asks": list,
            "ask_labels": list,
            "button_images": list,
            "section_labels": list,
            "page_labels": list,
            "max_words": int,
            "tagged_words": int,
            "short_words": int,
            "heading_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.links = promo_links(params)
        asks = phrase_pattern(params, "asks", "ask_labels")
        self._asks = re.compile(asks, re.I) if asks else None
        self._buttons = any_pattern(
            compile_patterns(params.get("button_images", []), "button_images")
        )
        self._section_heading = heading_pattern(params, "section_labels")
        self._page_heading = heading_pattern(params, "page_labels")
        self.max_words = int(params.get("max_words", 60))
        self.tagged_words = int(params.get("tagged_words", 200))
        self.short_words = int(params.get("short_words", 20))
        self.heading_words = int(params.get("heading_words", 12))

    def trigger(self) -> Trigger:
        """An endpoint's literal (every box links one), and the rule's keywords if any."""
        found = self.links.literals
        return all_of(self.keyword_trigger(), literals(*found) if found else ALWAYS)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        if repository_page(doc, page, self._page_heading):
            return
        readings = [self._read(doc, node) for node in page]
        saved = crawl_source(doc)
        # A platform's button is evidence on a web page (a saved one, a post with front
        # matter); a README without either shows the same buttons in its own sponsor section.
        web = saved or bool(page and page[0].kind == "front_matter")
        for first, last in _runs(doc, page, readings):
            found = self._box(doc, page, readings, (first, last), (saved, web))
            if found is not None:
                yield found

    def _box(
        self,
        doc: Document,
        page: Sequence[Node],
        readings: Sequence[_Block | None],
        span: tuple[int, int],
        page_kind: tuple[bool, bool],
    ) -> Finding | None:
        """The finding of the run ``span`` (first, last index) when it is a promo box;
        ``page_kind`` says whether the page is saved from the web, and whether a web page."""
        (first, last), (saved, web) = span, page_kind
        run = [r for r in readings[first : last + 1] if r is not None]
        if not _promotes(run, web) or self._project_section(doc, page, first, run, saved):
            return None
        if saved and any(r.tagged for r in run):
            first = self._box_heading(doc, page, readings, first)
        sure = _sure(run, self.short_words, saved)
        start, end = doc.node_span(page[first])[0], doc.node_span(page[last])[1]
        edit = remove_blocks(doc, page[first], page[last])
        return Finding(start, end, edits=(edit,), applicability=safe_if(sure))

    def _project_section(
        self, doc: Document, page: Sequence[Node], first: int, run: list[_Block], saved: bool
    ) -> bool:
        """Whether the run stands in a project's own "Support" or "Sponsors" section, which
        stays; on a page saved from the web, a "Support us" section whose endpoint carries a
        campaign parameter is the site's marketing (a README's sponsor links carry none)."""
        if saved and any(r.tagged for r in run):
            return False
        # (a run that is a whole section starts at that section's own heading)
        return under_section(doc, page, first + 1, self._section_heading)

    def _box_heading(
        self, doc: Document, page: Sequence[Node], readings: Sequence[_Block | None], first: int
    ) -> int:
        """The index of the box's own heading ("## Support Bellingcat", a heading of
        ``section_labels``) above the run, over the short lines between; else ``first``. A
        site's box set in the middle of the article has no end of section of its own."""
        index = first - 1
        while index >= 0 and _loose(readings[index]) and readings[index] is not None:
            reading = readings[index]
            if reading is not None and reading.role == _HEADING:
                node = page[index]
                pattern = self._section_heading
                found = pattern is not None and heading_matches(doc, node, pattern)
                return index if found else first
            index -= 1
        return first

    def _read(self, doc: Document, node: Node) -> _Block | None:
        """The block's part in a box, or None when it cannot be part of one."""
        if node.kind == "hr":
            return _Block(_TEXT, False, False, 0)
        if node.kind == "blockquote" and len(node.children) == 1:
            node = node.children[0]
        if node.kind in LIST_KINDS:
            return self._read_list(doc, node)
        skel = skeleton(doc, node) if node.kind in ("paragraph", "heading") else None
        return None if skel is None else self._read_text(doc, node, skel)

    def _read_text(self, doc: Document, node: Node, skel: Skeleton) -> _Block | None:
        """A paragraph or heading read: an endpoint block, a heading, or a line that asks or
        is short; None for anything else."""
        hrefs = [link.href for link in skel.links] + _BARE_ADDRESS.findall(skel.visible)
        text = fold_width(" ".join(skel.visible.split()))
        words = words_besides_links(skel)
        if hrefs:
            return self._endpoint_block(doc, node, hrefs, text, words)
        if node.kind == "heading":
            return _Block(_HEADING, False, False, words) if words <= self.heading_words else None
        asks = self._ask(text)
        if words <= (self.max_words if asks else self.short_words):
            return _Block(_TEXT, False, asks, words)
        return None

    def _endpoint_block(
        self, doc: Document, node: Node, hrefs: list[str], text: str, words: int
    ) -> _Block | None:
        """A block with links read as an endpoint block (every link an endpoint), else None."""
        if not all(self.links.endpoint(href) for href in hrefs):
            return None
        tagged = any(self.links.campaign(href) for href in hrefs)
        if words > (self.tagged_words if tagged else self.max_words):
            return None
        # (a price beside a shop's link is a buying guide's line: only an ask counts here)
        asks = self._asks is not None and self._asks.search(text) is not None
        return _Block(_ENDPOINT, tagged or self._has_button(doc, node), asks, words, tagged)

    def _has_button(self, doc: Document, node: Node) -> bool:
        """Whether one of the block's images is a shop's or a store's button picture."""
        if self._buttons is None:
            return False
        start, end = doc.node_span(node)
        return any(
            self._buttons.search(source) for _, source in image_openings(doc.text[start:end])
        )

    def _read_list(self, doc: Document, node: Node) -> _Block | None:
        """A list read as one endpoint block: every item's paragraphs endpoint blocks."""
        found: list[_Block] = []
        for leaf in (leaf for item in node.children for leaf in item.children):
            reading = self._read(doc, leaf)
            if reading is None or reading.role != _ENDPOINT:
                return None
            found.append(reading)
        return _merged(found) if found else None

    def _ask(self, text: str) -> bool:
        return (self._asks is not None and self._asks.search(text) is not None) or (
            PRICE.search(text) is not None
        )


def _merged(blocks: list[_Block]) -> _Block:
    """Endpoint blocks read as one (a list's items)."""
    return _Block(
        _ENDPOINT,
        any(b.sure for b in blocks),
        any(b.asks for b in blocks),
        sum(b.words for b in blocks),
        any(b.tagged for b in blocks),
    )


def _sure(run: Sequence[_Block], short_words: int, saved: bool) -> bool:
    """Exact evidence in the run, and no text of the author's in it besides short lines: a
    campaign-tagged endpoint, or on a page saved from the web a platform's button (a README
    shows the same buttons in its own sponsor section)."""
    tagged = any(r.tagged for r in run)
    has_evidence = tagged or (saved and any(r.sure for r in run))
    return has_evidence and all(r.words <= short_words for r in run if r.role == _TEXT)


def _promotes(run: Sequence[_Block], web: bool) -> bool:
    """An endpoint block, and an ask, a price, a campaign parameter or (on a web page) a
    platform's button somewhere in the run."""
    evidence = any(r.asks or r.tagged or (web and r.sure) for r in run)
    return evidence and any(r.role == _ENDPOINT for r in run)


def _runs(
    doc: Document, page: Sequence[Node], readings: Sequence[_Block | None]
) -> Iterator[tuple[int, int]]:
    """The runs (first, last index) of blocks that may make a box, trimmed (``_trimmed``)."""
    start: int | None = None
    for index, reading in enumerate([*readings, None]):
        opens_anew = reading is not None and reading.role == _HEADING
        if start is not None and (reading is None or opens_anew):
            trimmed = _trimmed(doc, page, readings, start, index - 1)
            if trimmed is not None:
                yield trimmed
            start = None
        if reading is not None and start is None:
            start = index


def _trimmed(
    doc: Document, page: Sequence[Node], readings: Sequence[_Block | None], first: int, last: int
) -> tuple[int, int] | None:
    """The run without the short lines that end it, and without its heading unless the run
    is all of the heading's section; None when nothing is left."""
    while last >= first and _loose(readings[last]):
        last -= 1
    heading = readings[first]
    if heading is not None and heading.role == _HEADING:
        if _fills_section(doc, page, first, last):
            return first, last
        first += 1
    while first <= last and _loose(readings[first]):
        first += 1
    return (first, last) if first <= last else None


def _loose(reading: _Block | None) -> bool:
    """A block that never begins or ends a run: a short line that does not ask, a heading."""
    return (
        reading is None or reading.role == _HEADING or (reading.role == _TEXT and not reading.asks)
    )


def _fills_section(doc: Document, page: Sequence[Node], first: int, last: int) -> bool:
    """Whether the blocks after the heading at ``first`` up to ``last`` are all its section."""
    if last <= first:
        return False
    after = page[last + 1] if last + 1 < len(page) else None
    return after is None or (
        after.kind == "heading" and heading_level(doc, after) <= heading_level(doc, page[first])
    )
