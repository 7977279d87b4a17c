"""``post-meta``: a post's byline and meta line under its title, made only of meta.

"By Jane Doe · March 3, 2023 · 5 min read", "Posted on 2023-03-03 by [admin](/author/admin/)
in [News](/category/news/)", "[Wilson](/~Wilson) 发表于 2023年02月10日 14时56分",
"Written by / [Jane](/author/jane/) / in / [Unity](/category/unity/)" over four blocks: every
part of such a line is a date or time (``dates``), a count (``counts``: reading time, views,
comments), a label (``meta_labels``: "Posted on", "发表于", "投稿日"), a small word (``words``:
"by", "in", "par"), a link to the author's page, to a category or tag, to the comments or to a
share button, or, after a label, a name of at most four words. A run of such blocks among the
page's first ``top_blocks``, or in its tail after the last paragraph of more than ``tail_words``
words outside links (a footer's "Posted by … at …"), goes when it holds two kinds of meta (a date and an author, a date
and a reading time...) and one of them proves it (a label, a count, or one of those links):
"2023-05-01" alone, or "— Jane Doe, 2019" under a quote, stays.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.tail import InTail
from ..fastpath.triggers import AllOf, AnyOf, InHead, Literals, Search, Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .link_remnants import OPENER, mended
from .link_words import words_besides_links
from .linkblocks import (
    IMAGE,
    LINK,
    LIST_KINDS,
    Link,
    Skeleton,
    heading_level,
    raw_text,
    skeleton,
    word_count,
)
from .phrase_lists import fold_width
from .required_phrases import required_alternation
from .title_zone import TitleZone, late_dated_title, title_zone

# What a link of a meta line points at, by the shape of its target.
# (An author's archive under its slug in other languages or by WordPress's plain permalink,
# "?author=2" on the site's root, "/autor/", "/auteur/", "/yazar/",
# "/penulis/", "/giornalista/"; Google's "?rel=author"; the anchor the Molongui author-box plugin
# gives a name whose archive is off; a category's slug likewise, or "?cat=4" on the site's root
# (a shop's "/dp/…?tag=" is an affiliate id); the comments' anchor with its
# count or id, "#comments-19856".)
_LINK_KINDS = (
    ("author", re.compile(r"/(?:author|authors|user|users|u|profile|people|members?|writers?|autor(?:e|es|en|in)?|auteurs?|yazar|penulis|giornalista|redakteur(?:in)?|journalist|tac-gia)/[^/?#]+/?(?:[?#]|$)|/@[\w.-]+/?(?:[?#]|$)|/~[\w.-]+/?(?:[?#]|$)|[?&]rel=author\b|^(?:https?://[^/?#\s]+)?/?(?:index\.php)?\?(?:[^#\s]*&)?author=\d+(?:[&#]|$)|#molongui-disabled-link$", re.I)),
    ("taxonomy", re.compile(r"/(?:category|categories|tag|tags|topics?|labels?|search/label|kategori(?:e|en)?|categori[ae]|categoría|rubri(?:que|k)|etiquetas?)/|^(?:https?://[^/?#\s]+)?/?(?:index\.php)?\?(?:[^#\s]*&)?(?:cat|tag)=", re.I)),
    ("comments", re.compile(r"#(?:respond|comments?(?:-\d+)?|disqus_thread|reply|commenti|kommentare|comentarios)$", re.I)),
    ("share", re.compile(r"share|sharer|intent/tweet|signin|sign-in|login|log-in|/follow|email-post|post-edit\.g", re.I)),
)  # fmt: skip
_COMMENTS_ANCHOR = _LINK_KINDS[2][1]
# A share or permalink button by its text, wherever it points ("[Permalink](/post/)",
# "[Chia sẻ](/post/)"): a theme's button among the byline's parts, no meta of its own.
_BUTTON_TEXT = re.compile(
    r"(?:share|permalink|teilen|partager|compartir|compartilhar|condividi|поделиться|分享|"
    r"共有|공유|paylaş|bagikan|udostępnij|delen|chia sẻ|固定链接|永久链接|パーマリンク|고유 ?링크)",
    re.I,
)
# The literals one of which a proof needs: a link's shape above, or a label or count's word.
_AUTHOR_KEYS = (
    "/author",
    "/user",
    "/u/",
    "/profile/",
    "/people/",
    "/member",
    "/writer",
    "/@",
    "/~",
    "/autor",
    "/auteur",
    "/yazar/",
    "/penulis/",
    "/giornalista/",
    "/redakteur",
    "/journalist/",
    "/tac-gia/",
    "rel=author",
    "author=",
    "#molongui-disabled-link",
)
_TAXONOMY_KEYS = (
    "/categor",
    "/tag",
    "/topic",
    "/label",
    "/kategori",
    "/rubri",
    "/etiqueta",
    "cat=",
    "tag=",
)
_COMMENT_KEYS = ("#respond", "#comment", "#disqus", "#reply", "#kommentare", "#comentarios")
_LINK_KEYS = (*_AUTHOR_KEYS, *_TAXONOMY_KEYS, *_COMMENT_KEYS)
# The words of a relative date in 15 languages, one of which each relative date of
# ``post-dates.yaml`` holds ("3 days ago", "vor 3 Tagen", "3 giorni fa", "3 天前"), with "ago"
# (a word of its own in ``DATE_SHAPE``): literals the trigger asks for.
RELATIVE_WORDS = (
    "назад", "前", "전", "yesterday", "today", "刚刚", "剛剛", "昨天", "今天", "vor ", "il y a",
    "hace ", "há ", "atrás", "minuti fa", "minuto fa", "ore fa", "ora fa", "giorni fa",
    "giorno fa", "settimane fa", "settimana fa", "mesi fa", "mese fa", "anni fa", "anno fa",
    "önce", "lalu", "geleden", "temu", "trước",
)  # fmt: skip
# A relative date's shape (its number or article, its unit, its word: a link's text "vor Ort" or
# "önce" alone is none); each holds one of ``RELATIVE_WORDS``.
RELATIVE_SHAPE = (
    r"(?:\d+|uma?|een)\s*[^\W\d_]+\s+(?:atrás|önce|(?:yang\s+)?lalu|geleden|temu|trước)\b"
    r"|(?:minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]) fa\b"
    r"|(?:vor|il y a|hace|há) (?:\d|une?\b|einer?\b|una?\b|zwei|drei)|назад|前|전|yesterday|today"
    r"|刚刚|剛剛|昨天|今天"
)
# Every date of ``rules/phrases/post-dates.yaml`` has one of these shapes (in lower case): the
# trigger's second half (asked as ``DATE_DIGITS`` or ``DATE_WORDS``, which hold wherever it
# does), so that a page without a date near its title is never parsed for it.
DATE_SHAPE = re.compile(
    r"\d{4}\s?[-/.年년]\s?\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\s?[:时時]\s?\d{2}"
    r"|\d{1,2}\s?月\s?\d{1,2}|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}"
    r"|\d{1,2}\s+tháng|ago\b|" + RELATIVE_SHAPE + "|曜"
)
# What the trigger asks for ``DATE_SHAPE``: a text that holds one of its shapes holds one of
# these (each digit branch starts at its first digit, so the regex skips to digits, where
# ``DATE_SHAPE``, opening with a branch of letters, tried every branch at every character:
# 2 ms per 10 KB without a date; "May 3, 2024" is asked from its day, "ago" without its end).
DATE_DIGITS = re.compile(
    r"\d(?:\d{3}\s?\\?[-/.年년]\s?\d|\d?\\?[-/.]\d{1,2}\\?[-/.]\d\d|\d?\s?[:时時]\s?\d\d|\d?\s?月\s?\d"
    r"|\d?(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d?(?:st|nd|rd|th|er)?\\?\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}|\d?\s+tháng)"
)
# (A converter escapes a dot or a dash after digits, "2023\. 7. 8.", "04\. Apr 2019": the raw
# text's date holds a backslash that the read text has not.)
DATE_WORDS = ("ago", *RELATIVE_WORDS, "曜")
# A date's shape under a late title (``title_zone``): one of the trigger's dates.
LATE_DATED_TITLE = late_dated_title(
    DATE_DIGITS.pattern + "|" + "|".join(map(re.escape, DATE_WORDS))
)
_LETTERS = "a-zà-öø-ÿāăąćčďēęěğīıłńňōőœřśşšţťūůűźżžа-яё"
_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "da", "di", "le", "la", "del", "der", "dos", "bin"}
)
_PUNCTUATION = re.compile(
    r"[\s|·•‧∙⋅,;:/\\()（）\[\]【】「」<>«»\"'“”‘’—–\-_*~+=#@!?.。、，：；！？|｜]+"
)
_PROOFS = frozenset(
    {"label", "count", "author-link", "taxonomy", "comments", "permalink", "separated"}
)
# The separator a theme prints between a byline's parts.
_SEPARATOR = re.compile(r"\s[·•]\s")
# An author's picture beside the byline: its address or alt text says so.
_AVATAR = re.compile(
    r"avatar|gravatar|profile[-_ ]?(?:pic|photo|image)|头像|頭像|アバター|프로필", re.I
)
_ALT = re.compile(r"!\[([^\]\n]*)\]")
_IMAGE_MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\s]*|<img\b[^>]*>", re.I)
# A label glued to the date after it ("PublishedSeptember 18, 2026").
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z][a-z]+\.?\s+\d)")
_MAX_LIST_ITEMS = 6
# A link to a dated address ("/2012/paxos/", "/2024/12/20/"): a date linked so proves itself.
_YEAR_PATH = re.compile(r"\]\([^)\s]*/(?:19|20)\d\d/")
# An aside in brackets: at most 80 characters on one line, no bracket inside.
_ASIDE = re.compile(r"[(][^()\n]{1,80}[)]")
_MAX_WORDS = 40
# A sentence's end no meta line has: the author's own words ("推定読了時間は5分！").
_EXCLAIMED = re.compile(r"[。！？!?]\s*$")
_MAX_NAME_WORDS = 4
_SLASHES = re.compile(r"\s*[/|｜]\s*")
_MIN_SEGMENTS = 3  # a slashed meta line: a date, a count and a name at least
_MINOR_LEVEL = 4  # the first heading level a byline may take
# A saver's own header field, word for word: Jina Reader's "Published Time: 2024-05-03T…" under
# its "Title:" and "URL Source:" lines. The saver's record of the page, kept like front matter.
_SAVER_FIELD = re.compile(r"Published Time:[ \t]")
_MAX_LINK_WORDS = 6  # an author's name, a category, a date: "Mac administration", "May 31, 2024"
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class Reading:
    """What a block of a meta line holds: its kinds of meta (empty for "by" or "in" alone)."""

    kinds: frozenset[str]

    @property
    def proven(self) -> bool:
        return bool(self.kinds & _PROOFS)


# A full name alone on its line before a byline: no kind of meta of its own.
_NAME_LINE = Reading(frozenset())
# A number alone on its line inside a byline: a count whose icon or word is lost; it proves
# nothing and is no kind of meta of its own.
_NUMBER = Reading(frozenset({"number"}))
_BARE_NUMBER = re.compile(r"\d[\d.,]*\s?[kmкм万千w]?\+?", re.I)


class PostMetaMatcher(Matcher):
    name = "post-meta"
    params = MappingProxyType(
        {
            "dates": list,
            "counts": list,
            "meta_labels": list,
            "words": list,
            "top_blocks": int,
            "tail_words": int,
            "keywords": list,
        }
    )
    required = frozenset({"dates", "counts", "meta_labels", "words"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._phrases = {key: required_alternation(params, key) for key in sorted(self.required)}
        self.top_blocks = int(params.get("top_blocks", 12))
        # The page's tail: after its last paragraph of more words than this (outside links).
        self.tail_words = int(params.get("tail_words", 40))

    @cached_property
    def _parts(self) -> dict[str, re.Pattern[str]]:
        """Each kind of part, found anywhere in a line as a whole word (compiled on first use)."""
        return {
            key: re.compile(rf"(?<![{_LETTERS}\d])(?:{pattern})(?![{_LETTERS}])", re.IGNORECASE)
            for key, pattern in self._phrases.items()
        }

    def trigger(self) -> Trigger:
        """In the page's head, or in its tail after the last long paragraph: a proof's literal
        (a meta link's shape, or one of the rule's ``keywords``, the words of its labels and
        counts), a link to a dated address or a theme's separator, and the shape of a date or
        time; or, without a date, a link to an author's
        page and one to a category or tag."""
        proof = AnyOf(
            (
                Literals(tuple(sorted({*_LINK_KEYS, *(self.keywords or ())}))),
                Search(_YEAR_PATH),
                Search(_SEPARATOR),
            )
        )
        date = AnyOf((Search(DATE_DIGITS, folded=False), Literals(DATE_WORDS)))
        dated = AllOf((proof, date))
        meta = AnyOf((dated, AllOf((Literals(_AUTHOR_KEYS), Literals(_TAXONOMY_KEYS)))))
        # (or a date under a late title: ``title_zone``)
        late = Search(LATE_DATED_TITLE, folded=False)
        return AnyOf((InHead(self.top_blocks, meta), InTail(self.tail_words, meta), late))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        # On a dump of the whole page, the head reaches the zone under the article's title.
        zone = title_zone(doc, blocks)
        tail_start = self._tail_start(doc, blocks)
        # (the zone stops where the tail starts: a short page's tail is read as a tail)
        late = min(zone.stop, tail_start) if zone is not None else 0
        head = blocks[: max(self.top_blocks, late)]
        yield from self._runs(doc, head, (zone,))
        yield from self._runs(doc, blocks[max(tail_start, len(head)) :])

    def _tail_start(self, doc: Document, blocks: list[Node]) -> int:
        """The index after the page's last paragraph of more than ``tail_words`` words outside
        its links (the tail ``InTail`` reads holds every block from there)."""
        for index in range(len(blocks) - 1, -1, -1):
            skel = skeleton(doc, blocks[index]) if blocks[index].kind == "paragraph" else None
            if skel is not None and words_besides_links(skel) > self.tail_words:
                return index + 1
        return 0

    def _runs(
        self, doc: Document, blocks: list[Node], head: tuple[TitleZone | None] | None = None
    ) -> Iterator[Finding]:
        """The runs of meta-only blocks among ``blocks`` that are meta lines (in the page's
        ``head``: past the first ``top_blocks``, in the title's zone only, with a date)."""
        run: list[tuple[Node, Reading]] = []
        for node in blocks:
            after_avatar = bool(run) and "avatar" in run[-1][1].kinds
            reading = self._reading(doc, node, after_avatar)
            if reading is None and run and _bare_number(doc, node):
                reading = _NUMBER  # a counter whose icon the converter dropped ("0", "23K")
            if reading is not None:
                run.append((node, reading))
                continue
            yield from self._in_head(doc, run, head)
            # The author's full name alone on its line opens the byline under it ("Jane Doe",
            # "March 3, 2023", "5 min read"): kept aside until a meta line follows it.
            run = [(node, _NAME_LINE)] if _full_name(doc, node) and not _wrapped(node) else []
        yield from self._in_head(doc, run, head)

    def _in_head(
        self,
        doc: Document,
        run: list[tuple[Node, Reading]],
        head: tuple[TitleZone | None] | None,
    ) -> Iterator[Finding]:
        """The run's finding; in the page's ``head``, when it stands in its first
        ``top_blocks`` blocks, or in the title's zone with a date (what the trigger asks of a
        late title)."""
        late = head is not None and bool(run) and run[-1][0].index >= self.top_blocks
        if late and head is not None and not _in_zone(doc, run, head[0]):
            # (the part in the first blocks is read as it was without the zone)
            run = [(node, reading) for node, reading in run if node.index < self.top_blocks]
        yield from _meta_finding(doc, run)

    def _reading(self, doc: Document, node: Node, after_avatar: bool = False) -> Reading | None:
        """The block's kinds of meta when it is made of meta only; None otherwise. A name
        alone on its line is the author's under an avatar."""
        if node.kind in LIST_KINDS:
            return self._list_reading(doc, node)
        if node.kind != "paragraph" and not _minor_heading(doc, node):
            return None
        return self._paragraph_reading(doc, node, after_avatar)

    def _paragraph_reading(self, doc: Document, node: Node, after_avatar: bool) -> Reading | None:
        """A paragraph's (or a minor heading's) kinds of meta, when it is made of meta only."""
        skel = skeleton(doc, node)
        if skel is None:
            return None
        if skel.images and OPENER.fullmatch(skel.text):
            return _NAME_LINE  # a link's first half around the avatar, its text in the next block
        raw = raw_text(doc, node)
        if _SAVER_FIELD.match(raw):
            return None  # the saver's header, not the theme's byline
        skel = mended(skel, raw)  # a link the converter broke ("Jane](/author/jane/) @ 12:35 pm")
        if skel.words() > _MAX_WORDS or _EXCLAIMED.search(skel.text):
            return None
        kinds = _paragraph_kinds(skel, raw)
        if kinds is None:
            return None
        return self._text_reading(skel, kinds, after_avatar)

    def _list_reading(self, doc: Document, node: Node) -> Reading | None:
        """A byline a theme prints as a short list ("* [Jane](/author/jane/)", "* [May 3,
        2024](/2024/05/03/)"): each item one line of meta."""
        items = node.children
        if not items or len(items) > _MAX_LIST_ITEMS:
            return None
        kinds: set[str] = set()
        for item in items:
            if len(item.children) != 1:
                return None
            reading = self._reading(doc, item.children[0])
            if reading is None:
                return None
            kinds |= reading.kinds
        return Reading(frozenset(kinds))

    def _strip_meta(self, skel: Skeleton, kinds: set[str]) -> str:
        """The block's text without its dates, counts and labels (their kinds added)."""
        text = fold_width(skel.text.replace(LINK, " ").replace(IMAGE, " "))
        text = _GLUED.sub(" ", text)
        for key, kind in (("dates", "date"), ("counts", "count"), ("meta_labels", "label")):
            text, found = self._parts[key].subn(" ", text)
            if found:
                kinds.add(kind)
        return text

    def _text_reading(
        self, skel: Skeleton, kinds: set[str], after_avatar: bool = False
    ) -> Reading | None:
        meta_text = self._strip_meta(skel, kinds)
        stripped = self._without_small_words(meta_text)
        if stripped is None:
            return None  # a sentence's verb ("Released on 2024-03-03", "Released by Jane on …")
        text, small_words = stripped
        rest = _PUNCTUATION.sub(" ", text).split()
        if not rest:
            return Reading(frozenset(kinds))
        if "author-link" in kinds:
            # The author is the link: a word left beside it is the sentence's ("Reported by
            # [kazu](/u/kazu) on March 3, 2024" in a changelog), not a second name.
            return None
        # A name after a label or "by", or closing a line that is meta already ("March 3,
        # 2023 · 4 min · Jane Doe"), or beside a date with a theme's separator ("Jane Doe ·
        # March 3, 2023": a quote's attribution takes a dash or a comma).
        dotted = "date" in kinds and _SEPARATOR.search(text) is not None
        named = dotted or _name_expected(kinds, small_words, after_avatar)
        if not (named and _names_author(text, rest)):
            return self._slashed_reading(meta_text, kinds)
        return Reading(frozenset({*kinds, "author", *(("separated",) if dotted else ())}))

    def _slashed_reading(self, text: str, kinds: set[str]) -> Reading | None:
        """A theme's meta line of slashed segments, a date and a count or label among them
        and each other segment a small word and a few words (Enfold's "October 12,
        2018/0 Comments/in News /by admin": the category's and the author's names as the
        theme prints them, a user name in lower case too)."""
        if "date" not in kinds or not kinds & {"count", "label"}:
            return None
        segments = [s.strip(" \t,;:.-–—·•") for s in _SLASHES.split(text)]
        if len(segments) < _MIN_SEGMENTS:
            return None
        small = self._parts["words"]
        if not all(_named_segment(segment, small) for segment in filter(None, segments)):
            return None
        return Reading(frozenset({*kinds, "author"}))

    def _without_small_words(self, text: str) -> tuple[str, int] | None:
        """The line without its small words ("by", "on"), and how many; None when a verb
        stands before the first of them (``_verb_lead``)."""
        if _verb_lead(text, self._parts["words"]):
            return None
        return self._parts["words"].subn(" ", text)


def _named_segment(segment: str, small: re.Pattern[str]) -> bool:
    """A small word ("in", "by") and a name of a few words without digits after it."""
    lead = small.match(segment)
    if lead is None:
        return False
    rest = _PUNCTUATION.sub(" ", segment[lead.end() :]).split()
    return 0 < len(rest) <= _MAX_NAME_WORDS and not any(re.search(r"\d", w) for w in rest)


def _names_author(text: str, rest: list[str]) -> bool:
    """Whether what is left of a byline is a person's name, alone or before an aside."""
    aside_free = _without_aside(text)
    return _is_name(rest) or (bool(aside_free) and _is_name(aside_free))


def _minor_heading(doc: Document, node: Node) -> bool:
    """A heading of level four to six: a theme prints its byline so ("#### 作者[听涛](/author/…)"),
    where an article's sections take the levels above."""
    return node.kind == "heading" and heading_level(doc, node) >= _MINOR_LEVEL


def _verb_lead(text: str, small: re.Pattern[str]) -> bool:
    """Whether a verb's past participle stands alone before the line's first small word: a
    changelog's "Released on …" or "Released by Jane on …", a verb where a byline has its
    label ("Posted by", read as a label already) or nothing ("by Jane")."""
    first = small.search(text)
    if first is None:
        return False
    before = _PUNCTUATION.sub(" ", text[: first.start()]).split()
    if len(before) != 1 or _UNSPACED.search(before[0]):
        return False
    # (an English past participle: a weekday before "at" is a date's, "Wednesday, at 13:17")
    word = before[0]
    return word[:1].isupper() and word[1:].islower() and word.endswith("ed")


def _name_expected(kinds: set[str], small_words: int, after_avatar: bool) -> bool:
    """Whether a meta line leaves room for its author's name: after a label or a small word
    ("by"), closing a line of two kinds of meta, or under the author's avatar."""
    return bool(kinds & {"label"} or small_words or len(kinds) >= 2 or after_avatar)


def _paragraph_kinds(skel: Skeleton, raw: str) -> set[str] | None:
    """The kinds of a paragraph's links, with "avatar" when it shows the author's avatar;
    None when one of its links is no meta link."""
    avatars = [image for image in _IMAGE_MARKUP.findall(raw) if _AVATAR.search(image)]
    # An avatar wrapped in a link to the author's profile: the link's text is its alt text.
    alts = {alt.group(1).strip() for alt in map(_ALT.match, avatars) if alt}
    kinds = _link_kinds(skel, alts)
    if kinds is None:
        return None
    if avatars and (skel.images or "avatar" in kinds):
        kinds.add("avatar")
    return kinds


def _link_kinds(skel: Skeleton, avatar_alts: Collection[str] = ()) -> set[str] | None:
    """The kinds of the block's links; None when one of them is no meta link (a date's link
    to the post itself counts as a date, a link around an avatar as the avatar)."""
    kinds: set[str] = set()
    for link in skel.links:
        kind = "avatar" if link.text.strip() in avatar_alts else link_kind(link)
        if kind is None:
            return None
        kinds.update(("date", "permalink") if kind == "dated" else (kind,))
    kinds.discard("share")
    return kinds


def link_kind(link: Link) -> str | None:
    """What a link of a meta line points at; None for any other link, or a link whose text
    is longer than a name or a category ("Release notes of version 2.7" under ``/tag/v2.7``)."""
    if _COMMENTS_ANCHOR.search(link.href):
        # WordPress prints the post's title in the comments link ("TITLE无评论", "Leave a
        # comment on TITLE"): an anchor to the comment form is the comments' link at any length.
        return "comments"
    if word_count(link.text) > _MAX_LINK_WORDS or "/releases/tag/" in link.href:
        return None
    if _BUTTON_TEXT.fullmatch(link.text.strip()):
        return "share"
    return address_kind(link.href) or _date_kind(link)


def address_kind(href: str) -> str | None:
    """The kind of page a meta link's address is (``_LINK_KINDS``: an author's is
    "author-link"), if any."""
    kind = next((kind for kind, shape in _LINK_KINDS if shape.search(href)), None)
    return "author-link" if kind == "author" else kind


def _date_kind(link: Link) -> str | None:
    """A date's link: "dated" when its address proves the date (a post's or a day's archive),
    else "date"; None for any other link."""
    if DATE_SHAPE.search(link.text.lower()) and word_count(link.text) <= 6:
        # (a date's shape, not any digit: "[2.0.0](/releases/2.0.0)" is a version)
        # "[May 3, 2024](permalink)": told apart from other links below.
        return "dated" if _dated_address(link) else "date"
    return None


def _dated_address(link: Link) -> bool:
    """A date linked to a post's address or a day's archive that holds the date's year
    ("/2012/paxos/", "/2024/12/20/"): the link proves the date."""
    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", link.text)
    dated = year is not None and f"/{year.group()}/" in link.href
    return dated and DATE_SHAPE.search(link.text.lower()) is not None


def _without_aside(text: str) -> list[str]:
    """The name before the one aside in brackets that closes a byline's rest: the author's
    title or blog ("Nicolas Dorier (VP Digital Currencies at Metaco)", "향로 (기억보단
    기록을)"); no words when there is no such aside, or a word after it."""
    asides = _ASIDE.findall(text)
    if len(asides) != 1:
        return []
    before, after = text.split(asides[0])
    name = _PUNCTUATION.sub(" ", before).split()
    if _PUNCTUATION.sub(" ", after).split():
        return []
    # A full name, or a name in a script without spaces: one word before an aside is a
    # sentence's ("Billet posté le 3 mai 2012 (initialement écrit le 8 février 2007)").
    return name if len(name) >= 2 or any(_UNSPACED.search(w) for w in name) else []


def _is_name(words: list[str]) -> bool:
    """Whether what is left of a line is a person's name: a few capitalized words, or a few
    characters of a script without capitals."""
    if len(words) > _MAX_NAME_WORDS or any(re.search(r"\d", w) for w in words):
        return False
    if any(_UNSPACED.search(w) for w in words):
        return sum(len(w) for w in words) <= 8
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _in_zone(doc: Document, run: list[tuple[Node, Reading]], zone: TitleZone | None) -> bool:
    """Whether a run past the page's first blocks is a meta line under its late title: in the
    title's zone, with a date."""
    dated = any("date" in reading.kinds for _, reading in run)
    return zone is not None and dated and zone.holds(doc, run[0][0], run[-1][0])


def _picture(doc: Document, node: Node) -> bool:
    """A paragraph of pictures and no words."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    return skel is not None and bool(skel.images) and not skel.words()


def _wrapped(node: Node) -> bool:
    """A paragraph on the line right under a heading's: the rest of a long title that a
    converter wrapped ("# … Staking Experience for All" / "Their Users"), not a byline."""
    before = node.previous_sibling
    return before is not None and before.kind == "heading" and before.end_line == node.start_line


def _bare_number(doc: Document, node: Node) -> bool:
    """A paragraph that is a number alone ("0", "23K", "1.2k"), no link, no picture."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    if skel is None or skel.links or skel.images:
        return False
    return _BARE_NUMBER.fullmatch(skel.text.strip()) is not None


def _full_name(doc: Document, node: Node) -> bool:
    """A paragraph of two to four capitalized words and nothing else: a person's full name.
    A label's colon makes it a caption ("Image: Unsplash+/Getty", "Photo: Jane Doe"), not a
    name."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    if skel is None or skel.links or skel.images or ":" in fold_width(skel.text):
        return False
    words = skel.text.split()
    return 2 <= len(words) <= _MAX_NAME_WORDS and _is_name(words) and skel.text.isascii()


def _meta_finding(doc: Document, run: list[tuple[Node, Reading]]) -> Iterator[Finding]:
    """The run's blocks, removed together, when they are a meta line (without the
    pictures after it: the article's own, under its byline)."""
    while run and not run[-1][1].kinds and _picture(doc, run[-1][0]):
        run = run[:-1]
    if _is_meta_run(run):
        first, last = run[0][0], run[-1][0]
        start, end = doc.node_span(first)[0], doc.node_span(last)[1]
        sure = sure_meta(frozenset().union(*(reading.kinds for _, reading in run)))
        edits = tuple(remove_blocks(doc, part[0], part[-1]) for part in _around_pictures(doc, run))
        yield Finding(start, end, edits=edits, applicability=safe_if(sure))


def _around_pictures(doc: Document, run: list[tuple[Node, Reading]]) -> list[list[Node]]:
    """The run's stretches between its pictures: a picture inside a meta line (the article's
    featured image between its byline and its reading time) is the article's and stays."""
    parts: list[list[Node]] = [[]]
    for node, reading in run:
        bare = doc.text[slice(*doc.node_span(node))].lstrip().startswith(("![", "<img"))
        # (a linked picture, or one a converter's broken link opens, is the author's avatar)
        if bare and not reading.kinds and _picture(doc, node):
            parts.append([])
        else:
            parts[-1].append(node)
    return [part for part in parts if part]


def sure_meta(kinds: frozenset[str]) -> bool:
    """Whether a meta line is certain (its fix safe): a link to the author's archive page, a
    theme's own address, with a date, a category or tag link or the comments' link."""
    return "author-link" in kinds and bool(kinds & {"date", "taxonomy", "comments"})


def _is_meta_run(run: list[tuple[Node, Reading]]) -> bool:
    """Two kinds of meta besides a label, and a proof: "Updated: 2023-05-01" alone stays."""
    kinds = frozenset().union(*(reading.kinds for _, reading in run))
    # An avatar proves a byline beside a date: a profile's picture and name alone may be a
    # README's.
    avatar = "avatar" in kinds and "date" in kinds
    return len(kinds - {"label", "separated", "number"}) >= 2 and bool(kinds & _PROOFS or avatar)
