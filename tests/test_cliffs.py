"""No cliffs: pathological but legal inputs finish in seconds, and a parser limit is a per-file error.

The bound is no speed target (those live in ``bench/``): it is a guard against a cliff coming
back. Each case was quadratic or worse before: 20,000 unclosed tags took minutes in the HTML
scanner, 8,000 ad units on one page took minutes to fix while choosing compatible edits. CPU
time, not wall time, so a machine shared with other jobs does not fail it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

import mdclean
from mdclean import parsing
from mdclean.errors import MdcleanError
from mdclean.markup import scan_elements
from mdclean.runner import Mode, run_files

BOUND = 60.0
"""CPU seconds; each case takes one to five, a cliff takes minutes."""

AD = '<ins class="adsbygoogle" data-ad-slot="{i}"></ins>'


def _timed(action: Callable[[], object]) -> object:
    start = time.process_time()
    result = action()
    assert time.process_time() - start < BOUND
    return result


@pytest.mark.parametrize(
    "text",
    [
        "> " * 10_000 + "deep\n",
        "- " * 10_000 + "deep\n",
        "1. " * 10_000 + "deep\n",
    ],
    ids=["quotes", "bullets", "ordered"],
)
def test_ten_thousand_levels_of_nesting(text: str) -> None:
    result = _timed(lambda: mdclean.fix(text, unsafe=True))
    assert result.converged  # type: ignore[attr-defined]


def test_an_ad_ten_thousand_levels_deep_is_an_error_not_a_pass() -> None:
    """The parser stops at 200 levels: what lies deeper cannot be checked, so the file is not passed."""
    text = "> - " * 5_000 + f"{AD.format(i=1)}\n"
    with pytest.raises(MdcleanError, match="blocks nested more than 199 levels deep"):
        _timed(lambda: mdclean.fix(text, unsafe=True))


def test_a_100000_character_line_of_tag_soup() -> None:
    line = "adsbygoogle " + "<p>x <span>" * 9_000 + "</li>" * 2_000 + "\n"
    assert len(line) > 100_000
    _timed(lambda: mdclean.lint(line))
    elements = _timed(lambda: scan_elements(line))
    assert len(elements) == 18_000  # type: ignore[arg-type]


def test_fifty_thousand_links_on_a_page() -> None:
    page = "".join(f"[link {i}](https://example.com/{i}) " for i in range(50_000)) + "\n"
    assert _timed(lambda: mdclean.lint(page)) == []  # links in prose: nothing to report


def test_eight_thousand_ads_on_a_page_are_fixed_in_one_pass() -> None:
    page = "".join(f"Paragraph {i}.\n\n{AD.format(i=i)}\n\n" for i in range(8_000))
    result = _timed(lambda: mdclean.fix(page))
    assert result.text == "".join(f"Paragraph {i}.\n\n" for i in range(8_000))  # type: ignore[attr-defined]
    assert len(result.fixed) == 8_000  # type: ignore[attr-defined]


def test_a_five_megabyte_file(tmp_path: Path) -> None:
    prose = (
        "Some prose that goes on for a while, with words and a few more words to fill a line.\n" * 4
        + "\n"
    )
    section = prose * 10 + (
        "## Section\n\nProse with a [link](https://example.com/x) and `code`.\n\n"
        "- item one\n- item two\n\n```python\nprint('hi')\n```\n\n| a | b |\n|---|---|\n"
        "| 1 | 2 |\n\n"
    )
    path = tmp_path / "big.md"
    path.write_text(section * (5_000_000 // len(section)))
    assert path.stat().st_size > 4_900_000
    (result,) = _timed(lambda: list(run_files([path], Mode.CHECK, lambda _p: mdclean.Config())))  # type: ignore[misc]
    assert result.error is None


def test_a_parser_recursion_error_is_a_clear_error_for_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_deep(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    (tmp_path / "a.md").write_text(f"Text.\n\n{AD.format(i=1)}\n")
    (tmp_path / "b.md").write_text("Plain.\n")
    monkeypatch.setattr(parsing, "parse_blocks", too_deep)
    results = list(run_files([tmp_path], Mode.FIX, lambda _p: mdclean.Config()))
    assert [Path(r.path).name for r in results] == ["a.md", "b.md"]
    assert results[0].error is not None and "nested too deeply" in results[0].error
    assert results[1].error is None  # nothing to parse there: the run went on
    assert (tmp_path / "a.md").read_text() == f"Text.\n\n{AD.format(i=1)}\n"  # left untouched


def _definitions(count: int) -> str:
    return "".join(f"See [l{i}].\n\n[l{i}]: https://x.test/{i}\n\n" for i in range(count))


@pytest.mark.parametrize(
    "text_of",
    [
        lambda n: "<!-- note -->\nAlso the parser reads it.\n\n" * n,
        _definitions,
        # (Each target its own: a target linked many times may be a repeated link list.)
        lambda n: "".join(f'<a href="x{i} ' for i in range(n)) + "\n",
        lambda n: "<!-- ad <!-- sponsored " * n + "\n",
        lambda n: '{{< box url="x ' * n + "\n",
        lambda n: "Tags: a\n" * (n * 3 // 2),
    ],
    ids=[
        "comments-and-label-heads",
        "twenty-thousand-definitions",
        "unclosed-attribute-values",
        "unclosed-comments",
        "unclosed-template-arguments",
        "one-chunk-of-label-lines",
    ],
)
def test_the_fast_path_reads_big_texts_in_linear_time(text_of: Callable[[int], str]) -> None:
    """Each was quadratic in the raw-text reading once: a span lookup per hit, a text scan per
    definition. Read whole, the big text gets the answer five copies of its piece get (as many
    as the largest count a trigger asks for: LK006's five links)."""
    from mdclean.prefilter import prefilter_for

    prefilter = prefilter_for(mdclean.config.DEFAULT.rules)
    assert _timed(lambda: prefilter.candidates(text_of(20_000))) == prefilter.candidates(text_of(5))
