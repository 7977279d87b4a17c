"""The command line end to end, on real files in a temporary folder."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean.cli import main

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph.\n\nSecond paragraph.\n"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "post.md").write_text(DIRTY)
    (tmp_path / "clean.md").write_text(CLEAN)
    return tmp_path


def test_check_lists_violations_and_exits_1(folder: Path) -> None:
    code, out, _ = run(str(folder))
    assert code == 1
    assert out == (
        f"{folder / 'post.md'}:5:1: AD001 [*] AdSense ad unit\n"
        "Found 1 problem (1 fixable) in 1 file.\n"
        "[*] 1 fixable with `mdclean --fix`.\n"
    )


def test_clean_folder_is_quiet_and_exits_0(folder: Path) -> None:
    (folder / "post.md").unlink()
    assert run(str(folder)) == (0, "", "")


def test_fix_rewrites_and_exits_0(folder: Path) -> None:
    code, out, _ = run("--fix", str(folder))
    assert (code, out) == (0, "Fixed 1 problem in 1 file.\n")
    assert (folder / "post.md").read_text() == CLEAN
    assert run("--fix", str(folder)) == (0, "", "")  # idempotent: nothing left to do


def test_diff_prints_and_writes_nothing(folder: Path) -> None:
    code, out, _ = run("--diff", str(folder))
    assert code == 1
    assert f"--- {folder / 'post.md'}\n+++ {folder / 'post.md'}\n" in out
    assert f"-{AD}\n" in out
    assert (folder / "post.md").read_text() == DIRTY
    assert run("--diff", str(folder / "clean.md")) == (0, "", "")


def test_crlf_and_bom_survive_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode())
    assert run("--fix", str(path))[0] == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode()


def test_utf16_with_bom_is_written_back_as_utf16(tmp_path: Path) -> None:
    path = tmp_path / "wide.md"
    path.write_bytes("\ufeff".encode("utf-16-le") + DIRTY.encode("utf-16-le"))
    assert run("--fix", str(path))[0] == 0
    assert path.read_bytes() == "\ufeff".encode("utf-16-le") + CLEAN.encode("utf-16-le")


def test_file_mode_is_kept(folder: Path) -> None:
    path = folder / "post.md"
    path.chmod(0o640)
    run("--fix", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == CLEAN


def test_invalid_utf8_is_reported_left_untouched_and_the_run_goes_on(folder: Path) -> None:
    bad = folder / "bad.md"
    data = b"# Caf\xe9\n\n" + AD.encode() + b"\n"
    bad.write_bytes(data)
    code, _out, err = run("--fix", str(folder))
    assert code == 2
    assert (
        err
        == f"error: {bad}: not valid UTF-8 (byte 0xe9 at offset 5); re-encode it as UTF-8 to check it\n"
    )
    assert bad.read_bytes() == data
    assert (folder / "post.md").read_text() == CLEAN  # the other files were still fixed


def test_missing_path_is_an_error_and_others_still_run(folder: Path) -> None:
    code, out, err = run(str(folder / "nope.md"), str(folder / "post.md"))
    assert code == 2
    assert err.startswith(f"error: {folder / 'nope.md'}: no such file or directory")
    assert "AD001" in out


def test_unknown_code_is_one_line_exit_2(folder: Path) -> None:
    code, out, err = run("--select", "ZZ9", str(folder))
    assert (code, out) == (2, "")
    assert err == (
        "error: command line: select: unknown rule code or prefix 'ZZ9' "
        "(run `mdclean --list-rules` to see the codes)\n"
    )


def test_select_and_ignore_by_prefix(folder: Path) -> None:
    assert run("--select", "AD", str(folder))[0] == 1
    assert run("--ignore", "AD001", str(folder))[0] == 0
    assert run("--select", "ad001", str(folder))[0] == 1  # codes are case-insensitive


def test_stdin_check_and_fix(folder: Path) -> None:
    code, out, _ = run("-", input=DIRTY.encode())
    assert code == 1
    assert out.startswith("-:5:1: AD001 [*] AdSense ad unit\n")
    code, out, _err = run("--fix", "-", input=DIRTY.encode())
    assert (code, out) == (0, CLEAN)
    code, out, _err = run("--stdin-filename", "docs/post.md", "-", input=DIRTY.encode())
    assert out.startswith("docs/post.md:5:1: AD001")


def test_folder_walk_takes_markdown_and_skips_hidden_and_node_modules(tmp_path: Path) -> None:
    for name in [
        "a.md",
        "b.markdown",
        "c.mdown",
        "d.mkd",
        "e.txt",
        ".hidden/f.md",
        "node_modules/g.md",
        "sub/h.MD",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DIRTY)
    _, out, _ = run("-q", str(tmp_path))
    found = sorted(
        Path(line.split(":")[0]).relative_to(tmp_path).as_posix() for line in out.splitlines()
    )
    assert found == ["a.md", "b.markdown", "c.mdown", "d.mkd", "sub/h.MD"]
    # A file named on the command line is checked whatever its suffix.
    assert run(str(tmp_path / "e.txt"))[0] == 1


def test_paths_are_reported_as_pathlib_spells_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walk builds path strings itself (no Path per file), spelled as before: "." and "./" dropped."""
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "top.md").write_text(DIRTY)
    (tmp_path / "sub" / "deeper" / "low.md").write_text(DIRTY)
    monkeypatch.chdir(tmp_path)
    for argument, expected in (
        (".", ["top.md", "sub/deeper/low.md"]),
        ("./sub/", ["sub/deeper/low.md"]),
        ("sub//deeper", ["sub/deeper/low.md"]),
        ("./top.md", ["top.md"]),
    ):
        _, out, _ = run("-q", "--no-cache", argument)
        assert [line.split(":")[0] for line in out.splitlines()] == expected, argument
    _, out, _ = run("-q", "--no-cache", str(tmp_path) + "/")
    assert [line.split(":")[0] for line in out.splitlines()] == [
        f"{tmp_path}/top.md",
        f"{tmp_path}/sub/deeper/low.md",
    ]


def test_quiet_prints_violations_only(folder: Path) -> None:
    assert run("-q", str(folder))[1] == f"{folder / 'post.md'}:5:1: AD001 [*] AdSense ad unit\n"


def test_usage_errors_exit_2() -> None:
    assert run()[0] == 2
    assert run("--fix", "--diff", ".")[0] == 2
    assert run("--bogus")[0] == 2


def test_read_only_file_is_an_error_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked, other = tmp_path / "locked.md", tmp_path / "other.md"
    locked.write_text(DIRTY)
    other.write_text(DIRTY)
    locked.chmod(0o444)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Root may write anything; have the OS answer as it does for everyone else.
        real_access = os.access
        monkeypatch.setattr(
            "mdclean.files.os.access",
            lambda path, mode: (
                False
                if Path(path) == locked.resolve() and mode == os.W_OK
                else real_access(path, mode)
            ),
        )
    code, out, err = run("--fix", str(tmp_path))
    assert code == 2
    assert err == f"error: {locked}: file is read-only, not fixed (make it writable to fix it)\n"
    assert f"{locked}:5:1: AD001 [*] AdSense ad unit" in out  # still reported: it was not fixed
    assert locked.read_text() == DIRTY
    assert other.read_text() == CLEAN


def test_python_dash_m_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mdclean", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("mdclean, version ")


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            children.extend(int(child) for child in handle.read().split())
    return children


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(
    sys.platform != "linux", reason="workers are forked, and found through /proc, on Linux"
)
def test_sigterm_to_mdclean_ends_its_workers(tmp_path: Path) -> None:
    post = (Path(__file__).parent.parent / "examples" / "scraped-post.md").read_text()
    for i in range(600):
        (tmp_path / f"post-{i:03}.md").write_text(post)
    process = subprocess.Popen(
        [sys.executable, "-m", "mdclean", "--no-cache", "-j", "2", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
        workers = _children(process.pid)
    assert len(workers) == 2, "the run should be busy with two workers"
    process.send_signal(signal.SIGTERM)
    try:
        assert process.wait(10) == -signal.SIGTERM
        deadline = time.monotonic() + 10
        while any(_running(worker) for worker in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_running(worker) for worker in workers)
    finally:
        for worker in filter(_running, workers):  # a failed run leaves no orphan behind
            os.kill(worker, signal.SIGKILL)


@pytest.mark.parametrize("ending", ["interrupt", "sigterm"])
def test_a_write_cut_short_leaves_no_temporary_file(tmp_path: Path, ending: str) -> None:
    """Ctrl-C or SIGTERM in the middle of an atomic write: the old file stays whole, nothing else is left."""
    target = tmp_path / "post.md"
    target.write_text(DIRTY)
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from mdclean import files\n"
        "signal.signal(signal.SIGTERM, files.end_by_signal)\n"
        "def fsync(descriptor):\n"
        f"    if {ending!r} == 'sigterm':\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "    raise KeyboardInterrupt\n"
        "os.fsync = fsync\n"
        "try:\n"
        "    files.write_atomic(Path(sys.argv[1]), b'new text')\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True
    )
    assert done.returncode == (130 if ending == "interrupt" else -signal.SIGTERM), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]
    assert target.read_text() == DIRTY
