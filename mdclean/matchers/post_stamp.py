"""``post-stamp``: a post's date stamp, a line of a stamp's label and the date, nothing else.

Blog themes print the post's date with a label on a line of its own, under the title or after
the article: LoveIt's "Updated on 2023-08-10" / "更新于 2023-05-03", "最終更新: 2026-04-28",
ITmedia's "» 2024年04月05日 08時00分 公開", "**Published**: 2025-12-03. **Last Updated**:
2025-12-03 19:31:22 UTC". BP101 (``post-meta``) wants two kinds of meta and leaves such a
line; a stamp's label (``label_phrases``: published, updated, 发布于, 公開日…, not "Date:", which heads
a meeting's notes) with a date and no other word is a theme's template with its placeholder
filled. Read in the page's head (its first ``top_blocks`` blocks) and in its tail after the
last paragraph of more than ``tail_words`` words, where BP101 reads; a line with a word of
prose ("Updated on 2024-03-03 to fix the second example") stays.

With ``head_words``, the head also runs down to the page's first paragraph of more than that
many words (a news page's stamp under its title, below the site's menus). With
``time_alone``, a stamp needs no label when it holds a date and a time of day ("Fr,
15.05.2020, 07.11 Uhr", "20/11/2019 / 11:54 am"): a machine's timestamp, not a diary's date
(a date alone stays); the page must then say it was saved from the web (``skip_links``,
``menu_lines``: the gate of ``article_region``) besides a front matter or a crawler's note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.tail import InTail
from ..fastpath.triggers import AllOf, AnyOf, InHead, Literals, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .article_region import ArticleRegionMatcher
from .fix_safety import safe_if
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, skeleton
from .page_head import crawl_source
from .phrase_lists import fold_width, phrase_pattern
from .post_meta import DATE_DIGITS, DATE_WORDS, PostMetaMatcher

_META_LIST_ITEMS = 4  # the items of a theme's meta list under a title (date, count, logo)
_META_ITEM_WORDS = 2
# A time of day: hours and minutes with a colon (seconds after them), or with a dot before a
# word that says it is a time ("07.11 Uhr"), French "06h00", or in CJK units; "Uhr", "h",
# "am"/"pm" after it.
_TIME = re.compile(
    r"(?<!\d)\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2})?(?:\s?(?:uhr|h|[ap]\.?m)\b\.?)?|[.．]\d{2}\s?(?:uhr|h)\b"
    r"|h\d{2}\b|\s?(?:时|時|시)\s?\d{1,2}\s?(?:分|분)(?:\s?\d{1,2}\s?(?:秒|초))?)",
    re.IGNORECASE,
)
# The small word between a stamp's date and its time ("15 Mai 2019 à 06h00", "3 March at
# 10:12", "12.03.2024 um 10:12", "alle", "às", "a las", "lúc", "saat", "pukul", "o", "om", "в").
_AT = re.compile(
    r"(?<![^\W\d_])(?:à|at|um|alle|às|a las|lúc|saat|pukul|o|om|в)(?![^\W\d_])", re.IGNORECASE
)
# What may stand between a stamp's parts: spaces, punctuation, a theme's arrow or bullet, the
# time's zone after it ("19:31:22 UTC").
_LEFTOVER = re.compile(r"[\s.,:;|/·•»«›‹()\[\]\-–—*_]+|\b(?:UTC|GMT)\b", re.IGNORECASE)


def _meta_item(doc: Document, item: Node) -> bool:
    """An item of a theme's meta list beside the stamp: a count or a logo, a paragraph of
    ``_META_ITEM_WORDS`` words at most and no link."""
    if len(item.children) != 1 or item.children[0].kind != "paragraph":
        return False
    skel = skeleton(doc, item.children[0])
    return skel is not None and not skel.links and len(skel.visible.split()) <= _META_ITEM_WORDS


class PostStampMatcher(PostMetaMatcher):
    name = "post-stamp"
    params = MappingProxyType(
        {
            **PostMetaMatcher.params,
            "label_phrases": list,
            "head_words": int,
            "time_alone": bool,
            "weekdays": list,
            "skip_links": list,
            "menu_lines": int,
        }
    )
    required = frozenset({"dates", "counts", "meta_labels", "words", "label_phrases"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.head_words = int(params.get("head_words", 0))
        self.time_alone = bool(params.get("time_alone", False))
        weekdays = phrase_pattern(params, "weekdays")
        self._weekday = (
            re.compile(rf"(?<![^\W\d_])(?:{weekdays})(?![^\W\d_])", re.IGNORECASE)
            if weekdays
            else None
        )
        self._region: ArticleRegionMatcher | None = None
        if self.time_alone:
            menu = params.get("menu_lines", 3)
            self._region = ArticleRegionMatcher(
                {"skip_links": params.get("skip_links", []), "menu_lines": menu}
            )

    def trigger(self) -> Trigger:
        """In the page's head or tail: a stamp label's word (``keywords``) and a date's digits;
        with ``head_words`` or ``time_alone`` anywhere (the head then has no bound the raw
        text tells), and without a label a time of day's."""
        date = Search(DATE_DIGITS, folded=False)
        inner: Trigger = AllOf((Literals(self.keywords or ()), date))
        if self.time_alone:
            dated = AnyOf((date, Literals(DATE_WORDS)))
            inner = AnyOf((inner, AllOf((Search(_TIME, folded=False), dated))))
        if self.head_words or self.time_alone:
            return inner
        return AnyOf((InHead(self.top_blocks, inner), InTail(self.tail_words, inner)))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        noted = bool(blocks and blocks[0].kind == "front_matter") or crawl_source(doc)
        saved = noted or (self._region is not None and self._region.saved(doc.text))
        if not saved:
            return  # a post a generator, clipper or crawler wrote; a changelog's stamp stays
        tail = self._tail_start(doc, blocks)
        seen: set[int] = set()
        for block in [*blocks[: self._head_end(doc, blocks)], *blocks[tail:]]:
            node = self._stamp_block(doc, block, noted=noted)
            if block.index in seen or node is None:
                continue
            seen.add(block.index)
            start, end = doc.node_span(node)
            edit = remove_blocks(doc, node, node)
            yield Finding(start, end, edits=(edit,), applicability=safe_if(False))

    def _head_end(self, doc: Document, blocks: list[Node]) -> int:
        """The end of the page's head: its first ``top_blocks`` blocks, or with ``head_words``
        every block above its first paragraph of more than that many words (a short page's
        first blocks hold its article)."""
        if not self.head_words:
            return self.top_blocks
        for index, node in enumerate(blocks):
            skel = skeleton(doc, node) if node.kind == "paragraph" else None
            if skel is not None and words_besides_links(skel) > self.head_words:
                return index
        return self.top_blocks

    def _stamp_block(self, doc: Document, block: Node, *, noted: bool) -> Node | None:
        """The block's stamp line: the block itself, or the one item of a theme's short meta
        list ("* 28. 4. 2023, 18:41 Uhr", "* ![logo](...)"; "- 2019.04.19 20:00", "- 6,762")
        that is a stamp."""
        if block.kind not in LIST_KINDS:
            return block if self._stamp_line(doc, block, noted=noted) else None
        if not self.time_alone or len(block.children) > _META_LIST_ITEMS:
            return None
        return self._meta_list_stamp(doc, block, noted=noted)

    def _meta_list_stamp(self, doc: Document, block: Node, *, noted: bool) -> Node | None:
        """The one stamp item of a short list whose other items are counts or logos."""
        stamps = [
            item
            for item in block.children
            if len(item.children) == 1 and self._stamp_line(doc, item.children[0], noted=noted)
        ]
        if len(stamps) != 1 or not all(
            item is stamps[0] or _meta_item(doc, item) for item in block.children
        ):
            return None  # (a list of posts, their titles beside the date, is the article's)
        return stamps[0]

    def _stamp_line(self, doc: Document, node: Node, *, noted: bool = True) -> bool:
        """A paragraph of stamp labels and dates only, one of each at least, no link; with
        ``time_alone``, a date and a time of day, a label or none (on a page whose saver
        noted it, a labelled stamp is the label rule's)."""
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        if skel is None or skel.links or skel.images:
            return False
        text, labels = self._parts["label_phrases"].subn(" ", fold_width(skel.text))
        if self.time_alone:
            return not (labels and noted) and self._timestamp(text)
        if not labels:
            return False
        text = _AT.sub(" ", _TIME.sub(" ", text))  # its time of day ("Créé: 12.12.2019, 07h36")
        text, dates = self._parts["dates"].subn(" ", text)
        return bool(dates) and not _LEFTOVER.sub("", text)

    def _timestamp(self, text: str) -> bool:
        """A date and a time of day, a weekday before them perhaps, nothing else."""
        text, times = _TIME.subn(" ", text)
        if not times:
            return False
        if self._weekday is not None:
            text = self._weekday.sub(" ", text)
        text = _AT.sub(" ", text)
        text, dates = self._parts["dates"].subn(" ", text)
        return bool(dates) and not _LEFTOVER.sub("", text)
