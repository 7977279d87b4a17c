"""Workers change nothing but speed: same results, same order, same files written as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdclean import runner
from mdclean.config import Config
from mdclean.runner import Mode, run_files

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
CONFIG = Config()


def _tree(root: Path, count: int) -> None:
    """Enough files for several batches, in nested folders, some dirty, one not UTF-8."""
    for i in range(count):
        folder = root / f"part-{i % 3}" / ("deep" if i % 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        body = f"# Page {i}\n\nText {i}.\n\n{AD if i % 4 == 0 else 'More text.'}\n\nEnd.\n"
        (folder / f"page-{i:03d}.md").write_text(body)
    (root / "part-0" / "broken.md").write_bytes(b"# Bad \xff byte\n")


def _summary(results: list[runner.FileResult], root: Path) -> list[tuple]:
    return [
        (
            str(Path(r.path).relative_to(root)),
            [(v.code, v.line, v.column) for v in r.violations],
            len(r.fixed),
            r.changed,
            r.error is not None,
        )
        for r in results
    ]


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.FIX, Mode.DIFF])
def test_many_jobs_give_what_one_gives_in_the_same_order(
    tmp_path: Path, mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "BATCH_SIZE", 8)  # 121 files: many batches, so a pool really starts
    serial_root, parallel_root = tmp_path / "serial", tmp_path / "parallel"
    _tree(serial_root, 120)
    _tree(parallel_root, 120)
    serial = list(run_files([serial_root], mode, lambda _p: CONFIG, jobs=1))
    parallel = list(run_files([parallel_root], mode, lambda _p: CONFIG, jobs=3))
    assert _summary(parallel, parallel_root) == _summary(serial, serial_root)
    assert [r.diff.replace(str(parallel_root), "") for r in parallel] == [
        r.diff.replace(str(serial_root), "") for r in serial
    ]
    names = [str(Path(r.path).relative_to(serial_root)) for r in serial]
    assert names[:3] == ["part-0/broken.md", "part-0/page-000.md", "part-0/page-006.md"]
    for path in serial_root.rglob("*.md"):
        assert (parallel_root / path.relative_to(serial_root)).read_bytes() == path.read_bytes()
    if mode is Mode.FIX:
        assert AD not in (serial_root / "part-0" / "page-000.md").read_text()


def test_parallel_runs_with_the_cache_agree_with_serial_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "BATCH_SIZE", 8)
    _tree(tmp_path / "docs", 60)
    serial = _summary(
        list(run_files([tmp_path / "docs"], Mode.CHECK, lambda _p: CONFIG, jobs=1)), tmp_path
    )
    for _ in range(2):  # cold, then warm
        cached = list(
            run_files(
                [tmp_path / "docs"],
                Mode.CHECK,
                lambda _p: CONFIG,
                jobs=2,
                cache_dir=tmp_path / "cache",
            )
        )
        assert _summary(cached, tmp_path) == serial


def test_a_few_files_are_done_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "docs", 5)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a handful of files")

    import concurrent.futures  # the runner imports the pool class only when it starts one

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert len(list(run_files([tmp_path / "docs"], Mode.CHECK, lambda _p: CONFIG, jobs=4))) == 6


def test_default_jobs_is_the_usable_core_count() -> None:
    assert runner.default_jobs() >= 1


def test_the_first_batch_is_done_before_the_workers_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the first batch warms (patterns compiled on first use, the filter-list engine) is
    there before the fork: workers inherit it instead of redoing it."""
    import os

    monkeypatch.setattr(runner, "BATCH_SIZE", 8)
    _tree(tmp_path / "docs", 40)
    log = tmp_path / "who.log"
    real = runner._run_items

    def logged(items: list[tuple[str, str]], *args: object) -> list:
        with log.open("a") as out:  # workers are forked: they run this wrapper too
            out.writelines(f"{os.getpid()} {Path(name).name}\n" for name, _ in items)
        return real(items, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_run_items", logged)
    results = list(run_files([tmp_path / "docs"], Mode.CHECK, lambda _p: CONFIG, jobs=2))
    assert len(results) == 41
    by_file = dict(line.split()[::-1] for line in log.read_text().splitlines())
    first = [Path(r.path).name for r in results[:8]]
    assert {by_file[name] for name in first} == {str(os.getpid())}
    rest = {by_file[Path(r.path).name] for r in results[8:]}
    assert rest and str(os.getpid()) not in rest


@pytest.mark.parametrize("with_ad_image", [True, False])
def test_the_filter_lists_are_loaded_before_the_fork_only_when_a_file_may_need_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_ad_image: bool
) -> None:
    """Workers share one copy of the engines the parent loaded; a run whose files hold no
    candidate URL never loads them."""
    from mdclean.filterlists import ListSet, engines_for

    monkeypatch.setattr(runner, "BATCH_SIZE", 4)
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):  # three batches: the first runs in the parent, then the pool starts
        image = "![](https://pagead2.googlesyndication.com/ads/banner.gif)\n\n"
        body = f"# Page {i}\n\n{image if with_ad_image and i == 6 else ''}Text {i}.\n"
        (docs / f"page-{i:02d}.md").write_text(body)
    engines_for.cache_clear()
    results = list(run_files([docs], Mode.CHECK, lambda _p: CONFIG, jobs=2))
    loaded = engines_for(ListSet(CONFIG.builtin_filter_lists, CONFIG.filter_lists))._loaded
    assert loaded == ({"ads", "trackers"} if with_ad_image else set())
    codes = [v.code for r in results for v in r.violations]
    assert ("AD011" in codes) is with_ad_image
    engines_for.cache_clear()
