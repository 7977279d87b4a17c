"""A trigger for labels a rule reads in the raw source (a box's or a heading's title).

``Search`` runs a phrase list's regex over the whole text: a long alternation in fifteen
languages is slow. Each phrase either holds ASCII literals that every match holds (read by
``fastpath.regex_literals``: looked for in the text as a case-insensitive regex sees it),
or is written in another script only (no ASCII letter, digit, class, escape or wildcard):
then every match holds one of its characters. The regex runs only on the few texts that
hold a literal or such a character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..fastpath.raw_text import searchable
from ..fastpath.regex_literals import required_choice, required_literals
from ..fastpath.triggers import Check, Search, Trigger
from .label_shapes import LabelOpensLine, label_shape
from .label_triggers import LabelTrigger, phrase_text

_ASCII_MATCHING = re.compile(r"[A-Za-z0-9.\\\[]")
"""What lets a phrase match ASCII text: an ASCII letter or digit, a wildcard, an escape, a class."""


def label_in_text(pattern: re.Pattern[str], phrases: Sequence[str]) -> Trigger:
    """``pattern`` (the alternation of ``phrases``) matches the lower-cased text
    (``folded=False``, as the rule's ``find`` reads a block's source); gated as above."""
    search = Search(pattern, folded=False)
    literals: list[str] = []
    script: set[str] = set()
    for phrase in phrases:
        found = _rarest_literals(phrase, pattern.flags)
        if found:
            literals.extend(found)
        elif _ASCII_MATCHING.search(phrase):
            return search  # a phrase that may match ASCII text without a literal: no gate
        else:
            script.update(c for c in phrase.lower() if not c.isascii())
    # A phrase of another script matches only where one of its own characters stands.
    in_script = re.compile(f"[{re.escape(''.join(sorted(script)))}]") if script else None

    def holds(lowered: str) -> bool:
        folded = searchable(lowered)
        if not any(literal in folded for literal in literals) and (
            in_script is None or not in_script.search(folded)
        ):
            return False
        return search.holds(lowered)

    # Hand-written: a label's literal or a character of its script; then the label's regex.
    return Check(holds, "a label's literal or a character of its script; then its regex")


def _plain_ascii(character: str) -> bool:
    return character.isascii() and (character.isalnum() or character == " ")


def _rarest_literals(phrase: str, flags: int) -> tuple[str, ...] | None:
    """Strings one of which every match of ``phrase`` holds: its required literals, or the
    branches of one of its groups when their shortest is longer (``über (?:den autor|die
    autorin)`` gives "den autor", "die autorin" rather than "ber ", which "number " holds)."""
    found = required_literals([re.compile(phrase, flags)])
    choice = required_choice(phrase, _plain_ascii)
    if choice and min(map(len, choice)) > max(map(len, found or ("",))):
        return tuple(dict.fromkeys(string.lower() for string in choice))
    return found


def label_fills_block(pattern: re.Pattern[str], phrases: Sequence[str]) -> Trigger:
    """A label that fills its block (a heading or a paragraph of its own, markup aside): the
    phrase rules' shared line-head reading (``LabelOpensLine``), or else ``label_in_text``."""
    labels = LabelTrigger.of(phrases)
    shape = label_shape(pattern.pattern, r"[\W_]*", whole=True)
    if labels is None or shape is None:
        return label_in_text(pattern, phrases)
    return LabelOpensLine(labels, shape, phrase_text)
