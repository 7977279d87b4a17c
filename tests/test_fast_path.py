"""The fast path (skip the parse when no rule's keywords are in the text) never changes a result."""
from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

import mdclean
from mdclean import prefilter
from mdclean.catalogue import builtin_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.prefilter import Prefilter, prefilter_for


def _corpus_module():
    """bench/corpus.py builds the benchmark's docs pages and scraped posts; the tests reuse its shapes."""
    path = Path(__file__).parent.parent / "bench" / "corpus.py"
    spec = importlib.util.spec_from_file_location("mdclean_bench_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _texts() -> list[tuple[str, str]]:
    texts = [(f"{rule.code}-{example.index}", example.text)
             for rule in builtin_rules() for example in rule.examples]
    corpus = _corpus_module()
    for number in range(12):
        texts.append((f"docs-{number}", corpus.docs_page(random.Random(number), number)))
        texts.append((f"scraped-{number}", corpus.scraped_post(random.Random(number), number)))
    texts += [("empty", ""), ("plain", "Hello world.\n"), ("crlf", "# T\r\n\r\nText.\r\n")]
    return texts


TEXTS = _texts()
ALL = Config(select=("ALL",))


def _both_ways(monkeypatch: pytest.MonkeyPatch, run):
    monkeypatch.setattr(prefilter, "FAST_PATH", True)
    fast = run()
    monkeypatch.setattr(prefilter, "FAST_PATH", False)
    slow = run()
    return fast, slow


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_lint_and_fix_are_the_same_with_and_without_the_fast_path(
        name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for config in (mdclean.config.DEFAULT, ALL):
        fast, slow = _both_ways(monkeypatch, lambda: mdclean.lint(text, config=config))
        assert fast == slow
        fast_fix, slow_fix = _both_ways(monkeypatch, lambda: mdclean.fix(text, config=config, unsafe=True))
        assert (fast_fix.text, fast_fix.fixed, fast_fix.remaining) == \
               (slow_fix.text, slow_fix.fixed, slow_fix.remaining)


def test_rules_whose_keywords_are_absent_are_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "FAST_PATH", True)
    rules = Config(select=("AD001",)).rules
    assert prefilter_for(rules).candidates("# Title\n\nPlain prose.\n") == ()
    assert prefilter_for(rules).candidates("<ins class='AdsByGoogle'></ins>\n") == rules  # any case


def test_a_text_no_rule_can_touch_is_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    original = Document.tokens.func  # type: ignore[attr-defined]

    def spy(doc: Document):  # type: ignore[no-untyped-def]
        parsed.append(doc.text)
        return original(doc)

    monkeypatch.setattr(Document, "tokens", property(spy))
    monkeypatch.setattr(prefilter, "FAST_PATH", True)
    config = Config(select=("AD001",))
    assert mdclean.lint("# Title\n\nPlain prose.\n", config=config) == []
    assert parsed == []
    monkeypatch.setattr(prefilter, "FAST_PATH", False)
    assert mdclean.lint("# Title\n\nPlain prose.\n", config=config) == []
    assert parsed == ["# Title\n\nPlain prose.\n"]


def test_keywords_are_combined_and_redundant_ones_dropped() -> None:
    rules = Config(select=("AD001",)).rules
    combined = Prefilter(rules)
    # "ca-pub-" and the others stay; none is a substring of another in AD001.
    assert set(combined.keywords) == set(rules[0].matcher.keywords or ())
    assert combined.always == ()


def test_a_matcher_with_its_own_may_match_is_always_asked() -> None:
    rules = Config(select=("ALL",)).rules
    combined = Prefilter(rules)
    for rule in combined.always:
        assert rule.matcher.keywords is None or \
            type(rule.matcher).may_match is not prefilter.Matcher.may_match
