"""How many words a block says besides its links and images: what tells a widget from prose."""

from __future__ import annotations

from .linkblocks import IMAGE, LINK, SEPARATORS, Skeleton, word_count


def words_besides_links(skel: Skeleton) -> int:
    """The words of a block's skeleton outside its links and images (separators aside)."""
    return word_count(SEPARATORS.sub(" ", skel.text.replace(LINK, " ").replace(IMAGE, " ")))
