"""Finding Markdown files, reading them without losing a byte, and writing them atomically."""
from __future__ import annotations

import codecs
import os
import signal
import stat
import tempfile
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
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            break
    else:
        bom, encoding, body = b"", "utf-8", data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        raise FileError(f"{name}: not valid {encoding.upper()} (byte 0x{body[error.start]:02x} at offset "
                        f"{error.start + len(bom)}); re-encode it as UTF-8 to check it") from None
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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file's bytes in one step, keeping its mode; a read-only file is refused."""
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace the link
    try:
        info = target.stat()
    except OSError as error:
        raise FileError(f"{path}: cannot write: {error.strerror or error}") from None
    if not os.access(target, os.W_OK):
        # Replacing would succeed in a writable folder; honour the file's own permission instead.
        raise FileError(f"{path}: file is read-only, not fixed (make it writable to fix it)")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".mdclean-tmp",
                                             dir=target.parent)
    _PENDING.add(temporary)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        try:
            os.chown(temporary, info.st_uid, info.st_gid)
        except OSError:
            pass  # only root may give a file away; the mode is what matters
        os.replace(temporary, target)
    except BaseException as error:  # Ctrl-C too: never leave the temporary file behind
        _unlink_quietly(temporary)
        if isinstance(error, OSError):
            raise FileError(f"{path}: cannot write: {error.strerror or error}") from None
        raise
    finally:
        _PENDING.discard(temporary)


_PENDING: set[str] = set()
"""Temporary files being written now (at most one per process)."""


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
    try:
        os.unlink(path)
    except OSError:
        pass


class PathFilter(Protocol):
    """Decides which paths discovery leaves out (configured ``exclude`` and ``.gitignore``)."""

    def __call__(self, path: str, *, is_dir: bool, named: bool) -> bool: ...


def discover(paths: list[Path], skip: PathFilter | None = None) -> Iterator[str | FileError]:
    """Markdown files under the given paths, in sorted order; a named file whatever its suffix.

    Paths come out as ``str(Path(...))`` would spell them (strings: a big folder is
    walked without a ``Path`` per file). Without ``skip``, hidden folders and
    SKIPPED_FOLDERS are left out; with it, ``skip`` decides for every folder and file
    met while walking, and for named files (``named=True``).
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path, skip)
        elif path.exists():
            if skip is None or not skip(str(path), is_dir=False, named=True):
                yield str(path)
        else:
            yield FileError(f"{path}: no such file or directory (give a Markdown file, a folder, or - for stdin)")


def _walk(folder: Path, skip: PathFilter | None) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        prefix = _prefix(root)
        if skip is None:
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        else:
            dirs[:] = sorted(d for d in dirs if not skip(prefix + d, is_dir=True, named=False))
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in MARKDOWN_SUFFIXES:
                path = prefix + name
                if skip is None or not skip(path, is_dir=False, named=False):
                    yield path


def _prefix(folder: str) -> str:
    """What goes before a name in ``folder`` so the path reads as ``str(Path(folder, name))``."""
    spelled = str(Path(folder))
    if spelled == ".":
        return ""
    return spelled if spelled.endswith(os.sep) else spelled + os.sep
