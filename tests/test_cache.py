"""The result cache: warm runs read nothing, any change is seen, writers never corrupt it."""

from __future__ import annotations

import dataclasses
import marshal
import os
from pathlib import Path

import pytest

from mdclean import cache as cache_module
from mdclean import runner
from mdclean.cache import ResultCache, Shard, content_key
from mdclean.config import Config
from mdclean.runner import FileResult, Mode, run_files
from mdclean.site.learning import learn_texts

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph.\n\nSecond paragraph.\n"
CONFIG = Config()
LONG_AGO = 1_600_000_000


def _age(path: Path) -> None:
    """Make a file look written long ago: only then is its stat signature trusted."""
    os.utime(path, (LONG_AGO, LONG_AGO))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(DIRTY)
    (docs / "b.md").write_text(CLEAN)
    return docs


def run(
    folder: Path, cache_dir: Path, mode: Mode = Mode.CHECK, config: Config = CONFIG
) -> list[tuple]:
    return [
        (Path(r.path).name, [(v.code, v.line, v.fixable) for v in r.violations], r.changed, r.error)
        for r in run_files([folder], mode, lambda _p: config, cache_dir=cache_dir)
    ]


def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> FileResult:
        raise AssertionError("a file was processed although the cache had its results")

    monkeypatch.setattr(runner, "process_text", fail)


def test_the_cache_folder_is_tagged_and_ignored_by_git(folder: Path, tmp_path: Path) -> None:
    run(folder, tmp_path / "cache")
    assert (
        (tmp_path / "cache" / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (tmp_path / "cache" / ".gitignore").read_text() == "# Created by mdclean.\n*\n"
    assert len(list((tmp_path / "cache").glob("*.cache"))) == 1


def test_a_warm_run_on_old_files_reads_nothing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in folder.iterdir():
        _age(path)
    cold = run(folder, tmp_path / "cache")
    assert cold == [("a.md", [("AD001", 5, True)], False, None), ("b.md", [], False, None)]
    _no_work(monkeypatch)
    monkeypatch.setattr(
        runner, "read_source", lambda path: (_ for _ in ()).throw(AssertionError("read"))
    )
    assert run(folder, tmp_path / "cache") == cold


def test_recent_files_are_answered_by_content(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = run(folder, tmp_path / "cache")
    _no_work(monkeypatch)  # read and hashed, not linted
    assert run(folder, tmp_path / "cache") == cold


def test_a_change_that_keeps_size_and_mtime_is_still_seen(folder: Path, tmp_path: Path) -> None:
    path = folder / "b.md"
    before = path.stat()
    run(folder, tmp_path / "cache")
    # Same length, same mtime: only the content tells (the file was too recent to trust its stat).
    path.write_text(CLEAN.replace("First", "Frist"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    (folder / "a.md").write_text(CLEAN)
    assert run(folder, tmp_path / "cache") == [("a.md", [], False, None), ("b.md", [], False, None)]
    (folder / "b.md").write_text(DIRTY)
    assert run(folder, tmp_path / "cache")[1] == ("b.md", [("AD001", 5, True)], False, None)


def test_another_config_does_not_reuse_results(folder: Path, tmp_path: Path) -> None:
    assert run(folder, tmp_path / "cache")[0][1] == [("AD001", 5, True)]
    quiet = Config(ignore=("AD001",))
    assert run(folder, tmp_path / "cache", config=quiet)[0][1] == []
    assert len(list((tmp_path / "cache").glob("*.cache"))) == 2


def test_fix_mode_fixes_what_the_cache_says_is_fixable_and_skips_the_rest(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(folder, tmp_path / "cache")
    assert run(folder, tmp_path / "cache", Mode.FIX) == [
        ("a.md", [], True, None),
        ("b.md", [], False, None),
    ]
    assert (folder / "a.md").read_text() == CLEAN
    _no_work(monkeypatch)  # both files are now known clean: the next fix run does nothing
    assert run(folder, tmp_path / "cache", Mode.FIX) == [
        ("a.md", [], False, None),
        ("b.md", [], False, None),
    ]


def test_the_fingerprint_covers_every_field_that_changes_results(tmp_path: Path) -> None:
    rule = (Path(__file__).parent.parent / "rules" / "AD001.yaml").read_text()
    (tmp_path / "ZZ001.yaml").write_text(rule.replace("code: AD001", "code: ZZ001"))
    changes = {
        "select": ("AD",),
        "ignore": ("AD001",),
        "extend_select": ("AD",),
        "unsafe_fixes": True,
        "rule_packs": (tmp_path,),
        "required_keys": ("title",),
        "date_keys": ("published",),
        "filter_lists": (tmp_path / "ZZ001.yaml",),
        "builtin_filter_lists": False,
        "site_template": learn_texts(
            [
                f"Page on {word}.\n\nPrinted from the archive of the Gazette.\n"
                for word in ("ash", "elm", "fir", "oak", "yew")
            ]
        ),
    }
    # A field added to Config must be added here: it changes results unless it is only for
    # messages or speed.
    assert set(changes) == {f.name for f in dataclasses.fields(Config)} - {"origin", "fast_path"}
    base = Config()
    assert dataclasses.replace(base, origin="somewhere else").fingerprint() == base.fingerprint()
    assert dataclasses.replace(base, fast_path=False).fingerprint() == base.fingerprint()
    prints = {
        dataclasses.replace(base, **{name: value}).fingerprint() for name, value in changes.items()
    }
    assert len(prints) == len(changes) and base.fingerprint() not in prints


def test_the_fingerprint_follows_a_rule_packs_content(tmp_path: Path) -> None:
    rule = (Path(__file__).parent.parent / "rules" / "AD001.yaml").read_text()
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "ZZ001.yaml").write_text(rule.replace("code: AD001", "code: ZZ001"))
    first = Config(rule_packs=(pack,)).fingerprint()
    (pack / "ZZ001.yaml").write_text(
        rule.replace("code: AD001", "code: ZZ001").replace("ca-pub-", "pub-")
    )
    assert Config(rule_packs=(pack,)).fingerprint() != first


def test_two_writers_merge_and_never_corrupt(tmp_path: Path) -> None:
    first, second = ResultCache(tmp_path), ResultCache(tmp_path)
    first.shard(CONFIG).store(content_key(b"one"), cache_module.pack(()))
    second.shard(CONFIG).store(content_key(b"two"), cache_module.pack(()))
    first.save()
    second.save()  # written later, from a cache loaded before the first save: merges, keeps both
    results = ResultCache(tmp_path).shard(CONFIG).results
    assert set(results) == {content_key(b"one"), content_key(b"two")}


def test_a_corrupt_or_foreign_cache_file_is_ignored(folder: Path, tmp_path: Path) -> None:
    cold = run(folder, tmp_path / "cache")
    (shard,) = (tmp_path / "cache").glob("*.cache")
    shard.write_bytes(b"\x00garbage")
    assert run(folder, tmp_path / "cache") == cold
    shard.write_bytes(marshal.dumps({"format": 999}))
    assert run(folder, tmp_path / "cache") == cold


def test_old_entries_are_pruned_and_shards_stay_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    cache = ResultCache(tmp_path)
    shard = cache.shard(CONFIG)
    today = shard.today
    shard.results[b"stale"] = (today - cache_module.MAX_AGE_DAYS - 1, cache_module.pack(()))
    for i in range(5):
        shard.results[f"k{i}".encode()] = (today - i, cache_module.pack(()))
    shard.stats["gone.md"] = ((1, 2, 3, 4), b"k4")
    shard.dirty = True
    cache.save()
    kept = Shard(shard.path)
    assert set(kept.results) == {b"k0", b"k1", b"k2"}  # the newest three; the stale one went
    assert kept.stats == {}  # a signature pointing at a pruned entry goes with it


def test_no_cache_dir_means_no_cache(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    results = [r.path for r in run_files([folder], Mode.CHECK, lambda _p: CONFIG)]
    assert [Path(p).name for p in results] == ["a.md", "b.md"]
    assert not (tmp_path / ".mdclean_cache").exists()


def test_the_fingerprint_covers_the_phrase_lists(tmp_path, monkeypatch) -> None:
    """Editing a phrase list changes what the rules find, so cached results must not survive it."""
    import shutil

    from mdclean import catalogue
    from mdclean import config as config_module

    rules = tmp_path / "rules"
    shutil.copytree(catalogue.builtin_rules_dir(), rules)
    monkeypatch.setattr(config_module, "builtin_rules_dir", lambda: rules)
    before = config_module.Config().fingerprint()
    phrase_list = next((rules / "phrases").glob("*.yaml"))
    phrase_list.write_text(
        phrase_list.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )
    assert config_module.Config().fingerprint() != before


def test_a_warm_command_line_run_never_loads_the_parser_or_the_matchers(
    folder: Path, tmp_path: Path
) -> None:
    """A rerun answered from the cache pays for start-up only: no markdown-it, no rule patterns."""
    import subprocess
    import sys

    for path in folder.iterdir():
        _age(path)
    script = (
        "import sys\n"
        "from mdclean.cli import main\n"
        "try:\n"
        f"    main([{str(folder)!r}, '--cache-dir', {str(tmp_path / 'cache')!r}])\n"
        "except SystemExit as end:\n"
        "    code = end.code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('markdown_it', 'mdclean.matchers')))\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        for _ in range(2)
    ]
    cold, warm = (run.stderr.strip().splitlines()[-1] for run in runs)
    assert runs[0].stdout == runs[1].stdout
    assert runs[1].stdout.startswith(f"{folder / 'a.md'}:5:1: AD001 [*]")
    assert cold.startswith("1 [") and "markdown_it" in cold
    assert warm == "1 []"


UNSAFE = (
    "Body text.\n\nThis website uses cookies to improve your experience. "
    "By continuing you accept our use of cookies.\n"
)


def test_a_fix_rerun_is_answered_by_what_the_fix_run_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fix run remembers what it leaves reported (an unsafe fix it may not apply, on a text
    it wrote or left): the next fix run reads and hashes the files, and does no work; a check
    still reports what a check finds (its own entries)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(DIRTY + "\n" + UNSAFE.split("\n\n", 1)[1])  # fixed, then left
    (docs / "b.md").write_text(UNSAFE)  # left as it is
    first = run(docs, tmp_path / "cache", Mode.FIX)
    assert first[0][2] is True and first[0][1] and first[1][1]
    written = (docs / "a.md").read_text()
    again = run(docs, tmp_path / "cache", Mode.FIX)
    assert again == [(name, found, False, None) for name, found, _, _ in first]
    assert (docs / "a.md").read_text() == written
    checked = run(docs, tmp_path / "cache")
    _no_work(monkeypatch)
    assert run(docs, tmp_path / "cache", Mode.FIX) == again
    assert run(docs, tmp_path / "cache") == checked
    monkeypatch.undo()
    # With unsafe fixes allowed, the safe run's entries answer nothing: the fixes are applied.
    unsafe = run(docs, tmp_path / "cache", Mode.FIX, config=Config(unsafe_fixes=True))
    assert unsafe[1][2] is True
