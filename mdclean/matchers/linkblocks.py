"""What a block says once its links are set aside: the shared reading of link-heavy blocks.

A block's *skeleton* is its text with every link replaced by ``LINK`` and every
image by ``IMAGE``, emphasis and tags dropped. Matchers decide on skeletons:
"a label, a colon, then nothing but links" or "nothing but links" are patterns
on the skeleton, whatever the Markdown or HTML spelling of the links.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import Document, Node
from ..markup import COMMENT, mask_code, sub_closed
from ..parsing.links import normalization_keeps
from .base import per_text

if TYPE_CHECKING:
    from markdown_it.token import Token

LINK = "\x00"
IMAGE = "\x01"
# What may stand between the links of a link row: spaces, pipes, bullets, arrows, commas.
SEPARATORS = re.compile(r"[\s|,;·•/\\>»«→\-–—:｜，、；：／・]+")
# The text of an anchor runs to its close tag and never over another anchor tag: linear time.
_ANCHOR = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>(?:[^<]|<(?!/?a\b))*)</a\s*>", re.I)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words (Chinese, Japanese kana, Thai): ``\w+`` takes
# a whole clause of them for one word, so their characters are counted instead.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CHARACTERS_PER_WORD = 2  # a Chinese or Japanese word is about two characters long
LIST_KINDS = ("bullet_list", "ordered_list")
LEADING_MARKUP = r"(?:[^\w<]|_|<[^<>]{0,300}>)*"
"""What may stand before a label in a block's source: punctuation, emphasis, opening tags.

The branches cannot match the same text (only a tag may start at ``<``), so a long
run of markup is read one way only and the match stays linear."""


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str


@dataclass(slots=True)
class Skeleton:
    text: str
    """The block's text with ``LINK``/``IMAGE`` placeholders."""
    links: list[Link] = field(default_factory=list)
    images: int = 0

    @property
    def visible(self) -> str:
        """The text a reader sees: link texts in place of the placeholders."""
        texts = iter(link.text for link in self.links)
        return re.sub(
            f"[{LINK}{IMAGE}]", lambda m: next(texts, "") if m.group() == LINK else " ", self.text
        ).strip()

    @property
    def rest(self) -> str:
        """What is left once links, images and separators are gone."""
        return SEPARATORS.sub("", self.text.replace(LINK, "").replace(IMAGE, ""))

    @property
    def link_only(self) -> bool:
        return bool(self.links) and self.rest == ""

    def words(self) -> int:
        return word_count(self.visible)

    def link_words(self) -> int:
        """Words of the link texts (CJK counted by characters)."""
        return sum(word_count(link.text) for link in self.links)

    def outside_words(self) -> int:
        """Words a reader sees outside the links: the block's own text."""
        return max(self.words() - self.link_words(), 0)


def inline_skeletons(
    doc: Document,
    node: Node,
    inline: tuple[str, ...] = ("paragraph", "heading"),
    containers: tuple[str, ...] = (*LIST_KINDS, "list_item"),
    read: Callable[[Document, Node], Skeleton | None] | None = None,
) -> list[Skeleton] | None:
    """The skeletons of a block's inline blocks (``inline``) in document order, reading through
    ``containers``; None when it holds anything else (code, a table: a block of the article's).
    ``read`` reads one inline block (``skeleton`` unless given)."""
    found: list[Skeleton] = []
    stack = [node]
    while stack:
        block = stack.pop()
        if block.kind in inline:
            skel = (read or skeleton)(doc, block)
            if skel is None:
                return None
            found.append(skel)
        elif block.kind in containers:
            stack.extend(reversed(block.children))
        else:
            return None
    return found


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of letters and digits, and in scripts without
    spaces one word per two characters (rounded up per run, so a lone character is a word)."""
    if text.isascii():
        return len(_WORD.findall(text))
    unspaced = 0
    for run in _UNSPACED.findall(text):
        unspaced += -(-len(run) // _CHARACTERS_PER_WORD)
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + unspaced


def skeleton(doc: Document, node: Node) -> Skeleton | None:
    """The skeleton of a paragraph, heading or HTML block; None for other blocks."""
    # Several rules read the same blocks: parse each block's inline structure once per document.
    cache = doc.shared("skeleton")
    if node not in cache:
        cache[node] = _skeleton(doc, node)
    found: Skeleton | None = cache[node]
    return found


def prose_paragraph(doc: Document, node: Node, min_words: int, link_share: int) -> bool:
    """A paragraph of an article's prose: ``min_words`` words or more, of which at most one in
    ``link_share`` is a link's (a teaser's excerpt under its linked title stays prose only when
    ``link_share`` is small enough to let its title in)."""
    if node.kind != "paragraph":
        return False
    skel = skeleton(doc, node)
    if skel is None:
        return False
    words = skel.words()
    return words >= min_words and link_share * skel.link_words() <= words


def _skeleton(doc: Document, node: Node) -> Skeleton | None:
    if node.kind in ("paragraph", "heading"):
        return _inline_skeleton(doc, node)
    if node.kind == "html_block":
        content = doc.content(node)
        return html_skeleton(content.text) if content is not None else None
    return None


def _inline_skeleton(doc: Document, node: Node) -> Skeleton:
    if node.token is not None and node.token.type == "inline":
        plain = plain_skeleton(node.token.content)
        if plain is not None:
            return plain
    return parsed_skeleton(doc, node)


def parsed_skeleton(doc: Document, node: Node) -> Skeleton:
    """The skeleton of a paragraph or heading, read from its inline parse."""
    return tokens_skeleton(doc.inline_tokens(node))


def tokens_skeleton(tokens: Iterable[Token]) -> Skeleton:
    """The skeleton read from an inline parse's tokens."""
    reading = _InlineReading()
    for token in tokens:
        reading.read(token)
    reading.result.text = "".join(reading.parts)
    return reading.result


_IMG_TAG = re.compile(r"<img\b", re.I)


class _InlineReading:
    """A skeleton read token by token from an inline parse: the text outside links (a
    placeholder for each link and image), each link's text and target, the images."""

    def __init__(self) -> None:
        self.result = Skeleton("")
        self.parts: list[str] = []
        self.depth = 0  # links nest in the parse: the outermost one is the skeleton's
        self.link_text: list[str] = []
        self.href = ""

    def read(self, token: Token) -> None:
        kind = token.type
        if kind == "link_open":
            self._open(str(token.attrGet("href") or ""))
        elif kind == "link_close":
            self._close()
        elif kind == "image":
            self._image(token.content)
        elif kind == "html_inline":
            if _IMG_TAG.match(token.content):
                self._image("")  # (an <img> inside a link adds nothing to its text)
        elif kind in ("text", "code_inline"):
            self._text(token.content)
        elif kind in ("softbreak", "hardbreak"):
            self._text(" ")

    def _open(self, href: str) -> None:
        self.depth += 1
        if self.depth == 1:
            self.href, self.link_text = href, []

    def _close(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            self.result.links.append(Link(" ".join("".join(self.link_text).split()), self.href))
            self.parts.append(LINK)

    def _image(self, alt: str) -> None:
        """An image outside links is a placeholder; inside one, its text is the link's."""
        if self.depth == 0:
            self.result.images += 1
            self.parts.append(IMAGE)
        else:
            self.link_text.append(alt)

    def _text(self, piece: str) -> None:
        (self.link_text if self.depth else self.parts).append(piece)


# Inline content that is plain text, plain links (``[text](url)``) and plain images parses to
# text, line breaks, links and images only: its skeleton is read from it without the inline
# parse. Plain: no character that an inline rule other than those reads (escapes, code,
# emphasis, strikethrough, HTML and autolinks, entities, stray brackets), and a target that
# markdown-it copies unchanged into the href (no entity to decode: no ``;`` after an ``&``).
_PLAIN_LINK = re.compile(r"(!?)\[([^\\`*_~\[\]<&]*)\]\(([^\s()<>\\\[\]]+)\)")
_NOT_PLAIN_TEXT = re.compile(r"[\\`*_~\[\]<&]")
_LINE_BREAK = re.compile(r" *\n[ \t]*")
"""A line break as the inline parse reads it: the spaces before it dropped (soft or hard
break), and the spaces and tabs that indent the next line."""


def plain_skeleton(content: str) -> Skeleton | None:
    """The skeleton of inline content made of plain text, links and images, perhaps after
    a plain bold lead (``**Also read:**``), as the inline parse gives it; None for any other
    content (the parse decides)."""
    if content.startswith("**"):
        close = content.find("**", 2)
        lead = content[2:close]
        if close < 0 or not lead or "\n" in lead or _NOT_PLAIN_TEXT.search(lead):
            return None
        after = content[close + 2 : close + 3] or " "  # the end of the text counts as a space
        if not (_left_flanking(" ", lead[0]) and _right_flanking(lead[-1], after)):
            return None  # the stars stay text
        rest = _plain_skeleton(content[close + 2 :])
        if rest is not None:
            rest.text = lead + rest.text
        return rest
    return _plain_skeleton(content)


def _left_flanking(before: str, after: str) -> bool:
    """Whether a ``*`` run between these characters can open emphasis (markdown-it's scanDelims)."""
    from markdown_it.common.utils import isWhiteSpace  # here: importing markdown-it costs start-up

    return not (
        isWhiteSpace(ord(after))
        or (_is_punctuation(after) and not (isWhiteSpace(ord(before)) or _is_punctuation(before)))
    )


def _right_flanking(before: str, after: str) -> bool:
    """Whether a ``*`` run between these characters can close emphasis (markdown-it's scanDelims)."""
    from markdown_it.common.utils import isWhiteSpace

    return not (
        isWhiteSpace(ord(before))
        or (_is_punctuation(before) and not (isWhiteSpace(ord(after)) or _is_punctuation(after)))
    )


def _is_punctuation(character: str) -> bool:
    from markdown_it.common.utils import isMdAsciiPunct, isPunctChar

    return isMdAsciiPunct(ord(character)) or isPunctChar(character)


def _plain_skeleton(content: str) -> Skeleton | None:
    result = Skeleton("")
    parts: list[str] = []
    last = 0
    for m in _PLAIN_LINK.finditer(content):
        between = content[last : m.start()]
        image, text, target = m.groups()
        if (
            _NOT_PLAIN_TEXT.search(between)
            or not normalization_keeps(target)
            or ("&" in target and ";" in target)
        ):
            return None
        parts.append(_LINE_BREAK.sub(" ", between) if "\n" in between else between)
        if image:
            parts.append(IMAGE)
            result.images += 1
        else:
            parts.append(LINK)
            result.links.append(Link(" ".join(text.split()), target))
        last = m.end()
    rest = content[last:]
    if _NOT_PLAIN_TEXT.search(rest):
        return None
    parts.append(_LINE_BREAK.sub(" ", rest) if "\n" in rest else rest)
    result.text = "".join(parts)
    return result


def html_skeleton(text: str) -> Skeleton:
    """The skeleton of raw HTML: ``<a href>`` elements are links, ``<img>`` images."""
    text = mask_code(sub_closed(COMMENT, " ", text, "-->"), inline_markdown=False)
    result = Skeleton("")

    def anchor(m: re.Match[str]) -> str:
        href = _HREF.search(m.group("attrs"))
        target = next((g for g in href.groups() if g is not None), "") if href else ""
        inner = m.group("text")
        visible = html.unescape(_TAG.sub(" ", inner))
        result.links.append(Link(" ".join(visible.split()), target))
        return LINK

    def image(_: re.Match[str]) -> str:
        result.images += 1
        return IMAGE

    text = sub_closed(_ANCHOR, anchor, text)
    text = sub_closed(_IMG, image, text)
    result.text = html.unescape(sub_closed(_TAG, " ", text))
    return result


def link_list(doc: Document, node: Node) -> list[Link] | None:
    """The links of a block that holds nothing else (a list of links, a link row); else None."""
    if node.kind in LIST_KINDS:
        return _list_links(doc, node)
    if node.kind in ("paragraph", "html_block"):
        return _row_links(doc, node)
    return None


def _list_links(doc: Document, node: Node) -> list[Link] | None:
    """The links of a list whose every item holds links alone (an empty item, a converter's
    trace of an icon-only button, holds nothing); else None."""
    links: list[Link] = []
    for item in node.children:
        for child in item.children:
            inner = link_list(doc, child)
            if inner is None:
                return None
            links.extend(inner)
    return links or None


def _row_links(doc: Document, node: Node) -> list[Link] | None:
    """The links of a paragraph or HTML block that holds links alone; else None."""
    raw = raw_text(doc, node)
    if not _may_be_links(raw) or (node.kind == "paragraph" and not may_hold_links(raw)):
        return None  # most paragraphs are prose: skip the inline parse
    skel = skeleton(doc, node)
    return skel.links if skel is not None and skel.link_only else None


def _may_be_links(raw: str) -> bool:
    """Cheap test: a block of links starts with ``[``, ``<`` or ``![`` and ends with ``)``, ``]`` or ``>``."""
    text = raw.strip(" \t\n*_~|")
    return bool(text) and text[0] in "[<!" and text[-1] in ")]>"


# An inline link opens at a "[" (inline or reference link), or is an autolink: a "<", then a
# scheme and ":", or an address's "@" before the next "<" or ">".
_MAY_OPEN_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:|[^<>]*@)")


def may_hold_links(content: str) -> bool:
    """Cheap test: whether the inline parse of ``content`` may give a link (raw HTML ``<a>``
    is no link of a paragraph's skeleton)."""
    return "[" in content or ("<" in content and _MAY_OPEN_AUTOLINK.search(content) is not None)


def raw_text(doc: Document, node: Node) -> str:
    """The block's source content (container prefixes stripped), before any inline parse."""
    if node.token is not None and node.token.type == "inline":
        return node.token.content
    content = doc.content(node)
    return content.text if content is not None else ""


LINK_TARGET = re.compile(
    r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
"""An inline link's target, from ``](`` to ``)`` (the fast path reads raw text with it too)."""


def rough_text(doc: Document, node: Node) -> str:
    """The block's source without link targets and tags: close enough to what a reader sees
    to rule a block out before the inline parse (a probe that fails here cannot match later)."""
    cache = doc.shared("rough_text")  # every phrase rule probes every block
    if node in cache:
        kept: str = cache[node]
        return kept
    raw = raw_text(doc, node)
    if "](" in raw:
        raw = LINK_TARGET.sub("]", raw)
    if "<" in raw:
        raw = sub_closed(_TAG, " ", raw)
    cache[node] = raw
    return raw


def rough_texts(doc: Document, *kinds: str) -> tuple[tuple[Node, str], ...]:
    """The leaves of these kinds, each with its ``rough_text``: what every phrase rule probes."""
    cache = doc.shared("rough_texts")
    if kinds not in cache:
        cache[kinds] = tuple((node, rough_text(doc, node)) for node in doc.leaves(*kinds))
    texts: tuple[tuple[Node, str], ...] = cache[kinds]
    return texts


def heading_level(doc: Document, node: Node) -> int:
    """1-6 for ATX (``##``) and setext (``===``/``---``) headings."""
    first = doc.line_text(node.start_line).lstrip(" >")
    if first.startswith("#"):
        return len(first) - len(first.lstrip("#"))
    underline = doc.line_text(node.end_line - 1).strip(" >")
    return 1 if underline.startswith("=") else 2


def is_external(href: str) -> bool:
    """A link to another site's page: not an anchor in this page (a table of contents), not a relative path."""
    return re.match(r"(?:https?:)?//[^/#?]", href, re.I) is not None


# A relative link to a Markdown (or docs-YAML) source file, fragment allowed.
_SOURCE_FILE_LINK = re.compile(
    r"(?![a-z][a-z0-9+.-]*:|//|#)[^?#\s]+\.(?:md|mdx|markdown|ya?ml)(?:#\S*)?", re.I
)


def is_source_file_link(href: str) -> bool:
    """A relative link to another Markdown source file (``../atl/classes.md#remarks``): written
    by the repository's own authors. A page turned into Markdown from the web links to rendered
    URLs, never to ``.md`` files, so lists of these are a docs page's cross-references."""
    return _SOURCE_FILE_LINK.fullmatch(href.strip()) is not None


# --- The fast path's reading of the raw text (before any parse) -------------------------
# A link's target is written out where the link is (inline ``](url)``, ``<url>``, an
# HTML ``href``) or in a reference definition (``[label]: url``) that any number of links
# may share. An external target's *page key* is the run of characters after ``//`` that
# markdown-it copies into the href unchanged and that never end a destination, up to the
# fragment, trailing slashes dropped. Two links to one page give one key, unless a target
# spells its page with an entity, an escape, percent-encoding or non-ASCII (punycode): then
# the text is "can't tell".
ENTITY = r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);"
"""An HTML entity, lower-cased: a target spelt with one cannot be read from the raw text."""
_PAGE_RUN = re.compile(r"//([a-z0-9._~!$*+,;=:@/?-]*)(?=(.?))", re.S)
_SLASHES_THEN_SPACE = re.compile(r"//(?=\s)")
# A page run followed by an escape, percent-encoding, an entity or non-ASCII: can't tell.
_PAGE_UNREADABLE = re.compile(rf"//[a-z0-9._~!$*+,;=:@/?-]*(?:[\\%]|{ENTITY}|[^\x00-\x7f])")
_PAGE_RUN_AHEAD = re.compile(rf"//([a-z0-9._~!$*+,;=:@/?-]*)(?=({ENTITY}|.?))", re.S)
_SLASH_IN_DISGUISE = re.compile(r"&#0*47;?|&#x0*2f;?|&sol;?|\\/")
_DEFINITION = re.compile(r"\]:")
UNBOUNDED = 1 << 30
"""The count of a target named in a reference definition whose uses cannot be counted."""


@per_text  # LK002 and LK003 ask about each text
def external_page_counts(lowered: str) -> dict[str, int] | None:
    """Per page key, at most how many external links of ``lowered`` lead there; None: can't tell.

    Conservative: a key's count is never below the real number of links whose target
    starts with ``//``, ``http://`` or ``https://`` and leads to that page (fragment and
    trailing slash ignored), so a rule needing N such links, or N to one page, can be
    ruled out from the raw text.
    """
    # One-character tests first: they are far faster than a search for a longer string.
    escapes = "\\" in lowered
    entities = "&" in lowered
    if _slash_in_disguise(lowered, escapes=escapes, entities=entities):
        return None
    if "//" not in lowered:
        return {}
    if _pages_unreadable(lowered, escapes=escapes, entities=entities):
        return None
    runs = _PAGE_RUN_AHEAD.findall(lowered)
    # Every page key is read from such a run (a definition's target too): punycode there can't be read.
    if any("xn--" in run for run, _ in runs):
        return None
    counts = Counter(run.rstrip("/") for run, after in runs if _external_run(run, after))
    return _with_definition_uses(lowered, dict(counts))


def _slash_in_disguise(lowered: str, *, escapes: bool, entities: bool) -> bool:
    """Whether a slash is spelt as an entity or an escape (the regex scans slowly: it is
    asked only when the text holds an ``&`` or a ``\\/``)."""
    return (entities or (escapes and "\\/" in lowered)) and _SLASH_IN_DISGUISE.search(
        lowered
    ) is not None


def _pages_unreadable(lowered: str, *, escapes: bool, entities: bool) -> bool:
    """Whether some target's page cannot be read from its run: one that goes on past a space,
    or one spelt with an escape, an entity, percent-encoding or non-ASCII."""
    if any(_may_hold_space(lowered, m.start()) for m in _SLASHES_THEN_SPACE.finditer(lowered)):
        return True
    return (
        escapes or entities or "%" in lowered or not lowered.isascii()
    ) and _PAGE_UNREADABLE.search(lowered) is not None


def _external_run(run: str, after: str) -> bool:
    """Whether a ``//`` run may start an external target: ``//`` then nothing, a fragment or
    a space (a code comment) never does."""
    return bool(run) or not (after in ("", "#") or after.isspace())


def _with_definition_uses(lowered: str, counts: dict[str, int]) -> dict[str, int]:
    """The first ``//`` after a definition's ``]:`` is its destination, counted as one link:
    it has as many links as the definition has uses."""
    for m in _DEFINITION.finditer(lowered):
        target = _PAGE_RUN.search(lowered, m.end())
        if target is not None and target.group(1):
            key = target.group(1).rstrip("/")
            counts[key] = min(
                UNBOUNDED, counts.get(key, 0) - 1 + definition_uses(lowered, m.start())
            )
    return counts


def _may_hold_space(lowered: str, slashes: int) -> bool:
    """Whether a target starting at ``slashes`` may go on with a space: only inside ``<..>`` or quotes."""
    for scheme in ("http:", "https:"):
        if lowered.endswith(scheme, 0, slashes):
            slashes -= len(scheme)
            break
    return slashes > 0 and lowered[slashes - 1] in "<\"'"


# Where a target is written: after ``](`` (inline), ``]:`` (definition), ``href=`` (HTML), or
# inside an autolink (``<scheme:...>``, ``<user@host>``); then its run of plain characters
# and what follows it (an entity whole). One regex each, so each starts with a literal and
# the text is scanned fast; ``href`` without a word boundary only counts more.
_RUN = rf"[ \t]*<?[ \t]*([a-z0-9._~!$*+,;=:@/?#-]*)(?=({ENTITY}|.?))"
_INLINE_TARGET = re.compile(r"\]\(" + _RUN, re.S)
_DEFINITION_TARGET = re.compile(r"\]:" + _RUN, re.S)
_HTML_TARGET = re.compile(r"href\s*=\s*[\"']?" + _RUN, re.S)
_AUTOLINK_TARGET = re.compile(
    r"<(?=[a-z][a-z0-9+.-]{1,31}:[^<>\x00-\x20]*>|[^\s<>@]+@)" + _RUN, re.S
)


def link_target_counts(lowered: str) -> dict[str, int] | None:
    """Per target key, at most how many links of ``lowered`` have that target; None: can't tell.

    A target's key is the run of characters at its start that markdown-it copies into
    the href unchanged (``http:``, ``https:``, ``mailto:`` dropped, trailing slashes
    dropped), so links with one target give one key; a key starts with ``#`` only for
    an in-page target. Targets spelt with an entity, an escape, percent-encoding or
    non-ASCII, or put on the line after its ``](`` or ``]:``, make the text "can't tell".
    A definition's target counts one link per use of its label (``definition_uses``).
    """
    # Each regex starts with its literal, so it finds its targets faster than ``in`` would tell
    # whether there are any; an HTML link or an autolink needs a ``<``.
    links: list[tuple[str, str]] = _INLINE_TARGET.findall(lowered)
    if "<" in lowered:
        links += _HTML_TARGET.findall(lowered) + _AUTOLINK_TARGET.findall(lowered)
    definitions = [
        (m.group(1), m.group(2), definition_uses(lowered, m.start()))
        for m in _DEFINITION_TARGET.finditer(lowered)
    ]
    if _targets_unreadable(links, definitions):
        return None
    counts = Counter(_target_key(run) for run, _ in links)
    for run, _, uses in definitions:
        key = _target_key(run)
        counts[key] += uses
    return {key: min(UNBOUNDED, n) for key, n in counts.items()}


def _targets_unreadable(
    links: list[tuple[str, str]], definitions: list[tuple[str, str, int]]
) -> bool:
    """Whether some target, read as a run and what follows it, cannot be told: spelt with an
    escape, percent-encoding, non-ASCII or an entity, or put on the line after its ``](`` or
    ``]:``."""
    # What follows the runs takes few values: each is judged once.
    afters = {after for _, after in links} | {after for _, after, _ in definitions}
    if any(_unreadable_after(after) for after in afters):
        return True
    return ("\n" in afters or "\r" in afters) and any(
        not run and after in ("\n", "\r")
        for run, after in [*links, *((r, a) for r, a, _ in definitions)]
    )


def _unreadable_after(after: str) -> bool:
    """Whether what follows a target's run hides how it goes on: an escape, a percent
    escape, a non-ASCII character or an entity (a lone ``&`` is plain)."""
    return (
        after in ("\\", "%") or (bool(after) and not after.isascii()) or after[:1] == "&" != after
    )


def own_file_keys(lowered: str) -> frozenset[str]:
    """The target keys (``link_target_counts``) that every link written with them surely
    targets a relative link to a Markdown or docs-YAML source file (``is_source_file_link``):
    the run is the whole target (what follows it ends the target as written there), or the
    run already holds the target's ``#`` fragment."""
    whole: set[str] = set()
    unsure: set[str] = set()
    found = [(m, False) for m in _INLINE_TARGET.finditer(lowered)]
    found += [(m, False) for m in _DEFINITION_TARGET.finditer(lowered)]
    if "<" in lowered:
        found += [(m, True) for m in _HTML_TARGET.finditer(lowered)]
        # An autolink has a scheme: never a source file, whatever its key.
        unsure.update(_target_key(run) for run, _ in _AUTOLINK_TARGET.findall(lowered))
    for match, in_html in found:
        run, after = match.group(1), match.group(2)
        key = _target_key(run)
        own = is_source_file_link(run.rstrip("/"))
        if own and ("#" in run or _ends_target(match, after, in_html)):
            whole.add(key)
        else:
            unsure.add(key)
    return frozenset(whole - unsure)


def _ends_target(match: re.Match[str], after: str, in_html: bool) -> bool:
    """Whether ``after`` ends the target the match's run starts: the end of the text; in
    ``<...>`` its ``>``; in quotes its quote; else white space, and (in Markdown) a ``)``
    (the run holds no ``(`` that it could close) or (in HTML) a ``>``."""
    opening = match.group(0)[: match.start(1) - match.start(0)]
    quote = next((q for q in "\"'" if q in opening), None) if in_html else None
    if not after:
        return True
    if "<" in opening and not in_html:
        return after == ">"
    if quote is not None:
        return after == quote
    return after.isspace() or after == (">" if in_html else ")")


def _target_key(run: str) -> str:
    """A target's run with its scheme (``http:``, ``https:``, ``mailto:``) and trailing slashes dropped."""
    for scheme in _SCHEMES:
        if run.startswith(scheme):
            return (run if run.startswith("#", len(scheme)) else run[len(scheme) :]).rstrip("/")
    return run.rstrip("/")


_SCHEMES = ("https:", "http:", "mailto:")


def definition_uses(lowered: str, bracket: int) -> int:
    """At most how many links use the reference definition whose label ends at ``bracket``
    (the ``]`` of ``[label]:``); ``UNBOUNDED`` when the label cannot be read plainly.

    A link using it writes its label in brackets (``[text][label]``, ``[label][]``,
    ``[label]``), matched ignoring case and runs of whitespace; the definition's own
    ``[label]`` is one such writing and is not a link.
    """
    opening = lowered.rfind("[", 0, bracket)
    label = lowered[opening + 1 : bracket]
    if opening < 0 or not label.strip() or not label.isascii() or "\\" in label or "]" in label:
        return UNBOUNDED
    return _bracketed_labels(lowered)[" ".join(label.split())] - 1


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


@per_text
def _bracketed_labels(lowered: str) -> Counter[str]:
    """How often each ``[label]`` is written (whitespace collapsed)."""
    return Counter(" ".join(inner.split()) for inner in _BRACKETED.findall(lowered))
