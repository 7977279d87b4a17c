"""``signup-form``: a sign-up form kept in the page's middle as its e-mail field and button.

A converter keeps a newsletter box's form as short blocks: the field's placeholder ("your
e-mail", "Type your email…") and, right before or after it, the button ("Subscribe",
"Đăng ký"). The two together, each a block of its own, are the form: a sentence about e-mail
is not a field, and a field with no button beside it is not read. The form's messages after
it go along ("Please enter a valid email address"), and so do its title and pitch above it:
up to ``max_lead`` short blocks, each a heading or a short line with no sentence's end and no
link ("### subscribe", "Learn more about staking from a few letters", "#### to our
newsletter"). Only blocks of the page's top level are read: a manual that walks through a
form does it in a list or with sentences around.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger
from ..models import Finding
from ..removal import remove_blocks
from .base import ParamError
from .label_shapes import Shape
from .linkblocks import skeleton
from .phrase_lists import fold_width, phrase_pattern
from .phrases import PhraseMatcher

_FORM_KINDS = ("paragraph", "heading")
_SENTENCE_END = re.compile(r"[.!?。！？:：]\W*$")
# An attribute list a converter left on a form's element ("Subscribe {#subscribe-submit}").
_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}")
_FIELD_WORDS = 6
_HEADING_WORDS = 8


class SignupFormMatcher(PhraseMatcher):
    name = "signup-form"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "buttons": list,
            "messages": list,
            "max_lead": int,
            "max_lead_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        buttons = phrase_pattern(params, "buttons", "button_labels")
        if buttons is None:
            raise ParamError("params.buttons: name the lists of the form's button")
        self._buttons = buttons
        self._messages = phrase_pattern(params, "messages", "message_labels")
        self.max_lead = int(params.get("max_lead", 3))
        self.max_lead_words = int(params.get("max_lead_words", 12))

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        return None

    def trigger(self) -> Trigger:
        """A field's phrase opens a line outside fences (every form holds its field)."""
        return self.labels_open(None)

    @cached_property
    def _field(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self.labels})[\W_]*", re.IGNORECASE)

    @cached_property
    def _button(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self._buttons})[\W_]*", re.IGNORECASE)

    @cached_property
    def _message(self) -> re.Pattern[str] | None:
        if self._messages is None:
            return None
        return re.compile(rf"[\W_]*(?:{self._messages})[\W_]*", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _ in self.blocks_to_probe(doc, "paragraph"):
            if node.parent is not doc.root or not _whole(doc, node, self._field, _FIELD_WORDS):
                continue
            form = self._form(doc, node)
            if form is not None:
                first, last = form
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, first, last),))

    def _form(self, doc: Document, field: Node) -> tuple[Node, Node] | None:
        """The form's first and last blocks around its field, when a button stands beside it."""
        before, after = field.previous_sibling, field.next_sibling
        if after is not None and self._is_button(doc, after):
            first, last = field, after
        elif before is not None and self._is_button(doc, before):
            first, last = before, field
        else:
            return None
        return self._lead(doc, first), self._messages_after(doc, last)

    def _is_button(self, doc: Document, node: Node) -> bool:
        return node.kind in _FORM_KINDS and _whole(doc, node, self._button, 4)

    def _messages_after(self, doc: Document, last: Node) -> Node:
        """The form's last block, past the messages it prints under its button."""
        pattern = self._message
        following = last.next_sibling
        while (
            pattern is not None
            and following is not None
            and following.kind == "paragraph"
            and _whole(doc, following, pattern, 12)
        ):
            last, following = following, following.next_sibling
        return last

    def _lead(self, doc: Document, first: Node) -> Node:
        """The form's first block, past its title and pitch above it (short blocks)."""
        for _ in range(self.max_lead):
            previous = first.previous_sibling
            if previous is None or not self._is_lead(doc, previous):
                break
            first = previous
        return first

    def _is_lead(self, doc: Document, node: Node) -> bool:
        """A heading of a few words, or a short paragraph with no link and no sentence's end."""
        skel = skeleton(doc, node) if node.kind in _FORM_KINDS else None
        if skel is None or skel.links or skel.images or not skel.visible:
            return False
        if node.kind == "heading":
            return skel.words() <= _HEADING_WORDS
        return skel.words() <= self.max_lead_words and not _SENTENCE_END.search(skel.visible)


def _whole(doc: Document, node: Node, pattern: re.Pattern[str], max_words: int) -> bool:
    """Whether the block's visible text, attribute lists aside, is one phrase of the pattern."""
    skel = skeleton(doc, node)
    if skel is None or skel.images or skel.words() > max_words:
        return False
    text = _ATTRIBUTES.sub("", fold_width(" ".join(skel.visible.split())))
    return bool(text) and pattern.fullmatch(text) is not None
