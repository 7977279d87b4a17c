"""The parts a web site's head is made of, and where the article under it starts.

Pure readings of top-level blocks for ``site-head``:

- ``title_anchors``: the candidates for the article's title heading, surest first: the
  later heading that repeats the converter's own title line (the page's first block past a
  crawler's lines), the heading that names the front matter's ``title``, then each
  level-one heading that is not the site's name.
- ``head_part``: what a block is in a site's head, or None when no head holds it: a menu of
  one site's top pages, the site's logo or name linked to its home page, a row or list of
  links alone, a control's caption ("Menu", "Search", "Ctrl K"), a docs template's notice
  (the llms.txt index box), a lone picture or empty wrapper, a short label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..document import Document, Node
from .inline_links import image_openings
from .linkblocks import LIST_KINDS, heading_level, skeleton
from .page_head import (
    CRAWL_KEYS,
    chrome_shaped,
    front_matter_title,
    heading_text,
    names_title,
    short_label,
    site_menu,
    site_name_heading,
    site_root_name,
)

# A link to the web: an absolute address, or one rooted at the site ("/about/").
WEB_LINK = re.compile(r"\]\(<?(?:https?://|/)", re.IGNORECASE)
# A link to a site's home page (``page_head.site_root``): inline, as a definition, in HTML.
ROOT_LINK = re.compile(
    r"\]\(\s*<?(?:https?://[^/\s)>]+/?|/)?>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
    r"|^[ \t]*\[[^\]\n]+\]:[ \t]*<?(?:https?://[^/\s>]+/?|/)>?(?:[ \t]|$)"
    r"|href=[\"']?(?:https?://[^/\s\"'>]+/?|/)[\"' >]",
    re.IGNORECASE | re.MULTILINE,
)
LOGO = "logo"
_HOST = re.compile(r"<?https?://(?:www\.)?([^/\s:?#>]+)", re.IGNORECASE)
LINKED = frozenset({"menu", "home", "links", "notice"})
"""The parts that hold links (or a template's notice): a head holds at least one of them."""
# A converter's or crawler's own line above the page: its title, the page's address
# ("URL Source:", "**Fonte:** https://..."), in the languages the web is clipped in.
_SOURCE_LINE = re.compile(
    r"(?:>\s*)?(?:\*\*|__)?(?:title|url(?: source)?|source|markdown content|published time"
    r"|original|quelle|fuente|fonte|origine|источник|kaynak|źródło|bron|sumber|nguồn"
    r"|출처|原文链接|原文|来源|來源|出典|出处)(?:\*\*|__)?\s*[:：](?:\*\*|__)?",
    re.IGNORECASE,
)
_LOGO = re.compile(LOGO, re.IGNORECASE)
# A docs template's notice above the page: the index of the whole site for language models.
_NOTICE_TARGET = re.compile(r"/llms(?:-full)?\.txt$", re.IGNORECASE)
# A caption's edges: its own spaces, and the marks after it ("Search...", "Menu:").
_NOT_WORD = re.compile(r"[\W_]+")  # (folded as ``page_head`` folds a title)
_CAPTION_EDGES = re.compile(r"^\s+|[\W_]+$")


@dataclass(frozen=True)
class Anchor:
    """Where the article starts: its title heading at ``index``; the head is read upward to
    ``top`` (past the converter's own title line)."""

    index: int
    top: int
    named: bool  # the front matter or the converter names this title
    by_front_matter: bool
    sourced: bool  # a converter's line gives the page's web address
    title: str  # the title, folded


@dataclass(frozen=True)
class HeadPart:
    kind: str  # menu, home, links, notice, control, image, label
    web: bool = False  # holds a web link (an absolute address, or rooted at the site)
    name: str = ""  # the site's name, for a home link
    hosts: frozenset[str] = field(default_factory=frozenset)  # "" for a link without one


def title_anchors(doc: Document, blocks: Sequence[Node], limit: int) -> Iterator[Anchor]:
    """The candidates for the article's title heading among the first ``limit`` blocks, the
    surest first (see the module's doc); each level-one heading in turn."""
    head = blocks[:limit]
    lines = leading_source_lines(doc, head)
    sourced = lines > 0
    yield from _repeated_title(doc, head, lines, sourced)
    yield from _named_title(doc, head, lines, sourced)
    for index, node in enumerate(head):
        if (
            node.kind == "heading"
            and heading_level(doc, node) == 1
            and not site_name_heading(doc, node)
        ):
            yield Anchor(index, 0, False, False, sourced, heading_text(doc, node))


def _repeated_title(
    doc: Document, head: Sequence[Node], lines: int, sourced: bool
) -> Iterator[Anchor]:
    """The later heading that repeats the converter's own title line (the first block past
    the crawler's ``lines``, when it is a heading, or the page's ``<title>`` as a converter of
    the whole page prints it: ``title_line``)."""
    if lines >= len(head):
        return
    opening = heading_text(doc, head[lines]) or title_line(doc, head[lines])
    for index in range(lines + 1, len(head)):
        heading = heading_text(doc, head[index])
        if opening and (_repeats(heading, opening) or _closes(heading, opening, head[lines])):
            yield Anchor(index, lines + 1, True, False, sourced, heading or opening)
            return


_TAB_TITLE = re.compile(r"[^\W_][ \t]+(?:-{1,2}|\||–|—|::|·|»|«|•)[ \t]+\S")
"""A ``<title>``'s separator between the page's title and the site's name ("Title | Site")."""


def title_line(doc: Document, node: Node) -> str:
    """The page's ``<title>`` as a converter of the whole page prints it (markdownify,
    html2text: its text first): one line of text, no link nor picture, a separator between
    the post's title and the site's name; folded, "" for any other block."""
    if node.kind != "paragraph" or node.end_line - node.start_line != 1:
        return ""
    skel = skeleton(doc, node)
    if skel is None or skel.links or skel.images or _TAB_TITLE.search(skel.visible) is None:
        return ""
    return _NOT_WORD.sub(" ", skel.visible.casefold()).strip()


def _closes(heading: str, opening: str, node: Node) -> bool:
    """Whether a heading is the title a ``<title>`` line (``node``, not a heading) ends with,
    the site's name before it ("Site | Title")."""
    return (
        bool(heading)
        and node.kind == "paragraph"
        and opening.endswith(heading)
        and 2 * len(heading) >= len(opening)
    )


def _named_title(
    doc: Document, head: Sequence[Node], lines: int, sourced: bool
) -> Iterator[Anchor]:
    """The first block that names the front matter's title (or, without one, the title a
    crawler's "Title:" line gives)."""
    title = front_matter_title(doc)
    by_front_matter = title is not None
    if title is None:  # a crawler's "Title:" line names the page as a clipper's front matter
        title = _title_line(doc, head[:lines])
    if title is None:
        return
    for index, node in enumerate(head):
        if names_title(doc, node, title):
            yield Anchor(index, lines, True, by_front_matter, sourced, title)
            return


_TITLE_LINE = re.compile(r"(?:>\s*)?(?:\*\*|__)?title(?:\*\*|__)?\s*[:：]\s*(\S.*)", re.IGNORECASE)


def _title_line(doc: Document, lines: Sequence[Node]) -> str | None:
    """The title a crawler's "Title:" line gives (Jina's), folded; None without one."""
    for node in lines:
        start, end = doc.node_span(node)
        found = _TITLE_LINE.match(doc.text, start, end)
        if found is not None:
            title = _NOT_WORD.sub(" ", found.group(1).splitlines()[0].casefold()).strip()
            return title or None
    return None


def leading_source_lines(doc: Document, blocks: Sequence[Node]) -> int:
    """How many of the first blocks are a crawler's or converter's own lines."""
    lines = 0
    while lines < len(blocks) and _source_line(doc, blocks[lines]):
        lines += 1
    return lines


def _repeats(heading: str, opening: str) -> bool:
    """Whether a later heading repeats the converter's title line: the same words, or the
    title line is the heading with the site's name after it ("Introduction - Example")."""
    if not heading:
        return False
    return heading == opening or (opening.startswith(heading) and 2 * len(heading) >= len(opening))


def head_part(doc: Document, node: Node, control: re.Pattern[str] | None) -> HeadPart | None:
    """What ``node`` is in a site's head (see the module's doc); None when no head holds it."""
    if _source_line(doc, node):
        return None
    reading = _part_reading(doc, node, control)
    if reading is None:
        return None
    kind, name = reading
    hosts = frozenset(_link_host(href) for href in _hrefs(doc, node))
    # (a template's notice counts as linked; a control's caption holds no link)
    web = kind == "notice" or (
        kind != "control" and WEB_LINK.search(doc.node_source(node)) is not None
    )
    return HeadPart(kind, web, name, hosts)


def _part_reading(
    doc: Document, node: Node, control: re.Pattern[str] | None
) -> tuple[str, str] | None:
    """The kind of head part a block is, and the site's name it gives (for a home link);
    None when no head holds it."""
    if node.kind == "heading":
        name = site_root_name(doc, node) if site_name_heading(doc, node) else None
        return ("home", name) if name else None
    if node.kind == "blockquote":
        return ("notice", "") if _notice(doc, node) else None
    if node.kind not in ("paragraph", "html_block", *LIST_KINDS):
        return None
    if site_menu(doc, node):
        return "menu", ""
    name = site_root_name(doc, node)
    if name:
        return "home", name
    return _block_part(doc, node, control)


def _block_part(
    doc: Document, node: Node, control: re.Pattern[str] | None
) -> tuple[str, str] | None:
    """A paragraph's, list's or HTML block's kind of head part past a menu and a home link:
    links alone, a control's captions, a logo, a short label, a picture or wrapper."""
    if _links_alone(doc, node):
        return "links", ""
    if control is not None and _captions(doc, node, control):
        return "control", ""
    logo = _logo(doc, node)
    if logo is not None:
        return "home", logo
    if short_label(doc, node):
        return "label", ""
    if chrome_shaped(doc, node):
        return "image", ""
    return None


def own_host(doc: Document) -> str | None:
    """The host of the page's own address, as the front matter's crawl keys give it."""
    # Parsed keys only, on purpose: BP190's safe fix rests on it (see
    # ``conversion_pitch._own_host`` for the looser reading of the raw lines, and why two).
    blocks = doc.root.children
    if not blocks or blocks[0].kind != "front_matter":
        return None
    from ..frontmatter.data import page_data  # here: only pages with front matter read it

    data = page_data(doc)
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if str(key).lower() in CRAWL_KEYS and isinstance(value, str):
            host = _HOST.match(value.strip())
            if host is not None:
                return host.group(1).lower()
    return None


def _source_line(doc: Document, node: Node) -> bool:
    start, end = doc.node_span(node)  # (``match`` at the block's start: no ``^`` there)
    return node.kind in ("paragraph", "blockquote") and bool(
        _SOURCE_LINE.match(doc.text, start, end)
    )


def _leaves(doc: Document, node: Node) -> list[Node]:
    return [leaf for leaf in node.walk() if leaf.kind in ("paragraph", "heading", "html_block")]


def _hrefs(doc: Document, node: Node) -> list[str]:
    hrefs: list[str] = []
    for leaf in _leaves(doc, node):
        skel = skeleton(doc, leaf)
        if skel is not None:
            hrefs.extend(link.href for link in skel.links)
    return hrefs


def _link_host(href: str) -> str:
    host = _HOST.match(href.strip())
    return host.group(1).lower() if host is not None else ""


def _links_alone(doc: Document, node: Node) -> bool:
    """A paragraph of links alone, or a list whose every item is."""
    leaves = _leaves(doc, node)
    if not leaves or any(leaf.kind != "paragraph" for leaf in leaves):
        return False
    return all((skel := skeleton(doc, leaf)) is not None and skel.link_only for leaf in leaves)


def _captions(doc: Document, node: Node, control: re.Pattern[str]) -> bool:
    """A paragraph (or list) of a head control's captions alone, one a line, no links."""
    leaves = _leaves(doc, node)
    if not leaves or any(leaf.kind != "paragraph" for leaf in leaves):
        return False
    for leaf in leaves:
        skel = skeleton(doc, leaf)
        if skel is None or skel.links or skel.images:
            return False
        if not all(_is_caption(line, control) for line in skel.visible.splitlines()):
            return False
    return True


def _is_caption(line: str, control: re.Pattern[str]) -> bool:
    """A line that is a head control's caption alone, its edges aside."""
    caption = _CAPTION_EDGES.sub("", line.strip())
    return bool(caption) and control.fullmatch(caption) is not None


def _logo(doc: Document, node: Node) -> str | None:
    """A paragraph of pictures alone whose text or file name says it is a logo: the words of
    its text (or "logo")."""
    if node.kind != "paragraph":
        return None
    skel = skeleton(doc, node)
    if skel is None or not skel.images or skel.visible.strip():
        return None
    for alt, src in image_openings(doc.node_source(node)):
        if _LOGO.search(alt) or _LOGO.search(src.rsplit("/", 1)[-1]):
            return alt.casefold().strip() or "logo"
    return None


def _notice(doc: Document, node: Node) -> bool:
    """A quote that points at the site's index for language models (``/llms.txt``) and holds
    no more than a docs template's few lines about it."""
    hrefs = _hrefs(doc, node)
    if not any(_NOTICE_TARGET.search(href.strip()) for href in hrefs):
        return False
    return len(doc.node_source(node)) <= 400
