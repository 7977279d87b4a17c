"""``labelled-link-lines``: a block of one or more "label, link" lines that point at other posts.

Blogs and news sites break an article with lines that point at another of their posts:
``**Also read:** [Title](/2023/04/title/)``, ``> 📖 **Baca juga:** [Title](/slug) — one line
about it``, ``【推荐阅读】[标题](…)``, ``[Lire aussi : Titre](…)``, and close it with
``**Previous article:** [Title](…)`` / ``**Next article:** [Title](…)``. The label comes from
phrase lists (``also-read-labels``, ``post-navigation-labels``); the block, wherever it stands
(a paragraph, a quote, a list item, a heading), is nothing but labelled groups of links, the
last one perhaps followed by a short description after a dash.

The links are the evidence: each must lead to a web page that can be a post (an address or a
path from the site's root, as a page converted from the web writes them), never an anchor on
the page, a path relative to the page or another Markdown source file (``setup``,
``./web/README.md``: a repository's own cross-references) or a documentation page
(``/docs/``, ``docs.example.com``): a manual's "Lesen Sie auch" is its reader's path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from ..document import BlockContent, Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .also_read_lines import cut_edit, cuts_in, paragraph_lines
from .fix_safety import documentation_link, reference_link, safe_if
from .link_targets import (
    SECTION,
    is_own,
    is_permalink,
    is_post_address,
    page_site,
    target_shape,
)
from .linkblocks import IMAGE, LINK, Link, Skeleton, is_source_file_link, skeleton, word_count
from .phrase_lists import fold_width
from .phrases import PhraseMatcher

_NOT_WORD = rf"[^\w{LINK}{IMAGE}]"
"""A character that is no letter and stands for no link: markup, emoji, arrows, quotes, brackets."""
_DASH_OR_COLON = re.compile(r"[—–\-:|]")
_SITE_TARGET = re.compile(r"(?:https?:)?//[^/#?\s]|/[^/]|\?p=\d", re.IGNORECASE)


class LabelledLinkLinesMatcher(PhraseMatcher):
    name = "labelled-link-lines"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "max_links": int,
            "max_groups": int,
            "max_tail_words": int,
            "label_in_link": bool,
            "post_targets": bool,
            "label_above": bool,
            "post_targets_safe": bool,
            "in_paragraphs": bool,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_links = int(params.get("max_links", 3))
        """Links one label may lead: "Also read: [A] · [B] · [C]"; a longer run is a list."""
        self.max_groups = int(params.get("max_groups", 1))
        """Labelled groups in one block: two for "Previous: [A] Next: [B]"."""
        self.max_tail_words = int(params.get("max_tail_words", 0))
        """Words that may follow the last link after a dash: "[Title](…) — what it is about"."""
        self.label_in_link = bool(params.get("label_in_link", False))
        """Whether the label may open the link's own text: "[Read also: Title](…)"."""
        self.post_targets = bool(params.get("post_targets", False))
        """Whether every link must be a post's address (``/2023/04/slug/``, ``?p=123``,
        ``/blog/slug``): for labels a manual uses too ("See also")."""
        self.label_above = bool(params.get("label_above", False))
        """Whether the label may be a paragraph of its own right above a paragraph of links
        ("Previous Post" / "[Title](…)": a theme's label and link in two blocks)."""
        self.post_targets_safe = bool(params.get("post_targets_safe", False))
        """Whether a finding whose every link is a post's address is certain (its fix safe)."""
        self.in_paragraphs = bool(params.get("in_paragraphs", False))
        """Whether to read the lines of a paragraph rather than whole blocks: a line that is a
        label and its links among the article's lines (a converter that dropped the blank
        lines), or a label and its link glued before the article's next sentence."""

    @cached_property
    def groups(self) -> re.Pattern[str]:
        """Labelled groups of links, then whatever follows the last link (told apart in Python).
        Compiled on first use, as ``probe``."""
        group = (
            rf"{_NOT_WORD}*(?:{self.labels})(?!\w){_NOT_WORD}*"
            rf"(?:{LINK}{_NOT_WORD}*){{1,{self.max_links}}}"
        )
        return re.compile(
            rf"(?:{group}){{1,{self.max_groups}}}(?P<tail>[^{LINK}{IMAGE}]*)", re.IGNORECASE
        )

    @cached_property
    def label_opening(self) -> re.Pattern[str]:
        """A link text that opens with a label and a separator, then a title."""
        return re.compile(rf"{_NOT_WORD}*(?:{self.labels})\s*[:：|｜—–\-→»›]\W*\w", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        if self.in_paragraphs:
            yield from self._find_in_paragraphs(doc)
            return
        for node, rough in self.blocks_to_probe(doc, "paragraph", "heading"):
            if len(rough) > _MAX_BLOCK_CHARACTERS or not self.probe.match(fold_width(rough)):
                continue  # too long to be a line, or no label where one may stand
            skel = skeleton(doc, node)
            if skel is None:
                continue
            last = node if self._is_labelled_links(skel) else self._links_under(doc, node, skel)
            if last is not None:
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                edits = (remove_blocks(doc, node, last),)
                yield Finding(start, end, edits=edits, applicability=self._safety(doc, node, last))

    @cached_property
    def glued_lead(self) -> re.Pattern[str]:
        """A label, then one link (bold or italic perhaps, a title perhaps) at a line's start."""
        return re.compile(
            rf"(?P<label>{_NOT_WORD}*(?:{self.labels})(?!\w)[^\w\[\]]*?)"
            r"(?P<open>\*\*|__|\*|_)?\[(?P<text>[^\[\]\n]+)\]"
            r"\((?P<href>[^()\s]+)(?:\s+\"[^\"\n]*\")?\)(?(open)(?P=open))",
            re.IGNORECASE,
        )

    def _find_in_paragraphs(self, doc: Document) -> Iterator[Finding]:
        """With ``in_paragraphs``: a line of a paragraph that is a label and its links, or a
        label and its link glued before the article's next sentence (``also_read_lines``)."""
        for node, _rough in self.blocks_to_probe(doc, "paragraph"):
            read = paragraph_lines(doc, node)
            if read is not None:
                yield from self._paragraph_cuts(doc, node, *read)

    def _paragraph_cuts(
        self, doc: Document, node: Node, content: BlockContent, lines: list[str]
    ) -> Iterator[Finding]:
        cuts = cuts_in(doc, lines, self._opens, self._is_labelled_links, self.glued_lead.match)
        if cuts and len(cuts) == len(lines) and all(cut.length is None for cut in cuts):
            start, end = doc.node_span(node)  # every line goes: the paragraph goes
            links = [link for cut in cuts for link in cut.links]
            edit = remove_blocks(doc, node)
            yield Finding(start, end, edits=(edit,), applicability=self._sure(doc, links))
            return
        for cut in cuts:
            edit = cut_edit(doc, node, content, cut)
            sure = self._sure(doc, list(cut.links)) if cut.length is None else None
            yield Finding(edit.start, edit.end, edits=(edit,), applicability=sure)

    def _opens(self, folded: str) -> bool:
        return self.probe.match(folded) is not None

    def _sure(self, doc: Document, links: list[Link]) -> Applicability | None:
        """With ``post_targets_safe``: certain when every link is a post's address, or a
        headline to an article of the page's own site (``_own_article``)."""
        if not self.post_targets_safe:
            return None
        site = page_site(doc)
        return safe_if(bool(links) and all(_post_target(link, site) for link in links))

    def _safety(self, doc: Document, node: Node, last: Node) -> Applicability | None:
        """With ``post_targets_safe``: certain (safe) when every link is a post's address."""
        if not self.post_targets_safe:
            return None
        links: list[Link] = []
        for block in (node,) if last is node else (node, last):
            skel = skeleton(doc, block)
            links += skel.links if skel is not None else []
        site = page_site(doc)
        return safe_if(bool(links) and all(_post_target(link, site) for link in links))

    @cached_property
    def label_alone(self) -> re.Pattern[str]:
        return re.compile(rf"{_NOT_WORD}*(?:{self.labels}){_NOT_WORD}*", re.IGNORECASE)

    def _links_under(self, doc: Document, node: Node, skel: Skeleton) -> Node | None:
        """With ``label_above``: the paragraph of links right under a paragraph that is a label
        alone, when they are what a label and its links on one line would be."""
        following = node.next_sibling if self._is_label_alone(node, skel) else None
        if following is None or following.kind != "paragraph":
            return None
        under = skeleton(doc, following)
        if under is None or not under.links:
            return None
        joined = Skeleton(skel.text + " " + under.text, list(under.links), under.images)
        return following if self._is_labelled_links(joined) else None

    def _is_label_alone(self, node: Node, skel: Skeleton) -> bool:
        if not self.label_above or node.kind != "paragraph" or skel.links or skel.images:
            return False
        return self.label_alone.fullmatch(" ".join(fold_width(skel.text).split())) is not None

    def _is_labelled_links(self, skel: Skeleton) -> bool:
        if not skel.links or skel.images or not all(may_be_a_post(link) for link in skel.links):
            return False
        if self.post_targets and not all(
            is_post_address(link.href, relative=True) for link in skel.links
        ):
            return False
        text = " ".join(fold_width(skel.text).split())
        found = self.groups.fullmatch(text)
        if found is not None:
            return self._tail_is_a_description(text)
        return self.label_in_link and self._label_opens_the_link(text, skel.links)

    def _tail_is_a_description(self, text: str) -> bool:
        """Nothing but separators after the last link, or a short description that a dash
        (or a colon) sets apart from it: a sentence that goes on after a link is prose."""
        after = text[text.rindex(LINK) + 1 :]
        gap = _GAP.match(after)
        rest = after[gap.end() :] if gap is not None else after
        if not rest:
            return True
        return bool(gap and _DASH_OR_COLON.search(gap.group())) and (
            word_count(rest) <= self.max_tail_words
        )

    def _label_opens_the_link(self, text: str, links: list[Link]) -> bool:
        """ "[Read also: Title](…)": one link, alone in its block, whose text opens with a label."""
        if len(links) != 1 or re.fullmatch(rf"{_NOT_WORD}*{LINK}{_NOT_WORD}*", text) is None:
            return False
        return self.label_opening.match(fold_width(" ".join(links[0].text.split()))) is not None


_MAX_BLOCK_CHARACTERS = 800
_GAP = re.compile(f"{_NOT_WORD}*")


def may_be_a_post(link: Link) -> bool:
    """Whether a link leads to a page that can be another post of a site: an address or a path
    from the site's root (a page converted from the web links so), not a path relative to this
    page (``setup``, ``../guide/``: a manual's own cross-reference), not a Markdown source
    file, not a documentation page."""
    href = link.href.strip()
    return _SITE_TARGET.match(href) is not None and not (
        is_source_file_link(href) or reference_link(href)
    )


_HEADLINE_WORDS = 4
"""A headline: at least this many words (a script without spaces: ``word_count`` reads it)."""
_MAX_HEADLINE_WORDS = 30
"""A headline: at most this many words (more is a sentence)."""
_SLUG_PART = re.compile(r"[^\W_]+")
_SLUG_JOINER = re.compile(r"[^\W\d]_[^\W\d]|[^\W\d]-[^\W\d]")


def headline_link(link: Link, site: str | None, *, slug_words: int | None = None) -> bool:
    """Whether a link is a headline (``_HEADLINE_WORDS`` to ``_MAX_HEADLINE_WORDS`` words)
    leading to an article of the page's own site: a post's target (``may_be_a_post``), not a
    documentation page, on the page's site or a path from its root (``is_own``), to an
    article's permalink read with the headline as the other half of the evidence
    (``is_permalink(headline=True)``: a four-word slug, an id inside a segment); with
    ``slug_words``, also a path whose last segment under a section is a slug of that many words
    at least. One reading for every rule that asks whether a line sends the reader to another
    of the site's stories (``labelled-link-lines``' ``post_targets_safe``,
    ``labelled-teaser-line``, ``bare-teasers``)."""
    href = link.href
    if not may_be_a_post(link) or documentation_link(href) or not is_own(href, site):
        return False
    if not _HEADLINE_WORDS <= word_count(link.text) <= _MAX_HEADLINE_WORDS:
        return False
    if is_permalink(href, headline=True):
        return True
    return slug_words is not None and section_slug(href, slug_words)


def section_slug(href: str, words: int) -> bool:
    """Whether a section's path (``target_shape``) ends in a slug of ``words`` words or more
    under its first segment (``/cultura/la-nueva-temporada-del-teatro``)."""
    if target_shape(href) != SECTION:
        return False
    path = urlsplit(href.strip().strip("<>")).path if "//" in href else href.split("?")[0]
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) < 2:
        return False
    last = segments[-1]
    return len(_SLUG_PART.findall(last)) >= words and bool(_SLUG_JOINER.search(last))


def _post_target(link: Link, site: str | None) -> bool:
    """A post's address (``is_post_address``), or a headline to an article of the page's own
    site (``headline_link``): a news site's "À lire aussi" to one of its own stories, whose
    CMS names no dated folder."""
    return is_post_address(link.href, relative=True) or headline_link(link, site)
