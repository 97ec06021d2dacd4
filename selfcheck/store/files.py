"""Private, atomic and durable writes: the only way selfcheck puts bytes on disk."""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selfcheck.formats.errors import SelfcheckError

PRIVATE_DIR = 0o700
"""Mode of every folder selfcheck creates."""
PRIVATE_FILE = 0o600
"""Mode of every file selfcheck writes."""


def ensure_private_dir(path: Path) -> Path:
    """Create a folder and each missing parent as owner-only, whatever the umask.

    Folders that already exist (a user's chosen output folder, say) are left as they are.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
            os.chmod(folder, PRIVATE_DIR)
    except OSError as exc:
        raise SelfcheckError(f"{path}: cannot create folder ({exc.strerror or exc})") from None
    return path


def _fsync_dir(path: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TEMPORARY_SUFFIX = ".tmp"
"""Ending of the private temporary file a write goes through before its rename."""
LEFTOVER_AGE = 600
"""Seconds after which a temporary file no write is using any more is a crash's leftover."""
_NEW_FILE = os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def open_private(path: Path, flags: int, *, create_new: bool = False) -> int:
    """Open a file selfcheck owns: never through a link, created owner-only, whatever the umask.

    `create_new` refuses an existing file (O_EXCL); otherwise an existing file must be a
    regular file of this user with one link, so a planted link or hard link is never written.
    """
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | os.O_CREAT
    if create_new:
        flags |= os.O_EXCL
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except OSError as exc:
        raise SelfcheckError(_cannot(path, "open", exc)) from None
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode) or status.st_nlink != 1 or status.st_uid != os.geteuid():
        os.close(fd)
        raise SelfcheckError(
            f"{path}: not a plain file of yours (a link or another user's file); "
            "remove it and try again"
        )
    os.fchmod(fd, PRIVATE_FILE)
    return fd


def _cannot(path: Path, doing: str, exc: OSError) -> str:
    """One line for a failed write, with what to do about the usual causes."""
    if exc.errno == errno.ELOOP:
        return f"{path}: is a symbolic link; selfcheck never writes through links, remove it"
    if exc.errno == errno.EISDIR:
        return f"{path}: is a folder; give a file name"
    if exc.errno == errno.ENOSPC:
        return f"{path}: the disk is full; nothing was changed, free some space and try again"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{path}: cannot {doing} here ({exc.strerror}); nothing was changed"
    return f"{path}: cannot {doing} ({exc.strerror or exc}); nothing was changed"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves the old or the new file, never a torn one.

    The bytes go to a private temporary file in the same folder (created exclusively, never
    through a link), are flushed and fsynced, renamed over the target, and the folder is
    fsynced so the rename lasts. Any failure is one line (SelfcheckError); the old file stays.
    """
    if path.is_dir():
        raise SelfcheckError(f"{path}: is a folder; give a file name")
    with _durable_temporary(path, data) as temporary:
        try:
            os.replace(temporary, path)
        except OSError as exc:
            raise SelfcheckError(_cannot(path, "write", exc)) from None
    _fsync_dir(path.parent)


@contextmanager
def _durable_temporary(path: Path, data: bytes) -> Iterator[Path]:
    """A private temporary file beside `path` holding `data` on disk; removed if still there."""
    ensure_private_dir(path.parent)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    try:
        fd = open_private(temporary, os.O_WRONLY, create_new=True)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        yield temporary
    except OSError as exc:
        raise SelfcheckError(_cannot(path, "write", exc)) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_new(path: Path, data: bytes) -> None:
    """Create `path` durably with `data`, refusing in one line when it already exists.

    The bytes are written and fsynced under a temporary name, then hard-linked to `path`,
    which fails if anything is there: an existing file is never replaced, even by a race.
    """
    with _durable_temporary(path, data) as temporary:
        try:
            os.link(temporary, path, follow_symlinks=False)
        except FileExistsError:
            raise SelfcheckError(f"{path}: already exists; nothing was replaced") from None
        except OSError as exc:
            raise SelfcheckError(_cannot(path, "write", exc)) from None
    _fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    """Atomically and durably write UTF-8 text, private to the owner."""
    write_atomic(path, text.encode("utf-8"))


def sweep_temporary_files(folder: Path) -> None:
    """Remove temporary files that a crashed write left behind (older than LEFTOVER_AGE)."""
    try:
        leftovers = [p for p in folder.iterdir() if p.name.startswith(".")]
    except OSError:
        return
    for path in leftovers:
        if not path.name.endswith(TEMPORARY_SUFFIX):
            continue
        try:
            status = path.lstat()
            if stat.S_ISREG(status.st_mode) and time.time() - status.st_mtime > LEFTOVER_AGE:
                path.unlink()
        except OSError:
            continue


def remove_durably(path: Path) -> bool:
    """Delete a file and fsync its folder so the deletion lasts; False when there was none."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    _fsync_dir(path.parent)
    return True
