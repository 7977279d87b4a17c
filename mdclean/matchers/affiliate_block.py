"""``affiliate-block``: banners and product boxes made only of affiliate links.

A paragraph or HTML block (not a list item, not a heading) is an affiliate block when
it holds at least one affiliate link (``urls``), every other link is affiliate too or
carries a shopping label (``labels``: "View On Walmart"), and at most ``max_words``
words stand outside the links. An affiliate link inside a sentence is the author's own
and never matches. In an HTML block that holds more, a banner (an affiliate ``<a>``
around an image, video or frame, or an affiliate frame) still goes, as a span.

With ``product_boxes``, a template tag whose URL attributes all point to affiliate
networks (``{{< producto url="https://amzn.to/..." >}}``) loses its tags; what it
encloses is the author's text and stays.

Paid click-throughs of ad networks (``ad_click_urls``: BuySellAds, DoubleClick...) count
as affiliate links. The rule's fix safety applies, except that a block whose links are all
such click-throughs, or that is bracketed by ad marker comments (``<!-- affiliate ads begin -->``,
possibly over several blocks), is certain and fixes safely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote

from ..document import BlockContent, Document, Node
from ..fastpath.triggers import Check, Trigger
from ..markup import COMMENT, Element, mask, mask_code, scan_elements, sub_closed
from ..models import Applicability, Edit, Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns, searchable
from .html_element import (
    AD_MARKER_COMMENT,
    is_marker_block,
    outermost,
    unit_findings,
    widen_to_wrappers,
)
from .linkblocks import word_count
from .page_head import prose
from .template_tag import TemplateTag, scan_template_tags
from .tracking_pixel import MARKDOWN_IMAGE
from .written_targets import written_targets

_BLOCKS = ("html_block", "paragraph")
_CONTAINERS = ("root", "blockquote")
# [label](url): the label may hold an image, ![alt](src).
_MARKDOWN_LINK = re.compile(
    r"(?<!!)\[(?P<label>(?:[^\[\]\\]|\\.|!?\[[^\[\]]*\](?:\([^)]*\))?)*)\]"
    r"\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_URL_ATTRIBUTES = {
    "a": ("href",),
    "iframe": ("src",),
    "embed": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
}
_MEDIA = frozenset({"img", "video", "iframe", "embed", "picture"})
_TAG = re.compile(r"<[^>]*>")
_QUOTED = re.compile(r"""['"]((?:https?:)?//[^'"]+)['"]""")
_BEGIN = re.compile(r"\b(?:begin|start)", re.IGNORECASE)
_END = re.compile(r"\b(?:end|stop)", re.IGNORECASE)
_MAX_REGION_BLOCKS = 6
_PERCENT_ESCAPE = re.compile(r"%[0-9a-f]{2}")  # in the lower-cased text
# Where an attribute that ``_links`` reads a URL from starts its value: its quote, or the
# unquoted value (``_attribute``'s). One regex per name: each starts with a literal.
_URL_ATTRIBUTE_STARTS = tuple(
    re.compile(rf"""{name}\s*=\s*(?:(["'])|([^\s"'=<>`]+))""") for name in ("href", "src", "poster")
)
_WORD = re.compile(r"\w+")
# A text wholly in bold: Markdown's two marks, or HTML's strong or b element.
_BOLD = re.compile(
    r"\*\*(?P<stars>[^*]+)\*\*|__(?P<underscores>[^_]+)__"
    r"|<(?P<tag>strong|b)\b[^>]*>(?P<html>[^<]+)</(?P=tag)\s*>",
    re.IGNORECASE,
)
# Marks without words around or inside a title: image tags, line breaks, link tags.
_DECORATION = re.compile(r"<(?:img|br|/?a)\b[^>]*>", re.IGNORECASE)
_BOX_URL = re.compile(
    r"""\b(?:url|href|link|buy_?url|buy_?link|affiliate_?(?:url|link)|amazon_?(?:url|link))\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)


# The values ``_BOX_URL`` reads, and more: one regex per ending of its names, each starting with a literal.
_BOX_URL_VALUES = tuple(
    re.compile(rf"""{ending}\s*=\s*["']([^"']+)["']""") for ending in ("url", "href", "link")
)


_Link = tuple[str, str, tuple[int, int]]
"""A link's URL, its label and its span in the block's text."""


def _attribute(tag: str, name: str) -> str | None:
    m = re.search(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", tag, re.IGNORECASE)
    return None if m is None else next(g for g in m.groups() if g is not None)


class AffiliateBlockMatcher(Matcher):
    name = "affiliate-block"
    params = MappingProxyType(
        {
            "urls": list,
            "ad_click_urls": list,
            "labels": list,
            "max_words": int,
            "product_boxes": bool,
            "keywords": list,
        }
    )
    required = frozenset({"urls"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        # Checked now; their alternations are compiled on first use (most runs never need them).
        self._ad_click_urls = compile_patterns(params.get("ad_click_urls", []), "ad_click_urls")
        self._urls = compile_patterns(params["urls"], "urls") + self._ad_click_urls
        self._labels = compile_patterns(params.get("labels", []), "labels")
        self.max_words = int(params.get("max_words", 3))
        self.product_boxes = bool(params.get("product_boxes", False))

    @cached_property
    def ad_clicks(self) -> re.Pattern[str] | None:
        """Paid click-throughs of ad networks: as good as affiliate links, and certain (safe) on their own."""
        return any_pattern(self._ad_click_urls)

    @cached_property
    def urls(self) -> re.Pattern[str] | None:
        return any_pattern(self._urls)

    @cached_property
    def labels(self) -> re.Pattern[str] | None:
        return any_pattern(self._labels)

    def trigger(self) -> Trigger:
        # Hand-written: the URLs come from four readings (link targets, attribute values, a
        # template tag's arguments, all of the text when a quoted value is unterminated), are
        # percent-decoded before the keywords are looked for, and marker comments decide alone.
        return Check(self._may_hold_affiliate_url, "a keyword in a URL the rule reads")

    def _may_hold_affiliate_url(self, lowered_text: str) -> bool:
        """A keyword in a URL the rule reads, percent-decoded too (as ``is_affiliate`` reads it).

        Those URLs are Markdown link targets (``written_targets``) and the values of ``href``,
        ``src`` and ``poster`` attributes; with product boxes, a template tag's URL arguments
        (``_BOX_URL``). A region between ad marker comments goes whatever its links say.
        """
        if "<" in lowered_text and _has_marker_comment(lowered_text):
            return True
        urls = _urls_read(lowered_text)
        if self._holds_keyword(urls):
            return True
        # When the whole text was read, a template tag's arguments were read with it.
        if urls is lowered_text or not self._may_hold_box_tag(lowered_text):
            return False
        return self._holds_keyword(
            " ".join(v for pattern in _BOX_URL_VALUES for v in pattern.findall(lowered_text))
        )

    def _may_hold_box_tag(self, lowered_text: str) -> bool:
        """Whether a product box's template tag may stand in the text (when the rule reads them)."""
        # "{" is looked for first, far faster than a two-character string.
        return (
            self.product_boxes
            and "{" in lowered_text
            and ("{{" in lowered_text or "{%" in lowered_text)
        )

    def _holds_keyword(self, lowered: str) -> bool:
        """Whether a keyword stands in ``lowered``, or in it percent-decoded."""
        keywords = self.keyword_trigger()
        if keywords.holds(lowered):
            return True
        # Without a percent escape the decoded text is the text.
        return _PERCENT_ESCAPE.search(lowered) is not None and keywords.holds(
            searchable(unquote(lowered).lower())
        )

    def is_affiliate(self, url: str) -> bool:
        """Also sees through percent-encoding and ``javascript:window.open('...')`` wrappers."""
        assert self.urls is not None
        if self.urls.search(url):
            return True
        decoded = unquote(url)
        if decoded.startswith("javascript:"):
            decoded = _QUOTED.findall(decoded)[0] if _QUOTED.search(decoded) else decoded
        return decoded != url and bool(self.urls.search(decoded))

    def find(self, doc: Document) -> Iterator[Finding]:
        in_regions: set[int] = set()
        for region in self._affiliate_regions(doc):
            yield Finding(
                region.start,
                region.end,
                edits=(region.edit(doc),),
                applicability=Applicability.SAFE,
            )
            in_regions.update(id(n) for n in region.nodes)
        for node, content in self._blocks_with_keywords(doc, in_regions):
            text = mask_code(content.text, inline_markdown=node.kind != "html_block")
            yield from self._block(doc, node, content, text)
        if self.product_boxes:
            yield from self._product_boxes(doc)

    def _affiliate_regions(self, doc: Document) -> Iterator[_Region]:
        """The regions between ad marker comments that hold nothing else than an affiliate block."""
        for region in _marked_regions(doc):
            text = mask_code(doc.text[region.start : region.end], inline_markdown=True)
            inner = AD_MARKER_COMMENT.sub("", text)
            if not inner.strip() or self._is_affiliate_block(
                text, self._links(text, scan_elements(text))
            ):
                yield region

    def _blocks_with_keywords(
        self, doc: Document, skipped: set[int]
    ) -> Iterator[tuple[Node, BlockContent]]:
        """Top-level and quoted blocks (but the ``skipped`` ones) whose text holds a keyword."""
        for node in doc.leaves(*_BLOCKS):
            if node.parent is None or node.parent.kind not in _CONTAINERS or id(node) in skipped:
                continue
            content = doc.content(node)
            if content is not None and self.keyword_trigger().holds(content.text.lower()):
                yield node, content

    def _block(
        self, doc: Document, node: Node, content: BlockContent, text: str
    ) -> Iterator[Finding]:
        elements = scan_elements(text) if "<" in text else []
        links = self._links(text, elements)
        if not any(self.is_affiliate(url) for url, _, _ in links):
            return
        certain = self._certain(doc, node, content, links)
        if not certain and self._titles_entry(doc, node, text, links):
            return
        applicability = Applicability.SAFE if certain else None
        if self._is_affiliate_block(text, links):
            units = [(0, len(text))]
        else:
            units = self._banners(text, elements, links)
        if units:
            yield from unit_findings(doc, node, content, units, applicability)

    def _titles_entry(self, doc: Document, node: Node, text: str, links: list[_Link]) -> bool:
        """Whether the block is the title of the author's own entry: one link whose whole text
        is set in bold, like a heading, naming something (not a shopping label), over a
        paragraph of prose (a book list whose every title links to the shop: the title and
        the recommendation under it are the article)."""
        following = node.next_sibling
        if len(links) != 1 or following is None or not prose(doc, following):
            return False
        title = _emphasised_text(text)
        return (
            title is not None
            and word_count(title) >= 2
            and not (self.labels and self.labels.search(title))
        )

    def _certain(
        self, doc: Document, node: Node, content: BlockContent, links: list[_Link]
    ) -> bool:
        """Whether the block is an ad for certain: marked as one, or all paid click-throughs."""
        return self._marked(doc, node, content.text) or bool(
            self.ad_clicks and all(self.ad_clicks.search(url) for url, _, _ in links)
        )

    def _banners(
        self, text: str, elements: list[Element], links: list[_Link]
    ) -> list[tuple[int, int]]:
        """The affiliate banners of a block that holds more, widened to the wrappers that held
        only them."""
        banners = [
            span for url, _, span in links if self.is_affiliate(url) and _is_banner(elements, span)
        ]
        return widen_to_wrappers(text, elements, outermost(banners)) if banners else []

    @staticmethod
    def _links(text: str, elements: list[Element]) -> list[_Link]:
        """(url, label, span) of every link and framed medium: HTML ``<a>``, frames, videos, Markdown links."""
        links: list[_Link] = []
        for element in elements:
            for attribute in _URL_ATTRIBUTES.get(element.name, ()):
                url = _attribute(element.opening_tag(text), attribute)
                if url:
                    label = sub_closed(_TAG, " ", element.inner(text))
                    links.append((url, label, (element.start, element.end)))
        for m in _MARKDOWN_LINK.finditer(text):
            label = MARKDOWN_IMAGE.sub(" ", m.group("label"))
            links.append((m.group("url"), label, (m.start(), m.end())))
        return links

    def _is_affiliate_block(self, text: str, links: list[_Link]) -> bool:
        if not any(self.is_affiliate(url) for url, _, _ in links):
            return False
        for url, label, _ in links:
            if not self.is_affiliate(url) and not (
                self.labels and self.labels.search(label.strip())
            ):
                return False
        rest = mask(text, [span for _, _, span in links])
        rest = MARKDOWN_IMAGE.sub(" ", sub_closed(COMMENT, " ", rest, "-->"))
        return len(_WORD.findall(sub_closed(_TAG, " ", rest))) <= self.max_words

    def _marked(self, doc: Document, node: Node, text: str) -> bool:
        return (
            bool(AD_MARKER_COMMENT.search(text))
            or is_marker_block(doc, node.previous_sibling)
            or is_marker_block(doc, node.next_sibling)
        )

    def _product_boxes(self, doc: Document) -> Iterator[Finding]:
        tags = list(scan_template_tags(doc))
        for i, (tag, content) in enumerate(tags):
            urls = _BOX_URL.findall(tag.args)
            if tag.closing or not urls or not all(self.is_affiliate(url) for url in urls):
                continue
            yield from unit_findings(doc, tag.node, content, [(tag.start, tag.end)])
            closer = None if tag.self_closing else _closing_tag(tags, i)
            if closer is not None:
                closing_tag, closing_content = closer
                yield from unit_findings(
                    doc, closing_tag.node, closing_content, [(closing_tag.start, closing_tag.end)]
                )


@dataclass(frozen=True)
class _Region:
    """Sibling blocks from an ad "begin" marker comment to the matching "end" marker."""

    nodes: list[Node]
    start: int
    end: int
    """Source offset just past the end marker."""

    def edit(self, doc: Document) -> Edit:
        last = self.nodes[-1]
        if doc.text[self.end : doc.node_span(last)[1]].strip() == "":
            return remove_blocks(doc, self.nodes[0], last)
        # The block goes on after the marker (a caption, a heading the HTML block swallowed):
        # take whole lines up to the marker, keep the rest.
        end_line = doc.position(self.end)[0] - 1
        if doc.text[self.end : doc.line_end(end_line)].strip() == "":
            return Edit(doc.line_offset(self.nodes[0].start_line), doc.line_offset(end_line + 1))
        return Edit(doc.line_offset(self.nodes[0].start_line), self.end)


def _marked_regions(doc: Document) -> Iterator[_Region]:
    for node in doc.nodes():
        if is_marker_block(doc, node) and _BEGIN.search(node.token.content if node.token else ""):
            region = _region_opened(doc, node)
            if region is not None:
                yield region


def _region_opened(doc: Document, begin: Node) -> _Region | None:
    """The region that the "begin" marker block ``begin`` opens, up to the first "end" marker
    within ``_MAX_REGION_BLOCKS`` blocks; None when another begin marker, a block of another
    kind or the end comes first."""
    nodes = [begin]
    following = begin.next_sibling
    while following is not None and following.kind in _BLOCKS and len(nodes) <= _MAX_REGION_BLOCKS:
        nodes.append(following)
        content = doc.content(following)
        ends, begins = _end_and_begin_markers(content)
        if content is not None and ends and content.exact:
            return _Region(
                nodes, doc.line_offset(begin.start_line), content.to_source(ends[0].end())
            )
        if ends or begins:
            return None
        following = following.next_sibling
    return None


def _end_and_begin_markers(
    content: BlockContent | None,
) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The block's "end" ad marker comments, and its "begin" ones."""
    markers = [] if content is None else list(AD_MARKER_COMMENT.finditer(content.text))
    return (
        [m for m in markers if _END.search(m.group())],
        [m for m in markers if _BEGIN.search(m.group())],
    )


def _attribute_values(lowered: str) -> list[str] | None:
    """The values of every ``href``, ``src`` and ``poster`` attribute (and of some look-alikes);
    None when a quoted value is never closed."""
    values: list[str] = []
    for attribute in _URL_ATTRIBUTE_STARTS:
        for m in attribute.finditer(lowered):
            quote = m.group(1)
            if not quote:
                values.append(m.group(2))
                continue
            end = lowered.find(quote, m.end())
            if end < 0:
                return None  # no later value of this quote closes either: read nothing more
            values.append(lowered[m.end() : end])
    return values


def _urls_read(lowered_text: str) -> str:
    """The URLs the fast path reads in a text: Markdown link targets and, where HTML may stand,
    attribute values; all of the text when a quoted value is unterminated."""
    if "<" in lowered_text:
        values = _attribute_values(lowered_text)
        if values is None:
            return lowered_text
        return " ".join((*written_targets(lowered_text), *values))
    if "](" in lowered_text:
        return " ".join(written_targets(lowered_text))
    return ""


def _has_marker_comment(lowered: str) -> bool:
    """Whether an HTML comment of the text is an ad marker; each comment is read once."""
    start = lowered.find("<!--")
    while start >= 0:
        end = lowered.find("-->", start + 4)
        if end < 0:
            return False
        if AD_MARKER_COMMENT.match(lowered, start, end + 3):
            return True
        start = lowered.find("<!--", end + 3)
    return False


def _emphasised_text(text: str) -> str | None:
    """The words of a block when all of them are set in bold (``**[Title](url)**``,
    ``[**Title**](url)``, ``<a><strong>Title</strong></a>``); None otherwise. Images,
    comments, line breaks and the link's own marks count for nothing."""
    bare = _MARKDOWN_LINK.sub(lambda m: m.group("label"), MARKDOWN_IMAGE.sub("", text))
    bare = _DECORATION.sub("", sub_closed(COMMENT, "", bare, "-->")).strip()
    m = _BOLD.fullmatch(bare)
    return None if m is None else m.group("stars") or m.group("underscores") or m.group("html")


def _is_banner(elements: list[Element], span: tuple[int, int]) -> bool:
    """A frame or video itself, or a link around an image, video or frame."""
    inside = [e for e in elements if span[0] <= e.start and e.end <= span[1]]
    return any(e.name in _MEDIA for e in inside)


def _closing_tag(
    tags: list[tuple[TemplateTag, BlockContent]],
    index: int,
) -> tuple[TemplateTag, BlockContent] | None:
    """The closing tag of ``tags[index]``; None when a box of that name opens first (product boxes do not nest)."""
    name = tags[index][0].name.lower()
    for tag, content in tags[index + 1 :]:
        if tag.name.lower() == name:
            return (tag, content) if tag.closing else None
    return None
