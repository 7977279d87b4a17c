"""``author-box``: the box about the author a theme prints with a post, found by what it links to.

A blog theme prints the author's box under the article (or a clipper copies it):
the author's name or avatar, a short bio, links to the author's profiles. Its
language varies; its links do not: profile roots on the social and code platforms
(``twitter.com/jane``, ``github.com/jane``, ``linkedin.com/in/jane``, a Mastodon
``/@jane``: ``profile_links``), the site's page of the author (``/author/jane``:
``author_pages``), an avatar (``avatar_images``: the address or alt text says so).

Two shapes:

- under a known label ("About the author", "Über den Autor", "关于作者", "著者について",
  ``author-labels``): the label (a heading or a paragraph of its own) and the short
  blocks after it up to the next heading, when they hold a profile or author link or an
  avatar. Safe. Such a label alone at the page's end (the clipper dropped the box) goes too,
  and so, unsafe, does a label with one or two paragraphs of a bio under it that close the
  page without a link or an avatar ("## About the author", "作者简介", then the bio), on a
  page that is a post: it opens with front matter or says where it was crawled from (a
  README's or a guide's closing "About the author" is the authors' own).
- unlabelled, the page's last blocks: first a block of the author's name (a link to
  the author's page, a heading that is one link, or an avatar image, with at most
  ``max_name_words`` words besides), then one bio paragraph (``min_bio_words`` to
  ``max_bio_words`` words), then blocks of profile links, with a link to a profile or
  to the author's page among them (an avatar alone may be a photo); or a last paragraph
  that opens with an author label and a colon ("**Author**: Jane is …", "作者：…",
  ``author-leads``), then a bio with a profile link. Unsafe: a guess by shape.

Left alone: a closing sentence followed by "follow me" links (no name block first), a
paragraph that both introduces itself and links (one block is the author writing), a
README's "Author" section (no label of a box), and anything longer than a bio.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.regex_literals import Group, parse, required_literals
from ..fastpath.triggers import AllOf, Among, AnyOf, Literals, Trigger
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher, compile_patterns, loosened
from .fix_safety import safe_if
from .healed_reading import healed_heading_skeleton, is_continuation
from .inline_links import image_openings
from .label_search import label_fills_block
from .link_words import words_besides_links
from .linkblocks import LIST_KINDS, Link, raw_text, skeleton
from .page_head import crawl_source
from .phrase_lists import fold_width, phrase_pattern, phrases_of
from .phrases import matchable_title
from .written_targets import targets_and_decoded

# An image's address and alt text, in Markdown or HTML.
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_MAX_LABEL_CHARS = 200
# The anchors of an author-box plugin's tabs: Starbox ("#abh_about", "#abh_posts"), Fancier
# Author Box ("#ts-fab-bio-below"), Molongui ("#m-a-box-…").
_PLUGIN_ANCHOR = re.compile(r"#(?:abh_|ts-fab-|m-a-box)", re.I)
_LABEL_TAIL = r"(?:\s*[:：]\s*[^\s:：]+(?:\s+[^\s:：]+){0,3}|\s*[（(][^）)]{1,30}[）)])?"
# A label that speaks of the page as a post ("この記事を書いた人", "About the author of this
# post", "作者简介（本文…）"): a README's or a manual's own section never does.
_POST_WORDS = re.compile(
    r"この記事|本記事|本文|该文|此文|this (?:post|article)|dieses (?:artikels|beitrags)"
    r"|de cet article|de este artículo|deste artigo|di questo articolo|этой статьи|이 글",
    re.I,
)
_ROLE_WORDS = 3  # "Co-Founder @ Example": a role, not a credit  # a box's label with its markup ("**À propos de l'auteur**")


@dataclass(frozen=True, slots=True)
class _Block:
    """What one block of a candidate box holds."""

    node: Node
    words: int
    """Words outside links and images."""
    links: tuple[Link, ...]
    images: tuple[str, ...]
    """Each image's address and alt text."""
    text: str = ""
    """What a reader sees of it."""


class AuthorBoxMatcher(Matcher):
    name = "author-box"
    params = MappingProxyType(
        {
            "keywords": list,
            "phrases": list,
            "labels": list,
            "leads": list,
            "lead_labels": list,
            "profile_links": list,
            "author_pages": list,
            "avatar_images": list,
            "card_avatars": list,
            "min_bio_words": int,
            "max_bio_words": int,
            "max_name_words": int,
            "max_box_blocks": int,
            "name_labels": list,
            "about_labels": list,
            "follow_buttons": list,
            "max_fact_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        known = phrase_pattern(params)
        self.label_phrases = phrases_of(params, "phrases", "labels")
        # The label, a name after a colon ("この記事を書いた人：凛") or a remark in brackets
        # ("作者简介（本文是摘录）") besides.
        self.label = re.compile(rf"\W*(?:{known}){_LABEL_TAIL}\W*", re.I) if known else None
        # A label as the raw text writes it (no markup inside): what a lone label must be.
        self.raw_label = re.compile(rf"(?:{known}){_LABEL_TAIL}", re.I) if known else None
        leads = phrase_pattern(params, "leads", "lead_labels")
        self.lead = re.compile(rf"\W*(?:{leads})\W*[:：]", re.I) if leads else None
        self.profile_links = compile_patterns(params.get("profile_links", []), "profile_links")
        self.author_pages = compile_patterns(params.get("author_pages", []), "author_pages")
        self.avatar_images = compile_patterns(params.get("avatar_images", []), "avatar_images")
        # The strict avatar words of a card without a profile link (``_named_avatar``): plain
        # strings, so the trigger can ask for them.
        self.card_avatars = tuple(str(word).lower() for word in params.get("card_avatars", []))
        self.min_bio_words = int(params.get("min_bio_words", 8))
        self.max_bio_words = int(params.get("max_bio_words", 80))
        self.max_name_words = int(params.get("max_name_words", 8))
        self.max_box_blocks = int(params.get("max_box_blocks", 4))
        # "Published by Jane Doe": a heading of a label and the author's name.
        named = phrase_pattern(params, "name_labels", "name_label_phrases")
        self.name_label = (
            re.compile(rf"\W*(?:{named})\s+[^\s:：]+(?:\s+[^\s:：]+){{0,3}}\W*", re.I)
            if named
            else None
        )
        # "About [Jane Doe](/author/jane/)": a heading of "About" and the name linked to the
        # author's page (the link is read in ``_name_heading``).
        about = phrase_pattern(params, "about_labels", "about_label_phrases")
        self.about_label = re.compile(rf"\W*(?:{about})\W*", re.I) if about else None
        self.follow_button = _whole_text(params.get("follow_buttons", []))
        self.max_fact_words = int(params.get("max_fact_words", 6))

    def trigger(self) -> Trigger:
        """A box's label as the source writes it (``_is_label`` reads the label so), or a link
        to a profile or an author's page written in the text (an unlabelled box needs one),
        each pattern gated by a literal its every match holds (``_target_trigger``)."""
        targets = [loosened([p]) for p in (*self.profile_links, *self.author_pages)]
        if self.raw_label is None or not targets or None in targets:
            return self.keyword_trigger()
        label = label_fills_block(self.raw_label, self.label_phrases)
        found = (label, *(_target_trigger(t) for t in targets if t is not None))
        if self.card_avatars:  # a card named by its avatar: an image whose address says so
            found += (AllOf((Literals(self.card_avatars), Literals(("![", "<img")))),)
        return AnyOf(found)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        labelled_end = len(page)
        for index, node in enumerate(page):
            last = self._labelled_box(doc, page, index)
            if last is None:
                last = self._closing_bio(doc, page, index)
                safety = None  # no link or avatar proves the box: a guess by position
            else:
                safety = Applicability.SAFE
            if last is not None:
                labelled_end = min(labelled_end, index)
                yield _finding(doc, node, last, safety)
        if labelled_end == len(page):
            yield from self._unlabelled(doc, page)

    def _unlabelled(self, doc: Document, page: list[Node]) -> Iterator[Finding]:
        """Boxes without a label: cards, a plugin's box, a box at the page's end or before its
        chrome, a bio led by an author label (all unsafe: guesses by shape, but for a theme's
        "Published by Jane Doe" section that links to her archive page: ``_archived``)."""
        cards = list(self._cards(doc, page)) + list(self._plugin_boxes(doc, page))
        for first, last in cards:
            yield _finding(doc, first, last, safe_if(self._archived(doc, first, last)))
        box = None if cards else self._trailing_box(doc, page) or self._box_before_tail(doc, page)
        if box is not None:
            yield _finding(doc, box[0], box[-1], None)
        elif len(page) > 1 and self._led_bio(doc, page[-1]):
            yield _finding(doc, page[-1], page[-1], None)

    # --- under a label ---------------------------------------------------------------

    def _labelled_box(self, doc: Document, page: list[Node], index: int) -> Node | None:
        """The last block of an author box under the label at ``index`` (the label itself when
        it ends the page with nothing under it: a clipper dropped the box), or None."""
        if not self._is_label(doc, page[index]):
            return None
        box = _under_label(doc, page, index)
        if not box:
            return page[index] if self._lone_label(doc, page, index) else None
        return box[-1] if self._short_box(doc, box) else None

    def _closing_bio(self, doc: Document, page: list[Node], index: int) -> Node | None:
        """The bio under a label that closes the page, without a link or an avatar ("## About
        the author" and a paragraph about the person): its last block, or None."""
        if index == 0 or not self._is_label(doc, page[index]):
            return None
        if not (_a_post(doc) or _names_the_post(matchable_title(doc, page[index]))):
            return None
        box = _under_label(doc, page, index)
        closes = bool(box) and index + len(box) == len(page) - 1 and len(box) <= 2
        return box[-1] if closes and self._bio_only(doc, box) else None

    def _bio_only(self, doc: Document, box: list[Node]) -> bool:
        """Whether the blocks are paragraphs as long as a bio, all together."""
        blocks = _read_all(doc, box)
        if blocks is None or any(block.node.kind != "paragraph" for block in blocks):
            return False
        return self.min_bio_words <= sum(block.words for block in blocks) <= self.max_bio_words

    def _short_box(self, doc: Document, box: list[Node]) -> bool:
        """Whether the blocks under a label are as short as a bio and name someone."""
        if len(box) > self.max_box_blocks:
            return False
        blocks = _read_all(doc, box)
        if blocks is None:
            return False  # code, a table: not a bio
        words = sum(block.words for block in blocks)
        return words <= self.max_bio_words and self._identified(blocks) and self._about(blocks)

    def _about(self, blocks: list[_Block]) -> bool:
        """Whether the box shows the person: an avatar, or a sentence about them (a README's
        "About the author" of a credit line and profile links is the document's own section)."""
        return any(
            self._avatar(block) or block.words >= self.min_bio_words or _role_line(block)
            for block in blocks
        )

    def _lone_label(self, doc: Document, page: list[Node], index: int) -> bool:
        """Whether the label ends the page after the article, written out on its line."""
        line = doc.line_text(page[index].start_line).lower()
        found = self.raw_label is not None and self.raw_label.search(line) is not None
        return found and index == len(page) - 1 and index > 0

    def _is_label(self, doc: Document, node: Node) -> bool:
        if self.label is None or node.kind not in ("heading", "paragraph"):
            return False
        source = raw_text(doc, node)
        if len(source) > _MAX_LABEL_CHARS or self.raw_label is None:
            return False  # prose, not a label: no need to read its links
        if self.raw_label.search(source) is None:
            return False  # a label as its source writes it (what the trigger reads)
        skel = skeleton(doc, node)
        if skel is None or skel.links or skel.images:
            return False
        return self.label.fullmatch(matchable_title(doc, node)) is not None

    def _identified(self, blocks: list[_Block]) -> bool:
        """Whether the blocks name someone: a profile or author link, or an avatar."""
        return any(self._names_author(block) or self._avatar(block) for block in blocks)

    # --- a person card anywhere ---------------------------------------------------------

    def _cards(self, doc: Document, page: list[Node]) -> Iterator[tuple[Node, Node]]:
        """Person cards that end at a heading or the page's end: under a heading of a label and
        the author's name ("Published by Jane Doe"), or opened by an avatar."""
        index = 0
        while index < len(page):
            end = (
                self._named_section(doc, page, index)
                or self._avatar_card(doc, page, index)
                or self._named_avatar(doc, page, index)
            )
            if end is None:
                index += 1
                continue
            yield page[index], page[end - 1]
            index = end

    def _named_section(self, doc: Document, page: list[Node], index: int) -> int | None:
        """Where the section ends that a "Published by Jane Doe" heading opens, when it is as
        short as a bio and links to the author's page or a profile."""
        if not self._name_heading(doc, page[index]):
            return None
        box = _under_label(doc, page, index)
        blocks = self._named_box(doc, page[index], box)
        if blocks is None:
            return None
        words = sum(block.words for block in blocks[1:])
        named = any(self._names_author(block) for block in blocks)
        # A heading that itself links to the author's page is the theme's box: a longer bio.
        most = self.max_bio_words + (_LINKED_NAME_WORDS if _links_home(self, blocks[0]) else 0)
        return index + 1 + len(box) if named and words <= most else None

    def _named_box(self, doc: Document, heading: Node, box: list[Node]) -> list[_Block] | None:
        """The heading's and the box's blocks, read, when the box holds at most
        ``max_box_blocks`` blocks of its own; None otherwise."""
        blocks = _read_all(doc, [heading, *box]) if box else None
        own = [node for node in box if not is_continuation(doc, node)]  # (a wrapped heading's rest)
        if blocks is None or len(own) > self.max_box_blocks:
            return None
        return blocks

    def _archived(self, doc: Document, first: Node, last: Node) -> bool:
        """Whether a card is a theme's template by two signs: its heading is the label and the
        author's name ("Published by Jane Doe", "Publié par …") and a block of it links to the
        author's archive page (``/author/jane/``, "View all posts by Jane Doe")."""
        if not self._name_heading(doc, first) or first is last:
            return False
        page = doc.root.children
        blocks = _read_all(doc, page[page.index(first) : page.index(last) + 1])
        return blocks is not None and any(
            self._author_page(link) for block in blocks for link in block.links
        )

    def _name_heading(self, doc: Document, node: Node) -> bool:
        """A heading of a label and the author's name ("Published by Jane Doe"), or of "About"
        and the name linked to the author's page ("About [Jane Doe](/author/jane/)")."""
        if self.name_label is None or node.kind != "heading":
            return False
        healed = healed_heading_skeleton(doc, node)  # (a heading html2text wrapped, whole)
        title = fold_width(" ".join(healed.visible.split())) if healed is not None else ""
        if self.name_label.fullmatch(title) is not None:
            return True
        if self.about_label is None or self.about_label.fullmatch(title) is None:
            return False
        block = _read(doc, node)
        return block is not None and any(self._author_page(link) for link in block.links)

    def _avatar_card(self, doc: Document, page: list[Node], index: int) -> int | None:
        """Where a card ends that opens at ``index`` with the author's avatar: the avatar (and
        the name on a line of its own, or a name block holding the avatar), a follow button,
        one bio, then rows of profile links or short facts ("Joined Oct 19, 2022"), up to a
        heading or the page's end; a link to a profile or the author's page among them."""
        first = _read(doc, page[index]) if index > 0 and _has_image(doc, page[index]) else None
        if first is None or not self._avatar(first) or first.words > self.max_name_words:
            return None
        if not _stands_apart(doc, page, len(page) - index):
            return None
        blocks = self._card_blocks(doc, page, index, first)
        return index + len(blocks) if blocks is not None and self._is_card(blocks) else None

    def _named_avatar(self, doc: Document, page: list[Node], index: int) -> int | None:
        """Where a theme's author box ends that closes a post without a profile link: the
        avatar, the author's name (a heading or a line of its own) that is the avatar's alt
        text, then one bio, the page's last block. The avatar's address and its alt text
        repeated as the name are the template's two signs (``get_avatar`` with the display
        name, Hugo's and Hexo's author cards); a photo and its caption have no avatar address."""
        if index == 0 or len(page) - index != 3 or not _has_image(doc, page[index]):
            return None
        if not (_a_post(doc) and _stands_apart(doc, page, 3)):
            return None
        blocks = _read_all(doc, page[index:])
        return len(page) if blocks is not None and self._avatar_name_bio(doc, blocks) else None

    def _avatar_name_bio(self, doc: Document, blocks: list[_Block]) -> bool:
        """An avatar alone, a name that is its alt text, a bio."""
        avatar, name, bio = blocks
        if avatar.words or not _card_avatar(avatar, self.card_avatars):
            return False
        named = not name.links and not name.images and 0 < name.words <= self.max_name_words
        if not (named and self._bio(bio)):
            return False
        said = " ".join(fold_width(name.text).split()).casefold()
        return said in _alt_texts(raw_text(doc, avatar.node))

    def _is_card(self, blocks: list[_Block]) -> bool:
        """After the avatar, the name and the follow button: a bio, then profile rows or short
        facts; a link to a profile or the author's page among them."""
        rest = self._after_name(blocks)
        if not rest or not self._bio(rest[0]):
            return False
        shaped = all(self._profile_row(row) or self._fact(row) for row in rest[1:])
        return shaped and any(self._names_author(block) for block in blocks)

    def _card_blocks(
        self, doc: Document, page: list[Node], index: int, first: _Block
    ) -> list[_Block] | None:
        """The blocks from ``index`` up to the next heading (a card is short: past twice the
        longest box, the rest is not read); None when one is no text of a card."""
        blocks = [first]
        for node in page[index + 1 :]:
            if node.kind == "heading" or len(blocks) > 2 * self.max_box_blocks:
                break
            block = _read(doc, node)
            if block is None:
                return None
            blocks.append(block)
        return blocks

    def _after_name(self, blocks: list[_Block]) -> list[_Block] | None:
        """The card's blocks after its avatar, the name line and the follow button."""
        rest = blocks[1:]
        if rest and not rest[0].links and not rest[0].images and not self._bio(rest[0]):
            if rest[0].words > self.max_name_words:
                return None
            rest = rest[1:]  # the name, on a line of its own
        while rest and self._follow_button(rest[0]):
            rest = rest[1:]
        return rest

    def _follow_button(self, block: _Block) -> bool:
        button = self.follow_button
        text = fold_width(" ".join(block.text.split()))
        return button is not None and not block.images and button.fullmatch(text) is not None

    def _fact(self, block: _Block) -> bool:
        """A short line of the card: a place, a date joined, a job title."""
        return not block.links and not block.images and 0 < block.words <= self.max_fact_words

    # --- at the page's end -------------------------------------------------------------

    def _led_bio(self, doc: Document, node: Node) -> bool:
        """ "**Author**: Jane is a …, [profile](…)": a paragraph that opens with an author
        label and a colon, then a bio, with a link to a profile or the author's page."""
        block = _read(doc, node)
        if self.lead is None or block is None or block.node.kind != "paragraph":
            return False
        lead = self.lead.match(fold_width(matchable_title(doc, node)))
        return lead is not None and self._bio(block) and self._names_author(block)

    def _trailing_box(self, doc: Document, page: list[Node]) -> list[Node] | None:
        """The page's last blocks when they are a name block, a bio, then profile links."""
        for size in range(min(self.max_box_blocks, len(page) - 1), 1, -1):
            box = page[-size:]
            blocks = _read_all(doc, box)
            if blocks is not None and self._is_box(blocks) and _stands_apart(doc, page, size):
                return box
        return None

    def _box_before_tail(self, doc: Document, page: list[Node]) -> list[Node] | None:
        """On a post, a box (name block, bio, profile rows) that the page's chrome follows
        under a heading ("投稿ナビゲーション", "Leave a Reply"), in the page's second half."""
        if not _a_post(doc):
            return None
        for end in range(max(len(page) // 2, 3), len(page)):
            if page[end].kind == "heading" and not _one_link(doc, page[end]):
                box = self._trailing_box(doc, page[:end])
                if box is not None:
                    return box
        return None

    def _plugin_boxes(self, doc: Document, page: list[Node]) -> Iterator[tuple[Node, Node]]:
        """A box whose tabs an author-box plugin links by its anchors (Starbox's "#abh_about",
        Fancier Author Box's "#ts-fab-…"): the tabs and the short blocks under them, up to the
        next heading that is not the author's linked name."""
        for index, node in enumerate(page):
            if index > 0 and _plugin_tabs(_read(doc, node)):
                box = _under_label(doc, page, index)
                if self._short_plugin_box(doc, box):
                    yield node, box[-1]
                return

    def _short_plugin_box(self, doc: Document, box: list[Node]) -> bool:
        """Whether the blocks under a plugin's tabs are as short as its box (a bio and the
        author's latest posts)."""
        blocks = _read_all(doc, box) if len(box) <= 2 * self.max_box_blocks else None
        return bool(blocks) and sum(b.words for b in blocks or ()) <= 2 * self.max_bio_words

    def _is_box(self, blocks: list[_Block]) -> bool:
        """A name block, a bio, then profile rows; a link to a profile or to the author's
        page among them (an avatar alone may be a photo and its caption)."""
        name, bio, *links = blocks
        return (
            self._name_block(name)
            and self._bio(bio)
            and all(self._profile_row(block) for block in links)
            and any(self._names_author(block) for block in blocks)
        )

    def _name_block(self, block: _Block) -> bool:
        """The author's name: a link to the author's page or an avatar, few words besides
        (a heading that is one link to a profile counts too)."""
        if block.words > self.max_name_words:
            return False
        if self._avatar(block) or any(self._author_page(link) for link in block.links):
            return True
        return block.node.kind == "heading" and len(block.links) == 1 and self._names_author(block)

    def _bio(self, block: _Block) -> bool:
        return (
            block.node.kind == "paragraph"
            and not block.images
            and self.min_bio_words <= block.words <= self.max_bio_words
        )

    def _profile_row(self, block: _Block) -> bool:
        """A block of profile links only (labels such as "Twitter:" aside)."""
        return (
            bool(block.links)
            and block.words <= self.max_name_words
            and all(self._profile(link) or self._author_page(link) for link in block.links)
        )

    # --- links and images ------------------------------------------------------------

    def _names_author(self, block: _Block) -> bool:
        return any(self._profile(link) or self._author_page(link) for link in block.links)

    def _profile(self, link: Link) -> bool:
        return any(pattern.search(link.href) for pattern in self.profile_links)

    def _author_page(self, link: Link) -> bool:
        return any(pattern.search(link.href) for pattern in self.author_pages)

    def _avatar(self, block: _Block) -> bool:
        return any(
            pattern.search(image) for image in block.images for pattern in self.avatar_images
        )


def _target_trigger(pattern: re.Pattern[str]) -> Trigger:
    """A link target written in the text matches ``pattern``; gated by the literals one of
    which its every match holds, or else by the run of two known characters or more it
    always writes (a Mastodon profile's ``/@``): a pattern with no literal at all would
    let the rule be built on any page with a link."""
    literals = required_literals([pattern]) or _known_run(pattern)
    return Among(targets_and_decoded, (pattern,), literals)


def _known_run(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The longest run of known characters (two or more) of a pattern that is one sequence
    (no top-level alternatives): every match writes it. Empty when there is none."""
    tree = parse(pattern.pattern, pattern.flags)
    # (``loosened`` wraps the pattern in a group: its one sequence is inside.)
    while tree is not None and len(tree.branches) == 1 and len(tree.branches[0].items) == 1:
        only = tree.branches[0].items[0]
        tree = only.body if isinstance(only, Group) else None
    if tree is None or len(tree.branches) != 1:
        return ()
    runs = [""]
    for item in tree.branches[0].items:
        known = item.exact()
        if known is None:
            runs.append("")
        else:
            runs[-1] += known
    longest = max(runs, key=len)
    return (longest,) if len(longest) >= 2 else ()


def _finding(
    doc: Document, first: Node, last: Node, applicability: Applicability | None
) -> Finding:
    start, end = doc.node_span(first)[0], doc.node_span(last)[1]
    return Finding(
        start, end, edits=(remove_blocks(doc, first, last),), applicability=applicability
    )


def _stands_apart(doc: Document, page: list[Node], size: int) -> bool:
    """Whether the block before the box is no lead-in to it (a paragraph ending in a colon)."""
    before = page[-size - 1]
    if before.kind != "paragraph":
        return True
    skel = skeleton(doc, before)
    visible = fold_width(skel.visible if skel is not None else "").rstrip()
    return not visible.endswith((":", "："))


def _has_image(doc: Document, node: Node) -> bool:
    """Whether a block's source may hold an image (read before the block's links and words)."""
    raw = raw_text(doc, node)
    return "![" in raw or "<img" in raw or "<IMG" in raw


def _role_line(block: _Block) -> bool:
    """A line of its own about the person, without links: their name heading, "Co-founder @ X"."""
    if block.node.kind == "heading":
        return True
    return block.node.kind == "paragraph" and not block.links and block.words >= _ROLE_WORDS


def _whole_text(phrases: list[str]) -> re.Pattern[str] | None:
    """Phrases that must be a block's whole text, give or take punctuation."""
    if not phrases:
        return None
    return re.compile(rf"[\W_]*(?:{'|'.join(phrases)})[\W_]*", re.I)


_LINKED_NAME_WORDS = 40


def _links_home(matcher: AuthorBoxMatcher, block: _Block) -> bool:
    """Whether a heading links to the author's page (the theme's "About [Jane](/author/jane/)")."""
    return any(matcher._author_page(link) for link in block.links)


def _one_link(doc: Document, node: Node) -> bool:
    skel = healed_heading_skeleton(doc, node) if node.kind == "heading" else skeleton(doc, node)
    return skel is not None and len(skel.links) == 1 and not skel.rest


def _under_label(doc: Document, page: list[Node], index: int) -> list[Node]:
    """The blocks after a label up to the next heading (a heading that is one link, the
    author's name, is in the box)."""
    box: list[Node] = []
    for node in page[index + 1 :]:
        if node.kind == "heading" and not _one_link(doc, node):
            break
        box.append(node)
    return box


def _read_all(doc: Document, nodes: list[Node]) -> list[_Block] | None:
    """What each block holds; None when one of them is no text of a box (code, a table)."""
    blocks: list[_Block] = []
    for node in nodes:
        block = _read(doc, node)
        if block is None:
            return None
        blocks.append(block)
    return blocks


def _read(doc: Document, node: Node) -> _Block | None:
    """What a paragraph, heading, HTML block or list of them holds; None for anything else."""
    if node.kind in LIST_KINDS:
        return _read_list(doc, node)
    if is_continuation(doc, node):  # the rest of a heading html2text wrapped: read with it
        return _Block(node, 0, (), (), "")
    skel = healed_heading_skeleton(doc, node)  # (html2text's wrapped targets and headings healed)
    if skel is None:
        return None
    images = _images(raw_text(doc, node))
    return _Block(node, words_besides_links(skel), tuple(skel.links), images, skel.visible)


def _read_list(doc: Document, node: Node) -> _Block | None:
    parts = _read_all(doc, [leaf for item in node.children for leaf in item.children])
    if not parts:
        return None
    links = [link for part in parts for link in part.links]
    images = [image for part in parts for image in part.images]
    text = " ".join(part.text for part in parts)
    return _Block(node, sum(part.words for part in parts), tuple(links), tuple(images), text)


def _images(raw: str) -> tuple[str, ...]:
    """Each image's alt text and address (an HTML image's whole tag), lower-cased."""
    found = [f"{alt} {src}" for alt, src in image_openings(raw)]
    found.extend(_HTML_IMAGE.findall(raw))
    return tuple(image.lower() for image in found)


def _card_avatar(block: _Block, words: tuple[str, ...]) -> bool:
    """Whether one of the block's images is an avatar by its address or tag (``card_avatars``)."""
    return any(word in image for image in block.images for word in words)


_HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def _alt_texts(raw: str) -> set[str]:
    """The alt texts of a block's images, spaces folded and lower-cased."""
    alts = [alt for alt, _ in image_openings(raw)]
    for tag in _HTML_IMAGE.findall(raw):
        found = _HTML_ALT.search(tag)
        alts.extend(found.groups("") if found else ())
    return {" ".join(fold_width(alt).split()).casefold() for alt in alts} - {""}


def _plugin_tabs(block: _Block | None) -> bool:
    """A block of links to an author-box plugin's tabs only."""
    links = block.links if block is not None else ()
    return bool(links) and all(_PLUGIN_ANCHOR.search(link.href) for link in links)


def _names_the_post(label: str) -> bool:
    return _POST_WORDS.search(label) is not None


def _a_post(doc: Document) -> bool:
    """Whether the page is a post a site generator, clipper or crawler wrote: it opens with
    front matter, or says where it was crawled from. Nothing else proves a bio without a link
    or an avatar to be the theme's author box."""
    children = doc.root.children
    return (bool(children) and children[0].kind == "front_matter") or crawl_source(doc)
