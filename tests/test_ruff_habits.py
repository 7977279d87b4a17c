"""ruff's habits: exit-code switches, --show-settings, --show-files, --output-file, the full format,
FORCE_COLOR, and the JSON schema of the configuration."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from mdclean import settings
from mdclean.cli import main
from mdclean.schema import SCHEMA_FILE, schema, schema_text

ROOT = Path(__file__).resolve().parent.parent
AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph.\n\nSecond paragraph.\n"
PROMO = "# Post\n\nText.\n\nAs an Amazon Associate I earn from qualifying purchases.\n"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--no-cache", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def run_process(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mdclean", "--no-cache", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DIRTY)
    (tmp_path / "clean.md").write_text(CLEAN)
    return tmp_path


def test_exit_zero_reports_but_exits_0(folder: Path) -> None:
    code, out, _ = run("--exit-zero", "post.md")
    assert code == 0 and out.startswith("post.md:5:1: AD001 [*] AdSense ad unit\n")
    assert run("--exit-zero", "missing.md")[0] == 2  # errors are still errors


def test_exit_non_zero_on_fix_fails_a_run_that_changed_files(folder: Path) -> None:
    assert run("--fix", "--exit-non-zero-on-fix", "post.md") == (
        1,
        "Fixed 1 problem in 1 file.\n",
        "",
    )
    assert (folder / "post.md").read_text() == CLEAN
    assert run("--fix", "--exit-non-zero-on-fix", "post.md")[0] == 0  # nothing left to change
    (folder / "post.md").write_text(DIRTY)
    assert run("--fix", "post.md")[0] == 0  # without it, a fix that leaves nothing exits 0


def test_show_files_lists_what_a_run_would_check(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "drafts" / "wip.md").write_text(DIRTY)
    (folder / "notes.txt").write_text("not Markdown")
    (folder / ".mdclean.toml").write_text('extend-exclude = ["drafts/"]\n')
    assert run("--show-files", ".") == (0, "clean.md\npost.md\n", "")
    assert run("--show-files", "missing") == (
        2,
        "",
        "error: missing: no such file or directory (give a Markdown file, a folder, or - for stdin)\n",
    )


def test_show_settings_names_where_each_value_came_from(folder: Path) -> None:
    (folder / "blog").mkdir()
    (folder / "blog" / "old-post.md").write_text(DIRTY)
    (folder / "pyproject.toml").write_text(
        '[tool.mdclean]\nignore = ["LK002"]\n'
        '[tool.mdclean.per-file-ignores]\n"blog/old-*.md" = ["AD"]\n'
    )
    code, out, _ = run("--show-settings", "--ignore", "BP001", "blog/old-post.md")
    source = f"{folder / 'pyproject.toml'} [tool.mdclean]"
    lines = _unpadded(out)
    assert code == 0 and lines[:3] == [
        "Settings for blog/old-post.md",
        f"configuration file: {source}",
        "",
    ]
    assert f'ignore = ["LK002", "BP001"]  # {source} + command line' in lines
    assert f'per-file-ignores = {{"blog/old-*.md" = ["AD"]}}  # {source}' in lines
    assert "unsafe-fixes = false  # default" in lines
    assert 'required-keys = ["title"]  # default' in lines  # FM007's own keys
    assert 'per-file ignores applied = ["AD"]' in lines
    rules = next(line for line in lines if line.startswith("rules"))
    assert (
        '"AD001"' not in rules
        and '"LK002"' not in rules
        and '"BP001"' not in rules
        and '"BP002"' in rules
    )
    selected = "\n".join(
        _unpadded(run("--show-settings", "--select", "AD001", "blog/old-post.md")[1])
    )
    assert 'select = ["AD001"]  # command line' in selected
    assert "ignore = []  # command line (--select starts over)" in selected


def _unpadded(out: str) -> list[str]:
    """The lines of --show-settings with the padding before each ``=`` taken out (it follows the longest key)."""
    return [re.sub(r"^(\S+(?: \S+)*?) +=", r"\1 =", line) for line in out.splitlines()]


def test_output_file_takes_the_report(folder: Path) -> None:
    result = run_process(
        "--output-file", "report.json", "--output-format", "json", "post.md", cwd=folder
    )
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["violations"] == 1 and report["files"][0]["path"] == "post.md"
    unwritable = run("--output-file", str(folder / "no" / "such" / "dir.txt"), "post.md")
    assert unwritable[0] == 2 and unwritable[2].startswith(
        f"error: {folder / 'no' / 'such' / 'dir.txt'}: --output-file: cannot write: "
    )


def test_full_format_shows_the_source_with_a_caret(folder: Path) -> None:
    code, out, _ = run("--output-format", "full", "post.md")
    assert code == 1
    assert out.startswith(
        "post.md:5:1: AD001 [*] AdSense ad unit\n"
        "  |\n"
        "4 |\n"
        f"5 | {AD}\n"
        f"  | {'^' * len(AD)} AD001\n"
        "6 |\n"
        "  |\n"
        "\n"
        "Found 1 problem (1 fixable) in 1 file.\n"
    )


def test_full_format_elides_the_middle_of_a_long_violation(folder: Path) -> None:
    body = "\n".join(f"  <p>line {n}</p>" for n in range(10))
    (folder / "long.md").write_text(
        f'Intro.\n\n<div class="adsbygoogle">\n{body}\n</div>\n\nEnd.\n'
    )
    out = run("--output-format", "full", "-q", "long.md")[1]
    assert out == (
        "long.md:3:1: AD001 [*] AdSense ad unit\n"
        "   |\n"
        " 2 |\n"
        ' 3 | <div class="adsbygoogle">\n'
        "   | ^^^^^^^^^^^^^^^^^^^^^^^^^ AD001\n"
        " 4 |   <p>line 0</p>\n"
        " 5 |   <p>line 1</p>\n"
        " : |\n"
        "12 |   <p>line 8</p>\n"
        "13 |   <p>line 9</p>\n"
        "14 | </div>\n"
        "15 |\n"
        "   |\n"
        "\n"
    )


def test_force_color_colours_a_pipe_and_no_color_alone_does_not(folder: Path) -> None:
    forced = run_process("-q", "post.md", cwd=folder, env={"FORCE_COLOR": "1"}).stdout
    assert forced == (
        "\x1b[1mpost.md:5:1:\x1b[0m \x1b[31m\x1b[1mAD001\x1b[0m\x1b[36m [*]\x1b[0m "
        "AdSense ad unit\n"
    )
    assert (
        run_process("-q", "post.md", cwd=folder, env={"FORCE_COLOR": ""}).stdout
        == "post.md:5:1: AD001 [*] AdSense ad unit\n"
    )
    full = run_process(
        "-q", "--output-format", "full", "post.md", cwd=folder, env={"FORCE_COLOR": "1"}
    ).stdout
    assert "\x1b[31m\x1b[1m" + "^" * len(AD) + " AD001\x1b[0m" in full


def test_the_schema_file_is_current_and_names_every_key() -> None:
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(), (
        "run `python -m mdclean.schema` to regenerate docs/mdclean.schema.json"
    )
    assert list(schema()["properties"]) == list(settings.KEYS)
    jsonschema.Draft202012Validator.check_schema(schema())


SAMPLES = [
    True,
    False,
    "AD",
    3,
    1.5,
    [],
    ["AD", "bp001"],
    ["AD", 3],
    [True],
    {},
    {"docs/*.md": ["AD001"]},
    {"docs/*.md": "AD001"},
    {"docs/*.md": [1]},
    ["drafts/", "vendor/**"],
]


@pytest.mark.parametrize("key", list(settings.KEYS))
def test_the_schema_accepts_what_the_settings_readers_accept(key: str) -> None:
    reader = settings.KEYS[key][0]
    validator = jsonschema.Draft202012Validator(schema())
    for sample in SAMPLES:
        if (
            isinstance(sample, list)
            and reader is settings.read_codes
            and sample
            and all(isinstance(v, str) for v in sample)
            and "/" in "".join(sample)
        ):
            continue  # globs are not codes: the readers take any string, code checks come later
        assert validator.is_valid({key: sample}) == (reader(sample) is not None), (key, sample)
    assert not validator.is_valid({"no-such-key": True})


def test_full_format_on_stdin_prints_the_text_lines(folder: Path) -> None:
    result = CliRunner().invoke(
        main, ["--no-cache", "--output-format", "full", "-q", "-"], input=DIRTY
    )
    assert (result.exit_code, result.stdout) == (1, "-:5:1: AD001 [*] AdSense ad unit\n")


def test_output_file_does_not_go_with_fixing_stdin(folder: Path) -> None:
    result = CliRunner().invoke(main, ["--fix", "--output-file", "report.txt", "-"], input=DIRTY)
    assert result.exit_code == 2 and "--output-file does not go with fixing stdin" in result.stderr
    assert not (folder / "report.txt").exists()


def test_every_settings_key_has_a_default_to_show() -> None:
    from mdclean import settings, show

    for key in settings.KEYS:  # a key added without one would make --show-settings crash
        show._default(key)
