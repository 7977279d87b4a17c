"""What one built-in rule finds, checked equal with the fast path on and off."""

from __future__ import annotations

import dataclasses

from mdclean import engine
from mdclean.catalogue import Rule, builtin_rules
from mdclean.config import Config
from mdclean.document import Document

FAST = Config()
SLOW = dataclasses.replace(FAST, fast_path=False)


def builtin_rule(code: str) -> Rule:
    return next(rule for rule in builtin_rules() if rule.code == code)


def found_both_ways(code: str, text: str) -> list[str]:
    """The texts the rule finds, asserting that the fast path changes nothing."""
    rule = builtin_rule(code)
    fast = engine.check(Document(text, None, FAST), (rule,))
    slow = engine.check(Document(text, None, SLOW), (rule,))
    assert fast == slow
    return [text[v.start : v.end] for v in slow]
