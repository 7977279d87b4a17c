"""The trigger vocabulary (``fastpath.triggers``): each condition on exact texts, the readings
it keeps per text, and what the shipped rules declare with it."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdclean.catalogue import builtin_rules, load_rule_file
from mdclean.errors import RuleFileError
from mdclean.fastpath.raw_text import RawText, searchable
from mdclean.fastpath.triggers import (
    ALWAYS,
    AllOf,
    Among,
    AnyOf,
    AtLeast,
    Check,
    InHead,
    Literals,
    Search,
    Trigger,
    hand_written,
)
from mdclean.matchers import MATCHERS
from mdclean.matchers.base import Matcher, loosened
from mdclean.matchers.label_triggers import LabelTrigger
from mdclean.prefilter import examples_ruled_out

RULES = {rule.code: rule for rule in builtin_rules()}


def _never(text: str) -> bool:
    raise AssertionError("asked, though an earlier part already answered")


def test_literals_hold_when_one_stands_in_the_text() -> None:
    keywords = Literals(("advert", "sponsor"))
    assert keywords.holds("an advertisement")
    assert keywords.holds("our sponsors")
    assert not keywords.holds("an adventure")


def test_all_of_and_any_of_stop_at_the_first_answer() -> None:
    never = Check(_never, "for the test")
    assert not AllOf((Literals(("<",)), never)).holds("no markup here")
    assert AnyOf((Literals(("<",)), never)).holds("<div>")


def test_a_folded_search_sees_the_text_as_a_case_insensitive_regex_does() -> None:
    ship = re.compile("ship")
    assert Search(ship).holds("ſhip")  # "ſ" folds to "s" for a case-insensitive regex
    assert not Search(ship, folded=False).holds("ſhip")


def test_a_search_for_a_plain_string_is_a_substring_test() -> None:
    assert Search(re.compile("Data-Ad", re.I)).holds("<div data-ad=1>")
    assert not Search(re.compile(r"ad\b")).holds("adds")  # an assertion: the regex is asked


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("aAbB-=<_ "), min_size=1, max_size=4), st.text(max_size=30))
def test_a_plain_string_search_answers_as_the_regex(source: str, text: str) -> None:
    for flags in (0, re.IGNORECASE):
        pattern = re.compile(source, flags)
        lowered = text.lower()
        assert Search(pattern).holds(lowered) == bool(pattern.search(searchable(lowered)))


def test_at_least_counts_occurrences() -> None:
    assert AtLeast("//", 2).holds("http://a http://b")
    assert not AtLeast("//", 3).holds("http://a http://b")


def test_in_head_asks_only_the_first_blocks_when_the_raw_text_can_bound_them() -> None:
    byline = InHead(1, Literals(("posted by",)))
    assert byline.holds("Posted by Ann\n\nThe article.\n".lower())
    assert not byline.holds("The article.\n\nposted by Ann\n")
    assert byline.holds("```\nunclosed fence\n\nposted by ann\n")  # no head: the whole text


def test_among_asks_the_strings_a_reading_finds() -> None:
    def targets(text: str) -> tuple[str, ...]:
        return tuple(re.findall(r"\]\(([^)]*)\)", text))

    share = Among(targets, (re.compile(r"sharer\.php"),), ("sharer",))
    assert share.holds("[f](https://facebook.com/sharer.php?u=x)")
    assert not share.holds("the sharer.php page, and [f](https://facebook.com/)")
    assert not share.holds("[f](https://a.test/sharer) and [g](https://b.test/x.php)")
    assert Among(targets).holds("[a](b)")  # no literal, no pattern: any string
    assert not Among(targets).holds("no link")


def test_among_reads_a_string_that_holds_a_line_break_as_one() -> None:
    def parts(text: str) -> tuple[str, ...]:
        return tuple(text.split("|"))

    across = Among(parts, (re.compile("a.b", re.DOTALL),), ("b",))
    assert across.holds("a\nb|c")
    assert not across.holds("a|b")


def test_a_reading_is_kept_on_the_raw_text_and_shared_by_equal_conditions() -> None:
    calls: list[str] = []

    def reading(text: str) -> tuple[str, ...]:
        calls.append(text)
        return (text,)

    text = RawText("[a](b)")
    assert Among(reading, (), ("b",)).holds(text)
    assert Among(reading, (), ("b",)).holds(text)  # an equal condition: its answer is kept
    assert len(calls) == 1
    assert Among(reading, (), ("b",)).holds("[a](b)")  # a plain str keeps nothing
    assert len(calls) == 2


def test_hand_written_conditions_are_found_inside_the_tree() -> None:
    check = Check(bool, "why")
    assert hand_written(AllOf((Literals(("x",)), AnyOf((check,))))) == [check]
    assert hand_written(InHead(3, check)) == [check]
    assert hand_written(ALWAYS) == []


# Each hand-written condition of a shipped rule, with the reason no declaration fits it (the
# reason is the Check's ``why``; the equivalence tests cover each of them).
HAND_WRITTEN = {
    "AD011": "an image whose URL the lists judge so",
    "AD012": "an image whose URL the lists judge so",
    "AD009": "a keyword in a URL the rule reads",
    "BP068": "lines in a row are chrome",
    "BP050": "a sign-off line is evidence",
    "BP098": "a caption on a fence's first or last line",
    "BP160": "a word of an ask stands in the part of the text its tail may read",
    "BP241": "a word one of the announcement's branches needs; then its regex",
    "BP175": "a fence's letters and digits stand twice in the text",
    "BP070": "a line may show nothing but buttons' captions and counters",
    "BP085": "lines in a row are chrome",
    "BP154": "lines in a row are chrome",
    "BP300": "lines in a row are chrome",
    "BP420": "short lines enough for a run",
    "BP421": "short lines enough for a run",
    "BP500": "short lines enough for a run",
    "BP600": "short lines enough for a run",
    "LK002": "a heading over what may be a link list",
    "LK004": "the last line may end a link",
    "LK005": "repeated long lines hold enough characters",
    "LK006": "the last line may end a link",
    "LK007": "a line may open a block of links",
    "BP310": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP311": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP312": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP313": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP330": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP385": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP375": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP355": "a keyword stands after the last fence (before a colon, for a label)",
    "BP356": "a keyword stands after the last fence (before a colon, for a label)",
    "BP380": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP410": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP414": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP382": "a line holds a link headed by a previous label and then one headed by a next label",
    "BP345": "a line is a widget line of a strong kind or a date",
    "BP400": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP401": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP461": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP462": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP463": "two of the UI strings, or one long one, stand in the text as a reader sees it",
    "BP505": "a phrase may open a line",
    "BP506": "a phrase may open a line",
    "BP507": "three lines, a phrase may open one",
    "BP508": "a phrase may open a line",
    "BP685": "three lines, a phrase may open one",
}


def test_the_shipped_rules_declare_their_triggers_and_few_are_hand_written() -> None:
    found = {
        code: [check.why for check in hand_written(rule.matcher.trigger())]
        for code, rule in RULES.items()
    }
    assert {code: whys[0] for code, whys in found.items() if whys} == HAND_WRITTEN
    assert all(len(whys) <= 1 for whys in found.values())


def test_only_the_site_template_matcher_overrides_may_match() -> None:
    # Its trigger is the digest of each block of the raw text against the site's template,
    # learned per run: it is the matcher's own data, not a condition on the text's words.
    overriding = {
        name
        for name, matcher in MATCHERS.items()
        if matcher.may_match is not Matcher.may_match  # type: ignore[comparison-overlap]
    }
    assert overriding == {"site-template"}


def test_every_shipped_rule_has_a_trigger_but_two() -> None:
    # FM007 reports a missing front matter key (every page may lack it); TPL001's trigger is
    # its ``may_match`` (above). A rule that extends the others' findings (BP083) is never
    # asked: the prefilter runs it exactly when another body rule runs.
    always = {
        code
        for code, rule in RULES.items()
        if rule.matcher.trigger() is ALWAYS and not rule.matcher.extends_findings
    }
    assert always == {"FM007", "TPL001"}
    extending = {code for code, rule in RULES.items() if rule.matcher.extends_findings}
    assert extending == {"BP083"}


def test_rules_whose_patterns_the_reader_cannot_use_declare_keywords() -> None:
    """The regex reader derives a trigger from most patterns of the shipped rules; where it
    cannot (a phrase list it is unsure of, a target pattern with a lookaround), the rule's
    ``keywords`` are its declared literals, checked against its bad examples at load."""
    unread = set()
    for code, rule in RULES.items():
        matcher = rule.matcher
        if getattr(matcher, "labels_trigger", True) is None:
            unread.add(code)
        if getattr(matcher, "targets_in_text", True) is None:
            unread.add(code)
    # (BP021, BP028: read through a group of words, required_choice; BP265: its field phrases,
    # some with no word of their own, are read through the keywords of its button)
    # (BP483, BP484: headings and offers in scripts without a word the reader can read)
    # (BP496: a text-size switcher's choices alone open with any of a few dozen size words)
    # (BP507, BP685: dates in every shape, read through the digit a date line holds)
    # (BP560, BP562: notice families read by grammar, some opening with any words: their keywords)
    assert unread == {
        "BP023",
        "BP265",
        "BP483",
        "BP484",
        "BP496",
        "BP507",
        "BP560",
        "BP562",
        "BP685",
    }
    assert all(RULES[code].matcher.keywords for code in unread)


def test_target_patterns_are_loosened_past_their_anchors() -> None:
    pattern = loosened([re.compile(r"^[^#\s]+#(?:comments?|respond)$", re.I)])
    assert pattern is not None
    assert pattern.search("see https://a.test/post#comments, then more")
    assert loosened([re.compile(r"/likers/?(?:$|[?#])")]) is not None
    assert loosened([re.compile(r"[$^]x\$")]).pattern == r"(?:[$^]x\$)"  # type: ignore[union-attr]
    assert loosened([re.compile(r"(?<!releases/)tags?/")]).pattern == "(?:tags?/)"  # type: ignore[union-attr]
    assert loosened([re.compile(r"(?=a)?b")]) is None  # quantified: "?" would apply elsewhere


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab$^[]\\|()?*.x", "(?=", "(?!", "(?<=", "(?<!", "\\b"]), max_size=10
    ).map("".join),
    st.text(st.sampled_from("abx$^[]|.\n"), max_size=16),
)
def test_a_loosened_pattern_matches_wherever_the_pattern_does(source: str, text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # "possible nested set": "[[" is allowed
        try:
            pattern = re.compile(source)
        except re.error:
            return
    loose = loosened([pattern])
    if loose is not None and pattern.search(text):
        assert loose.search(text)


def test_platform_chrome_needs_as_many_label_hits_as_its_evidence() -> None:
    bp035 = RULES["BP035"].matcher  # min_distinct: 3
    page = "# Knots\n\n12K views · 2 days ago\n\nShow transcript\n\nShow less\n"
    assert bp035.may_match(page.lower())
    one = "# Knots\n\nShow transcript\n\nThe knot is easy to tie.\n"
    assert bp035.trigger().holds(one.lower()) is False


def test_hidden_element_trigger_skips_what_no_hiding_rule_condemns() -> None:
    ad013 = RULES["AD013"].matcher
    assert not ad013.may_match('<a id="install"></a>\n\ntext <br /> <p class="note">x</p>\n')
    assert ad013.may_match('<div class="ad-box">buy</div>\n')
    assert ad013.may_match("<display-ads></display-ads>\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(RULES)), st.integers(0, 20), st.text(max_size=40))
def test_a_trigger_answers_alike_on_a_raw_text_and_a_plain_one(
    code: str, cut: int, noise: str
) -> None:
    rule = RULES[code]
    example = rule.examples[cut % len(rule.examples)].text
    text = (
        example[: len(example) * cut // 20] + noise + example[len(example) * cut // 20 :]
    ).lower()
    trigger: Trigger = rule.matcher.trigger()
    assert trigger.holds(RawText(text)) == trigger.holds(text)


def test_no_shipped_bad_example_is_ruled_out_by_its_trigger() -> None:
    assert {code: examples_ruled_out(rule) for code, rule in RULES.items()} == {
        code: [] for code in RULES
    }


PACK_RULE = """\
code: XX001
name: test-rule
summary: Test ad
explanation: For tests.
fix: safe
matcher: html-element
params:
  signatures: ['\\\\btestad\\\\b']
  keywords: [{keyword}]
examples:
  - bad: |
      <div class="testad"></div>
    fixed: ""
  - good: |
      testad in prose
"""


def test_a_rule_pack_whose_keywords_miss_its_bad_example_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rule.yaml"
    path.write_text(PACK_RULE.format(keyword="testadd"), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path, pack=True)
    assert str(caught.value) == (
        f"{path}: examples[0]: the rule's trigger rules this bad example out "
        "(its text holds none of the rule's keywords?)"
    )
    path.write_text(PACK_RULE.format(keyword="testad"), encoding="utf-8")
    assert load_rule_file(path, pack=True).code == "XX001"


def test_a_leading_optional_character_is_spelt_out_in_the_label_openings() -> None:
    trigger = LabelTrigger.of([r"e-?mail\s*:"])
    assert trigger is not None
    assert not trigger.may_match("example\n\nelse\n")  # "e" alone opens no label
    assert trigger.may_match("email: me@example.com\n")
    assert trigger.may_match("e-mail: me@example.com\n")
    # Too many variants once spelt out: the optional character stays, the trigger too.
    many = LabelTrigger.of(["(?:a|b)c?(?:d|e|f)(?:g|h|i|j|k|l)(?:m|n|o)"])
    assert many is not None
    assert not many.may_match("zzz\n")
    assert many.may_match("acdgm\n")
