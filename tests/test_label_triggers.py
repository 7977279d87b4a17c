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
    ("BP008", "Post.\n\n> **3 Comments**\n"),
    ("BP008", "Post.\n\n1. 12 responses\n"),
    ("BP009", "Post.\n\n_Tags_\\: [a](https://x.test/a)\n"),
    ("BP013", "Post.\n\n[Email](mailto:?subject=Hi) [X](https://x.com/intent/post?text=hi)\n"),
    ("BP013", "Post.\n\n[FB](https://www.facebook.com/sharer&#46;php?u=x) [T](https://twitter.com/share)\n"),
    ("AD007", "Post.\n\n![](https://www.facebook.com/tr?id=1&ev=PageView)\n"),
    ("AD010", "Post.\n\n*Story continues\nbelow*\n\nMore.\n"),
    ("AD010", "Post.\n\n<!-- x > y -->Advertisement\n\nMore.\n"),
    ("LK002", "# Post\n\nText.\n\n## Read next\n\n![](i.png) [Ten ways to tune the database](https://a.test/1)\n"
              "[Why we left the big cloud](https://b.test/2)\n[How our build got twice as fast](https://c.test/3)\n"),
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
    ("BP001", "Also the parser reads YAML.\n\n- [One](https://example.com/1)\n"),
    ("BP008", "Each comment in the code says why; 3 comments were enough.\n"),
    ("BP009", "---\ntags: [a](https://x.test/a)\n---\n\nBody.\n"),
    ("BP013", "To share a file, see [the guide](https://docs.test/share-files).\n"),
    ("AD007", "![Diagram](/img/architecture.png)\n"),
    ("AD010", "Continue reading below the table; paid plans differ.\n"),
    ("LK002", "## Setup\n\n![Diagram](/img/a.png)\n\nSee [a](https://a.test/1), [b](https://b.test/2), "
              "[c](https://c.test/3).\n"),
    ("LK003", "See [one] and [two] and [three].\n\n[one]: https://x.test/1\n[two]: https://x.test/2\n"
              "[three]: https://x.test/3\n"),
])
def test_a_word_in_prose_no_longer_makes_a_rule_a_candidate(code: str, text: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "FAST_PATH", True)
    assert prefilter_for(Config(select=(code,)).rules).candidates(text) == ()
