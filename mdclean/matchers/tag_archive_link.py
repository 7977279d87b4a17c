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
from collections.abc import Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from ..document import Document
from ..models import Finding
from ..removal import remove_blocks
from .fix_safety import safe_if
from .link_target_row import LinkTargetRowMatcher
from .linkblocks import LIST_KINDS, Link

_BLOCK_KINDS = ("paragraph", "html_block", *LIST_KINDS)
_ARCHIVE_QUERY_KEYS = frozenset({"tag", "cat", "category", "label", "q"})
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$", re.I)
_SLUG_BREAKS = re.compile(r"[\W_]+")
_SPELLED_OUT = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "ı": "i"}
)


class TagArchiveLinkMatcher(LinkTargetRowMatcher):
    name = "tag-archive-link"

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
            start, end = doc.node_span(node)
            yield Finding(
                start,
                end,
                edits=(remove_blocks(doc, node),),
                applicability=safe_if(names_its_archive(links[0])),
            )


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
    spelled = text.translate(_SPELLED_OUT)
    return "".join(
        c for c in unicodedata.normalize("NFKD", spelled) if not unicodedata.combining(c)
    )


def slug(text: str) -> str:
    """A name as themes make it an address: width folded, lower case, runs of anything but
    letters and digits made one hyphen."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SLUG_BREAKS.sub("-", folded).strip("-")
