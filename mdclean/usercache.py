"""What mdclean builds once per user and keeps between runs: serialized filter-list engines,
the built-in rules' data, the phrase lists and the triggers derived from them. Kept in one folder (``MDCLEAN_ENGINE_CACHE_DIR``, else
``$XDG_CACHE_HOME/mdclean`` or ``~/.cache/mdclean``), each entry named by a digest of what it
was built from, so any change of its sources makes a new entry and an old one is never read.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

LOADED_AT_NS = time.time_ns()
"""When this process loaded this module, among the first of mdclean's (the rule catalogue
imports it): a code or rule file changed after it may differ from the code in memory, so what
is built from that code must not be kept under the file's stamps (``rule_gates``)."""

_MAX_AGE_SECONDS = 30 * 86400
_MAX_ENTRIES = 2048
"""Entries of one kind kept (the most recently used): a checkout whose code changes makes new
ones at each change (a thousand edits made 40,000 entries, 700 MB), while one version of
mdclean uses about 150 of each kind; several checkouts share the folder."""
_MAX_BYTES = 64 << 20
"""Bytes of one kind kept (a rule gates entry is about 1 MB: some sixty versions)."""


def user_cache_dir() -> Path:
    """Shared by every project of the user (entries are keyed by content)."""
    chosen = os.environ.get("MDCLEAN_ENGINE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "mdclean"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mdclean"


def store_atomically(path: Path, data: bytes) -> None:
    """Write atomically: two processes building at once each leave a whole file. A folder that
    cannot be written only costs the next run a rebuild."""
    import tempfile  # here: most runs write nothing

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".entry-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass


def mark_used(path: Path) -> None:
    """In use: kept by ``prune``."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(folder: Path, pattern: str, keep: Path) -> None:
    """Drop the entries of ``pattern``'s kind no longer used (untouched for 30 days) and, past
    ``_MAX_ENTRIES`` or ``_MAX_BYTES`` of them, the least recently used (``mark_used``
    touches an entry read); ``keep`` stays. Run only after a build: one listing and a
    ``stat`` per entry of the kind."""
    now = time.time()
    try:
        entries = [(path, path.stat()) for path in folder.glob(pattern) if path != keep]
    except OSError:  # a cache folder this user may not read (another user's): nothing to prune
        return
    entries.sort(key=lambda entry: entry[1].st_mtime, reverse=True)
    count, size = 1, _size(keep)
    for old, info in entries:
        count, size = count + 1, size + info.st_size
        if count > _MAX_ENTRIES or size > _MAX_BYTES or now - info.st_mtime > _MAX_AGE_SECONDS:
            with contextlib.suppress(OSError):
                old.unlink()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def marshalled(
    name: str, build: Callable[[], Any], *, still_named: Callable[[], bool] | None = None
) -> Any:
    """``build()``'s value, kept marshalled as ``name`` in the user's cache folder: plain data
    (dicts, lists, strings, numbers) loads from it in about a millisecond. ``name`` must name
    the value's sources (a digest of them): an entry is never checked against them.
    ``still_named()``, asked after a build: whether ``name`` still names what was built from
    (False: its sources changed meanwhile, and the value is not kept)."""
    path = user_cache_dir() / name
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    else:
        mark_used(path)
        return value
    value = build()
    if still_named is not None and not still_named():
        return value
    try:
        data = marshal.dumps(value)
    except ValueError:  # not plain data (a YAML timestamp): built again next time
        return value
    store_atomically(path, data)
    prefix = name.split("-", 1)[0]
    prune(path.parent, f"{prefix}-*", keep=path)
    return value


def derived(kind: str, key: object, build: Callable[[], Any], *modules: ModuleType) -> Any:
    """``build()``'s value kept marshalled (see ``marshalled``), named by ``key`` (its input, whose
    ``repr`` must name it), the source of the ``modules`` whose code derives it and the Python
    version: an edit of that code, or another interpreter, makes a new entry. Built each time
    when a module's source cannot be read."""
    sources = _sources_digest(tuple(module.__name__ for module in modules))
    if sources is None:
        return build()
    digest = hashlib.blake2b(
        f"{sources} {sys.version_info[:2]} {key!r}".encode("utf-8", "surrogatepass"),
        digest_size=16,
    )
    return marshalled(f"{kind}-{digest.hexdigest()}.marshal", build)


@lru_cache(maxsize=16)
def _sources_digest(module_names: tuple[str, ...]) -> str | None:
    """A digest of these modules' source files (read once per process)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in module_names:
        source = getattr(sys.modules.get(name), "__file__", None)
        if source is None:
            return None  # a frozen or built-in module
        try:
            digest.update(Path(source).read_bytes())
        except OSError:
            return None
    return digest.hexdigest()
