"""BP345's trigger keeps each raw line's reading for the process (pages and fix passes repeat
lines): its answers are those of a matcher that has read nothing before, in any order, and
when the memo is cleared past its bound."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from mdclean.catalogue import builtin_rules
from mdclean.fastpath.raw_text import RawText
from mdclean.matchers import edge_widget_lines

FIXTURES = Path(__file__).parent / "data"

TEXTS = (
    "Share on Facebook41Share on Google+13Tweet about this on Twitter\nProse follows here.\n",
    "Geschrieben von\nTweet this\nHeute wird es technisch, denn wir lesen.\n",
    "10\nmin czytania\n20.10.2025\n\nDown arrow button\n",
    "# Title\n\nA paragraph of prose.\nWith a second line.\n",
    "```\nShare on Facebook\nTweet\n```\n\nOwn text.\n",
    "Home / Engelli Dostu / Haklar\n\nHaklar\n\nProse.\n",
    "Related posts\nOne\nTwo\nThree\n",
    "",
    "just one line",
)


def _fresh() -> edge_widget_lines.EdgeWidgetLinesMatcher:
    rule = next(rule for rule in builtin_rules() if rule.code == "BP345")
    matcher = rule.build_matcher()
    assert isinstance(matcher, edge_widget_lines.EdgeWidgetLinesMatcher)
    return matcher


def _texts() -> list[str]:
    found = [text.lower() for text in TEXTS]
    for path in sorted(FIXTURES.rglob("*.md"))[:60]:
        found.append(path.read_text(encoding="utf-8", errors="replace").lower())
    return found


def _answer(matcher: edge_widget_lines.EdgeWidgetLinesMatcher, text: str) -> bool:
    return matcher.may_match(RawText(text))


@pytest.mark.parametrize("bound", [0, 1, 20_000])
def test_a_shared_matcher_answers_as_fresh_ones_do(
    bound: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edge_widget_lines, "_LINE_MEMO", bound)
    texts = _texts()
    expected = [_answer(_fresh(), text) for text in texts]
    assert any(expected) and not all(expected)
    shared = _fresh()
    for order in (texts, texts[::-1], list(itertools.chain(texts, texts))):
        assert [_answer(shared, text) for text in order] == [
            expected[texts.index(text)] for text in order
        ]
    assert len(shared._line_memo) <= max(bound, 0) + max(len(t.split("\n")) for t in texts)
