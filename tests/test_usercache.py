"""The per-user cache of what mdclean builds once: plain data kept marshalled, rule files' data."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest
from test_catalogue import VALID

from mdclean.catalogue import rules_with_cached_data
from mdclean.usercache import marshalled, user_cache_dir

RULE = VALID.replace("summary: Test ad", "summary: {summary}")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache"


def test_a_value_is_built_once_then_loaded(cache_dir: Path) -> None:
    built: list[int] = []

    def build() -> dict[str, list[str]]:
        built.append(1)
        return {"a": ["b", "c"]}

    assert marshalled("test-one.marshal", build) == {"a": ["b", "c"]}
    assert marshalled("test-one.marshal", build) == {"a": ["b", "c"]}
    assert built == [1]
    assert user_cache_dir() == cache_dir
    assert (cache_dir / "test-one.marshal").is_file()


def test_a_damaged_entry_is_built_again(cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    (cache_dir / "test-two.marshal").write_bytes(b"\xffnot marshal data")
    assert marshalled("test-two.marshal", lambda: [1, 2]) == [1, 2]
    assert marshalled("test-two.marshal", lambda: [3]) == [1, 2]  # the rebuilt entry is kept


def test_a_value_that_is_not_plain_data_is_not_kept(cache_dir: Path) -> None:
    assert marshalled("test-three.marshal", lambda: [object]) == [object]
    assert not (cache_dir / "test-three.marshal").exists()


def test_an_unwritable_cache_folder_costs_only_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(blocker / "below"))
    assert marshalled("test-four.marshal", lambda: "value") == "value"


def test_a_cache_folder_this_user_cannot_read_costs_only_a_rebuild(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run under another user (a fix run that dropped privileges) builds, cannot list the
    folder to prune it, and goes on."""
    real_glob = Path.glob

    def glob(self: Path, pattern: str):  # type: ignore[no-untyped-def]
        if self == cache_dir:
            raise PermissionError(13, "Permission denied", str(self))
        return real_glob(self, pattern)

    monkeypatch.setattr(Path, "glob", glob)
    assert marshalled("test-five.marshal", lambda: [5]) == [5]


def test_rule_files_are_read_again_when_they_change(cache_dir: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    rule_file = rules / "ZZ001.yaml"
    rule_file.write_text(RULE.format(summary="First summary"))
    assert [r.summary for r in rules_with_cached_data(rules)] == ["First summary"]
    (entry,) = cache_dir.glob("rules-*.marshal")
    # The second time, the data comes from the entry, not from the file.
    data = marshal.loads(entry.read_bytes())
    data[0]["summary"] = "From the cache"
    entry.write_bytes(marshal.dumps(data))
    assert [r.summary for r in rules_with_cached_data(rules)] == ["From the cache"]

    rule_file.write_text(RULE.format(summary="A second summary"))
    stat = rule_file.stat()
    os.utime(rule_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    (rule,) = rules_with_cached_data(rules)
    assert rule.summary == "A second summary"
    assert len(list(cache_dir.glob("rules-*.marshal"))) == 2
    assert rule.matcher.name == "html-element"


def test_cached_rules_are_checked_as_the_files_are(cache_dir: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ZZ001.yaml").write_text(RULE.format(summary="x").replace("fix: safe", "fix: maybe"))
    from mdclean.errors import RuleFileError

    for _ in range(2):  # read, then from the cache: the same error
        with pytest.raises(
            RuleFileError, match="fix must be one of safe, unsafe, none, not 'maybe'"
        ):
            rules_with_cached_data(rules)
