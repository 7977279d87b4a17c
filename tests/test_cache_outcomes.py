"""A fix run remembers what it made of each text it changed: a rerun on the same text (a tree
checked out again, a fresh copy) writes the same bytes and reports the same, without a rule run.
What the cache answers is what a run without it does."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean import runner
from mdclean.cache import ResultCache, outcome_key, pack_outcome, unpack_outcome
from mdclean.cli import main
from mdclean.config import Config
from mdclean.files import FileError
from mdclean.runner import FileResult

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
COOKIES = (
    "This website uses cookies to improve your experience. "
    "By continuing you accept our use of cookies."
)
PAGES = {
    "ad.md": f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n",
    "crlf.md": f"# Post\r\n\r\nFirst paragraph.\r\n\r\n{AD}\r\n\r\nLast.",
    "bom.md": f"\ufeff# Post\n\n{AD}\n\nText.\n",
    "unsafe.md": f"Body text.\n\n{AD}\n\n{COOKIES}\n",
    "clean.md": "# Post\n\nNothing to remove here.\n",
}


def tree(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, text in PAGES.items():
        (folder / name).write_bytes(text.encode("utf-8"))


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["-j", "1", "--output-format", "json", *args])
    return result.exit_code, result.stdout


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> FileResult:
        raise AssertionError("a file was processed although the cache had its outcome")

    monkeypatch.setattr(runner, "process_text", fail)


@pytest.mark.parametrize("unsafe", [(), ("--unsafe-fixes",)])
def test_a_fix_of_a_fresh_copy_is_replayed_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unsafe: tuple[str, ...]
) -> None:
    docs, cache = tmp_path / "docs", str(tmp_path / "cache")
    tree(docs)
    uncached = cli("--no-cache", "--fix", *unsafe, str(docs))
    expected = contents(docs)
    assert expected != {name: text.encode() for name, text in PAGES.items()}
    tree(docs)
    assert cli("--cache-dir", cache, "--fix", *unsafe, str(docs)) == uncached
    assert contents(docs) == expected
    _no_work(monkeypatch)
    for _ in range(2):  # a fresh copy, then the fixed tree again
        tree(docs)
        assert cli("--cache-dir", cache, "--fix", *unsafe, str(docs)) == uncached
        assert contents(docs) == expected
    second = cli("--cache-dir", cache, "--fix", *unsafe, str(docs))
    monkeypatch.undo()
    assert second == cli("--no-cache", "--fix", *unsafe, str(docs))


def test_the_other_fix_safety_is_not_replayed(tmp_path: Path) -> None:
    docs, cache = tmp_path / "docs", str(tmp_path / "cache")
    tree(docs)
    cli("--cache-dir", cache, "--fix", "--unsafe-fixes", str(docs))
    tree(docs)
    safe = cli("--cache-dir", cache, "--fix", str(docs))
    safe_text = contents(docs)
    tree(docs)
    assert cli("--no-cache", "--fix", str(docs)) == safe
    assert contents(docs) == safe_text
    assert COOKIES.encode() in safe_text["unsafe.md"]


def test_a_file_changed_or_unwritable_is_fixed_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, cache = tmp_path / "docs", str(tmp_path / "cache")
    tree(docs)
    cli("--cache-dir", cache, "--fix", str(docs))
    tree(docs)
    (docs / "ad.md").write_text(f"# Other\n\n{AD}\n\nText.\n")
    write = runner.write_atomic

    def refusing(path: Path, data: bytes, expected: bytes | None = None) -> None:
        if path.name == "crlf.md":
            raise FileError(f"{path}: file is read-only, not fixed")
        write(path, data, expected)

    monkeypatch.setattr(runner, "write_atomic", refusing)
    _code, out = cli("--cache-dir", cache, "--fix", str(docs))
    assert AD not in (docs / "ad.md").read_text()
    assert "read-only" in out
    assert AD in (docs / "crlf.md").read_text()


def test_a_bad_outcome_entry_is_a_miss(tmp_path: Path) -> None:
    text = "fixed text é \ud800"
    packed = pack_outcome(text, [], [])
    assert unpack_outcome(packed) == (text, marshal.dumps(()), marshal.dumps(()))
    for bad in (b"", b"junk", marshal.dumps((b"x", b"", b"")), marshal.dumps((1, 2, 3))):
        assert unpack_outcome(bad) is None
    cache = ResultCache(tmp_path)
    shard = cache.shard(Config())
    key = outcome_key(b"k" * 16, unsafe=False)
    shard.store_outcome(key, b"junk")
    assert shard.outcome(key) is None and key not in shard.outcomes
    shard.store_outcome(key, packed)
    cache.save()
    again = ResultCache(tmp_path).shard(Config())
    assert again.outcome(key) == unpack_outcome(packed)
    assert outcome_key(b"k" * 16, unsafe=True) != key
