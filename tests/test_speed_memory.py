"""What a long run keeps between pages: nothing of a page once it is done (a worker's memory
used to grow all run long, 44 -> 137 MB each on 13,827 real docs pages)."""

from __future__ import annotations

from mdclean.catalogue import builtin_rules
from mdclean.fastpath.raw_text import RawText
from mdclean.matchers.phrase_lists import _folded_width, fold_width


def test_a_pages_text_is_folded_but_not_kept() -> None:
    """A block's text is folded once and kept (every phrase rule folds it); a page's text, a
    ``RawText`` with its readings, is folded and let go with the page."""
    _folded_width.cache_clear()
    page = RawText("標題：一段文字（很長）\n" * 50)
    assert fold_width(page) == "標題:一段文字(很長)\n" * 50
    assert _folded_width.cache_info().currsize == 0
    assert fold_width("標題：") == "標題:"
    assert _folded_width.cache_info().currsize == 1


def _caption_check(lowered: str) -> bool:
    rule = next(rule for rule in builtin_rules() if rule.code == "BP098")
    return bool(rule.matcher._caption_by_a_fence(lowered))  # type: ignore[attr-defined]


def test_a_one_line_fence_is_read_as_its_own_line() -> None:
    """The last line of a fence of one line is that line, not the text from the page's start
    (which the caption check folded and kept, a whole page each time)."""
    before = "标题：一段文字\n\n复制代码\n\n"
    _caption_check("")  # the rule built (its phrases folded) before the count starts
    _folded_width.cache_clear()
    assert not _caption_check(before + "```\nprint(1)\n```\n")
    assert _folded_width.cache_info().currsize == 0  # "print(1)" is ASCII: nothing to fold
    assert _caption_check(before + "```\nprint(1)\n复制代码\n```\n")
