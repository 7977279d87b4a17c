"""Reference links whose definitions a clipper left out: ``[Share to Twitter][10]``, no ``[10]: url``.

Clippers that write reference-style links often drop the definitions of a page's chrome (or
cut the page before them). markdown-it then shows the reference as text, brackets and label
included, so in a block's skeleton a ``[text][label]`` is such a leftover (a defined one is a
link already). Widget rules read them as the links they were: "Powered by [Blogger][48]."
is a credit with its link, "Subscribe to: [Post Comments (Atom)][16]" a feed link.
"""

from __future__ import annotations

import re

from .linkblocks import IMAGE, LINK, Link, Skeleton

# ``[text][label]``: the text holds no bracket and no placeholder; the label is short.
_CLIPPED = rf"\[([^\[\]{LINK}{IMAGE}]{{1,200}})\]\[[^\[\]{LINK}{IMAGE}]{{0,40}}\]"
_LINKS_OR_CLIPPED = re.compile(rf"{LINK}|{_CLIPPED}")


def with_clipped_links(skel: Skeleton) -> Skeleton:
    """The skeleton with each clipped reference read as a link (its text kept, no target)."""
    if "][" not in skel.text:
        return skel
    parsed = iter(skel.links)
    links: list[Link] = []

    def as_link(match: re.Match[str]) -> str:
        links.append(next(parsed) if match.group(1) is None else Link(match.group(1), ""))
        return LINK

    text = _LINKS_OR_CLIPPED.sub(as_link, skel.text)
    return Skeleton(text, links, skel.images)
