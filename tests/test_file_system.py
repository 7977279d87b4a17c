"""Fixing files on real file systems: folders that refuse a temporary file, hard links, owners,
setuid bits, files that change during a fix, temporary files left by a kill, odd stdin, deep nesting."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import AD, CLEAN, DIRTY

from mdclean import runner
from mdclean.cli import main
from mdclean.files import remove_stale_temporary


def run(*args: str, input: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout_bytes, result.stderr


def _refuse_temporary_files_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder is not writable (faked: the tests may run as root, who may write anywhere)."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: object, dir: str | Path | None = None, **kwargs: object) -> tuple[int, str]:
        if dir is not None and Path(dir) == folder.resolve():
            raise PermissionError(13, "Permission denied", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("mdclean.files.tempfile.mkstemp", mkstemp)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_that_refuses_the_temporary_file_names_each_file_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    locked, free = tmp_path / "locked", tmp_path / "free"
    locked.mkdir()
    free.mkdir()
    for i in range(40):  # more than a batch: with two jobs, workers do the writing
        (locked / f"post{i:02}.md").write_text(DIRTY)
    (free / "post.md").write_text(DIRTY)
    _refuse_temporary_files_in(locked, monkeypatch)
    code, out, err = run("--fix", "--no-cache", "-j", jobs, str(tmp_path))
    assert code == 2
    lines = err.splitlines()
    assert lines == [
        f"error: {locked / f'post{i:02}.md'}: cannot write: cannot create a temporary file in "
        f"{locked.resolve()}: Permission denied; file left untouched"
        for i in range(40)
    ]
    assert (free / "post.md").read_text() == CLEAN
    assert (locked / "post00.md").read_text() == DIRTY
    assert f"{locked / 'post39.md'}:5:1: AD001 [*] AdSense ad unit" in out.decode()


def test_a_hard_linked_file_is_fixed_in_place_so_every_name_sees_the_fix(tmp_path: Path) -> None:
    post, other_name = tmp_path / "post.md", tmp_path / "elsewhere.txt"
    post.write_text(DIRTY)
    os.link(post, other_name)
    inode = post.stat().st_ino
    assert run("--fix", str(post))[0] == 0
    assert post.read_text() == CLEAN
    assert other_name.read_text() == CLEAN
    assert post.stat().st_ino == inode
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_setuid_bit_is_kept(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(DIRTY)
    post.chmod(0o4755)
    assert run("--fix", str(post))[0] == 0
    assert post.read_text() == CLEAN
    assert stat.S_IMODE(post.stat().st_mode) == 0o4755


def test_a_file_with_one_name_is_replaced_atomically(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text(DIRTY)
    post.chmod(0o640)
    inode = post.stat().st_ino
    assert run("--fix", str(post))[0] == 0
    assert post.read_text() == CLEAN
    assert post.stat().st_ino != inode  # a new file renamed over the old one
    assert stat.S_IMODE(post.stat().st_mode) == 0o640


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to act as another user"
)
def test_someone_elses_writable_file_keeps_its_owner() -> None:
    """A user fixing a group-writable file of another user: replacing it would make it theirs."""
    with tempfile.TemporaryDirectory() as shared:  # in /tmp: the other user must reach it
        _fix_as_another_user(Path(shared))


def _fix_as_another_user(tmp_path: Path) -> None:
    tmp_path.chmod(0o777)
    post = tmp_path / "post.md"
    post.write_text(DIRTY)
    os.chown(post, 4242, 4343)
    post.chmod(0o666)
    script = (
        "import os, sys, difflib, mdclean\nfrom mdclean.cli import main\n"
        "mdclean.fix(open(sys.argv[1]).read())\n"  # imports all it needs while it may read them
        "try:\n    import tomllib\nexcept ImportError:\n    import tomli\n"  # read late, on first use
        "os.setgid(4545)\nos.setuid(4545)\nmain(['--fix', '--no-cache', sys.argv[1]])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(post)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert post.read_text() == CLEAN
    info = post.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4242, 4343, 0o666)


def test_a_file_that_changes_during_the_fix_is_reported_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post, other = tmp_path / "post.md", tmp_path / "other.md"
    post.write_text(DIRTY)
    other.write_text(DIRTY)
    edited = DIRTY + "\nA paragraph the author added meanwhile.\n"
    real_process_text = runner.process_text

    def slow_fix(source, name, mode, config):  # type: ignore[no-untyped-def]
        result = real_process_text(source, name, mode, config)
        if name == str(post):
            post.write_text(edited)  # the author saves while the fix runs
        return result

    monkeypatch.setattr(runner, "process_text", slow_fix)
    code, _out, err = run("--fix", "--no-cache", "-j", "1", str(tmp_path))
    assert code == 2
    assert (
        err == f"error: {post}: changed while it was being fixed; not written (run mdclean again)\n"
    )
    assert post.read_text() == edited
    assert other.read_text() == CLEAN


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_later_run_removes_its_own_stale_temporary_files_only(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(CLEAN)
    long_ago = time.time() - 2 * 3600
    minutes_ago = time.time() - 5 * 60
    stale_old = tmp_path / ".post.md.12345.abcd1234.mdclean-tmp"  # any writer, hours old
    stale_dead = tmp_path / f".post.md.{_dead_pid()}.k2j_x9qa.mdclean-tmp"  # its writer is gone
    stale_legacy = tmp_path / ".post.md.q8z1m0aa.mdclean-tmp"  # named before pids were
    live = tmp_path / f".post.md.{os.getpid()}.zzzz1234.mdclean-tmp"  # a run writing right now
    fresh_dead = (
        tmp_path / f".post.md.{_dead_pid()}.aaaa1111.mdclean-tmp"
    )  # could be another host's
    not_ours = tmp_path / ".notes.mdclean-tmp.bak"
    for path, when in (
        (stale_old, long_ago),
        (stale_dead, minutes_ago),
        (stale_legacy, long_ago),
        (live, long_ago - 1),
        (fresh_dead, time.time()),
        (not_ours, long_ago),
    ):
        path.write_text("half a file")
        os.utime(path, (when, when))
    os.utime(live, None)  # a live writer's file is fresh
    assert run(str(tmp_path)) == (0, b"", "")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([live.name, fresh_dead.name, not_ours.name, "post.md"])


def test_a_symlink_named_like_a_temporary_file_is_never_followed_nor_removed(
    tmp_path: Path,
) -> None:
    target = tmp_path / "keep.txt"
    target.write_text("keep")
    link = tmp_path / ".post.md.12345.abcd1234.mdclean-tmp"
    link.symlink_to(target)
    assert remove_stale_temporary(str(link), now=time.time() + 10 * 3600) is False
    assert link.is_symlink() and target.read_text() == "keep"


def test_fixing_stdin_that_is_not_utf8_gives_the_input_back(tmp_path: Path) -> None:
    data = f"Caf\xe9 au lait.\n\n{AD}\n".encode("latin-1")
    code, out, err = run("--fix", "-", input=data)
    assert code == 2
    assert out == data
    assert (
        err
        == "error: -: not valid UTF-8 (byte 0xe9 at offset 3); re-encode it as UTF-8 to check it\n"
    )


def test_content_nested_deeper_than_the_parser_goes_is_reported(tmp_path: Path) -> None:
    deep, shallow = tmp_path / "deep.md", tmp_path / "shallow.md"
    deep.write_text("> " * 300 + AD + "\n")
    shallow.write_text("> " * 199 + AD + "\n")  # the deepest level the parser still reads
    code, out, err = run("--no-cache", str(tmp_path))
    assert code == 2
    assert err == (
        f"error: {deep}: blocks nested more than 199 levels deep (quotes or lists); what lies "
        "deeper cannot be checked, so the file was not checked\n"
    )
    assert out.decode().startswith(f"{shallow}:1:399: AD001 [*] AdSense ad unit\n")
    code, _, err = run("--fix", "--no-cache", str(deep))
    assert code == 2 and deep.read_text() == "> " * 300 + AD + "\n"


def test_a_file_named_on_the_command_line_has_its_folder_swept_too(tmp_path: Path) -> None:
    """pre-commit names files one by one: no folder is walked, the stale files still go."""
    post = tmp_path / "post.md"
    post.write_text(CLEAN)
    stale = tmp_path / f".post.md.{_dead_pid()}.k2j_x9qa.mdclean-tmp"
    stale.write_text("half a file")
    long_ago = time.time() - 2 * 3600
    os.utime(stale, (long_ago, long_ago))
    assert run(str(post)) == (0, b"", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]


def test_sigterm_right_after_the_temporary_file_is_made_leaves_nothing(tmp_path: Path) -> None:
    """The signal arrives between creating the temporary file and noting it for the handler."""
    target = tmp_path / "post.md"
    target.write_text(DIRTY)
    script = (
        "import os, signal, sys, tempfile\n"
        "from pathlib import Path\n"
        "from mdclean import files\n"
        "signal.signal(signal.SIGTERM, files.end_by_signal)\n"
        "real_mkstemp = tempfile.mkstemp\n"
        "def mkstemp(*args, **kwargs):\n"
        "    made = real_mkstemp(*args, **kwargs)\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return made\n"
        "files.tempfile.mkstemp = mkstemp\n"
        "files.write_atomic(Path(sys.argv[1]), b'new text')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)], capture_output=True, text=True
    )
    assert done.returncode == -15, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]
    assert target.read_text() == DIRTY
