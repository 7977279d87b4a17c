"""``widget-element``: a widget that a converter left as markup named by its class, whole.

Blog platforms name their widgets: WordPress/Jetpack's ``sharedaddy`` and
``jp-relatedposts``, AddToAny's ``addtoany``, Blogger's ``blogger-post-footer``. A
converter keeps those names in raw HTML (``<div class="sharedaddy">``, often cut into
several blocks by blank lines, with Markdown between) or in Pandoc's fenced divs
(``::: {.sharedaddy}``). An element whose class or id is one of ``classes`` goes from
its opening block to the block that closes it. Nothing is found when the element does
not close within a few blocks, holds a sentence of prose (a block of more than
``_PROSE_WORDS`` words besides its links) or too many words in all: then the names sit
on something else than a widget. Converters that indent their HTML (WordPress to Hugo
exporters write two spaces a level) leave the inner levels after a blank line as indented
code; inside an open widget such a block of markup only is the widget's, not code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.raw_text import per_text, searchable
from ..fastpath.triggers import AllOf, Among, Literals, Trigger
from ..markup import is_markup_only
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_target_row import label_words
from .linkblocks import IMAGE, LINK, html_skeleton, raw_text, skeleton, word_count

_MAX_BLOCKS = 12
_PROSE_WORDS = 25
_KINDS = ("html_block", "paragraph", "heading", "bullet_list", "ordered_list")
# The widget's own loader may follow it in its block (Disqus's embed.js).
_SCRIPTS = re.compile(r"<(script|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_FENCE_OPEN = re.compile(r"^ {0,3}(:{3,})(?!:)[ \t]*\S", re.MULTILINE)
_FENCE_CLOSE = re.compile(r"^ {0,3}(:{3,})[ \t]*$", re.MULTILINE)
# Pandoc's attributes after a fence or a span ({#id .class key="value"}): markup, not words.
_PANDOC_ATTRIBUTES = re.compile(r"\{[#.][^{}]*\}|\{[^{}]*=[^{}]*\}")
# Where a widget's name stands in every opening ``find`` reads: the value of a class or id
# attribute (quoted: up to its closing quote; else up to a space or ">"), or a Pandoc fence's
# line. A name is letters, digits and hyphens, so it lies inside one such value or line.
_ATTRIBUTE_VALUE = re.compile(r"""(?:class|id)\s*=\s*("[^"]*|'[^']*|[^\s>]*)""")
_FENCE_LINE = re.compile(r"^.*:::.*$", re.MULTILINE)


@per_text  # (read once per text)
def named_places(lowered: str) -> tuple[str, ...]:
    """The values of the text's class and id attributes and its lines holding ":::", as a
    case-insensitive regex sees them (``searchable``)."""
    seen = searchable(lowered)
    found: list[str] = _ATTRIBUTE_VALUE.findall(seen) if "=" in seen else []
    if ":::" in seen:
        found += _FENCE_LINE.findall(seen)
    return tuple(found)


class WidgetElementMatcher(Matcher):
    name = "widget-element"
    params = MappingProxyType({"classes": list, "keywords": list, "max_words": int})
    required = frozenset({"classes"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        classes = [str(c).lower() for c in params["classes"]]
        self.classes = tuple(searchable(c) for c in classes)
        # Every class name is its own keyword: no page without one of them needs a parse.
        super().__init__({**params, "keywords": params.get("keywords") or classes})
        names = "|".join(re.escape(c) for c in classes)
        name = rf"(?<![\w-])(?:{names})(?![\w-])"
        self.html_open = re.compile(
            rf"\A\s*<([a-z][a-z0-9]*)\b[^>]*?\s(?:class|id)\s*=\s*(?:\"[^\"]*?|'[^']*?|){name}",
            re.IGNORECASE,
        )
        self.fence_open = re.compile(
            rf"\A {{0,3}}:{{3,}}[ \t]*(?:\{{[^}}\n]*?[.#]?{name}[^}}\n]*\}}|{name})[ \t]*$",
            re.IGNORECASE | re.MULTILINE,
        )
        self.max_words = int(params.get("max_words", 150))

    def trigger(self) -> Trigger:
        """A class name in a class or id attribute's value or a Pandoc fence's line (one
        reading of the text, and the names looked for in what it found, not in the whole
        text); then the keywords, which the rule gates read."""
        names = Among(named_places, literals=self.classes)
        keywords = self.keyword_trigger()
        return AllOf((names, keywords)) if isinstance(keywords, Literals) else names

    def find(self, doc: Document) -> Iterator[Finding]:
        taken: Node | None = None  # the last block of the previous widget: no overlaps
        for node in doc.nodes():
            if node.kind not in ("html_block", "paragraph") or node.is_code:
                continue
            if taken is not None and node.start_line <= taken.end_line:
                continue
            raw = raw_text(doc, node)
            last = self._widget_end(doc, node, raw)
            if last is not None:
                taken = last
                yield Finding(
                    doc.node_span(node)[0],
                    doc.node_span(last)[1],
                    edits=(remove_blocks(doc, node, last),),
                )

    def _widget_end(self, doc: Document, first: Node, raw: str) -> Node | None:
        """The block that closes the widget opening at ``first``, when it is a short widget."""
        markup = self._opening_and_closing(first, raw)
        if markup is None:
            return None
        opening, closing = markup
        depth, words = 0, 0
        node: Node | None = first
        for _ in range(_MAX_BLOCKS):
            read = _widget_block(doc, node, first)
            if node is None or read is None:
                return None  # code, a quote or the end of the page: not a widget we know
            text, block_words = read
            depth += len(opening.findall(text)) - len(closing.findall(text))
            words += block_words
            if words > self.max_words or block_words < 0:
                return None
            if depth <= 0:
                return node if _ends_its_block(text, closing) else None
            node = node.next_sibling
        return None

    def _opening_and_closing(
        self, first: Node, raw: str
    ) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """What opens and what closes the element that ``first`` opens (an HTML element of one
        name, or a fenced div); None when ``first`` opens no widget."""
        html = self.html_open.match(raw) if first.kind == "html_block" else None
        if html:
            tag = html.group(1).lower()
            return re.compile(rf"<{tag}\b", re.IGNORECASE), re.compile(
                rf"</{tag}\s*>", re.IGNORECASE
            )
        if first.kind == "paragraph" and self.fence_open.match(raw):
            return _FENCE_OPEN, _FENCE_CLOSE
        return None


def _widget_block(doc: Document, node: Node | None, first: Node) -> tuple[str, int] | None:
    """The source and the words of a block of a widget that opened at ``first``: its markup
    and its visible words (-1 when it reads as prose); None for a block no widget holds."""
    if node is None:
        return None
    indented = _indented_markup(doc, node) if node is not first else None
    if indented is not None:
        return indented, _markup_words(indented)
    if node.kind not in _KINDS:
        return None
    return _block_text(doc, node), _words(doc, node)


def _block_text(doc: Document, node: Node) -> str:
    """The source of the block's paragraphs and HTML (a fence line that closes the widget may
    sit in a list item, as a lazy continuation of its last paragraph)."""
    if node.kind in ("html_block", "paragraph"):
        return raw_text(doc, node)
    if node.kind in ("bullet_list", "ordered_list"):
        return "\n".join(raw_text(doc, leaf) for leaf in _leaves(node))
    return ""


def _indented_markup(doc: Document, node: Node | None) -> str | None:
    """The text of an indented code block that holds HTML markup only (a converter's
    indentation), else None."""
    if node is None or node.kind != "code_block":
        return None
    text = raw_text(doc, node)
    return text if is_markup_only(text) else None


def _markup_words(text: str) -> int:
    """The words a reader sees in raw markup; -1 when it reads as prose."""
    skel = html_skeleton(text)
    prose = label_words(skel.text.replace(LINK, " ").replace(IMAGE, " "))
    return -1 if prose > _PROSE_WORDS else skel.words()


def _ends_its_block(text: str, closing: re.Pattern[str]) -> bool:
    """Whether the widget's last closing markup ends its block (but for the widget's own
    loader): what follows it is the page's."""
    closings = list(closing.finditer(text))
    rest = _SCRIPTS.sub("", text[closings[-1].end() :]) if closings else "x"
    return not rest.strip()


def _words(doc: Document, node: Node) -> int:
    """The words a reader sees in the block; -1 when a block of it reads as prose."""
    if node.kind in ("bullet_list", "ordered_list"):
        counts = [_words(doc, leaf) for leaf in _leaves(node)]
        return -1 if -1 in counts else sum(counts)
    skel = skeleton(doc, node)
    if skel is None:
        return 0
    prose = label_words(
        _PANDOC_ATTRIBUTES.sub(" ", skel.text).replace(LINK, " ").replace(IMAGE, " ")
    )
    return -1 if prose > _PROSE_WORDS else word_count(_PANDOC_ATTRIBUTES.sub(" ", skel.visible))


def _leaves(node: Node) -> Iterator[Node]:
    for child in node.children:
        if child.kind in ("paragraph", "html_block", "heading"):
            yield child
        else:
            yield from _leaves(child)
