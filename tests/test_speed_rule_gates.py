"""The gates: what a text must hold for a built-in rule to be worth building (``rule_gates``),
and the matcher registry that imports a matcher's module only when a rule needs it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from mdclean import engine
from mdclean.catalogue import Rule, builtin_rules, builtin_rules_dir, load_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.fastpath.body import read_body
from mdclean.fastpath.raw_text import RawText
from mdclean.fastpath.triggers import (
    ALWAYS,
    AllOf,
    AnyOf,
    AtLeast,
    Check,
    InHead,
    Search,
    literals,
)
from mdclean.matchers import MATCHERS, matcher_class
from mdclean.models import Violation
from mdclean.prefilter import front_matter_end, prefilter_for
from mdclean.rule_gates import GATED_TEXTS, RuleGates, gate_of, gate_table, gates_of, passes


def test_a_gate_is_the_plain_substrings_of_a_trigger() -> None:
    assert gate_of(literals("share", "tweet")) == ("any", ("share", "tweet"))
    assert gate_of(AtLeast("](", 3)) == ("any", ("](",))
    assert gate_of(InHead(2, literals("posted"))) == ("any", ("posted",))
    both = AllOf((literals("<"), literals("<img", "<iframe")))
    assert gate_of(both) == ("all", (("any", ("<",)), ("any", ("<img", "<iframe"))))
    either = AnyOf((literals("!["), both))
    assert gate_of(either) == ("or", (("any", ("![",)), gate_of(both)))


def test_what_is_not_a_plain_substring_gives_no_gate() -> None:
    check = Check(lambda text: "x" in text, "a test")
    assert gate_of(ALWAYS) is None
    assert gate_of(check) is None
    assert gate_of(Search(re.compile("ab+c"))) is None
    assert gate_of(AnyOf((literals("a"), check))) is None  # one part may hold on any text
    assert gate_of(AllOf((check, literals("a")))) == ("any", ("a",))  # the part that is known


def test_passes_reads_the_gate_on_the_lower_cased_text() -> None:
    gate = gate_of(AnyOf((literals("!["), AllOf((literals("<"), literals("<img"))))))
    assert passes(gate, "an ![icon](i.png)")
    assert passes(gate, "<p><img src=x></p>")
    assert not passes(gate, "<p>no image</p>")
    assert not passes(gate, "plain words")
    assert passes(None, "")


def _views(rule_reads_front_matter: bool, lowered: str) -> RawText:
    start = 0 if rule_reads_front_matter else front_matter_end(lowered)
    return RawText(lowered[start:])


SHARDS = 6
"""The texts are cut in this many shares, one test each, so ``pytest -n`` spreads them."""


@pytest.fixture(scope="module")
def builtin_gates() -> RuleGates:
    rules = builtin_rules()
    return RuleGates(rules, gate_table(rules))


@pytest.mark.parametrize("shard", range(SHARDS))
def test_a_text_that_fails_a_gate_fails_the_rules_trigger(
    builtin_gates: RuleGates, shard: int
) -> None:
    """Over every example of every built-in rule, and those texts cut short: the gate says no
    only where the trigger does (a substring gate is looked for in the whole text, the
    trigger in the part it reads; a label gate reads what the trigger reads)."""
    rules = builtin_rules()
    gates = builtin_gates
    texts = [example.text for rule in rules for example in rule.examples]
    texts += [text[: len(text) // 2] for text in texts]
    for text in texts[shard::SHARDS]:
        lowered = text.lower()
        body = read_body(lowered)
        for rule in rules:
            front = rule.matcher.reads_front_matter()
            asker = gates.labels.asker(body.whole if front else body.text)
            if not passes(gates.gate[id(rule)], body.whole, asker):
                assert not rule.matcher.may_match(_views(front, lowered)), (rule.code, text)


def test_a_label_gate_reads_the_labels_that_open_lines() -> None:
    """A phrase rule's gate: its labels must open a line of the text outside fenced code,
    whatever else the trigger asks of the block there (the gate is the weaker test)."""
    rules = [rule for rule in builtin_rules() if rule.code == "BP003"]  # newsletter labels
    table = gate_table(rules)
    gate = table["gates"]["BP003"]
    assert gate is not None and "label" in repr(gate)
    gates = RuleGates(rules, table)

    def reached(text: str) -> bool:
        body = read_body(text.lower())
        return passes(gate, body.whole, gates.labels.asker(body.text))

    labelled = next(e.text for e in rules[0].examples if not e.good)
    assert reached(labelled)
    assert not reached("# A page\n\nSome words.\n")


def test_every_bad_example_passes_its_rules_gate() -> None:
    rules = builtin_rules()
    gates = gates_of(rules)
    for rule in rules:
        for example in rule.examples:
            if not example.good and not example.site:
                assert passes(gates[rule.code], example.text.lower()), (rule.code, example.index)


def test_a_rule_the_text_cannot_reach_is_never_built() -> None:
    rules = tuple(load_rules([builtin_rules_dir()], lazy=True))  # fresh: no matcher built
    gates = RuleGates(rules, gate_table(load_rules([builtin_rules_dir()], lazy=True)))
    text = "---\ntitle: A page\n---\n\n# A page\n\nSome words.\n"
    reached = gates.in_reach(rules, text)
    candidates = prefilter_for(reached).candidates(text)
    built = {rule.code for rule in rules if rule.matcher_built}
    gated = {
        "AD011",  # filter lists: no image, no tag
        "BP022",  # widget classes
        "FM005",  # a byte order mark
        "FM008",  # TOML front matter
        "LK001",  # no link
        "MC001",  # no suppression comment
    }
    assert gated <= {rule.code for rule in rules} - built
    assert {rule.code for rule in candidates} <= built
    assert gates.in_reach(rules, text) is reached  # one tuple per choice: one prefilter


def test_the_result_is_the_same_whether_rules_are_gated_or_not() -> None:
    """Fresh rules (no matcher built), gated, against every rule run on every text (the fast
    path off), over a share of every rule's examples."""
    rules = tuple(load_rules([builtin_rules_dir()], lazy=True))
    gates = RuleGates(rules, gate_table(builtin_rules()))
    every_rule = Config(fast_path=False)
    texts = [example.text for rule in builtin_rules() for example in rule.examples]
    for text in texts[::5]:
        assert _gated_check(gates, rules, text) == engine.check(
            Document(text, None, every_rule), rules
        )


def _gated_check(gates: RuleGates, rules: tuple[Rule, ...], text: str) -> list[Violation]:
    """The violations of the rules the gates leave, with the rules that extend the others'
    findings added back where another rule runs (as the engine asks them)."""
    reached = gates.in_reach(rules, text)
    candidates = gates.with_extending(rules, reached, prefilter_for(reached).candidates(text))
    return engine.check(Document(text, None, Config()), candidates)


def test_the_registry_names_each_matcher_as_its_class_does() -> None:
    assert list(MATCHERS) == [matcher.name for matcher in MATCHERS.values()]
    for name, matcher in MATCHERS.items():
        assert matcher_class(name) is matcher
    assert matcher_class("no-such-matcher") is None


def test_a_rule_imports_only_its_own_matcher_module() -> None:
    probe = (
        "import sys\n"
        "from mdclean.matchers import matcher_class\n"
        "matcher_class('front-matter-toml')\n"
        "print(sorted(m for m in sys.modules if m.startswith('mdclean.matchers.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert "mdclean.matchers.front_matter_format" in out
    assert "mdclean.matchers.link_farm" not in out
    assert "mdclean.matchers.phrase_block" not in out


def test_a_long_run_stops_gating() -> None:
    """Past ``GATED_TEXTS`` texts every rule is shown to the prefilter (and so built once):
    asking the gates of rules no text reaches, on every text, would cost a long run more."""
    rules = tuple(load_rules([builtin_rules_dir()], lazy=True))
    gates = RuleGates(rules, gate_table(builtin_rules()))
    text = "# A page\n\nSome words.\n"
    for _ in range(GATED_TEXTS):
        assert len(gates.in_reach(rules, text)) < len(rules)
    assert gates.in_reach(rules, text) is rules
