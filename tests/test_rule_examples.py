"""Every example of every rule is a test: add a rule as data, add its tests with it."""

from __future__ import annotations

import dataclasses

import pytest

import mdclean
from mdclean.catalogue import Example, Rule, builtin_rules
from mdclean.models import Applicability
from mdclean.site.learning import learn_texts

RULES = builtin_rules()
EXAMPLES = [(rule, example) for rule in RULES for example in rule.examples]


def _id(item: tuple[Rule, Example]) -> str:
    rule, example = item
    return f"{rule.code}-{'good' if example.good else 'bad'}-{example.index}"


def _only(rule: Rule, example: Example) -> mdclean.Config:
    if rule.matcher.extends_findings:
        # A rule that extends what the others find (BP083) is shown with every rule on.
        return _with_site(mdclean.Config(), example)
    return _with_site(mdclean.Config(select=(rule.code,)), example)


def _with_site(config: mdclean.Config, example: Example) -> mdclean.Config:
    """The config, with the template of the example's site (the example and its ``site`` pages)."""
    if not example.site:
        return config
    return dataclasses.replace(config, site_template=learn_texts([example.text, *example.site]))


@pytest.mark.parametrize("item", EXAMPLES, ids=[_id(i) for i in EXAMPLES])
def test_example(item: tuple[Rule, Example]) -> None:
    rule, example = item
    if example.good:
        # Silent for this rule and for every rule on by default: no rule may fire on content.
        assert mdclean.lint(example.text, config=_only(rule, example)) == []
        assert mdclean.lint(example.text, config=_with_site(mdclean.Config(), example)) == []
        return
    found = mdclean.lint(example.text, config=_only(rule, example))
    assert found, f"{rule.code} found nothing in its bad example"
    codes = {v.code for v in found}
    assert rule.code in codes
    assert rule.matcher.extends_findings or codes == {rule.code}
    if rule.fix is None:
        assert all(v.fix is None for v in found)
        return
    unsafe = rule.fix is Applicability.UNSAFE
    result = mdclean.fix(example.text, config=_only(rule, example), unsafe=unsafe)
    assert result.text == example.fixed
    # Fixing is idempotent and leaves nothing fixable behind.
    again = mdclean.fix(result.text, config=_only(rule, example), unsafe=unsafe)
    assert again.text == result.text
    assert not [v for v in again.remaining if v.fix is not None]


def test_every_rule_has_bad_and_good_examples() -> None:
    for rule in RULES:
        assert any(not e.good for e in rule.examples), rule.code
        assert any(e.good for e in rule.examples), rule.code


def test_codes_are_unique_and_sorted() -> None:
    codes = [rule.code for rule in RULES]
    assert codes == sorted(set(codes))
