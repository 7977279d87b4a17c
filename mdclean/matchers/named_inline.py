"""``named-inline``: a byline, a dateline, a tag row or a share or follow row that a converter
kept as inline elements named by the field's vocabulary, whole.

Pandoc keeps an HTML element's classes, ``itemprop`` and ``rel`` as an attribute block after
a span, a link or a heading: ``[[jan]{.month} [18]{.day}[2017]{.year}``,
``[[Ana](https://blog.example/author/ana/){.url .fn .n}]{.author .vcard}``,
``[Tweet](https://twitter.com/intent/tweet?…){.twitter-share-button}``. Those names are the
field's, not one site's: microformats (hAtom/h-entry, hCard), schema.org's ``itemprop``,
WordPress's template tags, the share plugins' and platforms' button classes; Readability drops
bylines by them and trafilatura reads author and date by them. A block (a paragraph, a heading,
a list) goes when every one of its inline elements is named so (the rule's ``tokens``, or the
``with-tokens`` that may stand beside them) and, once the named elements are taken out, nothing
but separators, digits, dates and a byline's small words (the ``words`` lists: "by", "par",
"Posted on", "作者") remains: a span named ``author`` in a sentence of the article stays. A
``weak-tokens`` name (``author``, ``date``, ``tag``: a paper's title block names its authors so)
counts only beside a second sign: a strong name on the line, a link to a theme's author or
taxonomy page or to a share endpoint, or a byline word. A finding is safe when a strong name and
a link of the kind ``safe-links`` names (a theme's page, a share endpoint) agree. Names are read
from Pandoc's attribute blocks only (an element's id only when it is one of ``id-tokens``:
WordPress's ``menu-item-27`` on every item of a menu); code never. The fences of the divs that held nothing else
go with the block (:mod:`.named_containers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import AllOf, Literals, Trigger
from ..models import Applicability, Finding
from ..removal import line_runs, remove_lines
from .base import Matcher, ParamError
from .fix_safety import junk_endpoint, theme_link
from .named_containers import Container, containers
from .named_region import ARTICLE_TOKENS, PAGE_TOKENS, templated_page
from .phrase_lists import phrase_pattern

# Names that hide or decorate, on any element of a theme: they neither name chrome nor content
# (WordPress's and Bootstrap's screen-reader classes, icon fonts, hCard's ``n``/``url`` parts).
_NEUTRAL = re.compile(
    r"screen-reader-text|screen-reader|sr-only|visually-hidden|hidden|hide|icon|icons?-[\w-]+"
    r"|fa|fas|fab|far|fa-[\w-]+|genericon|genericon-[\w-]+|dashicons|dashicons-[\w-]+"
    r"|sep|meta-sep|separator|n|url|svg-icon"
)
# ``[text](dest "title"){attrs}`` with no bracket inside: read innermost first.
_ELEMENT = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\[\]]*)\]"
    r"(?:\((?P<dest>[^()\s]*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))?"
    r"(?:\{(?P<attrs>[^{}]*)\})?"
)
_CLASS = re.compile(r"(?:^|\s)\.([\w-]+)")
_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_KEYED = re.compile(r"""(?:^|\s)(itemprop|rel)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_HEADING_ATTRIBUTES = re.compile(r"\s\{(?P<attrs>[^{}]*)\}\s*$")
_FENCE = re.compile(r"^[ \t]*:{3,}")
_ATTRIBUTE_BLOCK = re.compile(r"\{[^{}]*\}")
_BEM = re.compile(r"__|--")
_ESCAPED = re.compile(r"\\[\[\]]")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]")
_CHROME = "\x00"
_CONTENT = "\x01"
# What may remain of a block of named chrome: punctuation, symbols, digits and spaces.
_LEFTOVER = re.compile(r"[\W\d_]+")
_MAX_HEADING_WORDS = 8
_MAX_PASSES = 8
_TWO = 2
_PARTS_OF_A_DATE = 3
_BLOCK_KINDS = ("paragraph", "heading")
_LIST_KINDS = ("bullet_list", "ordered_list")
_ARTICLE = re.compile(ARTICLE_TOKENS)
_PAGE = re.compile(PAGE_TOKENS)


@dataclass
class _Reading:
    """What a block's elements are named: this rule's strong and weak names, the links."""

    strong: int = 0
    ids: int = 0
    weak: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


def _token_pattern(tokens: list[Any], key: str) -> re.Pattern[str] | None:
    """One whole-name pattern of the tokens (``*`` any slug or none; ``rel=author`` a keyed
    value)."""
    parts = []
    for token in tokens:
        text = str(token).lower()
        if not re.fullmatch(r"(?:itemprop=|rel=)?[a-z0-9_*-]+", text) or len(text) < 2:
            raise ParamError(f"params.{key}: {text!r} is not a class, itemprop or rel token")
        parts.append(re.escape(text).replace(r"\*", "[a-z0-9_-]*"))
    return re.compile("|".join(parts)) if parts else None


def _literal(token: str) -> str:
    """The longest literal part of a token: what the raw text must hold."""
    return max(re.split(r"[*=-]", str(token).lower()), key=len)


def element_names(attributes: str, dest: str | None) -> list[str]:
    """An element's names: its classes (with their BEM block, ``sharing-btn`` of
    ``sharing-btn--fb``), ``itemprop=`` and ``rel=`` values, and Google's authorship link
    (``?rel=author`` in the address)."""
    names: list[str] = []
    for name in _CLASS.findall(attributes):
        lowered = name.lower()
        names.append(lowered)
        block = _BEM.split(lowered)[0]
        if block != lowered:
            names.append(block)
    for match in _KEYED.finditer(attributes):
        for value in (match.group(2) or match.group(3) or match.group(4) or "").split():
            names.append(f"{match.group(1)}={value.lower()}")
    if dest and re.search(r"[?&]rel=author\b", dest):
        names.append("rel=author")
    return names


class NamedInlineMatcher(Matcher):
    name = "named-inline"
    params = MappingProxyType(
        {
            "tokens": list,
            "weak-tokens": list,
            "with-tokens": list,
            "words": list,
            "safe-links": str,
            "empty-spans": bool,
            "id-tokens": list,
            "safe-ids": bool,
            "keywords": list,
        }
    )
    required = frozenset({"tokens"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.tokens = _token_pattern(list(params["tokens"]), "tokens")
        self.weak = _token_pattern(list(params.get("weak-tokens", [])), "weak-tokens")
        self.beside = _token_pattern(list(params.get("with-tokens", [])), "with-tokens")
        words = phrase_pattern({"phrases": list(params.get("words", []))})
        self.words = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I) if words else None
        self.empty_spans = bool(params.get("empty-spans", False))
        self.ids = _token_pattern(list(params.get("id-tokens", [])), "id-tokens")
        self.safe_ids = bool(params.get("safe-ids", False))
        self.safe_links = str(params.get("safe-links", ""))
        if self.safe_links not in {"", "theme", "endpoint"}:
            raise ParamError("params.safe-links: one of theme, endpoint")
        named = [*params["tokens"], *params.get("weak-tokens", []), *params.get("id-tokens", [])]
        empty = ("[]{.",) if self.empty_spans else ()
        self.literals = tuple(sorted({*(_literal(str(t)) for t in named), *empty}))

    def trigger(self) -> Trigger:
        """An attribute block after a span, link or heading, and one of the names."""
        return AllOf((Literals(("]{", "){", " {#", " {.")), Literals(self.literals)))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            reading = self._block(doc, node)
            if reading is not None:
                yield self._finding(doc, node, reading)

    def _block(self, doc: Document, node: Node) -> _Reading | None:
        """The block's reading when it is named chrome whole, else None."""
        if node.kind in _BLOCK_KINDS:
            return self._chrome(doc, [node])
        if node.kind in _LIST_KINDS:
            leaves = _item_leaves(node)
            return self._chrome(doc, leaves) if leaves else None
        return None

    def _chrome(self, doc: Document, leaves: list[Node]) -> _Reading | None:
        """Whether every leaf is named chrome whole (and so the block they make)."""
        reading = _Reading()
        for leaf in leaves:
            left = self._reduced(doc, leaf, reading)
            if left is None or not self._nothing_else(left):
                return None
        if reading.strong or (reading.weak and self._second_sign(reading, leaves, doc)):
            return reading
        return None

    def _second_sign(self, reading: _Reading, leaves: list[Node], doc: Document) -> bool:
        """A weak name's second sign: a theme's or share endpoint's link, or a byline word."""
        if any(theme_link(href) or junk_endpoint(href) for href in reading.links):
            return True
        if len(reading.weak) >= _PARTS_OF_A_DATE:
            return True  # a date cut into named parts (month, day, year) is a theme's
        if templated_page(containers(doc), _PAGE):
            return True  # the page is a saved web page's template (BP271's reading)
        text = " ".join(_source(doc, leaf) for leaf in leaves)
        words = _ATTRIBUTE_BLOCK.sub(" ", _ELEMENT.sub(" ", text))  # (never a class's words)
        return self.words is not None and self.words.search(words) is not None

    def _reduced(self, doc: Document, leaf: Node, reading: _Reading) -> str | None:
        """The leaf's text with its named chrome taken out (None: not a paragraph or heading)."""
        if leaf.kind not in _BLOCK_KINDS:
            return None
        text = _source(doc, leaf)
        if leaf.kind == "heading":
            text = self._heading(text, reading)
        text = _ESCAPED.sub(" ", text)
        for _ in range(_MAX_PASSES):
            reduced = _ELEMENT.sub(lambda m: self._element(m, reading), text)
            if reduced == text:
                break
            text = reduced
        return text

    def _heading(self, text: str, reading: _Reading) -> str:
        """A heading's text; all of it chrome when its own attributes name it so (a heading
        of a few words: a name, a row of links)."""
        attributes = _HEADING_ATTRIBUTES.search(text)
        if attributes is None:
            return text
        body = text[: attributes.start()]
        role = self._role(element_names(attributes.group("attrs"), None), reading)
        if role and len(_ELEMENT.sub("", body).split()) <= _MAX_HEADING_WORDS:
            reading.links.extend(m.group("dest") or "" for m in _ELEMENT.finditer(body))
            return _CHROME
        return body

    def _element(self, match: re.Match[str], reading: _Reading) -> str:
        """One innermost element: the chrome mark when it is named so, else its text."""
        dest = match.group("dest")
        if dest:
            reading.links.append(dest)
        if self._chrome_element(match, reading):
            return _CHROME
        if match.group("bang"):
            return _CONTENT  # an image not named as chrome is the article's
        return f" {match.group('text')} "

    def _chrome_element(self, match: re.Match[str], reading: _Reading) -> bool:
        """Whether the element is named as chrome (and count its names). An element with an
        id is an anchor or a box of its own, never a part, unless the id is one of
        ``id-tokens``."""
        attributes = match.group("attrs") or ""
        if "#" in attributes:
            return self._named_by_id(attributes, reading)
        names = element_names(attributes, match.group("dest"))
        if names and self._role(names, reading):
            return True
        if self.empty_spans and self._empty_span(match):
            reading.strong += 1
            return True
        return False

    def _named_by_id(self, attributes: str, reading: _Reading) -> bool:
        """Whether the element's id is one of ``id-tokens`` (WordPress's ``menu-item-27``:
        the template writes it on every item of a menu); counted as a strong name if so."""
        found = _ID.search(attributes)
        if not (self.ids and found and self.ids.fullmatch(found[1].lower())):
            return False
        reading.strong += 1
        reading.ids += 1
        return True

    @staticmethod
    def _empty_span(match: re.Match[str]) -> bool:
        """A span with a class and no text, no link and no id (an anchor): it shows nothing."""
        attributes = match.group("attrs")
        if attributes is None or match.group("dest") is not None or match.group("bang"):
            return False
        return not match.group("text").strip() and "#" not in attributes and "." in attributes

    def _role(self, names: list[str], reading: _Reading) -> bool:
        """Whether the names make an element chrome (and count this rule's names)."""
        if _names(self.tokens, names):
            reading.strong += 1
            return True
        weak = self._weak_names(names)
        if weak:
            reading.weak.update(weak)
            return True
        if all(_NEUTRAL.fullmatch(n) for n in names):
            return True  # hidden or an icon: never the article's words
        return _names(self.beside, names)

    def _weak_names(self, names: list[str]) -> list[str]:
        """The weak names among an element's, when all its others may stand beside them (a
        weak name beside another thing's names is that thing's: a title's ``itemprop``)."""
        weak = [n for n in names if self.weak is not None and self.weak.fullmatch(n)]
        return weak if all(n in weak or self._beside(n) for n in names) else []

    def _beside(self, name: str) -> bool:
        """Whether a name may stand beside this rule's: a neutral one or one of ``with-tokens``."""
        return _NEUTRAL.fullmatch(name) is not None or _names(self.beside, [name])

    def _nothing_else(self, text: str) -> bool:
        """Whether what remains of a leaf is separators, digits, dates and byline words."""
        if _CONTENT in text:
            return False
        text = _EMPTY_BRACKETS.sub(" ", text.replace(_CHROME, " "))
        if self.words is not None:
            text = self.words.sub(" ", text)
        return _LEFTOVER.fullmatch(text) is not None or not text.strip()

    def _finding(self, doc: Document, node: Node, reading: _Reading) -> Finding:
        lines = _with_emptied_divs(doc, _block_lines(doc, node))
        edits = tuple(remove_lines(doc, first, end) for first, end in line_runs(sorted(lines)))
        start, end = doc.node_span(node)  # (the fences it takes may lie far from it)
        return Finding(
            start,
            end,
            edits=edits,
            applicability=Applicability.SAFE if self._safe(reading) else None,
        )

    def _safe(self, reading: _Reading) -> bool:
        """Two signs agree: a strong name and a link of the kind ``safe-links`` names; or,
        with ``safe-ids``, every named element of the block (two or more) carries the
        template's id."""
        if self.safe_ids and reading.ids >= _TWO and reading.ids == reading.strong:
            return True
        if not reading.strong or not self.safe_links:
            return False
        sign = theme_link if self.safe_links == "theme" else junk_endpoint
        return any(sign(href) for href in reading.links)


def _names(pattern: re.Pattern[str] | None, names: list[str]) -> bool:
    return pattern is not None and any(pattern.fullmatch(n) for n in names)


def _source(doc: Document, node: Node) -> str:
    """A paragraph's or heading's inline source (no setext underline), less its div fences."""
    if node.token is not None:
        lines = node.token.content.split("\n")
    else:
        start, end = doc.node_span(node)
        lines = doc.text[start:end].split("\n")
    return "\n".join(line for line in lines if not _FENCE.match(line))


def _item_leaves(node: Node) -> list[Node]:
    """The leaves of a list whose every item holds one paragraph, and may hold a list of its
    own so made after it (a menu's submenu), else none."""
    leaves: list[Node] = []
    for item in node.children:
        if not item.children or item.children[0].kind != "paragraph" or len(item.children) > 2:
            return []
        first, *rest = item.children
        nested = _item_leaves(rest[0]) if rest and rest[0].kind in _LIST_KINDS else []
        if rest and not nested:
            return []
        leaves += [first, *nested]
    return leaves


def _block_lines(doc: Document, node: Node) -> list[int]:
    """The block's lines; a div's fence glued to them goes with the fence that pairs with it
    (fences are markup a reader never saw; left alone, a glued fence would be what stays of
    the block), but for the fences of a div named as the article (its names rescue others)."""
    fences: dict[int, Container] = {}
    for container in containers(doc):
        if container.fenced:
            fences.setdefault(container.first_line, container)
            fences.setdefault(container.last_line, container)
    lines: set[int] = set()
    for number in range(node.start_line, doc.content_end_line(node)):
        div = fences.get(number) if _FENCE.match(doc.line_text(number)) else None
        if div is None:
            lines.add(number)
        elif not any(_ARTICLE.fullmatch(n) for n in div.names):
            lines.update((number, div.first_line, div.last_line))
    return sorted(lines)


def _with_emptied_divs(doc: Document, lines: list[int]) -> list[int]:
    """The lines, with the fences of every div that holds nothing else (it would stay empty)."""
    taken = set(lines)
    divs = [div for div in containers(doc) if div.fenced]
    for _ in range(_MAX_PASSES):
        emptied = [d for d in divs if d.first_line not in taken and _emptied(doc, d, taken)]
        if not emptied:
            break
        for div in emptied:
            taken.update((div.first_line, div.last_line))
    return sorted(taken)


def _emptied(doc: Document, div: Container, taken: set[int]) -> bool:
    """Whether the lines taken are all the div held (but blank lines)."""
    inner = range(div.first_line + 1, div.last_line)
    return any(n in taken for n in inner) and all(
        n in taken or not doc.line_text(n).strip() for n in inner
    )
