"""``code-button-caption``: a code block's button caption that a converter kept as text.

Blog platforms and docs themes put a "Copy" button on every code block (Hashnode's
"COPY", "Copy code", "复制代码", "コピー"). A converter or clipper that keeps the button's
caption leaves it as a paragraph of its own right before or after the block. Such a
paragraph, whose whole text is one of the captions (``rules/phrases/code-buttons.yaml``)
and which stands next to a code block, goes; the same word anywhere else stays (a step
that says "Copy", a table of buttons).
"""

from __future__ import annotations

from ..document import Document, Node
from .phrase_block import PhraseBlockMatcher


def _beside_code(node: Node) -> bool:
    """Whether a code block (fenced or indented) comes right before or after the block."""
    return any(
        sibling is not None and sibling.is_code
        for sibling in (node.previous_sibling, node.next_sibling)
    )


class CodeButtonMatcher(PhraseBlockMatcher):
    name = "code-button-caption"

    def _widget_blocks(self, doc: Document, node: Node) -> tuple[Node, Node] | None:
        if node.kind != "paragraph" or not _beside_code(node):
            return None
        return node, node
