"""``chrome-link-block``: a block of links that only a site's chrome links to, by their shape.

A CMS gives its chrome addresses of fixed shapes that an article's own links never have:
a taxonomy's term pages (Drupal ``/taxonomy/term/12``, WordPress ``/tag/x/`` and
``/category/x/``, Blogger ``/search/label/x``), an author's archive (``/author/x/``),
the comment form (``/comment/reply/6#comment-form``, ``#respond``, ``?replytocom=``), the
log-in page (``wp-login.php``, ``/user/login``) and the print and mail-a-friend
versions of a node (``/printmail/6``, ``/printpdf/6``). A tag cloud, a "categories"
widget, a tags row or a node's "add a comment / print / send by email" links, kept by a
scraper, is a block of such links and nothing else: at least ``min_links`` of them, all of
the shapes of ``paths`` (regexes matched against each link's address), with at most
``max_words`` words besides (a label such as "Tags:").

The block goes when it comes after the article's text (a paragraph of ``min_text_words``
words or more earlier on the page), with its heading when it is the whole section under
one ("Mots-clés populaires", "Categories"). A block with any other link (an article's
link to a tag page among its sources) stays, and so does a page without text before it
(a site's tag index).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, ParamError, any_pattern, compile_patterns
from .fix_safety import safe_if, wordpress_meta_widget
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, Link, link_list, skeleton, word_count


class ChromeLinkBlockMatcher(Matcher):
    name = "chrome-link-block"
    params = MappingProxyType(
        {
            "keywords": list,
            "paths": list,
            "min_links": int,
            "max_words": int,
            "min_text_words": int,
            "safe_paths": list,
        }
    )
    required = frozenset({"paths"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        try:
            self.paths = re.compile("|".join(f"(?:{p})" for p in params["paths"]), re.I)
        except re.error as error:
            raise ParamError(f"params.paths: not a regular expression ({error})") from None
        self.min_links = int(params.get("min_links", 2))
        self.max_words = int(params.get("max_words", 3))
        self.min_text_words = int(params.get("min_text_words", 30))
        # A block whose every link has one of these shapes (a CMS's own machinery) is certain.
        self.safe_paths = any_pattern(compile_patterns(params.get("safe_paths", []), "safe_paths"))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        for first, last in self._runs(doc, page):
            sure = self._sure(doc, page[first : last + 1])
            first = _with_heading(page, first, last)
            start, end = doc.node_span(page[first])[0], doc.node_span(page[last])[1]
            edits = (remove_blocks(doc, page[first], page[last]),)
            yield Finding(start, end, edits=edits, applicability=safe_if(sure))

    def _sure(self, doc: Document, run: list[Node]) -> bool:
        """Whether every link of the run has one of ``safe_paths``' shapes, or the run is
        WordPress's "Meta" widget, link for link (its template is the evidence)."""
        if self.safe_paths is None:
            return False
        safe_paths = self.safe_paths
        links = [link for node in run for link in self._links(doc, node) or []]
        if all(safe_paths.search(link.href) for link in links):
            return True
        return wordpress_meta_widget([link.href for link in links])

    def _runs(self, doc: Document, page: list[Node]) -> Iterator[tuple[int, int]]:
        """The runs of chrome blocks after the article's first text, as (first, last) indices."""
        start = next((i + 1 for i, node in enumerate(page) if self._text(doc, node)), len(page))
        run: list[int] = []
        for index in range(start, len(page)):
            if self._chrome_block(doc, page[index]):
                run.append(index)
                continue
            if run:
                yield run[0], run[-1]
            run = []
        if run:
            yield run[0], run[-1]

    def _text(self, doc: Document, node: Node) -> bool:
        """Whether a block is the article's text: a paragraph of ``min_text_words`` words."""
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        return skel is not None and word_count(skel.visible) >= self.min_text_words

    def _chrome_block(self, doc: Document, node: Node) -> bool:
        """Whether a block is ``min_links`` links or more, all of chrome's shapes, and few words."""
        links = self._links(doc, node)
        if links is None or len(links) < self.min_links:
            return False
        return all(self.paths.search(link.href) for link in links)

    def _links(self, doc: Document, node: Node) -> list[Link] | None:
        """A block's links when it says at most ``max_words`` words besides them."""
        if node.kind in LIST_KINDS:
            return link_list(doc, node)
        if node.kind != "paragraph":
            return None
        skel = skeleton(doc, node)
        if skel is None or words_besides_links(skel) > self.max_words:
            return None
        return skel.links


def _with_heading(page: list[Node], first: int, last: int) -> int:
    """The run's heading when the run is its whole section (the page or a heading follows it),
    else the run's first block."""
    whole = last + 1 == len(page) or page[last + 1].kind == "heading"
    return first - 1 if whole and page[first - 1].kind == "heading" else first
