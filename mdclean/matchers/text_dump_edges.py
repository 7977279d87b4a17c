"""``text-dump-edges``: a plain-text dump's menus and footers, read from the page's structure.

A select-all copy, an "innerText" extraction or a converter that keeps one element per line
writes the site's chrome as bare short lines: the menu's pages one per line ("News", "c't",
"iX", "Download", "Preisvergleich"...), the account and share buttons, the footer's pages. They
hold no link and often no phrase any list knows, in any language. This matcher reads them by
shape, not by words.

The page's lines, its sentence lines and the article's *core* are read once for all the line
readers (``text_copy``: the lines of the top-level paragraphs and those a list's items run on
without a marker; any other block a break). Each line, as a reader sees it, is here:

- a *label*: at most ``max_label_words`` words (two characters of a script without spaces
  count as one word), a letter, no sentence's end, no link; a caption of the ``phrases`` lists
  of any length; a row of short cells between separators ("首页|新闻|图片|评论", "Home >
  News > 2015 > Post"), which a menu or a breadcrumb trail writes; a line of a menu's section
  names that the copy glued with spaces, four words or more each opening with a capital and no
  punctuation ("Kraj Świat Opinie Religia Historia Ekonomia Zdrowie Tygodnik": one label per
  two words, evidence from six); or a footer's small print (a copyright mark, an e-mail
  address, a phone number: evidence);
- a *sentence* (``text_copy``): it ends a sentence and holds at least five words, or it holds
  more than fifteen;
- *other* (a title, a date, a glyph): anything else.

A page without a core is left alone: a page of short lines (a poem, a list) has no edges.

A *run* is a span of lines outside the core, from a label to a label, with at most
``max_gap`` other lines between two labels (no sentence line in between). It is the site's
chrome when it holds at least ``min_run`` labels (a long menu says so on its own), or
``min_run_evidenced`` labels of which at least two are evidence: a caption of one of the
``phrases`` lists as the whole line, a row of cells between separators (a row counts one label
per cell), a line of a menu glyph alone ("☰", "×"), or a label with a word of three captions
that innerText glued together ("SubskrybujSzukajMenu"). A line with a link is never a label (a
link menu is other rules' work); with its links read as text, it may be a sentence line. What
stays: the label right over the article's first line (it may be the title), the article's
title (the nearest headline over the core with no sentence line between, and the headlines
right next to it: a head run bridged across it is cut in two), a run in the head that a sentence line stands above (the
author writes before it: an introduction, then a list of ingredients or terms), a run the line
before it introduces (it ends with ":"), a run whose labels come back as lines of the core (a
table of contents over its sections), and a run most of whose labels open with a digit (a
list of quantities, of dates; not a ranking's ascending numbers). A notice of fewer than eighty
words of sentences does not protect a head of ``3 * min_run`` labels or more (a site's whole
menu), and there two chrome runs with at most eight lines between them, none a sentence line
but of a slight cluster, are one (a paywall's notice between two menus; no sentence line
before the run nearest the article: its title and standfirst may stand over it). In the tail, the
article's credit lines right under its last line ("Źródło: Statista.com") stay, two chrome runs
with at most eight lines between them, none a sentence line, are one (a footer's longer items;
in the head, the page's title may stand between two menus), and a run of
``min_run_evidenced`` labels joins a chrome run so bridged to it. The tail is also read
wider, one finding over the narrower ones: its boxes of headlines (as ``runs: headlines``
reads them) bridge the runs around them, and a bridge may cross lines that are no prose, the
prose of far clusters (``text_copy``) and of slight ones well below the article, and, from
the footer's first chrome run on, any line (a notice between its menus: "Alarmeringen.nl
bestaat ruim 15 jaar …"); the last group goes on to the page's end across such lines (a
cookie notice under the footer). A line that four or more of the page's own short lines
outside the core compose, in their order, is a menu the copy glued into one line (one label
per item, evidence), and a label may open with a bullet glued to it ("•Borsa").

With ``runs: headlines`` (BP500) a run is read from headline to headline instead: lines of four
to twenty-five words, no link, no sentence's end but "?", a "[MAPA]"-style tag or an ellipsis
(a sentence's end before a source in brackets, "。(BBC)", is one), not carried on by the next
line in lower case (hard-wrapped prose); a teaser's bullet or section tag may open it ("▲ …",
"【军事】 …"), and a ranking's numbers on lines of their own ("1.", a list of an empty item) do
not break a run. Outside the core, a run is
a teaser box with ``min_headlines`` headlines under a title of the ``titles`` lists or with a
headline the page repeats, or with ``min_headlines_untitled`` on their own; inside it, only
right under such a title and with no sentence line. Only pages that read as text copies (no
heading, code, table or raw HTML of their own, links on fewer than three lines) are read.

Unsafe: where the article starts and ends is read from the page's shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..evidence_repeats import title_again
from ..fastpath.triggers import Check, Trigger
from ..models import Edit, Finding
from ..removal import remove_blocks, remove_span
from .base import Matcher, ParamError
from .line_reading import credit_line, line_reading
from .phrase_lists import phrase_pattern
from .text_copy import (
    CODE,
    LETTER,
    LINK,
    MAX_ROW_CHARS,
    MIN_CORE_WORDS,
    CopyLine,
    TextCopy,
    merged_edits,
    text_copy,
)

_LABEL, _SENTENCE, _OTHER, _BREAK = "label", "sentence", "other", "break"
_INTRODUCES = re.compile(r"[:：][\"'”’)\]*_]*$")
# A menu's toggle or a dialog's close glyph, alone on a line.
_GLYPH_LINE = re.compile(r"[☰≡×✕✖⨯«»‹›]+|[xX]")
_OPENS_WITH_WORD = re.compile(r"[^\W_]")
# A label may open with a menu's bullet glued to it ("•Borsa", "•Business Wire"): a copy of a
# list styled with a bullet glyph, not a Markdown list.
_LABEL_OPENS = re.compile(r"(?:[•·▪▸►]\s?)?[^\W_]")
_MAX_LABEL_CHARS = 60
_HARD_BREAKS = ("  ",)
# Chinese and Japanese labels run a little longer ("きょうの記念日"): two more words of two characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_EXTRA = 2
_DIGIT_SHARE = 0.34
_GLUED_HEADING_LINES = 5
_BRIDGE_LINES = 8
# A teaser box's lines between two headlines (a date, a source) that bridge the tail's runs.
_BOX_GAP = 2
# A line of hard-wrapped prose runs to about this width.
_WRAP_CHARS = 40
# (a sentence's end inside a line: a stop, a space, the next sentence's first letter)
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)\]»]*\s+[\"'“„«(]*([^\W\d_])")
# A menu glued into one line: the page's own item lines (this many, each this short) compose it.
_GLUED_MENU_ITEMS = 4
_MENU_ITEM_WORDS = 6
# (as ``text_copy`` joins a cluster of prose to the article's)
_JOIN_LINES = 16
# How far above the core's first line the article's title may stand (its byline, date, share row
# and picture's caption between).
_TITLE_REACH = 12
_LIST_KINDS = frozenset({"bullet_list", "ordered_list"})
_AUTHORED_KINDS = frozenset({"fence", "code_block", "table", "html_block"})
_PLAIN_MAX_LINK_LINES = 3
# A credit under the article: a label, a colon, a name ("Źródło: Statista.com", "Foto: dpa").
_CREDIT_LINES = 3
# A menu this long is the site's on its own, whatever short sentences stand above it.
_MASSIVE_RUN_FACTOR = 3
# A headline: a teaser's title in a related box, a list of the most read.
_HEADLINE_MIN_WORDS = 4
_HEADLINE_MAX_WORDS = 25
_HEADLINE_LETTER_WORDS = 3
# (a sentence's end before the source in brackets is one too: "…运动场”。（BBC）")
_HEADLINE_END = re.compile(
    r"(?<![.…])[.!;:,。！；：，、](?:[\"'”’»」』)]*)$|[.!。！]\s*[(（][^()（）]{1,30}[)）]$"
)
# (code, markup, a list's marker; two full stops of a script without spaces: a paragraph)
_HEADLINE_CODE = re.compile(r"[=<>{}`$\\@#~^|]|^\s*(?:[-*+]|\d+[.)])\s|。.*。")
# A ranking's number over its headline: "1 김정은 ‘공포정치’의 어두운 미래".
_RANK = re.compile(r"(\d{1,2})\s+(\S+)")
_MIN_RANKS = 3
_RANK_STEP = 3
_RANK_RESTARTS = 4
_GLUED_PARTS = 3
# A footer's small print: a copyright mark, an e-mail address, a phone number (the site's own
# contact lines: "违法和不良信息举报电话：010-62675637", "Numero verde 800.422.433").
_SMALL_PRINT = re.compile(
    r"©|&copy;|\([cс]\)\s*(?:19|20)\d\d|\bcopyright\b|版权所有|版權所有|著作権|저작권"
    r"|[\w.+-]+@[\w-]+\.[^\W\d_]{2,}"
    r"|(?<![\d.,])(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]?\d{3,4}(?![\d.,])",
    re.IGNORECASE,
)
_MAX_SMALL_PRINT_CHARS = 100
# A line of a menu's section names glued with spaces: words that each open with a capital.
_MENU_LINE_WORDS = 4
_MENU_LINE_MAX_WORDS = 16
_MENU_LINE_EVIDENCE = 3
_MENU_TOKEN = re.compile(r"[^\W\d_][\w.'’&-]*|\d+|&|-|–")
_GLUED_PART_CHARS = 3
# (a teaser box's bullet or section tag before its headline: "▲ 박명수 …", "【军事】 让小型卫星…")
_HEADLINE_OPENS = re.compile(r"[^\W_]|[\"'“„«「『¿¡]|[▲△▶►▷■□●○◆◇・•※★☆]\s*[^\W_]|【[^】]{1,8}】")


@dataclass(frozen=True)
class _Line:
    kind: str
    text: str
    words: int
    evidence: bool = False
    weight: int = 1  # the labels it counts for: a row, one per cell
    ends: bool = False  # it ends a sentence
    headline: bool = False  # a headline's shape: a teaser's title, a box's item


@dataclass(frozen=True)
class _Entry:
    line: int  # the document's line (of a paragraph), or a block's first line
    node: Node
    read: _Line


def _short_lines(lowered: str, needed: int) -> bool:
    """Whether ``needed`` lines of the text are short enough, as a reader sees them, to be
    labels (a label or a row is at most ``MAX_ROW_CHARS`` characters as read; a reading is
    never longer than its source line)."""
    count = 0
    for raw in lowered.splitlines():
        if not raw.strip():
            continue
        # (twice the limit: lower-casing may lengthen a line, "İ" to "i̇")
        if len(raw) <= 2 * MAX_ROW_CHARS or len(line_reading(raw)[0]) <= 2 * MAX_ROW_CHARS:
            count += 1
            if count >= needed:
                return True
    return False


def _glued(word: str) -> bool:
    """A word of three captions or more that innerText glued together, each with a capital of
    its own ("SubskrybujSzukajMenu", "EkonomiaKrajŚwiat"): a row of buttons or a menu; a
    brand's name has two ("YouTube", "PowerPoint")."""
    if not word.isalpha() or not word[:1].isupper():
        return False
    parts = [word[0]]
    for before, letter in pairwise(word):
        if before.islower() and letter.isupper():
            parts.append(letter)
        else:
            parts[-1] += letter
    return len(parts) >= _GLUED_PARTS and all(
        len(part) >= _GLUED_PART_CHARS and part[1:].islower() for part in parts
    )


def _menu_items(raw: str, text: str) -> int:
    """The items of a line of a menu's section names that a copy glued with spaces ("Kraj
    Świat Opinie Religia Historia Ekonomia Zdrowie Tygodnik", "Calendario Laboral Madrid
    2025"): four words or more of a spaced script, each with letters opening with a capital, no
    punctuation but "&" and "-" (a headline has a verb or a word in lower case, a comma, a
    colon); one item per two words; 0 for another line."""
    if CODE.search(raw) or _UNSPACED.search(text) or len(text) > _MAX_LABEL_CHARS * 2:
        return 0
    return _capital_words(text.split()) // 2


def _capital_words(tokens: Sequence[str]) -> int:
    """The words with letters of a line of names, each opening with a capital (from four to
    ``_MENU_LINE_MAX_WORDS``, no punctuation but "&" and "-" between); 0 for another line."""
    if any(not _MENU_TOKEN.fullmatch(token) for token in tokens):
        return 0
    lettered = [token for token in tokens if LETTER.search(token)]
    if not _MENU_LINE_WORDS <= len(lettered) <= _MENU_LINE_MAX_WORDS:
        return 0
    return len(lettered) if all(token[0].isupper() for token in lettered) else 0


def _is_headline(raw: str, text: str, words: int) -> bool:
    """A headline's shape: four to twenty-five words (two characters of a script without spaces
    count as one), three of them with letters, no link, no code, no sentence's end but "?" (a
    teaser asks), a "[MAPA]"-style tag or an ellipsis (a teaser cut short)."""
    if not _HEADLINE_MIN_WORDS <= words <= _HEADLINE_MAX_WORDS or len(text) > MAX_ROW_CHARS:
        return False
    if LINK.search(raw) or _HEADLINE_CODE.search(raw) or _HEADLINE_END.search(text):
        return False
    if not _HEADLINE_OPENS.match(text):
        return False
    return sum(1 for word in text.split() if LETTER.search(word)) >= _HEADLINE_LETTER_WORDS or (
        _UNSPACED.search(text) is not None
    )


def _plain_page(doc: Document) -> bool:
    """Whether the page reads as a text copy: no heading of its own (a "#" line), no code, no
    table, no raw HTML, links on fewer than ``_PLAIN_MAX_LINK_LINES`` lines."""
    for node in doc.root.children:
        if node.kind in _AUTHORED_KINDS:
            return False
        if node.kind == "heading" and _authored_heading(doc, node):
            return False
    links = 0
    for line in range(doc.line_count):
        if "](" in doc.line_text(line):
            links += 1
            if links >= _PLAIN_MAX_LINK_LINES:
                return False
    return True


def _unwrapped(entries: Sequence[_Entry]) -> list[_Entry]:
    """The entries with no headline mark on the lines of hard-wrapped prose: a line that
    opens with a lower-case letter, or that the next line of its paragraph carries on
    (``_carried``)."""
    out = list(entries)
    for i, entry in enumerate(entries):
        if not entry.read.headline:
            continue
        if _carried(entries, i) or _opens_lower(entry.read.text):
            read = entry.read
            plain = _Line(read.kind, read.text, read.words, read.evidence, read.weight, read.ends)
            out[i] = _Entry(entry.line, entry.node, plain)
    return out


def _carried(entries: Sequence[_Entry], at: int) -> bool:
    """Whether the next line of the paragraph carries the line on as prose: it opens in lower
    case and goes on as prose itself (it ends a sentence, the line under it carries it on
    too, or it runs to a wrapping width over a sentence's end); a teaser's code line under
    its headline ("a1 hoge zand sgravh : 15102", then a date) does not."""
    if not _goes_on_lower(entries, at):
        return False
    nxt = entries[at + 1].read
    if nxt.ends or _goes_on_lower(entries, at + 1):
        return True
    return len(nxt.text) >= _WRAP_CHARS and any(
        not m.group(1).islower() for m in _SENTENCE_INSIDE.finditer(nxt.text)
    )


def _goes_on_lower(entries: Sequence[_Entry], at: int) -> bool:
    """Whether the next line of the paragraph opens in lower case."""
    nxt = entries[at + 1] if at + 1 < len(entries) else None
    return nxt is not None and nxt.node is entries[at].node and _opens_lower(nxt.read.text)


def _opens_lower(text: str) -> bool:
    """Whether the line's first word opens in lower case (a line that opens with a digit, a
    date's "9 oktober 2020", does not: it carries no sentence on)."""
    first = _OPENS_WITH_WORD.search(text)
    return first is not None and first.group().islower()


def _last_label(entries: Sequence[_Entry], first: int, last: int) -> int:
    """The last label of ``entries[first:last]`` (``last`` left out), or -1."""
    return max((i for i in range(first, last) if entries[i].read.kind == _LABEL), default=-1)


def _bridged(
    entries: Sequence[_Entry],
    runs: Sequence[tuple[int, int]],
    slight: frozenset[int] = frozenset(),
) -> list[tuple[int, int]]:
    """The chrome runs, two of them one when at most ``_BRIDGE_LINES`` lines stand between
    and none is another block or a sentence line but of a slight cluster (a menu's longer
    items: "Gli eventi del corriere" between two runs of one-word items; a site's notice
    between two menus of its head: "Carta di credito è SCADUTA.")."""
    merged: list[tuple[int, int]] = []
    for at, (first, last) in enumerate(runs):
        # (no sentence into the last run: between it and the menus may stand the article's
        # title and standfirst, over its byline and share row)
        across = slight if at < len(runs) - 1 else frozenset()
        if merged and _bridge(entries, merged[-1][1] + 1, first, across):
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def _tail_bridged(
    entries: Sequence[_Entry], runs: Sequence[tuple[int, int]], notices: frozenset[int]
) -> list[tuple[int, int]]:
    """The tail's chrome runs, two of them one when at most ``_BRIDGE_LINES`` lines stand
    between, none another block, and no sentence line but a notice's (a far cluster's prose,
    ``text_copy``: "Alarmeringen.nl bestaat ruim 15 jaar ..." between the footer's menus); the
    last run goes on to the page's end across such lines ("Ok Annulla" and a cookie notice
    under the footer)."""
    merged: list[tuple[int, int]] = []
    for first, last in runs:
        if merged and _bridge(entries, merged[-1][1] + 1, first, notices):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    if merged and merged[-1][1] < len(entries) - 1:
        first, last = merged[-1]
        if _bridge(entries, last + 1, len(entries), notices):
            merged[-1] = (first, len(entries) - 1)
    return merged


def _with_glued_menus(entries: list[_Entry], copy: TextCopy) -> list[_Entry]:
    """The entries with the page's glued menus read as labels: a line without a sentence's end
    that ``_GLUED_MENU_ITEMS`` or more of the page's own item lines compose, in their words
    and order (a para-mode copy prints a menu once as one line, "Multimedia Chính trị - Xã
    hội Điều tra - Bạn đọc Facebook …", and once item by item, "Multimedia", "Chính trị - Xã
    hội", …): one label per item, evidence. An item line is a short line outside the core:
    at most ``_MENU_ITEM_WORDS`` words, no sentence's end, no link."""
    core = copy.core
    if core is None:
        return entries
    items = {
        tuple(entry.read.text.casefold().split())
        for at, entry in enumerate(entries)
        if not core[0] <= at <= core[1] and _menu_item(entry.read, copy.lines[at])
    }
    if len(items) < _GLUED_MENU_ITEMS:
        return entries
    longest = max(len(item) for item in items)
    out = list(entries)
    for at, entry in enumerate(entries):
        read = entry.read
        if not _may_be_glued(read, copy.lines[at]):
            continue
        count = _composed(tuple(read.text.casefold().split()), items, longest)
        if count >= _GLUED_MENU_ITEMS:
            glued = _Line(_LABEL, read.text, read.words, evidence=True, weight=count)
            out[at] = _Entry(entry.line, entry.node, glued)
    return out


def _may_be_glued(read: _Line, copy: CopyLine) -> bool:
    """A line that may be a glued menu: longer than an item, no sentence's end, no link."""
    if read.kind not in (_SENTENCE, _OTHER) or read.ends or copy.link:
        return False
    return read.words > _MENU_ITEM_WORDS and len(read.text) <= 2 * MAX_ROW_CHARS


def _menu_item(read: _Line, copy: CopyLine) -> bool:
    return (
        read.kind in (_LABEL, _OTHER)
        and 0 < read.words <= _MENU_ITEM_WORDS
        and not read.ends
        and not copy.link
        and LETTER.search(read.text) is not None
    )


def _composed(tokens: tuple[str, ...], items: set[tuple[str, ...]], longest: int) -> int:
    """The most items that compose the tokens, in order, each whole; 0 when they do not."""
    best = [0] + [-1] * len(tokens)
    for end in range(1, len(tokens) + 1):
        for size in range(1, min(longest, end) + 1):
            before = best[end - size]
            if before >= 0 and tokens[end - size : end] in items:
                best[end] = max(best[end], before + 1)
    return max(best[-1], 0)


def _notices(copy: TextCopy, end: int) -> frozenset[int]:
    """The tail's lines a bridge may cross: the prose of far clusters and of slight ones well
    below the article (a slight cluster right under it may be its own last words), and the
    lines that are no prose (a teaser's call, "Jetzt kostenlos für iOS!")."""
    notices = copy.far | {i for i in copy.slight if i > end + _JOIN_LINES}
    notices |= {i for i in range(end + 1, len(copy.lines)) if not copy.lines[i].prose}
    return frozenset(notices)


def _with_rest(
    groups: Sequence[tuple[int, int]], wider: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The wider groups, and the narrower groups inside them that differ from them: a fix
    takes the wider one whole, and what vouches for a narrower one (plain ``--fix``) still
    does."""
    return sorted({*groups, *wider})


def _title_lines(entries: Sequence[_Entry], start: int, again: int = -1) -> tuple[int, int] | None:
    """The article's title over its core's first line: the nearest headline above it with no
    sentence line between (its byline, date and share row may stand between), else the line
    ``again`` (the only headline over the core that the page prints again past it:
    ``evidence_repeats.title_again``; a read-aloud notice may stand between), and the
    headlines right next to it (the title twice, its standfirst); None when none is."""
    for i in range(start - 1, max(start - 1 - _TITLE_REACH, -1), -1):
        read = entries[i].read
        if read.headline:
            return _title_top(entries, i), i
        if read.kind == _SENTENCE:
            break
    if 0 <= again < start:
        return _title_top(entries, again), again
    return None


def _title_top(entries: Sequence[_Entry], bottom: int) -> int:
    """The first of the headlines right over ``bottom`` and ``bottom`` itself."""
    top = bottom
    while top > 0 and entries[top - 1].read.headline:
        top -= 1
    return top


def _title_again(doc: Document, entries: Sequence[_Entry]) -> int:
    """The entry of the line ``evidence_repeats.title_again`` reads as the article's title
    printed again past the core, or -1."""
    line = title_again(doc, text_copy(doc).core_lines())
    return next((i for i, entry in enumerate(entries) if entry.line == line), -1)


def _around_title(
    entries: Sequence[_Entry], runs: Sequence[tuple[int, int]], start: int, again: int = -1
) -> list[tuple[int, int]]:
    """The head's runs with the article's title left out (``_title_lines``): a run bridged
    across it is cut in two, each part from a label to a label."""
    title = _title_lines(entries, start, again)
    if title is None:
        return list(runs)
    top, bottom = title
    out: list[tuple[int, int]] = []
    for first, last in runs:
        if last < top or first > bottom:
            out.append((first, last))
            continue
        before = _last_label(entries, first, top)
        if before >= first:
            out.append((first, before))
        after = next((i for i in range(bottom + 1, last + 1) if entries[i].read.kind == _LABEL), -1)
        if after >= 0:
            out.append((after, last))
    return out


def _bridge(entries: Sequence[_Entry], begin: int, stop: int, slight: frozenset[int]) -> bool:
    if stop - begin > _BRIDGE_LINES:
        return False
    return all(
        entries[i].read.kind != _BREAK and (entries[i].read.kind != _SENTENCE or i in slight)
        for i in range(begin, stop)
    )


def _after_prose(
    entries: Sequence[_Entry], lines: Sequence[CopyLine], first: int, last: int
) -> int:
    """The first headline of ``entries[first:last + 1]`` after its last line of prose that is
    no headline (``first`` when none is), or -1."""
    prose = max(
        (i for i in range(first, last + 1) if lines[i].prose and not entries[i].read.headline),
        default=-1,
    )
    if prose < 0:
        return first
    return next((i for i in range(prose + 1, last + 1) if entries[i].read.headline), -1)


def _repeated(entries: Sequence[_Entry]) -> set[str]:
    """The headlines the page holds twice or more (the same teaser in two boxes)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for entry in entries:
        if entry.read.headline:
            key = entry.read.text.casefold()
            (twice if key in seen else seen).add(key)
    return twice


def _authors_list(
    entries: Sequence[_Entry], first: int, reads: Sequence[_Line], core_lines: set[str]
) -> bool:
    """Whether a run's lines are the author's list: introduced by the line before it (it ends
    with ":"), most of them opening with a digit (quantities, dates: an ingredient list, a
    timeline), or half of them coming back as lines of the core (a table of contents)."""
    if first > 0 and _INTRODUCES.search(entries[first - 1].read.text):
        return True
    if sum(1 for read in reads if read.text[:1].isdigit()) > _DIGIT_SHARE * len(reads):
        return not _ranked(reads)
    return sum(1 for read in reads if read.text.casefold() in core_lines) * 2 >= len(reads)


def _ranked(reads: Sequence[_Line]) -> bool:
    """Whether the digits the lines open with are a ranking's: ascending numbers, each over a
    headline ("1 김정은 ...", "2 안녕하세요 ...", "4 ..."), as a "most read" box numbers its items
    (a box after a box starts again: at most one step in four goes back), the words after the
    numbers mostly different; a list of quantities or a timeline's dates does not ascend so, or
    repeats its unit or its month. The ranks are most of the lines that open with digits: three
    lines of an ingredient list ("1 medium size onion", "2 medium size tomato", "3 teaspoon
    oil" among "200 gm okra", "1/2 teaspoon …") rank nothing."""
    found = _ranks(reads)
    if len(found) < _MIN_RANKS or 2 * len({word for _, word in found}) < len(found):
        return False
    return _ascending([number for number, _ in found])


def _ranks(reads: Sequence[_Line]) -> list[tuple[int, str]]:
    """The rank and the word after it of each headline that opens with one ("1 김정은 ...");
    none when they are fewer than half the headlines that open with digits (a list of
    quantities whose lines happen to count 1, 2, 3)."""
    ranks = [_RANK.match(read.text) for read in reads if read.headline]
    found = [(int(m.group(1)), m.group(2).casefold()) for m in ranks if m is not None]
    digits = sum(1 for read in reads if read.headline and read.text[:1].isdigit())
    return found if 2 * len(found) >= digits else []


def _ascending(numbers: Sequence[int]) -> bool:
    steps = [b - a for a, b in pairwise(numbers)]
    if any(step == 0 or step > _RANK_STEP for step in steps):
        return False
    # (a page's boxes one after the other: each ranking starts again)
    return sum(1 for step in steps if step < 0) * _RANK_RESTARTS <= len(steps)


def _bare_markers(node: Node) -> bool:
    """Whether a block is a list whose items hold nothing: a ranking's numbers a copy kept on
    lines of their own ("1.", "2.") between its headlines."""
    return node.kind in _LIST_KINDS and all(not item.children for item in node.children)


def _authored_heading(doc: Document, node: Node) -> bool:
    """A heading with words that no dash line glued (a text copy's paragraph of lines that a
    line of a dash alone turned into a heading): a "#" alone is an A-Z index's last key."""
    if _glued_heading(doc, node):
        return False
    return bool(doc.line_text(node.start_line).strip().strip("#").strip())


def _glued_heading(doc: Document, node: Node) -> bool:
    """A setext heading of ``_GLUED_HEADING_LINES`` lines or more: a text copy's paragraph of
    lines that a line of a dash alone (a separator) turned into a heading; no author writes one."""
    end = doc.content_end_line(node)
    if end - node.start_line - 1 < _GLUED_HEADING_LINES:
        return False
    return doc.line_text(end - 1).strip()[:1] in ("-", "=")


class TextDumpEdgesMatcher(Matcher):
    name = "text-dump-edges"
    params = MappingProxyType(
        {
            "zone": str,
            "phrases": list,
            "toc_titles": list,
            "min_run": int,
            "min_run_evidenced": int,
            "max_gap": int,
            "max_label_words": int,
            "runs": str,
            "titles": list,
            "min_headlines": int,
            "min_headlines_untitled": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.zone = str(params.get("zone", "head"))
        if self.zone not in ("head", "tail"):
            raise ParamError("params.zone: 'head' or 'tail'")
        self.min_run = int(params.get("min_run", 8))
        self.min_run_evidenced = int(params.get("min_run_evidenced", 4))
        if not 2 <= self.min_run_evidenced <= self.min_run:
            raise ParamError("params.min_run_evidenced: from 2 to min_run")
        self.max_gap = int(params.get("max_gap", 1))
        self.max_label_words = int(params.get("max_label_words", 3))
        self.phrase_lists = [str(name) for name in params.get("phrases", [])]
        self.toc_lists = [str(name) for name in params.get("toc_titles", [])]
        self.runs = str(params.get("runs", "labels"))
        if self.runs not in ("labels", "headlines"):
            raise ParamError("params.runs: 'labels' or 'headlines'")
        self.title_lists = [str(name) for name in params.get("titles", [])]
        self.min_headlines = int(params.get("min_headlines", 3))
        self.min_headlines_untitled = int(params.get("min_headlines_untitled", 5))
        if not 2 <= self.min_headlines <= self.min_headlines_untitled:
            raise ParamError("params.min_headlines: from 2 to min_headlines_untitled")
        # (an unknown list fails here)
        phrase_pattern({"phrases": self.phrase_lists + self.toc_lists + self.title_lists})

    def trigger(self) -> Trigger:
        """Every run holds ``min_run_evidenced`` labels: lines that short as a reader sees them."""
        needed = self.min_run_evidenced if self.runs == "labels" else self.min_headlines
        return Check(lambda text: _short_lines(text, needed), "short lines enough for a run")

    @cached_property
    def _caption(self) -> re.Pattern[str] | None:
        pattern = phrase_pattern({"phrases": self.phrase_lists})
        return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None

    @cached_property
    def _box_title(self) -> re.Pattern[str] | None:
        pattern = phrase_pattern({"phrases": self.title_lists})
        return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None

    @cached_property
    def _toc_title(self) -> re.Pattern[str] | None:
        pattern = phrase_pattern({"phrases": self.toc_lists})
        return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None

    # -- reading lines ----------------------------------------------------------------------

    def _read(self, copy: CopyLine) -> _Line:
        if copy.brk:
            # (a ranking's number alone, "1.", is a list of an empty item: no break)
            return _Line(_OTHER if _bare_markers(copy.node) else _BREAK, "", 0)
        read = self._read_kind(copy)
        if _is_headline(copy.raw, read.text, read.words):
            return _Line(
                read.kind, read.text, read.words, read.evidence, read.weight, read.ends, True
            )
        return read

    def _read_kind(self, copy: CopyLine) -> _Line:
        raw, text, words, ends = copy.raw, copy.text, copy.words, copy.ends
        if copy.link:  # a line of prose with its links, or a link: never a label
            return _Line(_SENTENCE if copy.sentence else _OTHER, text, words, ends=ends)
        if copy.cells:
            return _Line(_LABEL, text, words, evidence=True, weight=copy.cells)
        if copy.sentence:
            return _Line(_SENTENCE, text, words, ends=ends)
        if len(text) <= _MAX_SMALL_PRINT_CHARS and _SMALL_PRINT.search(text):
            return _Line(_LABEL, text, words, evidence=True)
        if _GLYPH_LINE.fullmatch(text):
            return _Line(_OTHER, text, words, evidence=True)
        items = _menu_items(raw, text)
        if items:
            return _Line(_LABEL, text, words, evidence=items >= _MENU_LINE_EVIDENCE, weight=items)
        caption = self._caption
        known = caption is not None and len(text) <= _MAX_LABEL_CHARS
        known = known and caption is not None and caption.fullmatch(text) is not None
        # (a caption of the lists is a label whatever its words: "メニューをとばして、記事の本文エリアへ")
        if (known and not ends) or self._label(raw, text, words, ends):
            evidence = known or any(_glued(word) for word in text.split())
            return _Line(_LABEL, text, words, evidence=evidence)
        return _Line(_OTHER, text, words)

    def _label(self, raw: str, text: str, words: int, ends: bool) -> bool:
        """A short line of words: no code, markup or template tag, no quote or bullet, no
        sentence's end (a script without spaces may hold a few more characters)."""
        if ends or len(text) > _MAX_LABEL_CHARS or not LETTER.search(text):
            return False
        if CODE.search(raw) or not _LABEL_OPENS.match(text) or raw.endswith(_HARD_BREAKS):
            return False  # (a hard line break: the author's verse, not a copy's element)
        limit = self.max_label_words + (_UNSPACED_EXTRA if _UNSPACED.search(text) else 0)
        return words <= limit

    def _entries(self, doc: Document) -> list[_Entry]:
        """The page's lines (``text_copy``), each read as a label, a sentence line or other."""
        store = doc.shared(f"text_dump_edges:{self.max_label_words}:{self.phrase_lists}")
        found: list[_Entry] | None = store.get("entries")
        if found is None:
            copy = text_copy(doc)
            found = [_Entry(r.line, r.node, self._read(r)) for r in copy.lines]
            found = store["entries"] = _with_glued_menus(found, copy)
        return found

    # -- runs -------------------------------------------------------------------------------

    def find(self, doc: Document) -> Iterator[Finding]:
        entries = self._entries(doc)
        core = text_copy(doc).core
        if core is None:
            return
        start, end = core
        core_lines = {e.read.text.casefold() for e in entries[start : end + 1]}
        if self.runs == "headlines":
            if _plain_page(doc):
                yield from self._headline_findings(doc, _unwrapped(entries), core)
            return
        if self.zone == "head":
            slight = text_copy(doc).slight
            runs = self._head_chrome(entries, start, core_lines, slight, _title_again(doc, entries))
        else:
            runs = self._tail_chrome(entries, end, core_lines, _notices(text_copy(doc), end))
        for first, last in runs:
            yield from self._findings(doc, entries[first : last + 1])

    def _head_chrome(
        self,
        entries: Sequence[_Entry],
        start: int,
        core_lines: set[str],
        slight: frozenset[int],
        again: int = -1,
    ) -> list[tuple[int, int]]:
        """The head's chrome runs, the title left out (``_around_title``; ``again``: the title
        the page prints again past the core, ``_title_lines``). Under a site's
        whole menu (``_massive``), two of them are one across a bridge (``_bridged``), and,
        read wider (one finding over the narrower ones), a run of ``min_run_evidenced``
        labels bridged to them joins them too (the header's widgets between the menu and the
        title: "Weer", "13 °C", "Verkeer", "6 km (1) files", "Beurs" …)."""
        chrome: list[tuple[int, int]] = []
        short: list[tuple[int, int]] = []
        for run in self._head_runs(entries, start):
            if self._chrome(entries, *run, core_lines):
                chrome.append(run)
            elif self._chrome(entries, *run, core_lines, self.min_run_evidenced):
                short.append(run)
        if not self._massive(entries, start):
            return _around_title(entries, chrome, start, again)
        narrow = _around_title(entries, _bridged(entries, chrome, slight), start, again)
        wider = [
            (first, last)
            for first, last in _bridged(entries, sorted(chrome + short), slight)
            if any(first <= a and b <= last for a, b in chrome)
        ]
        return _with_rest(narrow, _around_title(entries, wider, start, again))

    def _tail_chrome(
        self,
        entries: Sequence[_Entry],
        end: int,
        core_lines: set[str],
        notices: frozenset[int] = frozenset(),
    ) -> list[tuple[int, int]]:
        """The tail's chrome runs, each over its titled box, two of them one across a bridge
        (``_bridged``); a shorter run of ``min_run_evidenced`` labels joins a chrome run it is
        bridged to (the footer's first items: "MSV Duisburg News", "3. Liga Tabelle" over the
        site's whole footer), never alone."""
        chrome: list[tuple[int, int]] = []
        short: set[tuple[int, int]] = set()
        every = list(self._tail_runs(entries, end))
        for run in every:
            if self._chrome(entries, *run, core_lines):
                chrome.append(run)
            elif self._chrome(entries, *run, core_lines, self.min_run_evidenced):
                chrome.append(run)
                short.add(run)
        runs = self._with_boxes(entries, chrome, end)
        groups = _bridged(entries, runs)
        footer = min((a for a, b in chrome if (a, b) not in short), default=len(entries))
        # (from the footer's first menu on, a lone paragraph between its menus is the site's:
        # "Certificazione ISO 9001. …", "Alarmeringen.nl bestaat ruim 15 jaar …", and any run
        # of labels is a step between them: a comment's author, a form's fields)
        notices |= frozenset(range(footer, len(entries)))
        steps = [run for run in every if run[0] > footer and run not in chrome]
        runs = sorted(runs + steps + self._tail_boxes(entries, end, core_lines))
        wider = _tail_bridged(entries, runs, notices)

        def kept(found: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
            return [
                (first, last)
                for first, last in found
                if any(first <= a and b <= last and (a, b) not in short for a, b in chrome)
            ]

        return _with_rest(kept(groups), kept(wider))

    def _tail_boxes(
        self, entries: Sequence[_Entry], end: int, core_lines: set[str]
    ) -> list[tuple[int, int]]:
        """The tail's boxes of headlines (``_headline_box``) apart from the article's last
        line (a label or another block between): they bridge the chrome runs around them,
        never make one."""
        unwrapped = _unwrapped(entries)
        repeated = _repeated(unwrapped) - core_lines
        boxes = []
        for first, last in self._headline_runs(unwrapped, end + 1, len(entries), _BOX_GAP):
            if self._goes_on(unwrapped, end, first):
                continue
            if self._headline_box(unwrapped, first, last, core_lines, repeated) >= 0:
                boxes.append((first, last))
        return boxes

    def _with_boxes(
        self, entries: Sequence[_Entry], runs: list[tuple[int, int]], end: int
    ) -> list[tuple[int, int]]:
        """The tail's chrome runs, each stretched over a box of headlines under a title of the
        ``titles`` lists that starts in it or right under it (the footer's "Related" box: one
        removal, not two that overlap)."""
        boxes = list(self._titled_boxes(_unwrapped(entries), end))
        out = []
        for first, last in runs:
            for top, box_last in boxes:
                if first <= top <= last + self.max_gap + 1:
                    last = max(last, box_last)
            out.append((first, last))
        return out

    def _titled_boxes(self, entries: Sequence[_Entry], end: int) -> Iterator[tuple[int, int]]:
        """Below the core: from a title of the ``titles`` lists to the last of the
        ``min_headlines`` headlines or more its run holds after it."""
        title = self._box_title
        for first, last in self._headline_runs(entries, end + 1, len(entries)):
            for top in range(max(first - 1 - self.max_gap, end + 1), last):
                read = entries[top].read
                if title is None or read.kind != _LABEL or not title.fullmatch(read.text):
                    continue
                heads = sum(1 for e in entries[top : last + 1] if e.read.headline)
                if heads >= self.min_headlines:
                    yield top, last
                break

    def _tail_runs(self, entries: Sequence[_Entry], end: int) -> Iterator[tuple[int, int]]:
        """The runs below the core, the article's credit lines under its last line left out."""
        for first, last in self._runs(entries, end + 1, len(entries)):
            yield self._after_credits(entries, first, last, end), last

    def _head_runs(self, entries: Sequence[_Entry], start: int) -> Iterator[tuple[int, int]]:
        """The runs above the core, up to the first the author writes above, the title over
        the article's first line left out."""
        massive = self._massive(entries, start)
        for first, last in self._runs(entries, 0, start):
            above = sum(e.read.words for e in entries[:first] if e.read.kind == _SENTENCE)
            if above and (not massive or above >= MIN_CORE_WORDS):
                return  # the author writes above it: no site's header
            if last + 1 == start:  # the line over the article: its title
                last = _last_label(entries, first, last)
            if last >= first:
                yield first, last

    # -- headline runs ----------------------------------------------------------------------

    def _headline_findings(
        self, doc: Document, entries: Sequence[_Entry], core: tuple[int, int]
    ) -> Iterator[Finding]:
        """Runs of headlines outside the core (the tail zone: after its end; the head zone:
        before its start, the title over the article kept)."""
        start, end = core
        core_lines = {e.read.text.casefold() for e in entries[start : end + 1]}
        repeated = _repeated(entries) - core_lines
        begin, stop = (end + 1, len(entries)) if self.zone == "tail" else (0, start)
        again = _title_again(doc, entries) if self.zone == "head" else -1
        title = _title_lines(entries, start, again) if self.zone == "head" else None
        if title is not None:
            stop = title[0]  # (the article's title, its standfirst: never a box's)
        for first, last in self._headline_runs(entries, begin, stop):
            if self.zone == "head" and title is None and last + 1 >= start - 1:
                continue  # (the lines over the article: its title, its standfirst)
            if self.zone == "tail":
                first = self._box_start(doc, entries, end, first, last)
                if first < 0:
                    continue
            box = self._headline_box(entries, first, last, core_lines, repeated)
            if box >= 0:
                first = box
                top = self._title_above(entries, first)
                if top >= begin:
                    first = top  # the box's title (over a ranking's first number)
                elif first > begin and entries[first - 1].read.kind == _LABEL:
                    first -= 1  # the box's title
                yield from self._findings(doc, entries[first : last + 1])
        if self.zone == "tail":
            yield from self._inside_boxes(doc, entries, core)

    def _box_start(
        self, doc: Document, entries: Sequence[_Entry], end: int, first: int, last: int
    ) -> int:
        """Where a run of headlines in the tail may start as a box: when it goes on from the
        article's last line (the article's own list under it, "宮崎県：高鍋町、新富町"), after
        the prose among it, if at all."""
        if not self._goes_on(entries, end, first):
            return first
        return _after_prose(entries, text_copy(doc).lines, first, last)

    def _goes_on(self, entries: Sequence[_Entry], end: int, first: int) -> bool:
        """Whether a run of headlines goes on from the article's last line: no label and no
        other block between them, and no box's title over the run."""
        between = entries[end + 1 : first]
        if any(e.read.kind in (_LABEL, _BREAK) for e in between):
            return False
        return self._title_above(entries, first) < 0

    def _inside_boxes(
        self, doc: Document, entries: Sequence[_Entry], core: tuple[int, int]
    ) -> Iterator[Finding]:
        """Inside the core: a box under its title, no sentence in it."""
        start, end = core
        for first, last in self._headline_runs(entries, start + 1, end):
            top = self._titled_box(entries, first, last)
            if top > start:
                yield from self._findings(doc, entries[top : last + 1])

    def _title_above(self, entries: Sequence[_Entry], first: int) -> int:
        """The line of a box's title over ``first`` (a kicker label or two between), or -1."""
        title = self._box_title
        for top in range(first - 1, max(first - 2 - self.max_gap, -1), -1):
            above = entries[top].read
            if above.kind == _OTHER and not LETTER.search(above.text):
                continue  # (a ranking's first number under the title, "1.", a time: "20:49")
            if title is None or above.kind != _LABEL:
                return -1
            if title.fullmatch(above.text) is not None:
                return top
        return -1

    def _titled_box(self, entries: Sequence[_Entry], first: int, last: int) -> int:
        """Where a run inside the core starts as a box (its title's line), or -1: under a title
        of the box lists (a kicker label or two between), ``min_headlines`` headlines and no
        sentence line (an article's section titles stand between paragraphs)."""
        run = entries[first : last + 1]
        if sum(1 for e in run if e.read.headline) < self.min_headlines:
            return -1
        if any(e.read.kind in (_SENTENCE, _BREAK) and not e.read.headline for e in run):
            return -1
        return self._title_above(entries, first)

    def _headline_runs(
        self, entries: Sequence[_Entry], begin: int, stop: int, gap: int | None = None
    ) -> Iterator[tuple[int, int]]:
        """Headline to headline among ``entries[begin:stop]``, at most ``max_gap`` other lines
        between two (a box's title, a kicker, a teaser's one sentence); another block ends a
        run."""
        first = last = -1
        gap = self.max_gap if gap is None else gap
        for i in range(begin, stop):
            read = entries[i].read
            if read.headline:
                if first >= 0 and i - last - 1 > gap:
                    yield first, last
                    first = -1
                if first < 0:
                    first = i
                last = i
            elif read.kind == _BREAK and first >= 0:
                yield first, last
                first = -1
        if first >= 0:
            yield first, last

    def _headline_box(
        self,
        entries: Sequence[_Entry],
        first: int,
        last: int,
        core_lines: set[str],
        repeated: set[str],
    ) -> int:
        """Where the run starts as a box of headlines, or -1: ``min_headlines`` under a box's
        title, or ``min_headlines_untitled`` on their own (from ``first``), or in the tail with a
        headline the page repeats (from the line over the first such headline: its box's
        title; the headlines before it may be the article's own widget)."""
        run = entries[first : last + 1]
        heads = [e.read for e in run if e.read.headline]
        if len(heads) < self.min_headlines or _authors_list(entries, first, heads, core_lines):
            return -1
        sentences = sum(1 for e in run if e.read.kind == _SENTENCE and not e.read.headline)
        if sentences * 2 > len(heads):
            return -1  # prose with short lines between: not a box
        if len(heads) >= self.min_headlines_untitled or self._titled(entries, first, last):
            return first
        # (over the article, a headline the page repeats may be its own title: the tail's only)
        if self.zone != "tail":
            return -1
        again = next(
            (
                i
                for i in range(first, last + 1)
                if entries[i].read.headline and entries[i].read.text.casefold() in repeated
            ),
            -1,
        )
        return max(first, again - 1) if again >= 0 else -1

    def _titled(self, entries: Sequence[_Entry], first: int, last: int) -> bool:
        """Whether a title of the box lists stands over the run or among its lines."""
        title = self._box_title
        return self._title_above(entries, first) >= 0 or (
            title is not None
            and any(
                title.fullmatch(entries[i].read.text) is not None
                for i in range(max(first - 1, 0), last + 1)
            )
        )

    @staticmethod
    def _after_credits(entries: Sequence[_Entry], first: int, last: int, end: int) -> int:
        """Where a tail run starts once the article's credit lines right under its last line
        are kept: "Źródło: Statista.com", "Foto: dpa" (a label, a colon, a name)."""
        credit = -1
        for i in range(end + 1, min(first + _CREDIT_LINES, last + 1)):
            if entries[i].read.kind == _LABEL and credit_line(entries[i].read.text):
                credit = i
        return max(first, credit + 1)

    def _massive(self, entries: Sequence[_Entry], start: int) -> bool:
        """Whether the lines above the core hold ``_MASSIVE_RUN_FACTOR`` times ``min_run``
        labels: a site's whole menu, whatever short notice stands among it."""
        count = sum(e.read.weight for e in entries[:start] if e.read.kind == _LABEL)
        return count >= _MASSIVE_RUN_FACTOR * self.min_run

    def _runs(self, entries: Sequence[_Entry], begin: int, stop: int) -> Iterator[tuple[int, int]]:
        """Label to label among ``entries[begin:stop]``, at most ``max_gap`` other lines
        between two labels; a sentence line or another block ends a run."""
        first = last = -1
        for i in range(begin, stop):
            kind = entries[i].read.kind
            if kind == _LABEL:
                if first >= 0 and i - last - 1 > self.max_gap:
                    yield first, last
                    first = -1
                if first < 0:
                    first = i
                last = i
            elif kind in (_SENTENCE, _BREAK) and first >= 0:
                yield first, last
                first = -1
        if first >= 0:
            yield first, last

    def _chrome(
        self,
        entries: Sequence[_Entry],
        first: int,
        last: int,
        core_lines: set[str],
        bare: int | None = None,
    ) -> bool:
        """Whether the run is chrome: ``min_run`` labels (or ``bare``), or
        ``min_run_evidenced`` with two of evidence; not the author's list, no table of
        contents."""
        labels = [e.read for e in entries[first : last + 1] if e.read.kind == _LABEL]
        evidence = sum(1 for e in entries[first : last + 1] if e.read.evidence)
        count = sum(read.weight for read in labels)
        needed = self.min_run if bare is None else bare
        enough = count >= needed or (count >= self.min_run_evidenced and evidence >= 2)
        if not enough or _authors_list(entries, first, labels, core_lines):
            return False
        toc = self._toc_title
        titles = [read.text for read in labels] + ([entries[first - 1].read.text] if first else [])
        return toc is None or not any(toc.fullmatch(title) for title in titles)

    @staticmethod
    def _findings(doc: Document, run: Sequence[_Entry]) -> Iterator[Finding]:
        """One finding for the run: the lines it takes of its first and last paragraphs, and
        the whole paragraphs between them, removed together."""
        by_node: dict[Node, list[int]] = {}
        for entry in run:
            by_node.setdefault(entry.node, []).append(entry.line)
        edits: list[Edit] = []
        whole: list[Node] = []
        for node, lines in by_node.items():
            first, last = min(lines), max(lines)
            if first == node.start_line and last == doc.content_end_line(node) - 1:
                whole.append(node)
                continue
            if whole:
                edits.append(remove_blocks(doc, whole[0], whole[-1]))
                whole = []
            edits.append(remove_span(doc, doc.line_offset(first), doc.line_end(last)))
        if whole:
            edits.append(remove_blocks(doc, whole[0], whole[-1]))
        start = doc.line_offset(run[0].line)
        end = doc.line_end(run[-1].line)
        yield Finding(start, end, edits=merged_edits(edits))
