"""``share-row-companions``: a share row whose networks' links stand with a print, e-mail or
copy-link button.

``link-target-row`` (BP013) takes a block whose every link is a share endpoint; a theme's row
often holds one or two buttons more that lead nowhere a rule can name: "Print" to the page's
own ``#``, "Email" to Cloudflare's ``/cdn-cgi/l/email-protection#…`` (the address it hides
from harvesters), "Copy link". Such a row keeps its block under BP013. Here a block of nothing
but links goes when at least ``min_targets`` of them are share endpoints (``targets``: the
first signal, exact) and every other one is a companion: its text is a button's caption
(``companions``: "Imprimer", "Partager par e-mail", "Link kopieren"), or its target is one of
``companion_targets`` (the e-mail protection, ``mailto:``, the page's own
``#``) under a caption of ``max_caption_words`` words at most. A row of share endpoints alone
is BP013's: a companion must stand in the row.

The fix is safe when every companion's caption is a known one (two signals for each link);
a companion told by its target alone leaves it unsafe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import compile_patterns
from .fix_safety import safe_if
from .link_target_row import LinkTargetRowMatcher, label_words
from .linkblocks import LIST_KINDS, Link, link_list
from .phrase_lists import fold_width, phrase_pattern

_BLOCK_KINDS = ("paragraph", *LIST_KINDS)


class ShareRowCompanionsMatcher(LinkTargetRowMatcher):
    name = "share-row-companions"
    params = MappingProxyType(
        {
            **LinkTargetRowMatcher.params,
            "companions": list,
            "companion_targets": list,
            "safe_targets": list,
            "min_targets": int,
            "max_caption_words": int,
        }
    )
    required = frozenset({"companions"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        captions = phrase_pattern(params, "companions")
        # A caption may be printed twice (a button's text and its tooltip): "Imprimer Imprimer".
        self.caption = re.compile(rf"\W*(?:{captions})(?:\W+(?:{captions}))*\W*", re.I)
        targets = compile_patterns(params.get("companion_targets", []), "companion_targets")
        self.companion_targets = targets
        self.safe_targets = compile_patterns(params.get("safe_targets", []), "safe_targets")
        self.min_targets = int(params.get("min_targets", 2))
        self.max_caption_words = int(params.get("max_caption_words", 3))

    # The trigger is link-target-row's: a share endpoint written in the text, which every
    # finding holds ``min_targets`` of.

    def find(self, doc: Document) -> Iterator[Finding]:
        assert self.targets is not None
        for node in doc.nodes():
            if node.previous_sibling is not None or node.kind == "list_item":
                continue  # each run of siblings is read once, from its container's first child
            if any(a.kind in LIST_KINDS for a in node.ancestors()):
                continue
            yield from self._runs(doc, node)

    def _runs(self, doc: Document, first: Node) -> Iterator[Finding]:
        """The runs of sibling blocks from ``first`` on whose links are all share endpoints or
        companions; a run that holds enough endpoints and a companion goes."""
        run: list[tuple[Node, list[bool | None]]] = []
        node: Node | None = first
        while node is not None:
            verdicts = self._block(doc, node)
            if verdicts is not None:
                run.append((node, verdicts))
            else:
                yield from self._finding(doc, run)
                run = []
            node = node.next_sibling
        yield from self._finding(doc, run)

    def _block(self, doc: Document, node: Node) -> list[bool | None] | None:
        """Per link of a block of links only: None for a share endpoint, True or False for a
        companion (``_companion``); None for the block when it is anything else."""
        if node.kind not in _BLOCK_KINDS:
            return None
        links = link_list(doc, node)
        if not links:
            return None
        assert self.targets is not None
        verdicts: list[bool | None] = []
        for link in links:
            if self.targets.search(link.href):
                verdicts.append(None)
                continue
            companion = self._companion(link)
            if companion is None:
                return None
            verdicts.append(companion)
        return verdicts

    def _finding(
        self, doc: Document, run: list[tuple[Node, list[bool | None]]]
    ) -> Iterator[Finding]:
        verdicts = [verdict for _, block in run for verdict in block]
        companions = [verdict for verdict in verdicts if verdict is not None]
        if not companions or len(verdicts) - len(companions) < self.min_targets:
            return  # no companion (BP013's row), or too few share endpoints
        first, last = run[0][0], run[-1][0]
        start, end = doc.node_span(first)[0], doc.node_span(last)[1]
        edits = (remove_blocks(doc, first, last),)
        yield Finding(start, end, edits=edits, applicability=safe_if(all(companions)))

    def _companion(self, link: Link) -> bool | None:
        """True when the link's caption is a known button's, or its target is one only a share
        button has (``safe_targets``: Cloudflare's hidden e-mail share); False when only its
        target is a companion's (under a short caption); None when it is no companion."""
        text = " ".join(fold_width(link.text).split())
        if text and self.caption.fullmatch(text):
            return True
        if label_words(text) > self.max_caption_words:
            return None
        href = link.href.strip()
        if any(pattern.search(href) for pattern in self.safe_targets):
            return True
        if any(pattern.search(href) for pattern in self.companion_targets):
            return False
        return None
