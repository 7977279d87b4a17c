"""Two rules that read a page different ways and find the same block make its fix safe
(``mdclean.corroboration``); one rule alone, two rules of one family, a rule that extends the
others' findings, or a finding that is only part of the other's, vouch for nothing."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.corroboration import corroborated, reading_of
from mdclean.matchers.article_region import ArticleRegionMatcher
from mdclean.matchers.page_tail import PageTailMatcher
from mdclean.models import Applicability, Edit, Fix, Violation

STAMP = "10.11.2025 17:59"
PAGE = f"""[Son Dakika](/son-dakika)

[](/)

# Dört şüpheli tutuklandı

{STAMP}

Soruşturma kapsamında gözaltına alınan dört şüpheli, çıkarıldıkları mahkemece tutuklandı. Savcılık, şüphelilerin pos cihazlarıyla faizli nakit sağladığını belirledi ve dosyayı genişletti.

Şüphelilerin banka hesaplarına da el konuldu; soruşturmanın önümüzdeki günlerde başka illere uzanması bekleniyor.
"""


def _fixed(*codes: str) -> str:
    return mdclean.fix(PAGE, config=Config(select=codes)).text


def test_two_readings_of_one_line_make_its_fix_safe() -> None:
    # BP200 reads the line under the title as a byline, BP345 as an edge widget's line
    assert STAMP in _fixed("BP200")
    assert STAMP in _fixed("BP345")
    assert _fixed("BP200", "BP345") == PAGE.replace(f"{STAMP}\n\n", "")
    (violation,) = mdclean.lint(PAGE, config=Config(select=("BP200", "BP345")))
    assert violation.fix is not None and violation.fix.is_safe


def test_a_disabled_rule_vouches_for_nothing() -> None:
    text = "<!-- mdclean-disable BP345 -->\n\n" + PAGE
    fixed = mdclean.fix(text, config=Config(select=("BP200", "BP345"))).text
    assert STAMP in fixed


def _unsafe(code: str, start: int, end: int) -> Violation:
    fix = Fix((Edit(start, end),), Applicability.UNSAFE)
    return Violation(code, code.lower(), "m", 1, 1, 1, 1, start, end, fix)


def _safety(violations: list[Violation]) -> list[bool]:
    return [v.fix is not None and v.fix.is_safe for v in violations]


def test_the_same_block_means_each_covers_nine_tenths_of_the_other() -> None:
    readings: dict[str, str | None] = {"A": "a", "B": "b"}
    same = [_unsafe("A", 0, 100), _unsafe("B", 5, 100)]
    assert _safety(corroborated(same, readings)) == [True, True]
    # a run around a block, or a block inside a run, is not the same block
    part = [_unsafe("A", 0, 100), _unsafe("B", 50, 100)]
    assert _safety(corroborated(part, readings)) == [False, False]


def test_one_family_or_no_reading_vouches_for_nothing() -> None:
    pair = [_unsafe("A", 0, 100), _unsafe("B", 0, 100)]
    assert _safety(corroborated(pair, {"A": "a", "B": "a"})) == [False, False]
    assert _safety(corroborated(pair, {"A": "a", "B": None})) == [False, False]


def test_a_subclass_reads_the_page_as_its_family_does() -> None:
    region = ArticleRegionMatcher.__new__(ArticleRegionMatcher)
    tail = PageTailMatcher.__new__(PageTailMatcher)
    assert reading_of(region) == reading_of(tail) is not None


def test_a_rule_that_extends_the_others_findings_vouches_for_nothing() -> None:
    from mdclean.matchers.chrome_tail import ChromeTailMatcher

    assert ChromeTailMatcher.extends_findings
    assert reading_of(ChromeTailMatcher.__new__(ChromeTailMatcher)) is None


def test_a_rule_pack_s_matcher_reads_as_its_own_family() -> None:
    from mdclean.matchers.labelled_line import LabelledLineMatcher
    from mdclean.time_limit import TimeLimitedMatcher

    inner = LabelledLineMatcher.__new__(LabelledLineMatcher)
    limited = TimeLimitedMatcher(inner, "FR001", "FR001.yaml")
    assert reading_of(limited) == reading_of(inner) is not None
