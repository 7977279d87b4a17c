"""``platform-chrome``: the widgets of one publishing platform, once the page shows it is one.

A platform's reader chrome (WeChat's "预览时标签不可点", "微信扫一扫 关注该公众号",
Medium's "Open in app", dev.to's "Top comments") is many short blocks, each
one of the platform's fixed strings: its phrase list (``rules/phrases/platform-*.yaml``).
One such string alone proves little ("取消" may be a word in a table of
buttons), so nothing is found until ``min_distinct`` different strings of the list, each
at least ``evidence_chars`` characters long ("Share" alone proves no platform), stand as
whole blocks of the document; then each of them goes. The same strings in
a sentence are prose, as in ``phrase-block``. With ``empty_blocks``, the husks the
converter left between them go too once the platform is proven: paragraphs of nothing
but emphasis marks and punctuation (``__``, ``****``, ``： ， 。``) or of images
without a source (``![]()``); with ``images``, paragraphs of nothing but the
platform's own badges and icons (image addresses matching one of ``images``).
With ``top_blocks``, only the page's first blocks are read: a byline or a "posted on"
line is chrome above the article, and may be the article's own news further down.
With ``whole_lists``, only lists are read: a matching block counts when every item of
its list matches, and the list goes whole (an author box: "GitHub: …", "微博: …").
With ``with_next_image``, the image-only block right after a matching block goes with it
(a promo's QR code); with ``next_images``, only when that image's address or alt text
matches one of them (``qrcode_for_gh_…``, "二维码"), so a safe rule leaves the article's
own figure that happens to follow a "follow us" line; with ``prompt_names_image``, also when
the matching block itself names the image ("长按二维码，关注我们": WeChat serves every QR code
under an opaque address). With ``heading_badges``, a matching heading takes the blocks right
under it that are nothing but images and linked images (a support box: "## この記事が気に入ったら
サポートしてね" over its ko-fi and Sponsor badges), so that they are not left under the section
before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import InHead, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import any_pattern, compile_patterns
from .block_runs import neighbour_runs
from .inline_links import without_images_from, without_links_to
from .label_shapes import Shape
from .line_reading import line_reading
from .linkblocks import IMAGE, Skeleton, raw_text, skeleton
from .phrase_block import BLOCK_KINDS, PhraseBlockMatcher
from .phrase_lists import fold_width
from .script_links import SCRIPT_LINK

_SOURCELESS_IMAGE = re.compile(r"!\[[^\[\]]*\]\(\s*\)")
_WORD = re.compile(r"[^\W_]")
# A short caption line: at most four words (forty characters), no sentence's end.
_CAPTION_LINE = re.compile(r"\s*[^\s.!?。！？]+(?:\s+[^\s.!?。！？]+){0,3}\s*")


def _is_caption_line(text: str) -> bool:
    return len(text) <= 40 and _CAPTION_LINE.fullmatch(text) is not None


_WORD_OR_MARKUP = re.compile(r"[^\W_]|[<\[\]`&]")


# A paragraph of the toolbar's counters and their separators ("11", "25\n·", "1.2k · 3万").
# The parts of a byline a crawler set apart before its last block: the author and the date
# ("猫猫摸大鱼 2026-01-28", its link's text), a date alone, the views counter ("953").
_BYLINE_BIT = re.compile(
    r"(?:[^\s\d]\S{0,29}\s+)?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s+\d{1,2}:\d\d(?::\d\d)?)?"
    r"|[\d.,]+\s*[kKwW万千]?"
)
_COUNTER = re.compile(r"(?<![^\W\d_])\d[\d.,]*\s*(?:[kKwW万千]|\+)?(?![^\W_])")
_COUNTERS_ONLY = re.compile(r"(?:[\s·•|/]*\d[\d.,]*\s*(?:[kKwW万千]|\+)?)+[\s·•|/]*")


def _is_image_only(doc: Document, node: Node) -> bool:
    """A paragraph or HTML block of images and nothing else (a QR code, a badge)."""
    skel = skeleton(doc, node) if node.kind in ("paragraph", "html_block") else None
    return (
        skel is not None
        and skel.images > 0
        and not skel.links
        and _WORD_OR_MARKUP.search(skel.text.replace(IMAGE, "")) is None
    )


# A block of nothing but images and linked images: badges ("[![ko-fi](…)](…)"), a QR code.
_BADGES = re.compile(r"(?:\s*\[?!\[[^\[\]]*\]\([^()]*\)(?:\]\([^()]*\))?)+\s*")


def _badges_under(doc: Document, heading: Node) -> list[Node]:
    """The blocks right under a heading that are only images and linked images."""
    badges: list[Node] = []
    following = heading.next_sibling
    while (
        following is not None
        and following.kind == "paragraph"
        and _BADGES.fullmatch(raw_text(doc, following))
    ):
        badges.append(following)
        following = following.next_sibling
    return badges


def _top_level_index(node: Node) -> int:
    """The position, among the page's top-level blocks, of the one that holds ``node``."""
    while node.parent is not None and node.parent.kind != "root":
        node = node.parent
    return node.index if node.parent is not None else 0


_MERGING_KINDS = ("code_block", "bullet_list", "ordered_list")
_PROSE_WORDS = 5


def _after_prose(doc: Document, block: Node) -> bool:
    """Whether a top-level paragraph of prose (``_PROSE_WORDS`` words outside links, CJK
    counted by characters) stands before ``block``: an author box follows the article it
    signs, while the same list under a project's title and badges is the project's links."""
    before = block.previous_sibling
    while before is not None:
        if before.kind == "paragraph":
            skel = skeleton(doc, before)
            if skel is not None and skel.outside_words() >= _PROSE_WORDS:
                return True
        before = before.previous_sibling
    return False


def _runs(nodes: list[Node]) -> list[list[Node]]:
    """Neighbouring blocks as one run: separate removals would overlap at their seams, and a
    later pass would no longer see the evidence the first pass removed."""
    return neighbour_runs(_whole_lists_lifted(nodes), _is_next_sibling)


def _is_next_sibling(before: Node, node: Node) -> bool:
    return before.next_sibling is node


def _whole_lists_lifted(nodes: list[Node]) -> list[Node]:
    """``nodes`` with the item paragraphs of a list every item of which is one found block
    replaced by the list: the list's own seams are then the run's."""
    found = {id(node) for node in nodes}
    lifted: list[Node] = []
    for node in nodes:
        block = _lifted(node, found)
        if not lifted or lifted[-1] is not block:
            lifted.append(block)
    return lifted


def _lifted(node: Node, found: set[int]) -> Node:
    """The list that holds ``node`` as an item's paragraph when every item of it is one found
    block (by ``id``); else ``node`` itself."""
    item = node.parent
    if item is None or item.kind != "list_item" or item.parent is None:
        return node
    items = item.parent.children
    if all(len(i.children) == 1 and id(i.children[0]) in found for i in items):
        return item.parent
    return node


def _would_merge(before: Node | None, after: Node | None) -> bool:
    """Whether the blocks on both sides would become one once what stands between them goes
    (two indented code blocks, two lists of one kind)."""
    return (
        before is not None
        and after is not None
        and before.kind == after.kind
        and before.kind in _MERGING_KINDS
    )


class PlatformChromeMatcher(PhraseBlockMatcher):
    name = "platform-chrome"
    params = MappingProxyType(
        {
            **PhraseBlockMatcher.params,
            "min_distinct": int,
            "empty_blocks": bool,
            "with_next_image": bool,
            "next_images": list,
            "images": list,
            "top_blocks": int,
            "evidence_chars": int,
            "whole_lists": bool,
            "prompt_names_image": list,
            "heading_badges": bool,
            "counters": bool,
            "line_wise": bool,
            "line_wise_captions": int,
            "byline_bits": bool,
            "links": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_distinct = int(params.get("min_distinct", 1))
        self.empty_blocks = bool(params.get("empty_blocks", False))
        # A promo's QR code is the image block right after it.
        self.with_next_image = bool(params.get("with_next_image", False))
        self.next_images = any_pattern(
            compile_patterns(params.get("next_images", []), "next_images")
        )
        self.top_blocks = int(params.get("top_blocks", 0))
        self.evidence_chars = int(params.get("evidence_chars", 0))
        self.whole_lists = bool(params.get("whole_lists", False))
        self.images = any_pattern(compile_patterns(params.get("images", []), "images"))
        self.heading_badges = bool(params.get("heading_badges", False))
        # The bare counters a toolbar left between its icons ("11", "25 ·"): chrome only
        # right after another block of the platform's chrome.
        self.counters = bool(params.get("counters", False))
        # A text clipper keeps one widget per line with no blank line between them: with
        # ``line_wise``, a paragraph each line of which is one of the strings is chrome too.
        self.line_wise = bool(params.get("line_wise", False))
        # A dialog's category titles between its strings ("Préférences Préférences"): with
        # ``line_wise_captions``, up to that many short lines of no list may stand among
        # them, when the strings outnumber them.
        self.line_wise_captions = int(params.get("line_wise_captions", 0))
        # A byline a crawler broke into blocks: the author-and-date and views blocks right
        # before the matching one ("阅读5分钟") belong to it.
        self.byline_bits = bool(params.get("byline_bits", False))
        # Links to the platform's own shop or sign-up pages ("[立即使用](…/vip)"): a
        # paragraph of nothing else is a husk, as its icons are.
        self.links = any_pattern(compile_patterns(params.get("links", []), "links"))
        self.prompt_names_image = any_pattern(
            compile_patterns(params.get("prompt_names_image", []), "prompt_names_image")
        )

    def labels_open(self, shape: Shape | None) -> Trigger:
        """With ``top_blocks``, the phrases are looked for only in the head of the body those
        blocks can span: further down, the same words are the article's own."""
        phrases = super().labels_open(shape)
        return InHead(self.top_blocks, phrases) if self.top_blocks else phrases

    def blocks_needed(self) -> int:
        # ``find`` wants ``min_distinct`` distinct strings: each from a block of its own.
        return max(self.min_distinct, 1)

    def find(self, doc: Document) -> Iterator[Finding]:
        if self._reads_every_block() and not self._enough_evidence(doc):
            return  # (the blocks a label may open hold all the evidence: no husk is read)
        found, strings = self._chrome(doc)
        if not found or len(strings) < max(self.min_distinct, 1):
            return  # too little evidence that the page comes from this platform
        for run in _runs(found):
            if _would_merge(run[0].previous_sibling, run[-1].next_sibling):
                continue
            start, end = doc.node_span(run[0])[0], doc.node_span(run[-1])[1]
            yield Finding(start, end, edits=(remove_blocks(doc, run[0], run[-1]),))

    def _reads_every_block(self) -> bool:
        """Whether ``find`` reads every block (husks, counters, icons or links to find), not
        only those a label may open."""
        return (
            self.empty_blocks or self.counters or self.images is not None or self.links is not None
        )

    def _enough_evidence(self, doc: Document) -> bool:
        """Whether the blocks a label may open show enough of the platform's strings: the
        evidence ``_chrome`` counts comes from those blocks only, so a page that fails here
        is not read block by block."""
        strings: set[str] = set()
        for node, rough in self.blocks_to_probe(doc, *BLOCK_KINDS):
            self._read_block(doc, node, rough, [], strings)
        return len(strings) >= max(self.min_distinct, 1)

    def _chrome(self, doc: Document) -> tuple[list[Node], set[str]]:
        """The blocks that are the platform's chrome, in document order, and the platform's
        strings they show that are long enough to count as evidence."""
        found: list[Node] = []
        strings: set[str] = set()
        for node, rough in self._blocks_read(doc):
            if self._is_husk_block(doc, node, found):
                found.append(node)
            elif rough is not None:
                self._read_block(doc, node, rough, found, strings)
        return found, strings

    def _read_block(
        self, doc: Document, node: Node, rough: str, found: list[Node], strings: set[str]
    ) -> None:
        """Adds the block to ``found`` when it is the platform's chrome (with what comes with
        it: the list it fills, its byline's parts, its QR code), and the platform's strings it
        shows that are long enough to be evidence to ``strings``."""
        matched = self._platform_string(doc, node, rough)
        if matched is None:
            lines = self._line_strings(doc, node)
            if lines is not None:
                found.append(node)
                strings.update(line for line in lines if len(line) >= self.evidence_chars)
            return
        block, string = matched
        if len(string) >= self.evidence_chars:
            strings.add(string)
        if not found or found[-1] is not block:  # (else the list an earlier item took)
            found.extend(self._byline_bits_before(doc, block, found))
            found.extend(self._with_next_image(doc, block))

    def _blocks_read(self, doc: Document) -> Iterator[tuple[Node, str | None]]:
        """The blocks to read (with ``top_blocks``, the first ones only), in document order, each
        with its rough text when a label may open it (``blocks_to_probe``), else None; with
        husks or counters to find, every block, else those only."""
        probed = self.blocks_to_probe(doc, *BLOCK_KINDS)
        read: Iterator[tuple[Node, str | None]]
        if not self._reads_every_block():
            read = iter(probed)
        else:
            asked = dict(probed)
            read = ((node, asked.get(node)) for node in doc.leaves(*BLOCK_KINDS))
        if not self.top_blocks:
            return read
        return (block for block in read if _top_level_index(block[0]) < self.top_blocks)

    def _platform_string(self, doc: Document, node: Node, rough: str) -> tuple[Node, str] | None:
        """The block that one of the platform's strings fills (with ``whole_lists``, the list
        of such blocks that holds it), and that string."""
        if not self._may_match_block(doc, node, rough):
            return None  # no inline parse needed
        skel = self._matching(doc, node, self.start)
        if skel is None:
            return None
        block = self._whole_list(doc, node) if self.whole_lists else node
        return None if block is None else (block, self.visible_text(skel).casefold())

    def _byline_bits_before(self, doc: Document, node: Node, found: list[Node]) -> list[Node]:
        """With ``byline_bits``, the blocks right before ``node`` that are parts of its byline
        (author and date, a date, the views counter), in document order."""
        bits: list[Node] = []
        if not self.byline_bits:
            return bits
        before = node.previous_sibling
        taken = found[-1] if found else None
        while before is not None and before.kind == "paragraph" and before is not taken:
            skel = skeleton(doc, before)
            if skel is None or not _BYLINE_BIT.fullmatch(self.visible_text(skel)):
                break
            bits.insert(0, before)
            before = before.previous_sibling
        return bits

    def _line_strings(self, doc: Document, node: Node) -> list[str] | None:
        """With ``line_wise``, the strings of a paragraph of several lines each of which is
        one of the platform's strings as a reader sees it; None when a line is anything else."""
        if not self._reads_lines(node):
            return None
        strings: list[str] = []
        captions = 0
        for line in range(node.start_line, node.end_line):
            text, has_image = line_reading(doc.line_text(line))
            kind = None if has_image else self._line_string_kind(text, captions)
            if kind is None:
                return None
            if kind == "string":
                strings.append(text.casefold())
            elif kind == "caption":
                captions += 1
        return strings if len(strings) > captions else None

    def _reads_lines(self, node: Node) -> bool:
        """Whether ``_line_strings`` reads the block: with ``line_wise``, a paragraph of two
        lines or more."""
        return self.line_wise and node.kind == "paragraph" and node.end_line - node.start_line >= 2

    def _line_string_kind(self, text: str, captions: int) -> str | None:
        """What a line without images is among the platform's strings: "separator" (a mark of
        its own: "•", "|"), "string" (one of them), "caption" (a short caption, while fewer
        than ``line_wise_captions`` stood before it); None for anything else."""
        if _WORD.search(text) is None:
            return "separator"
        if self.start.fullmatch(text) is not None:
            return "string"
        if _is_caption_line(text) and captions < self.line_wise_captions:
            return "caption"
        return None

    def _with_next_image(self, doc: Document, node: Node) -> list[Node]:
        """The block, and the image-only block right after it when that is the promo's QR code
        (``with_next_image``: any image; ``next_images``: one whose source names it so;
        ``prompt_names_image``: any image, when the block's own words name it)."""
        if self.heading_badges and node.kind == "heading":
            return [node, *_badges_under(doc, node)]
        following = node.next_sibling
        if following is not None and self._is_promo_image(doc, following, node):
            return [node, following]
        return [node]

    def _is_promo_image(self, doc: Document, node: Node, prompt: Node) -> bool:
        if not _is_image_only(doc, node):
            return False
        if self.with_next_image or self._names_image(doc, prompt):
            return True
        return bool(self.next_images is not None and self.next_images.search(raw_text(doc, node)))

    def _names_image(self, doc: Document, prompt: Node) -> bool:
        """Whether the prompt's own words say the next image is its QR code."""
        names = self.prompt_names_image
        return names is not None and bool(names.search(fold_width(raw_text(doc, prompt))))

    def _may_match_block(self, doc: Document, node: Node, rough: str) -> bool:
        # A prompt broken over lines ("如果对你有帮助的话  \n那就长按二维码，关注我们吧！") is
        # one sentence to its reader: the phrase may run across the line break.
        return super()._may_match_block(doc, node, " ".join(rough.split()))

    def visible_text(self, skel: Skeleton) -> str:
        # markdown-it refuses ``javascript:`` targets: such a "link" stays text, of which
        # the reader of the page saw only the label.
        return fold_width(" ".join(SCRIPT_LINK.sub(r"\1", skel.visible).split()))

    def _is_husk_block(self, doc: Document, node: Node, found: list[Node]) -> bool:
        """A paragraph that is a husk (``_is_husk_after``), or a heading that is nothing but
        links to the platform's own pages (a sponsored card's title, linked to the ad)."""
        if node.kind == "paragraph":
            return self._is_husk_after(doc, node, found)
        return (
            node.kind == "heading"
            and self.links is not None
            and _WORD_OR_MARKUP.search(self._without_platform_links(raw_text(doc, node))) is None
        )

    def _is_husk_after(self, doc: Document, node: Node, found: list[Node]) -> bool:
        """A husk (``_is_husk``), or with ``counters`` a paragraph of counters right after
        a block of the platform's chrome."""
        raw = raw_text(doc, node)
        if self._is_husk(raw):
            return True
        return (
            self.counters
            and bool(found)
            and found[-1] is node.previous_sibling
            and _COUNTERS_ONLY.fullmatch(raw) is not None
        )

    def _is_husk(self, raw: str) -> bool:
        """A paragraph that shows nothing of the article: emphasis marks, punctuation, images
        without a source (``empty_blocks``), the platform's own icons (``images``), links to
        its own pages (``links``)."""
        if not (self.empty_blocks or self.images is not None or self.links is not None):
            return False
        raw = self._without_platform_links(raw)
        if self.empty_blocks:
            raw = _SOURCELESS_IMAGE.sub("", raw)
        return _WORD_OR_MARKUP.search(self._without_platform_icons(raw)) is None

    def _without_platform_links(self, raw: str) -> str:
        """``raw`` without its links to the platform's own pages (``links``)."""
        links = self.links
        if links is None or "](" not in raw:
            return raw
        # A link with a plain caption ("[立即使用](https://mall.csdn.net/vip)"), a linked image
        # ("[![Sponsor](…/banner.png)](https://sponsor.example/?bb=1)").
        return without_links_to(raw, lambda href: links.search(href) is not None)

    def _without_platform_icons(self, raw: str) -> str:
        """``raw`` without the platform's icons (``images``), and with ``counters`` the counts
        beside them ("![](…heart.png) 25")."""
        images = self.images
        if images is None or "![" not in raw:
            return raw
        shown = without_images_from(raw, lambda source: images.search(source) is not None)
        return _COUNTER.sub("", shown) if self.counters and shown != raw else shown

    def _whole_list(self, doc: Document, node: Node) -> Node | None:
        """The list that holds ``node`` when every item of it is one matching block; None
        when the list holds anything else, or ``node`` is in no list."""
        item = node.parent
        if item is None or item.kind != "list_item":
            return None
        if item.parent is None or item.parent.parent is None or item.parent.parent.kind != "root":
            return None  # a nested list belongs to its parent item
        for other in item.parent.children:
            if (
                len(other.children) != 1
                or self._matching(doc, other.children[0], self.start) is None
            ):
                return None
        if not _after_prose(doc, item.parent):
            return None  # above the page's first sentence: a README's own "Homepage:" list
        return item.parent
