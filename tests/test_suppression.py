"""Inline suppression comments, and MC001 for the ones that suppress nothing."""

from __future__ import annotations

import mdclean
from mdclean import Config

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
ADS_ONLY = Config(select=("AD001", "MC001"))


def found(text: str, config: Config = ADS_ONLY) -> list[tuple[int, str]]:
    return [(v.line, v.code) for v in mdclean.lint(text, config=config)]


def test_disable_until_enable() -> None:
    text = f"<!-- mdclean-disable AD001 -->\n{AD}\n\n{AD}\n<!-- mdclean-enable AD001 -->\n\n{AD}\n"
    assert found(text) == [(7, "AD001")]


def test_disable_without_codes_covers_every_rule_until_enable_without_codes() -> None:
    text = f"<!-- mdclean-disable -->\n\n{AD}\n\n<!-- mdclean-enable -->\n\n{AD}\n"
    assert found(text) == [(7, "AD001")]


def test_enable_with_a_code_ends_only_that_code() -> None:
    text = f"<!-- mdclean-disable -->\n\n{AD}\n\n<!-- mdclean-enable AD -->\n\n{AD}\n"
    assert found(text) == [(7, "AD001")]


def test_disable_next_line_covers_that_line_only() -> None:
    text = f"Intro.\n\n<!-- mdclean-disable-next-line AD001 -->\n{AD}\n\n{AD}\n"
    assert found(text) == [(6, "AD001")]


def test_disable_file_anywhere_covers_the_file() -> None:
    text = f"{AD}\n\nText.\n\n<!-- mdclean-disable-file AD001 -->\n"
    assert found(text) == []


def test_codes_are_prefixes_separated_by_spaces_or_commas() -> None:
    text = f"<!-- mdclean-disable-file BP001,AD  -->\n\n{AD}\n"
    assert found(text, Config(select=("AD001", "BP001", "MC001"))) == [
        (1, "MC001")
    ]  # BP001 was unused
    assert (
        found(f"<!-- mdclean-disable-file bp001, ad -->\n\n{AD}\n", Config(select=("AD001",))) == []
    )


def test_inline_comment_in_a_paragraph_and_in_a_quote() -> None:
    assert found(f"Read on <!-- mdclean-disable-next-line AD001 -->\n{AD} below.\n") == []
    assert found(f"> <!-- mdclean-disable-next-line AD001 -->\n> {AD}\n") == []


def test_comments_in_code_are_not_directives() -> None:
    fenced = f"```markdown\n<!-- mdclean-disable-file AD001 -->\n```\n\n{AD}\n"
    assert found(fenced) == [(5, "AD001")]
    span = f"Write `<!-- mdclean-disable-file AD001 -->` to silence a file.\n\n{AD}\n"
    assert found(span) == [(3, "AD001")]
    indented = f"Example:\n\n    <!-- mdclean-disable-file AD001 -->\n\n{AD}\n"
    assert found(indented) == [(5, "AD001")]


def test_suppressed_violations_are_not_fixed() -> None:
    text = f"Intro.\n\n<!-- mdclean-disable-next-line AD001 -->\n{AD}\n\n{AD}\n"
    result = mdclean.fix(text, config=ADS_ONLY)
    assert result.text == f"Intro.\n\n<!-- mdclean-disable-next-line AD001 -->\n{AD}\n"
    assert result.remaining == []


def test_unused_suppression_is_reported_with_its_message() -> None:
    [violation] = mdclean.lint(
        "Intro.\n\n<!-- mdclean-disable-next-line AD001 -->\nText.\n", config=ADS_ONLY
    )
    assert (violation.code, violation.line, violation.column, violation.end_column) == (
        "MC001",
        3,
        1,
        41,
    )
    assert violation.message == "Unused suppression comment: AD001 suppressed nothing"


def test_fix_removes_an_unused_comment_with_its_seam() -> None:
    text = "Intro.\n\n<!-- mdclean-disable AD001 -->\n\nText.\n"
    assert mdclean.fix(text, config=ADS_ONLY).text == "Intro.\n\nText.\n"
    inline = "Intro <!-- mdclean-disable-next-line --> text.\n"
    assert mdclean.fix(inline, config=ADS_ONLY).text == "Intro text.\n"


def test_fix_removes_only_the_unused_codes() -> None:
    text = f"<!-- mdclean-disable-next-line AD001,  AD0009 -->\n{AD}\n"
    [violation] = mdclean.lint(text, config=ADS_ONLY)
    assert violation.message == (
        "Unused code in suppression comment: AD0009 suppressed nothing "
        "(AD0009: no such rule code or prefix)"
    )
    assert (
        mdclean.fix(text, config=ADS_ONLY).text
        == f"<!-- mdclean-disable-next-line AD001 -->\n{AD}\n"
    )


def test_codes_of_rules_that_did_not_run_are_not_judged_but_typos_are() -> None:
    text = "<!-- mdclean-disable-file BP001 -->\n\nText.\n"
    assert found(text) == []  # BP001 is not selected: it might be used in a full run
    assert found(text, Config(select=("BP001", "MC001"))) == [(1, "MC001")]
    assert found("<!-- mdclean-disable-file XX001 -->\n\nText.\n") == [(1, "MC001")]


def test_mc001_is_silenced_by_naming_it_and_not_otherwise() -> None:
    assert (
        found("<!-- mdclean-disable-file MC001 -->\n<!-- mdclean-disable AD001 -->\n\nText.\n")
        == []
    )
    assert found(
        "<!-- mdclean-disable-next-line -->\n<!-- mdclean-disable AD001 -->\n\nText.\n"
    ) == [(1, "MC001"), (2, "MC001")]


def test_without_mc001_selected_unused_comments_are_quiet() -> None:
    assert found("<!-- mdclean-disable AD001 -->\n\nText.\n", Config(select=("AD001",))) == []


def test_disable_line_covers_the_line_the_comment_is_on() -> None:
    text = f"Intro.\n\n{AD} <!-- mdclean-disable-line AD001 -->\n\n{AD}\n"
    assert found(text) == [(5, "AD001")]
    assert (
        mdclean.fix(text, config=ADS_ONLY).text
        == f"Intro.\n\n{AD} <!-- mdclean-disable-line AD001 -->\n"
    )


def test_disable_line_does_not_reach_the_next_line() -> None:
    assert found(f"<!-- mdclean-disable-line AD001 -->\n{AD}\n") == [(1, "MC001"), (2, "AD001")]


def test_a_misspelt_directive_is_reported_with_what_was_meant_and_not_removed() -> None:
    text = (
        f"<!-- mdclean-disable-nextline AD001 -->\n{AD}\n\n"
        "<!-- MDCLEAN-IGNORE -->\n\n<!-- mdclean-disable-fiel -->\n"
    )
    violations = mdclean.lint(text, config=ADS_ONLY)
    assert [(v.line, v.code, v.message, v.fix) for v in violations] == [
        (
            1,
            "MC001",
            "Unknown suppression directive mdclean-disable-nextline: it suppresses nothing "
            "(did you mean mdclean-disable-next-line?)",
            None,
        ),
        (2, "AD001", "AdSense ad unit", violations[1].fix),
        (
            4,
            "MC001",
            "Unknown suppression directive mdclean-ignore: it suppresses nothing "
            "(did you mean mdclean-disable?)",
            None,
        ),
        (
            6,
            "MC001",
            "Unknown suppression directive mdclean-disable-fiel: it suppresses nothing (the directives "
            "are mdclean-disable-next-line, mdclean-disable-line, mdclean-disable-file, mdclean-disable, "
            "mdclean-enable)",
            None,
        ),
    ]
    assert mdclean.fix(text, config=ADS_ONLY).text == (
        "<!-- mdclean-disable-nextline AD001 -->\n\n<!-- MDCLEAN-IGNORE -->\n\n<!-- mdclean-disable-fiel -->\n"
    )


def test_a_misspelt_directive_in_code_is_an_example() -> None:
    assert (
        found("Write `<!-- mdclean-ignore -->`, or:\n\n    <!-- mdclean-disable-nextline -->\n")
        == []
    )


def test_an_unknown_code_is_named_as_unknown() -> None:
    [violation] = mdclean.lint(
        f"<!-- mdclean-disable-next-line XX001 -->\n{AD}\n", config=ADS_ONLY
    )[:1]
    assert violation.message == (
        "Unused suppression comment: XX001 suppressed nothing (XX001: no such rule code or prefix)"
    )
