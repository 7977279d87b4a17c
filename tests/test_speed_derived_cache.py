"""Data derived from rule files and kept between runs (``usercache.derived``): read again only
when its input, the code that derives it or the Python version changes."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mdclean.matchers import phrase_lists
from mdclean.matchers.base import ParamError
from mdclean.matchers.label_triggers import LabelTrigger, _trigger_of
from mdclean.usercache import _sources_digest, derived


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache"


def _module(path: Path, source: str) -> ModuleType:
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("speed_probe_module", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    _sources_digest.cache_clear()
    return module


def test_derived_data_is_built_once_per_input_and_per_code(cache_dir: Path, tmp_path: Path) -> None:
    module = _module(tmp_path / "probe.py", "FACTOR = 2\n")
    built: list[str] = []

    def build(word: str) -> list[str]:
        built.append(word)
        return [word] * 2

    try:
        assert derived("probe", "a", lambda: build("a"), module) == ["a", "a"]
        assert derived("probe", "a", lambda: build("never"), module) == ["a", "a"]
        assert derived("probe", "b", lambda: build("b"), module) == ["b", "b"]
        assert built == ["a", "b"]
        _module(tmp_path / "probe.py", "FACTOR = 3\n")  # the deriving code changed
        assert derived("probe", "a", lambda: build("a again"), module) == ["a again"] * 2
        assert built == ["a", "b", "a again"]
        assert len(list(cache_dir.glob("probe-*.marshal"))) == 3
    finally:
        del sys.modules["speed_probe_module"]
        _sources_digest.cache_clear()


def test_derived_data_without_a_readable_source_is_built_each_time(cache_dir: Path) -> None:
    module = ModuleType("speed_no_source")  # no __file__
    sys.modules[module.__name__] = module
    try:
        assert derived("probe", "a", lambda: [1], module) == [1]
        assert derived("probe", "a", lambda: [2], module) == [2]
        assert not cache_dir.exists() or not list(cache_dir.glob("probe-*"))
    finally:
        del sys.modules[module.__name__]
        _sources_digest.cache_clear()


def test_a_phrase_list_is_read_again_only_when_its_file_changes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phrase_lists, "phrases_dir", lambda: tmp_path)
    listed = tmp_path / "speed-list.yaml"
    listed.write_text("en:\n  - 'read more'\nde:\n  - 'weiterlesen'\n", encoding="utf-8")
    phrase_lists.load_phrase_list.cache_clear()
    try:
        assert phrase_lists.load_phrase_list("speed-list") == ("read more", "weiterlesen")
        phrase_lists.load_phrase_list.cache_clear()  # a new run
        (entry,) = cache_dir.glob("phrases-*.marshal")
        entry.write_bytes(__import__("marshal").dumps(["from the cache"]))
        assert phrase_lists.load_phrase_list("speed-list") == ("from the cache",)

        phrase_lists.load_phrase_list.cache_clear()
        listed.write_text("en:\n  - 'read (more'\n", encoding="utf-8")  # edited, and broken
        stat = listed.stat()
        os.utime(listed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        with pytest.raises(ParamError, match=r"bad phrase 'read \(more'"):
            phrase_lists.load_phrase_list("speed-list")
        with pytest.raises(ParamError, match="no file"):
            phrase_lists.load_phrase_list("speed-missing")
    finally:
        phrase_lists.load_phrase_list.cache_clear()


def test_a_trigger_from_the_cache_is_the_trigger_derived(cache_dir: Path) -> None:
    phrases = ("also read", "related (?:posts|articles)", r"\d+ comments", "(?:x|y)+z")
    _trigger_of.cache_clear()
    derived_now = _trigger_of(phrases)
    _trigger_of.cache_clear()  # a new run: from the entry
    assert len(list(cache_dir.glob("triggers-*.marshal"))) == 1
    from_cache = _trigger_of(phrases)
    _trigger_of.cache_clear()
    assert isinstance(derived_now, LabelTrigger) and isinstance(from_cache, LabelTrigger)
    assert from_cache is not derived_now
    for attribute in ("words", "keys", "short_keys", "digit_start", "plain_by_key", "by_key"):
        assert getattr(from_cache, attribute) == getattr(derived_now, attribute), attribute
    assert from_cache._keyed == derived_now._keyed
    text = "intro\n\n12 comments\n\nalso read this\n"
    assert from_cache.hits(text) == derived_now.hits(text)
