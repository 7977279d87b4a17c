"""``named-region``: a page region that a converter kept named (comments area, sidebar, site
footer, menus, cookie banner), whole, whatever its length.

WordPress themes (underscores ``_s``, Twenty-*, Genesis, Astra), Blogger layouts, Ghost,
Drupal and Bootstrap name a page's regions alike, and Readability and trafilatura classify a
page's containers by the same tokens. Converters keep the names (raw HTML, Pandoc's fenced
divs: :mod:`.named_containers`). A container one of whose names is one of the rule's
``tokens`` goes from its opening line to its closing line, with all it holds, unless it holds
(at any depth) a container named as the article (``entry-content``, ``<article>``,
``itemprop="articleBody"``: the rule's names then sit on a wrapper of the whole page, and
only the named chrome inside it goes) or is itself named as one of Readability's rescue
tokens. ``weak-tokens`` (``sidebar``, ``footer``, ``menu``) name a region only on a page
whose other containers show a web page's template (``page-tokens``): a book's
``::: {.sidebar}`` box or a theme's docs stay. Names match whole (``comments-area``, not
``commentary-text`` nor ``has-sidebar-layout``); a token may hold ``*`` for a slug
(``menu-*-container``, WordPress's menu container). A finding is safe when one of the
container's names is one of ``safe-tokens``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.raw_text import per_text, searchable
from ..fastpath.triggers import Among, Trigger
from ..models import Applicability, Edit, Finding
from .base import Matcher, ParamError
from .named_containers import Container, containers, root_block

_ROOT_KINDS = ("paragraph", "heading", "html_block")
# Names of the article's own container: a region holding one is a wrapper of the whole page
# (``#page .site``, ``#primary .content-area``), and only its named chrome children go.
# Readability's rescue tokens (``article|body|column|content|main``, a container named so is
# kept), its positive class names (``entry|hentry|h-entry|post|story|text``), the WordPress
# ``_s`` theme's (``entry-content``, ``site-main``, ``content-area``), microformats and
# schema.org (``itemprop="articleBody"``, role ``main``/``article``), Blogger's (``post-body``,
# ``post-outer``), Ghost's (``gh-content``, ``post-full-content``), Drupal's (``node__content``,
# ``field--name-body``), and the post's title (``entry-title``, ``entry-header``).
ARTICLE_TOKENS = (
    "article|main|body|content|column|entry|hentry|h-entry|post|story|text|articlebody"
    "|entry-content|entry-header|entry-title|entry-summary|post-content|post-body|post-entry"
    "|post-outer|post-title|article-body|article-content|article-header|story-body"
    "|site-main|site-content|content-area|main-content|page-content|single-post|type-post"
    "|blog-post|gh-content|post-full-content|node__content|field--name-body|e-content"
)
# Names that show the page is a saved web page's template (its wrappers and widgets), so
# that a weak token (``sidebar``, ``footer``) names that page's region: the ``_s`` theme's
# wrappers and widgets, Blogger's, and the region names of every rule of this matcher.
PAGE_TOKENS = (
    "site|hfeed|site-content|content-area|site-main|entry-content|hentry|widget|textwidget"
    "|widget-title|widget-area|post-body|post-outer|blog-posts|main-inner|comments-area"
    "|site-header|site-footer|site-info|site-branding|masthead|colophon|skip-link"
)
# Where a container's names stand in the raw text: the value of a class, id or role attribute,
# or a Pandoc fence's line (``find`` reads names from nowhere else).
_ATTRIBUTE_VALUE = re.compile(r"""(?:class|id|role)\s*=\s*("[^"]*|'[^']*|[^\s>]*)""")
_FENCE_LINE = re.compile(r"^.*:::.*$", re.MULTILINE)


@per_text  # (read once per text)
def region_name_places(lowered: str) -> tuple[str, ...]:
    """The values of the text's class, id and role attributes and its lines holding ":::"."""
    seen = searchable(lowered)
    found: list[str] = _ATTRIBUTE_VALUE.findall(seen) if "=" in seen else []
    if ":::" in seen:
        found += _FENCE_LINE.findall(seen)
    return tuple(found)


def _token_pattern(tokens: list[Any], key: str) -> re.Pattern[str] | None:
    """One whole-token pattern of the tokens (``*`` stands for a slug)."""
    parts = []
    for token in tokens:
        text = str(token).lower()
        if not re.fullmatch(r"[a-z0-9_*-]+", text) or text.strip("*") != text:
            raise ParamError(f"params.{key}: {text!r} is not a class or id token")
        parts.append(re.escape(text).replace(r"\*", "[a-z0-9_-]+"))
    return re.compile("|".join(parts)) if parts else None


def _literal(token: str) -> str:
    """The longest literal part of a token (what the raw text must hold)."""
    return max(token.lower().split("*"), key=len)


class NamedRegionMatcher(Matcher):
    name = "named-region"
    params = MappingProxyType(
        {
            "tokens": list,
            "weak-tokens": list,
            "safe-tokens": list,
            "keywords": list,
        }
    )
    required = frozenset({"tokens"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.tokens = _token_pattern(list(params["tokens"]), "tokens")
        self.weak = _token_pattern(list(params.get("weak-tokens", [])), "weak-tokens")
        self.safe = _token_pattern(list(params.get("safe-tokens", [])), "safe-tokens")
        self.page = re.compile(PAGE_TOKENS)
        self.article = re.compile(ARTICLE_TOKENS)
        named = [*params["tokens"], *params.get("weak-tokens", [])]
        self.literals = tuple(sorted({searchable(_literal(str(t))) for t in named}))

    def trigger(self) -> Trigger:
        """One of the tokens' literal parts in a class, id or role value or a fence's line."""
        return Among(region_name_places, literals=self.literals)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = containers(doc)
        if not page:
            return
        templated = self.weak is not None and any(self._names(c, self.page) for c in page)
        taken = -1  # the last line of the previous region: what it holds goes with it
        for index, container in enumerate(page):
            if container.first_line <= taken:
                continue
            if not self._names_region(container, templated):
                continue
            if _holds_article(page, index, self.article) or not _removable(doc, container):
                continue
            taken = container.last_line
            yield self._finding(doc, container)

    def _names_region(self, container: Container, templated: bool) -> bool:
        if self._names(container, self.article):
            return False  # Readability's rescue: a region named as content too is content
        if self._names(container, self.tokens):
            return True
        return templated and self._names(container, self.weak)

    @staticmethod
    def _names(container: Container, pattern: re.Pattern[str] | None) -> bool:
        return pattern is not None and any(pattern.fullmatch(n) for n in container.names)

    def _finding(self, doc: Document, container: Container) -> Finding:
        edit = _lines_edit(doc, container.first_line, container.last_line + 1)
        safe = self._names(container, self.safe)
        return Finding(
            doc.line_offset(container.first_line),
            doc.line_end(container.last_line),
            edits=(edit,),
            applicability=Applicability.SAFE if safe else None,
        )


def _holds_article(page: tuple[Container, ...], index: int, article: re.Pattern[str]) -> bool:
    """Whether a container holds one named as the article (at any depth)."""
    outer = page[index]
    for inner in page[index + 1 :]:
        if inner.first_line > outer.last_line:
            return False
        if inner.last_line <= outer.last_line and any(article.fullmatch(n) for n in inner.names):
            return True
    return False


def _removable(doc: Document, container: Container) -> bool:
    """Whether the container fills whole lines of top-level blocks: its first line a top-level
    paragraph's, heading's or HTML block's, its last line one's too or that of a list or quote
    the container holds whole (a fence after a list item is its lazy continuation)."""
    if not container.whole_lines:
        return False
    first = root_block(doc, container.first_line)
    last = root_block(doc, container.last_line)
    if first is None or last is None or first.kind not in _ROOT_KINDS:
        return False
    inside = last.start_line >= container.first_line
    return last.kind in _ROOT_KINDS or (
        inside and doc.content_end_line(last) - 1 <= container.last_line
    )


def _lines_edit(doc: Document, first: int, end: int) -> Edit:
    """Lines ``first``..``end`` removed with their seam: the blank lines after them when blank
    lines also stand before them, every blank line before them when nothing follows."""
    after = end
    while after < doc.line_count and doc.line_text(after).strip() == "":
        after += 1
    if after >= doc.line_count:
        before = first
        while before > 0 and doc.line_text(before - 1).strip() == "":
            before -= 1
        return Edit(doc.line_offset(before), len(doc.text))
    blank_before = first == 0 or doc.line_text(first - 1).strip() == ""
    return Edit(doc.line_offset(first), doc.line_offset(after if blank_before else end))
