"""BP105 crawl-head: a crawled page's header that the crawler kept twice is read in one pass."""

from __future__ import annotations

from pathlib import Path

import mdclean

PAGE = Path(__file__).parent / "data" / "crawl_head_twice.md"


def test_both_headers_are_found_in_the_same_pass() -> None:
    """The skip link's header and the second menu above the title: another rule's fix in the
    same pass (BP185 takes the menu's link lines) would leave a later pass no evidence."""
    text = PAGE.read_text(encoding="utf-8")
    found = mdclean.lint(text, config=mdclean.Config(select=("BP105",)))
    assert [(v.code, v.line, v.end_line) for v in found] == [("BP105", 6, 10), ("BP105", 14, 17)]
    assert all(v.fix is not None for v in found)


def test_with_the_saved_page_rules_nothing_of_either_header_stays() -> None:
    text = PAGE.read_text(encoding="utf-8")
    config = mdclean.Config(select=("BP105", "BP185"))
    fixed = mdclean.fix(text, config=config, unsafe=True).text
    assert fixed == (
        "---\n"
        "title: 'Kernel flaw: how to mitigate it'\n"
        "url: https://news.example.org/kernel-flaw/\n"
        "---\n\n"
        "# Kernel flaw: how to mitigate it\n\n"
        "A researcher found a flaw in the kernel that lets a local user gain root, and the "
        "maintainers shipped a patch within days of the report.\n"
    )
