"""``trailing-link-block``: the links to other articles that end a page, found by their shape.

A clipped article often ends with the site's "more articles" block under a label in
any language ("【ほかのインタビュー記事はこちら】", "Lesenswert", none at all): the
last blocks of the page hold only links (a list, link paragraphs, an HTML link block,
or one paragraph of a short label line then links), at least ``min_links`` of them to
article pages (an absolute address with a path), their texts as long as headlines
(``min_words_per_link`` words on average, Chinese and Japanese counted by characters).
The site's copyright line under them (``closing_line``) goes with them.

Whatever the language, the shape decides, so the fix is unsafe. Left alone: a block
right under a heading (a section: ``link-farm-section`` judges it), a list that the
paragraph before introduces (it ends with a colon), links under a content title
("See also", "References", in any language of ``content-link-titles``), links to
anchors or relative pages (a docs index), links to a repository's commits, issues and
releases (a project report, ``repository_links``), and a page that is nothing but links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AnyOf, AtLeast, Check, Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .closing_line import closing_line, closing_marks, may_close
from .linkblocks import (
    IMAGE,
    LINK,
    SEPARATORS,
    Link,
    link_list,
    raw_text,
    skeleton,
    word_count,
)
from .phrase_lists import fold_width, phrase_pattern
from .phrases import matchable_title
from .repository_links import record_of_work

# An article page: an absolute http(s) address with a path beyond the site's root.
_ARTICLE = re.compile(r"(?:https?:)?//[^/#?\s]+/[^#\s]*[^/#\s]", re.I)
_LEAD_IN_END = (":", "：")
_FULL_STOPS = (".", "。")
# A paragraph set apart as a title: wholly bold, or wholly in 【】 brackets (bold or not).
_TITLE_MARKUP = re.compile(r"\s*(?:(\*\*|__)[^\n]+\1|(?:\*\*)?【[^\n【】]+】(?:\*\*)?)\s*")
_DISGUISED_SLASHES = ("&#", "&sol", "\\/")
_DIGIT = re.compile(r"\d")
_WORDS_WITHOUT_DIGITS = re.compile(r"\b[^\W\d]+\b")
# A card's category after its date, quoted after a short word: Jetpack's 'In "Tools"',
# 'En «Viajes»', 'Dans « Outils »', 'В «Новости»'.
_QUOTED_CATEGORY = re.compile(r"[^\W\d_]{1,6}\s*[\"«“„](?:[^\"«»“”„\n]{1,60})[\"»”“]\s*$")
_MAX_DATE_WORDS = 2  # "March 3, 2024", "3 days ago": a month's or a unit's name and "ago"
_MAX_DATE_LINES = 3  # a card's lines under its last link: a date, a count, a category
_UNSURE_MARKS = ("//", "<", "&", "\\")


class TrailingLinkBlockMatcher(Matcher):
    name = "trailing-link-block"
    params = MappingProxyType(
        {
            "keywords": list,
            "exempt": list,
            "exempt_labels": list,
            "min_links": int,
            "min_words_per_link": (int, float),
            "max_label_words": int,
            "min_links_per_unlinked_title": int,
            "max_closing_words": int,
            "closing_marks": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        exempt = phrase_pattern(params, "exempt", "exempt_labels")
        self.exempt_title = re.compile(rf"\W*(?:{exempt})\W*", re.I) if exempt else None
        self.min_links = int(params.get("min_links", 3))
        self.min_words_per_link = float(params.get("min_words_per_link", 4))
        self.max_label_words = int(params.get("max_label_words", 12))
        # A title left without its link (an article announced, not yet out) per so many links.
        self.min_links_per_unlinked_title = int(params.get("min_links_per_unlinked_title", 0))
        self.max_closing_words = int(params.get("max_closing_words", 12))
        self.closing_marks = closing_marks(params)

    def trigger(self) -> Trigger:
        """A keyword; the last line of the text (or the one above a footer's closing line) may
        end a link (its text, target, an HTML tag, a reference definition); and the text holds
        ``min_links`` absolute addresses (``//``), or a slash spelt another way (an entity, an
        escape) that could hide one."""
        return all_of(
            self.keyword_trigger(),
            # Hand-written: the marks of the last lines decide (``may_end_an_article_link``).
            Check(
                lambda text: last_lines_may_end_links(
                    text, self.closing_marks, sentences_end_none=True
                ),
                "the last line may end a link",
            ),
            AnyOf((AtLeast("//", self.min_links), literals(*_DISGUISED_SLASHES))),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        if not page:
            return
        closing = len(page) > 1 and closing_line(
            doc, page[-1], self.closing_marks, self.max_closing_words
        )
        blocks = page[:-1] if closing else page  # a footer's copyright line goes with the run
        first, links = self._trailing_run(doc, blocks)
        if first is None or not self._articles(links):
            return
        if not last_lines_may_end_links(doc.text.lower(), self.closing_marks):
            return  # under the links, lines the trigger does not read as a card's or a footer's
        index = self._run_start(doc, blocks, blocks.index(first))
        if index is None:
            return
        first, last = blocks[index], page[-1]
        start, end = doc.node_span(first)[0], doc.node_span(last)[1]
        yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _run_start(self, doc: Document, blocks: list[Node], index: int) -> int | None:
        """Where the run of links that starts at ``index`` goes from (its title, when it has
        one), when it stands alone after the article's text; None when it does not."""
        if index == 0:
            return None  # the page is nothing but links: an index, not an article's tail
        titled = self._with_title(doc, blocks, index)
        if titled != index and self._content_title(doc, blocks[titled]):
            return None  # "**Further reading**": the article's own list under a bold title
        if not self._stands_alone(doc, blocks, titled):
            return None
        return titled

    def _articles(self, links: list[Link]) -> bool:
        """Whether the links are enough links to different article pages, with headline texts."""
        if len(links) < self.min_links or not all(_ARTICLE.match(link.href) for link in links):
            return False
        if len({link.href.rstrip("/") for link in links}) < self.min_links:
            return False
        if record_of_work(links):
            return False  # a project report's commits and issues: the author's own list
        return headline_texts(links, self.min_words_per_link)

    def _stands_alone(self, doc: Document, blocks: list[Node], index: int) -> bool:
        """Whether the run at ``index`` follows the article's text and nothing leads in to it:
        a paragraph before it that is no lead-in, and no content title over it."""
        before = blocks[index - 1]
        return not (
            before.kind != "paragraph"
            or introduces(doc, before)
            or self._content_title(doc, before)  # "参考资料" on a line of its own, no markup
            or self._under_content_title(doc, blocks, index)
        )

    def _trailing_run(self, doc: Document, blocks: list[Node]) -> tuple[Node | None, list[Link]]:
        """The first block of the link-only run that ends the page, and its links."""
        first: Node | None = None
        links: list[Link] = []
        for node in reversed(blocks):
            found = link_list(doc, node) or dated_link_list(doc, node)
            if found is None:
                # The run's first block may open with a label line; nothing above it belongs.
                labelled = self._labelled_links(doc, node)
                if labelled is not None:
                    first, links = node, labelled + links
                break
            first, links = node, found + links
        return first, links

    def _labelled_links(self, doc: Document, node: Node) -> list[Link] | None:
        """The links of a paragraph that is a short label line, then only links."""
        if node.kind != "paragraph":
            return None
        skel = skeleton(doc, node)
        if skel is None or LINK not in skel.text:
            return None
        if "](" in doc.line_text(node.start_line) or "<a" in doc.line_text(node.start_line).lower():
            return None  # the label is a line of its own, the links come after it
        label, _, rest = skel.text.partition(LINK)
        label = " ".join(fold_width(label).split())
        if label.endswith(_LEAD_IN_END) or word_count(label) > self.max_label_words:
            return None
        if not self._only_links_between(rest, skel.links):
            return None
        return skel.links

    def _only_links_between(self, rest: str, links: list[Link]) -> bool:
        """Whether only separators stand between the links, or now and then a title that lost
        its link: at most one per ``min_links_per_unlinked_title`` links, as long as a link
        text at most twice, and no sentence (it does not end with a full stop)."""
        unlinked = [piece.strip() for piece in rest.split(LINK) if SEPARATORS.sub("", piece)]
        if not unlinked:
            return True
        per_title = self.min_links_per_unlinked_title
        if per_title <= 0 or len(unlinked) * per_title > len(links):
            return False
        longest = 2 * sum(word_count(link.text) for link in links) / len(links)
        return all(
            word_count(piece) <= longest and not piece.endswith(_FULL_STOPS) for piece in unlinked
        )

    def _with_title(self, doc: Document, blocks: list[Node], index: int) -> int:
        """Where the run starts once its own title ("**Lesenswert**") is taken with it: the
        title's index when a title stands before it, alone after the article's text."""
        titled = index - 1
        if (
            titled > 0
            and self._is_title(doc, blocks[titled])
            and self._stands_alone(doc, blocks, titled)
        ):
            return titled
        return index

    def _is_title(self, doc: Document, node: Node) -> bool:
        """Whether a paragraph is a short title set apart as one (wholly bold, or in 【】
        brackets), with no link, that does not lead in to what follows (no colon)."""
        if node.kind != "paragraph" or _TITLE_MARKUP.fullmatch(raw_text(doc, node)) is None:
            return False
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        text = fold_width(skel.visible).rstrip()
        return not text.endswith(_LEAD_IN_END) and word_count(text) <= self.max_label_words

    def _under_content_title(self, doc: Document, blocks: list[Node], index: int) -> bool:
        for node in reversed(blocks[:index]):
            if node.kind == "heading":
                return self._content_title(doc, node)
        return False

    def _content_title(self, doc: Document, node: Node) -> bool:
        """Whether a heading or a title paragraph is a content title ("See also", "References")."""
        if self.exempt_title is None:
            return False
        return self.exempt_title.fullmatch(matchable_title(doc, node)) is not None


def dated_link_list(doc: Document, node: Node) -> list[Link] | None:
    """The links of a list or paragraph whose every item (every line of a paragraph) is
    links and a date or a count ("[Title](…) March 3, 2024", "[标题](…) 2024-03-03 · 2558"):
    a widget's cards keep their meta line. None when any other text stands beside a link."""
    if node.kind in ("bullet_list", "ordered_list"):
        leaves = [leaf for item in node.children for leaf in item.children]
        if len(leaves) != len(node.children):
            return None  # an item of two blocks, or an empty one
    else:
        leaves = [node]
    links: list[Link] = []
    for leaf in leaves:
        skel = skeleton(doc, leaf) if leaf.kind == "paragraph" else None
        if skel is None or not skel.links or not _dates_only(skel.text):
            return None
        links.extend(skel.links)
    return links


def _dates_only(text: str) -> bool:
    """Whether the text beside the links is only dates and counts: each line holds a link
    and nothing else, or a digit and at most ``_MAX_DATE_WORDS`` words without one (a
    month's name, "days ago")."""
    for line in text.split("\n"):
        outside = line.replace(LINK, " ").replace(IMAGE, " ")
        outside = SEPARATORS.sub(" ", _QUOTED_CATEGORY.sub(" ", outside))
        if not outside.strip() and LINK in line:
            continue
        if (
            not _DIGIT.search(outside)
            or len(_WORDS_WITHOUT_DIGITS.findall(outside)) > _MAX_DATE_WORDS
        ):
            return False  # a line of text, or a line without a link or a digit (an image)
    return True


def last_line(text: str) -> tuple[str, str]:
    """The last line of a text that is not blank, and the text before that line."""
    tail = text.rstrip()
    start = max(tail.rfind("\n"), tail.rfind("\r")) + 1
    return tail[start:], tail[:start]


def headline_texts(links: list[Link], min_words_per_link: float) -> bool:
    """Whether the links' texts are as long as headlines, on average; a thumbnail's link (an
    image, no text) beside its title's link is left out of the average."""
    titled = [link for link in links if link.text]
    words = sum(word_count(link.text) for link in titled)
    return bool(titled) and words >= min_words_per_link * len(titled)


def introduces(doc: Document, node: Node) -> bool:
    """Whether a paragraph leads in to what follows (it ends with a colon)."""
    if node.kind != "paragraph":
        return False
    skel = skeleton(doc, node)
    return fold_width(skel.visible if skel is not None else "").rstrip().endswith(_LEAD_IN_END)


def last_lines_may_end_links(
    lowered_text: str, closing_marks: re.Pattern[str] | None, *, sentences_end_none: bool = False
) -> bool:
    """Whether the text's last line may end a block of links to article pages; or, under a
    footer's closing (copyright) line and a card's date lines (they hold a digit, at most
    ``_MAX_DATE_LINES``: ``dated_link_list``), the line above them does. With
    ``sentences_end_none``, a line that ends a sentence ends no run of ``TrailingLinkBlock``'s
    blocks (``_ends_a_sentence``)."""
    sentences = sentences_end_none and "]:" not in lowered_text  # (a definition: its title?)

    def may_end(line: str) -> bool:
        return may_end_an_article_link(line) and not (sentences and _ends_a_sentence(line))

    line, rest = last_line(lowered_text)
    if may_end(line):
        return True
    if may_close(line, closing_marks):
        line, rest = last_line(rest)
    for _ in range(_MAX_DATE_LINES):
        if may_end(line):
            return True
        if not _DIGIT.search(line):
            return False
        line, rest = last_line(rest)
    return may_end(line)


def _ends_a_sentence(line: str) -> bool:
    """Whether the line ends with a full stop and holds no digit: the last line of no block a
    run of ``TrailingLinkBlock`` takes. A link list's block ends with ``)``, ``]`` or ``>``
    (``link_list``); a card's line holds a digit besides its links (``dated_link_list``); an
    unlinked title does not end with a full stop (``_only_links_between``)."""
    return line.rstrip(" \t*_~").endswith(_FULL_STOPS) and not _DIGIT.search(line)


def may_end_an_article_link(last_line: str) -> bool:
    """Whether the page's last line may end a block of links to article pages.

    Such a line holds an absolute address (``//``), or HTML or an entity or escape that may
    spell one, or a link whose target is written elsewhere: a reference (``[text][ref]``,
    a ``[ref]: url`` definition) or the next line of a wrapped link (``"title")``). A line
    of prose, code or a heading holds none of these, and a line whose inline links all
    point at relative pages (``[Get-Item](Get-Item.md)``) ends a docs index, not this.
    """
    if any(mark in last_line for mark in _UNSURE_MARKS):
        return True
    if "]" in last_line and "](" not in last_line:
        return True  # a reference link or definition, or a link text that wrapped
    return "[" not in last_line and ")" in last_line  # the end of a target or title that wrapped
