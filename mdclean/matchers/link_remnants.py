"""Links a converter broke, read back as links: ``TEXT](URL "title")`` left as plain text.

An HTML-to-Markdown converter (html2text, Turndown, a crawler's) writes a link around a block
(``<a><img><br>Jane Doe</a>``) over two paragraphs, ``[![Jane Doe](avatar.jpg)`` and
``Jane Doe](/author/jane/ "Posts by Jane Doe") @ 12:35 pm``, and a link around a link
(``<a href=post><a href=category>News</a></a>``) as ``[[News](/category/news/)](/post/)``; a
crawler that cuts the page's text at a length leaves its last link unclosed
(``[News](https://site/categ...``). CommonMark reads none of them as a link: the address stays in the text. This module gives a block's
skeleton back the link the theme printed, so a reading of its links (an author's archive, a
category) sees it; the block's source is untouched.
"""

from __future__ import annotations

import re

from .linkblocks import IMAGE, LINK, Link, Skeleton

# The closing half of a broken link: "](URL)" or "](URL "title")", the address without spaces.
_REMNANT = re.compile(r"\]\((?P<href>[^\s()<>\x00\x01]+)(?:\s+\"[^\"\n]*\")?\)")
# A link a crawler cut at the block's end, its address unclosed: "[News](https://site/categ..."
_CUT = re.compile(r"\[(?P<text>[^\[\]\n\x00\x01]{1,80})\]\((?P<href>[^\s()<>\x00\x01]+)\s*$")
# The opening half of a link broken before its text: "[" and pictures only (an avatar).
OPENER = re.compile(rf"\s*\[[\s{IMAGE}]*")


def mended(skel: Skeleton, raw: str) -> Skeleton:
    """The skeleton with each broken link's closing half read as a link: its text from the
    line's unmatched "[" (or the line's start) to "]". A link around links (the inner ones
    kept) adds nothing. A block with code keeps its skeleton: "](" there is the code's."""
    if "](" not in skel.text or "`" in raw:  # (a cut link holds "](" too)
        return skel
    text, links = skel.text, list(skel.links)
    match = _REMNANT.search(text)
    while match is not None:
        start = _text_start(text, match.start())
        if text.startswith("![", start - 1):
            # (a picture CommonMark did not read, "![alt](data:…)": a picture's, not a link's)
            match = _REMNANT.search(text, match.end())
            continue
        inner = text[start : match.start()].lstrip("[")
        if LINK in inner:
            text = text[:start] + inner + text[match.end() :]  # the outer link of a nested pair
            match = _REMNANT.search(text, start + len(inner))
            continue
        links.insert(text.count(LINK, 0, start), Link(inner.strip(), match.group("href")))
        text = text[:start] + LINK + text[match.end() :]
        match = _REMNANT.search(text, start + 1)
    cut = _CUT.search(text)
    if cut is not None:
        links.append(Link(cut.group("text").strip(), cut.group("href")))
        text = text[: cut.start()] + LINK
    return Skeleton(text, links, skel.images)


def _text_start(text: str, end: int) -> int:
    """Where a broken link's text starts: its unmatched "[" on the line, else the line's
    start."""
    line_start = text.rfind("\n", 0, end) + 1
    depth = 0
    for index in range(end - 1, line_start - 1, -1):
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return index
            depth -= 1
    return line_start
