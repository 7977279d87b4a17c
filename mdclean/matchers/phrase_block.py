"""``phrase-block``: a block whose whole text is a known widget phrase, or a box that starts and ends with one.

Without ``ends``, one block goes: "Like Loading...", "Leave a reply", a lone
"[Subscribe now](...)" button. With ``ends``, a box goes: a block matching the
phrases (a "Newsletters" heading, "Get the latest news delivered every day"),
at most ``max_between`` short blocks, then one or more blocks matching ``ends``
(the call to action: "Subscribe", "See all"). No end in reach: nothing is found,
so a heading that merely mentions newsletters keeps its section. With ``end_links`` (beside
``ends``), a block that is one link to one of those targets is a call to action too, whatever
its words (a button to a mailing-list service's sign-up form). An end is read without the
attribute lists a converter left on it ("Subscribe {#subscribe-submit}"), and a list of one
item as its item ("* indicates required"). With ``link_targets``, a matching block counts only
when one of its links leads to one of them (a pitch whose link is a mailing list's sign-up form).
Phrases match the whole text a reader sees (link texts included), ignoring case.
With ``row``, a row of buttons goes: two or more phrases, each the text of a link. With
``tail_section``, a matching heading whose section runs to the page's end in short
paragraphs only (a cookie settings box: its options and their descriptions) takes them along.
With ``whole_quote``, a matching block that opens a quote of short paragraphs takes
the quote with it: the quote is one notice, and its later sentences belong to it.
With ``sentences``, the block is one or more phrases, each a whole sentence, one of
them from the ``asks`` lists: an outro whose every sentence asks the reader to follow,
share or comment ("Thanks for reading! Please leave your comments below."); one sentence of
anything else keeps it, and so does a block that only thanks the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import any_pattern, compile_patterns
from .clipped_references import with_clipped_links
from .fix_safety import safe_if
from .healed_reading import healed_heading_skeleton, healed_last
from .label_shapes import Shape, label_shape
from .linkblocks import LIST_KINDS, Skeleton, heading_level, raw_text, skeleton
from .phrase_lists import fold_width, phrase_pattern
from .phrases import PhraseMatcher

BLOCK_KINDS = ("paragraph", "html_block", "heading")
# The brackets of a link inside a phrase, where a space stands beside them (the rough text
# has dropped its target): "Posted by [Jane] at 13:20" reads "Posted by Jane at 13:20".
_LINK_BRACKETS = re.compile(r"(?<=\s)!?\[|\](?=\s)")
# An attribute list that kramdown or pandoc left as text ("Subscribe {#subscribe-submit}",
# "{.wp-block-button}"): the form's ids and classes, not words a reader sees.
_ATTRIBUTE_LIST = re.compile(r"\s*\{[#.][\w:.-]*(?:\s+[#.]?[\w:.-]+(?:=\S*)?)*\}")
_SHORT_WORDS = 40


class PhraseBlockMatcher(PhraseMatcher):
    name = "phrase-block"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "ends": list,
            "end_labels": list,
            "end_links": list,
            "link_targets": list,
            "safe_link_targets": list,
            "safe_phrases": list,
            "safe_labels": list,
            "safe_unlinked": bool,
            "keywords": list,
            "max_between": int,
            "max_words": int,
            "link_only": bool,
            "whole_quote": bool,
            "min_links": int,
            "row": bool,
            "tail_section": bool,
            "sentences": bool,
            "list_lead_ins": bool,
            "asks": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._end_phrases = phrase_pattern(params, "ends", "end_labels")
        # A button whose target is a sign-up form ends a box whatever its words ("[Join →](…)").
        self._end_links = any_pattern(compile_patterns(params.get("end_links", []), "end_links"))
        # A pitch proves itself a widget by where its link leads (a mailing list's sign-up form).
        self._link_targets = any_pattern(
            compile_patterns(params.get("link_targets", []), "link_targets")
        )
        # A widget whose every link leads to such an address is certain: its fix is safe.
        self._safe_link_targets = any_pattern(
            compile_patterns(params.get("safe_link_targets", []), "safe_link_targets")
        )
        # A widget whose whole text is one of these phrases, with a link, is certain.
        self._safe_phrases = phrase_pattern(params, "safe_phrases", "safe_labels")
        # A block without links may be safe too, by a template's exact words alone.
        self.safe_unlinked = bool(params.get("safe_unlinked", False))
        self.max_between = int(params.get("max_between", 3))
        self.max_words = int(params.get("max_words", _SHORT_WORDS))
        # Only a block that is one link (a button), not the same words in a sentence.
        self.link_only = bool(params.get("link_only", False))
        # A block this long cannot be a short widget even with long link targets in its source.
        self.max_chars = self.max_words * 20 + 2000
        # A site footer is its nav links plus the notice; the notice alone may be the author's.
        self.min_links = int(params.get("min_links", 0))
        # A disclosure set in a quote is one box: its later paragraphs are the same notice.
        self.whole_quote = bool(params.get("whole_quote", False))
        # A row of buttons: two or more phrases, each a link, and nothing else.
        self.row = bool(params.get("row", False))
        # A settings box whose heading matches: its short lines to the page's end go with it.
        self.tail_section = bool(params.get("tail_section", False))
        # Every sentence a phrase, one of them an ask: the block is the outro's call to action.
        self.sentences = bool(params.get("sentences", False))
        # Asks right above a list lead into it ("see the other parts:"); an offer does not.
        self.list_lead_ins = bool(params.get("list_lead_ins", True))
        self._asks = phrase_pattern(params, "asks", "ask_labels")

    # Compiled on first use, as ``probe`` is.
    @cached_property
    def start(self) -> re.Pattern[str]:
        if self.sentences:
            return whole_sentences(self.labels, self._asks or self.labels)
        return _row(self.labels) if self.row else _whole(self.labels)

    @cached_property
    def end(self) -> re.Pattern[str] | None:
        return _whole(self._end_phrases) if self._end_phrases else None

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        if params.get("row", False) or params.get("sentences", False):
            return None  # more phrases follow the first: the parse tells the rest
        return label_shape(
            self.labels, r"[\W_]*", whole=True
        )  # the phrase is the block's whole text

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in self.blocks_to_probe(doc, *BLOCK_KINDS):
            if not self._may_match_block(doc, node, rough):
                continue  # no inline parse needed
            skel = self._matching(doc, node, self.start)
            if skel is None or not self._is_widget(skel) or self._leads_in(doc, node):
                continue
            blocks = self._widget_blocks(doc, node)
            if blocks is not None:
                first, last = blocks
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                edits = (remove_blocks(doc, first, last),)
                yield Finding(start, end, edits=edits, applicability=self._safety(skel))

    def _safety(self, skel: Skeleton) -> Applicability | None:
        """Safe when the widget's block has links and every one leads to ``safe_link_targets``,
        or its whole text is one of ``safe_phrases`` (with ``safe_unlinked``, links or none)."""
        if not skel.links:
            return safe_if(self.safe_unlinked and self._is_safe_text(skel))
        targets = self._safe_link_targets
        if targets is not None and all(targets.search(link.href) for link in skel.links):
            return Applicability.SAFE
        return safe_if(self._is_safe_text(skel))

    def _is_safe_text(self, skel: Skeleton) -> bool:
        return (
            self._safe_whole is not None
            and self._safe_whole.fullmatch(self.visible_text(skel)) is not None
        )

    @cached_property
    def _safe_whole(self) -> re.Pattern[str] | None:
        return _whole(self._safe_phrases) if self._safe_phrases else None

    def _may_match_block(self, doc: Document, node: Node, rough: str) -> bool:
        """Whether the block is short enough, and the phrase's words are in its rough text:
        as written, or with link brackets dropped, as a reader sees a phrase a link splits
        ("[Log in](…) to leave a comment")."""
        if len(raw_text(doc, node)) > self.max_chars:
            return False
        folded = fold_width(rough)
        return bool(self.probe.match(folded)) or (
            "]" in folded and bool(self.probe.match(_LINK_BRACKETS.sub("", folded)))
        )

    def _is_widget(self, skel: Skeleton) -> bool:
        """Whether a matching block has the links a widget needs: one alone with ``link_only``,
        one to ``link_targets``, at least ``min_links``."""
        if self.link_only and not (skel.link_only and len(skel.links) == 1):
            return False
        if self.row and not (skel.link_only and len(skel.links) >= 2):
            return False
        if self._link_targets is not None and not any(
            self._link_targets.search(link.href) for link in skel.links
        ):
            return False
        return len(skel.links) >= self.min_links

    def _leads_in(self, doc: Document, node: Node) -> bool:
        """Whether an outro's asks open the page, or lead into the list after them ("If this
        helped, see the other parts:"): the asks then belong to that list, and go only with it."""
        if not self.sentences:
            return False
        if doc.root.children and doc.root.children[0] is node:
            return True  # the page opens with it: no article closes there
        following = node.next_sibling
        return self.list_lead_ins and following is not None and following.kind in LIST_KINDS

    def _widget_blocks(self, doc: Document, node: Node) -> tuple[Node, Node] | None:
        """The first and last blocks of the widget that the matching ``node`` opens: up to its
        box's end (None when no end comes), or the quote it opens."""
        if self.end is None:
            # (a heading html2text wrapped takes its rest along: ``healed_reading``)
            last = (self.tail_section and _short_tail_section_end(doc, node)) or healed_last(
                doc, node
            )
        else:
            box_end = self._box_end(doc, node)
            if box_end is None:
                return None
            last = box_end
        quote = self._quote_opened(doc, node) if self.whole_quote and last is node else None
        return (quote, quote) if quote is not None else (node, last)

    def _quote_opened(self, doc: Document, node: Node) -> Node | None:
        """The quote ``node`` opens, when the rest of it is short text too (the box's other sentences)."""
        quote = node.parent
        if (
            quote is None
            or quote.kind != "blockquote"
            or quote.children[0] is not node
            or len(quote.children) < 2
        ):
            return None
        words = 0
        for child in quote.children:
            skel = skeleton(doc, child) if child.kind == "paragraph" else None
            if skel is None:
                return None
            words += skel.words()
        return quote if words <= self.max_words else None

    def _matching(self, doc: Document, node: Node, pattern: re.Pattern[str]) -> Skeleton | None:
        if node.kind not in BLOCK_KINDS:
            return None
        skel = healed_heading_skeleton(doc, node)  # (html2text's wraps healed: ``healed_reading``)
        if skel is None or skel.words() > self.max_words:
            return None
        skel = with_clipped_links(skel)
        return skel if pattern.fullmatch(self.visible_text(skel)) else None

    def visible_text(self, skel: Skeleton) -> str:
        """The block's text as the phrases read it: what a reader sees, spaces folded."""
        return fold_width(" ".join(skel.visible.split()))

    def _box_end(self, doc: Document, start: Node) -> Node | None:
        """The last call to action of the box that ``start`` opens, if one comes soon enough."""
        assert self.end is not None
        node, between, last = start.next_sibling, 0, None
        while node is not None:
            if self._is_box_end(doc, node):
                last = node
            elif last is not None:
                break
            else:
                skel = skeleton(doc, node) if _inside_box(doc, start, node) else None
                between += 1
                if skel is None or skel.words() > _SHORT_WORDS or between > self.max_between:
                    return None
            node = node.next_sibling
        return last

    def _is_box_end(self, doc: Document, node: Node) -> bool:
        """Whether the block is a call to action that may end a box: its whole text, without the
        attribute lists a converter left ("Subscribe {#subscribe-submit}"), is an end phrase; a
        list of one short item counts as its item ("* indicates required" under a form)."""
        assert self.end is not None
        if node.kind in LIST_KINDS and len(node.children) == 1 and node.children[0].children:
            item = node.children[0].children
            node = item[0] if len(item) == 1 else node
        if node.kind not in BLOCK_KINDS:
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.words() > self.max_words:
            return False
        if _one_link_to(skel, self._end_links):
            return True
        text = _ATTRIBUTE_LIST.sub("", self.visible_text(with_clipped_links(skel)))
        return bool(self.end.fullmatch(text))


def _one_link_to(skel: Skeleton, targets: re.Pattern[str] | None) -> bool:
    """Whether the block is one link and nothing else, to one of these targets."""
    return (
        targets is not None
        and skel.link_only
        and len(skel.links) == 1
        and targets.search(skel.links[0].href) is not None
    )


def _inside_box(doc: Document, start: Node, node: Node) -> bool:
    """Whether a block between a box's opener and its button may belong to it: any block but a
    heading, or a heading under the opening heading (the box's subtitle)."""
    if node.kind != "heading":
        return True
    return start.kind == "heading" and heading_level(doc, node) > heading_level(doc, start)


_SECTION_LINE_WORDS = 25
_SECTION_BLOCKS = 12


def _short_tail_section_end(doc: Document, heading: Node) -> Node | None:
    """The last block of the section ``heading`` opens, when that section runs to the end of
    the page and holds only short paragraphs (a consent box's options and their one-line
    descriptions); None otherwise."""
    if heading.kind != "heading" or heading.parent is None or heading.parent.kind != "root":
        return None
    last, count = None, 0
    node = heading.next_sibling
    while node is not None:
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        count += 1
        if skel is None or skel.words() > _SECTION_LINE_WORDS or count > _SECTION_BLOCKS:
            return None
        last, node = node, node.next_sibling
    return last


def _row(phrases: str) -> re.Pattern[str]:
    """Phrases, two or more of them, that fill the block's text between punctuation."""
    return re.compile(rf"[\W_]*(?:(?:{phrases})[\W_]*){{2,}}", re.IGNORECASE)


@lru_cache(maxsize=8)  # one per rule: a worker builds its rules again, the pattern is long
def whole_sentences(phrases: str, asks: str) -> re.Pattern[str]:
    """Phrases that fill the block's text, each a sentence between punctuation, one an ask."""
    sentence = rf"(?:{phrases})[\W_]*"
    return re.compile(rf"[\W_]*(?:{sentence})*?(?:{asks})[\W_]*(?:{sentence})*", re.IGNORECASE)


def _whole(phrases: str) -> re.Pattern[str]:
    """Phrases that must be the block's whole text, give or take punctuation around them."""
    return re.compile(rf"[\W_]*(?:{phrases})[\W_]*", re.IGNORECASE)
