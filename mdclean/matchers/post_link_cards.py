"""``post-link-cards``: a site's related, latest or popular posts after the article, told by the
shape of its links: each card's title links a post of the same site by its permalink.

Every blogging engine and news CMS prints a post's address in a few shapes (the field's
permalink settings): a dated path (``/2024/05/slug/``, ``/2024/05/17/slug.html``), an id
(``?p=123``, ``/archives/123``, ``/article/detail/20096``, ``/feature/28286/``), a slug of four
words or more (``/up-to-350000-people-at-risk/``), a blog's post folder (``/posts/``, ``/blog/``).
A widget under the article repeats its cards whatever the theme's language: a title linking
such an address (a heading, a paragraph or a list item), with the card's thumbnail, date or
author line and excerpt around it.

A *title* is a heading, paragraph or list item whose words are all link text (pictures
aside), its links leading to one address of the site, post-shaped, with a headline's words
(``min_title_words`` to ``max_title_words``; Chinese and Japanese count two characters a word).
Around the titles stand the cards' lines: linked or plain pictures, a line of at most
``max_meta_words`` words that ends no sentence (a date, an author), the excerpt right under a
title (at most ``max_excerpt_words`` words), a teaser or bare address linking the title's post,
a short heading or line (the widget's or a second widget's label). ``min_titles`` titles
or more in such a run, with ``min_article_words`` words of prose above it, and no
paragraph of prose after it (the article's last sentence stands above the widget), go.

Left alone: links to a manual's pages (``/docs/``), a run the sentence before leads into ("Read
the series:"), a run under a content title ("See also", "参考文献": ``exempt``), links to
other sites, a run with prose after it (a section of the article). Unsafe: the widget is read
from its shape; safe when its label is a known related-posts label (``labels``) and every
title links a post's address by the strictest reading (a dated permalink, ``?p=``, ``/blog/``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.lazy import lazy_compile
from ..fastpath.triggers import Repeated, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import junk_endpoint, page_address, reference_link, safe_if, theme_link
from .link_targets import DOWNLOADS, is_file_target, is_picture, is_post_address, site_of
from .linkblocks import LIST_KINDS, Skeleton, inline_skeletons, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern

# A link target whose path is a post's permalink, read from the raw text (the trigger and
# ``find`` read the same shape, so the fast path never changes a result). The path's characters
# exclude brackets and parentheses, so one match never holds another link's "](".
_PATH = r"[^\s()\[\]<>\"']"
POST_TARGET = re.compile(
    r"\]\(\s*<?(?:https?:)?(?://[\w.-]+)?/" + _PATH + r"*?"
    r"(?:/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/"  # a dated permalink
    r"|/(?:19|20)\d\d-\d\d-\d\d-"  # Jekyll's dated file name
    r"|[?&](?:p|id)=\d+"  # WordPress's ?p=123
    r"|/(?:archives|p|posts?|blog|articles?|entry|entries|story|stories)/[\w%-]"
    r"|/\d{4,}(?:\.html?)?/?(?=[\s)#?\"']|$)"  # an id as the last segment
    r"|/[\w%]+(?:[-_][\w%]+){3,}(?:\.html?)?/?(?=[\s)#?\"']|$))",  # a slug of 4+ words
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?。！？…](?:[\"'”’)）\]*_]*)$")
_ENDS_LEAD_IN = re.compile(r"[:：][\"'”’)）\]*_]*$")
_TITLE, _META, _LABEL, _RULE, _OTHER = "title", "meta", "label", "rule", "other"
_PICTURE, _IMAGE = "picture", "image"  # a thumbnail linking a post; a picture of its own
# A line wholly in parentheses is an aside of the article (a wire credit, an editor's note),
# never a widget's label
_ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]\s*")
_LEAD_IN_WORDS = 6  # a sentence leading into a list ("Read the whole series here:"), not a label
# Linked thumbnails ("[![alt](picture)](post)"), a card's picture whatever its alt text says.
_THUMBNAILS = re.compile(
    r"(?:\s*\[!\[[^\]\n]*\]\([^()\s]*\)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\))+\s*"
)
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’)）\]*_]*$")


@dataclass(frozen=True, slots=True)
class _Sort:
    kind: str
    posts: tuple[str, ...] = ()
    """The post addresses a title links (one per card)."""


class PostLinkCardsMatcher(Matcher):
    name = "post-link-cards"
    params = MappingProxyType(
        {
            "keywords": list,
            "phrases": list,
            "labels": list,
            "exempt": list,
            "exempt_labels": list,
            "min_titles": int,
            "min_labelled_titles": int,
            "min_title_words": int,
            "max_title_words": int,
            "max_meta_words": int,
            "max_excerpt_words": int,
            "max_label_words": int,
            "min_article_words": int,
            "prose_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        labels = phrase_pattern(params)
        exempt = phrase_pattern(params, "exempt", "exempt_labels")
        self.labels = lazy_compile(rf"[\W_]*(?:{labels})[\W_]*", re.I) if labels else None
        self.exempt = lazy_compile(rf"[\W_]*(?:{exempt})[\W_]*", re.I) if exempt else None
        self.min_titles = int(params.get("min_titles", 3))
        self.min_labelled_titles = int(params.get("min_labelled_titles", self.min_titles))
        self.min_title_words = int(params.get("min_title_words", 3))
        self.max_title_words = int(params.get("max_title_words", 40))
        self.max_meta_words = int(params.get("max_meta_words", 12))
        self.max_excerpt_words = int(params.get("max_excerpt_words", 60))
        self.max_label_words = int(params.get("max_label_words", 8))
        self.min_article_words = int(params.get("min_article_words", 100))
        self.prose_words = int(params.get("prose_words", 20))

    def trigger(self) -> Trigger:
        """``min_titles`` post-shaped link targets: every title holds one in its source."""
        return Repeated(POST_TARGET, min(self.min_titles, self.min_labelled_titles))

    def find(self, doc: Document) -> Iterator[Finding]:
        blocks = [node for node in doc.root.children if node.kind != "front_matter"]
        site = _page_site(doc)
        sorts = [self._sort(doc, node, site) for node in blocks]
        self._read_wrapped_cards(doc, blocks, sorts, site)
        end = self._last_prose(doc, blocks, sorts)
        if end < 0 or not self._article_above(doc, blocks[: end + 1]):
            return
        i = end + 1
        while i < len(blocks):
            run = self._run(sorts, i, self._needed(doc, blocks[i]))
            if run is None:
                i += 1
                continue
            first, last = self._first(doc, blocks, sorts, run[0]), run[1]
            if not self._led_into(doc, blocks, sorts, first):
                yield self._finding(doc, blocks, sorts, first, last)
            i = last + 1

    def _finding(
        self, doc: Document, blocks: list[Node], sorts: list[_Sort], first: int, last: int
    ) -> Finding:
        start, end = doc.node_span(blocks[first])[0], doc.node_span(blocks[last])[1]
        run = sorts[first : last + 1]
        safe = self._labelled(doc, blocks[first]) and _exact(run)
        edit = remove_blocks(doc, blocks[first], blocks[last])
        return Finding(start, end, edits=(edit,), applicability=safe_if(safe))

    def _last_prose(self, doc: Document, blocks: list[Node], sorts: list[_Sort]) -> int:
        """The index of the article's last block of prose (-1 when there is none)."""
        for i in range(len(blocks) - 1, -1, -1):
            if sorts[i].kind != _TITLE and self._prose(doc, blocks[i]):
                return i
        return -1

    # -- the run ---------------------------------------------------------------------------

    def _needed(self, doc: Document, node: Node) -> int:
        """How many posts a run needs: fewer under a known related-posts label."""
        return self.min_labelled_titles if self._labelled(doc, node) else self.min_titles

    def _run(self, sorts: list[_Sort], start: int, needed: int) -> tuple[int, int] | None:
        """The widget from ``start``: labels, rules and pictures, then cards (a title and
        its lines) up to the first block of another kind; None when it holds fewer than
        ``needed`` posts, or posts of more than one site."""
        i = start
        while i < len(sorts) and sorts[i].kind in (_LABEL, _RULE, _PICTURE, _IMAGE):
            i += 1
        if i >= len(sorts) or sorts[i].kind != _TITLE:
            return None
        last, posts = _cards(sorts, i)
        sites = {site_of(post) for post in posts} - {None}
        if len(posts) < needed or len(sites) > 1:
            return None
        return start, last

    def _first(self, doc: Document, blocks: list[Node], sorts: list[_Sort], start: int) -> int:
        """Where the widget starts: a rule and a picture of its own above it, and a short line
        under such a picture (the article's last picture and its caption; a label ends on a
        colon), stay with the article; a thumbnail linking a post is the widget's. A short
        line right above such a picture is the picture's lead-in ("**Here is the answer**"),
        not the widget's label: the picture and all above it stay, unless a related-posts
        label stands there."""
        first = self._after_own_picture(doc, blocks, sorts, start)
        while sorts[first].kind in (_RULE, _IMAGE) or (
            sorts[first].kind == _LABEL
            and first > 0
            and sorts[first - 1].kind == _IMAGE
            and not _ENDS_LEAD_IN.search(_text(doc, blocks[first]) or "")
        ):
            first += 1
        return first

    def _after_own_picture(
        self, doc: Document, blocks: list[Node], sorts: list[_Sort], start: int
    ) -> int:
        """The block after the last picture of its own (a file it shows) among the run's
        leading parts (before its first title), when no related-posts label stands above that
        picture; else ``start``."""
        leading = start
        while leading < len(sorts) and sorts[leading].kind in (_LABEL, _RULE, _PICTURE, _IMAGE):
            leading += 1
        own = [
            i for i in range(start, leading) if sorts[i].kind == _IMAGE and _shown(doc, blocks[i])
        ]
        if not own or any(self._labelled(doc, blocks[i]) for i in range(start, own[-1])):
            return start
        return own[-1] + 1

    def _article_above(self, doc: Document, above: list[Node]) -> bool:
        words = 0
        for node in above:
            if self._prose(doc, node):
                skel = skeleton(doc, node)
                words += skel.words() if skel is not None else 0
        return words >= self.min_article_words

    def _led_into(self, doc: Document, blocks: list[Node], sorts: list[_Sort], first: int) -> bool:
        """Whether the author leads into the run ("Read the whole series here:") or titles it
        as content ("See also"): the block above the run, and its labels above the first title."""
        i = max(first - 1, 0)
        while i < len(sorts) and (i < first or sorts[i].kind != _TITLE):
            text = _text(doc, blocks[i])
            if text is not None and (
                (_ENDS_LEAD_IN.search(text) and word_count(text) >= _LEAD_IN_WORDS)
                or (self.exempt and self.exempt.fullmatch(text))
            ):
                return True
            i += 1
        return False

    def _labelled(self, doc: Document, node: Node) -> bool:
        text = _text(doc, node) if node.kind in ("heading", "paragraph") else None
        return bool(text and self.labels and self.labels.fullmatch(text))

    # -- one block ---------------------------------------------------------------------------

    def _sort(self, doc: Document, node: Node, site: str | None) -> _Sort:
        if node.kind == "hr":
            return _Sort(_RULE)
        if node.kind in LIST_KINDS:
            return self._sort_list(doc, node, site)
        if node.kind not in ("heading", "paragraph"):
            return _Sort(_OTHER)
        skel = skeleton(doc, node)
        if skel is None:
            return _Sort(_OTHER)
        post = self._title(doc, node, skel, site)
        if post is not None:
            return _Sort(_TITLE, (post,))
        return _Sort(self._line_kind(doc, node, skel, site))

    def _read_wrapped_cards(
        self, doc: Document, blocks: list[Node], sorts: list[_Sort], site: str | None
    ) -> None:
        """Cards whose link wraps blocks (``<a><img><h3>Title</h3></a>``): a clipper writes a
        line "[" alone, the card's picture and title as blocks of their own, then "](address)".
        The title block stands for the card; the lines around it are the card's."""
        i = 0
        while i < len(blocks):
            close = self._wrapped_card(doc, blocks, i)
            if close is None:
                i += 1
                continue
            raw = doc.node_source(blocks[close])
            address = _WRAP_CLOSE.match(raw)
            # (the closing block holds the address's shape, as the trigger reads it)
            post = _address(address.group(1)) if address and POST_TARGET.search(raw) else ""
            sorts[i] = _Sort(_PICTURE)
            for j in range(i + 1, close):
                sorts[j] = self._wrapped_part(doc, blocks[j], post, site)
            if sorts[close].kind == _OTHER:
                sorts[close] = _Sort(_META)
            i = close + 1

    def _wrapped_card(self, doc: Document, blocks: list[Node], i: int) -> int | None:
        """The index of the block closing the card that block ``i`` opens ("[" alone), with
        one to three pictures and lines between; None when ``i`` opens none."""
        if blocks[i].kind != "paragraph" or doc.node_source(blocks[i]).strip() != "[":
            return None
        for close in range(i + 1, min(i + 5, len(blocks))):
            node = blocks[close]
            if node.kind == "paragraph" and _WRAP_CLOSE.match(doc.node_source(node)):
                return close if close > i + 1 else None
            if node.kind not in ("paragraph", "heading") or "](" in doc.node_source(node)[:2]:
                return None
        return None

    def _wrapped_part(self, doc: Document, node: Node, post: str, site: str | None) -> _Sort:
        """A wrapped card's block: its title (a headline's words, the card linking a post of
        the site, the block's source holding the address's shape), or a picture or line."""
        skel = skeleton(doc, node)
        if skel is None or skel.links:
            return _Sort(_META)
        words = word_count(_visible(skel))
        if words == 0:
            return _Sort(_PICTURE)
        titled = self.min_title_words <= words <= self.max_title_words and _own_post(post, site)
        return _Sort(_TITLE, (post,)) if titled else _Sort(_META)

    def _sort_list(self, doc: Document, node: Node, site: str | None) -> _Sort:
        """A list of cards: every item a title (one item may stand without a link: the
        page's own post in a series list), or a list of pictures."""
        posts: list[str] = []
        unlinked = 0
        for item in node.children:
            skels = inline_skeletons(doc, item)
            if skels is None:
                return _Sort(_OTHER)
            post = self._item_title(doc, item, skels, site)
            if post is not None:
                posts.append(post)
            elif all(not s.links and s.words() <= self.max_title_words for s in skels):
                unlinked += 1
            else:
                return _Sort(_OTHER)
        if unlinked > 1 or not posts:
            return _Sort(_OTHER)
        return _Sort(_TITLE, tuple(posts))

    def _item_title(
        self, doc: Document, item: Node, skels: list[Skeleton], site: str | None
    ) -> str | None:
        """A card kept as a list item: its title link, with at most a picture, a teaser of
        the same post or a card's short line beside it."""
        posts = {self._title(doc, item, skel, site) for skel in skels if skel.links}
        posts.discard(None)
        if len(posts) != 1:
            return None
        post = posts.pop()
        for skel in skels:
            if skel.outside_words() > self.max_meta_words or any(
                _address(link.href) != post and not _picture(link.href) for link in skel.links
            ):
                return None
        return post

    def _title(self, doc: Document, node: Node, skel: Skeleton, site: str | None) -> str | None:
        """The post a title links: words all link text, one post-shaped address of the site,
        a headline's length; the block's source holds the shape (as the trigger reads it)."""
        target = _one_target(skel)
        if target is None:
            return None
        texts = [link.text for link in skel.links if not _picture(link.href)]
        words = word_count(" ".join(texts))
        if not texts or not self.min_title_words <= words <= self.max_title_words:
            return None
        start, end = doc.node_span(node)
        if not _own_post(target, site) or not POST_TARGET.search(doc.text, start, end):
            return None
        return target

    def _line_kind(self, doc: Document, node: Node, skel: Skeleton, site: str | None) -> str:
        """A card's line, a label, or another block (prose, a link elsewhere)."""
        if _THUMBNAILS.fullmatch(doc.text, *doc.node_span(node)):
            return _IMAGE if all(_picture(link.href) for link in skel.links) else _PICTURE
        if any(not _picture(link.href) for link in skel.links):
            return _linked_line_kind(skel, site)
        text = _visible(skel)
        words = word_count(text)
        if words == 0:  # a picture of its own (linked to its file, or not linked)
            return _IMAGE if skel.images or skel.links else _OTHER
        if _ASIDE.fullmatch(text):
            return _OTHER  # the article's credit line: "(Con información de AFP, EFE y Reuters)"
        return self._text_kind(node, text, words)

    def _text_kind(self, node: Node, text: str, words: int) -> str:
        """A line without links: a label, a card's date or author line, the excerpt the
        theme cut, or another block."""
        ends = _SENTENCE_END.search(text) is not None
        if words <= self.max_label_words and (node.kind == "heading" or not ends):
            return _LABEL
        ends = ends and _ELLIPSIS.search(text) is None
        if words <= self.max_meta_words and not ends:
            return _META  # a date, an author
        if node.kind == "paragraph" and words <= self.max_excerpt_words and not ends:
            return _META  # the excerpt the theme cut
        return _OTHER

    def _prose(self, doc: Document, node: Node) -> bool:
        """A paragraph of the article's: ``prose_words`` words or more, most of them the
        author's own, ending a sentence; quotes, code and tables count as the article's."""
        if node.kind in ("blockquote", "fence", "code_block", "table"):
            return True
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        if skel is None:
            return False
        words = skel.words()
        return (
            words >= self.prose_words
            and skel.outside_words() * 10 >= words * 7
            and _SENTENCE_END.search(_visible(skel)) is not None
        )


def _page_site(doc: Document) -> str | None:
    address = page_address(doc)
    return site_of(address) if address else None


def _own_post(href: str, site: str | None) -> bool:
    """A post-shaped address of the page's site (or of a path from the site's root), not a
    manual's page, a file, a share button or a category's or an author's archive."""
    href = href.strip()
    if _not_a_post(href):
        return False
    if href.startswith("/") and not href.startswith("//"):
        rooted = True
    else:
        link_site = site_of(href)
        rooted = link_site is not None and (site is None or link_site == site)
    return rooted and POST_TARGET.search(f"]({href})") is not None


def _shown(doc: Document, node: Node) -> bool:
    """Whether a block's picture names a file to show: an empty ``![]()`` is a card's
    thumbnail the converter lost, not the article's picture."""
    return _SHOWN.search(doc.node_source(node)) is not None


_SHOWN = re.compile(r"!\[[^\]]*\]\(\s*<?[^)\s>]")


def _exact(run: list[_Sort]) -> bool:
    """Whether every title links a post's address by the strictest reading (a dated
    permalink, ``?p=123``, ``/blog/slug``) and nothing but the last card's lines follows the
    last title (a picture there may be a share button or the next widget's)."""
    titles = [i for i, sort in enumerate(run) if sort.kind == _TITLE]
    return all(is_post_address(post) for sort in run for post in sort.posts) and all(
        sort.kind == _META for sort in run[titles[-1] + 1 :]
    )


def _linked_line_kind(skel: Skeleton, site: str | None) -> str:
    """A line with links: a card's teaser, its post's address or its categories, when every
    link leads to a post or a category of the site; else another block."""
    if all(_own_post(link.href, site) or theme_link(link.href) for link in skel.links):
        return _META
    return _OTHER


def _not_a_post(href: str) -> bool:
    return (
        reference_link(href)
        or _picture(href)
        or is_file_target(href, DOWNLOADS)  # (the article's attachment, not another post)
        or junk_endpoint(href)
        or theme_link(href)
    )


def _one_target(skel: Skeleton) -> str | None:
    """The one address a block's links share, when its words are all link text and none is
    a share button's (which names the post it shares)."""
    if not skel.links or skel.outside_words() > 0:
        return None
    if any(junk_endpoint(link.href) for link in skel.links):
        return None
    targets = {_address(link.href) for link in skel.links}
    return targets.pop() if len(targets) == 1 else None


def _cards(sorts: list[_Sort], first: int) -> tuple[int, set[str]]:
    """From the first title: the index of the run's last block and the posts its titles
    link. Card lines, labels and rules stand between titles; the last card's lines (a date,
    an excerpt, a picture) go with it."""
    last, posts = first, set(sorts[first].posts)
    j = first + 1
    while j < len(sorts) and sorts[j].kind != _OTHER:
        if sorts[j].kind == _TITLE:
            posts.update(sorts[j].posts)
            last = j
        j += 1
    while last + 1 < len(sorts) and sorts[last + 1].kind in (_META, _PICTURE, _IMAGE):
        last += 1
    return last, posts


_WRAP_CLOSE = re.compile(r"\s*\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
"""The line that closes a link wrapping blocks: "](address)" at the block's start."""


def _picture(href: str) -> bool:
    return is_picture(href)


def _address(href: str) -> str:
    """A link's address without its fragment, its query (but a post's ``?p=123``/``?id=123``:
    a share button's ``?share=x`` names the same post) or its final slash."""
    href = href.strip().split("#", 1)[0]
    path, _, query = href.partition("?")
    post_id = _POST_QUERY.search(f"?{query}") if query else None
    path = path.rstrip("/").lower()
    return f"{path}?{post_id.group(1)}" if post_id else path


_POST_QUERY = re.compile(r"[?&]((?:p|id)=\d+)(?:&|$)", re.IGNORECASE)


def _visible(skel: Skeleton) -> str:
    return fold_width(" ".join(skel.visible.split()))


def _text(doc: Document, node: Node) -> str | None:
    if node.kind not in ("heading", "paragraph"):
        return None
    skel = skeleton(doc, node)
    return _visible(skel) if skel is not None else None
