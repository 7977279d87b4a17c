"""``filter-list``: ads and trackers as the field's own filter lists (EasyList, EasyPrivacy) see them.

Resource URLs are the evidence, requested as a browser would: Markdown and HTML images
(``image``), ``<iframe>`` (``sub_frame``), ``<script src>`` (``script``), ``<source>``,
``<video>``, ``<audio>`` (``media``), ``<embed>`` and ``<object>`` (``object``), ``<link>``
(``stylesheet`` for a style sheet). An element whose resource the ad lists block is an ad
(``evidence: ad``), one only the tracker list blocks a tracker (``evidence: tracker``). The
ad lists' generic element-hiding selectors mark ad containers (``evidence: hidden``:
``ins.adsbygoogle[data-ad-slot]``, ``.ad.leaderboard``, ``<display-ads>``). A link is never
evidence alone: only a link that holds an image (a banner) and leads where the ad lists
block or hide links counts (``evidence: ad-link``).

All four rules share one reading of the document; each unit is reported once, under the
strongest evidence it has (ad, tracker, hidden, ad-link), and not at all when a rule named in
``defer-to`` (AD001-AD008) already reports it. The unit goes whole with a wrapper that held
only it; safely when its block holds nothing else, as an unsafe fix inside other text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .. import css_selectors
from ..config import DEFAULT
from ..document import BlockContent, Document, Node
from ..fastpath.body import document_of, front_matter_end
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import AllOf, AnyOf, Check, Search, Trigger, all_of, literals
from ..filterlists import Engines, ListSet, engines_for, page_host, web_request
from ..markup import Element, scan_elements
from ..models import Applicability, Finding
from .base import Matcher, ParamError
from .html_element import is_whole_block, outermost, unit_findings, widen_to_wrappers
from .tracking_pixel import MARKDOWN_IMAGE, leaves_with_markup

EVIDENCE = ("ad", "tracker", "hidden", "ad-link")
"""From the strongest to the weakest: a unit with several kinds of evidence is reported by the first."""
# Element -> (attributes holding the URL it fetches, the request type a browser sends).
_RESOURCES: Mapping[str, tuple[tuple[str, ...], str]] = {
    "img": (("src", "data-src", "srcset", "data-srcset"), "image"),
    "iframe": (("src", "data-src"), "sub_frame"),
    "script": (("src",), "script"),
    "source": (("src", "srcset"), "media"),
    "video": (("src", "poster"), "media"),
    "audio": (("src",), "media"),
    "embed": (("src",), "object"),
    "object": (("data",), "object"),
    "link": (("href",), "other"),
}
_CANDIDATE_TAGS = tuple(f"<{name}" for name in _RESOURCES)
_LINK_TAIL = re.compile(r"\s*\]\(\s*<?(?P<url>[^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
# An inline image's URL as it stands in the raw text: ``MARKDOWN_IMAGE``'s, but a target that
# wraps to the next line may follow the container marks (">") that the block's text drops.
_IMAGE_TARGET = re.compile(r"!\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\([\s>]*<?([^)\s>]+)")
_NEVER_HIDDEN = frozenset({"a", "html", "head", "body", "br", "hr", "p"})
"""Elements a hiding selector alone does not condemn: a link needs a banner in it; a paragraph
is prose."""
# An element a hiding selector may name: one with attributes, or a custom element (<display-ads>),
# but none of ``_NEVER_HIDDEN`` (docs pages hold many ``<a id="...">`` anchors, ``<br />``...).
_MAY_BE_HIDDEN = re.compile(rf"<(?!(?:{'|'.join(sorted(_NEVER_HIDDEN))})\s)[a-z][a-z0-9-]*[-\s]")


Unit = tuple[int, int, str]  # start, end (in the leaf's text), evidence


class FilterListMatcher(Matcher):
    name = "filter-list"
    params = MappingProxyType({"evidence": str, "defer-to": list, "keywords": list})
    required = frozenset({"evidence"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.evidence = params["evidence"]
        if self.evidence not in EVIDENCE:
            raise ParamError(
                f"params.evidence: expected one of {', '.join(EVIDENCE)}, got {self.evidence!r}"
            )
        self.defer_to = tuple(str(code).upper() for code in params.get("defer-to", []))

    def trigger(self) -> Trigger:
        """The markup the evidence needs: an element a selector may name, a linked image, or an
        element or image that fetches a resource ("<" first: a one-character test is fastest).
        A Markdown image counts only when the lists judge its URL as this rule's evidence
        (``_may_show_listed_image``)."""
        # (Fenced code holds no unit: ``leaves_with_markup`` reads paragraphs, headings and HTML.)
        if self.evidence == "hidden":
            return OutsideFences(AllOf((literals("<"), Search(_MAY_BE_HIDDEN, folded=False))))
        if self.evidence == "ad-link":
            return OutsideFences(
                AnyOf((literals("[!["), AllOf((literals("<a"), literals("<img")))))
            )
        listed = Check(self._may_show_listed_image, "an image whose URL the lists judge so")
        return AnyOf(
            (all_of(literals("!["), listed), AllOf((literals("<"), literals(*_CANDIDATE_TAGS))))
        )

    def _may_show_listed_image(self, lowered: str) -> bool:
        """Whether a Markdown image of the document may fetch a URL that the lists judge as
        this rule's evidence (as ``_markdown_images`` asks them), the page's host read as
        ``_page_host`` may read it; True when the document is not at hand."""
        doc = document_of(lowered)
        return doc is None or self.evidence in _image_verdicts(doc)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, content, units in _document_units(doc):
            mine = {
                (s, e)
                for s, e, kind in units
                if kind == self.evidence and not _deferred(doc, content, (s, e), self.defer_to)
            }
            if mine:
                yield from _findings_of_units(doc, node, content, units, mine)


def _image_verdicts(doc: Document) -> frozenset[str | None]:
    """What the lists say of the URLs the document's Markdown images may fetch, read from its
    raw text once for the rules that ask (an image in a container may wrap its target to a
    line after the container's marks: ``_IMAGE_TARGET``)."""
    store = doc.shared("fast_path")
    verdicts: frozenset[str | None] | None = store.get("image_verdicts")
    if verdicts is None:
        text = doc.text
        urls = set()
        at = text.find("![")
        while at >= 0:  # from every "![": an image that fails may hold one in its text
            image = _IMAGE_TARGET.match(text, at)
            if image is not None:
                urls.add(image.group(1))
            at = text.find("![", at + 2)
        config = doc.config or DEFAULT
        engines = engines_for(ListSet(config.builtin_filter_lists, config.filter_lists))
        readers = [_Reader(engines, host) for host in {None, _host_named_first(text)}]
        verdicts = frozenset(reader.classify(url, "image") for url in urls for reader in readers)
        store["image_verdicts"] = verdicts
    return verdicts


def _host_named_first(text: str) -> str | None:
    """A host that holds ``_page_host``'s, or None: the address the front matter names as the
    page's is the text's first (or none). Only a text that opens with "---" or "+++" has a
    front matter; a YAML one that the raw text bounds (``front_matter_end``) is read alone,
    not the whole page (a search anchored at line starts tries every character)."""
    if not text.startswith(("---", "+++")):
        return None
    end = front_matter_end(text) if text.startswith("---") else 0
    return page_host(text[:end] if end else text)


def _findings_of_units(
    doc: Document,
    node: Node,
    content: BlockContent,
    units: list[Unit],
    wanted: set[tuple[int, int]],
) -> Iterator[Finding]:
    """The findings of the ``wanted`` units of a leaf. Every unit counts in what the block
    holds besides them: the block goes whole (safely) only when all its units fill it."""
    every = [(s, e) for s, e, _ in units]
    applicability = None if is_whole_block(content, every) else Applicability.UNSAFE
    findings = unit_findings(doc, node, content, every, applicability)
    for span, finding in zip(every, findings, strict=True):  # (one finding per unit)
        if span in wanted:
            yield finding


def _document_units(doc: Document) -> list[tuple[Node, BlockContent, list[Unit]]]:
    """Every leaf's ad and tracker units, worked out once for the four rules."""
    config = doc.config or DEFAULT
    lists = ListSet(config.builtin_filter_lists, config.filter_lists)
    cache = doc.shared("filter-list-units")
    found = cache.get(lists)
    if found is None:
        found = cache[lists] = list(_read_leaves(doc, _Reader(engines_for(lists), _page_host(doc))))
    return found


@dataclass(frozen=True)
class _Reader:
    """The engines, and the page's own host when the document names it (its resources are first-party)."""

    engines: Engines
    page: str | None

    def classify(self, url: str, request_type: str) -> str | None:
        return self.engines.classify(url, request_type, self.page)


def _page_host(doc: Document) -> str | None:
    """The host the front matter names as the page's address (YAML ``---`` or TOML ``+++``)."""
    if doc.text.startswith("+++"):
        end = doc.text.find("\n+++", 3)
        return page_host(doc.text[3:end]) if end > 0 else None
    first = next(iter(doc.nodes()), None)
    if first is None or first.kind != "front_matter" or first.token is None:
        return None
    return page_host(first.token.content)


def _read_leaves(doc: Document, reader: _Reader) -> Iterator[tuple[Node, BlockContent, list[Unit]]]:
    for node, content, text in leaves_with_markup(doc):
        units = _units(text, reader, markdown=node.kind != "html_block")
        if units:
            yield node, content, units


def _units(text: str, reader: _Reader, *, markdown: bool) -> list[Unit]:
    spans: list[Unit] = []
    elements = scan_elements(text) if "<" in text else []
    for element in elements:
        kind = _element_evidence(text, element, reader)
        if kind is not None:
            spans.append((element.start, element.end, kind))
    if markdown and "![" in text:
        spans.extend(_markdown_images(text, reader))
    if not spans:
        return []
    return _merged(text, elements, spans)


def _element_evidence(text: str, element: Element, reader: _Reader) -> str | None:
    """The strongest evidence the element gives: its resource, a banner link, a hiding selector."""
    tag = element.name
    opening = element.opening_tag(text)
    attrs = css_selectors.attributes(opening)
    verdict = _resource_verdict(tag, attrs, reader)
    if verdict is not None:
        return verdict
    if tag == "a":
        return "ad-link" if _is_banner_link(text, element, attrs, reader) else None
    if tag in _NEVER_HIDDEN or not ("-" in tag or len(opening) > len(tag) + 2):
        return None  # (a plain element without attributes: no selector names it)
    return "hidden" if _is_hidden_ad(text, element, attrs, reader) else None


def _resource_verdict(tag: str, attrs: Mapping[str, str], reader: _Reader) -> str | None:
    """What the lists say of the first URL the element fetches that they judge."""
    resource = _RESOURCES.get(tag)
    if resource is None:
        return None
    names, request_type = resource
    if tag == "link":
        request_type = _link_request_type(attrs)
    for name in names:
        for url in _urls(attrs.get(name), srcset=name.endswith("srcset")):
            verdict = reader.classify(url, request_type)
            if verdict is not None:
                return verdict
    return None


def _is_banner_link(text: str, element: Element, attrs: Mapping[str, str], reader: _Reader) -> bool:
    """A link around an image, to where the ad lists block or hide links."""
    inner = text[element.open_end : element.close_start].lower()
    return "<img" in inner and _is_ad_link(attrs, reader)


def _is_hidden_ad(text: str, element: Element, attrs: Mapping[str, str], reader: _Reader) -> bool:
    """Whether a hiding selector of the ad lists names the element, and it holds no prose."""
    tag = element.name
    classes = attrs.get("class", "").split()
    ids = attrs.get("id", "").split()
    hidden = bool(
        css_selectors.matching(reader.engines.hiding_selectors(classes, ids), tag, attrs)
    ) or _generic_matches(reader, tag, attrs)
    # An article in a box with an ad's class name: the text is worth more than the guess.
    return hidden and not _holds_prose(text[element.open_end : element.close_start])


_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_PROSE_CHARACTERS = 400
"""More visible text than an ad's pitch ever holds (a sentence or two, in any script)."""


def _holds_prose(inner: str) -> bool:
    return len(" ".join(_TAG_OR_COMMENT.sub(" ", inner).split())) > _PROSE_CHARACTERS


def _is_ad_link(attrs: Mapping[str, str], reader: _Reader) -> bool:
    href = attrs.get("href")
    if not href:
        return False
    request = web_request(href, reader.page)
    if request is None or not request[2]:
        return False  # a link to the page's own site is navigation, whatever its path
    if reader.classify(href, "other") == "ad":
        return True
    return _generic_matches(reader, "a", {"href": href})


def _generic_matches(reader: _Reader, tag: str, attrs: Mapping[str, str]) -> bool:
    """Whether one of the ad lists' generic selectors matches the element. The selectors are
    indexed by tag and by the first attribute they test, and those that start with
    ``[href^="https://host/"]`` (most of them) by that host: an element is tried only against
    the few that could match it."""
    index = _selector_index(reader.engines)
    keys: list[tuple[str | None, str | None]] = [(tag, None)]
    keys.extend((t, name) for name in attrs for t in (tag, None))
    if "href" in attrs:
        host = _host(attrs["href"], reader.page)
        if host:
            keys.extend(((tag, "href " + host), (None, "href " + host)))
    for key in keys:
        for selector in index.get(key, ()):
            if selector.matches(tag, attrs):
                return True
    return False


_SelectorIndex = dict[tuple[str | None, str | None], list[css_selectors.Compound]]


def _selector_index(engines: Engines) -> _SelectorIndex:
    """The engines' generic selectors indexed (built once per engines, kept on them)."""
    index: _SelectorIndex | None = getattr(engines, "_selector_index", None)
    if index is None:
        index = _indexed(engines.generic_selectors())
        engines._selector_index = index  # type: ignore[attr-defined]
    return index


def _indexed(selectors: Iterable[str]) -> _SelectorIndex:
    """Selectors by tag and by the key of their first test (see ``_first_test_key``)."""
    index: _SelectorIndex = {}
    for selector in selectors:
        parsed = css_selectors.compound(selector)
        if parsed is not None:
            index.setdefault((parsed.tag, _first_test_key(parsed)), []).append(parsed)
    return index


def _first_test_key(selector: css_selectors.Compound) -> str | None:
    """The attribute the selector tests first; for ``[href^="https://host/"]``, "href host"."""
    if not selector.tests:
        return None
    name, operator, value, ignore_case = selector.tests[0]
    if name == "href" and operator == "^=" and not ignore_case:
        host = _host(value, None)
        if host and value.lower().startswith((f"https://{host}/", f"http://{host}/")):
            return "href " + host
    return name


def _host(url: str, page: str | None) -> str | None:
    request = web_request(url, page)
    return request[1] if request is not None and request[2] else None


def _link_request_type(attrs: Mapping[str, str]) -> str:
    rel = attrs.get("rel", "").lower().split()
    if "stylesheet" in rel:
        return "stylesheet"
    if "icon" in rel or "apple-touch-icon" in rel:
        return "image"
    if {"preload", "modulepreload", "prefetch"} & set(rel):
        wanted = attrs.get("as", "").lower()
        return {"script": "script", "style": "stylesheet", "image": "image", "font": "other"}.get(
            wanted, "other"
        )
    return "other"


def _urls(value: str | None, *, srcset: bool) -> list[str]:
    if not value:
        return []
    if not srcset:
        return [value]
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _markdown_images(text: str, reader: _Reader) -> Iterator[Unit]:
    for m in MARKDOWN_IMAGE.finditer(text):
        start, end = m.start(), m.end()
        tail = _LINK_TAIL.match(text, end) if start > 0 and text[start - 1] == "[" else None
        if tail is not None:
            start, end = start - 1, tail.end()  # the link would be left empty: it goes too
        verdict = reader.classify(m.group("url"), "image")
        if (
            verdict is None
            and tail is not None
            and _is_ad_link({"href": tail.group("url")}, reader)
        ):
            verdict = "ad-link"
        if verdict is not None:
            yield start, end, verdict


def _merged(text: str, elements: list[Element], spans: list[Unit]) -> list[Unit]:
    """Overlapping units made one, under the strongest evidence of its parts, and widened to
    the wrappers that held only it."""
    rank = {kind: i for i, kind in enumerate(EVIDENCE)}
    bounds = outermost([(s, e) for s, e, _ in spans])
    if elements:
        bounds = widen_to_wrappers(text, elements, bounds)
    merged = []
    for start, end in bounds:
        kinds = [kind for s, e, kind in spans if start <= s and e <= end]
        merged.append((start, end, min(kinds, key=rank.__getitem__)))
    return merged


def _deferred(
    doc: Document, content: BlockContent, span: tuple[int, int], codes: tuple[str, ...]
) -> bool:
    """Whether a rule named in ``defer-to`` finds (part of) the unit: it is that rule's."""
    if not codes:
        return False
    start, end = content.to_source(span[0]), content.to_source(span[1])
    return any(s < end and start < e for s, e in _deferred_spans(doc, codes))


def _deferred_spans(doc: Document, codes: tuple[str, ...]) -> list[tuple[int, int]]:
    cache = doc.shared("filter-list-deferred")
    found = cache.get(codes)
    if found is None:
        found = cache[codes] = [(f.start, f.end) for f in _findings_of(doc, codes)]
    return found


def _findings_of(doc: Document, codes: tuple[str, ...]) -> Iterator[Finding]:
    """The findings of the rules named, selected or not (ignoring AD001 keeps AdSense units;
    it does not hand them to AD013). A rule the engine runs on the document has recorded them
    (rules run in code order, so AD001-AD009 ran before); a selected rule it did not run
    provably finds nothing; any other is asked now."""
    recorded = doc.shared("findings")
    ran = recorded.get(None)
    config = doc.config or DEFAULT
    selected = {rule.code for rule in config.rules}
    for rule in config.catalogue:
        if rule.code not in codes:
            continue
        if ran is not None and rule.code in ran:
            yield from recorded.get(rule.code, ())
        elif ran is None or rule.code not in selected:
            yield from rule.matcher.find(doc)
