"""``template-tag``: static-site template tags whose name marks them as ads.

Hugo shortcodes (``{{< adsense >}}``, ``{{% ad-unit %}}``, ``{{< amazon ... >}}...{{< /amazon >}}``),
Liquid and Nunjucks tags (``{% include adsense.html %}``, Hexo's ``{% GoogleAdsense %}``).
A tag's name is split into words (``google-adsense``, ``GoogleAdsense`` and ``ads/banner.html``
all hold an ad word); a name matches when one of its words, or the whole name, fully
matches one of the ``names`` patterns, so ``header`` or ``add-to-cart`` never does.

A paired tag goes with what it encloses; ``keep_inner`` removes only the two tags
(a product box around the author's own description). Tags shown as code (code spans,
fences, Hugo's ``{{</* */>}}`` escape, Liquid ``{% raw %}``) are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import BlockContent, Document, Node
from ..fastpath.triggers import Among, Trigger, all_of
from ..markup import mask, mask_code
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns, per_text, searchable
from .html_element import unit_findings

_TEXT_BLOCKS = ("html_block", "paragraph", "heading")
# Hugo: {{< name args >}} / {{% name args %}} / {{< /name >}}; the name starts with a letter,
# so the {{</* escape */>}} that shows a shortcode as text never matches.
_HUGO_TAG = re.compile(
    r"\{\{(?P<delim>[<%])\s*(?P<close>/)?\s*(?P<name>[A-Za-z_][\w./-]*)(?P<args>(?:(?!\{\{|\}\}).)*?)[>%]\}\}",
    re.DOTALL,
)
# Liquid / Nunjucks / Hexo: {% name args %}, {%- ... -%}; blocks close with {% endname %}.
_LIQUID_TAG = re.compile(
    r"(?<!\{)\{%-?\s*(?P<name>[A-Za-z_][\w./-]*)(?P<args>(?:(?!\{%|%\}).)*?)-?%\}", re.DOTALL
)
_LIQUID_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?(?:\{%-?\s*endraw\s*-?%\}|\Z)", re.DOTALL)
_INCLUDE_TAGS = frozenset({"include", "include_relative", "render", "import", "partial"})
_FIRST_ARG = re.compile(r"""\s*["']?([^\s"'%}]+)""")
_WORD_BREAK = re.compile(r"[/._\-\s]+|(?<=[a-z0-9])(?=[A-Z])")
# The raw-text view of an opening tag's name (and an include's file): the blanks after the
# delimiter may span lines behind container prefixes (``> ``); closing tags are left out.
_RAW_HUGO_NAME = re.compile(r"\{\{[<%][\s>]*([a-z_][\w./-]*)")
_RAW_LIQUID_NAME = re.compile(r"\{%-?[\s>]*([a-z_][\w./-]*)(?:[\s>]*[\"']?([^\s\"'%}]+))?")
_NAME_SEPARATORS = re.compile(r"[/._\-\s]+")
URL_ATTRIBUTE = re.compile(r"""\b(?:url|href|link|src)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TemplateTag:
    """One tag in one leaf block; offsets are in the block's content text."""

    node: Node
    start: int
    end: int
    name: str
    """The tag's name, or for ``include``-like tags the file it includes."""
    closing: bool
    self_closing: bool
    args: str


def scan_template_tags(doc: Document) -> Iterator[tuple[TemplateTag, BlockContent]]:
    """Every template tag outside code, in document order."""
    for node in doc.leaves(*_TEXT_BLOCKS):
        content = doc.content(node)
        if content is None or ("{{" not in content.text and "{%" not in content.text):
            continue
        for tag in _tags(node, _outside_code(node, content.text)):
            yield tag, content


def _outside_code(node: Node, text: str) -> str:
    """The block's text with its code and its Liquid ``{% raw %}`` regions masked."""
    text = mask_code(text, inline_markdown=node.kind != "html_block")
    if "{%" in text and "raw" in text:
        text = mask(text, [(m.start(), m.end()) for m in _LIQUID_RAW.finditer(text)])
    return text


def _tags(node: Node, text: str) -> list[TemplateTag]:
    """The Hugo and Liquid tags of the block's text, in the order they stand."""
    tags = [_hugo_tag(node, m) for m in _HUGO_TAG.finditer(text)]
    tags.extend(_liquid_tag(node, m) for m in _LIQUID_TAG.finditer(text))
    return sorted(tags, key=lambda t: t.start)


def _hugo_tag(node: Node, m: re.Match[str]) -> TemplateTag:
    args = m.group("args")
    return TemplateTag(
        node,
        m.start(),
        m.end(),
        m.group("name"),
        closing=bool(m.group("close")),
        self_closing=args.rstrip().endswith("/"),
        args=args,
    )


def _liquid_tag(node: Node, m: re.Match[str]) -> TemplateTag:
    name, args = m.group("name"), m.group("args")
    if name.lower() in _INCLUDE_TAGS:
        first = _FIRST_ARG.match(args)
        name = first.group(1) if first else name
        return TemplateTag(
            node, m.start(), m.end(), name, closing=False, self_closing=True, args=args
        )
    closing = name.lower().startswith("end") and len(name) > 3
    return TemplateTag(
        node,
        m.start(),
        m.end(),
        name[3:] if closing else name,
        closing=closing,
        self_closing=False,
        args=args,
    )


def name_words(name: str) -> list[str]:
    """``GoogleAdsense`` -> google, adsense; ``ads/banner.html`` -> ads, banner, html."""
    return [w.lower() for w in _WORD_BREAK.split(name) if w]


@per_text
def _raw_tag_names(lowered: str) -> tuple[str, ...]:
    """The names of the template tags a raw text opens (Hugo shortcodes, Liquid tags, the files
    that include tags name), each also without its separators."""
    text = searchable(lowered)
    names = []
    if "{{" in text:
        names += [m.group(1) for m in _RAW_HUGO_NAME.finditer(text)]
    if "{%" in text:
        for m in _RAW_LIQUID_NAME.finditer(text):
            names.append(m.group(1))
            if m.group(1) in _INCLUDE_TAGS and m.group(2):  # the included file is the name
                start = m.start(2)
                while text[start - 1] == ">":  # the file name itself may start with ">"
                    start -= 1
                names.append(text[start : m.end(2)])
    return tuple(n for name in names for n in (name, _NAME_SEPARATORS.sub("", name)))


class TemplateTagMatcher(Matcher):
    name = "template-tag"
    params = MappingProxyType({"names": list, "urls": list, "keep_inner": bool, "keywords": list})
    required = frozenset({"names"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.names = compile_patterns(params["names"], "names")
        # When given, a tag also needs URL attributes, all of them matching (a product box).
        self.urls = any_pattern(compile_patterns(params.get("urls", []), "urls"))
        self.keep_inner = bool(params.get("keep_inner", False))

    def is_ad_name(self, name: str) -> bool:
        words = name_words(name)
        candidates = [*words, "".join(words)] if words else []
        return any(p.fullmatch(word) for word in candidates for p in self.names)

    def trigger(self) -> Trigger:
        """A keyword, then an opening tag whose lower-cased name holds a match of a ``names``
        pattern. ``is_ad_name`` fully matches a word of the name, or the name without its
        breaks; either stands in the lower-cased name, or in it with the separators removed."""
        return all_of(self.keyword_trigger(), Among(_raw_tag_names, tuple(self.names)))

    def is_ad_tag(self, tag: TemplateTag) -> bool:
        if not self.is_ad_name(tag.name):
            return False
        if self.urls is None:
            return True
        urls = URL_ATTRIBUTE.findall(tag.args)
        return bool(urls) and all(self.urls.search(url) for url in urls)

    def find(self, doc: Document) -> Iterator[Finding]:
        tags = list(scan_template_tags(doc))
        used: set[int] = set()
        for i, (tag, content) in enumerate(tags):
            if i in used or tag.closing or not self.is_ad_tag(tag):
                continue
            used.add(i)
            closer = None if tag.self_closing else _closer(tags, i, used)
            if closer is None or self.keep_inner:
                yield from unit_findings(doc, tag.node, content, [(tag.start, tag.end)])
                if closer is not None:
                    closing_tag, closing_content = tags[closer]
                    yield from unit_findings(
                        doc,
                        closing_tag.node,
                        closing_content,
                        [(closing_tag.start, closing_tag.end)],
                    )
                continue
            closing_tag, closing_content = tags[closer]
            if closing_tag.node is tag.node:
                yield from unit_findings(doc, tag.node, content, [(tag.start, closing_tag.end)])
            else:
                yield from _pair_across_blocks(doc, tag, content, closing_tag, closing_content)


def _closer(tags: list[tuple[TemplateTag, BlockContent]], index: int, used: set[int]) -> int | None:
    """The closing tag that pairs with ``tags[index]`` (same name, nesting counted)."""
    opener = tags[index][0]
    depth = 0
    for j in range(index + 1, len(tags)):
        tag = tags[j][0]
        if tag.name.lower() != opener.name.lower() or j in used:
            continue
        if not tag.closing and not tag.self_closing:
            depth += 1
        elif tag.closing:
            if depth == 0:
                used.add(j)
                return j
            depth -= 1
    return None


def _pair_across_blocks(
    doc: Document,
    opener: TemplateTag,
    opener_content: BlockContent,
    closer: TemplateTag,
    closer_content: BlockContent,
) -> Iterator[Finding]:
    """Opener and closer in sibling blocks of their own: the blocks between them go too."""
    alone = _fills_block(opener_content, opener) and _fills_block(closer_content, closer)
    if alone and opener.node.parent is closer.node.parent:
        edit = remove_blocks(doc, opener.node, closer.node)
        yield Finding(
            opener_content.to_source(opener.start),
            closer_content.to_source(closer.end),
            edits=(edit,),
        )
        return
    # Tags tangled with other content: take the tags, report that the inside stays.
    yield from unit_findings(doc, opener.node, opener_content, [(opener.start, opener.end)])
    yield from unit_findings(doc, closer.node, closer_content, [(closer.start, closer.end)])


def _fills_block(content: BlockContent, tag: TemplateTag) -> bool:
    return (content.text[: tag.start] + content.text[tag.end :]).strip() == ""
