"""Which built-in rules a text can reach, asked before their matchers are built.

Building a matcher compiles its patterns (64 matchers: about 0.06 s, plus importing their
modules), and the fast path asks every rule's trigger, so one small file used to pay for all
of them. A rule's *gate* is the part of its trigger that is plain substrings (``Literals``,
``AtLeast``, under ``AllOf``/``AnyOf``/``InHead``), read off the built trigger once and kept in
the user's cache. A text that fails a rule's gate fails its trigger, so the rule finds nothing
there and its matcher need not exist: the prefilter is shown only the other rules. Once a
rule's matcher is built its trigger is asked as before and its gate no more.

A gate is looked for in the whole lower-cased text: every text a trigger is asked about (the
body after the front matter, the head of the body) is a part of it, so a substring missing
from the whole is missing from them. Anything else a trigger holds (a regex, a hand-written
check, links read from the text) counts as "maybe".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .catalogue import Rule, builtin_rules, builtin_rules_dir
from .fastpath.triggers import AllOf, AnyOf, AtLeast, InHead, Literals, Trigger
from .usercache import marshalled

Gate = tuple[str, tuple[Any, ...]] | None
"""None: no gate (the rule may fire on any text); ``("any", literals)``: one of them stands in
the text; ``("all", gates)`` / ``("or", gates)``: every one / one of the gates holds."""

_FORMAT = 1
"""Changes when what a gate is, or how it is read off a trigger, changes."""


def gate_of(trigger: Trigger) -> Gate:
    """The substrings a text must hold for ``trigger`` to hold there (None: none known)."""
    read = _READERS.get(type(trigger))  # exactly these classes: a subclass may hold otherwise
    return None if read is None else read(trigger)


def _of_literals(trigger: Literals) -> Gate:
    return ("any", tuple(trigger.literals)) if trigger.literals else None


def _of_at_least(trigger: AtLeast) -> Gate:
    return ("any", (trigger.literal,)) if trigger.count > 0 else None


def _of_in_head(trigger: InHead) -> Gate:
    return gate_of(trigger.inner)  # the head is a part of the text


def _of_all_of(trigger: AllOf) -> Gate:
    every = tuple(gate for gate in map(gate_of, trigger.parts) if gate is not None)
    if len(every) < 2:
        return every[0] if every else None
    return ("all", every)


def _of_any_of(trigger: AnyOf) -> Gate:
    some = tuple(map(gate_of, trigger.parts))
    return None if not some or None in some else ("or", some)


_READERS: dict[type[Trigger], Callable[[Any], Gate]] = {
    Literals: _of_literals,
    AtLeast: _of_at_least,
    InHead: _of_in_head,
    AllOf: _of_all_of,
    AnyOf: _of_any_of,
}


def passes(gate: Gate, lowered_text: str) -> bool:
    """Whether the lower-cased text holds what the gate asks (False: the rule cannot fire)."""
    if gate is None:
        return True
    kind, items = gate
    if kind == "any":
        return any(literal in lowered_text for literal in items)
    if kind == "all":
        return all(passes(part, lowered_text) for part in items)
    return any(passes(part, lowered_text) for part in items)


class RuleGates:
    """The gates of the built-in rules (by rule identity: a rule remade, such as the site
    template rule bound to a site, is not gated), and the rule sets left after them."""

    def __init__(self, rules: Sequence[Rule], gates: dict[str, Gate]) -> None:
        self.rules = tuple(rules)  # kept: the identities below stay theirs
        self.gate = {id(rule): gates.get(rule.code) for rule in self.rules}
        self.narrowed: dict[tuple[int, tuple[int, ...]], tuple[Sequence[Rule], tuple[Rule, ...]]]
        self.narrowed = {}

    def in_reach(self, rules: Sequence[Rule], text: str) -> Sequence[Rule]:
        lowered: str | None = None
        left_out: list[int] = []
        for i, rule in enumerate(rules):
            gate = self.gate.get(id(rule))
            if gate is None or rule.matcher_built:
                continue
            if lowered is None:
                lowered = text.lower()
            if not passes(gate, lowered):
                left_out.append(i)
        if not left_out:
            return rules
        return self._without(rules, tuple(left_out))

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


def in_reach(rules: Sequence[Rule], text: str) -> Sequence[Rule]:
    """``rules`` without the built-in rules whose matcher is not built yet and whose gate the
    text fails (they provably find nothing in it); ``rules`` itself when none is left out."""
    if not _BUILTIN:
        builtin = builtin_rules()
        _BUILTIN.append(RuleGates(builtin, _builtin_gates(builtin)))
    return _BUILTIN[0].in_reach(rules, text)


def _builtin_gates(rules: Sequence[Rule]) -> dict[str, Gate]:
    """Every built-in rule's gate, read off its built trigger once and then kept in the user's
    cache, named by the stamps (path, size, time) of the code and data they come from."""
    stamp = _stamp([Path(__file__).parent, builtin_rules_dir()])
    gates: dict[str, Gate] = marshalled(f"gates-{stamp}.marshal", lambda: gates_of(rules))
    return gates


def gates_of(rules: Sequence[Rule]) -> dict[str, Gate]:
    """Each rule's gate, by code (building every matcher)."""
    return {rule.code: gate_of(rule.matcher.trigger()) for rule in rules}


def _stamp(folders: list[Path]) -> str:
    import hashlib
    import sys

    digest = hashlib.blake2b(f"{_FORMAT} {sys.version_info[:2]}\n".encode(), digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".yaml", ".txt") and "__pycache__" not in path.parts:
                info = path.stat()
                digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()
