"""The per-user cache stays bounded, and keeps nothing built by code that changed under it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from mdclean import rule_gates, usercache
from mdclean.catalogue import builtin_rules
from mdclean.usercache import marshalled, prune


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache"


def _entries(folder: Path, count: int, size: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    made = []
    for n in range(count):
        path = folder / f"kind-{n:04d}.marshal"
        path.write_bytes(b"x" * size)
        os.utime(path, (now - n, now - n))  # entry 0 is the most recently used
        made.append(path)
    return made


def test_past_the_count_the_least_recently_used_go(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usercache, "_MAX_ENTRIES", 5)
    made = _entries(cache_dir, 8, 10)
    prune(cache_dir, "kind-*", keep=made[-1])  # the one just built stays, whatever its time
    assert sorted(p.name for p in cache_dir.iterdir()) == [p.name for p in (*made[:4], made[-1])]


def test_past_the_bytes_the_least_recently_used_go(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usercache, "_MAX_BYTES", 35)
    made = _entries(cache_dir, 6, 10)
    prune(cache_dir, "kind-*", keep=made[0])
    assert sorted(cache_dir.iterdir()) == made[:3]


def test_other_kinds_and_old_entries(cache_dir: Path) -> None:
    made = _entries(cache_dir, 3, 10)
    other = cache_dir / "other-1.marshal"
    other.write_bytes(b"y")
    old = time.time() - 31 * 86400
    os.utime(made[2], (old, old))
    prune(cache_dir, "kind-*", keep=made[0])
    assert sorted(cache_dir.iterdir()) == [*made[:2], other]


def test_a_value_whose_sources_changed_while_built_is_not_kept(cache_dir: Path) -> None:
    assert marshalled("kind-a.marshal", lambda: [1], still_named=lambda: False) == [1]
    assert not (cache_dir / "kind-a.marshal").exists()
    assert marshalled("kind-a.marshal", lambda: [2], still_named=lambda: True) == [2]
    assert marshalled("kind-a.marshal", lambda: [3]) == [2]


def test_gates_of_code_changed_during_the_run_are_not_kept(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = builtin_rules()
    monkeypatch.setattr(rule_gates, "LOADED_AT_NS", 0)  # every file is newer than the process
    rule_gates.builtin_gates(rules)
    assert not list(cache_dir.glob("gates-*"))
    monkeypatch.setattr(rule_gates, "LOADED_AT_NS", time.time_ns())
    rule_gates.builtin_gates(rules)
    assert len(list(cache_dir.glob("gates-*"))) == 1
