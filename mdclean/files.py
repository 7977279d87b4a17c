"""Finding Markdown files, reading them without losing a byte, and writing them atomically."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import signal
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .errors import MdcleanError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})

# Byte order marks we keep on write, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FileError(MdcleanError):
    """A file that cannot be read, decoded or written; it is left as it was."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file's text with what is needed to write it back byte for byte."""

    text: str
    bom: bytes
    encoding: str

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, name: str) -> SourceFile:
    """UTF-8 (or a BOM-marked UTF-16/32); anything else is an error naming the file."""
    bom, encoding = next(
        ((bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)), (b"", "utf-8")
    )
    body = data[len(bom) :]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        raise FileError(
            f"{name}: not valid {encoding.upper()} (byte 0x{body[error.start]:02x} at offset "
            f"{error.start + len(bom)}); re-encode it as UTF-8 to check it"
        ) from None
    return SourceFile(text, bom, encoding)


def read_source(path: Path) -> SourceFile:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise FileError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except OSError as error:
        raise FileError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode(data, str(path))


TEMPORARY_SUFFIX = ".mdclean-tmp"
STALE_AFTER_SECONDS = 3600
"""A temporary file of ours this old is stale whoever wrote it (its writer's pid may be reused)."""
_DEAD_WRITER_GRACE_SECONDS = 60
"""A temporary file whose writer is gone is stale once this old (a writer on another host has another pid space)."""
_TEMPORARY_NAME = re.compile(
    r"\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX) + r"\Z"
)


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace a file's bytes, keeping its mode, owner and links; a read-only file is refused.

    With ``expected`` (the bytes the fix was made from), a file that changed meanwhile is
    refused rather than overwritten with the fix of its old content. The file is replaced
    atomically (a temporary file renamed over it) when the replacement can keep its owner,
    group and mode and the file has no other hard link; otherwise it is written in place,
    as ruff, black and prettier do, so that every name of it sees the fix and nothing about
    it changes but its bytes.
    """
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace the link
    try:
        info = target.stat()
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror or error}") from None
    if not os.access(target, os.W_OK):
        # Replacing would succeed in a writable folder; honour the file's own permission instead.
        raise FileError(f"{path}: file is read-only, not fixed (make it writable to fix it)")
    if info.st_nlink > 1:
        _write_in_place(path, target, data, expected)
        return
    descriptor, temporary = _create_temporary(path, target)
    try:
        _replace_through(temporary, descriptor, path, target, info, data, expected)
    except BaseException as error:  # Ctrl-C too: never leave the temporary file behind
        _unlink_quietly(temporary)
        if isinstance(error, OSError):
            raise FileError(f"{path}: cannot write: {error.strerror or error}") from None
        raise
    finally:
        _PENDING.discard(temporary)


def _create_temporary(path: Path, target: Path) -> tuple[int, str]:
    """A new temporary file next to ``target``, noted in ``_PENDING``: its descriptor and name."""
    # No signal between creating the file and noting it: the SIGTERM handler deletes what is noted.
    blocked = _block_signals()
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX, dir=target.parent
        )
    except OSError as error:
        raise FileError(
            f"{path}: cannot write: cannot create a temporary file in {target.parent}: "
            f"{error.strerror or error}; file left untouched"
        ) from None
    else:
        _PENDING.add(temporary)
    finally:
        _unblock_signals(blocked)
    return descriptor, temporary


def _replace_through(
    temporary: str,
    descriptor: int,
    path: Path,
    target: Path,
    info: os.stat_result,
    data: bytes,
    expected: bytes | None,
) -> None:
    """Write ``data`` to the temporary file and rename it over ``target`` (or, when the rename
    could not keep the file's owner and mode, write ``target`` in place)."""
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if not _same_owner_and_mode(temporary, info):
        # Replacing would give the file away (a non-owner fixing a group-writable file) or
        # drop a setuid/setgid bit: write the bytes into the file itself instead.
        _unlink_quietly(temporary)
        _write_in_place(path, target, data, expected)
        return
    if expected is not None:
        _refuse_if_changed(
            path, target, expected
        )  # last thing before the rename: the window is small
    os.replace(temporary, target)


def _same_owner_and_mode(temporary: str, info: os.stat_result) -> bool:
    """Give the temporary file the original's owner, group and mode; whether all three took."""
    try:
        if hasattr(os, "chown"):  # not on Windows, where files have no owner to keep
            os.chown(temporary, info.st_uid, info.st_gid)  # first: chown clears setuid/setgid bits
    except OSError:
        pass  # only root may give a file away: checked below
    os.chmod(temporary, stat.S_IMODE(info.st_mode))
    now = os.stat(temporary)
    return (now.st_uid, now.st_gid, stat.S_IMODE(now.st_mode)) == (
        info.st_uid,
        info.st_gid,
        stat.S_IMODE(info.st_mode),
    )


def _write_in_place(path: Path, target: Path, data: bytes, expected: bytes | None) -> None:
    """Overwrite the file's own bytes: same inode, links, owner and mode (not atomic against a crash)."""
    if expected is not None:
        _refuse_if_changed(path, target, expected)
    try:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror or error}") from None


def _refuse_if_changed(path: Path, target: Path, expected: bytes) -> None:
    try:
        current = target.read_bytes()
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror or error}") from None
    if current != expected:
        raise FileError(
            f"{path}: changed while it was being fixed; not written (run mdclean again)"
        )


def _block_signals() -> set[int | signal.Signals] | None:
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})


def _unblock_signals(previous: set[int | signal.Signals] | None) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def is_temporary_name(name: str) -> bool:
    return name.endswith(TEMPORARY_SUFFIX) and name.startswith(".")


def remove_stale_temporary(path: str, now: float | None = None) -> bool:
    """Delete a temporary file a killed mdclean left behind; whether it was deleted.

    Only files named as ours, owned by this user, regular (not links), and either older
    than an hour or written by a process that no longer runs and a minute old.
    """
    match = _TEMPORARY_NAME.match(os.path.basename(path))
    if match is None:
        return False
    try:
        info = os.lstat(path)
    except OSError:
        return False
    stale = _is_ours(info) and _is_stale(info, match.group("pid"), now)
    if stale:
        _unlink_quietly(path)
    return stale


def _is_ours(info: os.stat_result) -> bool:
    """A regular file (not a link) owned by this user."""
    user = os.geteuid() if hasattr(os, "geteuid") else info.st_uid  # Windows: no owners to compare
    return stat.S_ISREG(info.st_mode) and info.st_uid == user


def _is_stale(info: os.stat_result, pid: str | None, now: float | None) -> bool:
    """Older than an hour, or a minute old and written by a process (``pid``) that no longer runs."""
    age = (time.time() if now is None else now) - info.st_mtime
    return age > STALE_AFTER_SECONDS or (
        pid is not None and age > _DEAD_WRITER_GRACE_SECONDS and not _process_runs(int(pid))
    )


def _process_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: it runs
    return True


_PENDING: set[str] = set()
"""Temporary files being written now (at most one per process). Process state on purpose: the
SIGTERM handler that deletes them (``end_by_signal``) is process-wide and takes no arguments."""


def end_by_signal(signum: int, _frame: object) -> None:
    """A SIGTERM handler: delete the temporary file of a write under way (the file being fixed
    is untouched until its ``os.replace``), then end by the signal itself, at once, as its
    default action would (callers still see "killed by SIGTERM"; unwinding would let a
    worker pool carry on with its batch)."""
    for temporary in list(_PENDING):
        _unlink_quietly(temporary)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class PathFilter(Protocol):
    """Decides which paths discovery leaves out (configured ``exclude`` and ``.gitignore``)."""

    def __call__(self, path: str, *, is_dir: bool, named: bool) -> bool: ...


def discover(
    paths: list[Path], skip: PathFilter | None = None, *, swept: set[str] | None = None
) -> Iterator[str | FileError]:
    """Markdown files under the given paths, in sorted order; a named file whatever its suffix.

    Paths come out as ``str(Path(...))`` would spell them (strings: a big folder is
    walked without a ``Path`` per file). Without ``skip``, hidden folders and
    SKIPPED_FOLDERS are left out; with it, ``skip`` decides for every folder and file
    met while walking, and for named files (``named=True``).

    ``swept``: the folders of named files already searched for stale temporary files; a run
    that calls this once per path passes one set to every call (None: a set for this call).
    """
    swept = set() if swept is None else swept
    for path in paths:
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as error:  # a folder on the way that may not be searched
            yield FileError(f"{path}: cannot read: {error.strerror or error}")
            continue
        if is_dir:
            yield from _walk(path, skip)
        elif exists:
            if skip is None or not skip(str(path), is_dir=False, named=True):
                # pre-commit names files: no walk finds their folder's stale temporary files
                _sweep_once(os.path.dirname(path) or ".", swept)
                yield str(path)
        else:
            yield FileError(
                f"{path}: no such file or directory (give a Markdown file, a folder, or - for stdin)"
            )


def _walk(folder: Path, skip: PathFilter | None) -> Iterator[str | FileError]:
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        while unreadable:  # os.walk names a folder it could not list only through onerror
            yield _unlistable(unreadable.pop(0))
        prefix = _prefix(root)
        dirs[:] = _kept_folders(prefix, dirs, skip)
        yield from _kept_files(prefix, files, skip)
    for error in unreadable:
        yield _unlistable(error)


def skipped_by_default(name: str) -> bool:
    """Whether a walk without a filter leaves a folder out: hidden, or in SKIPPED_FOLDERS."""
    return name.startswith(".") or name in SKIPPED_FOLDERS


def _kept_folders(prefix: str, names: list[str], skip: PathFilter | None) -> list[str]:
    """The sub-folders a walk goes into, sorted."""
    if skip is None:
        return sorted(d for d in names if not skipped_by_default(d))
    return sorted(d for d in names if not skip(prefix + d, is_dir=True, named=False))


def _kept_files(prefix: str, names: list[str], skip: PathFilter | None) -> Iterator[str]:
    """The Markdown files of a folder a walk reports, sorted; stale temporary files go on the way."""
    for name in sorted(names):
        if os.path.splitext(name)[1].lower() in MARKDOWN_SUFFIXES:
            path = prefix + name
            if skip is None or not skip(path, is_dir=False, named=False):
                yield path
        elif is_temporary_name(name):
            remove_stale_temporary(prefix + name)  # left by an mdclean killed while writing


def _sweep_once(folder: str, swept: set[str]) -> None:
    """Remove the stale temporary files of a folder, once per run (listing a folder per file would not do)."""
    if folder in swept:
        return
    swept.add(folder)
    try:
        with os.scandir(folder) as entries:
            stale = [entry.path for entry in entries if is_temporary_name(entry.name)]
    except OSError:
        return
    for path in stale:
        remove_stale_temporary(path)


def _unlistable(error: OSError) -> FileError:
    return FileError(
        f"{error.filename}: cannot read folder: {error.strerror or error}; its files were not checked"
    )


def _prefix(folder: str) -> str:
    """What goes before a name in ``folder`` so the path reads as ``str(Path(folder, name))``."""
    spelled = str(Path(folder))
    if spelled == ".":
        return ""
    return spelled if spelled.endswith(os.sep) else spelled + os.sep
