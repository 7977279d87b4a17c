"""``pandoc-ad-attributes``: ad slots that a converter wrote as Pandoc spans and divs.

Pandoc (and the converters built on it) keeps an HTML element's class and id as an
attribute block: ``<span id="wordads-inline-marker"></span>`` becomes
``[]{#wordads-inline-marker}``, ``<ins class="adsbygoogle">`` a fenced div
``::: {.adsbygoogle}`` … ``:::``. The ad markup's names survive there, so an ad slot
is told as in HTML: a name that is an ad token (``ad``, ``ads``, ``advert…``,
``adsense``, ``adsbygoogle``, ``ad-slot``, ``sponsored``, WordAds' ``wordads-*``,
``wpcnt``, ``atatags-*``), matched whole between dashes and underscores (``header``,
``download``, ``badge`` never match). A block that holds nothing but such spans goes;
a fenced div so named goes whole, up to its closing fence, with what it holds. A span
in a sentence, and code, stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Node
from ..fastpath.triggers import AnyOf, Search, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher

# One ad name: a whole token of a class or id (dashes and underscores part tokens).
_AD_TOKEN = (
    r"(?:ads?|advert\w*|advertisement|adsense|adsbygoogle|adslot|adunit|adbox|adbanner"
    r"|sponsored|wordads|wpcnt|atatags)"
)
_AD_CLASS = re.compile(rf"(?:^|[-_]){_AD_TOKEN}(?:$|[-_])", re.IGNORECASE)
# An id is an anchor too (``[]{#ads}`` before a docs section on ads): only the ad scripts'
# own slot ids count.
_AD_ID = re.compile(
    r"(?:wordads[\w-]*|atatags-[\w-]+|div-gpt-ad[\w-]*|adsbygoogle[\w-]*|wpcnt)", re.IGNORECASE
)
# ``{#id .class key=value}``: the names are the ``#`` and ``.`` words.
_ATTRIBUTES = r"\{[^{}\n]*\}"
_NAME_IN_ATTRIBUTES = re.compile(r"(?:^|\s)([#.])([\w-]+)")
# ``[text]{attrs}``: a bracketed span (no nested brackets) and its attribute block.
_SPAN = re.compile(rf"\[([^\[\]\n]*)\]({_ATTRIBUTES})")
# A fence that opens a div: ``::: {attrs}`` or ``::: name``; a fence alone closes one.
_DIV_OPENING = re.compile(r" {0,3}(:{3,})\s*(?:(\{[^{}\n]*\})|([\w-]+))\s*:*\s*")
_DIV_CLOSING = re.compile(r" {0,3}:{3,}\s*")
_BLOCK_KINDS = ("paragraph",)
_MAX_DIV_BLOCKS = 12
# In the raw text: an attribute block or div fence, then an ad token close by.
_AD_ATTRIBUTE_NEAR = re.compile(rf"(?:\]\{{|:::)[^\n]*?(?<![^\W_]){_AD_TOKEN}")


def _names_ad(attributes: str) -> bool:
    """Whether an attribute block (or a div's bare class name) names an ad slot."""
    if "{" not in attributes:
        return _AD_CLASS.search(attributes) is not None  # ``::: name``: a class
    return any(
        (_AD_CLASS.search(name) if mark == "." else _AD_ID.fullmatch(name)) is not None
        for mark, name in _NAME_IN_ATTRIBUTES.findall(attributes.strip("{}"))
    )


class PandocAdAttributesMatcher(Matcher):
    name = "pandoc-ad-attributes"

    def trigger(self) -> Trigger:
        return all_of(
            self.keyword_trigger(),
            AnyOf((literals("]{"), literals(":::"))),
            Search(_AD_ATTRIBUTE_NEAR, folded=False),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        taken: set[Node] = set()
        for node in doc.leaves(*_BLOCK_KINDS):
            if node in taken:
                continue
            last = _ad_div_end(doc, node) or (node if _only_ad_spans(doc, node) else None)
            if last is None:
                continue
            block: Node | None = node
            while block is not None:
                taken.add(block)
                block = None if block is last else block.next_sibling
            start, end = doc.node_span(node)[0], doc.node_span(last)[1]
            yield Finding(start, end, edits=(remove_blocks(doc, node, last),))


def _block_source(doc: Document, node: Node) -> str:
    start, end = doc.node_span(node)
    return doc.text[start:end]


def _only_ad_spans(doc: Document, node: Node) -> bool:
    """Whether the block holds ad-named spans and nothing else but spaces and punctuation."""
    source = _block_source(doc, node)
    if "]{" not in source:
        return False
    found = False

    def drop(match: re.Match[str]) -> str:
        nonlocal found
        if not _names_ad(match.group(2)):
            return match.group()
        found = True
        return " "

    rest = _SPAN.sub(drop, source)
    return found and not re.search(r"[^\W_]", rest)


def _ad_div_end(doc: Document, node: Node) -> Node | None:
    """The block that closes the ad-named div ``node`` opens (itself when the div is one
    paragraph); None when ``node`` opens none, or no closing fence comes soon enough."""
    lines = _block_source(doc, node).splitlines()
    if not _opens_ad_div(lines):
        return None
    depth = _depth_after(1, lines[1:])
    block, seen = node, 1
    while depth is not None and depth > 0:
        following = block.next_sibling
        if following is None or seen >= _MAX_DIV_BLOCKS or following.is_code:
            return None
        block, seen = following, seen + 1
        depth = _depth_after(depth, _block_source(doc, block).splitlines())
    return block if depth == 0 else None


def _opens_ad_div(lines: list[str]) -> bool:
    """Whether a block's first line is a div fence whose attributes (or name) name an ad."""
    opening = _DIV_OPENING.fullmatch(lines[0]) if lines else None
    return opening is not None and _names_ad(opening.group(2) or opening.group(3))


def _depth_after(depth: int, lines: list[str]) -> int | None:
    """How many divs are open after these lines of one block; None when the ad div closes
    before the block's last line (what follows in the block is not the ad's)."""
    for i, line in enumerate(lines):
        if _DIV_OPENING.fullmatch(line):
            depth += 1
        elif _DIV_CLOSING.fullmatch(line):
            depth -= 1
            if depth == 0 and i < len(lines) - 1:
                return None
    return depth
