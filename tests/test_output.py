"""Output formats, statistics, fixes shown, colour and progress: exact output on real files."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from mdclean import cli, output
from mdclean.output import Progress
from mdclean.runner import FileResult

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph.\n\nSecond paragraph.\n"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DIRTY)
    (tmp_path / "clean.md").write_text(CLEAN)
    (tmp_path / "two.md").write_text(f"{AD}\n\nText, 100%: done.\n\n{AD}\n")
    return tmp_path


def validate_sarif(log: object) -> None:
    """Against the OASIS schema (tests/data: the definitions mdclean reaches, constraints unchanged)."""
    schema = json.loads(SARIF_SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli.main, ["--no-cache", "--isolated", "--select", "AD001", *args], env=env
    )
    return result.exit_code, result.stdout, result.stderr


def test_json_schema_version_1(folder: Path) -> None:
    code, out, err = run("--output-format", "json", "post.md", "clean.md")
    assert (code, err) == (1, "")
    violation = {
        "code": "AD001",
        "name": "adsense-unit",
        "message": "AdSense ad unit",
        "line": 5,
        "column": 1,
        "end_line": 5,
        "end_column": 49,
        "start": 26,
        "end": 74,
        "fix": {"applicability": "safe", "edits": [{"start": 26, "end": 76, "replacement": ""}]},
    }
    assert json.loads(out) == {
        "version": 1,
        "tool": {"name": "mdclean", "version": "0.1.0"},
        "mode": "check",
        "files": [
            {"path": "post.md", "violations": [violation], "fixed": [], "error": None},
            {"path": "clean.md", "violations": [], "fixed": [], "error": None},
        ],
        "statistics": [{"code": "AD001", "name": "adsense-unit", "count": 1, "fixable": True}],
        "summary": {"files": 2, "violations": 1, "fixable": 1, "fixed": 0, "errors": 0},
    }


def test_json_after_fix_lists_what_was_fixed(folder: Path) -> None:
    code, out, _ = run("--output-format", "json", "--fix", "post.md")
    document = json.loads(out)
    assert code == 0 and document["mode"] == "fix"
    assert [v["code"] for v in document["files"][0]["fixed"]] == ["AD001"]
    assert document["summary"] == {
        "files": 1,
        "violations": 0,
        "fixable": 0,
        "fixed": 1,
        "errors": 0,
    }
    assert (folder / "post.md").read_text() == CLEAN


def test_sarif_is_valid_sarif_2_1_0(folder: Path) -> None:
    (folder / "bad.md").write_bytes(b"\xff\xfe\xfa")
    code, out, err = run("--output-format", "sarif", "post.md", "two.md", "bad.md")
    assert code == 2 and err.startswith("error: bad.md: not valid")
    log = json.loads(out)
    validate_sarif(log)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"AD001", "MC001"} <= {r["id"] for r in rules}  # the whole catalogue, selected or not
    first = run_["results"][0]
    assert first["ruleId"] == "AD001" and rules[first["ruleIndex"]]["id"] == "AD001"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "post.md"},
        "region": {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 49},
    }
    assert first["fixes"][0]["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"charOffset": 26, "charLength": 50}, "insertedContent": {"text": ""}}
    ]
    assert [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run_["results"]
    ] == [("post.md", 5), ("two.md", 1), ("two.md", 5)]
    assert run_["invocations"][0]["executionSuccessful"] is False


def test_sarif_with_nothing_found_is_still_valid(folder: Path) -> None:
    code, out, _ = run("--output-format", "sarif", "clean.md")
    log = json.loads(out)
    validate_sarif(log)
    assert (code, log["runs"][0]["results"]) == (0, [])


def test_the_schema_rejects_what_is_not_sarif() -> None:
    for broken in (
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},  # a driver needs a name
        {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "x"}},
                    "results": [{"ruleId": "A", "level": "fatal", "message": {"text": "m"}}],
                }
            ],
        },
        {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "x"}},
                    "results": [
                        {
                            "message": {"text": "m"},
                            "locations": [
                                {
                                    "physicalLocation": {
                                        "artifactLocation": {"uri": "a"},
                                        "region": {"startLine": 0},
                                    }
                                }
                            ],
                        }
                    ],
                }
            ],
        },
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate_sarif(broken)


def test_github_annotations(folder: Path) -> None:
    (folder / "a,b%.md").write_text(DIRTY)
    code, out, _ = run("--output-format", "github", "post.md", "a,b%.md")
    assert code == 1
    assert out == (
        "::error file=post.md,line=5,col=1,endLine=5,endColumn=49,title=AD001::AdSense ad unit\n"
        "::error file=a%2Cb%25.md,line=5,col=1,endLine=5,endColumn=49,title=AD001::AdSense ad unit\n"
    )


def test_junit(folder: Path) -> None:
    code, out, _ = run("--output-format", "junit", "clean.md", "post.md")
    assert code == 1 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "0")
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == ["clean.md", "AD001 at post.md:5:1"]
    failure = cases[1].find("failure")
    assert failure is not None and (failure.get("type"), failure.text) == (
        "AD001",
        "post.md:5:1: AD001 AdSense ad unit",
    )


def test_statistics_replace_the_list(folder: Path) -> None:
    assert run("--statistics", ".") == (
        1,
        "    3  AD001   [*] adsense-unit\n"
        "Found 3 problems (3 fixable) in 2 files.\n"
        "[*] 3 fixable with `mdclean --fix`.\n",
        "",
    )


def test_show_fixes_lists_what_fix_changed_per_file(folder: Path) -> None:
    assert run("--fix", "--show-fixes", ".") == (
        0,
        "Fixed 3 problems:\n"
        "- post.md:\n    1 × AD001 (adsense-unit)\n"
        "- two.md:\n    2 × AD001 (adsense-unit)\n"
        "Fixed 3 problems in 2 files.\n",
        "",
    )
    assert run("--fix", "--show-fixes", ".") == (0, "No problems fixed.\n", "")


def test_statistics_go_with_text_and_github_and_show_fixes_with_text(folder: Path) -> None:
    code, _, err = run("--output-format", "json", "--statistics", ".")
    assert code == 2 and err.endswith(
        "Error: --statistics goes with the text, full and github output formats, not json "
        "(the json format always has statistics)\n"
    )
    code, _, err = run("--output-format", "sarif", "--show-fixes", ".")
    assert code == 2 and err.endswith(
        "Error: --show-fixes goes with the text and full output formats, not sarif\n"
    )


def test_colour_on_a_terminal_only_and_never_with_no_color(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = "post.md:5:1: AD001 [*] AdSense ad unit\n"
    assert run("-q", "post.md")[1] == plain  # a pipe: no escape codes
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
    coloured = run("-q", "post.md")[1]
    assert coloured == (
        "\x1b[1mpost.md:5:1:\x1b[0m \x1b[31m\x1b[1mAD001\x1b[0m\x1b[36m [*]\x1b[0m "
        "AdSense ad unit\n"
    )
    assert run("-q", "post.md", env={"NO_COLOR": "1"})[1] == plain


def test_a_pipe_gets_results_only(folder: Path) -> None:
    code, out, err = run("-q", "post.md", "clean.md")
    assert (code, out, err) == (1, "post.md:5:1: AD001 [*] AdSense ad unit\n", "")


def test_progress_appears_only_after_a_moment_and_is_erased() -> None:
    stream = io.StringIO()
    quick = Progress(stream, enabled=True, delay=60)
    quick.update(FileResult("a.md"))
    assert stream.getvalue() == ""
    slow = Progress(stream, enabled=True, delay=0)
    slow.update(FileResult("a.md"))
    slow.update(FileResult("b.md", error="b.md: no such file"))
    slow.clear()
    assert stream.getvalue() == (
        "\r\x1b[Kmdclean: 1 files checked, 0 with problems"
        "\r\x1b[Kmdclean: 2 files checked, 1 with problems\r\x1b[K"
    )
    off = Progress(io.StringIO(), enabled=False, delay=0)
    off.update(FileResult("a.md"))
    assert off.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_progress_is_drawn_on_a_terminal_run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, err = run("-q", "post.md")
    assert err == ""
    monkeypatch.setattr(cli, "_is_terminal", lambda stream: True)
    monkeypatch.setattr("mdclean.output.PROGRESS_DELAY", 0)
    _, _, err = run("-q", "post.md", "clean.md")
    assert err == (
        "\r\x1b[Kmdclean: 1 files checked, 1 with problems\r\x1b[K"
        "\r\x1b[Kmdclean: 2 files checked, 1 with problems\r\x1b[K"
    )


def test_stdin_filename_names_stdin_in_every_format(folder: Path) -> None:
    code, out, _ = run("--output-format", "github", "--stdin-filename", "docs/in.md", "-")
    assert code == 0 and out == ""
    result = CliRunner().invoke(
        cli.main,
        [
            "--no-cache",
            "--isolated",
            "--select",
            "AD001",
            "--output-format",
            "github",
            "--stdin-filename",
            "docs/in.md",
            "-",
        ],
        input=DIRTY,
    )
    assert result.stdout.startswith("::error file=docs/in.md,line=5,")


MIXED = {
    "a-post.md": DIRTY,
    "b-clean.md": CLEAN,
    "c-two.md": f'{AD}\n\nText <b>&</b>, 100%: "done" — ünïcode.\n\n{AD}\n',
    "d-dup.md": "---\ntitle: A\ntitle: B\n---\n\n# Dup\n",
    "e-open.md": "---\ntitle: Open\n\n# Never closed\n\nText.\n",
    "f-bad.md": b"# Caf\xe9\n",
    'sub/ü <&> "q", 100%.md': DIRTY,
}
"""Every kind of result: violations fixable, unsafe and not, a clean file, an error, a name to escape."""
RECORDED = Path(__file__).parent / "data" / "output"
"""What each format printed for these runs before the reporters streamed (rule documentation left out)."""
RECORDED_RUNS = {
    "check-text": ["."],
    "check-statistics": ["--statistics", "."],
    "check-json": ["--output-format", "json", "."],
    "check-sarif": ["--output-format", "sarif", "."],
    "check-github": ["--output-format", "github", "."],
    "check-junit": ["--output-format", "junit", "."],
    "fix-text": ["--fix", "--show-fixes", "."],
    "fix-json": ["--fix", "--output-format", "json", "."],
    "fix-sarif": ["--fix", "--output-format", "sarif", "."],
    "fix-junit": ["--fix", "--output-format", "junit", "."],
    "diff-text": ["--diff", "."],
    "empty-json": ["--output-format", "json", "empty"],
    "empty-sarif": ["--output-format", "sarif", "empty"],
    "empty-junit": ["--output-format", "junit", "empty"],
    "stdin-fix-json": ["--fix", "--output-format", "json", "a-post.md", "-"],
    "stdin-fix-text": ["--fix", "--statistics", "a-post.md", "-"],
}


def recorded_run(folder: Path, args: list[str]) -> str:
    """A run on the mixed folder, with its exit code and both streams, as the recordings hold it."""
    for name, content in MIXED.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    (folder / "empty").mkdir()
    result = CliRunner().invoke(
        cli.main, ["--no-cache", "--isolated", "--select", "AD001,FM002,FM003", *args], input=DIRTY
    )
    return f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"


def without_rule_docs(printed: str) -> str:
    """SARIF's rules array is the catalogue's documentation: the recordings leave it out."""
    return re.sub(
        r'\n( +)"rules": \[.*?\n\1\]', '\n\\1"rules": "(the catalogue)"', printed, flags=re.DOTALL
    )


@pytest.mark.parametrize(
    "spool_in_memory", [output.SPOOL_IN_MEMORY, 16], ids=["in-memory", "spilled"]
)
@pytest.mark.parametrize("name", RECORDED_RUNS)
def test_every_format_prints_what_it_printed_before_streaming(
    name: str, spool_in_memory: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        output, "SPOOL_IN_MEMORY", spool_in_memory
    )  # 16 bytes: items go to a temporary file
    printed = recorded_run(tmp_path, RECORDED_RUNS[name])
    if "sarif" in name:
        validate_sarif(json.loads(printed.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]))
    assert without_rule_docs(printed) == (RECORDED / f"{name}.txt").read_text(encoding="utf-8")


def test_fixing_stdin_leaves_stdout_to_the_cleaned_text(folder: Path) -> None:
    (folder / "dup.md").write_text("---\ntitle: A\ntitle: B\n---\n\n# Dup\n")
    result = CliRunner().invoke(
        cli.main,
        ["--no-cache", "--isolated", "--select", "AD001,FM003", "--fix", "dup.md", "-"],
        input=DIRTY,
    )
    assert (result.exit_code, result.stdout) == (1, CLEAN)
    assert result.stderr == (
        "dup.md:3:1: FM003 duplicate key 'title' on lines 2 and 3: generators keep one of "
        "the values or fail\n"
        "Fixed 1 problem in 1 file.\n"
        "Found 1 problem (0 fixable) in 1 file.\n"
    )
