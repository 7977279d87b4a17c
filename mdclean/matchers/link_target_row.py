"""``link-target-row``: a block of nothing but links whose every target is of a known kind.

For share buttons without a label: a row of icons linking to
``facebook.com/sharer``, ``twitter.com/intent/tweet``, ``?share=email``... The
targets are the rule's data (``targets``, regular expressions); the block is a
paragraph, list or HTML block that holds only links (see :mod:`.linkblocks`). A
link of another kind in the row keeps the block; so does any word outside the links,
unless ``max_label_words`` allows a short label in any language ("Paylaş:", "分享到：").
CJK and other scripts without spaces count one word per two characters, so a whole
sentence never passes for a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.regex_literals import required_literals
from ..fastpath.triggers import Among, Trigger
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import (
    Matcher,
    ParamError,
    any_pattern,
    compile_patterns,
    loosened,
)
from .fix_safety import safe_if
from .healed_links import healed_skeleton
from .linkblocks import (
    IMAGE,
    LINK,
    LIST_KINDS,
    Link,
    Skeleton,
    link_list,
    may_hold_links,
    raw_text,
    skeleton,
)
from .phrase_lists import fold_width, phrase_pattern, phrases_of
from .written_targets import targets_and_decoded

_BLOCK_KINDS = ("paragraph", "html_block", *LIST_KINDS)


class LinkTargetRowMatcher(Matcher):
    name = "link-target-row"
    params = MappingProxyType(
        {
            "targets": list,
            "target_lists": list,
            "keywords": list,
            "min_links": int,
            "max_label_words": int,
            "skip_labels": list,
            "safe_texts": list,
            "headings": bool,
            "labels": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        # The lists a rule names (``target_lists``: ``rules/phrases/share-endpoints.yaml``) and
        # its own ``targets``: one list of share endpoints serves every rule that reads them.
        written = phrases_of(params, "target_lists", "targets")
        if not written:
            raise ParamError("params.targets: no target patterns (give targets or target_lists)")
        targets = compile_patterns(written, "targets")
        if self.keywords is None:
            # A target holds one of these literals (derived, so a list can grow alone).
            self.keywords = required_literals(targets)
        self._targets = targets  # their alternation is compiled on first use (``targets``)
        self.targets_in_text = loosened(targets)
        self.min_links = int(params.get("min_links", 2))
        self.max_label_words = int(params.get("max_label_words", 0))
        self.skip_labels = any_pattern(
            compile_patterns(params.get("skip_labels", []), "skip_labels")
        )
        """Labels that make the row something else: "Source:" names where a post came from."""
        # Link texts that make a row certain: a theme's template ("View all posts by Jane Doe").
        texts = phrase_pattern(params, "safe_texts")
        self.safe_text = re.compile(rf"\W*(?:{texts})\W*", re.I) if texts else None
        # A heading that is one such link and nothing else: a converter keeps a theme's lone
        # share button ("### [Share](https://www.facebook.com/sharer/sharer.php?u=…)") as a
        # heading when the button sat in one.
        self.kinds = (*_BLOCK_KINDS, "heading") if params.get("headings") else _BLOCK_KINDS
        # The row's own label as the heading right above it ("## Partager cet article",
        # "###### Bu haberi paylaşın"): it goes with the row, the label and the targets two signs.
        labels = phrase_pattern(params, "labels")
        self.label = re.compile(rf"\W*(?:{labels})\W*", re.I) if labels else None

    @cached_property
    def targets(self) -> re.Pattern[str] | None:
        return any_pattern(self._targets)

    def trigger(self) -> Trigger:
        """A target of a known kind written in the text (see ``written_targets``), read as
        written and decoded (entities, escapes).

        Every target pattern holds a keyword (``keywords``), so only targets holding one
        are searched with the (slower) patterns. The keywords are looked for in the targets,
        not in the text: an entity may spell a keyword's letters there.
        """
        if self.targets_in_text is None:
            return self.keyword_trigger()
        return Among(targets_and_decoded, (self.targets_in_text,), self.keywords or ())

    def find(self, doc: Document) -> Iterator[Finding]:
        assert self.targets is not None
        for node in doc.nodes():
            if node.kind not in self.kinds or any(a.kind in LIST_KINDS for a in node.ancestors()):
                continue
            links = self._links(doc, node)
            if not links or len(links) < self.min_links:
                continue
            if all(self.targets.search(link.href) for link in links):
                first = self._row_label(doc, node)
                start, end = doc.node_span(first)[0], doc.node_span(node)[1]
                edits = (remove_blocks(doc, first, node),)
                yield Finding(start, end, edits=edits, applicability=self._safety(links))

    def _row_label(self, doc: Document, node: Node) -> Node:
        """The heading right above the row when it is the row's label alone; else the row."""
        above = node.previous_sibling
        if self.label is None or above is None or above.kind != "heading":
            return node
        skel = skeleton(doc, above)
        if skel is None or skel.links or skel.images:
            return node
        text = " ".join(fold_width(skel.visible).split())
        return above if self.label.fullmatch(text) else node

    def _safety(self, links: list[Link]) -> Applicability | None:
        """Safe when every link's text is a theme's template (``safe_texts``): the text and the
        address are two signs of the theme."""
        safe_text = self.safe_text
        if safe_text is None:
            return None
        texts = [" ".join(fold_width(link.text).split()) for link in links]
        return safe_if(all(safe_text.fullmatch(text) for text in texts))

    def _links(self, doc: Document, node: Node) -> list[Link] | None:
        """The block's links when it holds nothing else, or nothing but a short label."""
        if node.kind in LIST_KINDS:
            links = link_list(doc, node)
            if links is None and self.max_label_words > 0:
                return self._labelled_list_links(doc, node)
            return links
        if node.kind == "heading":
            return _heading_links(doc, node)
        if self.max_label_words <= 0:
            return link_list(doc, node)
        if node.kind == "paragraph" and not may_hold_links(raw_text(doc, node)):
            return None
        # (read healed: html2text wraps a share button's long target and keeps its spaces)
        skel = healed_skeleton(doc, node)
        return skel.links if skel is not None and self._labelled_row(skel) else None

    def _labelled_row(self, skel: Skeleton) -> bool:
        """Links enough, all of the targets (``find`` asks no more), and a short label at most:
        the targets first, far cheaper than counting the words of a long paragraph."""
        assert self.targets is not None
        return (
            len(skel.links) >= max(self.min_links, 1)
            and all(self.targets.search(link.href) for link in skel.links)
            and label_words(skel.text.translate(_PLACEHOLDERS)) <= self.max_label_words
            and not (self.skip_labels and self.skip_labels.search(skel.text))
        )

    def _labelled_list_links(self, doc: Document, node: Node) -> list[Link] | None:
        """The links of a list whose first item is a short label ("标签:", "Tags:") and whose
        other items are links only, as a theme's tag list converts."""
        label, *items = node.children
        skel = skeleton(doc, label.children[0]) if len(label.children) == 1 else None
        if (
            not items
            or skel is None
            or skel.links
            or label_words(skel.text.translate(_PLACEHOLDERS)) > self.max_label_words
        ):
            return None
        links: list[Link] = []
        for item in items:
            # One paragraph of links each; a separator may trail it ("[keras](/tag/keras) ,").
            only = skeleton(doc, item.children[0]) if len(item.children) == 1 else None
            if only is None or not only.link_only:
                return None
            links.extend(only.links)
        return links


def _heading_links(doc: Document, node: Node) -> list[Link] | None:
    """The links of a heading that is links alone: a heading holds no label."""
    skel = skeleton(doc, node)
    return skel.links if skel is not None and skel.link_only else None


_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_PLACEHOLDERS = {ord(LINK): " ", ord(IMAGE): " "}
_WORD = re.compile(r"[^\W_]+")


def label_words(text: str) -> int:
    """Words of a label: one per word of spaced scripts, one per two characters of CJK or Thai."""
    spaceless = len(_SPACELESS.findall(text))
    return len(_WORD.findall(_SPACELESS.sub(" ", text))) + (spaceless + 1) // 2
