"""``labelled-line``: a paragraph that is only a label and links, such as ``**Also:** [Headline](url)``.

The label comes from phrase lists (``Also``, ``Read more``, ``Share this``,
``Tags``); after it and its colon, nothing may stand but links (and, with
``images: true``, icons) and the separators between them. A sentence that goes
on after its links is prose and stays. The paragraph goes whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import any_pattern, compile_patterns
from .clipped_references import with_clipped_links
from .fix_safety import manual_links, safe_if
from .label_shapes import Shape, label_shape
from .linkblocks import IMAGE, LINK, SEPARATORS, Skeleton, is_source_file_link, skeleton
from .phrase_lists import fold_width
from .phrases import PhraseMatcher


class LabelledLineMatcher(PhraseMatcher):
    name = "labelled-line"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "images": bool,
            "min_links": int,
            "colon": bool,
            "alone_in_tail": bool,
            "alone_only": bool,
            "after_text": bool,
            "manual_links_stay": bool,
            "safe_link_targets": list,
            "link_targets": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._colon = r"\s*[:：]" if params.get("colon", True) else r"\s*[:：]?"
        # Icons count as items of a share row; in a promo line an image is not a headline.
        self.images = bool(params.get("images", False))
        self.min_links = int(params.get("min_links", 1))
        # A text clipper drops the icons and keeps the label: alone, it is the row's remnant
        # only among the page's last short lines ("Share this:", "Like this:", "Loading...").
        self.alone_in_tail = bool(params.get("alone_in_tail", False))
        # A button's caption ("Subscribe now") is chrome alone; with links after it, other rules judge.
        self.alone_only = bool(params.get("alone_only", False))
        # A caption under a heading is a manual naming its buttons; the widget follows the text.
        self.after_text = bool(params.get("after_text", False))
        # A label over a manual's pages ("Lesen Sie auch: [..](https://docs.…)", "../setup") is
        # the manual's own cross-reference, not a promotion: the line stays.
        self.manual_links_stay = bool(params.get("manual_links_stay", False))
        # A line whose every link leads to such an address (a theme's category page) is certain.
        self._safe_link_targets = any_pattern(
            compile_patterns(params.get("safe_link_targets", []), "safe_link_targets")
        )
        # Only a line whose every link leads to such an address is the rule's (a byline's names
        # linking the author's archive: "Par [Jeanne Roux](/auteur/jeanne-roux/)").
        self._link_targets = any_pattern(
            compile_patterns(params.get("link_targets", []), "link_targets")
        )

    @cached_property
    def label(self) -> re.Pattern[str]:
        """Compiled on first use (as ``probe``): a run that only asks the trigger never needs it."""
        # The label, then what follows it (no word): the regex tries each phrase until the line
        # fits, so "Subscribe to my channel" is not read as "Subscribe" and a sentence.
        return re.compile(
            rf"\s*(?:{self.labels}){self._colon}(?P<rest>[\W{_LINK_MARK}{_IMAGE_MARK}]*)",
            re.IGNORECASE,
        )

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        if params.get("alone_only", False):
            # A caption alone: the label, then separators only, fills the block.
            return label_shape(self.labels, r"[\W_]*", whole=True)
        # Only the colon is sure: what follows it (links, icons) is told by the parse.
        return (
            label_shape(self.labels, r"\s*[:：]", whole=False)
            if params.get("colon", True)
            else None
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in self.blocks_to_probe(doc, "paragraph", "html_block"):
            if not self.probe.match(fold_width(rough)):
                continue  # the label's words are not there: no inline parse needed
            if self._is_labelled_line(doc, node):
                start, end = doc.node_span(node)
                yield Finding(
                    start,
                    end,
                    edits=(remove_blocks(doc, node),),
                    applicability=self._safety(doc, node),
                )

    def _is_labelled_line(self, doc: Document, node: Node) -> bool:
        """Whether the block is a label and its colon, then only links (or icons) and separators:
        enough of them, or none where the label stands alone in the page's tail."""
        skel = skeleton(doc, node)
        if skel is None:
            return False
        skel = with_clipped_links(skel)
        # White space collapsed, as the fast path's guess of a line reads it (and phrase-block).
        text = " ".join(fold_width(skel.text).split())
        # A link or image stands as a letter while the label is matched: a label's ``\W*`` must
        # not run over it (the trigger reads the raw line, where the link is words).
        label = self.label.fullmatch(text.replace(LINK, _LINK_MARK).replace(IMAGE, _IMAGE_MARK))
        if label is None:
            return False
        rest = text[label.start("rest") :]
        items = rest.count(LINK) + (rest.count(IMAGE) if self.images else 0)
        leftover = rest.replace(LINK, "").replace(IMAGE, "" if self.images else "x")
        # A theme may end the line with a full stop ("Posted in [News](…).").
        if SEPARATORS.sub("", leftover.rstrip().removesuffix(".")):
            return False
        if items >= self.min_links and not self.alone_only:
            return not self._own_cross_reference(skel) and self._targets_fit(skel)
        return items == 0 and self._alone_in_tail(doc, node)

    def _own_cross_reference(self, skel: Skeleton) -> bool:
        """ "Read also: [Frontend README](./frontend/README.md)": a repository's own
        cross-reference (a page converted from the web never links to .md sources); with
        ``manual_links_stay``, also a manual's ("Lesen Sie auch: [..](https://docs.…)")."""
        hrefs = [link.href for link in skel.links]
        if hrefs and all(is_source_file_link(href) for href in hrefs):
            return True
        return self.manual_links_stay and manual_links(hrefs)

    def _targets_fit(self, skel: Skeleton) -> bool:
        """Whether every link leads to an address of ``link_targets`` (any, without them)."""
        targets = self._link_targets
        return targets is None or all(targets.search(link.href) for link in skel.links)

    def _safety(self, doc: Document, node: Node) -> Applicability | None:
        targets = self._safe_link_targets
        if targets is None:
            return None
        skel = skeleton(doc, node)
        links = skel.links if skel is not None else []
        return safe_if(bool(links) and all(targets.search(link.href) for link in links))

    def _alone_in_tail(self, doc: Document, node: Node) -> bool:
        """Whether a label standing alone is the remnant of a widget: among the page's last
        short lines (and, with ``after_text``, after the page's text rather than a heading)."""
        if not self.alone_in_tail or not in_short_tail(doc, node):
            return False
        return not self.after_text or follows_text(doc, node)


TAIL_WORDS = 6
_LINK_MARK = "\ua7ff"
_IMAGE_MARK = "\ua7fb"
"""Letters no phrase holds, standing for ``LINK`` and ``IMAGE`` while a label is matched."""


def follows_text(doc: Document, node: Node) -> bool:
    """Whether the short lines before ``node`` follow the page's text (or start it), not a heading."""
    previous = node.previous_sibling
    while previous is not None and previous.kind == "paragraph":
        skel = skeleton(doc, previous)
        if skel is None or skel.words() > TAIL_WORDS:
            return True
        previous = previous.previous_sibling
    return previous is None or previous.kind != "heading"


def in_short_tail(doc: Document, node: Node) -> bool:
    """Whether ``node`` is a top-level block that only short lines follow to the page's end."""
    if node.parent is None or node.parent.kind != "root":
        return False
    following = node.next_sibling
    while following is not None:
        skel = skeleton(doc, following) if following.kind in ("paragraph", "heading") else None
        if skel is None or skel.words() > TAIL_WORDS:
            return False
        following = following.next_sibling
    return True
