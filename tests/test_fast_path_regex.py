"""The fast path's regex reader (``mdclean.fastpath.regex_literals``) never says a wrong "no".

Random patterns from a grammar of Python regex syntax (classes holding ``(``, ``|`` and
``)``, every group kind, every quantifier, escapes, flags, backreferences, conditionals)
and texts drawn to match them: whenever ``re.search`` matches, the lower-cased text holds
one of the literals, the match is no wider than the width, and the top-level branches
match what the whole pattern matches.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import mdclean
from mdclean.config import Config
from mdclean.fastpath.raw_text import RawText, per_text
from mdclean.fastpath.regex_literals import (
    leading_group,
    max_width,
    parse,
    plain_runs,
    required_choice,
    required_literals,
    top_level_branches,
)
from mdclean.matchers.base import searchable

_LITERALS = st.sampled_from([*"abcAbC xyz-:!é", "ab", "cab", "ſ", "K", "İ"])
_ESCAPES = st.sampled_from(
    [r"\(", r"\)", r"\|", r"\[", r"\]", r"\.", r"\x41", r"\u0062", r"\101", r"\0", r"\n", r"\-"]
)
_CLASSES = st.sampled_from(
    [
        "[(]",
        "[)]",
        "[|]",
        "[(|)]",
        "[]a]",
        "[^]a]",
        "[^(]",
        "[a-c]",
        r"[\]b]",
        r"[\d(]",
        "[[]",
        r"\d",
        r"\w",
        r"\s",
        r"\W",
        ".",
    ]
)
_ANCHORS = st.sampled_from(["^", "$", r"\b", r"\B", r"\A", r"\Z", "(?=a)", "(?!b)", "(?<=a)"])
_QUANTIFIERS = st.sampled_from(
    [
        *("", "", "", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}", "{0}"),
        *("*?", "+?", "??", "{1,2}?"),  # lazy
        *("*+", "++", "?+"),  # possessive (Python 3.11)
    ]
)


def _group(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    opening = st.sampled_from(["(", "(?:", "(?i:", "(?-i:", "(?>", "(?P<g>", "(?=", "(?<!"])
    return st.builds(lambda o, body: f"{o}{body})", opening, inner)


def _atoms(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        _LITERALS,
        _ESCAPES,
        _CLASSES,
        _ANCHORS,
        _group(inner),
        st.builds(lambda a, b: f"(?(1){a}|{b})", inner, inner),
        st.just(r"\1"),
        st.just("(?P=g)"),
        st.just("(?#a comment (|)"),
    )


def _sequence(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.builds(lambda a, q: a + q, _atoms(inner), _QUANTIFIERS)
    return st.lists(piece, min_size=1, max_size=5).map("".join)


def _alternation(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(_sequence(inner), min_size=1, max_size=3).map("|".join)


PATTERNS = st.recursive(_alternation(st.just("abc")), _alternation, max_leaves=8)
FLAGS = st.sampled_from([0, re.IGNORECASE])


def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "[[" and the like: sets all the same
            return re.compile(pattern, flags)
    except (re.error, OverflowError):
        assume(False)
        raise


def _texts_of(regex: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Texts around a match of ``regex`` (or any text, where hypothesis cannot build one)."""
    around = st.text(alphabet="aAbc (|)\nxé", max_size=6)
    try:
        matching = st.from_regex(regex)
    except Exception:
        matching = st.text(max_size=10)
    return st.builds(lambda a, m, b: a + m + b, around, matching, around)


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(PATTERNS, FLAGS, st.data())
def test_a_text_that_matches_holds_one_of_the_literals(
    pattern: str, flags: int, data: st.DataObject
) -> None:
    regex = _compiled(pattern, flags)
    text = data.draw(_texts_of(regex))
    match = regex.search(text)
    if match is None:
        return
    literals = required_literals([regex])
    if literals is not None:
        lowered = searchable(text.lower())
        assert any(literal in lowered for literal in literals), (pattern, text, literals)
    width = max_width(pattern)
    if width is not None:
        assert len(match.group()) <= width
    choice = required_choice(pattern, str.isalnum)
    if choice is not None:  # (a label's words: looked for in the lower-cased, folded text)
        seen = searchable(match.group().lower())
        assert any(searchable(s.lower()) in seen for s in choice), (pattern, text, choice)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(PATTERNS, st.data())
def test_the_top_level_branches_match_what_the_pattern_matches(
    pattern: str, data: st.DataObject
) -> None:
    regex = _compiled(pattern, 0)
    branches = top_level_branches(pattern)
    assume(branches is not None)
    assert branches is not None
    assert "|".join(branches) == pattern
    try:
        compiled = [re.compile(branch) for branch in branches]
    except re.error:
        return  # a backreference to a group of another branch
    text = data.draw(_texts_of(regex))
    if regex.fullmatch(text) and len(branches) > 1:
        assert any(branch.fullmatch(text) for branch in compiled)


@pytest.mark.parametrize(
    ("pattern", "branches"),
    [
        ("zz[(]q|subscribe now", ["zz[(]q", "subscribe now"]),
        ("a[]|)]b|(?:c|d)e|[^]|]", ["a[]|)]b", "(?:c|d)e", "[^]|]"]),
        (r"a\|b|c", [r"a\|b", "c"]),
        ("(?#x|y)z|w", ["(?#x|y)z", "w"]),
        ("(?(1)a|b)", None),  # refused by re: no group 1
        ("(a)(?(1)b|c)|d", ["(a)(?(1)b|c)", "d"]),
    ],
)
def test_top_level_branches_read_classes_comments_and_conditionals(
    pattern: str, branches: list[str] | None
) -> None:
    assert top_level_branches(pattern) == branches


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bFaceBook\.com/tr\b", ("facebook.com/tr",)),
        (
            r"\banalytics\.twitter\.com/i/adsct|\bt\.co/i/adsct",
            ("analytics.twitter.com/i/adsct", "t.co/i/adsct"),
        ),
        (r"^(?:https?:)?//[^/]+/i/\d{5,}/\d+/\d+\b", ("/i/",)),
        (r"/(?:matomo|piwik)\.php\?(?:[^\"\s]*&)?idsite=", ("idsite=",)),
        (r"\w+\.(?:io|me)", None),
        (r"zz[(]q|subscribe now", None),  # "zz" and "q" are too short to rule a text out
        (r"subscribe[(]now|follow us", ("subscribe", "follow us")),
        (r"\x41BC", ("abc",)),
        (r"(?x) a b c", None),  # verbose: not read
        (r"ab{,2}cd", None),  # "{,2}" may repeat nothing: no run of three
        (r"(?:abc)+x|(abc){2}", ("abc", "abcabc")),
    ],
)
def test_required_literals_of_known_patterns(
    pattern: str, literals: tuple[str, ...] | None
) -> None:
    assert required_literals([re.compile(pattern, re.IGNORECASE)]) == literals


@pytest.mark.parametrize(
    ("pattern", "choice"),
    [
        (".{0,12}(?:扫码|长按)(?:识别|图中){0,2}.{0,6}(?:关注|加群).{0,30}", ("扫码", "长按")),
        ("x(?:ab|cde)+y(?:fgh|ijk)", ("fgh", "ijk")),  # the group whose shortest is longest
        ("x(?:ab|c.)y", None),
        ("x(?:ab|)y", None),
        ("(?:ab|cd)?x", None),
        ("(?:ab|cd)x|y", None),
        ("(?:a-b|cd)x", None),  # "-" is no letter
    ],
)
def test_a_required_choice_is_a_group_of_plain_words(
    pattern: str, choice: tuple[str, ...] | None
) -> None:
    assert required_choice(pattern, str.isalnum) == choice


def test_widths_runs_and_leading_groups() -> None:
    assert max_width("more from [^:]{1,40}|also") == 50
    assert max_width(r"read\s+more") is None
    assert max_width(r"(a)\1") is None  # a backreference: as wide as the group was
    assert plain_runs("ab+c d{0,2}ef", str.isalnum) == ["ab", "bc", "", "ef"]
    assert plain_runs("a|b", str.isalnum) is None
    assert leading_group("(?:a|b[)])? c") == ("a|b[)]", "? c")
    assert leading_group("(a) c") is None


def test_no_private_regex_parser_is_imported() -> None:
    private = re.compile(
        r"^\s*(?:import\s+(?:sre_parse|sre_constants|re\._)|from\s+(?:sre_parse|sre_constants"
        r"|re\._\w+)\s+import|from\s+re\s+import\s+_)",
        re.MULTILINE,
    )
    package = Path(mdclean.__file__).parent
    for path in package.rglob("*.py"):
        assert not private.search(path.read_text(encoding="utf-8")), path
    assert parse("(?P<x>a)|b") is not None


def test_a_reading_is_kept_per_text_not_per_module() -> None:
    reads: list[str] = []

    @per_text
    def upper(text: str) -> str:
        reads.append(text)
        return text.upper()

    one, other = RawText("one"), RawText("two")
    assert upper(one) == "ONE" and upper(one) == "ONE" and upper(other) == "TWO"
    assert upper(one) == "ONE"  # still kept after another text was read
    assert reads == ["one", "two"]
    assert isinstance(upper(one), RawText)  # a derived text keeps readings of its own
    upper("plain")
    upper("plain")
    assert reads == ["one", "two", "plain", "plain"]  # a plain str is read each time


def _pack(folder: Path, labels: list[str]) -> Path:
    rule = (
        "code: ZZ001\nname: zz-promo\nsummary: Promo label\nexplanation: A label alone.\n"
        "fix: safe\nmatcher: phrase-block\nparams:\n  labels:\n"
        + "".join(f"    - '{label}'\n" for label in labels)
        + 'examples:\n  - bad: "Text.\\n\\nSubscribe now\\n"\n    fixed: "Text.\\n"\n'
        + '  - good: "Subscribe now to the feed of release notes.\\n"\n'
    )
    (folder / "ZZ001.yaml").write_text(rule, encoding="utf-8")
    return folder


def test_a_label_with_a_parenthesis_in_a_class_is_found_with_the_fast_path(
    tmp_path: Path,
) -> None:
    """The old hand reader took the ``(`` of ``[(]`` for a group and lost "subscribe now"."""
    fast = Config(select=("ZZ001",), rule_packs=(_pack(tmp_path, ["zz[(]q|subscribe now"]),))
    slow = Config(select=("ZZ001",), rule_packs=(tmp_path,), fast_path=False)
    text = "Article text.\n\nSubscribe now\n\nMore text.\n"
    found = mdclean.lint(text, config=fast)
    assert [(v.code, v.line) for v in found] == [("ZZ001", 3)]
    assert found == mdclean.lint(text, config=slow)
