"""The head of a body (``fastpath.head``) and the triggers that read only it (BP028's)."""

from __future__ import annotations

import dataclasses

import pytest

from mdclean import engine
from mdclean.catalogue import Rule, builtin_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.fastpath.head import body_head
from mdclean.matchers import MATCHERS
from mdclean.matchers.phrases import PhraseMatcher

FAST = Config()
SLOW = dataclasses.replace(FAST, fast_path=False)


@pytest.mark.parametrize(
    ("text", "blocks", "head"),
    [
        ("# t\n\np1\n\np2\n\n", 2, "# t\n\np1\n\n"),
        ("# t\r\n\r\np1\r\n\r\np2\r\n", 2, "# t\r\n\r\np1\r\n\r\n"),
        # a list runs on past blank lines until a line with no indentation
        ("- a\n\n  b\n\nc\n\nd\n\n", 1, "- a\n\n  b\n\nc\n\n"),
        # a fence is one block, blank lines and all
        ("```\nx\n\ny\n```\n\np\n\nq\n\n", 2, "```\nx\n\ny\n```\n\np\n\n"),
        ("<!--\n\nx\n-->\n\np\n\n", 2, "<!--\n\nx\n-->\n\np\n\n"),
        ("    code\n\n    more\n\np\n\n", 1, "    code\n\n    more\n\np\n\n"),
        # link reference definitions make no block
        ("[a]: x\n\np\n\n", 1, "[a]: x\n\np\n\n"),
        # a definition further down may name a link of the head
        ("p\n\n[a]: x\n", 1, None),
        ("```\nx\n", 1, None),  # an unclosed fence runs to the end
        ("---\ntitle: x\n---\n\np\n\n", 1, None),  # front matter left in the text
        ("a\rb\n\nc\n\n", 1, None),  # lone CR line breaks
        ("p\n\nq", 2, None),  # fewer blocks than asked: the whole text
    ],
)
def test_the_head_holds_the_first_blocks(text: str, blocks: int, head: str | None) -> None:
    assert body_head(text, blocks) == head


def _bp028() -> Rule:
    return next(rule for rule in builtin_rules() if rule.code == "BP028")


_TEN_PARAGRAPHS = "".join(f"Paragraph {i} of the article.\n\n" for i in range(10))


_LONG = ("word " * 20 + "\n") * 60  # a paragraph longer than the stretch first read for a head


@pytest.mark.parametrize(
    ("text", "blocks", "head"),
    [
        # the head ends in the first stretch: what the whole text tells
        (f"# t\n\np\n\n{_LONG}\n", 2, "# t\n\np\n\n"),
        # a fence opened in the stretch closes past it: the whole text is read
        (f"```\n{_LONG}\n```\n\np\n\n", 2, f"```\n{_LONG}\n```\n\np\n\n"),
        (f"```\n{_LONG}\n", 1, None),  # ... and never closes
        # the blocks asked end past the stretch
        (f"p\n\n{_LONG}\n\nq\n\nr", 3, f"p\n\n{_LONG}\n\nq\n\n"),
        (f"p\n\n{_LONG}\n\n[a]: x\n", 2, None),  # a definition past the stretch
    ],
)
def test_a_long_page_has_the_head_its_whole_text_tells(
    text: str, blocks: int, head: str | None
) -> None:
    assert body_head(text, blocks) == head


def test_a_byline_past_the_top_blocks_does_not_trigger_bp028() -> None:
    text = f"# Changelog\n\n{_TEN_PARAGRAPHS}Posted on May 3, 2024 by Jane\n"
    matcher = _bp028().matcher
    whole_text = PhraseMatcher.labels_open(matcher, matcher.shape)  # (its phrases, anywhere)
    assert whole_text.holds(text.lower())
    assert not matcher.may_match(text.lower())
    assert engine.check(Document(text, None, SLOW), (_bp028(),)) == []


def test_a_byline_among_the_top_blocks_still_triggers_bp028() -> None:
    text = f"# Title\n\nPosted on May 3, 2024 by Jane\n\n{_TEN_PARAGRAPHS}"
    assert _bp028().matcher.may_match(text.lower())
    fast = engine.check(Document(text, None, FAST), (_bp028(),))
    slow = engine.check(Document(text, None, SLOW), (_bp028(),))
    assert [(v.code, text[v.start : v.end]) for v in fast] == [
        ("BP028", "Posted on May 3, 2024 by Jane")
    ]
    assert fast == slow


def test_a_label_ending_on_a_next_line_character_still_triggers() -> None:
    """markdown-it keeps U+0085 at a block's end, and ``\\s`` matches it: the raw-text guess
    of the line (which drops it) must not rule the label out."""
    matcher = MATCHERS["labelled-list"]({"labels": ["share\\s+"]})
    text = "share\x85"
    found = [(f.start, f.end) for f in matcher.find(Document(text, None, SLOW))]
    # markdown-it-py 4 keeps U+0085 at the block's end (the label is found); 3.0 drops it.
    assert found in ([(0, 6)], [])
    assert matcher.may_match(text)


def test_rules_that_read_the_same_head_share_its_readings() -> None:
    from mdclean.fastpath.raw_text import RawText, part_of

    text = RawText("# t\n\np\n\nq\n")
    first = part_of(text, ("head", 2), lambda: body_head(text, 2))
    again = part_of(text, ("head", 2), lambda: "not read again")
    assert first == "# t\n\np\n\n" and again is first and isinstance(first, RawText)
    # a part that is the whole text is the text itself, with its readings
    assert part_of(text, ("tail", 0), lambda: str(text)) is text
    assert part_of(text, ("head", 9), lambda: None) is None
