"""One file's work, start to end: read, lint or fix, write. The CLI maps this over files."""

from __future__ import annotations

import dataclasses
import enum
import gc
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import (
    Packed,
    ResultCache,
    Shard,
    StatKey,
    content_key,
    fix_key,
    fixes_of,
    outcome_key,
    pack,
    pack_outcome,
    stat_key,
    unpack,
)
from .config import Config
from .errors import MdcleanError, RuleCrash
from .escape import printable
from .files import (
    FileError,
    PathFilter,
    SourceFile,
    decode,
    discover,
    end_by_signal,
    read_source,
    write_atomic,
)
from .models import Applicability, Violation

if TYPE_CHECKING:  # the pool's modules are imported when a pool starts: a warm run needs none
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor


class Mode(str, enum.Enum):
    CHECK = "check"
    FIX = "fix"
    DIFF = "diff"


@dataclass
class FileResult:
    """What happened to one file, ready to be reported."""

    path: str
    violations: list[Violation] = field(default_factory=list)
    """Violations left (after fixing, in fix mode)."""
    fixed: list[Violation] = field(default_factory=list)
    error: str | None = None
    diff: str = ""
    changed: bool = False
    output: str | None = None
    """The fixed text, for stdin input in fix mode."""
    cache_outcome: tuple[bytes, bytes] | None = field(default=None, repr=False, compare=False)
    """A worker's fix outcome for the cache (its key, packed), taken by the parent."""


def process_text(source: SourceFile, name: str, mode: Mode, config: Config) -> FileResult:
    from .engine import (
        fix,
        lint,
    )  # here, not at the top: a run answered from the cache never needs the parser

    result = FileResult(name)
    try:
        if mode is Mode.CHECK:
            result.violations = lint(source.text, path=name, config=config)
            return result
        outcome = fix(source.text, path=name, config=config)
        result.violations, result.fixed = outcome.remaining, outcome.fixed
        result.changed = outcome.text != source.text
        if not outcome.converged:
            result.error = (
                f"{name}: fixes did not converge after many passes; file left untouched "
                "(please report this as a bug)"
            )
            result.changed = False
            return result
        if mode is Mode.DIFF and result.changed:
            import difflib

            result.diff = "".join(
                difflib.unified_diff(
                    source.text.splitlines(keepends=True),
                    outcome.text.splitlines(keepends=True),
                    fromfile=printable(name),
                    tofile=printable(name),
                )
            )
        result.output = outcome.text
    except MdcleanError as error:
        if isinstance(error, RuleCrash) and isinstance(error.error, MdcleanError):
            error = (
                error.error
            )  # a file too deep, a pack rule out of time: its own message says it all
        result.error = f"{name}: {error}"
        result.changed = False
    except RecursionError:
        result.error = f"{name}: document nested too deeply to parse; file left untouched"
    return result


CacheRecord = tuple[bytes, StatKey | None, Packed | None, bool]
"""What a worker tells the cache about a file: content key, stat signature, results (None: a hit
on the key), and whether the text is template-free (``template_free``: kept in the shard of the
config without its site template)."""


def template_free(config: Config, text: str) -> bool:
    """Whether the site template of ``config`` plays no part in the results on ``text`` as it is
    (a check, or a fix that changes nothing): no block of it is one of the template's, so TPL001
    finds nothing, as it finds nothing without a template (``SiteTemplateMatcher._candidates``
    looks only at these blocks' digests), and every other rule reads no template. Such results
    are cached under the config without the template: a rerun after a fix, whose site has
    learned another template from the fixed pages, still finds them. (A fix that changes the
    text is never taken from the cache: a block it leaves behind may be the template's.)"""
    template = config.site_template
    if template is None or not template.blocks:
        return False  # the config is its own untemplated config already
    from .site.blocks import blocks, digest

    digests = template.digests
    return not any(digest(text[start:end]) in digests for start, end in blocks(text))


_UNTEMPLATED: dict[str, Config] = {}
"""Configs without their site template, by the templated config's fingerprint."""


def untemplated(config: Config) -> Config:
    """The config without its site template: where template-free results are cached."""
    if config.site_template is None:
        return config
    fingerprint = config.fingerprint()
    found = _UNTEMPLATED.get(fingerprint)
    if found is None:
        found = _UNTEMPLATED[fingerprint] = dataclasses.replace(config, site_template=None)
    return found


Known = tuple[Container[bytes], Container[bytes]]
"""The content keys whose cached results answer this mode: of the file's config, and of that
config without its site template (for a template-free text)."""


def _process_path(
    name: str, mode: Mode, config: Config, known: Known | None
) -> tuple[FileResult, CacheRecord | None]:
    """Read, check or fix, write one file; with ``known`` (keys the cache holds), also what to cache."""
    path = Path(name)
    read_at = time.time_ns()
    try:
        info = os.stat(path) if known is not None else None  # before reading: a later change shows
        source = read_source(path)
    except (FileError, OSError) as error:
        return FileResult(
            name, error=str(error) if isinstance(error, FileError) else f"{name}: {error}"
        ), None
    if known is None:
        return _processed(source, path, mode, config, cached=False)[0], None
    key = content_key(source.text.encode("utf-8", "surrogatepass"))
    signature = stat_key(info, read_at) if info is not None else None
    free = template_free(config, source.text)
    hit = _known_hit(known[1] if free else known[0], key, signature, free, mode, config)
    if hit is not None:
        return FileResult(name), hit  # the parent fills in the cached violations
    result, written = _processed(source, path, mode, config, cached=True)
    if written is not None:
        result.cache_outcome = (
            outcome_key(key, unsafe=config.unsafe_fixes),
            pack_outcome(written[2], result.fixed, result.violations),
        )
    return result, _record(result, mode, config, (key, signature, free), written)


def _known_hit(
    keys: Container[bytes],
    key: bytes,
    signature: StatKey | None,
    free: bool,
    mode: Mode,
    config: Config,
) -> CacheRecord | None:
    """The record of a hit among the keys the cache holds, if the text's key is one."""
    if key in keys:
        return key, signature, None, free
    if mode is Mode.FIX and fix_key(key, unsafe=config.unsafe_fixes) in keys:
        # A text a fix run left as it is (or wrote): what it reported then. (No signature:
        # a path's signature answers a check too.)
        return fix_key(key, unsafe=config.unsafe_fixes), None, None, free
    return None


def _record(
    result: FileResult,
    mode: Mode,
    config: Config,
    read: tuple[bytes, StatKey | None, bool],
    written: tuple[bytes, bool, str] | None,
) -> CacheRecord | None:
    """What to cache of a file processed: ``read`` is the key, stat signature and
    template-freedom of the text read, ``written`` the key and template-freedom of the fixed
    text written. (Each record is of a text that processing leaves as it is.)"""
    if written is not None:
        if not result.violations:
            # The text now on disk checks clean (written just now: no signature yet).
            return written[0], None, pack(()), written[1]
        # What the fix run reports on the text it wrote, kept for the next fix run only.
        return (
            fix_key(written[0], unsafe=config.unsafe_fixes),
            None,
            pack(result.violations),
            written[1],
        )
    if result.error is not None or result.changed:
        return None
    if mode is Mode.CHECK or not result.violations:
        return read[0], read[1], pack(result.violations), read[2]
    if mode is Mode.FIX:
        # What fixing leaves can differ from a check's results (a fix refused for harming
        # code is reported as not fixable): kept apart, for the next fix run only.
        return fix_key(read[0], unsafe=config.unsafe_fixes), None, pack(result.violations), read[2]
    return None


def _processed(
    source: SourceFile, path: Path, mode: Mode, config: Config, *, cached: bool
) -> tuple[FileResult, tuple[bytes, bool, str] | None]:
    """The file checked or fixed (and written), with, when ``cached`` and a fixed text was
    written, the content key of that text, whether it is template-free, and the text."""
    name = str(path)
    result = process_text(source, name, mode, config)
    written = None
    if mode is Mode.FIX and result.changed and result.error is None and result.output is not None:
        try:
            write_atomic(path, source.encode(result.output), expected=source.encode(source.text))
        except FileError as error:
            result.error = str(error)
            result.changed = False
            # Nothing was written: report what is still there.
            result.violations = process_text(source, name, Mode.CHECK, config).violations
            result.fixed = []
        else:
            if cached:
                written = (
                    content_key(result.output.encode("utf-8", "surrogatepass")),
                    template_free(config, result.output),
                    result.output,
                )
    result.output = None  # the text is on disk; do not carry it around
    return result, written


ConfigFor = Callable[[str | Path], Config]
"""The effective configuration for a file (found by walking up from it)."""

BATCH_SIZE = 32
"""Files per task sent to a worker: large enough to amortise the round trip, small enough to balance."""
_IN_FLIGHT_PER_JOB = 4
"""Batches queued per worker: keeps every core busy while memory stays flat."""
_MAX_WAITING = 10_000
"""Finished results held back behind an unfinished batch (output stays in order) before waiting on it."""


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_files(
    paths: Sequence[Path],
    mode: Mode,
    config_for: ConfigFor,
    *,
    stdin_name: str = "-",
    jobs: int = 1,
    cache_dir: Path | None = None,
    skip: PathFilter | None = None,
) -> Iterator[FileResult]:
    """Process every file under ``paths`` (``-`` is stdin), yielding results in a stable order.

    Files go to ``jobs`` worker processes in batches; results come back in the order
    the files were found (sorted within each folder), whatever finished first.
    With ``cache_dir``, unchanged files are answered from the cache. Unreadable
    paths come back as results with an error; the run always goes on.
    """
    cache = ResultCache(cache_dir) if cache_dir is not None else None
    pipeline = _Pipeline(mode, max(jobs, 1), cache)
    try:
        stdin_done = False
        swept: set[str] = set()  # folders searched for stale temporary files in this run
        for path in paths:
            if path == Path("-"):
                if not stdin_done:
                    stdin_done = True
                    yield from pipeline.drain(
                        wait=True
                    )  # stdin's output goes after what came before
                    yield process_stdin(stdin_name, mode, config_for(Path(stdin_name)))
                continue
            for item in discover([path], skip, swept=swept):  # skip: excludes, .gitignore
                if isinstance(item, FileError):
                    pipeline.add_result(FileResult(str(path), error=str(item)))
                else:
                    pipeline.add(item, config_for(item))  # item: the path as a string
                yield from pipeline.drain(wait=False)
        yield from pipeline.finish()
    finally:
        pipeline.close()
        if cache is not None:
            cache.save()


class _Slot:
    """One file's place in the output order: its result, or the batch that will produce it."""

    __slots__ = ("batch", "config", "index", "result")

    def __init__(
        self,
        result: FileResult | None = None,
        batch: _Batch | None = None,
        index: int = 0,
        config: Config | None = None,
    ) -> None:
        self.result = result
        self.batch = batch
        self.index = index
        self.config = config


class _Batch:
    __slots__ = ("configs", "future", "items", "outcomes")

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.configs: dict[str, Config] = {}
        self.future: Future[list[tuple[FileResult, CacheRecord | None]]] | None = None
        self.outcomes: list[tuple[FileResult, CacheRecord | None]] | None = None

    def done(self) -> bool:
        return self.outcomes is not None or (self.future is not None and self.future.done())

    def wait(self) -> list[tuple[FileResult, CacheRecord | None]]:
        if self.outcomes is None:
            assert self.future is not None
            try:
                self.outcomes = self.future.result()
            except Exception as error:  # noqa: BLE001  # a worker died (killed, out of memory): name the files, go on
                self.outcomes = [
                    (
                        FileResult(
                            name,
                            error=f"{name}: worker process failed ({error!r}); file left untouched",
                        ),
                        None,
                    )
                    for name, _ in self.items
                ]
            self.future = None
        return self.outcomes


class _Pipeline:
    """Files in, results out in order: cache hits answer at once, the rest go to workers in batches."""

    def __init__(self, mode: Mode, jobs: int, cache: ResultCache | None) -> None:
        self.mode = mode
        self.jobs = jobs
        self.cache = cache
        self.slots: deque[_Slot] = deque()
        self.batch = _Batch()
        self.in_flight = 0
        self.executor: ProcessPoolExecutor | None = None
        self.warmed = False
        """Whether the parent has run a batch itself (see ``_submit``)."""
        self.configs: dict[str, Config] = {}
        self.known: dict[str, Known] | None = None

    def add_result(self, result: FileResult) -> None:
        self.slots.append(_Slot(result))

    def add(self, name: str, config: Config) -> None:
        if self.cache is not None:
            hit = self._cached(name, config)
            if hit is not None:
                self.slots.append(_Slot(hit))
                return
        fingerprint = config.fingerprint()
        self.configs.setdefault(fingerprint, config)
        batch = self.batch
        batch.configs.setdefault(fingerprint, config)
        self.slots.append(_Slot(batch=batch, index=len(batch.items), config=config))
        batch.items.append((name, fingerprint))
        if len(batch.items) >= BATCH_SIZE:
            self._submit()

    def _cached(self, name: str, config: Config) -> FileResult | None:
        """The file's result from the cache, when it answers this mode: by its stat signature;
        else, when the shard holds results (a warm cache), by its content, read and hashed here
        (a fix run's files were written too recently for a signature); in fix mode, also what
        fixing that content made of it, written here: a rerun then starts no worker, and
        builds no rule."""
        found = self._cached_packed(name, config)
        if found is None or isinstance(found, FileResult):
            return found
        return FileResult(name, violations=unpack(found, name))

    def _cached_packed(self, name: str, config: Config) -> Packed | FileResult | None:
        assert self.cache is not None
        shard = self.cache.shard(config)
        free_shard = self.cache.shard(untemplated(config)) if config.site_template else None
        read_at = time.time_ns()
        try:
            info = os.stat(name)
        except OSError:
            return None
        hit = shard.by_stat(name, info)
        if hit is not None and _usable(hit[1], self.mode, config):
            return hit[1]
        if not (shard.results or shard.outcomes or (free_shard and free_shard.results)):
            return None
        return self._by_reading(name, config, (shard, free_shard), stat_key(info, read_at))

    def _by_reading(
        self,
        name: str,
        config: Config,
        shards: tuple[Shard, Shard | None],
        signature: StatKey | None,
    ) -> Packed | FileResult | None:
        """The file read and hashed: its fix replayed, or the results cached for its content
        (``shards``: the config's, and the one without its site template, if it has one)."""
        shard, free_shard = shards
        try:
            source = read_source(Path(name))
        except (FileError, OSError):
            return None  # the worker reports it
        key = content_key(source.text.encode("utf-8", "surrogatepass"))
        if self.mode is Mode.FIX:
            replayed = _replayed(shard, source, name, outcome_key(key, unsafe=config.unsafe_fixes))
            if replayed is not None:
                return replayed
        if free_shard is not None and template_free(config, source.text):
            shard = free_shard  # (a signature there is never read for a templated config)
        return self._by_content(shard, key, name, config, signature)

    def _by_content(
        self, shard: Shard, key: bytes, name: str, config: Config, signature: StatKey | None
    ) -> Packed | None:
        """The results cached for the file's content key (``signature``: its stat signature)."""
        hit = shard.by_content(key)
        if hit is not None and _usable(hit[1], self.mode, config):
            shard.store(key, hit[1], name, signature)
            return hit[1]
        if self.mode is Mode.FIX:
            fixed = fix_key(key, unsafe=config.unsafe_fixes)
            hit = shard.by_content(fixed)
            if hit is not None and _usable(hit[1], self.mode, config):
                shard.store(fixed, hit[1], name, None)  # (no signature: see ``_process_path``)
                return hit[1]
        return None

    def _submit(self) -> None:
        batch, self.batch = self.batch, _Batch()
        if not batch.items:
            return
        if self.jobs == 1 or (self.executor is None and not self.warmed):
            # The first batch runs here, before any worker exists: one batch is not worth a
            # pool, and what it warms (patterns compiled on first use, the filter-list engine
            # when a file needs it) every worker then inherits instead of redoing.
            self.warmed = True
            batch.outcomes = _run_items(batch.items, batch.configs, self.mode, self._known())
            return
        self._start(batch)

    def _start(self, batch: _Batch) -> None:
        if self.executor is None:
            for config in self.configs.values():
                _make_matchers(config)  # once here, before the fork, not once in every worker
                _load_filter_lists_if_needed(config, batch.items)
            from concurrent.futures import ProcessPoolExecutor

            # What exists now (modules, rules, patterns) lives as long as the run: workers'
            # collections need not walk it, nor touch (and so copy) its pages.
            gc.freeze()

            self.executor = ProcessPoolExecutor(
                self.jobs,
                mp_context=_fork_context(),
                initializer=_init_worker,
                initargs=(self._known(), os.getpid()),
            )
        # Slim copies: workers rebuild the rules from the fields instead of unpickling matchers.
        configs = {fp: dataclasses.replace(config) for fp, config in batch.configs.items()}
        batch.future = self.executor.submit(_run_batch, batch.items, configs, self.mode)
        self.in_flight += 1

    def _known(self) -> dict[str, Known] | None:
        """Per config seen so far, the content keys whose cached results answer this mode (of
        the config, and of the config without its site template)."""
        if self.cache is None:
            return None
        if self.known is None or len(self.known) < len(self.configs):
            cache = self.cache
            found: dict[str, frozenset[bytes]] = {}  # by shard: sites share the untemplated one

            def usable(config: Config) -> frozenset[bytes]:
                fingerprint = config.fingerprint()
                keys = found.get(fingerprint)
                if keys is None:
                    keys = found[fingerprint] = frozenset(
                        key
                        for key, (_, packed) in cache.shard(config).results.items()
                        if _usable(packed, self.mode, config)
                    )
                return keys

            self.known = {}
            for fp, config in self.configs.items():
                keys = usable(config)
                base = untemplated(config)
                self.known[fp] = (keys, keys if base is config else usable(base))
        return self.known

    def drain(self, *, wait: bool) -> Iterator[FileResult]:
        """Yield the results at the head of the order that are ready (all of them with ``wait``)."""
        if wait:
            self._submit()
        while self.slots:
            slot = self.slots[0]
            if slot.result is None and not self._ready(slot, wait):
                break
            if slot.result is None:
                batch = slot.batch
                assert batch is not None
                if batch.future is not None:
                    self.in_flight -= 1
                slot.result = self._resolve(batch.wait()[slot.index], slot)
            self.slots.popleft()
            yield slot.result

    def _ready(self, slot: _Slot, wait: bool) -> bool:
        """Whether to take the slot's result now (waiting for its batch if it is not done)."""
        batch = slot.batch
        assert batch is not None
        if batch is self.batch:
            return False  # not sent yet: more files must come first
        return (
            batch.done()
            or wait
            or self.in_flight >= self.jobs * _IN_FLIGHT_PER_JOB
            or len(self.slots) > _MAX_WAITING
        )

    def _resolve(self, outcome: tuple[FileResult, CacheRecord | None], slot: _Slot) -> FileResult:
        result, record = outcome
        self._keep_outcome(result, slot.config)
        if record is None or self.cache is None:
            return result
        assert slot.config is not None
        if record[2] is None:  # a hit on the key: the violations are the shard's
            result, record = self._hit_or_again(result, record, slot.config)
            if record is None:
                return result
        key, signature, packed, free = record
        assert packed is not None
        if not result.violations:  # a worker sends them packed (see ``_run_batch``)
            result.violations = unpack(packed, result.path)
        shard = self.cache.shard(untemplated(slot.config) if free else slot.config)
        shard.store(key, packed, result.path, signature)
        return result

    def _hit_or_again(
        self, result: FileResult, record: CacheRecord, config: Config
    ) -> tuple[FileResult, CacheRecord | None]:
        """A worker's hit on a key, with the cached violations; when the entry did not decode
        (see ``Shard._hit``), a miss: the file processed again here."""
        assert self.cache is not None
        key, signature, _, free = record
        hit = self.cache.shard(untemplated(config) if free else config).by_content(key)
        if hit is not None:
            return result, (key, signature, hit[1], free)
        result, again = _process_path(
            result.path, self.mode, config, known=(frozenset(), frozenset())
        )
        self._keep_outcome(result, config)
        return result, again

    def _keep_outcome(self, result: FileResult, config: Config | None) -> None:
        """Cache the fix outcome a worker sent with the result."""
        if result.cache_outcome is not None:
            if self.cache is not None and config is not None:
                self.cache.shard(config).store_outcome(*result.cache_outcome)
            result.cache_outcome = None

    def finish(self) -> Iterator[FileResult]:
        yield from self.drain(wait=True)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
            gc.unfreeze()  # a library caller's later objects are collected as usual


def _replayed(shard: Shard, source: SourceFile, name: str, key: bytes) -> FileResult | None:
    """The fix the cache remembers of this text (``outcome_key``), written to the file as the fix
    run wrote it; None when there is none or the file cannot be written (a worker then fixes
    it and reports why)."""
    found = shard.outcome(key)
    if found is None:
        return None
    text, fixed, left = found
    try:
        write_atomic(Path(name), source.encode(text), expected=source.encode(source.text))
    except FileError:
        return None
    return FileResult(name, violations=unpack(left, name), fixed=unpack(fixed, name), changed=True)


def _make_matchers(config: Config) -> None:
    for rule in config.rules:
        _ = rule.matcher


_FILTER_LIST_MATCHER = "filter-list"


def _load_filter_lists_if_needed(config: Config, items: list[tuple[str, str]]) -> None:
    """Load the filter-list engines in the parent, before the fork, when a file of the batch
    about to go to the workers may need them: the workers then share one copy (about 26 MB and
    0.1 s each otherwise). A run whose files have no candidate URL or element never loads them."""
    rules = [r for r in config.rules if r.matcher_name == _FILTER_LIST_MATCHER]
    if not rules:
        return
    from .filterlists import ListSet, engines_for
    from .prefilter import front_matter_end

    for name, _ in items:
        try:
            lowered = read_source(Path(name)).text.lower()
        except (FileError, OSError):
            continue  # the worker reports it
        body = lowered[front_matter_end(lowered) :]
        if any(rule.matcher.may_match(body) for rule in rules):
            engines_for(ListSet(config.builtin_filter_lists, config.filter_lists)).load()
            return


def _usable(packed: Packed, mode: Mode, config: Config) -> bool:
    """Whether cached check results answer this mode: fixing changes nothing when no fix applies."""
    if mode is Mode.CHECK:
        return True
    try:
        for fix in fixes_of(packed):
            if fix is not None and (config.unsafe_fixes or fix[0] == Applicability.SAFE.value):
                return False
    except (ValueError, EOFError, TypeError, IndexError):
        return False  # a bad entry: the file is checked again
    return True


_WORKER_KNOWN: dict[str, Known] | None = None


def _init_worker(known: dict[str, Known] | None, parent: int) -> None:
    global _WORKER_KNOWN
    _WORKER_KNOWN = known
    start_worker(parent)


def start_worker(parent: int) -> None:
    """What every worker process does first: end on SIGTERM, and with its parent however it goes."""
    signal.signal(signal.SIGTERM, end_by_signal)
    _end_with_parent(parent)


_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """On Linux, have the kernel end this worker when the parent goes, however it goes (SIGTERM, SIGKILL).

    Otherwise a parent killed by anything but Ctrl-C (which reaches the whole process group)
    leaves its workers waiting forever on the task queue, whose pipe they hold open themselves.
    """
    if sys.platform != "linux":
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (
        OSError,
        AttributeError,
    ):  # no prctl in this libc: workers outlive a killed parent, as before
        return
    if os.getppid() != parent:  # the parent went before the request was made
        os._exit(1)


def _run_batch(
    items: list[tuple[str, str]], configs: dict[str, Config], mode: Mode
) -> list[tuple[FileResult, CacheRecord | None]]:
    """A worker's task: each file of the batch, in order."""
    configs = {fp: _WORKER_CONFIGS.setdefault(fp, config) for fp, config in configs.items()}
    outcomes = _run_items(items, configs, mode, _WORKER_KNOWN)
    for result, record in outcomes:
        if record is not None and record[2] is not None:
            # The record holds these very violations, packed: only they travel back (pickling
            # the objects costs several times more); the parent unpacks them (``_resolve``).
            result.violations = []
    _give_back_freed_memory()
    return outcomes


def _give_back_freed_memory() -> None:
    """Hand the pages the C allocator holds free back to the system, once a batch is done: a
    large page's strings leave free space that glibc keeps for the process otherwise, so each
    worker's memory only grew over a long run (``malloc_trim``; elsewhere nothing is done)."""
    if not _MALLOC_TRIM:
        _MALLOC_TRIM.append(_malloc_trim())
    trim = _MALLOC_TRIM[0]
    if trim is not None:
        trim(0)


_MALLOC_TRIM: list[Callable[[int], int] | None] = []


def _malloc_trim() -> Callable[[int], int] | None:
    if sys.platform != "linux":
        return None
    try:
        import ctypes

        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # another C library (musl has none)
        return None
    return trim


def _run_items(
    items: list[tuple[str, str]],
    configs: dict[str, Config],
    mode: Mode,
    known: dict[str, Known] | None,
) -> list[tuple[FileResult, CacheRecord | None]]:
    nothing: Known = (frozenset(), frozenset())
    return [
        _process_path(name, mode, configs[fp], None if known is None else known.get(fp, nothing))
        for name, fp in items
    ]


_WORKER_CONFIGS: dict[str, Config] = {}
"""Configs by fingerprint, resolved once per worker process (rules compiled once, not per batch)."""


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """fork on Linux: workers start in milliseconds with the rules already loaded."""
    import multiprocessing

    return multiprocessing.get_context("fork") if sys.platform == "linux" else None


def process_stdin(name: str, mode: Mode, config: Config) -> FileResult:
    """Check or fix text from stdin; fixing writes the text to stdout."""
    data = sys.stdin.buffer.read()
    try:
        source = decode(data, name)
    except FileError as error:
        if mode is Mode.FIX:  # stdout stands for the file: it comes back as it was
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return FileResult(name, error=str(error))
    result = process_text(source, name, mode, config)
    if mode is Mode.FIX:
        sys.stdout.buffer.write(
            source.encode(result.output if result.output is not None else source.text)
        )
        sys.stdout.buffer.flush()
    return result
