"""Results remembered between runs, as ruff does: a rerun on an unchanged repo does almost nothing.

Results are keyed by the file's content (a BLAKE2 digest of its bytes) within a
shard for one mdclean build and one effective config (``Config.fingerprint()``,
which covers the rule files, rule packs included). A shard also remembers each
path's ``stat`` signature, so an unchanged file is not even read on the next run;
a signature is only trusted for files whose mtime was already older than
``_RACY_SECONDS`` when they were read (git's "racily clean" rule: a file written in the
same clock tick as it was read could change without its mtime moving).

Layout: ``<cache dir>/CACHEDIR.TAG``, a ``.gitignore`` holding ``*``, and one
``<shard>.cache`` file per build and config: a magic line, a BLAKE2 checksum of the
rest, and the rest (marshal). A shard whose checksum or shape is wrong is read as
empty, and an entry whose violations do not decode is a miss: a cache is never
trusted to be what it claims (a disk, a crash or a repository may have put it there). Writers merge with what is
on disk and replace the file atomically, so two runs writing at once lose at
most each other's new entries, never the file. Entries unused for
``MAX_AGE_DAYS`` go, a shard keeps at most ``MAX_ENTRIES``, and shards of old
builds or configs are deleted when they have not been used for a while.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .models import Applicability, Edit, Fix, Violation

CACHE_DIR_NAME = ".mdclean_cache"
MAX_AGE_DAYS = 30
MAX_ENTRIES = 100_000
"""Per shard; a repo with more files than this just gets fewer warm hits."""
MAX_OUTCOMES = 10_000
"""Fix outcomes kept per shard (each holds a fixed text, compressed: a few KB)."""
MAX_SHARDS = 16
"""Shards of other builds and configs kept besides those in use."""
_FORMAT = 3
_MAGIC = b"mdclean-cache\n"
_DIGEST_SIZE = 16
_RACY_SECONDS = 2
_SUFFIX = ".cache"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by mdclean.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)

StatKey = tuple[int, int, int, int]
"""size, mtime_ns, ctime_ns, inode: what must stay equal for a file to be taken as unchanged."""
Packed = bytes
"""Violations as plain tuples, marshalled: a shard holds every file's results in memory,
and bytes take a fraction of the room of the tuples (memory stays near flat as a run grows)."""


def content_key(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def fix_key(key: bytes, *, unsafe: bool) -> bytes:
    """The key of what ``--fix`` (with ``--unsafe-fixes`` or not) reports on the text whose
    content key is ``key``, where it has nothing left to change: the violations left, a fix
    refused as not fixable among them (a check reports that one fixable, so the two are kept
    apart). A fix run writes its text and remembers this of it, so a rerun reads the file,
    hashes it and is done."""
    person = b"fix-unsafe" if unsafe else b"fix-safe"
    return hashlib.blake2b(key, digest_size=16, person=person).digest()


def outcome_key(key: bytes, *, unsafe: bool) -> bytes:
    """The key of what ``--fix`` (with ``--unsafe-fixes`` or not) made of the text whose content
    key is ``key``, when it changed it: the text it wrote, what it fixed and what it left. A
    rerun on the same text (a tree checked out again, a scoreboard's fresh copy) writes that
    text and reports the same, without a rule run."""
    person = b"fixed-unsafe" if unsafe else b"fixed-safe"
    return hashlib.blake2b(key, digest_size=16, person=person).digest()


Outcome = tuple[str, Packed, Packed]
"""A fix's outcome: the text written, the violations fixed, the violations left."""


def pack_outcome(text: str, fixed: Iterable[Violation], left: Iterable[Violation]) -> bytes:
    import zlib

    data = zlib.compress(text.encode("utf-8", "surrogatepass"), 1)
    return marshal.dumps((data, pack(fixed), pack(left)))


def unpack_outcome(packed: bytes) -> Outcome | None:
    """The outcome, or None for an entry that does not decode (a miss)."""
    import zlib

    try:
        data, fixed, left = marshal.loads(packed)
        text = zlib.decompress(data).decode("utf-8", "surrogatepass")
    except (ValueError, EOFError, TypeError, zlib.error, UnicodeDecodeError):
        return None
    if not (isinstance(fixed, bytes) and isinstance(left, bytes)):
        return None
    if not (valid_packed(fixed) and valid_packed(left)):
        return None
    return text, fixed, left


def stat_key(info: os.stat_result, read_at_ns: int) -> StatKey | None:
    """The file's signature, or None when it changed too recently to be trusted later."""
    if info.st_mtime_ns > read_at_ns - _RACY_SECONDS * 1_000_000_000:
        return None
    # ctime is compared too: it moves on every change, even one that puts the old mtime back.
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def pack(violations: Iterable[Violation]) -> Packed:
    return marshal.dumps(
        tuple(
            (
                v.code,
                v.name,
                v.message,
                v.line,
                v.column,
                v.end_line,
                v.end_column,
                v.start,
                v.end,
                None
                if v.fix is None
                else (
                    v.fix.applicability.value,
                    tuple((e.start, e.end, e.replacement) for e in v.fix.edits),
                ),
            )
            for v in violations
        )
    )


def unpack(packed: Packed, path: str) -> list[Violation]:
    if packed == _NONE:
        return []
    applicability = _APPLICABILITY
    return [
        Violation(
            code,
            name,
            message,
            line,
            column,
            end_line,
            end_column,
            start,
            end,
            None if fix is None else Fix(tuple(Edit(*e) for e in fix[1]), applicability[fix[0]]),
            path,
        )
        for code, name, message, line, column, end_line, end_column, start, end, fix in marshal.loads(
            packed
        )
    ]


def fixes_of(packed: Packed) -> Iterator[tuple[str, Any] | None]:
    """The fix of each packed violation: its applicability's value and its edits, or None."""
    if packed != _NONE:
        for violation in marshal.loads(packed):
            yield violation[9]


_NONE = marshal.dumps(())
"""No violations, packed."""
_APPLICABILITY = {a.value: a for a in Applicability}


@lru_cache(maxsize=1)
def build_fingerprint() -> str:
    """This mdclean: its version, the Python that runs it and its own source (a dev build changes)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}|{sys.version_info[:2]}|{_FORMAT}".encode())
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _today() -> int:
    return int(time.time() // 86400)


class Shard:
    """The results of one build and one config: content key -> violations, path -> signature."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.results: dict[bytes, tuple[int, Packed]] = {}
        self.stats: dict[str, tuple[StatKey, bytes]] = {}
        self.dirty = False
        self.today = _today()
        self.checked: set[bytes] = set()
        """Keys whose packed violations were decoded once and found well formed."""
        self.outcomes: dict[bytes, tuple[int, bytes]] = {}
        """Fix outcomes (``outcome_key``): packed by ``pack_outcome``."""
        self.results, self.stats, self.outcomes = _read_shard(path)

    def outcome(self, key: bytes) -> Outcome | None:
        entry = self.outcomes.get(key)
        if entry is None:
            return None
        found = unpack_outcome(entry[1])
        if found is None:
            del self.outcomes[key]  # a bad entry is a miss, and is not written back
            self.dirty = True
            return None
        if entry[0] != self.today:
            self.outcomes[key] = (self.today, entry[1])
            self.dirty = True
        return found

    def store_outcome(self, key: bytes, packed: bytes) -> None:
        self.outcomes[key] = (self.today, packed)
        self.dirty = True

    def by_stat(self, path: str, info: os.stat_result) -> tuple[bytes, Packed] | None:
        entry = self.stats.get(path)
        if entry is None or entry[0] != (
            info.st_size,
            info.st_mtime_ns,
            info.st_ctime_ns,
            info.st_ino,
        ):
            return None
        return self._hit(entry[1])

    def by_content(self, key: bytes) -> tuple[bytes, Packed] | None:
        return self._hit(key)

    def _hit(self, key: bytes) -> tuple[bytes, Packed] | None:
        entry = self.results.get(key)
        if entry is None:
            return None
        if key not in self.checked:
            if not valid_packed(entry[1]):
                del self.results[key]  # a bad entry is a miss, and is not written back
                self.dirty = True
                return None
            self.checked.add(key)
        if entry[0] != self.today:
            self.results[key] = (self.today, entry[1])
            self.dirty = True
        return key, entry[1]

    def store(
        self, key: bytes, packed: Packed, path: str | None = None, stat: StatKey | None = None
    ) -> None:
        self.results[key] = (self.today, packed)
        if path is not None:
            if stat is not None:
                self.stats[path] = (stat, key)
            else:
                self.stats.pop(path, None)
        self.dirty = True

    def save(self) -> None:
        """Merge with what another run may have written meanwhile, prune, and replace atomically."""
        if not self.dirty:
            return
        self._merge_from_disk()
        results = _kept(self.results, self.today, MAX_ENTRIES)
        outcomes = _kept(self.outcomes, self.today, MAX_OUTCOMES)
        stats = {path: entry for path, entry in self.stats.items() if entry[1] in results}
        payload = marshal.dumps(
            {"format": _FORMAT, "results": results, "stats": stats, "outcomes": outcomes}
        )
        _write_atomic(
            self.path,
            _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() + payload,
        )
        self.dirty = False

    def _merge_from_disk(self) -> None:
        """Take what another run wrote: the newer use of each result, and signatures not known here."""
        on_disk_results, on_disk_stats, on_disk_outcomes = _read_shard(self.path)
        for mine, theirs in ((self.results, on_disk_results), (self.outcomes, on_disk_outcomes)):
            for key, entry in theirs.items():
                found = mine.get(key)
                if found is None or found[0] < entry[0]:
                    mine[key] = entry
        for path, stat_entry in on_disk_stats.items():
            self.stats.setdefault(path, stat_entry)


def _kept(
    entries: dict[bytes, tuple[int, bytes]], today: int, limit: int
) -> dict[bytes, tuple[int, bytes]]:
    """The entries used in the last ``MAX_AGE_DAYS``, at most ``limit`` (the latest used)."""
    oldest = today - MAX_AGE_DAYS
    kept = [(key, entry) for key, entry in entries.items() if entry[0] >= oldest]
    if len(kept) > limit:
        kept.sort(key=lambda item: item[1][0], reverse=True)
        kept = kept[:limit]
    return dict(kept)


ShardEntries = tuple[
    dict[bytes, tuple[int, Packed]],
    dict[str, tuple[StatKey, bytes]],
    dict[bytes, tuple[int, bytes]],
]


def _read_shard(path: Path) -> ShardEntries:
    """A shard's entries; empty when it is missing, from another format, or not what it claims."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}, {}, {}
    loaded = _shard_payload(data)
    if loaded is None:
        return {}, {}, {}
    results, stats = loaded.get("results"), loaded.get("stats")
    if not isinstance(results, dict) or not isinstance(stats, dict):
        return {}, {}, {}
    # Entries of the wrong shape are dropped one by one; the rest of the shard stays usable.
    results = {key: entry for key, entry in results.items() if _is_result_entry(key, entry)}
    stats = {name: entry for name, entry in stats.items() if _is_stat_entry(name, entry, results)}
    return results, stats, _outcomes_of(loaded)


def _outcomes_of(loaded: dict[Any, Any]) -> dict[bytes, tuple[int, bytes]]:
    """A shard's fix outcomes of the right shape (none in a shard written before them)."""
    outcomes = loaded.get("outcomes", {})
    if not isinstance(outcomes, dict):
        return {}
    return {key: entry for key, entry in outcomes.items() if _is_result_entry(key, entry)}


def _shard_payload(data: bytes) -> dict[Any, Any] | None:
    """The dictionary a shard file holds, if its magic line, checksum and format are right."""
    head = len(_MAGIC) + _DIGEST_SIZE
    if (
        not data.startswith(_MAGIC)
        or hashlib.blake2b(data[head:], digest_size=_DIGEST_SIZE).digest()
        != data[len(_MAGIC) : head]
    ):
        return None  # torn, flipped, or written by another format
    try:
        loaded = marshal.loads(data[head:])
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(loaded, dict) or loaded.get("format") != _FORMAT:
        return None
    return loaded


def _is_result_entry(key: object, entry: object) -> bool:
    """A content key -> (day last used, packed violations)."""
    return (
        isinstance(key, bytes)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and type(entry[0]) is int
        and isinstance(entry[1], bytes)
    )


def _is_stat_entry(name: object, entry: object, results: dict[bytes, Any]) -> bool:
    """A path -> (its ``StatKey``, a content key that has a result)."""
    return (
        isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and entry[1] in results
        and isinstance(entry[0], tuple)
        and len(entry[0]) == 4
        and all(type(n) is int for n in entry[0])
    )


_VIOLATION_TYPES = (str, str, str, int, int, int, int, int, int)


def valid_packed(packed: Packed) -> bool:
    """Whether packed violations decode to what ``unpack`` builds violations from."""
    try:
        violations = marshal.loads(packed)
    except (ValueError, EOFError, TypeError):
        return False
    return isinstance(violations, tuple) and all(_valid_violation(v) for v in violations)


def _valid_violation(violation: object) -> bool:
    return (
        isinstance(violation, tuple)
        and len(violation) == 10
        and all(
            type(value) is kind for value, kind in zip(violation, _VIOLATION_TYPES, strict=False)
        )
        and (violation[9] is None or _valid_fix(violation[9]))
    )


def _valid_fix(fix: object) -> bool:
    return (
        isinstance(fix, tuple)
        and len(fix) == 2
        and fix[0] in _APPLICABILITY
        and isinstance(fix[1], tuple)
        and all(_valid_edit(edit) for edit in fix[1])
    )


def _valid_edit(edit: object) -> bool:
    return (
        isinstance(edit, tuple)
        and len(edit) == 3
        and type(edit[0]) is int
        and type(edit[1]) is int
        and isinstance(edit[2], str)
        and 0 <= edit[0] <= edit[1]
    )


def _write_atomic(path: Path, data: bytes) -> None:
    import tempfile  # here: a run that writes no cache entry never needs it

    descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        _unlink_quietly(Path(temporary))
        raise


def _unlink_quietly(path: Path) -> None:
    """Delete a file if it can be: a cache that cannot be tidied is still a cache."""
    with contextlib.suppress(OSError):
        path.unlink()


class ResultCache:
    """The cache folder: one shard per config, loaded when a file with that config first comes by."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.shards: dict[str, Shard] = {}

    def shard(self, config: Config) -> Shard:
        fingerprint = config.fingerprint()
        shard = self.shards.get(fingerprint)
        if shard is None:
            name = hashlib.blake2b(
                f"{build_fingerprint()}|{fingerprint}".encode(), digest_size=12
            ).hexdigest()
            shard = self.shards[fingerprint] = Shard(self.root / f"{name}{_SUFFIX}")
        return shard

    def save(self) -> None:
        """Write what changed; a cache that cannot be written is skipped, never an error."""
        if not any(shard.dirty for shard in self.shards.values()):
            return
        try:
            self._prepare()
            for shard in self.shards.values():
                shard.save()
            self._prune()
        except OSError:
            pass

    def _prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            _write_atomic(tag, _TAG.encode())
            _write_atomic(self.root / ".gitignore", b"# Created by mdclean.\n*\n")

    def _prune(self) -> None:
        """Delete shards of other builds and configs that have not been used for long, or are too many."""
        in_use = {shard.path for shard in self.shards.values()}
        others = sorted(_modified_files(self.root.glob(f"*{_SUFFIX}"), but=in_use), reverse=True)
        too_old = time.time() - MAX_AGE_DAYS * 86400
        for index, (mtime, path) in enumerate(others):
            if index >= MAX_SHARDS or mtime < too_old:
                _unlink_quietly(path)
        for stray in self.root.glob(".tmp-*"):
            with contextlib.suppress(OSError):
                if stray.stat().st_mtime < time.time() - 3600:
                    stray.unlink()  # left by a run that was killed while writing


def _modified_files(paths: Iterable[Path], but: set[Path]) -> Iterator[tuple[float, Path]]:
    """Each path not in ``but`` with its modification time (a path gone meanwhile is left out)."""
    for path in paths:
        if path not in but:
            try:
                yield path.stat().st_mtime, path
            except OSError:
                continue
