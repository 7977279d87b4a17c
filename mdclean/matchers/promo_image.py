"""``promo-image``: a house ad, a block of nothing but images that link to a promotion.

A site's own banner (its course, its trial, its event, its donation button) is served from
its own host, so no filter list knows the server; but it says what it is twice. Its link goes
where readers pay, give or sign up (``promo_links``: a platform, a checkout, the site's own
donate page) or carries a campaign parameter of the lists (the site's marketing tags its own
banners, ``?utm_campaign=``, ``?itm_campaign=``); or its image file is named for what it is
(``ad_words``, whole words of the file's name: ``syxsense-trial-bottom.jpg``,
``ebook-banner.png``, ``Ad-banner.png``) and the image links to a page. A paragraph goes when
it is only such images (with their links), each with one of these readings; an unlinked image
counts only when its name says ad outright (``unlinked_words``, each entry words that
must all stand in the name: ``ad banner``). Badges (shields.io) and a
repository's page or a project's own "Sponsor" section stay, as BP127 reads them.

The finding is safe when every image links to an endpoint that carries a campaign parameter,
or is a platform's own donate button (``button_images``) on a page saved from the web (a
README shows the same buttons).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from ..document import Document, Node
from ..fastpath.regex_literals import required_literals
from ..fastpath.triggers import Trigger, all_of, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .conversion_pitch import heading_pattern, repository_page, under_section
from .fix_safety import safe_if
from .link_targets import is_picture
from .linkblocks import Skeleton, skeleton
from .page_head import crawl_source
from .promo_links import promo_links

# An image, optionally inside a link: group 1 the image's source, group 2 the link's target.
_LINKED_IMAGE = re.compile(
    r"\[\s*!\[[^\]\n]*\]\(\s*<?([^)\s>]+)[^)]*\)\s*\]\(\s*<?([^)\s>]+)[^)]*\)"
    r"|!\[[^\]\n]*\]\(\s*<?([^)\s>]+)[^)]*\)"
)
_BADGE_HOST = re.compile(r"^(?:https?:)?//(?:img\.shields\.io|badgen\.net|badge\.fury\.io)/", re.I)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


class _Image(NamedTuple):
    source: str
    target: str | None


class PromoImageMatcher(Matcher):
    name = "promo-image"
    params = MappingProxyType(
        {
            "keywords": list,
            "platforms": list,
            "paths": list,
            "campaigns": list,
            "ad_words": list,
            "unlinked_words": list,
            "button_images": list,
            "platform_images": list,
            "platform_image_words": list,
            "section_labels": list,
            "page_labels": list,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.links = promo_links(params)
        self.ad_words = frozenset(str(w).lower() for w in params.get("ad_words", []))
        # Each entry: words that must all stand in the name ("ad banner").
        self.unlinked_words = tuple(
            frozenset(str(entry).lower().split()) for entry in params.get("unlinked_words", [])
        )
        buttons = compile_patterns(params.get("button_images", []), "button_images")
        self._buttons = any_pattern(buttons)
        self._button_literals = required_literals(buttons) if buttons else ()
        self._section_heading = heading_pattern(params, "section_labels")
        self._page_heading = heading_pattern(params, "page_labels")
        # A course or newsletter platform's image host (Kajabi, Teachable, Kit...): the site's
        # own images live there too, so only a linked one named as a button or a lead magnet
        # ("Btn-Key_Scenes_Cheat_Sheet.png") is read as the platform's offer.
        platform_images = compile_patterns(params.get("platform_images", []), "platform_images")
        self._platform_images = any_pattern(platform_images)
        self._platform_literals = required_literals(platform_images) if platform_images else ()
        self.platform_image_words = frozenset(
            str(w).lower() for w in params.get("platform_image_words", [])
        )

    def trigger(self) -> Trigger:
        """An image (``![``), and what one of its readings needs: an endpoint's literal, a
        campaign parameter's name, an ad word, a button image's literal."""
        found = self.links.literals
        if found is None or self._button_literals is None or self._platform_literals is None:
            return all_of(self.keyword_trigger(), literals("!["))
        unlinked = (max(entry, key=len) for entry in self.unlinked_words if entry)
        words = (*found, *self.links.campaigns, *self.ad_words, *unlinked)
        return all_of(
            self.keyword_trigger(),
            literals("!["),
            literals(*words, *self._button_literals, *self._platform_literals),
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        if repository_page(doc, page, self._page_heading):
            return
        saved = crawl_source(doc)
        web = saved or bool(page and page[0].kind == "front_matter")
        for index, node in enumerate(page):
            images = _images_only(doc, node)
            if images and not under_section(doc, page, index, self._section_heading):
                found = self._house_ad(doc, node, images, (saved, web))
                if found is not None:
                    yield found

    def _house_ad(
        self, doc: Document, node: Node, images: list[_Image], page_kind: tuple[bool, bool]
    ) -> Finding | None:
        """The finding of a paragraph of images when every image is a house ad's; a
        platform's button counts only on a web page (saved, or a post with front matter:
        ``page_kind``), as a README shows the same buttons."""
        saved, web = page_kind
        readings = [self._reading(image) for image in images]
        if any(reading is None for reading in readings):
            return None
        if not (web or self._beyond_buttons(images)):
            return None
        # (a platform's button alone is exact only on a page saved from the web)
        sure = all(readings) and (saved or all(self._tagged(i) for i in images))
        start, end = doc.node_span(node)
        edits = (remove_blocks(doc, node, node),)
        return Finding(start, end, edits=edits, applicability=safe_if(sure))

    def _beyond_buttons(self, images: list[_Image]) -> bool:
        """Whether every image is more than a platform's button (tagged, or not a button)."""
        return all(self._tagged(i) or self._named(i) for i in images)

    def _named(self, image: _Image) -> bool:
        """Whether the image's name or its link's endpoint says promotion (not a button)."""
        plain = self._buttons is None or not self._buttons.search(image.source)
        return plain and not _BADGE_HOST.match(image.source)

    def _tagged(self, image: _Image) -> bool:
        return image.target is not None and self.links.campaign(image.target)

    def _reading(self, image: _Image) -> bool | None:
        """None when the image is no house ad; else whether the evidence is exact (a tagged
        endpoint or a platform's button)."""
        if _BADGE_HOST.match(image.source):
            return None
        if self._buttons is not None and self._buttons.search(image.source):
            return True
        words = _name_words(image.source)
        if self._platform_offer(image, words):
            return False
        if image.target is None:
            return False if any(entry <= words for entry in self.unlinked_words) else None
        return self._linked_reading(image.target, words)

    def _platform_offer(self, image: _Image, words: frozenset[str]) -> bool:
        """Whether the image is a platform-hosted button or lead magnet that links to a page."""
        return (
            self._platform_images is not None
            and image.target is not None
            and _linked_page(image.target)
            and bool(words & self.platform_image_words)
            and self._platform_images.search(image.source) is not None
        )

    def _linked_reading(self, target: str, words: frozenset[str]) -> bool | None:
        """The reading of an image that links to ``target`` (see ``_reading``)."""
        endpoint, tagged = self.links.endpoint(target), self.links.campaign(target)
        if endpoint or tagged:
            return endpoint and tagged
        return False if _linked_page(target) and words & self.ad_words else None


def _linked_page(target: str) -> bool:
    """Whether a link leads to a page: not to an image file, not to an anchor of this page."""
    return not is_picture(target) and not target.startswith("#")


def _images_only(doc: Document, node: Node) -> list[_Image]:
    """The images of a paragraph that holds nothing else (links around them aside): each of
    its links holds an image, and nothing but separators stands outside them."""
    skel = skeleton(doc, node) if node.kind == "paragraph" else None
    if skel is None or skel.rest.strip() or not (skel.links or skel.images):
        return []
    start, end = doc.node_span(node)
    found = list(_LINKED_IMAGE.finditer(doc.text[start:end]))
    return _all_read(found, skel) or []


def _all_read(found: list[re.Match[str]], skel: Skeleton) -> list[_Image] | None:
    """The images matched, when they are every link and image of the block (else None)."""
    linked = sum(1 for match in found if match.group(2))
    if len(found) != len(skel.links) + skel.images or linked != len(skel.links):
        return None
    return [_Image(m.group(1) or m.group(3), m.group(2)) for m in found]


def _name_words(source: str) -> frozenset[str]:
    """The words of an image file's name (its last path segment, without its extension)."""
    name = source.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    name = _CAMEL.sub(" ", name.rsplit(".", 1)[0])
    return frozenset(w for w in re.split(r"[^a-z]+", name.lower()) if w)
