"""``tip-jar``: a blog theme's tip jar (its reward or donate box), told by its plea and its
payment names.

Blog themes print the same box under every post: a plea ("喜欢这篇文章？打赏一下作者吧",
"Like this article? Support the author with", "坚持原创技术分享，您的支持将鼓励我继续创作！"),
sometimes a donate button ("赞赏", "Donate"), then one button or QR code per payment service,
captioned with its name ("支付宝", "微信", "PayPal", "Buy me a coffee"). A text dump keeps them
as lines of one paragraph, a converter as a heading and short blocks, the QR codes as images.

The matcher reads the lines of consecutive top-level paragraphs and headings (blank lines
between them allowed; any other block ends the reading). A box opens on a line that is a
whole plea (``phrases``) or a donate button (``buttons``) and runs over lines that hold nothing
but payment names (``words``), buttons and QR code images (an image reads as its alt text,
or as the payment service its file is named for: ``alipay.png``); it goes when it names at
least ``min_methods`` payments. A plea may also close the box, right under the names (a theme
that prints it under its QR codes: "扫描二维码，打赏一下作者吧~"). A button that is a heading
opens no box (a README's "## Donate" section over its QR codes is the project's). What stays:
a plea or a button with fewer names (an author's sentence, a README's "Donate" section with
one link), and every line of prose or code (a post that explains how to set the box up
quotes ``reward_comment: …`` in its code).

Unsafe by default; safe (``fix-when``) when the box opens on a plea: a theme's string, word
for word, and the payment names under it are two independent signals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger, literals
from ..models import Finding
from ..removal import remove_lines
from .base import Matcher, ParamError
from .fix_safety import safe_if
from .inline_links import named_images
from .line_reading import line_reading
from .phrase_lists import phrase_pattern

_PLEA, _BUTTON, _METHODS, _IMAGES, _BLANK, _OTHER = range(6)
# A QR code's file named for its service ("wechatpay.png", "alipay-qr.jpg", "zfb.jpg").
_NAMED_FILE = re.compile(
    r"(alipay|zhifubao|zfb|wechat|weixin|wxpay|paypal|bitcoin|btc)[^/]*$", re.IGNORECASE
)
# What the file names spell, as the payment names read.
_FILE_NAMES = {
    "zhifubao": "alipay",
    "zfb": "alipay",
    "weixin": "wechat",
    "wxpay": "wechat",
    "btc": "bitcoin",
}
_SEPARATORS = r"[\s/|·•・,，、:()\[\]<>*_-]"
_MAX_LINE_CHARS = 160  # a box's line is short; a longer one is prose
# A heading's or a list item's marker, left by the line reading.
_MARKERS = re.compile(r"^(?:#{1,6}\s+|[*+-]\s+)|\s+#+$")
_WORD = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class _Line:
    number: int
    kind: int
    methods: int = 0


class TipJarMatcher(Matcher):
    name = "tip-jar"
    params = MappingProxyType(
        {
            "phrases": list,
            "words": list,
            "buttons": list,
            "min_methods": int,
            "keywords": list,
        }
    )
    required = frozenset({"phrases", "words", "buttons"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_methods = int(params.get("min_methods", 2))
        if self.min_methods < 2:
            raise ParamError("params.min_methods: a box names two payments at least")
        self._pleas = _whole(phrase_pattern(params, "phrases", "_"))
        self._buttons = _whole(phrase_pattern(params, "buttons", "_"))
        methods = phrase_pattern(params, "words", "_")
        self._method = re.compile(methods or "(?!)", re.IGNORECASE)
        self._methods_only = re.compile(
            rf"(?:{_SEPARATORS}*(?:{methods}))+{_SEPARATORS}*", re.IGNORECASE
        )

    def trigger(self) -> Trigger:
        """The ``keywords``: every payment name the box needs holds one of them."""
        return self.keyword_trigger() if self.keywords else literals()

    def find(self, doc: Document) -> Iterator[Finding]:
        for run in _runs(doc):
            lines = [self._line(doc, number) for number in run]
            yield from self._boxes(doc, lines)

    def _boxes(self, doc: Document, lines: list[_Line]) -> Iterator[Finding]:
        """Each box among the lines: an opener, then the lines of names it holds."""
        i = 0
        while i < len(lines):
            first, last, sure = self._box_at(lines, i)
            if last < 0:
                i += 1
                continue
            yield _finding(doc, lines[first].number, lines[last].number + 1, sure)
            i = last + 1

    def _box_at(self, lines: list[_Line], i: int) -> tuple[int, int, bool]:
        """The box that opens at line ``i`` (first, last, safe), or last -1: an opener over
        the names, or names closed by the plea (a theme that prints its plea under its QR
        codes: "扫描二维码，打赏一下作者吧~")."""
        if lines[i].kind in (_PLEA, _BUTTON):
            last, names = _box_end(lines, i)
            return i, (last if names >= self.min_methods else -1), self._sure(lines, i)
        if lines[i].kind == _METHODS and (i == 0 or lines[i - 1].kind != _METHODS):
            plea, names = _closing_plea(lines, i)
            return i, (plea if names >= self.min_methods else -1), True
        return i, -1, False

    @staticmethod
    def _sure(lines: list[_Line], first: int) -> bool:
        """Safe when the box opens on the theme's plea (a button may follow it)."""
        return lines[first].kind == _PLEA

    def _line(self, doc: Document, number: int) -> _Line:
        raw = doc.line_text(number).strip()
        if not raw:
            return _Line(number, _BLANK)
        if len(raw) > _MAX_LINE_CHARS * 4:
            return _Line(number, _OTHER)
        text = line_reading(named_images(raw, self._image_name))[0]
        line = self._reading(number, _MARKERS.sub("", text), "![" in raw)
        if line.kind == _BUTTON and raw.startswith("#"):
            # A heading "Donate" / "赞助" is a README's own section over its QR codes: the
            # theme's button is a line of its own, its plea alone may be a heading (Icarus).
            return _Line(number, _OTHER)
        return line

    def _reading(self, number: int, text: str, has_image: bool) -> _Line:
        if len(text) > _MAX_LINE_CHARS:
            return _Line(number, _OTHER)
        if not _WORD.search(text):
            # Images without a name (QR codes) or a dialog's close mark ("×") stand between
            # the names; a line of neither is not read as blank.
            return _Line(number, _IMAGES if has_image or text else _BLANK)
        if self._pleas.fullmatch(text):
            return _Line(number, _PLEA)
        if self._buttons.fullmatch(text):
            return _Line(number, _BUTTON)
        if self._methods_only.fullmatch(text):
            return _Line(number, _METHODS, len(self._method.findall(text)))
        return _Line(number, _OTHER)

    def _image_name(self, alt: str, source: str) -> str:
        """An image as the payment it stands for: its alt text when that names one, else the
        service its file is named for, else nothing (a QR code without a name)."""
        alt = alt.strip()
        if alt and self._methods_only.fullmatch(alt):
            return f" {alt} "
        named = _NAMED_FILE.search(source)
        if named is None:
            return " "
        name = named.group(1).lower()
        return f" {_FILE_NAMES.get(name, name)} "


def _whole(pattern: str | None) -> re.Pattern[str]:
    """A line that is nothing but one phrase, its punctuation and emoji around it aside."""
    return re.compile(rf"[\W_]*(?:{pattern or '(?!)'})[\W_]*", re.IGNORECASE)


def _box_end(lines: list[_Line], first: int) -> tuple[int, int]:
    """The last line of the box that opens at ``first`` and the payments it names."""
    last, names, i = first, 0, first + 1
    while i < len(lines) and lines[i].kind in (_BUTTON, _METHODS, _IMAGES, _BLANK):
        if lines[i].kind == _BUTTON and lines[first].kind == _BUTTON:
            break  # two buttons in a row: a menu, not a box
        if lines[i].kind == _METHODS:
            last = i  # (an unnamed image after the last name may be the article's)
        names += lines[i].methods
        i += 1
    return last, names


def _closing_plea(lines: list[_Line], first: int) -> tuple[int, int]:
    """The plea right under the names that start at ``first`` (-1 when none) and the
    payments they name."""
    names, i = 0, first
    while i < len(lines) and lines[i].kind in (_METHODS, _IMAGES, _BLANK):
        names += lines[i].methods
        i += 1
    return (i if i < len(lines) and lines[i].kind == _PLEA else -1), names


def _runs(doc: Document) -> Iterator[list[int]]:
    """The line numbers of each run of consecutive top-level paragraphs, headings and lists
    of one-line items (a theme's buttons as a list: "* [支付宝打赏](#alipay)")."""
    run: list[int] = []
    for node in doc.root.children:
        if node.kind in ("paragraph", "heading") or _button_list(node):
            if run and run[-1] + 1 < node.start_line:
                run.extend(range(run[-1] + 1, node.start_line))  # the blank lines between
            run.extend(range(node.start_line, _end(doc, node)))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _button_list(node: Node) -> bool:
    """A bullet list whose every item is one line of one paragraph."""
    return node.kind == "bullet_list" and all(
        len(item.children) == 1
        and item.children[0].kind == "paragraph"
        and item.children[0].start_line == item.start_line
        and item.children[0].end_line == item.start_line + 1
        for item in node.children
    )


def _end(doc: Document, node: Node) -> int:
    """The line after the node's last line of text (a list: its last item's)."""
    if node.kind == "bullet_list":
        return node.children[-1].children[0].end_line
    return doc.content_end_line(node) if node.kind == "paragraph" else node.end_line


def _finding(doc: Document, first: int, end: int, sure: bool) -> Finding:
    """Lines ``first`` to ``end`` (excluded), with their seam."""
    edit = remove_lines(doc, first, end)
    return Finding(
        doc.line_offset(first), doc.line_end(end - 1), edits=(edit,), applicability=safe_if(sure)
    )
