"""``thread-post-header``: the header over each post of a forum thread (its author, stamp, number).

Every thread engine opens a post the same way: the author (a link to the member's profile, or
the bare user name a text crawler kept), a badge or the real name, the time it was posted (a
date with its time of day, or a time relative to now, often a link to the post itself), and
the post's number in the thread. A crawl or a clipper keeps it in one of a few shapes:

- one block: ``[_j](https://forum.example/u/_j)  May 8, 2026, 5:29pm 2``;
- the author's block, then the stamp's: ``[Azona77](…/u/Azona77) 活跃用户`` over
  ``[16 天](…/t/topic/53093/10 "发布日期")``;
- a text crawl's blocks: ``billy4479``, ``October 19, 2024, 12:54pm``, ``2``.

A header counts when it carries a mark of its engine besides the stamp: a profile link
(``/u/NAME``, ``/user/NAME``, ``/users/ID/NAME``, ``/member/NAME``, ``/people/NAME``,
``/@NAME``, ``user?id=NAME``, phpBB's and vBulletin's profile pages), a permalink to the post
(``/t/slug/ID/N``, ``#post_N``, ``#p-N``, ``/comments/ID``, ``#comment-N``, ``/answer/ID``), or
the post's number. The headers go when the page holds at least two, each followed by the post
it opens (a block that is no header), and their numbers rise from one to the next; the posts
stay. A chat quoted in a docs page ("Alice 10:32") has neither profile links nor numbers, and
a changelog's dates stand under headings, not over posts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.triggers import AllOf, AnyOf, Literals, Search, SearchNear, Trigger, search_each
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .linkblocks import Link, Skeleton, skeleton, word_count
from .phrase_lists import fold_width
from .thread_page import mark_thread

# A link to a member's profile page, as thread engines address them.
PROFILE_URL = re.compile(
    r"/u/[^/\s?#]+/?(?:[?#]|$)|/users?/(?:\d+/)?[^/\s?#]+/?(?:[?#]|$)|/members?/[^/\s?#]+/?$"
    r"|/people/[^/\s?#]+/?$|/@[\w.-]+/?$|/user\?id=[\w-]+$|memberlist\.php\?mode=viewprofile"
    r"|member\.php\?u=\d+|action=profile;u=\d+|/space/uid/\d+",
    re.IGNORECASE,
)
# A link to one post of a thread.
PERMALINK_URL = re.compile(
    r"/t/[^/\s]+/\d+/\d+|/t/topic/\d+|#post[_-]?\d+|#p-?\d+|/comments/\w+|#comment-?\d+"
    r"|/answer/\d+|/item\?id=\d+|showcomment=\d+|replytocom=\d+",
    re.IGNORECASE,
)
# A post's stamp: a date with its time of day, or a time relative to now.
# (A date with its time: its clock's ":" and two digits stand at most ``_CLOCK_REACH``
# characters after its start: 18 for a month's name and day, 4 for the year, 30 between, 2
# for the hour.)
_CLOCK_STAMP = (
    r"(?:(?:[^\W\d_]{3,10}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s|\d{1,2}\.?\s[^\W\d_]{3,10}\.?,?\s)?"
    r"(?<!\d)\d{4}(?!\d)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2})"
    r".{0,30}?(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)(?:\s?[ap]\.?m\.?)?"
)
_CLOCK_REACH = 18 + 4 + 30 + 2
_RELATIVE_STAMP = (
    r"\b\d+\s?(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\s+ago\b"
    r"|\d+\s?(?:年|个月|個月|か月|ヶ月|周|週間|天|日|小时|小時|時間|分钟|分鐘|分)前"
    r"|\d+\s?(?:년|개월|주|일|시간|분)\s?전"
    r"|\b(?:vor|il y a|hace|há|fa)\s+\d+\s+\w+"
    r"|\b\d+\s+\w+\s+(?:назад|önce|lalu|geleden|temu|trước)\b"
)
STAMP = re.compile(f"{_CLOCK_STAMP}|{_RELATIVE_STAMP}", re.IGNORECASE)
# What every stamp or permalink holds, cheap to look for before the regexes run.
_HINT = re.compile(
    r"\d:\d\d|ago\b|前|전|назад|önce|lalu|geleden|temu|trước|(?:vor|il y a|hace|há|fa)\s+\d"
    r"|/t/|#post|#p-?\d|/comments/|#comment|/answer/|item\?id=|showcomment=|replytocom="
)
# ``_HINT`` asked branch by branch: one alternation of them all is tried at every character
# (1.4 ms a 20 KB page); its plain strings are literals, a clock's digits a search that
# opens with the colon (found at memory speed) before the one that needs a digit before it.
_HINT_PARTS = AnyOf(
    (
        Literals(
            (
                *("前", "전", "назад", "önce", "lalu", "geleden", "temu", "trước"),
                *("/t/", "#post", "/comments/", "#comment", "/answer/", "item?id="),
                *("showcomment=", "replytocom="),
            )
        ),
        Search(re.compile(r"ago\b"), folded=False),
        Search(re.compile(r"#p-?\d"), folded=False),
        AllOf(
            (
                Search(re.compile(r":\d\d"), folded=False),
                Search(re.compile(r"\d:\d\d"), folded=False),
            )
        ),
        Search(re.compile(r"(?:vor|il y a|hace|há|fa)\s+\d"), folded=False),
    )
)
_STAMP_OR_PERMALINK = re.compile(f"{STAMP.pattern}|{PERMALINK_URL.pattern}", re.IGNORECASE)
# ``_STAMP_OR_PERMALINK`` found, branch by branch: a date with its time near a clock's colon
# (``SearchNear``), the others in one search.
_STAMP_OR_PERMALINK_SEARCH = AnyOf(
    (
        search_each(
            re.compile(f"{_RELATIVE_STAMP}|{PERMALINK_URL.pattern}", re.IGNORECASE),
            folded=False,
        ),
        SearchNear(re.compile(_CLOCK_STAMP, re.IGNORECASE), re.compile(r":\d\d"), _CLOCK_REACH),
    )
)
# A relative stamp as the text of a permalink ("17 天", "3d"): short, so only as a link.
_LINKED_STAMP = re.compile(
    r"\d+\s?(?:[smhdwy]|mo|yr|秒|分钟|小时|天|周|个月|年|분|시간|일|분|時間|日)"
)
_NUMBER = re.compile(r"\d{1,5}")
# A user name as a text crawl keeps it: one word, letters first or among its characters.
_NAME = re.compile(r"@?(?=[\w.-]*[^\W\d_])[\w.-]{2,40}")
# A real name or badge beside the author: "(Marcus Baw)", "活跃用户", "Regular".
_PARENTHESIZED = re.compile(r"\([^()]{1,60}\)")
_MAX_BADGE_WORDS = 3
_MAX_HEADER_WORDS = 14


@dataclass(frozen=True)
class Header:
    """One post's header: its blocks (first and last index) and the marks it carries."""

    first: int
    last: int
    profile: bool
    permalink: bool
    number: int | None

    @property
    def marked(self) -> bool:
        return self.profile or self.permalink or self.number is not None

    @property
    def certain(self) -> bool:
        """Two marks of the engine besides the stamp."""
        marks = (self.profile, self.permalink, self.number is not None)
        return sum(marks) >= 2


@dataclass(frozen=True)
class Reading:
    """What a top-level block is to a header: an author, a stamp, a number, a whole header."""

    author: bool = False
    stamp: bool = False
    whole: bool = False
    profile: bool = False
    permalink: bool = False
    number: int | None = None
    aside: bool = False  # a real name in brackets between the author and the stamp
    avatar: bool = False  # the author's picture (and the post's number beside it)


NOTHING = Reading()


class ThreadPostHeaderMatcher(Matcher):
    name = "thread-post-header"
    params = MappingProxyType({"min_headers": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_headers = int(params.get("min_headers", 2))

    def trigger(self) -> Trigger:
        """A stamp's or a permalink's hint, then a stamp or a permalink (every header holds one:
        its stamp reads as one, or is the text of a permalink; one header may be enough)."""
        return AllOf((_HINT_PARTS, _STAMP_OR_PERMALINK_SEARCH))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # (``find`` asks the fast path's question: the two never disagree)
        blocks = doc.root.children
        readings = [_reading(doc, node) for node in blocks]
        headers = _headers(readings)
        if not _is_thread(headers, len(blocks), self.min_headers):
            return
        mark_thread(doc)
        sure = all(header.certain for header in headers) or _counted(headers)
        for header in headers:
            first, last = blocks[header.first], blocks[header.last]
            start, end = doc.node_span(first)[0], doc.node_span(last)[1]
            edits = (remove_blocks(doc, first, last),)
            yield Finding(start, end, edits=edits, applicability=safe_if(sure))


def _reading(doc: Document, node: Node) -> Reading:
    """What the block is to a post's header (``NOTHING`` when it is none of its parts)."""
    if node.kind not in ("paragraph", "heading"):
        return NOTHING
    skel = skeleton(doc, node)
    if skel is None:
        return NOTHING
    text = fold_width(" ".join(skel.visible.split()))
    if word_count(text) > _MAX_HEADER_WORDS:
        return NOTHING
    avatar = _avatar_reading(text, skel)
    if avatar is not None:
        return avatar
    if not text:
        return NOTHING
    return _text_reading(text, skel)


def _avatar_reading(text: str, skel: Skeleton) -> Reading | None:
    """The author's avatar, with the post's number beside it (V2EX's floor number); None for
    any other block."""
    if skel.images and not skel.links and (not text or _NUMBER.fullmatch(text)):
        return Reading(avatar=True, number=int(text) if text else None)
    return None


def _text_reading(text: str, skel: Skeleton) -> Reading:
    """What a block with text is to a header: the post's number, an aside, a stamp (with
    what stands beside it), or an author."""
    profile = any(PROFILE_URL.search(link.href) for link in skel.links)
    if _NUMBER.fullmatch(text) and not skel.images:
        return Reading(number=int(text))
    if _PARENTHESIZED.fullmatch(text):
        return Reading(aside=True)
    stamp, number = _stamp_and_number(text, skel.links)
    if stamp is None:
        return _unstamped(text, skel, profile)
    return _stamped(text, stamp, number, skel.links, bool(skel.images))


def _unstamped(text: str, skel: Skeleton, profile: bool) -> Reading:
    """A block without a stamp: the author (a profile link with a badge, or a bare user name),
    or nothing a header holds."""
    if skel.images:
        return NOTHING
    author = (profile and word_count(text) <= 2 + _MAX_BADGE_WORDS) or (
        not skel.links and _NAME.fullmatch(text) is not None
    )
    return Reading(author=author, profile=profile)


def _stamped(text: str, stamp: str, number: int | None, links: list[Link], icons: bool) -> Reading:
    """A block that holds a stamp: a whole header (the author's profile link, a badge, the
    stamp, the number), or the stamp alone (with the number). Beside icons, a number is
    their counter ("❤️ 1"), not the post's."""
    rest = text.replace(stamp, " ", 1)
    if number is not None:
        rest = rest.rstrip().removesuffix(str(number))
    for link in links:
        rest = rest.replace(link.text, " ", 1)
    number = None if icons else number
    profile = any(PROFILE_URL.search(link.href) for link in links)
    permalink = any(_is_permalink_stamp(link) for link in links)
    if profile and word_count(rest) <= _MAX_BADGE_WORDS:
        return Reading(whole=True, profile=True, permalink=permalink, number=number)
    if not rest.strip() and not profile:
        return Reading(stamp=True, permalink=permalink, number=number)
    return NOTHING


def _is_permalink_stamp(link: Link) -> bool:
    """A link to one post whose text is its stamp ("17 天", "May 8, 2026, 5:29pm")."""
    if PERMALINK_URL.search(link.href) is None:
        return False
    text = " ".join(link.text.split())
    return bool(STAMP.search(text) or _LINKED_STAMP.fullmatch(text))


def _stamp_and_number(text: str, links: list[Link]) -> tuple[str | None, int | None]:
    """The block's stamp (as it reads) and the post's number after it, if any."""
    for link in links:
        if _is_permalink_stamp(link):
            stamp = " ".join(link.text.split())
            return stamp, _trailing_number(text, stamp)
    found = STAMP.search(text)
    if found is None:
        return None, None
    return found.group(), _trailing_number(text, found.group())


def _trailing_number(text: str, stamp: str) -> int | None:
    """The post's number right after the stamp, ending the block ("5:29pm 2")."""
    after = text.rsplit(stamp, 1)[-1].strip()
    return int(after) if _NUMBER.fullmatch(after) else None


def _headers(readings: list[Reading]) -> list[Header]:
    """The headers among the page's top-level blocks, in order."""
    headers: list[Header] = []
    index = 0
    while index < len(readings):
        header = _header_at(readings, index)
        if header is None:
            index += 1
            continue
        headers.append(header)
        index = header.last + 1
    return headers


def _header_at(readings: list[Reading], index: int) -> Header | None:
    """The header that opens at ``index``: an optional avatar, then a whole header, or an
    author, an optional aside (a real name, a badge: "OP"), a stamp and an optional number,
    each a block of its own."""
    avatar = readings[index]
    start = index
    if avatar.avatar:
        index += 1
        if index >= len(readings):
            return None
    reading = readings[index]
    header = _whole_header(readings, index) if reading.whole else _split_header(readings, index)
    if header is None:
        return None
    number = avatar.number if avatar.avatar and avatar.number is not None else header.number
    return Header(start, header.last, header.profile, header.permalink, number)


def _whole_header(readings: list[Reading], index: int) -> Header:
    reading = readings[index]
    return Header(index, index, reading.profile, reading.permalink, reading.number)


def _split_header(readings: list[Reading], index: int) -> Header | None:
    """An author's block, an optional aside, the stamp's block and an optional number's."""
    reading = readings[index]
    if not reading.author:
        return None
    at = index + 1
    if at < len(readings) and (readings[at].aside or _plain_badge(readings[at])):
        at += 1
    if at >= len(readings) or not readings[at].stamp:
        return None
    stamp = readings[at]
    number = stamp.number
    last = at
    if number is None and at + 1 < len(readings) and readings[at + 1].number is not None:
        number = readings[at + 1].number
        last = at + 1
    return Header(index, last, reading.profile, stamp.permalink, number)


def _plain_badge(reading: Reading) -> bool:
    """A word of its own between the author and the stamp ("OP", "楼主", "Moderator")."""
    return reading.author and not reading.profile


def _is_thread(headers: list[Header], blocks: int, min_headers: int) -> bool:
    """Enough headers (one will do when it carries two of its engine's marks: what is left of a
    thread whose other headers a pass removed), each marked by its engine and followed by its
    post (a block that is no header), their numbers rising."""
    return (
        _enough_headers(headers, min_headers)
        and _each_over_a_post(headers, blocks)
        and all(a < b for a, b in itertools.pairwise(_numbers(headers)))
    )


def _enough_headers(headers: list[Header], min_headers: int) -> bool:
    """Headers, each marked by its engine: ``min_headers`` of them (two at least), or fewer
    that each carry two of its marks."""
    if not headers or not all(header.marked for header in headers):
        return False
    # (one header with two of the engine's marks is a post's, on its own)
    return len(headers) >= max(min_headers, 2) or all(header.certain for header in headers)


def _each_over_a_post(headers: list[Header], blocks: int) -> bool:
    """Whether a block that is no header follows each header (else a list of names and
    dates)."""
    ends = [header.first for header in headers[1:]] + [blocks]
    return all(end - header.last >= 2 for header, end in zip(headers, ends, strict=True))


def _numbers(headers: list[Header]) -> list[int]:
    """The posts' numbers the headers carry, in order."""
    return [header.number for header in headers if header.number is not None]


def _counted(headers: list[Header]) -> bool:
    """Three or more headers whose numbers run on by one: a thread's posts, counted. A header
    whose number the crawl glued to what follows (a quote's avatar) is one of them when it
    links its author's profile: the count proves the thread, the profile link the header."""
    numbers = _numbers(headers)
    if len(numbers) < 3 or not all(h.number is not None or h.profile for h in headers):
        return False
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))
