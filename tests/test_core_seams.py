"""The core's state travels in arguments: the folders a run swept, the check of a selection;
and the package says it is typed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import mdclean
from mdclean.config import Config
from mdclean.errors import ConfigError
from mdclean.files import discover


def _stale_temporary(folder: Path, name: str) -> Path:
    """A temporary file an mdclean killed two hours ago left behind (any writer, hours old)."""
    stale = folder / f".{name}.12345.abcd1234.mdclean-tmp"
    stale.write_text("half a file")
    long_ago = time.time() - 2 * 3600
    os.utime(stale, (long_ago, long_ago))
    return stale


def test_a_run_sweeps_the_folder_of_named_files_once_and_the_next_run_again(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("# A\n")
    second.write_text("# B\n")
    swept: set[str] = set()
    before = _stale_temporary(tmp_path, "a.md")
    assert list(discover([first], swept=swept)) == [str(first)]
    assert not before.exists()
    assert swept == {str(tmp_path)}
    # Later in the same run (one call per named file): the folder is not listed again.
    meanwhile = _stale_temporary(tmp_path, "b.md")
    assert list(discover([second], swept=swept)) == [str(second)]
    assert meanwhile.exists()
    # A new run (a fresh set, as a language server's next request has) sweeps it again.
    assert list(discover([second])) == [str(second)]
    assert not meanwhile.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_validate_names_the_key_and_the_unknown_code() -> None:
    config = Config(select=("AD",), extend_select=("FM",), ignore=("ZZ9",), origin="x.toml")
    with pytest.raises(ConfigError) as caught:
        config.validate()
    assert str(caught.value) == (
        "x.toml: ignore: unknown rule code or prefix 'ZZ9' (run `mdclean --list-rules` to see the codes)"
    )


def test_validate_accepts_known_prefixes_and_all() -> None:
    config = Config(select=("ALL",), ignore=("AD001",), extend_select=("FM",))
    config.validate()  # raises nothing
    assert "AD001" not in {rule.code for rule in config.rules}
    assert "AD002" in {rule.code for rule in config.rules}


def test_the_package_is_marked_typed() -> None:
    assert (Path(mdclean.__file__).parent / "py.typed").is_file()
