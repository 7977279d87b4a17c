"""``author-echo``: the author box's remnant at a post's end, its name the byline's author link.

A blog theme prints the author twice: in the byline, as a link to the author's archive
(``[Zgao](/author/zgao/)``, WordPress, Ghost, Hugo and their translations, ``?author=2``), and
in the author box after the article, as the author's name over a one-line description. A
crawler or clipper keeps the box without its markup: a heading that is the name alone
("###### Zgao", "##### [Marina Londei](/author/marina-londei/)") over at most one short
paragraph (the bio), or a paragraph whose first line is the name and whose other lines are the
bio ("Antony I" / "Web developer, WordPress, WooCommerce ..."). Such a block goes when the name
is the text of an author-archive link elsewhere on the page (the page says who its author is,
by the link a theme prints), it stands in the page's second half after a paragraph of prose,
and a heading or the page's end follows it. An interview's speaker headings (no author link
of that name), a section under a person's name with more than a line under it, and an
author's sign-off on one line stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document, Node
from ..fastpath.triggers import AllOf, Literals, Trigger
from ..models import Finding
from ..removal import remove_blocks, remove_lines
from .base import Matcher
from .fix_safety import safe_if
from .inline_links import LINK
from .linkblocks import raw_text, skeleton, word_count

# A Markdown link's text and address (its title aside): the page's author links are read so.
# An author's archive as the blog engines print it (WordPress, Ghost, Hugo, Jekyll and their
# translated slugs, WordPress's "?author=2" on the site's root): not a profile on a platform
# ("/users/NAME", "/@NAME"), a shape that an API's docs use for their own pages.
_ARCHIVE = re.compile(
    r"/(?:author|authors|autor(?:e|es|en|in)?|auteurs?|autori|yazar|penulis|tac-gia)/[^/?#\s]+/?(?:[?#]|$)"
    r"|^(?:https?://[^/?#\s]+)?/?(?:index\.php)?\?(?:[^#\s]*&)?author=\d+(?:[&#]|$)",
    re.I,
)
# The literals one of which each archive address holds (the trigger's).
_ARCHIVE_KEYS = ("/author", "/autor", "/auteur", "/yazar/", "/penulis/", "/tac-gia/", "author=")
_MAX_LINK_CHARS = 60  # a name's link, not a sentence's
_MAX_NAME_WORDS = 4
_MAX_BIO_WORDS = 60  # one short paragraph under the name
_MAX_BIO_LINES = 3  # the lines under the name in the name's own paragraph
_MAX_LINE_WORDS = 30
_PROSE_WORDS = 30  # a paragraph of the article before the box
_AVATAR = re.compile(r"avatar|gravatar", re.I)
_GRAVATAR = re.compile(r"//(?:secure\.|www\.|\d\.)?gravatar\.com/avatar/", re.I)
_MARKUP = re.compile(r"[*_`#]+")


def _norm(text: str) -> str:
    """A name as compared: emphasis and spaces dropped, case folded."""
    return " ".join(_MARKUP.sub(" ", text).split()).casefold()


class AuthorEchoMatcher(Matcher):
    name = "author-echo"

    def trigger(self) -> Trigger:
        # A link to an author's archive (its address's literal) somewhere on the page.
        return AllOf((Literals(("](",)), Literals(_ARCHIVE_KEYS)))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(doc.text.lower()):
            return
        authors = _author_links(doc.text)
        if not authors:
            return
        blocks = doc.root.children
        for index in range(len(blocks)):
            found = _box(doc, blocks, index, authors)
            if found is not None:
                first, last = found
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                sure = _sure(doc, first, blocks[index])
                edit = remove_blocks(doc, first, last)
                yield Finding(start, end, edits=(edit,), applicability=safe_if(sure))
            elif blocks[index].kind == "paragraph":
                yield from _box_lines(doc, blocks, index, authors)


def _sure(doc: Document, first: Node, name: Node) -> bool:
    """Whether the box is certain: the author's Gravatar picture over a name heading that is
    the link to the author's archive (WordPress's avatar service and its archive address, two
    signs of the theme's box)."""
    if first is name or name.kind != "heading":
        return False
    skel = skeleton(doc, name)
    avatar = _GRAVATAR.search(raw_text(doc, first)) is not None
    return (
        avatar
        and skel is not None
        and any(_ARCHIVE.search(link.href) is not None for link in skel.links)
    )


def _author_links(text: str) -> list[tuple[str, int, int]]:
    """The page's links to an author's archive: the name each shows, and where it stands."""
    found = []
    for link in LINK.finditer(text):
        shown, href = link["text"], link["href"]
        if not 0 < len(shown) <= _MAX_LINK_CHARS or "\n" in shown or not href:
            continue
        name = _norm(shown)
        if 0 < word_count(name) <= _MAX_NAME_WORDS and _ARCHIVE.search(href):
            found.append((name, link.start(), link.end()))
    return found


def _named_elsewhere(
    doc: Document, node: Node, name: str, authors: list[tuple[str, int, int]]
) -> bool:
    """Whether an author link of ``name`` stands outside ``node``."""
    start, end = doc.node_span(node)
    return any(each == name and not (start <= at < end) for each, at, _ in authors)


def _box(
    doc: Document, blocks: list[Node], index: int, authors: list[tuple[str, int, int]]
) -> tuple[Node, Node] | None:
    """The author box that opens at ``blocks[index]`` (its first and last block), if any."""
    node = blocks[index]
    if not _late(doc, blocks, index, node.start_line):
        return None
    if node.kind == "heading":
        name, last = _heading_name(doc, node), _bio_under(doc, blocks, index)
    elif node.kind == "paragraph" and _name_line(doc, node) == node.start_line:
        name, last = _norm(doc.line_text(node.start_line)), node
    else:
        return None
    if name is None or last is None or not _named_elsewhere(doc, node, name, authors):
        return None
    if not _closes(blocks, last) or not _after_prose(doc, blocks, index):
        return None
    return _with_avatar(doc, blocks, index), last


def _heading_name(doc: Document, node: Node) -> str | None:
    """A heading's text when it is a name alone (or one link whose text is the name)."""
    skel = skeleton(doc, node)
    if skel is None or skel.images or len(skel.links) > 1:
        return None
    name = _norm(skel.visible)
    return name if 0 < word_count(name) <= _MAX_NAME_WORDS and not re.search(r"\d", name) else None


def _bio_under(doc: Document, blocks: list[Node], index: int) -> Node | None:
    """The last block of a name heading's box: the heading itself, or the one short
    paragraph without links under it; None when more stands under the heading."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None or following.kind == "heading":
        return blocks[index]
    skel = skeleton(doc, following) if following.kind == "paragraph" else None
    if skel is None or skel.links or skel.words() > _MAX_BIO_WORDS:
        return None
    return following


def _name_line(doc: Document, node: Node) -> int | None:
    """The line of a paragraph that opens its last lines as an author box: a name alone,
    then one to three short bio lines to the paragraph's end; None when there is none or
    the paragraph holds a link or a picture (a box's remnant holds neither)."""
    skel = skeleton(doc, node)
    if skel is None or skel.links or skel.images:
        return None
    # (the skeleton joins a paragraph's lines: its source keeps them apart)
    end = doc.content_end_line(node)
    for first in range(max(node.start_line, end - 1 - _MAX_BIO_LINES), end - 1):
        bio = [doc.line_text(line) for line in range(first + 1, end)]
        if all(0 < word_count(line) <= _MAX_LINE_WORDS for line in bio):
            name = _norm(doc.line_text(first))
            if 0 < word_count(name) <= _MAX_NAME_WORDS and not re.search(r"\d", name):
                return first
    return None


def _late(doc: Document, blocks: list[Node], index: int, line: int) -> bool:
    """Whether a block, or its line, stands in the page's second half (by blocks or by lines:
    a text dump's tail is few blocks of many lines, a crawl's many blocks of few)."""
    return index >= len(blocks) // 2 or line >= doc.line_count // 2


def _box_lines(
    doc: Document, blocks: list[Node], index: int, authors: list[tuple[str, int, int]]
) -> Iterator[Finding]:
    """An author box at the end of a paragraph of lines (a text dump's): the name line and
    the bio lines under it, after lines of the article's prose, before a heading or the end."""
    node = blocks[index]
    first = _name_line(doc, node)
    if first is None or first == node.start_line or not _closes([], node):
        return
    if not _late(doc, blocks, index, first):
        return
    name = _norm(doc.line_text(first))
    start = doc.line_offset(first)
    if not any(
        each == name and not (start <= at < doc.node_span(node)[1]) for each, at, _ in authors
    ):
        return
    before = " ".join(doc.line_text(line) for line in range(node.start_line, first))
    if word_count(before) <= _PROSE_WORDS:
        return
    end_line = doc.content_end_line(node)
    end = doc.line_end(end_line - 1)
    yield Finding(start, end, edits=(remove_lines(doc, first, end_line),))


def _closes(blocks: list[Node], last: Node) -> bool:
    """Whether a heading or the page's end follows the box."""
    following = last.next_sibling
    return following is None or following.kind == "heading"


def _after_prose(doc: Document, blocks: list[Node], index: int) -> bool:
    """Whether a paragraph of the article's prose stands before the box."""
    for node in blocks[:index]:
        skel = skeleton(doc, node) if node.kind == "paragraph" else None
        if skel is not None and skel.words() - skel.link_words() > _PROSE_WORDS:
            return True
    return False


def _with_avatar(doc: Document, blocks: list[Node], index: int) -> Node:
    """The box's first block: the author's avatar just above the name, when it is there."""
    if index > 0 and blocks[index - 1].kind == "paragraph":
        skel = skeleton(doc, blocks[index - 1])
        avatar = _AVATAR.search(raw_text(doc, blocks[index - 1])) is not None
        if skel is not None and skel.images and not skel.words() and avatar:
            return blocks[index - 1]
    return blocks[index]
