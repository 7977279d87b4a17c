import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # the fixture reader, importable as `fixtures`


import pytest
from hypothesis import settings

# Property tests draw the same examples on every machine: a clean clone's CI run and a local run
# agree, and a random regex that backtracks for minutes cannot appear in one run and not another.
settings.register_profile("mdclean", derandomize=True)
settings.load_profile("mdclean")


@pytest.fixture(autouse=True)
def _private_result_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CLI runs cache into a temporary folder, not into the working tree (``.mdclean_cache``)."""
    monkeypatch.setenv("MDCLEAN_CACHE_DIR", str(tmp_path_factory.mktemp("mdclean_cache")))
    # Serialized filter-list engines: one folder for the run (built once), not the user's cache.
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(_run_folder(tmp_path_factory) / "engines"))


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This run's temporary folder: with pytest-xdist (``-n``), the one its workers' folders are
    in, so they share the engines the first of them builds (entries are written atomically and
    named by their sources: ``mdclean.usercache``)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
