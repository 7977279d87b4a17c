"""A typo in a rule file is one clear error naming the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdclean.catalogue import load_rule_file, load_rules
from mdclean.errors import RuleFileError

VALID = """\
code: XX001
name: test-rule
summary: Test ad
explanation: For tests.
fix: safe
matcher: html-element
params:
  signatures: ['\\btestad\\b']
examples:
  - bad: |
      <div class="testad"></div>
    fixed: ""
  - good: |
      testad in prose
"""


def write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    return message[len(str(path)) :]


def test_valid_rule_loads(tmp_path: Path) -> None:
    rule = load_rule_file(write(tmp_path, VALID))
    assert (rule.code, rule.name, rule.summary) == ("XX001", "test-rule", "Test ad")
    assert len(rule.examples) == 2


def test_unknown_key(tmp_path: Path) -> None:
    assert error_for(tmp_path, VALID + "colour: red\n").startswith(": unknown key 'colour'")


def test_missing_key(tmp_path: Path) -> None:
    assert (
        error_for(tmp_path, VALID.replace("summary: Test ad\n", ""))
        == ": missing required key 'summary'"
    )


def test_bad_regex_names_key_and_item(tmp_path: Path) -> None:
    message = error_for(tmp_path, VALID.replace("['\\btestad\\b']", "['ok', '(unclosed']"))
    assert message.startswith(": params.signatures[1]: bad regular expression '(unclosed'")


def test_unknown_param(tmp_path: Path) -> None:
    message = error_for(tmp_path, VALID.replace("params:\n", "params:\n  colour: red\n"))
    assert message.startswith(": params.colour: not a parameter of matcher 'html-element'")


def test_unknown_matcher(tmp_path: Path) -> None:
    assert error_for(tmp_path, VALID.replace("matcher: html-element", "matcher: nope")).startswith(
        ": unknown matcher 'nope'"
    )


def test_bad_code(tmp_path: Path) -> None:
    assert "must be 2-4 capital letters" in error_for(tmp_path, VALID.replace("XX001", "x1"))


def test_bad_fix_value(tmp_path: Path) -> None:
    assert error_for(tmp_path, VALID.replace("fix: safe", "fix: maybe")).startswith(
        ": fix must be one of"
    )


def test_fixable_bad_example_needs_fixed(tmp_path: Path) -> None:
    message = error_for(tmp_path, VALID.replace('    fixed: ""\n', ""))
    assert message == ": examples[0]: a fixable rule's 'bad' example needs its exact 'fixed' text"


def test_examples_need_bad_and_good(tmp_path: Path) -> None:
    text = VALID.split("  - good:")[0]
    assert error_for(tmp_path, text) == ": examples need at least one 'bad' and one 'good' entry"


def test_invalid_yaml_has_position(tmp_path: Path) -> None:
    message = error_for(tmp_path, "code: [unclosed\n")
    assert message.startswith((":2:1: not valid YAML", ":1:"))


def test_duplicate_codes_across_files(tmp_path: Path) -> None:
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID, "b.yaml")
    with pytest.raises(RuleFileError, match="code XX001 is already defined in"):
        load_rules([tmp_path])


def test_a_lazy_rule_checks_its_matcher_on_first_use(tmp_path: Path) -> None:
    """Built-in rules are loaded lazily (the suite checks them); a mistake still names the file."""
    path = write(tmp_path, VALID.replace("matcher: html-element", "matcher: nope"))
    rule = load_rule_file(path, lazy=True)  # the schema is checked, the matcher is not made yet
    assert rule.code == "XX001"
    with pytest.raises(RuleFileError, match=r"rule\.yaml: unknown matcher 'nope'"):
        _ = rule.matcher  # building the matcher is what fails
    assert load_rule_file(write(tmp_path, VALID), lazy=True).matcher.name == "html-element"


def test_every_builtin_rule_makes_its_matcher() -> None:
    from mdclean.catalogue import builtin_rules

    assert all(rule.matcher.name == rule.matcher_name for rule in builtin_rules())


TEASER_BOX = """\
code: XX002
name: test-teaser-box
summary: Test teaser box
explanation: For tests.
fix: safe
matcher: teaser-box
params:
  labels: ['(?P<x>related)', '(?P<x>more)']
examples:
  - bad: |
      x
    fixed: ""
  - good: |
      x
"""


def test_a_rule_loaded_eagerly_compiles_its_lazy_patterns_at_load(tmp_path: Path) -> None:
    """Each label compiles alone, their alternation does not (one group name twice): loaded as a
    rule pack's is, the mistake shows at load, as it did before patterns were compiled lazily
    (``fastpath.lazy``); loaded lazily, when the pattern is first used."""
    import re

    path = write(tmp_path, TEASER_BOX)
    with pytest.raises(re.error, match="redefinition of group name"):
        load_rule_file(path)
    rule = load_rule_file(path, lazy=True)
    title = rule.matcher.known_title  # type: ignore[attr-defined]
    with pytest.raises(re.error, match="redefinition of group name"):
        title.fullmatch("related")


def test_every_builtin_rule_compiles_its_patterns_when_built_eagerly() -> None:
    """The built-in rules' matchers leave some patterns to their first use (``fastpath.lazy``):
    built eagerly, every one of them compiles now, so none is a mistake a run would meet late."""
    from mdclean.catalogue import builtin_rules
    from mdclean.fastpath.lazy import LazyPattern, eager_patterns

    for rule in builtin_rules():
        with eager_patterns():
            matcher = rule.build_matcher()
        assert matcher.name == rule.matcher_name
        assert not [v for v in vars(matcher).values() if isinstance(v, LazyPattern)], rule.code
