"""BP295: a gutter with the table's cell break goes with safe fixes; one told only by the next
code block's length waits for ``--unsafe-fixes``; program output stays."""

from __future__ import annotations

import mdclean
from mdclean.config import Config


def _fix(text: str, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=("BP295",)), unsafe=unsafe).text


BEFORE_A_FENCE = (
    "設定ファイルは次のとおりです。\n\n1\n2\n3\n\n"
    '```toml\n[server]\nport = 8080\nhost = "0.0.0.0"\n```\n'
)


def test_numbers_before_a_code_block_of_as_many_lines_wait_for_unsafe_fixes() -> None:
    assert _fix(BEFORE_A_FENCE, unsafe=False) == BEFORE_A_FENCE
    assert _fix(BEFORE_A_FENCE, unsafe=True) == (
        '設定ファイルは次のとおりです。\n\n```toml\n[server]\nport = 8080\nhost = "0.0.0.0"\n```\n'
    )


def test_the_cell_break_makes_it_safe() -> None:
    text = "Run:\n\n1\n2\n\n\t\nmake\nmake install\n"
    assert _fix(text, unsafe=False) == "Run:\n\nmake\nmake install\n"


def test_output_before_prose_and_a_gap_in_the_count_stay() -> None:
    text = "Output:\n\n1\n2\n3\n4\n5\n\nThe ending value of range() is not included.\n\n1\n2\n4\n\n\t\ncode\n"
    assert _fix(text, unsafe=True) == text


def test_a_fenced_gutter_before_code_of_as_many_lines_waits_for_unsafe_fixes() -> None:
    text = (
        "Enable it:\n\n```\n1\n2\n3\n```\n\n```groovy\noptions {\n    x()\n}\n```\n\n"
        "Output:\n\n```\n1\n2\n```\n\nNext.\n"
    )
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == text.replace("```\n1\n2\n3\n```\n\n", "", 1)
