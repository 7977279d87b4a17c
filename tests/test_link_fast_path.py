"""The link rules' own fast-path tests rule out only texts they cannot fire on, whatever the link spelling."""

from __future__ import annotations

from dataclasses import replace

import pytest

import mdclean
from mdclean import prefilter
from mdclean.config import Config
from mdclean.matchers import linkblocks

LINK_RULES = Config(select=("LK001", "LK002", "LK003"))

FIRING = {
    "duplicate-list-through-definitions": (
        "Intro.\n\n- [One][a]\n- [Two][b]\n- [Three][c]\n\nText between.\n\n- [One][a]\n- [Two][b]\n- [Three][c]\n\n"
        "[a]: https://a.test/x\n[b]: https://b.test/y\n[c]: /local\n",
        "LK001",
    ),
    "duplicate-list-with-an-entity-and-trailing-slash": (
        "- [One](/a&#47;b)\n- [Two](/c)\n- [Three](/d)\n\nText between.\n\n- [One](/a/b)\n- [Two](/c/)\n- [Three](</d>)\n",
        "LK001",
    ),
    "one-page-through-one-definition": (
        "# Contents\n\n- [Introduction to it][p]\n- [Method one here][p]\n- [The price of it][p]\n\n"
        "[p]: https://shop.test/item\n",
        "LK003",
    ),
    "captioned-row-to-one-page": (
        "Sections: [Intro](https://shop.test/p#a) | [Setup](https://shop.test/p/#b) | [Price](https://shop.test/p#c)\n",
        "LK003",
    ),
}


@pytest.mark.parametrize("name", FIRING)
def test_a_link_rule_that_fires_is_a_candidate(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text, code = FIRING[name]
    slow = replace(LINK_RULES, fast_path=False)
    assert code in {v.code for v in mdclean.lint(text, config=slow)}
    assert code in {r.code for r in prefilter.prefilter_for(LINK_RULES.rules).candidates(text)}


def test_prose_with_a_few_links_and_code_comments_is_no_candidate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "# Title\n\nSee [the docs](https://docs.test/a) and [b](https://docs.test/b).\n\n"
        "```js\n// one\n// two\n// three\n```\n"
    )
    assert prefilter.prefilter_for(LINK_RULES.rules).candidates(text) == ()


@pytest.mark.parametrize(
    "spelling",
    [
        "[x](https://docs.test/a\\_b)",
        "[x](https://docs.test/%C3%A4)",
        "[x](https://d&#111;cs.test/a)",
        "[x](https://dücs.test/a)",
        "[x](http:&#47;/docs.test/a)",
    ],
)
def test_a_target_the_raw_text_cannot_read_keeps_every_link_rule(
    spelling: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"# Title\n\n{spelling} {spelling} {spelling} and prose.\n"  # links first: LK002 reads its section
    assert {r.code for r in prefilter.prefilter_for(LINK_RULES.rules).candidates(text)} == {
        "LK001",
        "LK002",
        "LK003",
    }


@pytest.mark.parametrize(
    ("text", "uses"),
    [
        ("[a]: https://x.test/a\n", 0),
        ("See [a] and [b][A] and [A][].\n\n[a]: https://x.test/a\n", 3),
        ("See [foo\n  bar] and [ FOO BAR ].\n\n[foo bar]: https://x.test/a\n", 2),
        ("[a\\]b]: https://x.test/a\n", linkblocks.UNBOUNDED),  # an escape: can't tell
        ("[straße]: https://x.test/a\n", linkblocks.UNBOUNDED),  # Unicode case folding: can't tell
    ],
)
def test_a_definition_has_as_many_links_as_its_label_is_written(text: str, uses: int) -> None:
    lowered = text.lower()
    assert linkblocks.definition_uses(lowered, lowered.index("]:")) == uses


def test_links_through_a_definition_used_once_are_not_repeated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "# T\n\nSee [one] and [two] and [three].\n\n[one]: https://x.test/1\n[two]: https://x.test/2\n"
        "[three]: https://x.test/3\n"
    )
    assert prefilter.prefilter_for(LINK_RULES.rules).candidates(text) == ()
    used_twice = text.replace("See [one]", "See [one], [one]")
    assert "LK003" in {
        r.code for r in prefilter.prefilter_for(LINK_RULES.rules).candidates(used_twice * 3)
    }


def test_link_targets_are_counted_by_their_key() -> None:
    text = (
        "see [a](https://x.test/a/) [b](http://x.test/a) [c](mailto:me@x.test) [d](https:#top) [e](#top)\n\n"
        "[r]: https://y.test/\n\n[r] [r]\n"
    )
    assert linkblocks.link_target_counts(text) == {
        "//x.test/a": 2,
        "me@x.test": 1,
        "https:#top": 1,
        "#top": 1,
        "//y.test": 2,
    }


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("a [b](https://xn--bcher-kva.test/a) and c\n", None),  # punycode in a target: can't tell
        (
            "text about xn--punycode\n[b](https://x.test/a) [c](https://x.test/a#f)\n",
            {"x.test/a": 2},
        ),
    ],
)
def test_punycode_makes_a_page_unreadable_only_in_a_target(
    text: str, counts: dict[str, int] | None
) -> None:
    assert linkblocks.external_page_counts(text) == counts


def test_attribute_values_are_read_whole_or_not_at_all() -> None:
    from mdclean.matchers.affiliate_block import _attribute_values

    tag = "<a href=\"https://a.test/x y\" src = 's' poster=p.jpg>"
    assert _attribute_values(tag) == ["https://a.test/x y", "s", "p.jpg"]
    assert _attribute_values(tag + ' <a href="never closed') is None


def test_a_link_farm_is_run_unasked_once_another_rule_makes_the_parse_certain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = Config(select=("AD010", "LK001", "LK002")).rules
    asked: list[str] = []
    for rule in rules:
        if rule.code != "AD010":
            ask = rule.matcher.may_match
            monkeypatch.setattr(
                rule.matcher,
                "may_match",
                lambda text, ask=ask, code=rule.code, **options: (
                    asked.append(code) or ask(text, **options)
                ),
            )
    candidates = prefilter.prefilter_for(rules).candidates
    assert candidates("# Title\n\nProse.\n") == () and asked == ["LK001", "LK002"]
    asked.clear()
    assert [r.code for r in candidates("# Title\n\nAdvertisement\n\nProse.\n")] == [
        "AD010",
        "LK001",
        "LK002",
    ]
    assert asked == []
