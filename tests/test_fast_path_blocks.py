"""The fast path inside a parsed document: phrase rules probe only the blocks where the raw-text
reading of their trigger puts a label, and once a parse is certain they are asked less."""

from __future__ import annotations

from dataclasses import replace

import pytest

import mdclean
from mdclean.catalogue import builtin_rules
from mdclean.config import Config
from mdclean.document import Document
from mdclean.fastpath.body import body_of, read_body
from mdclean.fastpath.raw_text import RawText
from mdclean.matchers.phrase_block import BLOCK_KINDS
from mdclean.matchers.phrases import PhraseMatcher
from mdclean.prefilter import prefilter_for

FOLLOW = Config(select=("BP014",))  # platform-chrome: a call to follow the site's account


def _matcher(config: Config) -> PhraseMatcher:
    matcher = config.rules[0].matcher
    assert isinstance(matcher, PhraseMatcher)
    return matcher


def _probed(text: str, config: Config = FOLLOW) -> list[str]:
    doc = Document(text, None, config)
    return [rough for _, rough in _matcher(config).blocks_to_probe(doc, *BLOCK_KINDS)]


@pytest.mark.parametrize(
    ("text", "probed"),
    [
        (
            "Intro.\n\n> Follow us on Twitter\n\nFollowers are people too.\n",
            ["Follow us on Twitter"],
        ),
        (  # front matter, CRLF: the reading's lines are the document's lines
            "---\r\ntitle: Follow us\r\n---\r\n\r\nIntro.\r\n\r\n- Follow us on X\r\n\r\nEnd.\r\n",
            ["Follow us on X"],
        ),
        (  # "İ" is two characters once lower-cased: lines, not offsets, tell the block
            "İİİİ İİİİ.\n\nIntro\nstill intro.\n\n## Follow me on Mastodon\n",
            ["Follow me on Mastodon"],
        ),
        (  # a label in the middle of a block's lines
            "Intro.\n\n<div>\n<p>\nFollow us on X\n</p>\n</div>\n\nEnd.\n",
            [" \n \nFollow us on X\n \n "],  # (its rough text: tags made spaces)
        ),
        ("Nothing to follow here.\n\nAt all.\n", []),
    ],
)
def test_only_the_blocks_where_a_label_may_stand_are_probed(text: str, probed: list[str]) -> None:
    assert _probed(text) == probed


def test_every_block_is_probed_when_the_reading_is_unsure_or_the_fast_path_off() -> None:
    across = "[a](\nhttps://a.test/x) intro.\n\nFollow us on X\n"  # a link target over a line end
    assert len(_probed(across)) == 2
    text = "Intro.\n\nFollow us on X\n"
    assert _probed(text) == ["Follow us on X"]
    assert _probed(text, replace(FOLLOW, fast_path=False)) == ["Intro.", "Follow us on X"]


def test_a_document_shares_the_body_the_prefilter_read() -> None:
    text = "---\ntitle: t\n---\nFollow us on X\n"
    doc = Document(text, None, FOLLOW)
    assert prefilter_for(FOLLOW.rules).candidates_for(doc) == FOLLOW.rules
    body = body_of(doc)
    assert body.first_line == 3 and body.text == "follow us on x\n"
    assert body_of(doc) is body  # kept: the rules read what the prefilter read
    assert isinstance(body.text, RawText) and body.text.readings  # the trigger's readings
    assert read_body(text.lower()) == body


def test_a_lone_body_is_the_whole_text() -> None:
    body = read_body("# t\n")
    assert body.text is body.whole and body.first_line == 0


@pytest.mark.parametrize(
    "text",
    [
        # An ad makes the parse certain; the label opens a block too long for the widget.
        "<ins class='adsbygoogle'></ins>\n\nFollow us on X, where we post the long version "
        "of every article, and on many other sites that we will not list here, one by one, "
        "because there are far too many of them, and nobody reads such lists anyway at all.\n",
        "<ins class='adsbygoogle'></ins>\n\nFollow us on X\n\nText.\n",
        "Follow us on X\n\n> Follow me on Y\n\n- Like us on Facebook\n",
    ],
)
def test_the_results_are_those_of_the_slow_path(text: str) -> None:
    config = Config(select=("ALL",))
    slow = replace(config, fast_path=False)
    assert mdclean.lint(text, config=config) == mdclean.lint(text, config=slow)
    fixed, slowly_fixed = mdclean.fix(text, config=config), mdclean.fix(text, config=slow)
    assert (fixed.text, fixed.fixed) == (slowly_fixed.text, slowly_fixed.fixed)


def test_a_phrase_rule_once_parsed_drops_only_its_shape() -> None:
    # "Like this:" opens a line, in a block that is more than the label the rule removes.
    text = RawText("like this: a sentence that goes on after the label.\n")
    matcher = _matcher(Config(select=("BP007",)))
    assert not matcher.may_match(text)
    assert matcher.may_match(text, parse_certain=True)
    assert not matcher.may_match(RawText("nothing to like\n"), parse_certain=True)


def test_every_rule_asked_once_parsed_says_yes_wherever_its_trigger_does() -> None:
    for rule in builtin_rules():
        for example in rule.examples:
            lowered = RawText(example.text.lower())
            if rule.matcher.may_match(lowered):
                assert rule.matcher.may_match(lowered, parse_certain=True), rule.code
