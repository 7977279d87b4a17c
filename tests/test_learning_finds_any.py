"""TPL001's learning asks ``engine.finds_any`` (stops at the first finding) where it asked
``bool(lint(...))``: the answer must be the same for every block, so TPL001 keeps and marks
safe exactly the blocks it did."""

from __future__ import annotations

import dataclasses

import pytest

from mdclean.catalogue import builtin_rules
from mdclean.engine import finds_any, lint
from mdclean.site.blocks import blocks
from mdclean.site.learning import _SIGNAL_CONFIG, is_safe


def _texts() -> list[str]:
    """Every example's text, and each of its blocks as TPL001 cuts them."""
    found: dict[str, None] = {}
    for rule in builtin_rules():
        for example in rule.examples:
            found[example.text] = None
            for start, end in blocks(example.text):
                found[example.text[start:end]] = None
    return list(found)


TEXTS = _texts()
SUPPRESSED = (
    "<!-- mdclean-disable BP005 -->\nShare this:\n<!-- mdclean-enable BP005 -->",
    "Share this: <!-- mdclean-disable-line -->",
)


SHARDS = 8
"""The texts are cut in this many shares, one test each, so ``pytest -n`` spreads them."""


@pytest.mark.parametrize("shard", range(SHARDS))
@pytest.mark.parametrize("fast", [True, False])
def test_same_answer_as_lint(fast: bool, shard: int) -> None:
    config = dataclasses.replace(_SIGNAL_CONFIG, fast_path=fast)
    texts = TEXTS if fast else TEXTS[::7]  # (every rule runs on every text: slow)
    differ = [
        text[:80]
        for text in (*texts[shard::SHARDS], *SUPPRESSED)
        if finds_any(text, config=config) != bool(lint(text, config=config))
    ]
    assert not differ
    if shard:
        return
    assert any(bool(lint(text, config=config)) for text in texts)  # both answers occur
    assert not lint(SUPPRESSED[0], config=config)  # found, then suppressed
    assert finds_any("Share this:", config=config)


def test_is_safe_is_finds_any() -> None:
    for text in TEXTS[:200]:
        assert is_safe(text) is finds_any(text, config=_SIGNAL_CONFIG)
