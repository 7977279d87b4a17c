"""The parser class both of mdclean's parsers (blocks, inline) are made from."""

from __future__ import annotations

from markdown_it import MarkdownIt

from .links import normalization_keeps


class NormalLinksKept(MarkdownIt):
    """markdown-it, normalizing only the link targets that normalizing can change.

    ``normalizeLink`` is the parser's documented link encoder (markdown-it: "function used to
    encode link url to a machine-readable format"), a public method: overriding it in a
    subclass changes no other behaviour."""

    def normalizeLink(self, url: str) -> str:
        return url if normalization_keeps(url) else super().normalizeLink(url)
