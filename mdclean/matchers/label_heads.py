"""One reading of a text's heads for every phrase rule: which labels' openings stand at each.

Every phrase rule's trigger (``label_triggers.LabelTrigger``) asks at which heads of the text
(the places a block's text may start) one of its openings stands. Asked rule by rule, each of
~50 rules walked all the heads again with its own openings. Here the one-word openings and
the first words of the other openings of every trigger asked so far are one table of their
prefixes: a head is read once, character by character while what it spells is still the
prefix of some opening, and each opening it spells gives the head to the triggers that own it.
The answer is the one each trigger's own walk gave (``tests/test_label_triggers.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..fastpath.raw_text import RawText


class Opener(Protocol):
    """What the index reads of a label trigger."""

    @property
    def plain_by_key(self) -> Mapping[str, Sequence[str]]: ...

    @property
    def by_key(self) -> Mapping[str, Sequence[str]]: ...

    def _opens_at(self, text: str, key: str, at: int) -> bool: ...


@dataclass
class _Prefix:
    """A prefix of some opening: the triggers whose one-word opening it is (``plain``), and
    those for which it is the first word of a longer opening (``first``)."""

    plain: list[int] = field(default_factory=list)
    first: list[int] = field(default_factory=list)


_MOST_TRIGGERS = 1024  # (rule packs made on the fly, in tests or a server: start afresh)


class OpeningIndex:
    """The openings of the triggers registered so far, by every prefix of each."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        self.triggers: list[Opener] = []
        self._slots: dict[int, int] = {}  # id(trigger) -> its place in ``triggers``
        self._prefixes: dict[str, _Prefix] = {}
        self._reading = object()  # the key of this index's readings on a ``RawText``

    def slot_of(self, trigger: Opener) -> int:
        """The trigger's place in the index; its openings are added on its first question."""
        slot = self._slots.get(id(trigger))
        if slot is not None and self.triggers[slot] is trigger:
            return slot
        if len(self.triggers) >= _MOST_TRIGGERS:
            self._start()
        slot = self._slots[id(trigger)] = len(self.triggers)
        self.triggers.append(trigger)
        for openings in trigger.plain_by_key.values():
            for opening in openings:
                self._entry(opening).plain.append(slot)
        for words in trigger.by_key.values():
            for word in words:
                self._entry(word).first.append(slot)
        return slot

    def _entry(self, opening: str) -> _Prefix:
        for end in range(1, len(opening)):
            self._prefixes.setdefault(opening[:end], _Prefix())
        return self._prefixes.setdefault(opening, _Prefix())

    def head_hits(self, text: str, heads: Mapping[str, list[int]]) -> HeadHits:
        """The reading of ``text`` for the triggers registered when it was first read (kept
        on a ``RawText``: one walk of the heads for all triggers)."""
        if not isinstance(text, RawText):
            return self._read(text, heads)
        hits: HeadHits | None = text.readings.get(self._reading)
        if hits is None:
            hits = text.readings[self._reading] = self._read(text, heads)
        return hits

    def _read(self, text: str, heads: Mapping[str, list[int]]) -> HeadHits:
        plain: dict[int, list[int]] = {}
        first: dict[int, list[int]] = {}
        prefixes = self._prefixes
        for key, ats in heads.items():
            # Every head of a key spells its first two characters: what they open is read
            # once for all those heads, and only a head whose key is itself a prefix is
            # read further. (The order of a trigger's heads is no part of its answer.)
            one = prefixes.get(key[:1])
            if one is not None:
                _take(one, ats, plain, first, key[1:2] == " ")
            entry = prefixes.get(key) if len(key) > 1 and one is not None else None
            if entry is None:
                continue
            _take(entry, ats, plain, first, True)
            for at in ats:
                self._read_on(text, at, plain, first)
        return HeadHits(text, len(self.triggers), plain, first)

    def _read_on(
        self, text: str, at: int, plain: dict[int, list[int]], first: dict[int, list[int]]
    ) -> None:
        """The openings of three characters or more that the head at ``at`` spells."""
        prefixes = self._prefixes
        end = at + 3
        entry = prefixes.get(text[at:end])
        while entry is not None and end <= len(text):
            for slot in entry.plain:
                plain.setdefault(slot, []).append(at)
            for slot in entry.first:
                first.setdefault(slot, []).append(at)
            end += 1
            entry = prefixes.get(text[at:end])


def _take(
    entry: _Prefix,
    ats: Sequence[int],
    plain: dict[int, list[int]],
    first: dict[int, list[int]],
    word_ends: bool,
) -> None:
    """Gives the heads that spell ``entry``'s prefix to the triggers that own it; to those for
    which it is a first word only when ``word_ends`` (a first word of one character stands
    under the key of it and a space)."""
    for slot in entry.plain:
        plain.setdefault(slot, []).extend(ats)
    if word_ends:
        for slot in entry.first:
            first.setdefault(slot, []).extend(ats)


@dataclass(frozen=True)
class HeadHits:
    """The index's reading of one text: per trigger slot below ``covered``, the heads where
    one of its one-word openings stands (``plain``), and those where one of its first words
    does (``first``: the rest of the opening is read only when the trigger asks)."""

    text: str
    covered: int
    plain: Mapping[int, list[int]]
    first: Mapping[int, list[int]]

    def of(self, slot: int, trigger: Opener) -> list[int] | None:
        """The heads where one of the trigger's openings stands, as its own walk finds them
        (``LabelTrigger._keyed_hits``); None when it was registered after the text was read
        (then it walks the heads itself, on that one text)."""
        if slot >= self.covered:
            return None
        found = list(dict.fromkeys(self.plain.get(slot, ())))
        if slot in self.first:
            text = self.text
            taken = set(found)
            found += [
                at
                for at in dict.fromkeys(self.first[slot])
                if at not in taken and trigger._opens_at(text, text[at : at + 2], at)
            ]
        return found


INDEX = OpeningIndex()
"""The one index of a process: every label trigger asked registers in it."""
