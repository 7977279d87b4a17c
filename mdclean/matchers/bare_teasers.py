"""``bare-story-teasers``: the site's teasers of its own stories that a template drops between
the article's paragraphs, each a paragraph of one headline link and no label.

A news site's template breaks a long article with teasers of its other stories: a picture,
then a paragraph that is the story's headline as a link (perhaps a "more" button's word on
the line under it), then the article goes on. No label says what they are, and one alone
reads like the author's link; but the template drops several on one page, and each has the
same shape:

- a paragraph (top level or in a quote) whose one link opens it and is nearly all of it (a
  word or two after it at most, on a line of their own: "Подробнее", "Read more");
- the link leads to an article's permalink on the page's own site (``link_targets``: a date,
  a long id or a long slug in its path; or a slug of three words under a section), and its
  text is a headline (four to thirty words);
- it stands alone inside the article: a paragraph of prose (twelve words or more outside
  links), a picture or a short kicker right before it, prose or a heading right after it.

``min_teasers`` such paragraphs on one page (four by default), two paragraphs of prose at
least between each two (a template spreads them across the article; a round-up of the site's
own posts gives each link one paragraph), are the template's, and go;
fewer stay (an author may link a story of the site on a line of its own). A list of links
to the site's stories (a series' chapters) is not alone between prose and stays.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Repeated, Trigger, all_of
from ..models import Finding
from ..removal import removal_target, remove_blocks
from .also_read import headline_link
from .base import Matcher
from .link_targets import page_site
from .linkblocks import IMAGE, LINK, Skeleton, skeleton, word_count
from .teaser_line import prose

_OPENS_WITH_LINK = re.compile(r"^[ \t>]*[*_]*\[", re.MULTILINE)
"""A line that opens with a link (markup and a quote's marks before it at most): the trigger
counts them; ``find`` asks each paragraph it takes to open so."""
_CONTENT_OPENS = re.compile(r"[*_]*\[(?!!\[)")
"""A link opens the paragraph, not a linked picture (a screenshot, a thumbnail)."""
_SHAPE = re.compile(rf"[*_\s]*{LINK}[*_\s]*(?:\n?\s*(?P<after>[^\W\d_][\w ]{{0,20}}))?\s*")
_MAX_AFTER_WORDS = 2
_KICKER_WORDS = 3
_PROSE_BETWEEN = 2
_SLUG_WORDS = 3
"""A last segment of three words under a section (``/politics/world/i_tolstyy_sloy_alzhira``)
is a story's slug too, once the link's text is a headline: a section is named in a word or two."""


class BareStoryTeasersMatcher(Matcher):
    name = "bare-story-teasers"
    params = MappingProxyType({"keywords": list, "min_teasers": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_teasers = int(params.get("min_teasers", 4))

    def trigger(self) -> Trigger:
        """``min_teasers`` lines that open with a link: every teaser's first line does."""
        return all_of(self.keyword_trigger(), Repeated(_OPENS_WITH_LINK, self.min_teasers))

    def find(self, doc: Document) -> Iterator[Finding]:
        site = page_site(doc)
        found = [node for node in doc.leaves("paragraph") if self._teaser(doc, node, site)]
        if len(found) < self.min_teasers or not _spread(doc, found):
            return
        for node in found:
            start, end = doc.node_span(node)
            yield Finding(start, end, edits=(remove_blocks(doc, node),))

    def _teaser(self, doc: Document, node: Node, site: str | None) -> bool:
        if node.parent is None or node.parent.kind not in ("root", "blockquote"):
            return False
        content = doc.content(node)
        if content is None or not _CONTENT_OPENS.match(content.text):
            return False
        skel = skeleton(doc, node)
        if skel is None or not _one_headline(skel, site):
            return False
        return self._alone(doc, removal_target(doc, node))

    def _alone(self, doc: Document, target: Node) -> bool:
        before, after = target.previous_sibling, target.next_sibling
        if before is None or after is None or before.kind != "paragraph":
            return False
        if after.kind != "heading" and not (
            after.kind == "paragraph" and prose(skeleton(doc, after))
        ):
            return False
        return _before_ok(skeleton(doc, before))


def _spread(doc: Document, teasers: list[Node]) -> bool:
    """Whether two paragraphs of prose at least stand between each two teasers: a template
    drops its teasers across the article, while a round-up of the site's own posts gives
    each link its one paragraph."""
    page = doc.root.children
    at = {id(node): i for i, node in enumerate(page)}
    places = [at.get(id(removal_target(doc, node)), -1) for node in teasers]
    if min(places) < 0:
        return False
    spots = sorted(places)
    return all(
        _prose_count(doc, page[first + 1 : second]) >= _PROSE_BETWEEN
        for first, second in itertools.pairwise(spots)
    )


def _prose_count(doc: Document, nodes: list[Node]) -> int:
    return sum(1 for node in nodes if node.kind == "paragraph" and prose(skeleton(doc, node)))


def _one_headline(skel: Skeleton, site: str | None) -> bool:
    """One link, nearly all the paragraph, a headline to one of the site's stories."""
    if len(skel.links) != 1 or skel.images:
        return False
    shape = _SHAPE.fullmatch(skel.text)
    if shape is None or word_count(shape.group("after") or "") > _MAX_AFTER_WORDS:
        return False
    return headline_link(skel.links[0], site, slug_words=_SLUG_WORDS)


def _before_ok(skel: Skeleton | None) -> bool:
    """Prose, a picture alone, or a short kicker (no link) right before a teaser."""
    if skel is None:
        return False
    if prose(skel):
        return True
    text = skel.text.replace(IMAGE, "").strip()
    if skel.images and not skel.links and not text:
        return True
    return not skel.links and not skel.images and 0 < word_count(text) <= _KICKER_WORDS
