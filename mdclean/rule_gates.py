"""Which built-in rules a text can reach, asked before their matchers are built.

Building a matcher compiles its patterns (78 matchers: about 0.15 s, plus importing their
modules), and the fast path asks every rule's trigger, so one small file used to pay for all
of them. A rule's *gate* is the part of its trigger that can be kept as plain data: its
substrings (``Literals``, ``AtLeast``, the literals every match of a ``Search`` or
``Repeated`` regex holds, under ``AllOf``/``AnyOf``/``InHead``/``InTail``/``OutsideFences``)
and the labels a phrase rule looks for at line heads (``LabelOpensLine``, without the block
shape it also asks for). Gates are read off the built triggers once and kept
in the user's cache. A text that fails a rule's gate fails its trigger, so the rule finds
nothing there and its matcher need not exist: the prefilter is shown only the other rules.
Once a rule's matcher is built its trigger is asked as before and its gate no more.

A substring gate is looked for in the whole lower-cased text: every text a trigger is asked
about (the body after the front matter, its head or tail, the body without its fenced code)
is a part of it, or holds nothing the whole does not (fences blank code into line breaks, so
only literals without one are kept there). A label gate is asked of the very text its trigger
reads (the body, or the whole text for a front matter rule; fences blanked where the trigger
blanks them), by the same ``LabelTrigger``, loaded from its data. Anything else a trigger holds
(a regex, a hand-written check, links read from the text) counts as "maybe".
"""

from __future__ import annotations

import marshal
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalogue import Rule, builtin_rules, builtin_rules_dir
from .fastpath.body import Body, read_body
from .fastpath.fences import OutsideFences, outside_fences
from .fastpath.raw_text import RawText, searchable
from .fastpath.tail import InTail
from .fastpath.triggers import (
    AllOf,
    Among,
    AnyOf,
    AtLeast,
    InHead,
    Literals,
    Repeated,
    Search,
    Trigger,
)
from .usercache import LOADED_AT_NS, marshalled

if TYPE_CHECKING:
    from .matchers.label_triggers import LabelTrigger

Gate = tuple[str, tuple[Any, ...]] | None
"""None: no gate (the rule may fire on any text); ``("any", literals)``: one of them stands in
the whole lower-cased text; ``("all", gates)`` / ``("or", gates)``: every one / one of the
gates holds; ``("label", (index, blocks, reading, fenced))``: the label trigger ``index`` of
the gates' table finds labels opening lines (in ``blocks`` places) of the text the rule reads,
read as ``reading`` names it (``READINGS``), its fenced code blanked when ``fenced``."""

_FORMAT = 6
"""Changes when what a gate is, or how it is read off a trigger, changes."""


def _label_readings() -> dict[str, Callable[[str], str]]:
    """The readings a label trigger may match its labels against, by the name a gate keeps."""
    from .matchers.label_triggers import phrase_text

    return {"phrase_text": phrase_text, "searchable": searchable}


class _GateReader:
    """Reads the gate off a trigger; the label triggers it meets go to ``labels`` (the gates'
    table, one entry per trigger object: rules with the same phrases share one)."""

    def __init__(self, labels: list[LabelTrigger]) -> None:
        self.labels = labels

    def gate(self, trigger: Trigger, *, whole: bool = True, fenced: bool = False) -> Gate:
        """``whole``: the trigger reads the rule's text itself (not its head or tail), so a
        label gate may stand for it; ``fenced``: its fenced code is blanked."""
        kind = type(trigger)  # exactly these classes: a subclass may hold otherwise
        if kind in (InHead, InTail):  # the head or the tail is a part of the text
            return self.gate(trigger.inner, whole=False, fenced=fenced)  # type: ignore[attr-defined]
        if kind is OutsideFences:
            return self.gate(trigger.inner, whole=whole, fenced=True)  # type: ignore[attr-defined]
        if kind in (AllOf, AnyOf):
            parts = [self.gate(p, whole=whole, fenced=fenced) for p in trigger.parts]  # type: ignore[attr-defined]
            return _all_of(parts) if kind is AllOf else _any_of(parts)
        return self._leaf(trigger, whole=whole, fenced=fenced)

    def _leaf(self, trigger: Trigger, *, whole: bool, fenced: bool) -> Gate:
        """The gate of a condition that holds no other."""
        kind = type(trigger)
        if kind is Literals:
            return self._literals(trigger.literals, fenced)  # type: ignore[attr-defined]
        if kind in (AtLeast, Repeated) and trigger.count < 1:  # type: ignore[attr-defined]
            return None  # (holds on any text)
        if kind is AtLeast:
            return self._literals((trigger.literal,), fenced)  # type: ignore[attr-defined]
        if kind in (Search, Repeated):  # matched at least once: what every match holds
            return self._search(trigger.pattern, fenced)  # type: ignore[attr-defined]
        if kind is Among:
            return _among(trigger, fenced)  # type: ignore[arg-type]
        if kind.__name__ == "ExternalLinks":  # (read late: the link readings' module is large)
            return _external_links(trigger)
        return self._label(trigger, fenced) if whole else None

    @staticmethod
    def _literals(found: tuple[str, ...], fenced: bool, kind: str = "any") -> Gate:
        # Blanked code leaves line breaks side by side: a literal holding one may stand there.
        if not found or (fenced and any("\n" in literal for literal in found)):
            return None
        return (kind, tuple(found))

    def _search(self, pattern: re.Pattern[str], fenced: bool) -> Gate:
        """One of the strings every match of ``pattern`` holds, in the text as a
        case-insensitive regex sees it (``required_literals``)."""
        from .fastpath.regex_literals import required_literals

        found = required_literals([pattern])
        return None if found is None else self._literals(found, fenced, "folded")

    def _label(self, trigger: Trigger, fenced: bool) -> Gate:
        from .matchers.label_shapes import LabelOpensLine

        if type(trigger) is not LabelOpensLine:
            return None
        label: LabelOpensLine = trigger
        reading = next((n for n, r in _label_readings().items() if r is label.reading), None)
        if reading is None:
            return None
        index = next((i for i, t in enumerate(self.labels) if t is label.labels), None)
        if index is None:
            index = len(self.labels)
            self.labels.append(label.labels)
        return ("label", (index, label.blocks, reading, fenced))


# Readings of the link targets written in a text (``written_targets``), some decoded: each
# target stands after "](", "]:" or in a tag; a decoded one may spell a literal with "&" or "\\".
_LINK_TARGET_READINGS = (
    ("mdclean.matchers.written_targets", "targets_and_decoded"),
    ("mdclean.matchers.author_box", "_link_targets"),
)
_LINK_SYNTAX: Gate = ("any", ("](", "]:", "<"))
_SPELT_TARGET: Gate = ("spelt", ())
"""A link target the text writes holds an entity's ``&`` or an escape's ``\\``: the reading
decodes only such targets, so only they may hold a literal the text does not (``&#47;``).
The text's ``&`` and ``\\`` elsewhere (prose, code, LaTeX) say nothing."""


def _among(trigger: Among, fenced: bool) -> Gate:
    """A link target the text writes holds one of the literals (when given)."""
    reading = (trigger.reading.__module__, trigger.reading.__name__)
    if reading not in _LINK_TARGET_READINGS or (
        fenced and any("\n" in literal for literal in trigger.literals)
    ):
        return None
    if not trigger.literals:
        return _LINK_SYNTAX
    spelt: Gate = ("or", (("folded", tuple(trigger.literals)), _SPELT_TARGET))
    return ("all", (_LINK_SYNTAX, spelt))


def _external_links(trigger: Trigger) -> Gate:
    """An external link needs "//", unless one is disguised (entities, escaped slashes): then
    the reading says "maybe" (``linkblocks.external_page_counts``)."""
    from .matchers.link_triggers import ExternalLinks

    if type(trigger) is not ExternalLinks or trigger.at_least < 1:
        return None
    return ("any", ("//", "&", "\\/"))


def _all_of(parts: list[Gate]) -> Gate:
    """Every part's gate holds (a part with none may hold anywhere: it is left out)."""
    every = tuple(sorted((g for g in parts if g is not None), key=_label_last))
    return None if not every else every[0] if len(every) == 1 else ("all", every)


def _any_of(parts: list[Gate]) -> Gate:
    """One part's gate holds (a part with none may hold anywhere: so may the whole)."""
    return None if not parts or None in parts else ("or", tuple(parts))


def _label_last(gate: Gate) -> bool:
    """Label gates are asked after the substrings (they cost more)."""
    return gate is not None and gate[0] == "label"


def gate_of(trigger: Trigger, labels: list[LabelTrigger] | None = None) -> Gate:
    """The substrings a text must hold, and the labels that must open its lines, for
    ``trigger`` to hold there (None: nothing known); label triggers go to ``labels``."""
    return _GateReader([] if labels is None else labels).gate(trigger)


def passes(
    gate: Gate, lowered_text: str, label_holds: Callable[[tuple[Any, ...]], bool] | None = None
) -> bool:
    """Whether the lower-cased text holds what the gate asks (False: the rule cannot fire);
    ``label_holds`` answers a label gate (without it: "maybe")."""
    if gate is None:
        return True
    kind, items = gate
    if kind in _LEAF_KINDS:
        return _leaf_passes(kind, items, lowered_text, label_holds)
    every_part = kind == "all"
    return (all if every_part else any)(passes(p, lowered_text, label_holds) for p in items)


_LEAF_KINDS = frozenset({"any", "folded", "label", "spelt"})


def _leaf_passes(
    kind: str,
    items: tuple[Any, ...],
    lowered_text: str,
    label_holds: Callable[[tuple[Any, ...]], bool] | None,
) -> bool:
    """``passes`` of a gate that holds no other gate."""
    if kind == "any":
        return any(literal in lowered_text for literal in items)
    if kind == "folded":
        text = searchable(lowered_text)
        return any(literal in text for literal in items)
    if kind == "label":
        return label_holds is None or label_holds(items)
    return _spelt_target(lowered_text)  # "spelt"


def _spelt_target(lowered_text: str) -> bool:
    """Whether a link target written in the text holds ``&`` or ``\\`` (``_SPELT_TARGET``)."""
    from .matchers.written_targets import written_targets  # (read late, as the rules read it)

    return any("&" in t or "\\" in t for t in written_targets(searchable(lowered_text)))


class _Labels:
    """The label gates, from the table's data: each label trigger's handles (the two-character
    keys its openings start with, its words...), asked first; then, at a head with one of its
    keys, the words its openings of that key start with (a space after a first word); then,
    where they stand, the trigger itself, made on first use from its state (openings and
    states are kept marshalled apart: loading those of every label trigger would cost a
    one-file run more than the gates save)."""

    def __init__(self, labels: Sequence[Any]) -> None:
        self.handles = [entry[0] for entry in labels]
        self.states = [entry[1] for entry in labels]
        self.openings = [entry[2] for entry in labels]
        self.openings_loaded: dict[int, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        self.made: dict[tuple[Any, ...], Trigger] = {}
        self.label_triggers: dict[int, LabelTrigger] = {}

    def asker(self, text: str) -> Callable[[tuple[Any, ...]], bool]:
        """What answers a label gate about ``text`` (the text its rule reads)."""
        return lambda gate: self.holds(gate, text)

    def holds(self, gate: tuple[Any, ...], text: str) -> bool:
        index, _, reading, fenced = gate
        raw = text if isinstance(text, RawText) else RawText(text)
        read: str = outside_fences(raw) if fenced else raw  # (as ``OutsideFences`` reads it)
        read = read if isinstance(read, RawText) else RawText(read)
        if not self._may_open(index, _label_readings()[reading](read)):
            return False
        return self.trigger(gate).holds(text)

    def _may_open(self, index: int, seen: str) -> bool:
        """Whether the label trigger ``index`` may find hits in ``seen`` (the text as it reads
        it): ``LabelTrigger.hits`` finds none, or says "maybe" (None), only as read here."""
        from .matchers.label_triggers import _heads

        keys, short_keys, _, digit_start, *_ = handles = self.handles[index]
        if _may_open_anywhere(handles, seen):
            return True
        heads = _heads(seen)
        if any(head[:1] in short_keys or (digit_start and head[:1].isdigit()) for head in heads):
            return True
        keyed = heads.keys() & set(keys)
        return bool(keyed) and self._opening_at(index, seen, keyed, heads)

    def _opening_at(
        self, index: int, seen: str, keyed: set[str], heads: dict[str, list[int]]
    ) -> bool:
        """Whether a head with one of the ``keyed`` keys starts with one of the trigger's
        openings of that key, or the first word of one (``LabelTrigger._keyed_hits``)."""
        from .matchers.label_triggers import _SPACE_RUN

        openings = self.openings_loaded.get(index)
        if openings is None:
            openings = self.openings_loaded[index] = marshal.loads(self.openings[index])
        for key in keyed:
            enough, spaced = openings[key]
            for at in heads[key]:
                if seen.startswith(enough, at) or any(
                    seen.startswith(word, at) and _SPACE_RUN.match(seen, at + len(word))
                    for word in spaced
                ):
                    return True
        return False

    def trigger(self, gate: tuple[Any, ...]) -> Trigger:
        made = self.made.get(gate)
        if made is None:
            from .matchers.label_shapes import LabelOpensLine
            from .matchers.label_triggers import LabelTrigger

            index, blocks, reading, fenced = gate
            labels = self.label_triggers.get(index)
            if labels is None:  # one per label trigger: gates of the same labels share readings
                labels = LabelTrigger.from_state(list(marshal.loads(self.states[index])))
                self.label_triggers[index] = labels
            made = LabelOpensLine(labels, None, _label_readings()[reading], blocks)
            made = self.made[gate] = OutsideFences(made) if fenced else made
        return made


def _may_open_anywhere(handles: tuple[Any, ...], seen: str) -> bool:
    """Whether an opening the trigger looks for outside the line heads, or one of its words,
    may stand in ``seen``; or a link target across lines hides the heads."""
    from .matchers.label_triggers import _target_across_lines

    _, _, words, _, elsewhere_any, elsewhere_non_ascii, marks = handles
    if marks:  # (every such opening starts with a mark a page writes as is: "@NAME folgen")
        if any(mark in seen for mark in marks):
            return True
    elif elsewhere_any or (elsewhere_non_ascii and not seen.isascii()):
        return True
    return _target_across_lines(seen) or any(word in seen for word in words)


def _handles(trigger: LabelTrigger) -> tuple[Any, ...]:
    """What a label trigger's hits need, as plain data (``_may_open``)."""
    elsewhere = bool(trigger._elsewhere)
    # The marks the openings outside the heads start with, when each is a character no case
    # folding changes ("@"): a text without one holds none of those openings.
    marks = {opening[:1] for opening in trigger._elsewhere}
    unfolded = all(not mark.isalnum() and mark.lower() == mark.upper() == mark for mark in marks)
    return (
        tuple(sorted(trigger.keys)),
        tuple(sorted(trigger.short_keys)),
        tuple(trigger.words),
        trigger.digit_start,
        elsewhere and not trigger.elsewhere_needs_non_ascii,
        elsewhere,
        tuple(sorted(marks)) if marks and unfolded else (),
    )


GATED_TEXTS = 64
"""Texts gated in one process: past them, a run is long enough that building every matcher
once costs less than asking the gates of the rules no text has reached yet on every text."""


class RuleGates:
    """The gates of the built-in rules (by rule identity: a rule remade, such as the site
    template rule bound to a site, is not gated), and the rule sets left after them."""

    def __init__(self, rules: Sequence[Rule], table: dict[str, Any]) -> None:
        """``table``: the gates, label triggers and front matter rules (``gate_table``)."""
        self.rules = tuple(rules)  # kept: the identities below stay theirs
        self.gate = {id(rule): table["gates"].get(rule.code) for rule in self.rules}
        front = set(table["front"])
        self.front = {id(rule) for rule in self.rules if rule.code in front}
        extending = set(table["extends"])
        self.extending = {id(rule) for rule in self.rules if rule.code in extending}
        self.labels = _Labels(table["labels"])
        self.narrowed: dict[tuple[int, tuple[int, ...]], tuple[Sequence[Rule], tuple[Rule, ...]]]
        self.narrowed = {}
        self.texts = 0

    def in_reach(
        self, rules: Sequence[Rule], text: str, body: Body | None = None
    ) -> Sequence[Rule]:
        """``body``: the text's body as the prefilter reads it (read here when not given)."""
        self.texts += 1
        if self.texts > GATED_TEXTS:
            return rules
        left_out: list[int] = []
        for i, rule in enumerate(rules):
            if rule.matcher_built:
                continue
            if id(rule) in self.extending:  # (``with_extending`` adds it back where it runs)
                left_out.append(i)
                continue
            gate = self.gate.get(id(rule))
            if gate is None:
                continue
            if body is None:
                body = read_body(text.lower())
            read = body.whole if id(rule) in self.front else body.text
            if not passes(gate, body.whole, self.labels.asker(read)):
                left_out.append(i)
        if not left_out:
            return rules
        return self._without(rules, tuple(left_out))

    def with_extending(
        self, rules: Sequence[Rule], reached: Sequence[Rule], candidates: tuple[Rule, ...]
    ) -> tuple[Rule, ...]:
        """``candidates`` (of the rules ``in_reach`` left), with the rules that extend the
        others' findings it left out where another rule reads the body: the prefilter runs
        such a rule exactly then, and never asks it (``Prefilter._chosen``)."""
        deferred = self._deferred(rules, reached)
        if not deferred or all(rule.matcher.reads_front_matter() for rule in candidates):
            return candidates
        chosen = {id(rule) for rule in (*candidates, *deferred)}
        return tuple(rule for rule in rules if id(rule) in chosen)

    def _deferred(self, rules: Sequence[Rule], reached: Sequence[Rule]) -> list[Rule]:
        """The rules that extend the others' findings that ``in_reach`` left out."""
        kept = {id(rule) for rule in reached}
        return [r for r in rules if id(r) in self.extending and id(r) not in kept]

    def _without(self, rules: Sequence[Rule], left_out: tuple[int, ...]) -> tuple[Rule, ...]:
        """The rules but those at ``left_out``: one tuple per set and choice, so the prefilter
        made for it is made once."""
        key = (id(rules), left_out)
        entry = self.narrowed.get(key)
        if entry is None or entry[0] is not rules:
            if len(self.narrowed) > 256:
                self.narrowed.clear()
            gone = set(left_out)
            entry = (rules, tuple(r for i, r in enumerate(rules) if i not in gone))
            self.narrowed[key] = entry
        return entry[1]


_BUILTIN: list[RuleGates] = []


def in_reach(rules: Sequence[Rule], text: str, body: Body | None = None) -> Sequence[Rule]:
    """``rules`` without the built-in rules whose matcher is not built yet and whose gate the
    text fails (they provably find nothing in it), or that extend the others' findings (they
    run where another rule does: ``with_extending``); ``rules`` itself when none is left out.
    ``body``: the text's body as the prefilter reads it, whose readings the gates share."""
    if not _BUILTIN:
        builtin = builtin_rules()
        _BUILTIN.append(builtin_gates(builtin))
    return _BUILTIN[0].in_reach(rules, text, body)


def with_extending(
    rules: Sequence[Rule], reached: Sequence[Rule], candidates: tuple[Rule, ...]
) -> tuple[Rule, ...]:
    """``RuleGates.with_extending`` of the built-in rules' gates (``in_reach``)."""
    if reached is rules or not _BUILTIN:
        return candidates
    return _BUILTIN[0].with_extending(rules, reached, candidates)


def builtin_gates(rules: Sequence[Rule]) -> RuleGates:
    """The built-in rules' gates, read off their built triggers once and then kept in the
    user's cache, named by the stamps (path, size, time) of the code and data they come from.

    The stamps name what is on disk, the table is built by the code this process loaded: a
    file changed since the process began loading mdclean (an edit during a run) would name a
    table of the old code by the new code's stamps, and a later run would trust its "no".
    Such a table serves this run and is not kept; nor is one whose stamps changed while it
    was built."""
    folders = [Path(__file__).parent, builtin_rules_dir()]
    stamp, newest = _stamp_and_newest(folders)
    if newest > LOADED_AT_NS:
        return RuleGates(rules, gate_table(rules))
    table: dict[str, Any] = marshalled(
        f"gates-{stamp}.marshal",
        lambda: gate_table(rules),
        still_named=lambda: _stamp_and_newest(folders)[0] == stamp,
    )
    return RuleGates(rules, table)


def gate_table(rules: Sequence[Rule]) -> dict[str, Any]:
    """Every rule's gate (building every matcher), the label triggers' data they name, and
    the rules that read the front matter (their label gates read the whole text), as plain data."""
    labels: list[LabelTrigger] = []
    gates = {rule.code: gate_of(rule.matcher.trigger(), labels) for rule in rules}
    front = [rule.code for rule in rules if rule.matcher.reads_front_matter()]
    extends = [rule.code for rule in rules if rule.matcher.extends_findings]
    table = [(_handles(t), marshal.dumps(t.state()), marshal.dumps(_openings(t))) for t in labels]
    return {"gates": gates, "labels": table, "front": front, "extends": extends}


def gates_of(rules: Sequence[Rule]) -> dict[str, Gate]:
    """Each rule's gate, by code (building every matcher)."""
    gates: dict[str, Gate] = gate_table(rules)["gates"]
    return gates


def _openings(trigger: LabelTrigger) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """By key, what a head with that key must start with for the trigger to find an opening
    there (``_keyed_hits``): one of its one-word openings, or the first word of a longer one;
    then, where every longer opening is spelt word by word, a space (``_Words.spelt_at``).
    So: the words enough to start with, and the first words a space must follow."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for key in trigger.keys:
        plain = trigger.plain_by_key.get(key, ())
        firsts = trigger.by_key.get(key, ())
        if key in trigger._regex_openings:  # its regex may match past any first word
            table[key] = (tuple(sorted({*plain, *firsts})), ())
        else:
            table[key] = (tuple(plain), tuple(firsts))
    return table


def _stamp_and_newest(folders: list[Path]) -> tuple[str, int]:
    """A digest of the files' stamps, and the newest file's time (ns)."""
    import hashlib
    import sys

    digest = hashlib.blake2b(f"{_FORMAT} {sys.version_info[:2]}\n".encode(), digest_size=16)
    newest = 0
    for folder in folders:
        for path, info in sorted(_source_files(str(folder))):
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
            newest = max(newest, info.st_mtime_ns)
    return digest.hexdigest(), newest


def _source_files(folder: str) -> list[tuple[str, os.stat_result]]:
    """The code and data files under ``folder``, with their stamps (``os.scandir``: a third
    of the cost of ``Path.rglob`` and a ``stat`` each)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found += _source_files(entry.path)
            elif entry.name.endswith((".py", ".yaml", ".txt")):
                found.append((entry.path, entry.stat()))
    return found
