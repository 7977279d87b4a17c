"""``tag-archive-link``: a block that is one link to the site's tag or category archive.

A post with one tag or one category prints one link: ``[php-fpm](/tags/php-fpm)``, a
list item ``* [HackTheBox](/tags/HackTheBox/)``, Blogger's ``[recetas](/search/label/recetas)``.
``link-target-row`` (BP038) wants two such links, since one link is weaker evidence; this
matcher reads the one-link block, with the same targets and the same short label. A theme
builds the archive's address from the tag's name (WordPress's, Hugo's, Hexo's, Jekyll's,
Blogger's slugs), so a link whose text is the name its address holds ("Tag der digitalen
Freiheit" → ``/tag/tag-der-digitalen-freiheit/``) is the theme's own: that finding is safe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ..document import Document, Node
from ..models import Finding
from ..removal import remove_blocks
from .fix_safety import safe_if
from .link_target_row import LinkTargetRowMatcher
from .linkblocks import LIST_KINDS, Link, skeleton
from .phrase_lists import fold_width, phrase_pattern, without_accents

_BLOCK_KINDS = ("paragraph", "html_block", *LIST_KINDS)
_ARCHIVE_QUERY_KEYS = frozenset({"tag", "cat", "category", "label", "q"})
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$", re.I)
_SLUG_BREAKS = re.compile(r"[\W_]+")
_SPELLED_OUT = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i"}
)


class TagArchiveLinkMatcher(LinkTargetRowMatcher):
    name = "tag-archive-link"
    params = MappingProxyType({**LinkTargetRowMatcher.params, "label_lists": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        # A label on a line of its own above the link ("Categories", then the link): the
        # theme's, when the link is its archive's.
        labels = phrase_pattern(params, "label_lists", "label_phrases")
        self.own_label = re.compile(rf"\W*(?:{labels})\W*", re.I) if labels else None

    def find(self, doc: Document) -> Iterator[Finding]:
        targets = self.targets
        assert targets is not None
        for node in doc.nodes():
            if node.kind not in _BLOCK_KINDS or any(a.kind in LIST_KINDS for a in node.ancestors()):
                continue
            links = self._links(doc, node)
            # Two links or more are BP038's; one link to another kind keeps the block.
            if not links or len(links) != 1 or not targets.search(links[0].href):
                continue
            first = self._label_above(doc, node) or node
            start, end = doc.node_span(first)[0], doc.node_span(node)[1]
            yield Finding(
                start,
                end,
                edits=(remove_blocks(doc, first, node),),
                applicability=safe_if(names_its_archive(links[0])),
            )

    def _label_above(self, doc: Document, node: Node) -> Node | None:
        """The paragraph right above ``node`` when it is a tag label alone ("Categories")."""
        above = node.previous_sibling
        if self.own_label is None or above is None or above.kind != "paragraph":
            return None
        skel = skeleton(doc, above)
        if skel is None or skel.links or skel.images:
            return None
        text = " ".join(fold_width(skel.visible).split())
        return above if self.own_label.fullmatch(text) else None


def names_its_archive(link: Link) -> bool:
    """Whether the link's text is the name its address holds: the theme wrote both. Hugo and
    Hexo keep the name's letters; WordPress drops its accents ("Größe" → ``grosse``)."""
    text = slug(link.text.lstrip("#＃"))
    names = archive_names(link.href)
    return bool(text) and (text in names or unaccented(text) in names)


def archive_names(href: str) -> set[str]:
    """The names an archive's address holds: its last path segment (``.html`` dropped) and
    the values of its ``tag``/``cat``/``label`` query keys, each as a slug."""
    parts = urlsplit(href.strip())
    segments = [s for s in parts.path.split("/") if s]
    names = {slug(_PAGE_SUFFIX.sub("", unquote(segments[-1])))} if segments else set()
    if parts.fragment:
        names.add(slug(unquote(parts.fragment)))
    for key, value in parse_qsl(parts.query):
        if key.lower() in _ARCHIVE_QUERY_KEYS:
            names.add(slug(value))
    return names - {""}


def unaccented(text: str) -> str:
    """A slug as WordPress's ``remove_accents`` writes it: marks dropped, ß and ligatures
    spelled out."""
    return without_accents(text.translate(_SPELLED_OUT))


def slug(text: str) -> str:
    """A name as themes make it an address: width folded, lower case, runs of anything but
    letters and digits made one hyphen."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SLUG_BREAKS.sub("-", folded).strip("-")
