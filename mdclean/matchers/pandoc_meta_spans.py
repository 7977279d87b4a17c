"""``pandoc-meta-spans``: a WordPress entry-meta line that Pandoc kept as bracketed spans.

Converting a WordPress page with Pandoc keeps the theme's byline as spans with its classes:
``[[Publicado el ]{.screen-reader-text}[12/02/2009](…)]{.posted-on}[[Autor …]{.author
.vcard}]{.byline}[[Categorías ]{.screen-reader-text}[Informática](…)]{.cat-links}``. A
paragraph made only of such spans (it opens with a bracket and closes with an attribute
block) whose every class is one of the theme's meta classes, two or more of them distinct
parts of the byline (``posted-on``, ``byline``, ``cat-links``, ``tags-links``,
``comments-link``, ``entry-date``, ``edit-link``), goes: the class names are the theme's
template, exact evidence. A paragraph with one span of prose or with another class stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document
from ..fastpath.triggers import AllOf, Literals, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if

# The parts of a byline: two distinct ones prove the paragraph is the theme's meta line.
_PARTS = frozenset(
    {"posted-on", "byline", "cat-links", "tags-links", "comments-link", "entry-date", "edit-link"}
)
# The other classes a theme's byline spans carry.
_ALSO = frozenset(
    {
        "screen-reader-text", "author", "vcard", "url", "fn", "n", "published", "updated",
        "entry-meta", "entry-footer", "meta-sep", "sep", "dsq-postid", "date", "time",
        "author-name", "post-date", "post-author", "post-categories", "post-tags", "meta-nav",
    }
)  # fmt: skip
_ATTRIBUTES = re.compile(r"[\])]\{([^{}]*)\}")
_CLASS = re.compile(r"(?<![\w-])\.([\w-]+)")
_ID = re.compile(r"(?<![\w-])#[\w-]+")


class PandocMetaSpansMatcher(Matcher):
    name = "pandoc-meta-spans"

    def trigger(self) -> Trigger:
        """A span's attribute block and the class of a byline's part."""
        return AllOf((Literals(("]{.",)), Literals(tuple(f".{part}" for part in sorted(_PARTS)))))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind != "paragraph":
                continue
            start, end = doc.node_span(node)
            if _meta_spans(doc.text[start:end]):
                yield Finding(
                    start,
                    end,
                    edits=(remove_blocks(doc, node, node),),
                    applicability=safe_if(True),
                )


def _meta_spans(raw: str) -> bool:
    """Whether a paragraph's source is only spans of the theme's byline classes."""
    text = raw.strip()
    if not text.startswith("[") or not text.endswith("}"):
        return False
    parts: set[str] = set()
    for attributes in _ATTRIBUTES.findall(text):
        classes = set(_CLASS.findall(attributes))
        if not classes or _ID.search(attributes) or classes - _PARTS - _ALSO:
            return False
        parts |= classes & _PARTS
    return len(parts) >= 2
