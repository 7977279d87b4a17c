"""The fast path (skip the parse when no rule's keywords are in the text) never changes a result."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mdclean
from mdclean import prefilter
from mdclean.catalogue import builtin_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.prefilter import prefilter_for


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
    texts = [
        (f"{rule.code}-{example.index}", example.text)
        for rule in builtin_rules()
        for example in rule.examples
    ]
    corpus = _corpus_module()
    for number in range(12):
        texts.append((f"docs-{number}", corpus.docs_page(random.Random(number), number)))
        texts.append((f"scraped-{number}", corpus.scraped_post(random.Random(number), number)))
    texts += [("empty", ""), ("plain", "Hello world.\n"), ("crlf", "# T\r\n\r\nText.\r\n")]
    return texts


TEXTS = _texts()
ALL = Config(select=("ALL",))


SLOW = {id(c): replace(c, fast_path=False) for c in (mdclean.config.DEFAULT, ALL)}


def _both_ways(config: Config, run):
    """``run(config)`` with the fast path on, then off."""
    return run(config), run(SLOW[id(config)])


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[name for name, _ in TEXTS])
def test_lint_and_fix_are_the_same_with_and_without_the_fast_path(
    name: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for config in (mdclean.config.DEFAULT, ALL):
        fast, slow = _both_ways(config, lambda c: mdclean.lint(text, config=c))
        assert fast == slow
        fast_fix, slow_fix = _both_ways(config, lambda c: mdclean.fix(text, config=c, unsafe=True))
        assert (fast_fix.text, fast_fix.fixed, fast_fix.remaining) == (
            slow_fix.text,
            slow_fix.fixed,
            slow_fix.remaining,
        )


def test_rules_whose_keywords_are_absent_are_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
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
    config = Config(select=("AD001",))
    assert mdclean.lint("# Title\n\nPlain prose.\n", config=config) == []
    assert parsed == []
    assert mdclean.lint("# Title\n\nPlain prose.\n", config=replace(config, fast_path=False)) == []
    assert parsed == ["# Title\n\nPlain prose.\n"]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("---\ntitle: x\n---\nBody\n", 17),
        ("---\r\ntitle: x\r\n...  \r\nBody\r\n", 22),
        ("---\ntitle: x\n   ----\nBody\n", 21),
        ("---\ntitle: x\n", 0),  # unterminated: all Markdown
        ("---\ntitle: x\n    ---\nBody\n", 0),  # indented four: the parse decides
        ("---\ntitle: x\n---x\n---\nBody\n", 0),
        ("--- #\ntitle: x\n---\n", 0),
        ("---\rtitle: x\r---\rBody\r", 0),
        ("Body\n---\n", 0),
    ],
)
def test_front_matter_end_is_where_markdown_it_ends_it_or_zero(text: str, end: int) -> None:
    assert prefilter.front_matter_end(text) == end
    if end:
        tokens = Document(text, None).tokens
        assert tokens[0].type == "front_matter"
        assert sum(len(line) for line in text.splitlines(keepends=True)[: tokens[0].map[1]]) == end


def test_only_front_matter_rules_see_the_front_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\ntitle: x\ntags: [a](https://x.test/a), [b](https://x.test/b)\n---\n\nBody.\n"
    codes = {r.code for r in prefilter_for(ALL.rules).candidates(text)}
    assert "BP009" not in codes and "FM001" in codes
    assert "BP009" in {
        r.code for r in prefilter_for(ALL.rules).candidates(text.replace("---", "***"))
    }


# --- Raw-text shapes: texts made to sit on the edges of what the fast path reads --------------
LABELS = [
    "Also read",
    "Also",
    "Share this",
    "Share",
    "Tags",
    "Filed under",
    "3 Comments",
    "12 responses",
    "Leave a comment",
    "Related posts",
    "Advertisement",
    "Story continues below",
    "Subscribe",
    "Your email address will not be published",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "All rights reserved",
    "相关文章",
    "Popular posts",
    "more from the team",
    "Sponsored",
]
WRAPPERS = [
    "{}",
    "**{}**",
    "*{}*",
    "_{}_",
    "`{}`",
    "<b>{}</b>",
    "<span class=x>{}</span>",
    "[{}](https://x.test/l)",
    "{}&nbsp;",
    "{}\\:",
    "![]({})",
    "<!-- c -->{}",
    "~~{}~~",
    "[{}][r]",
    "<a\nhref='https://x.test'>{}</a>",
]
AFTER = [
    "",
    ":",
    " :",
    "**:**",
    ": [A](https://a.test/1) | [B](https://b.test/2)",
    " [A](https://a.test/1)",
    " and then a sentence goes on",
    "\n[A](https://a.test/1)\n[B](https://b.test/2)",
    "*",
    " *",
]
PREFIX = ["", "> ", "- ", "1. ", "## ", "   ", "<div>", "<p>", "| ", "Text before.\n"]
NEXT = [
    "",
    "\n\n- [One post here](https://a.test/1)\n- [Two post there](https://b.test/2)\n"
    "- [Three posts more](https://c.test/3)\n",
    "\n\nMore prose.",
    "\n```\ncode\n```\n",
]


@st.composite
def shaped_texts(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 4))):
        label = draw(st.sampled_from(LABELS))
        if draw(st.booleans()):
            words = label.split(" ")
            cut = draw(st.integers(0, len(words)))
            label = (
                " ".join(words[:cut])
                + draw(st.sampled_from(["\n", " ", "<br>\n"]))
                + " ".join(words[cut:])
            )
        text = draw(st.sampled_from(WRAPPERS)).format(label) + draw(st.sampled_from(AFTER))
        blocks.append(draw(st.sampled_from(PREFIX)) + text + draw(st.sampled_from(NEXT)))
    front = draw(st.sampled_from(["", "---\ntags: [a, b]\n---\n", "---\ntitle: x\n"]))
    return front + "\n\n".join(blocks) + draw(st.sampled_from(["", "\n", "\r\n"]))


@settings(max_examples=400, deadline=None)
@given(shaped_texts())
def test_texts_on_the_edges_of_the_raw_text_reading_lint_the_same(text: str) -> None:
    assert mdclean.lint(text, config=ALL) == mdclean.lint(text, config=SLOW[id(ALL)])


def test_a_label_start_no_ascii_character_matches_is_told_apart() -> None:
    """An ASCII text skips labels that start with such a character; ``re`` decides which."""
    from mdclean.matchers.label_triggers import _may_match_ascii

    ascii_text = "".join(map(chr, range(128)))
    for code in [
        *range(0x80, 0x250),
        *range(0x370, 0x530),
        *range(0x1E00, 0x2200),
        0xFB00,
        0xFB05,
        0x3000,
        0x5E7F,
    ]:
        char = chr(code)
        if not _may_match_ascii(char):
            assert not re.search(re.escape(char), ascii_text, re.IGNORECASE), hex(code)
    assert _may_match_ascii("ſ") and _may_match_ascii("İ") and not _may_match_ascii("р")


@pytest.mark.parametrize(
    ("keyword", "rare"),
    [
        ("+++", "+"),
        ("{{", "{"),
        ("<img", "<"),
        ("aff=", "="),
        ("amzn.", None),
        ("ca-pub-", None),
        ("advert", None),
        ("<", None),
    ],
)
def test_a_keyword_is_first_looked_for_by_a_character_prose_seldom_holds(
    keyword: str, rare: str | None
) -> None:
    from mdclean.fastpath.triggers import _rare_character

    assert _rare_character(keyword) == rare


def test_keywords_set_after_the_matcher_is_made_are_looked_for() -> None:
    from mdclean.matchers.unused_suppression import UnusedSuppressionMatcher

    matcher = UnusedSuppressionMatcher({})
    assert matcher.may_match("<!-- mdclean-disable ad001 -->\n")
    assert not matcher.may_match("plain prose + more\n")


def test_required_literals_and_widths_of_regexes() -> None:
    from mdclean.matchers.base import max_width, required_literals

    patterns = [
        re.compile(p, re.IGNORECASE)
        for p in [
            r"\bFaceBook\.com/tr\b",
            r"\banalytics\.twitter\.com/i/adsct|\bt\.co/i/adsct",
            r"^(?:https?:)?//[^/]+/i/\d{5,}/\d+/\d+\b",
            r"/(?:matomo|piwik)\.php\?(?:[^\"\s]*&)?idsite=",
        ]
    ]
    assert required_literals(patterns) == (
        "facebook.com/tr",
        "analytics.twitter.com/i/adsct",
        "t.co/i/adsct",
        "/i/",
        "idsite=",
    )
    assert required_literals([re.compile(r"\w+\.(?:io|me)")]) is None
    assert max_width("more from [^:]{1,40}|also") == 50
    assert max_width(r"read\s+more") is None
