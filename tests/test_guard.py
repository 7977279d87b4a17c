"""The rendering guard: what a fix leaves renders as it did, or the fix is refused with its reason."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mdclean
from mdclean import guard
from mdclean.document import Document
from mdclean.models import Edit

ADSENSE_SCRIPT = (
    '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>'
)
ADSENSE_SLOT = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
PIXEL = '<img src="https://www.facebook.com/tr?id=1&ev=PageView" width="1" height="1">'


def fixed(text: str) -> mdclean.FixResult:
    result = mdclean.fix(text, unsafe=True)
    assert mdclean.fix(result.text, unsafe=True).text == result.text  # one run does what two would
    return result


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_removed_ad_keeps_a_blank_line_so_the_paragraph_does_not_become_a_heading(
    newline: str,
) -> None:
    text = f"Some text\n{ADSENSE_SCRIPT}\n---\n".replace("\n", newline)
    result = fixed(text)
    assert result.text == "Some text\n\n---\n".replace("\n", newline)
    assert [v.code for v in result.fixed] == ["AD001"] and result.remaining == []


def test_the_blank_line_kept_inside_a_quote_keeps_the_quote_mark() -> None:
    result = fixed(f"> Some text\n> {ADSENSE_SCRIPT}\n> ---\n")
    assert result.text == "> Some text\n>\n> ---\n"


def test_a_removed_suppression_comment_keeps_the_thematic_break() -> None:
    result = fixed("Some text\n<!-- mdclean-disable AD001 -->\n---\n")
    assert result.text == "Some text\n\n---\n"
    assert [v.code for v in result.fixed] == ["MC001"]


@pytest.mark.parametrize("ad", [ADSENSE_SLOT, '<div class="ad-slot">'])
def test_an_ad_whose_html_block_holds_indented_text_stays_rather_than_make_it_code(ad: str) -> None:
    text = f"Intro.\n\n{ad}\n    continued sentence of the article.\n"
    result = fixed(text)
    assert result.text == text and result.fixed == []
    [v] = result.remaining
    assert v.fix is None and v.message.endswith(
        "(not fixed: removing it would turn the text it leaves into code)"
    )


def test_a_fence_line_the_ads_block_held_goes_with_the_ad() -> None:
    # Freed, the ``` would open a fence that takes in the rest of the document.
    result = fixed(f"Intro.\n\n{PIXEL}\n```\n\nRest.\n\n## Heading\n")
    assert result.text == "Intro.\n\nRest.\n\n## Heading\n"
    assert [v.code for v in result.fixed] == ["AD007"]


def test_a_promo_line_between_two_code_blocks_stays_rather_than_join_them() -> None:
    text = (
        "    make build\n\nAlso read: [Other post](https://other.example/post)\n\n    make test\n"
    )
    result = mdclean.fix(text)  # BP002 is a safe fix
    assert result.text == text and result.fixed == []
    [v] = result.remaining
    assert (v.code, v.fix) == ("BP002", None)
    assert v.message.endswith(
        "(not fixed: removing it would join the indented code block on line 1 to another block)"
    )


def test_a_fix_refused_in_one_pass_is_retried_once_its_surroundings_changed() -> None:
    # Removing the slot first would make the pixel's line an HTML block that swallows the fence;
    # once the pixel is gone, the slot can go too: in one run.
    text = f"{ADSENSE_SLOT}{PIXEL}\n```\ncode\n```\n"
    result = fixed(text)
    assert result.text == "```\ncode\n```\n"
    assert sorted(v.code for v in result.fixed) == ["AD001", "AD007"] and result.remaining == []


def test_a_heading_the_ads_html_block_swallowed_is_freed_as_a_heading() -> None:
    # The scraper glued the author's heading to the ad: once the ad goes, it is the heading it was meant to be.
    result = fixed(f"Intro.\n\n{ADSENSE_SLOT}\n## Heading\n\nText.\n")
    assert result.text == "Intro.\n\n## Heading\n\nText.\n"


def test_an_ad_between_two_lists_stays_rather_than_join_them() -> None:
    text = f"- a\n\n{ADSENSE_SLOT}\n\n- b\n"
    result = fixed(text)
    assert result.text == text
    [v] = result.remaining
    assert v.message.endswith(
        "(not fixed: removing it would join the list around the paragraph on line 5 "
        "to the one before it)"
    )


def test_an_ad_between_two_headings_leaves_a_blank_line_between_them() -> None:
    result = fixed(f"## One\n<!-- ad -->\n{ADSENSE_SLOT}\n### Two\n\nText.\n")
    assert result.text == "## One\n\n### Two\n\nText.\n"


def test_the_guard_names_what_would_change() -> None:
    before = Document("Some text\n<!-- x -->\n---\n")
    after = Document("Some text\n---\n")
    assert (
        guard.check(before, after, [Edit(10, 21)])
        == "removing it would turn the paragraph on line 1 into a heading"
    )
    assert guard.check(before, Document("Some text\n\n---\n"), [Edit(10, 20)]) is None


def test_blank_lines_a_removal_brings_together_are_refused() -> None:
    before = Document("a\n\nb\n\nc\n")
    assert (
        guard.check(before, Document("a\n\n\nc\n"), [Edit(3, 5)])
        == "removing it would leave two blank lines in a row (line 2 of the result)"
    )
    assert (
        guard.check(Document("a\n"), Document("a\n\n"), [Edit(2, 2, "\n")])
        == "removing it would leave more than one line break at the end"
    )


FIXTURES = {
    "setext.md": f"Some text\n{ADSENSE_SCRIPT}\n---\n\n## Next\n\nBody.\n",
    "headings.md": f"# Title\n\n## One\n{ADSENSE_SLOT}\n### Two\n\nText.\n",
    "fence.md": f"Intro.\n\n{PIXEL}\n```\n\nRest.\n\n## Heading\n",
    "farm.md": "Text.\n\nAlso read: [Other post](https://other.example/post)\n\n\n## Next\n\nMore.\n",
    "end.md": f"Text.\n\n{ADSENSE_SLOT}\n",
}
RUMDL_RULES = "MD012,MD022,MD047"


def _rumdl_count(rumdl: str, folder: Path) -> dict[str, int]:
    out = subprocess.run(
        [rumdl, "check", "--isolated", "-e", RUMDL_RULES, "--no-exclude", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return {name: sum(1 for line in out.splitlines() if f"{name}:" in line) for name in FIXTURES}


def test_rumdl_flags_nothing_new_after_a_fix(tmp_path: Path) -> None:
    rumdl = shutil.which("rumdl") or str(Path(sys.executable).parent / "rumdl")
    if not Path(rumdl).exists():
        pytest.skip("rumdl is not installed (pip install rumdl, in the test extras)")
    for name, text in FIXTURES.items():
        (tmp_path / name).write_text(text)
    before = _rumdl_count(rumdl, tmp_path)
    for name, text in FIXTURES.items():
        (tmp_path / name).write_text(mdclean.fix(text, unsafe=True).text)
    after = _rumdl_count(rumdl, tmp_path)
    assert all(after[name] <= before[name] for name in FIXTURES), (before, after)
    assert (tmp_path / "headings.md").read_text() == "# Title\n\n## One\n\n### Two\n\nText.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Intro.\n\n> {ADSENSE_SLOT} Some text.\n", "Intro.\n\n> Some text.\n"),
        (f"Intro.\n\n- {ADSENSE_SLOT} Some text.\n- two\n", "Intro.\n\n- Some text.\n- two\n"),
        (f"> Some text {ADSENSE_SLOT}\n> more\n", "> Some text\n> more\n"),
    ],
)
def test_an_ad_cut_from_a_quote_or_list_item_leaves_the_rest_in_it(
    text: str, expected: str
) -> None:
    assert fixed(text).text == expected


def test_a_list_item_left_with_only_its_marker_goes_whole() -> None:
    # Left as "1.", the empty item could not interrupt the paragraph: it would become its text.
    text = "Stone river.\n1. <!-- mdclean-disable AD001 -->\n\nText.\n"
    assert fixed(text).text == "Stone river.\n\nText.\n"


def test_a_lazy_line_after_an_ad_in_a_quote_stays_in_the_quote() -> None:
    assert fixed(f"> {ADSENSE_SLOT}\nLight article.\n").text == "> Light article.\n"


def test_a_page_without_blank_lines_keeps_its_spacing_on_the_second_try() -> None:
    # A crawler wrote no blank lines: the heading had a line of text right above it already, so
    # a new line of text there is no new problem, but only when no seam keeps the blank lines.
    before = Document("Text one.\n### Box\nAsk line.\n## Next\nMore.\n")
    after = Document("Text one.\n## Next\nMore.\n")
    edits = [Edit(10, 28)]
    assert (
        guard.check(before, after, edits)
        == "removing it would leave the heading on line 2 of the result without a blank line around it"
    )
    assert guard.check(before, after, edits, page_spacing=True) is None
    # Two headings brought together still get their blank line.
    heads = Document("## One\nA line.\n### Two\n")
    assert guard.check(heads, Document("## One\n### Two\n"), [Edit(7, 15)], page_spacing=True)
    # A heading the page spaced keeps its blank lines.
    spaced = Document("Text one.\n### Box\nAsk line.\n\n## Next\n\nMore.\n")
    assert guard.check(
        spaced, Document("Text one.\n## Next\n\nMore.\n"), [Edit(10, 29)], page_spacing=True
    )
