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
container's names is one of ``safe-tokens``, or it holds a container so named.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.raw_text import per_text, searchable
from ..fastpath.triggers import Among, Trigger
from ..models import Applicability, Edit, Finding
from ..removal import line_runs, remove_lines
from .base import Matcher, ParamError
from .named_containers import HIDING, Container, containers, root_block, unclosed_fences

_ROOT_KINDS = ("paragraph", "heading", "html_block")
_BARE_FENCE = re.compile(r"[ \t]*:{3,}[ \t]*$")
# Names of the article's own container: a region holding one (at any depth) is a wrapper of
# the whole page (``#page .site``, ``#primary .content-area``), and only its named chrome
# children go. The WordPress ``_s`` theme's (``entry-content``, ``site-main``,
# ``content-area``), microformats' and schema.org's (``hentry``, ``h-entry``, ``e-content``,
# ``itemprop="articleBody"``, role ``main``/``article``, the ``<article>`` and ``<main>``
# elements), Blogger's (``post-body``, ``post-outer``), Ghost's (``gh-content``,
# ``post-full-content``), Drupal's (``node``, ``node__content``, ``field-name-body``), Squarespace's
# (``blog-item``), block themes' (``wp-block-post-content``), and the post's title
# (``entry-title``, ``entry-header``, ``wp-block-post-title``).
ARTICLE_TOKENS = (
    "article|main|hentry|h-entry|e-content|articlebody|entry-content|entry-header|entry-title"
    "|entry-summary|post-content|post-body|post-entry|post-outer|post-title|article-body"
    "|article-content|article-header|story-body|site-main|site-content|content-area"
    "|main-content|page-content|single-post|type-post|blog-post|blog-item|gh-content"
    "|post-full-content|node|node__content|field--name-body|field-name-body"
    "|wp-block-post-content|wp-block-post-title"
)
# The names of the wrappers of a page's main column (the ``_s`` theme's ``#primary
# .content-area`` and ``#main .site-main``, the ``<main>`` element, ``role="main"``): they hold
# the article and the chrome around it (post navigation, comments, related posts), so a region
# named weakly inside one of them is not the article's own; inside the article's body it is.
WRAPPER_TOKENS = "main|site-main|site-content|content-area|main-content|page-content"
# Readability's rescue tokens (``article|body|column|content|main``): a container named so
# itself is kept, whatever else names it (a layout column that also says ``sidebar``).
RESCUE_TOKENS = f"article|body|column|content|main|{ARTICLE_TOKENS}"
# Names that show the page is a saved web page's template: its wrappers (the ``_s`` theme's
# ``#page .site``, Drupal's ``#page-wrapper`` and ``region``, Blogger's ``main-inner``,
# Squarespace's ``#siteWrapper``) and the regions that Readability's and trafilatura's lists
# name. A weak token (``sidebar``, ``footer``) names a region only on a page whose containers
# carry two different ones of these (one box named ``sidebar`` in a book does not).
PAGE_TOKENS = (
    "site|hfeed|page|page-wrapper|site-wrapper|sitewrapper|wrapper|main-wrapper|region"
    "|site-content|content-area|site-main|entry-content|hentry|post-body|post-outer"
    "|blog-posts|main-inner|widget|widgets|textwidget|widget-title|widget-area|sidebar"
    "|secondary|header|footer|masthead|colophon|site-header|site-footer|site-info"
    "|site-branding|branding|nav|navigation|menu|skip-link|breadcrumb|breadcrumbs"
    "|comments|comments-area|pagination|complementary|banner|contentinfo"
)
# Where a region's names stand in the raw text: the value of a class, id, role or itemprop
# attribute, the name of an HTML element that a weak token names (``<footer>``), or a Pandoc
# fence's line (``find`` finds regions named nowhere else; a heading's names only rescue).
_ATTRIBUTE_VALUE = re.compile(r"""(?:class|id|role|itemprop)\s*=\s*("[^"]*|'[^']*|[^\s>]*)""")
_ELEMENT_NAME = re.compile(r"<(nav|aside|header|footer)\b")
_FENCE_LINE = re.compile(r"^.*:::.*$", re.MULTILINE)


@per_text  # (read once per text)
def region_name_places(lowered: str) -> tuple[str, ...]:
    """The values of the text's class, id, role and itemprop attributes, the names of its
    ``nav``, ``aside``, ``header`` and ``footer`` elements, and its lines holding ":::"."""
    seen = searchable(lowered)
    found: list[str] = _ATTRIBUTE_VALUE.findall(seen) if "=" in seen else []
    if "<" in seen:
        found += _ELEMENT_NAME.findall(seen)
    if ":::" in seen:
        found += _FENCE_LINE.findall(seen)
    if "style" in seen or "hidden" in seen:
        found += ["hidden" for _ in HIDING.finditer(seen)]  # the name hiding gives a container
    return tuple(found)


def _token_pattern(tokens: list[Any], key: str) -> re.Pattern[str] | None:
    """One whole-token pattern of the tokens (``*`` stands for a slug)."""
    parts = []
    for token in tokens:
        text = str(token).lower()
        if not re.fullmatch(r"[a-z0-9_*-]+", text) or len(_literal(text)) < 3:
            raise ParamError(f"params.{key}: {text!r} is not a class or id token")
        parts.append(re.escape(text).replace(r"\*", "[a-z0-9_-]+"))
    return re.compile("|".join(parts)) if parts else None


def _literal(token: str) -> str:
    """The longest literal part of a token between its hyphens and wildcards: what the raw
    text must hold (a camel-cased name holds it without the hyphens)."""
    return max(re.split(r"[*-]", token.lower()), key=len)


class NamedRegionMatcher(Matcher):
    name = "named-region"
    params = MappingProxyType(
        {
            "tokens": list,
            "weak-tokens": list,
            "safe-tokens": list,
            "open-ended": bool,
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
        self.open_ended = bool(params.get("open-ended", False))
        self.article = re.compile(ARTICLE_TOKENS)
        self.rescue = re.compile(RESCUE_TOKENS)
        named = [*params["tokens"], *params.get("weak-tokens", [])]
        self.literals = tuple(sorted({searchable(_literal(str(t))) for t in named}))

    def trigger(self) -> Trigger:
        """One of the tokens' literal parts in a class, id or role value or a fence's line."""
        return Among(region_name_places, literals=self.literals)

    def find(self, doc: Document) -> Iterator[Finding]:
        page = containers(doc)
        if not page:
            return
        templated = self.weak is not None and templated_page(page, self.page)
        taken = -1  # the last line of the previous region: what it holds goes with it
        for container in page:
            if container.first_line <= taken:
                continue  # (inside the previous region: it goes with it)
            trailing = self._region(doc, page, container, templated)
            if trailing is not None:
                taken = container.last_line
                yield self._finding(doc, container, page, trailing)
        cut_short = self._cut_short(doc, page) if self.open_ended else None
        if cut_short is not None and cut_short.first_line > taken:
            yield self._finding(doc, cut_short, page, [])

    def _region(
        self, doc: Document, page: tuple[Container, ...], container: Container, templated: bool
    ) -> list[Container] | None:
        """The wrappers that go with the container when it is a region that may go whole (see
        ``_trailing_wrappers``); None when it is none, or holds the article."""
        named = self._names_region(container, templated)
        if named is None or _holds_article(page, container, self.article):
            return None
        if named == "weak" and _weak_belongs_to_article(page, container, self.article):
            return None
        return self._trailing_wrappers(doc, container, page)

    def _names_region(self, container: Container, templated: bool) -> str | None:
        """How the container is named as a region: "strong" (one of ``tokens``), "weak" (one
        of ``weak-tokens`` on a templated page), else None."""
        if self._names(container, self.rescue):
            return None  # Readability's rescue: a region named as content too is content
        if self._names(container, self.tokens):
            return "strong"
        return "weak" if templated and self._names(container, self.weak) else None

    @staticmethod
    def _names(container: Container, pattern: re.Pattern[str] | None) -> bool:
        return pattern is not None and any(pattern.fullmatch(n) for n in container.names)

    def _finding(
        self,
        doc: Document,
        container: Container,
        page: tuple[Container, ...],
        trailing: list[Container],
    ) -> Finding:
        lines = set(range(container.first_line, container.last_line + 1))
        for wrapper in [*self._glued_wrappers(doc, container, page), *trailing]:
            lines.update((wrapper.first_line, wrapper.last_line))
        edits = tuple(_lines_edit(doc, first, end) for first, end in line_runs(sorted(lines)))
        safe = self._safe(container, page)
        return Finding(
            doc.line_offset(container.first_line),
            doc.line_end(container.last_line),
            edits=edits,
            applicability=Applicability.SAFE if safe else None,
        )

    def _safe(self, container: Container, page: tuple[Container, ...]) -> bool:
        """Whether the region is certain: one of its names is one of ``safe-tokens``, or it
        holds a container so named (``#secondary`` around ``.widget-area``: the theme's name
        for the region twice, the outer one a wrapper of the same region)."""
        if self._names(container, self.safe):
            return True
        return any(_encloses(container, inner) and self._names(inner, self.safe) for inner in page)

    def _cut_short(self, doc: Document, page: tuple[Container, ...]) -> Container | None:
        """The region a page cut short opens and never closes (a crawl that stopped in the
        comments), running to the page's end: named by one of ``tokens``, opening after a
        closed container named as the article (the article is over), and holding none."""
        ended = max((c.last_line for c in page if self._names(c, self.article)), default=-1)
        for line, names in sorted(unclosed_fences(doc).items()):
            region = Container(line, _last_text_line(doc), names, True, True)
            if line <= ended or not self._names(region, self.tokens):
                continue
            if not _holds_article(page, region, self.article) and _removable(doc, region):
                return region
        return None

    def _trailing_wrappers(
        self, doc: Document, container: Container, page: tuple[Container, ...]
    ) -> list[Container] | None:
        """The wrappers whose closing fences trail the region in the list it ends with (they
        go as pairs of fences, else their closings would leave the list); None when the region
        cannot go: it does not fill whole lines of top-level blocks, or something else than
        such a closing trails it."""
        removable = _removable(doc, container)
        if removable is None:
            return None
        closing = {c.last_line: c for c in page if c.fenced and c.whole_lines}
        wrappers: list[Container] = []
        for line in removable[1]:
            wrapper = closing.get(line)
            if wrapper is None or not self._may_unwrap(wrapper, page):
                return None
            wrappers.append(wrapper)
        return wrappers

    def _may_unwrap(self, wrapper: Container, page: tuple[Container, ...]) -> bool:
        """Whether a wrapper's pair of fences may go: it is not named as the article, or it
        holds a container so named (whose names go on rescuing the regions around it)."""
        return not self._names(wrapper, self.article) or _holds_article(page, wrapper, self.article)

    def _glued_wrappers(
        self, doc: Document, container: Container, page: tuple[Container, ...]
    ) -> Iterator[Container]:
        """The wrappers whose opening fences stand glued above a fenced region in a heading
        (``::: {#page .site}`` straight above ``::: {.site-branding}`` and the site's title
        underlined as a setext heading), each of which goes with the region as a pair of
        fences, opening and closing: left alone, the opening
        would be what stays of a block the removal cut (a setext heading turned paragraph).
        Fences are markup a reader never saw; a wrapper named as the article keeps its pair
        (the names that rescue the regions around it). An opening fence that nothing closes
        goes alone (no closing fence pairs with it)."""
        block = root_block(doc, container.first_line)
        if not container.fenced or block is None or block.kind != "heading":
            return  # what stays of a paragraph cut there is a paragraph (and keeps the names)
        opened = _openings(doc, page)
        line = container.first_line - 1
        while line in opened and opened[line].whole_lines:
            wrapper = opened[line]
            paired = wrapper.last_line != wrapper.first_line
            if (paired and wrapper.last_line <= container.last_line) or not self._may_unwrap(
                wrapper, page
            ):
                return  # not a wrapper, or its names are the last to rescue the regions around it
            yield wrapper
            line -= 1


def _last_text_line(doc: Document) -> int:
    line = doc.line_count - 1
    while line > 0 and not doc.line_text(line).strip():
        line -= 1
    return line


def _openings(doc: Document, page: tuple[Container, ...]) -> dict[int, Container]:
    """The fenced divs by the line of their opening fence; a fence that nothing closes stands
    for a div of that one line (no closing fence pairs with it)."""
    opened = {c.first_line: c for c in page if c.fenced}
    for line in unclosed_fences(doc):
        opened.setdefault(line, Container(line, line, frozenset(), True, True))
    return opened


def _weak_belongs_to_article(
    page: tuple[Container, ...], region: Container, article: re.Pattern[str]
) -> bool:
    """Whether a region named only by a weak name (an HTML5 ``<header>``, ``<footer>``) is the
    article's own: it stands inside a container named as the article's body (an
    ``<article>``'s header and footer; a wrapper of the main column is not enough: the post
    navigation and comments stand inside ``#main .site-main`` too), or it holds an ``<h1>``
    element (the post's title, unnamed)."""
    for other in page:
        if other.first_line > region.last_line:
            break
        if _encloses(other, region) and _names_article_body(other, article):
            return True
        if _encloses(region, other, strictly=False) and other.named_only and "h1" in other.names:
            return True
    return False


_WRAPPER = re.compile(WRAPPER_TOKENS)


def _names_article_body(container: Container, article: re.Pattern[str]) -> bool:
    """Whether a container is named as the article itself, not only as the wrapper of the
    page's main column (see ``WRAPPER_TOKENS``)."""
    return any(article.fullmatch(n) and not _WRAPPER.fullmatch(n) for n in container.names)


def _encloses(outer: Container, inner: Container, *, strictly: bool = True) -> bool:
    """Whether ``inner``'s lines lie within ``outer``'s (its first line after ``outer``'s when
    ``strictly``)."""
    starts = (
        outer.first_line < inner.first_line if strictly else outer.first_line <= inner.first_line
    )
    return starts and inner.last_line <= outer.last_line


def templated_page(page: tuple[Container, ...], names: re.Pattern[str]) -> bool:
    """Whether two containers of the page carry two different names of a web page's template
    (one ``<nav class="menu">`` in a manual is one container, whatever its names)."""
    seen: set[str] = set()
    carriers = 0
    for container in page:
        if container.named_only:
            continue  # a manual's headings may be called "Navigation" and "Footer"
        found = {n for n in container.names if names.fullmatch(n)}
        if found:
            carriers += 1
            seen.update(found)
        if carriers >= 2 and len(seen) >= 2:
            return True
    return False


def _holds_article(page: tuple[Container, ...], outer: Container, article: re.Pattern[str]) -> bool:
    """Whether a container holds one named as the article (at any depth). A post's title
    (a heading's names) counts only alone: a region that names two or more posts' titles
    (``.post-title`` in a related-posts box, a recent-posts widget) is a list of posts."""
    titles = 0
    for inner in page:
        if inner.first_line > outer.last_line:
            break
        if not _encloses(outer, inner) or not any(article.fullmatch(n) for n in inner.names):
            continue
        if not inner.named_only:
            return True
        titles += 1
    return titles == 1


def _removable(doc: Document, container: Container) -> tuple[Node, range] | None:
    """Whether the container fills whole lines of top-level blocks: its first line a top-level
    paragraph's, heading's or HTML block's, its last line one's too (then no lines follow it
    in that block) or that of a list or quote that starts inside the container (then the
    lines of that list after the container's last line: a closing fence after a list item is
    the item's lazy continuation, and so may be the fences that close the wrappers after it)."""
    if not container.whole_lines:
        return None
    first = root_block(doc, container.first_line)
    last = root_block(doc, container.last_line)
    if first is None or last is None or first.kind not in _ROOT_KINDS:
        return None
    if last.kind in _ROOT_KINDS:
        return last, range(0)
    if last.start_line < container.first_line:
        return None
    return last, range(container.last_line + 1, doc.content_end_line(last))


def _lines_edit(doc: Document, first: int, end: int) -> Edit:
    """Lines ``first``..``end`` removed with their seam (``removal.remove_lines``); when the
    region opened inside a block (a wrapper's fence glued above it) and blank lines follow,
    one blank line stays, written as the edit's own (so that a section the removal empties
    is not taken with the blank lines that keep the block apart from what follows)."""
    after = end
    while after < doc.line_count and doc.line_text(after).strip() == "":
        after += 1
    glued = first > 0 and doc.line_text(first - 1).strip() != ""
    if glued and end < after < doc.line_count:
        return Edit(doc.line_offset(first), doc.line_offset(after), doc.line_break(end))
    return remove_lines(doc, first, end)
