"""``legal-tail``: the site's legal small print at a page's end, read as one footer run.

A scraped page ends with its site's footer: a copyright line ("© 2003 - 2017 PIXNET Travel",
"Copyright (с) ООО «…», 2019.", "República Argentina | Todos los derechos reservados"), the
media law's imprint ("Свидетельство о регистрации СМИ ЭЛ №ФС77-…", "testata giornalistica
registrata presso il Tribunale di …", an ICP number), and the legal menu ("Privacy policy ·
Terms · Impressum · Kontakt"). Read from the page's end backwards, the footer is a run of
short blocks, each either such evidence or small print that may stand among it (links or
images alone, HTML, rules, lines of ``max_filler_words`` words at most, a contact line); the
run stops at the first other block (the article's prose, code, a table). After the article's
text (a paragraph of ``min_text_words`` words before the run), each evidence block of the
run goes; the small print is left to the rules that read it.

Evidence, each a whole block of ``max_words`` words at most, no licence named in it:

- a copyright line: it opens with a mark (``©``, ``(c)``, "Copyright", ``@2016``, 版权所有),
  or holds a mark right before a year, or a rights phrase ("All rights reserved", in fifteen
  languages: ``rights``) where a segment starts (the text's start, after a separator or a
  year), not quoted;
- an imprint line: a phrase of ``imprint`` anywhere in it (a registration number, the media
  law's wording); a line that opens with an imprint label (``imprint_labels``: "Учредитель:",
  "Главный редактор:", "발행인") counts only in a run that holds other evidence;
- a legal menu: links alone, two or more and at least half of them with a legal page's name
  (``menu_words``: privacy, terms, cookies, imprint, contact, advertising, media kit, ...).

Safe (``fix-when``): a copyright line with a year or a rights phrase; a legal menu whose links
all lead by address or from the site's root to one site (a manual's page-relative links are
its own pages); an imprint line with a registration phrase; a label line in a run that holds
one of those. A licence stays: a block that names one, and any block whose section's heading
is a licence's ("## License").

With ``lone_lines`` (BP530) the matcher reads the copyright lines the run misses, where more
of the site's chrome follows them (a converter's menus under the footer, a comment box): a
block of ``max_words`` words at most with the rights phrase where a segment starts, after the
article's text (a paragraph of ``min_text_words`` words anywhere before it, a list's too) and
with no such paragraph after it, beside the footer's links (links in the block itself, or a
block of two links or more right above or below it, none relative to the page). A reprint's
credit and a licence keep it, as in the run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError
from .fix_safety import safe_if
from .link_targets import page_relative
from .linkblocks import (
    LIST_KINDS,
    Link,
    is_source_file_link,
    link_list,
    prose_paragraph,
    rough_text,
    skeleton,
    word_count,
)
from .phrase_lists import phrase_pattern

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_OPENING_MARK = re.compile(
    r"\W{0,3}(?:©|&copy;|\([cс]\)|copyright\b|版权所有|版權所有|著作権|저작권|@\s?(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_MARK_BEFORE_YEAR = re.compile(
    r"(?:^|[\s|·•/–—-])(?:©|&copy;|\([cс]\)|copyright)\s*(?:©\s*|\([cс]\)\s*)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_YEAR_LINE = re.compile(r"\W{0,3}(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s+\w[^.!?]{0,60}$")
"""A short line led by a year, "2014 Example Co., Ltd.": a copyright line without its mark."""
_QUOTES = "\"'“”„«»‘’「」『』"
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|/cdn-cgi/l/email-protection|mailto:|tel:|callto:"
    r"|\+\d[\d ()./-]{7,}\d|(?:tel|phone|fax|телефон|тел|téléphone|teléfono|telefone|telefono"
    r"|telefon|電話|电话|전화)\.?\s*:?\s*\+?\(?\d",
    re.IGNORECASE,
)
_HOST = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//(?:www\.)?([^/\s:?#]+)", re.IGNORECASE)
_FILLER_KINDS = frozenset({"html_block", "hr"})
_TEXT_KINDS = frozenset({"paragraph", "heading"})
_STRONG = frozenset({"copyright", "imprint", "menu"})
_PROSE_LINK_SHARE = 2  # prose after a lone line: at most half its words a link's


@dataclass(frozen=True, slots=True)
class _Block:
    node: Node
    kind: str  # "copyright", "imprint", "label", "menu", "contact", "filler"
    sure: bool = False


class LegalTailMatcher(Matcher):
    name = "legal-tail"
    params = MappingProxyType(
        {
            "keywords": list,
            "rights": list,
            "imprint": list,
            "imprint_labels": list,
            "menu_words": list,
            "licence": list,
            "max_words": int,
            "max_filler_words": int,
            "min_text_words": int,
            "max_blocks": int,
            "content_titles": list,
            "notices": list,
            "reprint": list,
            "networks": list,
            "lone_lines": bool,
        }
    )
    required = frozenset({"keywords", "rights", "imprint", "menu_words", "licence"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.rights = _compiled(params, "rights")
        self.imprint = _compiled(params, "imprint")
        self.labels = _compiled(params, "imprint_labels")
        self.menu = _compiled(params, "menu_words")
        self.notices = _compiled(params, "notices")
        network = phrase_pattern(params, "networks")
        self.network = re.compile(rf"\W*(?:{network or '(?!)'})\W*", re.I)
        self.reprint = _compiled(params, "reprint")
        titles = phrase_pattern(params, "content_titles")
        self.content_title = re.compile(rf"\W*(?:{titles or '(?!)'})\W*", re.I)
        try:
            self.licence = re.compile("|".join(f"(?:{p})" for p in params["licence"]), re.I)
        except re.error as error:
            raise ParamError(f"params.licence: not a regular expression ({error})") from None
        self.max_words = int(params.get("max_words", 40))
        self.max_filler_words = int(params.get("max_filler_words", 12))
        self.min_text_words = int(params.get("min_text_words", 30))
        self.max_blocks = int(params.get("max_blocks", 40))
        self.lone_lines = bool(params.get("lone_lines", False))

    def find(self, doc: Document) -> Iterator[Finding]:
        if self.lone_lines:
            yield from self._lone_lines(doc)
            return
        page = doc.root.children
        run, at = self._tail_run(doc, page)
        strong = [b for b in run if b.kind in _STRONG]
        if not strong or not self._after_text(doc, page[: at + 1]):
            return
        sure = any(b.sure for b in strong)
        for first, last, safe in _stretches(_with_networks(doc, reversed(run)), sure):
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            edit = remove_blocks(doc, first, last)
            yield Finding(start, end, edits=(edit,), applicability=safe_if(safe))

    def _tail_run(self, doc: Document, page: list[Node]) -> tuple[list[_Block], int]:
        """The footer run read from the page's end backwards, and the index above it."""
        run: list[_Block] = []
        at = len(page) - 1
        while at > 0 and len(run) < self.max_blocks:
            block = self._read(doc, page[at])
            if block is None:
                break
            run.append(block)
            at -= 1
        return run, at

    # --- lone copyright lines (BP530) ---------------------------------------------------------

    def _lone_lines(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        run, at = self._tail_run(doc, page)
        if any(b.kind in _STRONG for b in run) and self._after_text(doc, page[: at + 1]):
            page_end = at + 1  # (the run's own lines are BP490's)
        else:
            page_end = len(page)
        for index, node in enumerate(page[:page_end]):
            if node.kind != "paragraph" or not self._lone_line(doc, node):
                continue
            if not self._beside_links(doc, node) or not self._text_around(doc, page, index):
                continue
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _lone_line(self, doc: Document, node: Node) -> bool:
        """A short block with the rights phrase where a segment starts, no licence, no reprint."""
        skel = skeleton(doc, node)
        if skel is None:
            return False
        text = " ".join(skel.visible.split())
        if word_count(text) > self.max_words or self.licence.search(text):
            return False
        return self._rights(text) and not self._reprinted(doc, node, text)

    def _beside_links(self, doc: Document, node: Node) -> bool:
        """Links in the block, or a block of links right above or below it (a rule between)."""
        skel = skeleton(doc, node)
        if skel is not None and skel.links:
            return True
        return _site_links(doc, _neighbour(node, "previous_sibling")) or _site_links(
            doc, _neighbour(node, "next_sibling")
        )

    def _text_around(self, doc: Document, page: list[Node], index: int) -> bool:
        """The article's text before the line (anywhere, a list's too), none after it, and no
        licence heading over it."""
        heading = next((n for n in reversed(page[:index]) if n.kind == "heading"), None)
        skel = skeleton(doc, heading) if heading is not None else None
        if skel is not None and self.licence.search(skel.visible):
            return False
        line = page[index].start_line
        long = [n for n in doc.nodes() if n.start_line != line and self._long_paragraph(doc, n)]
        before = any(n.start_line < line for n in long)
        return before and not any(self._prose_after(doc, n) for n in long if n.start_line > line)

    def _long_paragraph(self, doc: Document, node: Node) -> bool:
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        return skel is not None and word_count(skel.visible) >= self.min_text_words

    def _prose_after(self, doc: Document, node: Node) -> bool:
        """A paragraph of prose after the line: not in a list (a comment box's rules, teasers),
        not mostly a menu's links."""
        if any(a.kind in LIST_KINDS for a in node.ancestors()):
            return False
        return prose_paragraph(doc, node, self.min_text_words, _PROSE_LINK_SHARE)

    # --- reading one block ------------------------------------------------------------------

    def _read(self, doc: Document, node: Node) -> _Block | None:
        """What a block of the footer run is; None when it ends the run."""
        if node.kind in _FILLER_KINDS:
            return _Block(node, "filler")
        links = link_list(doc, node)
        if links is not None:
            if any(is_source_file_link(link.href) for link in links):
                return None  # a manual's cross-references to its own files: content
            return self._links(node, links)
        if node.kind in LIST_KINDS:
            return self._list(doc, node)
        if node.kind not in _TEXT_KINDS:
            return None
        skel = skeleton(doc, node)
        if skel is None:
            return None
        text = " ".join(skel.visible.split())
        if node.kind == "heading" and self.content_title.fullmatch(text):
            return None  # a content section ("See also") ends the footer
        if node.kind == "heading" and self.network.fullmatch(text):
            return _Block(node, "network")  # "Other publications": the group's sites
        words = word_count(text)
        if words > self.max_words or self.licence.search(text):
            return None
        if node.kind == "paragraph":
            found = self._evidence(node, text)
            if found is not None:
                return None if self._reprinted(doc, node, text) else found
            if _CONTACT.search(rough_text(doc, node)):
                return _Block(node, "contact")
            if self.notices.match(text):
                return _Block(node, "filler")  # a cookie or no-script notice
        return _Block(node, "filler") if words <= self.max_filler_words else None

    def _evidence(self, node: Node, text: str) -> _Block | None:
        rights = self._rights(text)
        if _OPENING_MARK.match(text) or _MARK_BEFORE_YEAR.search(text) or rights:
            return _Block(node, "copyright", sure=rights or _YEAR.search(text) is not None)
        if self.imprint.search(text):
            return _Block(node, "imprint", sure=True)
        if self.labels.match(text) or _YEAR_LINE.match(text):
            return _Block(node, "label")
        return None

    def _reprinted(self, doc: Document, node: Node, text: str) -> bool:
        """Whether a reprint's credit stands in the block or right above it ("Originally
        published by Fast Company", "转载自"): the copyright line is the reprinted text's, and
        the licence to reprint keeps it."""
        if self.reprint.search(text):
            return True
        above = node.previous_sibling
        skel = skeleton(doc, above) if above is not None else None
        return skel is not None and self.reprint.search(skel.visible) is not None

    def _list(self, doc: Document, node: Node) -> _Block | None:
        """A footer's list whose items are links alone but one, its copyright line
        ("(C) 1995-2020 [Grupa WP]", "[About]", "[Privacy]"): the copyright line's block."""
        found: _Block | None = None
        for item in node.children:
            if len(item.children) != 1 or item.children[0].kind != "paragraph":
                return None
            child = item.children[0]
            if link_list(doc, child) is not None:
                continue
            if found is not None:
                return None
            found = self._copyright_item(doc, node, child)
            if found is None:
                return None
        return found

    def _copyright_item(self, doc: Document, node: Node, child: Node) -> _Block | None:
        """The list's block when its item ``child`` is a short copyright line without a
        licence; None otherwise."""
        skel = skeleton(doc, child)
        if skel is None:
            return None
        text = " ".join(skel.visible.split())
        if word_count(text) > self.max_words or self.licence.search(text):
            return None
        found = self._evidence(node, text)
        return found if found is not None and found.kind == "copyright" else None

    def _rights(self, text: str) -> bool:
        """A rights phrase where a segment starts: the start, after a separator or a year."""
        for match in self.rights.finditer(text):
            before = text[: match.start()].rstrip()
            if before and before[-1] in _QUOTES:
                continue  # (an empty start is no quote: ``"" in _QUOTES`` holds)
            if not before or before[-1] in "|·•.,;:/–—-©)" or _YEAR.search(before[-4:]):
                return True
        return False

    def _links(self, node: Node, links: list[Link]) -> _Block:
        """A legal menu (sure when its links lead to one site), or small print. A menu of
        page-relative links or anchors is a manual's own pages: small print, never evidence."""
        legal = sum(1 for link in links if self.menu.fullmatch(_link_words(link.text)))
        if legal < 2 or 2 * legal < len(links):
            return _Block(node, "filler")
        hosts: set[str] = set()
        for link in links:
            href = link.href.strip()
            host = _HOST.match(href)
            if host is not None:
                hosts.add(host.group(1).lower())
            elif href.startswith("#") or page_relative(href):
                return _Block(node, "filler")  # a manual's own pages, or the page's anchors
        return _Block(node, "menu", sure=len(_sites(hosts)) <= 1)

    # --- the page before the run ------------------------------------------------------------

    def _after_text(self, doc: Document, before: list[Node]) -> bool:
        """Whether the article's text comes before, and no licence heading is the run's own."""
        heading = next((n for n in reversed(before) if n.kind == "heading"), None)
        if heading is not None:
            skel = skeleton(doc, heading)
            if skel is not None and self.licence.search(skel.visible):
                return False
        for node in before:
            if node.kind != "paragraph":
                continue
            skel = skeleton(doc, node)
            if skel is not None and word_count(skel.visible) >= self.min_text_words:
                return True
        return False


def _neighbour(node: Node, step: str) -> Node | None:
    """The block right above or below (``step``), past thematic breaks."""
    near: Node | None = getattr(node, step)
    while near is not None and near.kind == "hr":
        near = getattr(near, step)
    return near


def _site_links(doc: Document, node: Node | None) -> bool:
    """A block of two links or more, none relative to the page (a manual's own files)."""
    links = link_list(doc, node) if node is not None else None
    return (
        bool(links)
        and len(links or ()) >= 2
        and not any(page_relative(link.href) for link in links or ())
    )


def _with_networks(doc: Document, blocks: Iterable[_Block]) -> Iterator[_Block]:
    """The run from its top, a sister-site list under its title ("Otras publicaciones") read
    as the footer's: the blocks of links alone right under the title go with it."""
    under = False
    for block in blocks:
        if block.kind == "network":
            under = True
        elif under and block.kind == "filler" and link_list(doc, block.node) is not None:
            block = _Block(block.node, "label")
        else:
            under = False
        yield block


def _stretches(blocks: Iterable[_Block], sure: bool) -> Iterator[tuple[Node, Node, bool]]:
    """The evidence blocks as stretches of neighbours of one safety (first, last, safe): a
    stretch goes in one edit, so a pass never leaves a label whose evidence went."""
    stretch: list[Node] = []
    safety = False
    seen = False  # evidence above: a contact line below it is the footer's
    for block in blocks:
        seen = seen or block.kind in _STRONG
        if _outside(block, seen):
            if stretch:
                yield stretch[0], stretch[-1], safety
            stretch = []
            continue
        safe = block.sure or (sure and block.kind != "menu")
        if stretch and safe != safety:
            yield stretch[0], stretch[-1], safety
            stretch = []
        stretch.append(block.node)
        safety = safe
    if stretch:
        yield stretch[0], stretch[-1], safety


def _outside(block: _Block, seen: bool) -> bool:
    """Whether the block breaks a stretch of evidence: small print, or a contact line before
    any strong evidence (``seen``)."""
    return block.kind == "filler" or (block.kind == "contact" and not seen)


def _link_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s&'’+-]", " ", text).split())


def _sites(hosts: set[str]) -> set[str]:
    """The sites of hosts: the last two labels of each (``anzeigen.example.de`` is
    ``example.de``'s)."""
    return {".".join(host.split(".")[-2:]) for host in hosts}


def _compiled(params: Mapping[str, Any], key: str) -> re.Pattern[str]:
    pattern = phrase_pattern(params, key, f"{key}_inline")
    if pattern is None:
        return re.compile(r"(?!)")
    try:  # (a rule pack's matcher is built under ``eager_patterns``: its mistake shows here)
        return lazy_compile(pattern, re.IGNORECASE)
    except re.error as error:
        raise ParamError(f"params.{key}: not a regular expression ({error})") from None
