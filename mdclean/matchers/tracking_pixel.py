"""``tracking-pixel``: images that exist to count readers, not to be seen.

An HTML ``<img>`` whose width and height are both 0 or 1, or that is hidden
(``display:none``, ``visibility:hidden``, the ``hidden`` attribute); an ``<amp-pixel>``;
and any HTML or Markdown image served by a tracking host (``hosts``). A wrapper
that held only the pixel (``<noscript>``, a link) goes with it. Code is never looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import BlockContent, Document, Node
from ..fastpath.triggers import AllOf, Among, AnyOf, Trigger, all_of, literals
from ..markup import Element, mask_code, scan_elements
from ..models import Finding
from .base import Matcher, any_pattern, compile_patterns, per_text, required_literals, searchable
from .html_element import outermost, unit_findings, widen_to_wrappers

_TEXT_BLOCKS = ("html_block", "paragraph", "heading")
_PIXEL_ELEMENTS = frozenset({"amp-pixel"})


def _attribute(name: str) -> re.Pattern[str]:
    return re.compile(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


_WIDTH, _HEIGHT, _STYLE, _SRC = (_attribute(n) for n in ("width", "height", "style", "src"))
_HIDDEN_ATTRIBUTE = re.compile(r"\shidden(?:\s|/|>|=)", re.IGNORECASE)
_QUOTED_VALUE = re.compile(r""""[^"]*"|'[^']*'""")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TINY = re.compile(r"\s*[01](?:\.0*)?\s*(?:px)?\s*")
# ![alt](url "title"), the alt may hold one level of brackets.
MARKDOWN_IMAGE = re.compile(
    r"!\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
# The link around a linked image: [![..](pixel)](target)
_LINK_TAIL = re.compile(r"\]\(\s*<?[^)\s>]*>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")


def _value(pattern: re.Pattern[str], tag: str) -> str | None:
    m = pattern.search(tag)
    return None if m is None else next(g for g in m.groups() if g is not None)


def is_hidden_image(tag: str) -> bool:
    """An ``<img>`` opening tag sized 0 or 1 in both directions, or hidden by style or attribute."""
    width, height = _value(_WIDTH, tag), _value(_HEIGHT, tag)
    if (
        width is not None
        and height is not None
        and _TINY.fullmatch(width)
        and _TINY.fullmatch(height)
    ):
        return True
    style = _value(_STYLE, tag)
    unquoted = _QUOTED_VALUE.sub('""', tag)  # "hidden" in an alt text is not the attribute
    return bool(style and _HIDDEN_STYLE.search(style)) or bool(_HIDDEN_ATTRIBUTE.search(unquoted))


def _present(pattern: re.Pattern[str] | None) -> tuple[re.Pattern[str], ...]:
    return () if pattern is None else (pattern,)


@per_text
def _image_urls(lowered: str) -> tuple[str, ...]:
    """The URLs of the Markdown images of a raw text, as ``units`` reads them."""
    return tuple(m.group("url") for m in MARKDOWN_IMAGE.finditer(searchable(lowered)))


class TrackingPixelMatcher(Matcher):
    name = "tracking-pixel"
    params = MappingProxyType({"hosts": list, "keywords": list, "hidden_images": bool})
    required = frozenset({"hosts"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        hosts = compile_patterns(params["hosts"], "hosts")
        self.hosts = any_pattern(hosts)
        # A tracker's URL holds one of these: images without any are not searched with ``hosts``.
        self._host_literals = required_literals(hosts)
        # Off: only images served from ``hosts`` count, not every hidden or 1x1 <img> (a
        # rule for placeholder images, which leaves trackers to AD007).
        self.hidden_images = bool(params.get("hidden_images", True))

    def find(self, doc: Document) -> Iterator[Finding]:
        # Every <img> is a candidate (its size decides), so the keywords only add hosts.
        for node, content, text in leaves_with_markup(doc):
            units = self.units(text, markdown=node.kind != "html_block")
            if units:
                yield from unit_findings(doc, node, content, units)

    def trigger(self) -> Trigger:
        """Any ``<img>`` (its size decides), or a Markdown image whose URL (read from the raw
        text, as ``units`` reads it) is a tracker's ("<" first: a one-character test is fastest).
        Without ``hidden_images``, an ``<img>`` counts only with one of the hosts' literals."""
        html = literals("<img", "<amp-pixel")
        if not self.hidden_images:
            html = all_of(literals("<img"), literals(*(self._host_literals or ())))
        return AnyOf(
            (
                AllOf((literals("<"), html)),
                AllOf(
                    (
                        literals("!["),
                        Among(_image_urls, _present(self.hosts), self._host_literals or ()),
                    )
                ),
            )
        )

    def units(self, text: str, *, markdown: bool) -> list[tuple[int, int]]:
        elements = scan_elements(text) if "<" in text else []
        spans = [(e.start, e.end) for e in elements if self._is_pixel(text, e)]
        if markdown and "![" in text:
            spans.extend(self._tracked_images(text))
        spans = outermost(spans)
        return widen_to_wrappers(text, elements, spans) if spans and elements else spans

    def _tracked_images(self, text: str) -> Iterator[tuple[int, int]]:
        """The Markdown images served by a tracking host, each with the link it would leave empty."""
        assert self.hosts is not None
        for m in MARKDOWN_IMAGE.finditer(text):
            if self.hosts.search(m.group("url")):
                yield _with_link(text, m.start(), m.end())

    def _is_pixel(self, text: str, element: Element) -> bool:
        """An ``<amp-pixel>``, or an ``<img>`` hidden or served by a tracking host."""
        if element.name in _PIXEL_ELEMENTS:
            return self.hidden_images
        if element.name != "img":
            return False
        assert self.hosts is not None
        tag = element.opening_tag(text)
        src = _value(_SRC, tag)
        hidden = self.hidden_images and is_hidden_image(tag)
        return hidden or (src is not None and bool(self.hosts.search(src)))


def leaves_with_markup(doc: Document) -> Iterator[tuple[Node, BlockContent, str]]:
    """Paragraphs, headings and HTML blocks that hold a tag or a Markdown image, each with its
    text, code masked (a Markdown code span too, outside HTML blocks)."""
    for node in doc.leaves(*_TEXT_BLOCKS):
        # The token's content is the content's text (give or take a final line break):
        # test it before mapping the block.
        raw = node.token.content if node.token is not None else ""
        if "<" not in raw and "![" not in raw:
            continue
        content = doc.content(node)
        if content is not None:
            yield node, content, mask_code(content.text, inline_markdown=node.kind != "html_block")


def _with_link(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[![..](pixel)](target)`` to the link, which would be left empty."""
    if start > 0 and text[start - 1] == "[":
        tail = _LINK_TAIL.match(text, end)
        if tail:
            return start - 1, tail.end()
    return start, end
