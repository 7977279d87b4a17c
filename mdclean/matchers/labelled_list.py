"""``labelled-list``: a related-links farm, a label such as "Also read:" or "Related posts" and the links under it.

The label is a block of its own (a paragraph, an HTML ``<span>``, a heading)
whose whole text is a phrase from the rule's lists; what follows it is a list
of links, an HTML list of links, or a run of paragraphs that are only links.
Label and links go together. A label with no link list after it is left alone,
and so is a list under a content title ("See also", "References"), which the
phrase lists do not name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .linkblocks import LIST_KINDS, Link, is_external, link_list, rough_texts, skeleton
from .phrases import PhraseMatcher, Shape, fold_width, label_shape

_LABEL_KINDS = ("paragraph", "html_block", "heading")


class LabelledListMatcher(PhraseMatcher):
    name = "labelled-list"
    params = {
        **PhraseMatcher.params,
        "min_links": int,
    }

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        labels = self.labels
        self.label = re.compile(rf"\W*(?:{labels})\s*[:：]?\W*", re.IGNORECASE)
        self.min_links = int(params.get("min_links", 1))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return label_shape(self.labels, r"[\W_]*", whole=True)  # the label is a block of its own

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in rough_texts(doc, *_LABEL_KINDS):
            if not self.probe.match(fold_width(rough)):
                continue  # the label's words are not there: no inline parse needed
            skel = skeleton(doc, node)
            if skel is None or skel.links or not self.label.fullmatch(fold_width(skel.text)):
                continue
            last, links = self._links_after(doc, node)
            if last is None or len(links) < self.min_links:
                continue
            start = doc.node_span(node)[0]
            end = doc.node_span(last)[1]
            # Links within the site ("Read more" over relative links) may be a docs page's own
            # further reading: a guess, so the fix waits for --unsafe-fixes.
            guess = not all(is_external(link.href) for link in links)
            yield Finding(
                start,
                end,
                edits=(remove_blocks(doc, node, last),),
                applicability=Applicability.UNSAFE if guess else None,
            )

    def _links_after(self, doc: Document, label: Node) -> tuple[Node | None, list[Link]]:
        """The last block of the link list that follows the label, and the links it holds."""
        last: Node | None = None
        found: list[Link] = []
        node = label.next_sibling
        while node is not None:
            links = link_list(doc, node)
            if links is None:
                break
            last = node
            found.extend(links)
            if node.kind in LIST_KINDS or node.kind == "html_block":
                break  # one list is the farm; a second list is something else
            node = node.next_sibling
        return last, found
