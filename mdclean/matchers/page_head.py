"""Where a crawled page's article starts: pure readings of a Document's top-level blocks.

A crawler or "save page" converter keeps the whole web page: the theme's skip link, the site's
name and tagline, its menu, a search box, the post's categories, then the article's title and
its text. These functions find the parts a rule needs:

- ``skip_link_index``: the block holding the theme's skip link ("Skip to content"), a line
  that opens with a link whose text is one of ``skip-links`` and whose target is an anchor. It
  must stand in the page's head: no heading of level one or two before it, other than the
  page's own title repeated by the converter (the page's first block, or a heading naming the
  front matter's title), and at most one paragraph of prose (a cookie notice above the page).
- ``title_index``: the article's title after a given block: the first heading that equals or
  opens the front matter's ``title`` (a clipper writes it), or else the first heading whose
  next block (past empty HTML wrappers and lone images) is neither a heading, nor links
  alone, nor a short label: the first heading over text.
- ``prose``: a paragraph of at least ``PROSE_WORDS`` words outside links with a sentence's
  end in it: what no site header holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Document, Node
from .linkblocks import (
    IMAGE,
    LINK,
    LIST_KINDS,
    SEPARATORS,
    Link,
    heading_level,
    skeleton,
    word_count,
)

PROSE_WORDS = 25
"""The words outside links that make a paragraph prose (with a sentence's end)."""
LABEL_WORDS = 4
"""The words of a short label: a menu's caption, a site's name, a toggle's text."""

_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|[。！？]")
_NOT_WORD = re.compile(r"[\W_]+")


def front_matter_title(doc: Document) -> str | None:
    """The front matter's ``title`` (a clipper's, a crawler's), folded for comparison."""
    blocks = doc.root.children
    if not blocks or blocks[0].kind != "front_matter":
        return None
    from ..frontmatter.data import page_data  # here: only pages with front matter read it

    data = page_data(doc)
    title = data.get("title") if isinstance(data, dict) else None
    folded = _folded(title) if isinstance(title, str) else ""
    return folded or None


def skip_link_index(doc: Document, blocks: Sequence[Node], line: re.Pattern[str]) -> int | None:
    """The index of the first block with a line that ``line`` matches (the skip link), when
    that block stands in the page's head; None otherwise."""
    title = front_matter_title(doc)
    prose_seen = 0
    for index, node in enumerate(blocks):
        if index > 0 and _section_heading(doc, node, title):
            return None  # a section of the article has begun
        if line.search(doc.node_source(node)):
            return index
        if prose(doc, node):
            prose_seen += 1
            if prose_seen > 1:
                return None
    return None


def _section_heading(doc: Document, node: Node, title: str | None) -> bool:
    """A heading of level one or two that does not name the page (the converter's title)."""
    if node.kind != "heading" or heading_level(doc, node) > 2:
        return False
    return title is None or not _names(_heading_text(doc, node), title)


def title_index(doc: Document, blocks: Sequence[Node], after: int) -> int | None:
    """The index of the article's title after block ``after`` (see the module's doc)."""
    title = front_matter_title(doc)
    if title is not None:
        for index in range(after + 1, len(blocks)):
            node = blocks[index]
            if node.kind == "heading" and _names(_heading_text(doc, node), title):
                return index
    for index in range(after + 1, len(blocks)):
        node = blocks[index]
        if node.kind == "heading" and _over_text(doc, blocks, index):
            return _first_of_heading_run(doc, blocks, after, index)
        if prose(doc, node):
            return None  # text before any title: where the article starts is not clear
    return None


def names_title(doc: Document, node: Node, title: str) -> bool:
    """Whether ``node`` is a heading that names the page's (folded) ``title``."""
    return node.kind == "heading" and _names(_heading_text(doc, node), title)


def _first_of_heading_run(doc: Document, blocks: Sequence[Node], after: int, index: int) -> int:
    """The first heading of the run of headings, empty wrappers and lone images that ends at
    ``index``: an article opens "## Title", its picture, "## Introduction" and text, and the
    title is the first of them, not the section over the text."""
    first = index
    for back in range(index - 1, after, -1):
        node = blocks[back]
        if node.kind == "heading":
            first = back
        elif not _wrapper_or_image(doc, node):
            break
    return first


def prose(doc: Document, node: Node, min_words: int = PROSE_WORDS) -> bool:
    """Whether a block is, or holds, a paragraph of prose (``min_words`` words outside links,
    a sentence's end)."""
    if node.kind == "paragraph":
        skel = skeleton(doc, node)
        if skel is None:
            return False
        text = skel.text.replace(LINK, " ").replace(IMAGE, " ")
        return word_count(text) >= min_words and _SENTENCE_END.search(text) is not None
    return node.is_container and any(prose(doc, child, min_words) for child in node.children)


def short_label(doc: Document, node: Node) -> bool:
    """A paragraph of links alone, or of at most ``LABEL_WORDS`` words; a list of such items."""
    if node.kind == "paragraph":
        skel = skeleton(doc, node)
        return skel is not None and (skel.link_only or skel.words() <= LABEL_WORDS)
    if node.kind in LIST_KINDS:
        leaves = [n for n in node.walk() if not n.is_container]
        return bool(leaves) and all(short_label(doc, leaf) for leaf in leaves)
    return False


def _over_text(doc: Document, blocks: Sequence[Node], index: int) -> bool:
    """Whether the heading at ``index`` stands over text: its next block, past empty HTML
    wrappers and lone images, is neither a heading nor a short label."""
    for node in blocks[index + 1 :]:
        if _wrapper_or_image(doc, node):
            continue
        return node.kind != "heading" and not short_label(doc, node)
    return False


def _wrapper_or_image(doc: Document, node: Node) -> bool:
    if node.kind == "html_block":
        skel = skeleton(doc, node)
        return skel is None or not skel.visible
    if node.kind == "paragraph":
        skel = skeleton(doc, node)
        return skel is not None and skel.images > 0 and not SEPARATORS.sub("", skel.visible)
    return False


def _heading_text(doc: Document, node: Node) -> str:
    skel = skeleton(doc, node)
    return _folded(skel.visible) if skel is not None else ""


def _names(heading: str, title: str) -> bool:
    """Whether a heading names the page: it opens the title (half of it at least: not a
    section's one word), or the title opens it (a converter's suffix, "Title 본문")."""
    if not heading:
        return False
    return heading.startswith(title) or (
        title.startswith(heading) and 2 * len(heading) >= len(title)
    )


def _folded(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


# A crawler's or clipper's note of the page it read: front matter keys, or a header line.
CRAWL_KEYS = frozenset(
    {"source", "url", "source_url", "original_url", "canonical_url", "clipped_from", "link"}
)
_SOURCE_LINE = re.compile(
    r"^(?:>\s*)?(?:url source|source|原文链接|原文|来源|出典)\s*[:：]\s*<?https?://"
    r"|^<!--\s*source:\s*https?://",
    re.IGNORECASE | re.MULTILINE,
)
_SOURCE_LINE_BLOCKS = 6

# A line that is one link (a list item's, or alone) to one of a site's top pages, as a
# crawler writes it (an absolute address, or rooted at the site: "/about/"): the site's root
# or a path of one or two levels ("/about/", "/category/linux/").
MENU_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?\[[^\]\n]{1,60}\]\(<?(?:https?://[^/\s)>]+(?:/[^/\s)>#?]*){0,2}|(?:/[^/\s)>#?]*){1,2})/?>?"
    r"(?:[ \t]+\"[^\"\n]*\")?\)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
MENU_LINKS = 3
"""The links of a site's menu: at least this many, to top pages of one site."""
_HOST = re.compile(r"https?://(?:www\.)?([^/\s:]+)", re.IGNORECASE)


def crawl_source(doc: Document) -> bool:
    """Whether the page says it was crawled or clipped from the web: a front matter key of
    ``CRAWL_KEYS`` holding a web address, or a "URL Source:" / "Source:" / ``<!-- source:``
    line in its first blocks."""
    blocks = doc.root.children
    if blocks and blocks[0].kind == "front_matter":
        from ..frontmatter.data import page_data  # here: only pages with front matter read it

        data = page_data(doc)
        if isinstance(data, dict) and any(
            isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))
            for key, value in data.items()
            if str(key).lower() in CRAWL_KEYS
        ):
            return True
    return any(_SOURCE_LINE.search(doc.node_source(node)) for node in blocks[:_SOURCE_LINE_BLOCKS])


def site_menu(doc: Document, node: Node) -> bool:
    """A paragraph or list of short labels and links alone (``short_label``) with
    ``MENU_LINKS`` or more lines that are one link to a top page (root, two levels) as
    ``MENU_LINE`` reads them in the source, and no links to a second site."""
    if node.kind not in ("paragraph", *LIST_KINDS) or not short_label(doc, node):
        return False
    if len(MENU_LINE.findall(doc.node_source(node))) < MENU_LINKS:
        return False
    hosts: set[str] = set()
    for leaf in node.walk():
        skel = skeleton(doc, leaf) if leaf.kind == "paragraph" else None
        for link in skel.links if skel is not None else ():
            host = _HOST.match(link.href.strip())
            if host is not None:
                hosts.add(host.group(1).lower())
    return len(hosts) <= 1


_SITE_ROOT = re.compile(r"(?:https?://[^/\s?#]+)?/?", re.IGNORECASE)


def site_root(href: str) -> bool:
    """Whether a link's target is a site's home page (``/``, ``https://site/``)."""
    return _SITE_ROOT.fullmatch(href.strip()) is not None


def first_link(doc: Document, node: Node) -> Link | None:
    """The first link of a paragraph or list, in reading order; None when it holds none."""
    for leaf in node.walk():
        skel = skeleton(doc, leaf) if leaf.kind == "paragraph" else None
        if skel is not None and skel.links:
            return skel.links[0]
    return None


def heading_text(doc: Document, node: Node) -> str:
    """A heading's visible text, folded for comparison ("" for another block)."""
    return _heading_text(doc, node) if node.kind == "heading" else ""


def site_root_name(doc: Document, node: Node) -> str | None:
    """The name a block gives the site when it is one link to a site's home page, alone (its
    name, or its logo: the text, else the image's words), folded; None for another block."""
    if node.kind not in ("paragraph", "heading"):
        return None
    skel = skeleton(doc, node)
    if skel is None or not skel.link_only or len(skel.links) != 1:
        return None
    link = skel.links[0]
    if not site_root(link.href):
        return None
    name = _folded(link.text) or _folded(_IMAGE_ALT.sub(r"\1", doc.node_source(node)))
    return name or None


_IMAGE_ALT = re.compile(r"^.*?!\[([^\]]*)\].*$", re.DOTALL)


def site_name_heading(doc: Document, node: Node) -> bool:
    """A heading that is only one link to a site's home page (``# [Site](https://site/)``):
    a theme prints the site's name so, and no article's title links to a home page."""
    if node.kind != "heading":
        return False
    skel = skeleton(doc, node)
    if skel is None or not skel.link_only or len(skel.links) != 1:
        return False
    return _SITE_ROOT.fullmatch(skel.links[0].href.strip()) is not None


def site_tagline(doc: Document, node: Node) -> bool:
    """A one-line paragraph without links, pictures or a sentence's end, shorter than
    prose: a site's tagline under its name ("Notes on servers and networks")."""
    if node.kind != "paragraph":
        return False
    skel = skeleton(doc, node)
    if skel is None or skel.links or skel.images or "\n" in skel.visible.strip():
        return False
    text = skel.visible
    return word_count(text) < PROSE_WORDS and _SENTENCE_END.search(text) is None


def chrome_shaped(doc: Document, node: Node) -> bool:
    """A block a site's header is made of: links alone or a short label (``short_label``),
    an empty HTML wrapper or a lone image."""
    return short_label(doc, node) or _wrapper_or_image(doc, node)
