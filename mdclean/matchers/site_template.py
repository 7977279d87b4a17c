"""``site-template``: blocks the file's site repeats on many of its pages (its template).

The site's template comes from the run (``Config.site_template``, learned by
:mod:`mdclean.site`); without one the rule finds nothing. A run of non-blank lines
whose digest is in the template is reported when it is whole visible blocks of
this page: never a heading (it goes with its section only when every block under
it goes, see :mod:`mdclean.sections`), an HTML comment, bare markup, a template tag
that renders the page's own content (``{{< toc >}}``, ``[TOC]``), code, or
front matter.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from ..document import Document, Node
from ..markup import COMMENT, TAG, sub_closed
from ..models import Applicability, Finding
from ..removal import remove_blocks
from ..site.blocks import MAX_BLOCK_CHARS, blocks, digest, plain
from .base import Matcher

if TYPE_CHECKING:
    from ..site.profile import SiteTemplate

_VISIBLE_KINDS = frozenset(
    {"paragraph", "html_block", "bullet_list", "ordered_list", "blockquote", "table"}
)
# A paragraph that is only a template tag or a placeholder: the site generator renders it
# (often into the page's own table of contents); what it shows is not in the Markdown.
_TEMPLATE_TAG = re.compile(
    r"\{\{.*\}\}|\{%.*%\}|\$\{\w+\}|\[\[?_?toc_?\]\]?|\{:\s*\.?toc\s*\}"
    # Docs toolchains' include directives (DocFX ``[!INCLUDE[note](includes/x.md)]``, MkDocs
    # snippets ``--8<-- "x.md"``): the authors' shared text, repeated on purpose.
    r"|\[!(?:include|code(?:-[\w-]+)?|video)\b.*\]|-{1,2}8<-{1,2}\s.*"
    # Container fences alone (DocFX ``::: moniker range=...``, Pandoc and VuePress ``::: tip``).
    r"|:{3,}[^\n]*(?:\n[ \t]*:{3,}[^\n]*)*",
    re.IGNORECASE | re.DOTALL,
)
# HTML elements that show something without holding text.
_VISIBLE_ELEMENTS = frozenset(
    {
        "img",
        "iframe",
        "video",
        "audio",
        "svg",
        "picture",
        "object",
        "embed",
        "input",
        "button",
        "canvas",
    }
)
# A GitHub / DocFX alert: ``> [!NOTE]`` opens the quote.
_ALERT = re.compile(r"[ \t]*>[ \t]*\[!(?:note|tip|important|warning|caution)\]", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)


def chrome_blocks(
    doc: Document, start_line: int, end_line: int, by_start: Mapping[int, int] | None = None
) -> tuple[int, int] | None:
    """The indexes of the first and last top-level blocks that lines ``start_line``..``end_line``
    are exactly, when every one of them is visible chrome; None otherwise."""
    children = doc.root.children
    if by_start is None:
        by_start = {node.start_line: i for i, node in enumerate(children)}
    first = by_start.get(start_line)
    if first is None:
        return None
    last = first
    while True:
        node = children[last]
        if not _visible(doc, node):
            return None
        end = doc.content_end_line(node)
        if end == end_line:
            return first, last
        if end > end_line or last + 1 >= len(children) or children[last + 1].start_line >= end_line:
            return None
        last += 1


def _visible(doc: Document, node: Node) -> bool:
    if node.kind not in _VISIBLE_KINDS:
        return False
    if any(inner.is_code for inner in node.walk()):
        return False
    source = doc.text[slice(*doc.node_span(node))]
    if node.kind == "blockquote" and _ALERT.match(source):
        return False  # an admonition written in a docs toolchain's syntax: the authors' own
    if node.kind == "paragraph" and (
        _TEMPLATE_TAG.fullmatch(source.strip()) or _CODE_SPAN.fullmatch(source.strip())
    ):
        return False
    # Digits fold to one: a block of numbers alone ("4.7", "2023-05-01") is each page's own
    # value (its rating, its date), the same block on every page only once folded.
    return _shows_something(source, words=True)


def _shows_something(source: str, *, words: bool = False) -> bool:
    """Whether markup shows any text or media: not comments, closing tags or empty wrappers only
    (with ``words``: media, or text with a letter in it)."""
    without_comments = sub_closed(COMMENT, "", source, "-->")
    if any(
        match.group("name").lower() in _VISIBLE_ELEMENTS for match in TAG.finditer(without_comments)
    ):
        return True
    text = html.unescape(TAG.sub("", without_comments))
    return any(character.isalpha() if words else character.isalnum() for character in text)


class SiteTemplateMatcher(Matcher):
    name = "site-template"
    params: ClassVar[Mapping[str, type | tuple[type, ...]]] = MappingProxyType({})

    def __init__(self, params: Mapping[str, Any], template: SiteTemplate | None = None) -> None:
        super().__init__(params)
        self.template = template

    def with_template(self, template: SiteTemplate) -> SiteTemplateMatcher:
        return SiteTemplateMatcher({}, template)

    def may_match(self, lowered_text: str, *, parse_certain: bool = False) -> bool:
        # (The same test once a parse is certain: costly to ask, the rule then runs unasked.)
        template = self.template
        if template is None or not template.blocks:
            return False
        digests = template.digests
        # Lowering can lengthen a text ("İ" becomes two characters): look at longer blocks too.
        return any(
            digest(lowered_text[start:end]) in digests
            for start, end in blocks(lowered_text, max_chars=3 * MAX_BLOCK_CHARS)
        )

    def costly_to_ask(self) -> bool:
        return True  # hashing every block costs about what finding does once the text is parsed

    def find(self, doc: Document) -> Iterator[Finding]:
        template = self.template
        if template is None or not template.blocks:
            return
        candidates = list(self._candidates(doc, template.digests))
        if not candidates:
            return
        layout: _Layout | None = None  # what only an unsafe block needs
        children = doc.root.children
        for first, last, found in candidates:
            safe = found in template.safe_digests
            if not safe:
                layout = layout or _Layout(doc, candidates)
                if self._is_page_text(doc, layout, first, last):
                    continue
            first_node, last_node = children[first], children[last]
            if _between_code(first_node, last_node):
                continue  # the two pieces of code around it would become one
            start, end = doc.node_span(first_node)[0], doc.node_span(last_node)[1]
            yield Finding(
                start,
                end,
                message=f"Site template block (on {template.files_holding[found]} of the site's "
                f"{template.files} pages)",
                edits=(remove_blocks(doc, first_node, last_node),),
                applicability=Applicability.SAFE if safe else None,
            )

    def _is_page_text(self, doc: Document, layout: _Layout, first: int, last: int) -> bool:
        """Whether top-level blocks ``first``..``last``, though the site repeats them, belong to
        the page: under a heading every page has, amid the page's own text (a docs site's
        standard text) or linking to the site's own pages (its "See also" list); or a label
        ("What we like", "Pros:") over the page's own list, a heading in all but name."""
        children = doc.root.children
        if self._in_standard_section(doc, first):
            source = doc.text[doc.node_span(children[first])[0] : doc.node_span(children[last])[1]]
            if layout.amid_text(first, last) or _SITE_LINK.search(source):
                return True
        return first == last and _labels(doc, children[first]) and layout.text_follows(last)

    def _in_standard_section(self, doc: Document, index: int) -> bool:
        """Whether the heading the block stands under recurs on the site's pages ("Parameters")."""
        assert self.template is not None
        for node in reversed(doc.root.children[:index]):
            if node.kind == "heading":
                return digest(doc.text[slice(*doc.node_span(node))]) in self.template.kept_digests
        return False

    @staticmethod
    def _candidates(doc: Document, digests: frozenset[int]) -> Iterator[tuple[int, int, int]]:
        """First and last top-level index and digest of each template block that is visible chrome."""
        by_start: dict[int, int] | None = None
        text = doc.text
        for block_start, block_end in blocks(text):
            found = digest(text[block_start:block_end])
            if found not in digests:
                continue
            if by_start is None:
                by_start = {node.start_line: i for i, node in enumerate(doc.root.children)}
            start_line, end_line = doc.position(block_start)[0] - 1, doc.position(block_end - 1)[0]
            chrome = chrome_blocks(doc, start_line, end_line, by_start)
            if chrome is not None:
                yield chrome[0], chrome[1], found


class _Layout:
    """Which of the page's top-level blocks are template blocks and which frame the page, and
    where the page's own text lies: from the first block that is neither to the last one.
    Whether a block frames the page is asked only of the blocks walked: from each end of the
    page to its first own block, and after a label."""

    def __init__(self, doc: Document, candidates: list[tuple[int, int, int]]) -> None:
        self.doc = doc
        self.children = doc.root.children
        self.in_template = [False] * len(self.children)
        for first, last, _ in candidates:
            self.in_template[first : last + 1] = [True] * (last + 1 - first)
        self.frames: dict[int, bool] = {}
        self.text_start = self._edge(range(len(self.children)))
        self.text_end = self._edge(range(len(self.children) - 1, -1, -1)) + 1

    @cached_property
    def titles(self) -> set[str]:
        return {
            plain(node.token.content)
            for node in self.children
            if node.kind == "heading" and node.token
        }

    def is_frame(self, index: int) -> bool:
        found = self.frames.get(index)
        if found is None:
            found = self.frames[index] = _frame(self.doc, self.children[index], self)
        return found

    def is_own(self, index: int) -> bool:
        """Whether a top-level block is the page's own: neither template nor frame."""
        return not self.in_template[index] and not self.is_frame(index)

    def amid_text(self, first: int, last: int) -> bool:
        """Whether blocks ``first``..``last`` reach into the page's own text."""
        return self.text_start <= last and first < self.text_end

    def text_follows(self, last: int) -> bool:
        """Whether the block after ``last`` is the page's own (neither template nor frame)."""
        following = last + 1
        return following < len(self.in_template) and self.is_own(following)

    def _edge(self, order: range) -> int:
        """Walking in ``order`` from one end of the page, the first block of the page's own text."""
        for i in order:
            if self.is_own(i):
                return i
        return len(self.in_template) if order.step > 0 else -1


def _between_code(first: Node, last: Node) -> bool:
    """Whether code stands right before ``first`` and right after ``last``."""
    before, after = first.previous_sibling, last.next_sibling
    return before is not None and after is not None and before.is_code and after.is_code


_LABEL_CHARS = 60
# A link to another page of the same site: a relative Markdown link or href (no scheme, not "//").
_SITE_LINK = re.compile(
    r"""(?:\]\(\s*<?|\bhref\s*=\s*(?:["']|(?!["'])))(?![a-z][a-z0-9+.-]*:|//|#|\s*\)|["'])""",
    re.IGNORECASE,
)


def _labels(doc: Document, node: Node) -> bool:
    """Whether a block is a short paragraph without a link: a label for what follows, if anything."""
    if node.kind != "paragraph":
        return False
    start, end = doc.node_span(node)
    source = doc.text[start:end]
    return end - start <= _LABEL_CHARS and "](" not in source and "<a" not in source.lower()


def _frame(doc: Document, node: Node, layout: _Layout) -> bool:
    """Whether a top-level block frames the page rather than tells it: headings, front matter,
    rules, markup that shows nothing, template tags, a heading's text again (a share box
    shows the page's title)."""
    if node.kind in ("heading", "front_matter", "hr"):
        return True
    if node.kind in ("paragraph", "html_block"):
        source = doc.text[slice(*doc.node_span(node))].strip()
        return (
            not _shows_something(source)
            or bool(_TEMPLATE_TAG.fullmatch(source))
            or (node.kind == "paragraph" and plain(source) in layout.titles)
        )
    return False
