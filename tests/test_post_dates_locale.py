"""The date reader of the meta-line rules (``rules/phrases/post-dates.yaml``, read by BP101,
BP200, BP202): each language's dates as themes print them are read whole, and each holds the
shape the rules' trigger asks for (``DATE_SHAPE``, ``DATE_DIGITS``/``DATE_WORDS``)."""

from __future__ import annotations

import pytest

from mdclean.catalogue import builtin_rules
from mdclean.matchers.post_meta import DATE_DIGITS, DATE_SHAPE, DATE_WORDS, PostMetaMatcher

DATES = [
    # (language, a date as a theme prints it)
    ("en", "March 7 2024"),
    ("en", "Mar 3"),  # (with its time after it: "Mar 3 at 10:12")
    ("en", "3 hours ago"),
    ("de", "4. Apr. 2019"),
    ("de", "vor 3 Tagen"),
    ("de", "12. Sept. 2024"),
    ("fr", "18 janv. 2017"),
    ("fr", "il y a 2 jours"),
    ("es", "3 de sept. de 2024"),
    ("es", "hace 5 días"),
    ("pt", "28 de janeiro de 2023"),
    ("pt", "2 dias atrás"),
    ("it", "11 Lug 2023"),
    ("it", "3 giorni fa"),
    ("ru", "12 фев"),  # (with its time after it: "12 фев в 07:00")
    ("ru", "3 нояб. 2024 г."),
    ("ru", "2 дня назад"),
    ("zh", "6月 10, 2017"),
    ("zh", "3 天前"),
    ("ja", "2024年5月3日"),
    ("ja", "3日前"),
    ("ko", "2023. 7. 8."),
    ("ko", "3일 전"),
    ("tr", "23 Nis 2024"),
    ("tr", "5 gün önce"),
    ("id", "3 Agu 2024"),
    ("id", "3 hari yang lalu"),
    ("nl", "3 mrt. 2024"),
    ("nl", "3 dagen geleden"),
    ("pl", "3 wrz 2024"),
    ("pl", "3 dni temu"),
    ("vi", "ngày 3 tháng 5, 2024"),
    ("vi", "3 ngày trước"),
]

# A day of this year is a date with its time only.
_TIMES = {"12 фев": " в 07:00", "Mar 3": " at 10:12"}


def _dates() -> PostMetaMatcher:
    rule = next(rule for rule in builtin_rules() if rule.code == "BP101")
    matcher = rule.matcher
    assert isinstance(matcher, PostMetaMatcher)
    return matcher


@pytest.mark.parametrize(("language", "date"), DATES)
def test_a_date_is_read_whole(language: str, date: str) -> None:
    text = date + _TIMES.get(date, "")
    found = _dates()._parts["dates"].search(text)
    assert found is not None and found.group() == date, language


@pytest.mark.parametrize(("language", "date"), DATES)
def test_a_date_holds_the_trigger(language: str, date: str) -> None:
    text = (date + _TIMES.get(date, "")).lower()
    assert DATE_SHAPE.search(text) is not None, language
    assert DATE_DIGITS.search(text) is not None or any(word in text for word in DATE_WORDS)


@pytest.mark.parametrize(
    "text",
    ["Tipps vor Ort", "due cose fa", "önce", "3 may", "May the 4th", "vor dem Haus"],
)
def test_words_of_a_sentence_are_no_date(text: str) -> None:
    assert _dates()._parts["dates"].search(text) is None
