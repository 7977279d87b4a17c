"""``embed-chrome``: the chrome a GitHub gist embed leaves around its code once converted.

A blog that embeds a gist (WordPress's ``[gist]`` shortcode, Medium, Ghost, Blogger's
script tag) prints GitHub's embed template around the file: a footer "view raw · FILE ·
hosted with ❤ by GitHub" (``[view raw](https://gist.github.com/…/raw/…)``, ``[FILE](https://gist.github.com/…#file-…)``,
``[GitHub](https://github.com)``), and, above a file that holds invisible or bidirectional
characters, GitHub's warning "This file contains hidden or bidirectional Unicode text…" with
its "Learn more about bidirectional Unicode characters" link (``github.co/hiddenchars``) and
its "Show hidden characters" button (whose address the converter keeps as the unexpanded
template ``{{ revealButtonHref }}``). These strings are GitHub's (the embed is not
translated); the code itself stays.

A paragraph that is the footer or the warning goes; at the top level, the footer's lines go
out of a paragraph that holds more (a text dump glues "view rawapp.rb hosted with ❤ by GitHub"
to the next sentence's line). Code blocks are never read.

The fix is safe where the footer's links are the gist's own addresses, or the warning holds
GitHub's link or button template; the words alone ("view raw", "hosted with ❤ by GitHub" in
plain text) are GitHub's exact template too, so they are safe as well, but a warning without
its link (a post quoting it) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks, remove_lines
from .base import Matcher
from .linkblocks import raw_text

_GIST = r"https?://gist\.github(?:usercontent)?\.com/[^()\s]+"
_HEART = r"(?:❤️?|❤︎|♥|&#10084;|&hearts;)"
_FOOTER = re.compile(
    rf"^[ \t]*(?:\[view raw\]\({_GIST}\)|view raw)[ \t]*\n?[ \t]*"
    rf"(?:\[[^\]\n]{{1,200}}\]\({_GIST}\)|[^\s\[\]()]{{1,200}}?)?[ \t]*\n?[ \t]*"
    rf"hosted with {_HEART} by (?:\[GitHub\]\(https?://github\.com/?\)|GitHub)[ \t]*$",
    re.MULTILINE,
)
_BIDI = re.compile(
    r"\s*This file contains (?:hidden or )?bidirectional Unicode text that may be interpreted"
    r" or compiled differently than what appears below\. To review, open the file in an editor"
    r" that reveals hidden Unicode characters\.\s*"
    r"\[Learn more about bidirectional Unicode characters\]\(https?://github\.co/hiddenchars/?\)"
    r"(?:\s*\[Show hidden characters\]\([^()\s]*revealButtonHref[^()\s]*\))?\s*"
)
_SHOW_HIDDEN = re.compile(r"\s*\[Show hidden characters\]\([^()\s]*revealButtonHref[^()\s]*\)\s*")


class EmbedChromeMatcher(Matcher):
    name = "embed-chrome"
    params = MappingProxyType({"keywords": list})
    required = frozenset({"keywords"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.nodes():
            if node.kind == "paragraph":
                yield from _chrome(doc, node)


def _chrome(doc: Document, node: Node) -> Iterator[Finding]:
    """The paragraph when it is the chrome; else, at the top level, its footer lines."""
    text = raw_text(doc, node)
    if _BIDI.fullmatch(text) or _SHOW_HIDDEN.fullmatch(text):
        yield Finding(*doc.node_span(node), edits=(remove_blocks(doc, node),))
        return
    footers = list(_FOOTER.finditer(text))
    if not footers:
        return
    if len(footers) == 1 and not (text[: footers[0].start()] + text[footers[0].end() :]).strip():
        yield Finding(*doc.node_span(node), edits=(remove_blocks(doc, node),))
        return
    lines = text.split("\n")
    if node.parent is not doc.root or len(lines) != node.end_line - node.start_line:
        return  # lines map to the source one to one only at the top level
    for found in footers:
        first = text.count("\n", 0, found.start())
        end = text.count("\n", 0, found.end()) + 1
        start_line, end_line = node.start_line + first, node.start_line + end
        edit = remove_lines(doc, start_line, end_line)
        yield Finding(doc.line_offset(start_line), doc.line_end(end_line - 1), edits=(edit,))
