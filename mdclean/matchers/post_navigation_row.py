"""``post-navigation-row``: a blog theme's links to the previous and the next post.

Under an article a blog theme prints links to the previous and the next post, marked
by arrows alone ("« How to grind coffee | Why espresso tastes sour »") or by words of
direction in its language ("Previous post: … Next post: …", "« Older | Newer »",
"上一篇 / 下一篇", "前の記事 / 次の記事", "이전 글 / 다음 글"). The row is a paragraph,
or a list of two items, with exactly two links to two article pages of one site
(absolute addresses with a path, or paths from the site's root: ``/blog/…``), each
link marked as the earlier or the later post: its side of the row (the words before it and its text) opens or closes with an arrow
(``earlier_marks``, ``later_marks``) or a word (``earlier_words``, ``later_words``),
one side each way. Outside the links stand only separators, arrows and short labels
that hold such a word (``max_label_words``). Titles marked by arrows alone are at least
``min_words_per_link`` words long (arrows are also a row of tool links' decoration).

Left alone: links relative to the page (a docs series' "← Install | Configure →" to
``install.md``, which its site renders), links to two sites, a row of one link, rows
inside quotes or longer lists, the page's first block, two sides marked the same way,
and words of direction inside a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.chunks import Spelt, Together
from ..fastpath.triggers import AnyOf, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import all_posts, links_in, safe_if
from .linkblocks import LINK, SEPARATORS, Link, skeleton, word_count

# An article page: a path beyond the site's root, in an absolute http(s) address (with its
# host) or from the site's root ("/blog/…": no host, the page's own site).
_ARTICLE = re.compile(r"(?:(?:https?:)?//([^/#?\s]+))?(/[^#?\s]*[^/#?\s][^#?\s]*)", re.I)
# The root of a site: an absolute address with no path beyond "/".
_SITE_ROOT = re.compile(r"(?:https?:)?//([^/#?\s]+)/?", re.I)
_EARLIER, _LATER = "earlier", "later"


@dataclass(frozen=True, slots=True)
class _Row:
    """Two links and what stands around them: before the first, between, after the second."""

    links: tuple[Link, Link]
    pieces: tuple[str, str, str]

    @property
    def sides(self) -> tuple[str, str]:
        """Each link's side of the row: the words before it, its text, and (the second's)
        the words after it."""
        first, second = self.links
        return (
            f"{self.pieces[0]} {first.text}",
            f"{self.pieces[1]} {second.text} {self.pieces[2]}",
        )


class PostNavigationRowMatcher(Matcher):
    name = "post-navigation-row"
    params = MappingProxyType(
        {
            "keywords": list,
            "earlier_marks": list,
            "later_marks": list,
            "earlier_words": list,
            "later_words": list,
            "min_words_per_link": int,
            "max_label_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.earlier_marks = tuple(str(m) for m in params.get("earlier_marks", ()))
        self.later_marks = tuple(str(m) for m in params.get("later_marks", ()))
        self.earlier_words = tuple(str(w).lower() for w in params.get("earlier_words", ()))
        self.later_words = tuple(str(w).lower() for w in params.get("later_words", ()))
        self.min_words_per_link = int(params.get("min_words_per_link", 2))
        self.max_label_words = int(params.get("max_label_words", 4))
        marks = sorted({*self.earlier_marks, *self.later_marks}, key=len, reverse=True)
        self._marks = re.compile("|".join(map(re.escape, marks))) if marks else None
        self._ends = {
            _EARLIER: ends_pattern(self.earlier_marks, self.earlier_words),
            _LATER: ends_pattern(self.later_marks, self.later_words),
        }
        self._word_ends = {
            _EARLIER: ends_pattern((), self.earlier_words),
            _LATER: ends_pattern((), self.later_words),
        }
        words = (*self.earlier_words, *self.later_words)
        self._direction_word = _words_pattern(words) if words else None

    def trigger(self) -> Trigger:
        """A keyword, and a mark or word of each direction written out in one row: a paragraph
        (one chunk) or a list of two items (two chunks in a row). A word counts where it stands
        alone, as ``_direction`` reads it (the underscore of emphasis, which the skeleton drops,
        counted as a boundary), or anywhere beside an ``&`` (an entity may spell part of it)."""
        earlier, later = (
            (*self.earlier_marks, *self.earlier_words),
            (*self.later_marks, *self.later_words),
        )
        in_row = AnyOf(
            (
                Together(
                    (
                        Spelt(self.earlier_marks, self.earlier_words),
                        Spelt(self.later_marks, self.later_words),
                    ),
                    2,
                ),
                all_of(
                    literals("&"),
                    Together((Spelt(earlier), Spelt(later), Spelt(("&",))), 2),
                ),
            )
        )
        return all_of(self.keyword_trigger(), literals(*earlier), literals(*later), in_row)

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = doc.root.children
        index = 1
        while index < len(blocks):
            last = self._row_end(doc, blocks, index)
            if last is None:
                index += 1
                continue
            start, end = doc.node_span(blocks[index])[0], doc.node_span(blocks[last])[1]
            edits = (remove_blocks(doc, blocks[index], blocks[last]),)
            # Two posts' addresses (dated permalinks, /blog/slug) make the row certain.
            sure = all_posts(links_in(doc, blocks[index : last + 1]))
            yield Finding(start, end, edits=edits, applicability=safe_if(sure))
            index = last + 1

    def _row_end(self, doc: Document, blocks: list[Node], index: int) -> int | None:
        """The index of the row's last block when a row starts at ``index``: one block, or
        two paragraphs of one link each (a theme that puts each side on its own line)."""
        if self._is_row(self._row(doc, blocks[index])):
            return index
        if index + 1 < len(blocks) and self._is_row(
            self._split_row(doc, *blocks[index : index + 2])
        ):
            return index + 1
        return None

    def _is_row(self, row: _Row | None) -> bool:
        return row is not None and (self._arrow_row(row) or self._labelled_row(row))

    def _row(self, doc: Document, node: Node) -> _Row | None:
        """The two links of a paragraph, or of a list of two items, with both directions
        written out in its source (what the trigger can tell from the text), else None."""
        if not self._written_out(doc.text[slice(*doc.node_span(node))].lower()):
            return None
        if node.kind == "paragraph":
            return _paragraph_row(doc, node)
        if node.kind in ("bullet_list", "ordered_list") and len(node.children) == 2:
            return _list_row(doc, node)
        return None

    def _split_row(self, doc: Document, first: Node, second: Node) -> _Row | None:
        """The row of two paragraphs, one link each ("[← Previous](…)" then "[Next →](…)")."""
        if first.kind != "paragraph" or second.kind != "paragraph":
            return None
        start, end = doc.node_span(first)[0], doc.node_span(second)[1]
        if not self._written_out(doc.text[start:end].lower()):
            return None
        first_half, second_half = one_link(doc, first), one_link(doc, second)
        if first_half is None or second_half is None:
            return None
        (before, first_link, middle), (between, second_link, after) = first_half, second_half
        return _Row((first_link, second_link), (before, f"{middle} {between}", after))

    def _written_out(self, raw: str) -> bool:
        """Whether a mark or word of each direction is written out in the block (an arrow spelt
        as an entity is not read)."""
        return holds_any(raw, (*self.earlier_marks, *self.earlier_words)) and holds_any(
            raw, (*self.later_marks, *self.later_words)
        )

    def _arrow_row(self, row: _Row) -> bool:
        """ "« Older title | Newer title »": arrows alone, around two titles of posts."""
        marks = self._marks
        if marks is None or SEPARATORS.sub("", marks.sub("", "".join(row.pieces))):
            return False  # words outside the links: a sentence, or a label (read below)
        visible = f"{row.pieces[0]}{row.links[0].text}{row.pieces[1]}{row.links[1].text}"
        visible = f"{visible}{row.pieces[2]}".strip()
        if not (visible.startswith(self.earlier_marks) and visible.endswith(self.later_marks)):
            return False
        titled = all(
            word_count(marks.sub(" ", link.text)) >= self.min_words_per_link for link in row.links
        )
        return titled and _two_posts(row.links)

    def _labelled_row(self, row: _Row) -> bool:
        """ "Previous post: … Next post: …": each side marked, one each way, by a word or an
        arrow at its start or end; only short labels with a word of direction outside."""
        if not all(self._label(piece) for piece in row.pieces):
            return False
        directions = [_direction(side, self._ends) for side in row.sides]
        if set(directions) != {_EARLIER, _LATER}:
            return False
        # One side at least says it in words: arrows alone need titles ("« Home | Blog »").
        worded = any(_direction(side, self._word_ends) for side in row.sides)
        return worded and _two_posts(row.links)

    def _label(self, piece: str) -> bool:
        """Whether words outside the links are none, or a short label of direction."""
        words = SEPARATORS.sub(" ", self._marks.sub(" ", piece) if self._marks else piece)
        if not words.strip():
            return True
        found = self._direction_word
        return (
            found is not None
            and word_count(words) <= self.max_label_words
            and found.search(words.lower()) is not None
        )


def _direction(side: str, ends: Mapping[str, re.Pattern[str] | None]) -> str | None:
    """Which way a side of the row points, by the mark or word at its start or end."""
    text = " ".join(side.lower().split())
    pointing = [way for way, pattern in ends.items() if pattern and pattern.search(text)]
    return pointing[0] if len(pointing) == 1 else None


def _paragraph_row(doc: Document, node: Node) -> _Row | None:
    read = _links_and_words(doc, node, 2)
    if read is None:
        return None
    links, (before, between, after) = read
    return _Row((links[0], links[1]), (before, between, after))


def _links_and_words(doc: Document, node: Node, count: int) -> tuple[list[Link], list[str]] | None:
    """A paragraph of exactly ``count`` links (a last link home aside) and no image: its links
    and the words around them; None for any other block."""
    skel = skeleton(doc, node)
    if skel is None or skel.images:
        return None
    links, text = without_home_link(skel.links, skel.text)
    if len(links) != count:
        return None
    return links, text.split(LINK)


def without_home_link(links: list[Link], text: str) -> tuple[list[Link], str]:
    """A block's links and text (``LINK`` placeholders) without a last link that leads home:
    the root of the site of the link before it, right after it (Blogger's "Newer Post ·
    Older Post · Home", in any language)."""
    if len(links) < 2:
        return links, text
    home, post = _SITE_ROOT.fullmatch(links[-1].href.strip()), article_page(links[-2].href)
    last = text.rindex(LINK)
    between = text[text.rindex(LINK, 0, last) + 1 : last]
    if (
        home is None
        or post is None
        or home.group(1).lower().removeprefix("www.") != post[0]
        or SEPARATORS.sub("", between)
    ):
        return links, text
    return links[:-1], text[:last]


def _list_row(doc: Document, node: Node) -> _Row | None:
    """A list of two items, each one paragraph with one link ("- Previous: [Title](…)")."""
    halves: list[tuple[str, Link, str]] = []
    for item in node.children:
        if len(item.children) != 1 or item.children[0].kind != "paragraph":
            return None
        half = one_link(doc, item.children[0])
        if half is None:
            return None
        halves.append(half)
    (before, first, middle), (between, second, after) = halves
    return _Row((first, second), (before, f"{middle} {between}", after))


def one_link(doc: Document, node: Node) -> tuple[str, Link, str] | None:
    """A paragraph of one link and no image: the words before it, the link, the words after."""
    read = _links_and_words(doc, node, 1)
    if read is None:
        return None
    links, (before, after) = read
    return before, links[0], after


def ends_pattern(marks: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A side's opening or closing mark or word, past separators and arrows of any kind."""
    options = [re.escape(m) for m in marks] + [_word(w) for w in words]
    if not options:
        return None
    either = "|".join(options)
    separators = SEPARATORS.pattern
    return re.compile(rf"^(?:{separators})?(?:{either})|(?:{either})(?:{separators})?$")


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_word(w) for w in words))


def _word(word: str) -> str:
    """A word of direction that is no part of a longer word ("next", not "nextcloud")."""
    return rf"(?<!\w){re.escape(word)}(?!\w)" if word[-1:].isascii() else re.escape(word)


def holds_any(text: str, marks: tuple[str, ...]) -> bool:
    return any(mark in text for mark in marks)


def _two_posts(links: tuple[Link, Link]) -> bool:
    """Whether two links lead to two article pages of one site."""
    pages = [article_page(link.href) for link in links]
    return (
        None not in pages and len({page[0] for page in pages if page}) == 1 and len(set(pages)) == 2
    )


def article_page(href: str) -> tuple[str, str] | None:
    """The host (``www.`` aside) and path of an absolute address of an article page, else None."""
    address = _ARTICLE.fullmatch(href.strip())
    if address is None:
        return None
    return (address.group(1) or "").lower().removeprefix("www."), address.group(2).rstrip("/")
