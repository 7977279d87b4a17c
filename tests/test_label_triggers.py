"""The precise fast-path tests of the phrase and ad rules: tricky spellings still reach the rule."""
from __future__ import annotations

import pytest

import mdclean
from mdclean import prefilter
from mdclean.config import Config
from mdclean.prefilter import prefilter_for

# Each text holds a finding of its rule, spelled so that a naive raw-text test would miss it.
FOUND = [
    ("BP002", "Intro.\n\n> **Also:** [Headline](https://example.com/a)\n"),
    ("BP002", "1. <span>Also read:</span> [Headline](https://example.com/a)\n"),
    ("BP002", "<p>Also<br>read: <a href=\"https://example.com/a\">Headline</a></p>\n"),
    ("BP005", "<p><b>Share this:</b> <a href=\"https://x.com/share\"><img src=\"x.png\"></a></p>\n"),
    ("BP001", "<div\nclass=\"related\">Related posts</div>\n\n- [One](https://example.com/1)\n"),
    ("AD006", "> <div\n> class=\"sidebar ad-slot\">\n> buy\n> </div>\n"),
    ("AD008", "Text.\n\n{{<\n  GoogleAdsense >}}\n\nMore.\n"),
    ("AD008", "Text.\n\n{% include ad-unit.html %}\n\nMore.\n"),
]


@pytest.mark.parametrize(("code", "text"), FOUND)
def test_a_hard_spelling_is_found_with_the_fast_path(code: str, text: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(select=(code,))
    monkeypatch.setattr(prefilter, "FAST_PATH", False)
    slow = mdclean.lint(text, config=config)
    monkeypatch.setattr(prefilter, "FAST_PATH", True)
    assert slow != []
    assert mdclean.lint(text, config=config) == slow


@pytest.mark.parametrize(("code", "text"), [
    ("BP002", "The parser is fast. It also reads YAML:\n\n[Docs](https://example.com/docs)\n"),
    ("BP009", "Use the `tags` option to filter.\n"),
    ("AD006", "Read the address: <div class=\"note\">download</div>\n"),
    ("AD008", "Templates use {{ .Title }} and {% if page.title %}.\n"),
])
def test_a_word_in_prose_no_longer_makes_a_rule_a_candidate(code: str, text: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "FAST_PATH", True)
    assert prefilter_for(Config(select=(code,)).rules).candidates(text) == ()
