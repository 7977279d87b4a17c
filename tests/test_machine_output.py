"""Machine output that cannot break or lie: hostile file names, read errors inside the formats,
--diff and --statistics with every format, and the command line's own complaints."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean import cli
from mdclean.escape import printable

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
HOSTILE = b"x\n::warning file=evil.md::pwned\x1b\xff.md"
"""A file name with a line break that would start a workflow command, an escape and a byte that is not UTF-8."""
HOSTILE_SHOWN = "x\\n::warning file=evil.md::pwned\\x1b\\xff.md"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli.main, ["--no-cache", "--isolated", "--select", "AD001", *args], input=input
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a dirty file and an undecodable one, both under the hostile name (in two folders)."""
    monkeypatch.chdir(tmp_path)
    for folder, content in ((b"a", DIRTY.encode()), (b"b", b"Caf\xe9\n")):
        os.mkdir(folder)
        with open(os.path.join(folder, HOSTILE), "wb") as handle:
            handle.write(content)
    return tmp_path


def test_printable_escapes_what_would_break_a_line_or_an_encoder() -> None:
    assert printable(os.fsdecode(HOSTILE)) == HOSTILE_SHOWN
    assert printable("C:\\docs\\ü\tpost.md\u2028") == "C:\\docs\\ü\\tpost.md\\u2028"
    assert printable("plain/ünïcode.md") == "plain/ünïcode.md"


def _no_injected_command(*streams: str) -> None:
    for stream in streams:
        assert not any(line.startswith("::warning") for line in stream.splitlines())


def test_text_names_are_escaped_and_errors_are_one_line(hostile: Path) -> None:
    code, out, err = run(".")
    assert code == 2
    assert out.startswith(f"a/{HOSTILE_SHOWN}:5:1: AD001 [*] AdSense ad unit\n")
    assert err == (
        f"error: b/{HOSTILE_SHOWN}: not valid UTF-8 (byte 0xe9 at offset 3); "
        "re-encode it as UTF-8 to check it\n"
    )


def test_json_holds_escaped_names_and_the_error(hostile: Path) -> None:
    code, out, err = run("--output-format", "json", ".")
    assert code == 2
    files = json.loads(out)["files"]
    assert [(f["path"], len(f["violations"]), f["error"] is not None) for f in files] == [
        (f"a/{HOSTILE_SHOWN}", 1, False),
        (f"b/{HOSTILE_SHOWN}", 0, True),
    ]
    _no_injected_command(out, err)


def test_sarif_reports_read_errors_as_tool_notifications(hostile: Path) -> None:
    code, out, err = run("--output-format", "sarif", ".")
    assert code == 2
    sarif_run = json.loads(out)["runs"][0]
    uri = sarif_run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a/x%0A%3A%3Awarning%20file%3Devil.md%3A%3Apwned%1B%FF.md"  # the name's own bytes
    invocation = sarif_run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
        f"b/{HOSTILE_SHOWN}: not valid UTF-8 (byte 0xe9 at offset 3); re-encode it as UTF-8 to check it"
    ]
    _no_injected_command(out, err)


def test_junit_stays_valid_xml_and_holds_the_error(hostile: Path) -> None:
    code, out, err = run("--output-format", "junit", ".")
    assert code == 2
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "1", "1")
    names = [case.get("name") for case in root.iter("testcase")]
    assert names == [f"AD001 at a/{HOSTILE_SHOWN}:5:1", f"b/{HOSTILE_SHOWN}"]
    _no_injected_command(out, err)


def test_github_annotates_read_errors_and_injects_nothing(hostile: Path) -> None:
    code, out, err = run("--output-format", "github", ".")
    assert code == 2
    shown = HOSTILE_SHOWN.replace(":", "%3A").replace(",", "%2C")
    assert out.splitlines() == [
        f"::error file=a/{shown},line=5,col=1,endLine=5,endColumn=49,title=AD001::AdSense ad unit",
        f"::error file=b/{shown},title=mdclean::b/{HOSTILE_SHOWN}: not valid UTF-8 (byte 0xe9 at offset 3); "
        "re-encode it as UTF-8 to check it",
    ]
    _no_injected_command(out, err)


@pytest.fixture
def posts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(DIRTY)
    (tmp_path / "clean.md").write_text("# Clean\n")
    return tmp_path


def test_diff_with_github_annotates_what_fix_would_remove_and_shows_the_diff(posts: Path) -> None:
    code, out, _ = run("--diff", "--output-format", "github", ".")
    assert code == 1
    assert out == (
        "::error file=post.md,line=5,col=1,endLine=5,endColumn=49,title=AD001::"
        "AdSense ad unit (--fix removes it)\n"
        "::group::mdclean --diff post.md\n"
        "--- post.md\n+++ post.md\n@@ -2,6 +2,4 @@\n \n First paragraph.\n \n"
        f"-{AD}\n-\n Second paragraph.\n"
        "::endgroup::\n"
    )
    assert (posts / "post.md").read_text() == DIRTY


def test_diff_with_junit_fails_the_file_that_would_change(posts: Path) -> None:
    code, out, _ = run("--diff", "--output-format", "junit", ".")
    assert code == 1
    root = ElementTree.fromstring(out.split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = {case.get("name"): case.find("failure") for case in root.iter("testcase")}
    assert cases["clean.md"] is None
    failure = cases["post.md"]
    assert failure is not None and failure.get("message") == "--fix would change this file (1 fix)"
    assert failure.text is not None and f"-{AD}\n" in failure.text


def test_diff_with_sarif_lists_what_fix_would_change(posts: Path) -> None:
    code, out, _ = run("--diff", "--output-format", "sarif", ".")
    assert code == 1
    assert [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]] == ["AD001"]


def test_statistics_with_github(posts: Path) -> None:
    assert run("--statistics", "--output-format", "github", ".") == (
        1,
        (
            "::error file=post.md,line=5,col=1,endLine=5,endColumn=49,title=AD001::AdSense ad unit\n"
            "    1  AD001   [*] adsense-unit\n"
        ),
        "",
    )


def test_config_and_isolated_together_is_an_error(posts: Path) -> None:
    (posts / ".mdclean.toml").write_text("ignore = ['AD']\n")
    code, _, err = run("--config", ".mdclean.toml", ".")  # run() passes --isolated
    assert code == 2
    assert err.endswith(
        "Error: --config and --isolated do not go together: --isolated ignores every "
        "configuration file, --config names the one to use\n"
    )


def test_a_run_that_finds_no_markdown_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text(DIRTY)
    assert run(".") == (
        0,
        "",
        "warning: no Markdown files found in . (looked for *.markdown, *.md, *.mdown, *.mkd)\n",
    )


def test_an_unreadable_subfolder_is_named(posts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = posts / "locked"
    locked.mkdir()
    (locked / "hidden.md").write_text(DIRTY)
    locked.chmod(0)
    real_scandir = os.scandir

    def scandir(
        path: object = ".",
    ) -> object:  # root may read anything: answer as for everyone else
        if os.fspath(path) == "./locked":  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    try:
        code, out, err = run(".")
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert (
        err
        == "error: ./locked: cannot read folder: Permission denied; its files were not checked\n"
    )
    assert out.startswith("post.md:5:1: AD001")
