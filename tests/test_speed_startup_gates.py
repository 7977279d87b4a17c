"""What a one-file run leaves unbuilt: label gates read the words a label opens with before
the label trigger is made, a repeated regex gives its literals as a gate, and the rule that
extends the others' findings (BP083) is built only where another rule reads the body."""

from __future__ import annotations

import re

from mdclean import engine
from mdclean.catalogue import Rule, builtin_rules, builtin_rules_dir, load_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.fastpath.triggers import Repeated
from mdclean.prefilter import prefilter_for
from mdclean.rule_gates import RuleGates, gate_of, gate_table, passes


def test_a_repeated_regex_gives_the_literals_every_match_holds() -> None:
    assert gate_of(Repeated(re.compile(r"\[[^]]*\]\(https?://"), 3)) == ("folded", ("](http",))
    assert gate_of(Repeated(re.compile(r"\[[^]]*\]\(https?://"), 0)) is None  # holds anywhere
    assert passes(gate_of(Repeated(re.compile(r"\bfoo\w+"), 2)), "a foobar here")
    assert not passes(gate_of(Repeated(re.compile(r"\bfoo\w+"), 2)), "no such word")


def _fresh_gates() -> tuple[tuple[Rule, ...], RuleGates]:
    rules = tuple(load_rules([builtin_rules_dir()], lazy=True))
    return rules, RuleGates(rules, gate_table(builtin_rules()))


def test_a_head_with_a_labels_key_but_not_its_first_word_makes_no_label_trigger() -> None:
    """ "Project" and "Practical" start as labels do ("Previous", "Promoted"...): the words the
    openings start with rule them out from the table's data."""
    rules, gates = _fresh_gates()
    gates.in_reach(rules, "# Project\n\nPractical words here.\n")
    assert gates.labels.openings_loaded  # a key stood at a head: its words were read
    assert not gates.labels.made  # and no label trigger was made


def test_a_label_that_opens_a_line_still_reaches_its_rule() -> None:
    rules, gates = _fresh_gates()
    text = "# Post\n\nSome words of the article.\n\nSubscribe to our newsletter\n"
    reached = {rule.code for rule in gates.in_reach(rules, text)}
    assert "BP003" in reached  # newsletter labels


def test_the_rule_that_extends_findings_is_built_only_where_another_body_rule_runs() -> None:
    rules, gates = _fresh_gates()
    extends = next(rule for rule in rules if rule.code == "BP083")
    clean = "# A page\n\nSome words.\n"
    reached = gates.in_reach(rules, clean)
    assert extends not in reached
    candidates = prefilter_for(reached).candidates(clean)
    assert gates.with_extending(rules, reached, candidates) == candidates
    assert not extends.matcher_built
    dirty = "# A page\n\nSome words of the article.\n\n[Share on Twitter](https://twitter.com/intent/tweet?url=x)\n"
    reached = gates.in_reach(rules, dirty)
    candidates = gates.with_extending(rules, reached, prefilter_for(reached).candidates(dirty))
    assert extends in candidates
    assert [r.code for r in candidates] == sorted(r.code for r in candidates)  # in rule order


def test_front_matter_rules_alone_do_not_bring_in_the_rule_that_extends_findings() -> None:
    rules, gates = _fresh_gates()
    text = "---\ntitle: [broken\n---\n\nSome words.\n"
    reached = gates.in_reach(rules, text)
    candidates = prefilter_for(reached).candidates(text)
    assert candidates and all(rule.matcher.reads_front_matter() for rule in candidates)
    assert "BP083" not in {r.code for r in gates.with_extending(rules, reached, candidates)}


def test_every_bp083_example_finds_the_same_gated_or_not() -> None:
    rules, gates = _fresh_gates()
    every_rule = Config(fast_path=False)
    for example in next(r for r in builtin_rules() if r.code == "BP083").examples:
        text = example.text
        reached = gates.in_reach(rules, text)
        candidates = gates.with_extending(rules, reached, prefilter_for(reached).candidates(text))
        found = engine.check(Document(text, None, Config()), candidates)
        assert found == engine.check(Document(text, None, every_rule), rules), example.index
