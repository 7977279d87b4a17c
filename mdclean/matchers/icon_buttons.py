"""``icon-button-row``: a page's buttons kept as icon images and script links, told by their
file names and targets.

A theme's tool row (share, print, e-mail to a friend, comment, report an error) is a row of
icons: a converter keeps each as an image whose file name says what it is
(``/img/sharings/print.svg``, ``act_mailafriend.png``, ``ico-imprimir.png``), linked or not, or
as a link to ``javascript:`` with an empty caption or one word (``[](javascript:void\\(0\\))``:
html2text escapes the parentheses, and CommonMark refuses the target, so a reader sees the
brackets and the script). Such blocks are read here from their raw text, item by item:

- an image (bare or linked) is a button when its file's name is words of ``icon_words`` (what
  the button does: print, mail, share, comment, abuse...; the share plug-ins' icon file names
  and Font Awesome's icon names) and ``decoration`` (ico, btn, gray, 32...), with a sign that it
  is an icon: a decoration word of ``icon_signs`` in its name or its folder
  (``/ico/``, ``/sharings/``, ``act_``), or a link to a button's target;
- a link to ``javascript:`` whose caption has ``max_caption_words`` words at most;
- a link to a share endpoint (``target_lists``) or a button's other targets (``button_targets``:
  ``mailto:``, the page's ``#``, its print view) under a caption of as many words.

A block goes when it holds nothing else (separators, and a share label opening it: "Bagikan:");
a run of such sibling blocks goes as one, with a share label right above it, when one of its
items at least is an icon image or a script link (a row of share links alone is BP013's). A
block with a word of text, an image of another name (a photo, a logo, ``print-dialog.png``) or a
link elsewhere under a caption stays; so does anything in code.

The fix is safe when every item carries two signs: an icon image linked to a button's target, a
script link, or a share endpoint; an icon image alone (no link) leaves it unsafe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .fix_safety import safe_if
from .linkblocks import LIST_KINDS, raw_text, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern, phrases_of

# A link's or image's target: no unescaped parenthesis but one nested pair; escapes, spaces (a
# title, or html2text's unencoded target) allowed.
_TARGET = r"(?:\\.|[^()\\]|\([^()]*\))*"
_IMAGE = rf"!\[(?P<{{0}}alt>[^\[\]\n]*)\]\((?P<{{0}}src>{_TARGET})\)"
_LINKED_IMAGE = rf"\[\s*[*_]*\s*{_IMAGE.format('l')}\s*[*_]*\s*\]\((?P<lhref>{_TARGET})\)"
_LINK = rf"\[(?P<text>[^\[\]]*)\]\((?P<href>{_TARGET})\)"
_ITEM = re.compile(f"{_LINKED_IMAGE}|{_IMAGE.format('b')}|{_LINK}")
"""A linked image (emphasis around the image allowed), a bare image, or a link."""
_SEPARATORS = re.compile(r"[\s|·•/,、*_]*")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_IMAGE_FILE = re.compile(r"\.(?:png|svg|gif|jpe?g|webp|ico)$")
_BLOCK_KINDS = ("paragraph", *LIST_KINDS)


@dataclass(frozen=True, slots=True)
class _Item:
    proof: bool  # an icon image or a script link: what tells the row from a row of links
    sure: bool  # two signs (an icon linked to a button's target, a script link, an endpoint)
    kind: str = ""  # "script" (a script link under a caption), "endpoint" (a share endpoint)


class IconButtonRowMatcher(Matcher):
    name = "icon-button-row"
    params = MappingProxyType(
        {
            "icon_words": list,
            "decoration": list,
            "icon_signs": list,
            "target_lists": list,
            "button_targets": list,
            "labels": list,
            "max_caption_words": int,
            "max_alt_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.icon_words = frozenset(str(w).lower() for w in params.get("icon_words", []))
        self.icon_signs = frozenset(str(w).lower() for w in params.get("icon_signs", []))
        self.decoration = frozenset(str(w).lower() for w in params.get("decoration", []))
        self.decoration |= self.icon_signs
        self._endpoints = compile_patterns(phrases_of(params, "target_lists"), "target_lists")
        self._buttons = compile_patterns(params.get("button_targets", []), "button_targets")
        labels = phrase_pattern(params, "labels")
        self.label = re.compile(rf"\W*(?:{labels})\W*", re.I) if labels else None
        self.max_caption_words = int(params.get("max_caption_words", 2))
        self.max_alt_words = int(params.get("max_alt_words", 4))

    @cached_property
    def endpoints(self) -> re.Pattern[str] | None:
        return any_pattern(self._endpoints)

    def trigger(self) -> Trigger:
        """Every item is an image or a link: each holds ``](``."""
        return literals("](")

    def find(self, doc: Document) -> Iterator[Finding]:
        cache: dict[Node, list[_Item] | None] = {}
        yield from self._container(doc, doc.root, cache)

    def _container(
        self, doc: Document, parent: Node, cache: dict[Node, list[_Item] | None]
    ) -> Iterator[Finding]:
        run: list[tuple[Node, list[_Item]]] = []
        for node in parent.children:
            items = self._node(doc, node, cache)
            if items is not None:
                run.append((node, items))
                continue
            yield from self._finding(doc, run)
            run = []
            if node.is_container and node.kind not in LIST_KINDS:
                yield from self._container(doc, node, cache)  # (a list goes whole or stays)
        yield from self._finding(doc, run)

    def _finding(self, doc: Document, run: list[tuple[Node, list[_Item]]]) -> Iterator[Finding]:
        items = [item for _, block in run for item in block]
        if not items or not _proved(items):
            return
        first, last = run[0][0], run[-1][0]
        first = self._label_above(doc, first)
        start, end = doc.node_span(first)[0], doc.node_span(last)[1]
        sure = all(item.sure for item in items)
        yield Finding(
            start, end, edits=(remove_blocks(doc, first, last),), applicability=safe_if(sure)
        )

    def _label_above(self, doc: Document, node: Node) -> Node:
        """The row's share label right above it ("##### Udostępnij", "Bagikan:"), when it is
        nothing else."""
        above = node.previous_sibling
        if self.label is None or above is None or above.kind not in ("heading", "paragraph"):
            return node
        skel = skeleton(doc, above)
        if skel is None or skel.links or skel.images:
            return node
        return above if self.label.fullmatch(" ".join(fold_width(skel.visible).split())) else node

    def _node(
        self, doc: Document, node: Node, cache: dict[Node, list[_Item] | None]
    ) -> list[_Item] | None:
        """The buttons of a block that holds nothing else (a list: every item's blocks)."""
        if node in cache:
            kept: list[_Item] | None = cache[node]
            return kept
        items: list[_Item] | None = None
        if node.kind == "paragraph":
            items = self._paragraph(raw_text(doc, node))
        elif node.kind in LIST_KINDS:
            items = []
            for item in node.children:
                if not item.children:
                    continue  # an empty item: an icon the converter dropped
                for child in item.children:
                    inner = self._node(doc, child, cache)
                    if inner is None:
                        items = None
                        break
                    items.extend(inner)
                if items is None:
                    break
            items = items or None
        cache[node] = items
        return items

    def _paragraph(self, raw: str) -> list[_Item] | None:
        if "`" in raw or ("![" not in raw and "](" not in raw):
            return None
        if "javascript:" in raw.lower():
            raw = _flatten_scripts(raw)
        items: list[_Item] = []
        rest: list[str] = []
        at = 0
        for match in _ITEM.finditer(raw):
            rest.append(raw[at : match.start()])
            at = match.end()
            item = self._item(match)
            if item is None:
                return None
            items.append(item)
        rest.append(raw[at:])
        if not items or not self._only_separators(rest):
            return None
        return items

    def _only_separators(self, rest: list[str]) -> bool:
        """Nothing but separators between the items; a share label may open the block."""
        if all(_SEPARATORS.fullmatch(piece) for piece in rest[1:]):
            first = rest[0]
            if _SEPARATORS.fullmatch(first):
                return True
            label = " ".join(fold_width(first).split())
            return self.label is not None and self.label.fullmatch(label) is not None
        return False

    def _item(self, match: re.Match[str]) -> _Item | None:
        if match["lsrc"] is not None:
            return self._image(match["lalt"], match["lsrc"], match["lhref"])
        if match["bsrc"] is not None:
            return self._image(match["balt"], match["bsrc"], None)
        return self._link(match["text"], match["href"])

    def _image(self, alt: str, src: str, href: str | None) -> _Item | None:
        if word_count(alt) > self.max_alt_words:
            return None
        target = _url(href) if href is not None else None
        button = target is not None and self._button_target(target)
        if href is not None and not button:
            return None  # an icon linked elsewhere: a profile, a page (a follow row, a menu)
        if not self._icon_file(_url(src), linked=button):
            return None
        return _Item(proof=True, sure=button)

    def _link(self, text: str, href: str) -> _Item | None:
        caption = " ".join(text.replace("\\", "").split())
        if word_count(caption) > self.max_caption_words:
            return None
        target = _url(href)
        if target.lower().startswith("javascript:"):
            # an empty caption is an icon the converter dropped: the button's own sign; a
            # caption of words is a script link of any kind (a tag, a menu's entry)
            return _Item(proof=not caption, sure=True, kind="script")
        endpoints = self.endpoints
        if endpoints is not None and endpoints.search(target):
            return _Item(proof=False, sure=True, kind="endpoint")
        if any(pattern.search(target) for pattern in self._buttons):
            return _Item(proof=False, sure=False, kind="button")
        return None

    def _button_target(self, target: str) -> bool:
        if target.lower().startswith("javascript:"):
            return True
        endpoints = self.endpoints
        if endpoints is not None and endpoints.search(target):
            return True
        return any(pattern.search(target) for pattern in self._buttons)

    def _icon_file(self, src: str, *, linked: bool) -> bool:
        """Whether the image's file is named for a button: its name's words are what the
        button does and decoration, and it is an icon (a sign in its name or folder, or a
        link to a button's target)."""
        path = re.split(r"[?#]", src, maxsplit=1)[0]
        folders, _, name = path.rpartition("/")
        if not _IMAGE_FILE.search(name.lower()):
            return False
        words = [word.lower() for word in _WORDS.findall(name.rsplit(".", 1)[0])]
        if not self._button_name(words):
            return False
        if linked or any(word in self.icon_signs for word in words):
            return True
        # (the folder it sits in, and the one above: ``/ico/``, ``/sharings/``, ``/icons/share/``)
        last_two = folders.rsplit("/", 2)[-2:]
        folder_words = {word.lower() for part in last_two for word in _WORDS.findall(part)}
        return bool(folder_words & self.icon_signs)

    def _button_name(self, words: list[str]) -> bool:
        """A name of what a button does, and decoration: no other word."""
        return any(word in self.icon_words for word in words) and all(
            word in self.icon_words or word in self.decoration for word in words
        )


def _proved(items: list[_Item]) -> bool:
    """An icon image or an empty script link in the run, or a share endpoint beside a script
    link under a caption ("[sur Zinc](javascript:…)") or another button (print, e-mail): a
    share row BP013 and BP220 cannot read when its targets are not links to the parser (a
    bookmarklet's code, a target html2text wrapped)."""
    if any(item.proof for item in items):
        return True
    kinds = {item.kind for item in items}
    return "endpoint" in kinds and bool(kinds & {"script", "button"})


_SCRIPT_OPENING = re.compile(r"\]\(\s*javascript:", re.I)


def _flatten_scripts(raw: str) -> str:
    """The block with each script link's code cut to ``javascript:``: a bookmarklet's code
    nests parentheses deeper than a target's pattern reads (``void(window.open(f(x)))``)."""
    pieces: list[str] = []
    at = 0
    for opening in _SCRIPT_OPENING.finditer(raw):
        if opening.start() < at:
            continue
        end = _closing(raw, opening.end())
        if end is None:
            break
        pieces.append(raw[at : opening.start()] + "](javascript:)")
        at = end + 1
    pieces.append(raw[at:])
    return "".join(pieces)


def _closing(raw: str, start: int) -> int | None:
    """The offset of the parenthesis that closes the one opened just before ``start``."""
    depth, i = 1, start
    while i < len(raw):
        character = raw[i]
        if character == "\\":
            i += 2
            continue
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _url(target: str) -> str:
    """A target's address: its first word, escapes undone (``void\\(0\\)``)."""
    # (html2text wraps a long target after a hyphen: "…/l/email-\nprotection#…")
    parts = target.replace("-\n", "-").strip().split()
    address = parts[0] if parts else ""
    return re.sub(r"\\(.)", r"\1", address).strip("<>")
