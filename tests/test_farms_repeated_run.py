"""LK005 (``repeated-run``): a second copy of the article goes, what a docs page repeats stays."""

from __future__ import annotations

import json
from pathlib import Path

import mdclean
from mdclean import Config
from mdclean.document import Document
from mdclean.matchers.repeated_run import RepeatedRunMatcher

LK005 = Config(select=("LK005",), unsafe_fixes=True)
SMALL = RepeatedRunMatcher({"min_blocks": 3, "min_words": 20, "min_line_chars": 20})

PROSE = (
    "The cache keeps the output of every build step, keyed by a hash of its inputs.\n"
    "\n"
    "When a pull request touches one package, only that package is built again.\n"
)
CODE = "```sh\nmake test\n```\n"
SECTION = f"## Build\n\n{PROSE}\n{CODE}"
TWICE = f"# Post\n\n{SECTION}\n{SECTION}"
ONCE = f"# Post\n\n{SECTION}"


def _found(text: str) -> list[str]:
    doc = Document(text)
    return [text[f.start : f.end] for f in SMALL.find(doc)]


def test_a_copy_that_holds_code_goes_since_the_same_code_stays(tmp_path: Path) -> None:
    # The rendering guard lets a code block go only because its twin stays on the page.
    pack = tmp_path / "XX005.yaml"
    pack.write_text(
        "code: XX005\nname: small-repeat\nsummary: s\nexplanation: e\nfix: safe\n"
        "matcher: repeated-run\nparams: {min_blocks: 3, min_words: 20, min_line_chars: 20}\n"
        f"examples:\n  - bad: {json.dumps(TWICE)}\n    fixed: {json.dumps(ONCE)}\n"
        '  - good: "a\\n"\n',
        encoding="utf-8",
    )
    config = Config(select=("XX005",), rule_packs=(pack,))
    assert mdclean.fix(TWICE, config=config).text == ONCE


def test_the_whole_article_clipped_twice_keeps_one_copy_byte_for_byte() -> None:
    paragraphs = [
        "We moved the test suite to a build cache last spring; it paid for itself within a week.",
        "Before it, every pull request rebuilt the whole project from scratch, forty minutes or more.",
        "The cache keeps the output of every step, keyed by a hash of the step's inputs and tools.",
        "Some steps wrote timestamps into their output, so their hashes never matched at all.",
        "Today a typical pull request builds in six minutes, and nobody wants the old way back.",
    ]
    steps = [f"Step {n}. {sentence}" for n in (1, 2) for sentence in paragraphs]  # 170 words
    article = "# Why our builds got faster\r\n\r\n" + "\r\n\r\n".join(steps) + "\r\n"
    text = "\ufeff" + article + "\r\n" + article
    fixed = mdclean.fix(text, config=LK005).text
    assert fixed == "\ufeff" + article


def test_a_copy_that_ends_the_page_but_for_a_cut_block_goes() -> None:
    intro = "Intro paragraph that opens the post and is not repeated anywhere else at all.\n\n"
    tail = "![cut](https://img.example.cn/cut.png)\n"
    text = f"{intro}{SECTION}\n---\n\n{SECTION}\n{tail}"
    assert _found(text) == [SECTION.rstrip("\n")]


def test_a_section_repeated_under_two_headings_mid_page_stays() -> None:
    # The same example under two methods: a heading and a summary stand between the copies.
    text = (
        "Intro paragraph of the reference page, about the header control's methods.\n\n"
        f"## GetFocusedItem\n\nGets the focused item.\n\n### Example\n\n{PROSE}\n{CODE}\n"
        f"## SetFocusedItem\n\nSets the focused item.\n\n### Example\n\n{PROSE}\n{CODE}\n"
        "## SetHotDivider\n\nChanges the divider.\n\nMore text about the divider.\n"
    )
    assert _found(text) == []


def test_short_repeats_stay() -> None:
    # Rules and one-line labels repeated are no article: the run needs long lines of prose.
    text = (
        "Intro.\n\n---\n\n**Note**\n\n---\n\nSee below.\n\n---\n\n**Note**\n\n---\n\nSee below.\n"
    )
    assert _found(text) == []


def test_the_trigger_needs_repeated_long_lines() -> None:
    text = f"# Post\n\n{SECTION}\n{SECTION}"
    assert SMALL.may_match(text.lower())
    assert not SMALL.may_match(f"# Post\n\n{SECTION}\n## Other\n\nShort.\n".lower())
    # Spaces around a line do not hide a repeat (the copies are compared without them).
    indented = text.replace("When a pull", "   When a pull", 1)
    assert SMALL.may_match(indented.lower())
    assert _found(indented) == [SECTION.rstrip("\n")]


def test_a_line_break_that_only_str_splitlines_knows_does_not_split_a_line() -> None:
    # U+2028 is no line break for markdown: the trigger must split as the matcher does.
    line = "alpha\u2028beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"
    text = f"Intro.\n\n{line}\n\n{line}\n\n{line}\n\n{line}\n\nEnd.\n"
    matcher = RepeatedRunMatcher({"min_blocks": 1, "min_words": 20, "min_line_chars": 60})
    assert matcher.may_match(text.lower())
    assert [f.start for f in matcher.find(Document(text))]
