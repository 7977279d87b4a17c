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

from ..document import Document
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
            "min_targets": int,
            "max_caption_words": int,
        }
    )
    required = frozenset({"targets", "companions"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        captions = phrase_pattern(params, "companions")
        # A caption may be printed twice (a button's text and its tooltip): "Imprimer Imprimer".
        self.caption = re.compile(rf"\W*(?:{captions})(?:\W+(?:{captions}))*\W*", re.I)
        targets = compile_patterns(params.get("companion_targets", []), "companion_targets")
        self.companion_targets = targets
        self.min_targets = int(params.get("min_targets", 2))
        self.max_caption_words = int(params.get("max_caption_words", 3))

    # The trigger is link-target-row's: a share endpoint written in the text, which every
    # finding holds ``min_targets`` of.

    def find(self, doc: Document) -> Iterator[Finding]:
        assert self.targets is not None
        for node in doc.nodes():
            if node.kind not in _BLOCK_KINDS or any(a.kind in LIST_KINDS for a in node.ancestors()):
                continue
            links = link_list(doc, node)
            if not links or len(links) <= self.min_targets - 1:
                continue
            others = [link for link in links if not self.targets.search(link.href)]
            if not others or len(links) - len(others) < self.min_targets:
                continue  # no companion (BP013's row), or too few share endpoints
            verdicts = [self._companion(link) for link in others]
            if all(verdict is not None for verdict in verdicts):
                start, end = doc.node_span(node)
                edits = (remove_blocks(doc, node),)
                yield Finding(start, end, edits=edits, applicability=safe_if(all(verdicts)))

    def _companion(self, link: Link) -> bool | None:
        """True when the link's caption is a known button's; False when only its target is a
        companion's (under a short caption); None when it is no companion."""
        text = " ".join(fold_width(link.text).split())
        if text and self.caption.fullmatch(text):
            return True
        if label_words(text) > self.max_caption_words:
            return None
        href = link.href.strip()
        if any(pattern.search(href) for pattern in self.companion_targets):
            return False
        return None
