"""``labelled-list``: a related-links farm, a label such as "Also read:" or "Related posts" and the links under it.

The label is a block of its own (a paragraph, an HTML ``<span>``, a heading)
whose whole text is a phrase from the rule's lists, or the first line of a
paragraph whose other lines are only links (``**推荐阅读**`` then an image link), or
the title of an HTML widget over its links (``<h3>Ähnliche Beiträge</h3><ul>…``);
what follows it is a list of links, an HTML list of links, or a run of paragraphs
that are only links or bare addresses (``https://…`` as text, which a WeChat
converter leaves). Label and links go together. A label with no link list after
it is left alone, unless nothing is under it (it ends the page, or a heading of its
level follows: an emptied widget), and so is a list under a content title ("See also", "References"), which the
phrase lists do not name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .label_shapes import visible_guess
from .link_targets import is_post_address
from .linkblocks import (
    IMAGE,
    LINK,
    LIST_KINDS,
    SEPARATORS,
    Link,
    heading_level,
    is_external,
    is_source_file_link,
    link_list,
    raw_text,
    skeleton,
    word_count,
)
from .page_head import site_root
from .phrase_lists import fold_width
from .phrases import BlockLabelMatcher, PhraseMatcher

_LABEL_KINDS = ("paragraph", "html_block", "heading")
# A paragraph of bare web addresses, written as text (no link syntax), one or more. Whitespace
# must part them, so a run is read one way only (an address may hold "http://" again).
_URL = r"https?://[^\s<>()\[\]]+"
_BARE_URLS = re.compile(rf"\s*{_URL}(?:\s+{_URL})*\s*")


class LabelledListMatcher(BlockLabelMatcher):
    name = "labelled-list"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "min_links": int,
            "max_tag_words": int,
            "posts_only": bool,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_links = int(params.get("min_links", 1))
        # A feed item may carry a short tag beside its links ("【漏洞系列】", "New"): so many words.
        self.max_tag_words = int(params.get("max_tag_words", 0))
        # A list of related posts links to posts: one whose links all lead to sites' home
        # pages is the author's pointer to a project or a shop, not the theme's widget.
        self.posts_only = bool(params.get("posts_only", False))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, rough in self.blocks_to_probe(doc, *_LABEL_KINDS):
            if not self.probe.match(fold_width(rough)):
                continue  # the label's words are not there: no inline parse needed
            own = self._label_links(doc, node)
            if own is not None:
                yield from self._farm_under(doc, node, own)

    def _farm_under(self, doc: Document, label: Node, own: list[Link]) -> Iterator[Finding]:
        """The label with its links (``own``: those of the label's block), if they are enough."""
        last, links = self._links_after(doc, label)
        links = own + links
        if not links and _left_empty(doc, label):
            # A related-posts widget whose links the converter dropped: its label alone.
            yield Finding(*doc.node_span(label), edits=(remove_blocks(doc, label),))
            return
        if not self._farm_links(links):
            return
        start = doc.node_span(label)[0]
        end = doc.node_span(last or label)[1]
        # Links within the site ("Read more" over relative links) may be a docs page's own
        # further reading: a guess, so the fix waits for --unsafe-fixes.
        guess = not all(_another_page(link) for link in links)
        yield Finding(
            start,
            end,
            edits=(remove_blocks(doc, label, last),),
            applicability=Applicability.UNSAFE if guess else None,
        )

    def _farm_links(self, links: list[Link]) -> bool:
        """Whether the links under a label are enough for a farm and may be one: not a docs
        page's cross-references to its own .md files, nor (``posts_only``) links to sites'
        home pages alone."""
        if not links or len(links) < self.min_links:
            return False
        if all(is_source_file_link(link.href) for link in links):
            return False  # a docs page's "Related articles" over its own .md files
        return not (self.posts_only and all(_home_page(link) for link in links))

    def _tagged_links(self, doc: Document, node: Node) -> list[Link] | None:
        """The links of a paragraph that is links and a short tag, the links' text the longer."""
        if self.max_tag_words <= 0 or node.kind != "paragraph":
            return None
        skel = skeleton(doc, node)
        if skel is None or not skel.links:
            return None
        tag = word_count(skel.text.replace(LINK, " ").replace(IMAGE, " "))
        if tag > self.max_tag_words or tag >= sum(word_count(link.text) for link in skel.links):
            return None
        return skel.links

    def _label_links(self, doc: Document, node: Node) -> list[Link] | None:
        """The links a label block holds: none when it is the label alone, those of the lines
        after a label line when they are only links; None when the block is no label."""
        skel = skeleton(doc, node)
        if skel is None:
            return None
        if not skel.links:
            return [] if self.label.fullmatch(fold_width(skel.text)) else None
        label, _, rest = fold_width(skel.text).partition(LINK)
        if not self.label.fullmatch(label) or SEPARATORS.sub("", rest.replace(LINK, "")):
            return None
        if node.kind == "html_block":
            return skel.links  # a widget's markup: its title, then its list of links
        if node.kind != "paragraph" or not self._label_line(doc, node):
            return None
        return skel.links

    def _label_line(self, doc: Document, node: Node) -> bool:
        """Whether the paragraph's first line is the label alone (its links come after it)."""
        first_line = doc.line_text(node.start_line)
        if "](" in first_line or "<a" in first_line.lower():
            return False  # a link on the label's line: a promo line (labelled-line judges it)
        # The line as a reader sees it must be the label, as the fast path reads it too.
        # A line whose reading cannot be told (HTML, escapes, entities) is no label line: the
        # fast path, which reads the same guess, would not find it either.
        line = first_line.lstrip(" \t>").rstrip()
        guess = visible_guess(line)
        if guess is None and line.endswith("["):
            guess = visible_guess(line[:-1])  # the label, then the opening of a link that wraps
        return guess is not None and self.label.fullmatch(fold_width(guess)) is not None

    def _links_after(self, doc: Document, label: Node) -> tuple[Node | None, list[Link]]:
        """The last block of the link list that follows the label, and the links it holds."""
        last: Node | None = None
        found: list[Link] = []
        node = label.next_sibling
        while node is not None:
            links = link_list(doc, node) or _links_with_empty_items(doc, node)
            if links is None:
                links = _bare_urls(doc, node) or self._tagged_links(doc, node)
            if links is None:
                break
            last = node
            found.extend(links)
            if node.kind in LIST_KINDS or node.kind == "html_block":
                break  # one list is the farm; a second list is something else
            node = node.next_sibling
        return last, found


def _links_with_empty_items(doc: Document, node: Node) -> list[Link] | None:
    """The links of a list whose items are links or empty: Jetpack's share row ends with an
    empty ``<li class="share-end">`` that a converter keeps as a bare ``-``. Under a label only."""
    if node.kind not in LIST_KINDS:
        return None
    links: list[Link] = []
    for item in node.children:
        for child in item.children:  # an empty item has no children: nothing to read
            inner = link_list(doc, child)
            if inner is None and not _share_button_text(doc, child):
                return None
            links.extend(inner or ())
    return links or None


# WordPress's screen-reader note on a share button, in the wording of its translations: an
# item that says it and holds no link is a button whose link the converter dropped (e-mail).
_NEW_WINDOW_NOTE = re.compile(
    r"\((?:opens in (?:a )?new window|si apre in una nuova finestra|wird in neuem fenster"
    r" geöffnet|se abre en una (?:ventana nueva|nueva ventana)|abre em (?:uma )?nova janela"
    r"|s(?:'|’)ouvre dans une nouvelle fenêtre|ouvre dans une nouvelle fenêtre|открывается в"
    r" новом окне|wordt geopend in een nieuw venster|otwiera się w nowym oknie|membuka di"
    r" jendela (?:yang )?baru|yeni pencerede açılır|mở trong cửa sổ mới)\)",
    re.IGNORECASE,
)


def _share_button_text(doc: Document, node: Node) -> bool:
    """Whether a paragraph is a share button's text alone (no link): short, ending with the
    note and the service's name."""
    if node.kind != "paragraph":
        return False
    raw = raw_text(doc, node)
    text = " ".join(raw.split())
    note = _NEW_WINDOW_NOTE.search(text) if len(text) <= 200 and "](" not in text else None
    # The button's words, the note, then at most the service's name ("E-mail").
    return note is not None and len(text[note.end() :].split()) <= 1


def _bare_urls(doc: Document, node: Node) -> list[Link] | None:
    """The addresses of a paragraph that is only web addresses written as text; else None."""
    if node.kind != "paragraph":
        return None
    raw = raw_text(doc, node)
    if "://" not in raw or _BARE_URLS.fullmatch(raw) is None:
        return None
    return [Link(url, url) for url in raw.split()]


def _left_empty(doc: Document, label: Node) -> bool:
    """Whether a top-level label has nothing under it: it ends the page, or it is a heading
    right before a heading of its level or a higher one."""
    if label.parent is not doc.root or _ends_a_sentence(doc, label):
        return False
    following = label.next_sibling
    if following is None:
        return True
    return (
        label.kind == "heading"
        and following.kind == "heading"
        and heading_level(doc, following) <= heading_level(doc, label)
    )


def _ends_a_sentence(doc: Document, label: Node) -> bool:
    """Whether the label block ends with a full stop: "Read more." closing a page is the author's
    sentence, where a widget's title ("Read more", "Related posts:") ends without one."""
    last_line = doc.line_text(label.end_line - 1).rstrip().rstrip("*_#")
    return last_line.endswith((".", "。", "!", "！", "?", "？"))


def _home_page(link: Link) -> bool:
    """Whether a link leads to a site's home page (``https://site/``, ``/``)."""
    return link.href.strip() not in ("", "#") and site_root(link.href)


def _another_page(link: Link) -> bool:
    """Another site's page, or a post's address (``/blog/slug``, a dated permalink): a blog's
    related article, not a manual's page."""
    return is_external(link.href) or is_post_address(link.href)
