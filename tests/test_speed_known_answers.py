"""The filter-list engines' answers, kept between runs (``filterlists.KnownAnswers``): a run whose
questions were asked before loads no engine, and gets the answers the engines give."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdclean import filterlists
from mdclean.filterlists import Engines, ListSet

USER_LIST = "! Title: my list\n||ads.example-cdn.test^$image\n"
AD = "https://ads.example-cdn.test/banner.png"
CLEAN = "https://img.shields.io/badge/build-passing-green.svg"


def _ask(engines: Engines) -> tuple[str | None, str | None, list[str]]:
    return (
        engines.classify(AD, "image"),
        engines.classify(CLEAN, "image"),
        engines.hiding_selectors(["adsbygoogle"], []),
    )


def _finish(engines: Engines) -> None:
    """What the process does at its end."""
    assert engines._known is not None
    engines._known.save()


def test_answers_kept_by_one_run_are_the_next_run_s_without_an_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "cache"))
    lists = ListSet(user_lists=(_write(tmp_path / "mine.txt", USER_LIST),))
    first = Engines(lists)
    answers = _ask(first)
    assert answers[:2] == ("ad", None)
    assert first._loaded == {"ads", "trackers"}
    _finish(first)

    def no_engine(*args: object, **kwargs: object) -> None:
        raise AssertionError("an engine was loaded")

    monkeypatch.setattr(filterlists, "load_engine", no_engine)
    again = Engines(lists)
    assert _ask(again) == answers
    assert again._loaded == set()


def test_other_lists_are_asked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "cache"))
    mine = _write(tmp_path / "mine.txt", "! Title: my list\n")
    first = Engines(ListSet(user_lists=(mine,)))
    assert first.classify(AD, "image") is None
    _finish(first)
    # The same list, now naming the host: another file of answers, and the engine's verdict.
    _write(mine, USER_LIST)
    assert Engines(ListSet(user_lists=(mine,))).classify(AD, "image") == "ad"
    assert len(list((tmp_path / "cache").glob("answers-*.marshal"))) == 1


def test_a_damaged_file_of_answers_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "cache"))
    lists = ListSet(user_lists=(_write(tmp_path / "mine.txt", USER_LIST),))
    first = Engines(lists)
    first.classify(AD, "image")
    _finish(first)
    [kept] = (tmp_path / "cache").glob("answers-*.marshal")
    kept.write_bytes(b"\x00not marshal")
    again = Engines(lists)
    assert again.classify(AD, "image") == "ad"
    assert "ads" in again._loaded


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
