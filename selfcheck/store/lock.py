"""Exclusive locks (per draft, and on the data folder for conversions, new drafts and writes),
released by the kernel when their process ends, even by SIGKILL."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from selfcheck.formats.errors import LockedError, SelfcheckError
from selfcheck.store.files import ensure_private_dir, open_private


class DraftLock:
    """Holds `flock` on `<draft>.lock` so a second selfcheck cannot open the same draft."""

    def __init__(self, draft_path: Path) -> None:
        self.path = draft_path.with_suffix(LOCK_SUFFIX)
        self._fd: int | None = None

    def acquire(self) -> DraftLock:
        """Take the lock or raise LockedError naming the process that holds it."""
        ensure_private_dir(self.path.parent)
        while True:
            fd = open_private(self.path, os.O_RDWR)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "another process"
                os.close(fd)
                raise LockedError(
                    f"{self.path.with_suffix('.toml')}: this draft is open in another "
                    f"selfcheck (process {holder}); finish or quit there first"
                ) from None
            if self._still_at_path(fd):
                break
            os.close(fd)  # the holder removed the file as we locked it: lock the new one
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd
        return self

    def _still_at_path(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        """Let go of the lock: remove the file while still holding it, then close it."""
        if self._fd is not None:
            # Unlinking first means no other process can be holding a lock on this inode
            # when it disappears, so two holders of the same draft never overlap.
            self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DraftLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


LOCK_SUFFIX = ".lock"
"""Ending of a draft's lock file, beside the draft."""
DATA_DIR_LOCK = ".selfcheck.lock"
"""The data folder's lock, held while the identity or a new draft is made."""
_in_process: dict[Path, threading.RLock] = {}
"""One lock per data folder among this process's threads (the draft writer's among them)."""
_in_process_guard = threading.Lock()
_held: dict[Path, int] = {}
"""Data folders this process holds locked, with how deep the holding thread has nested."""


@contextmanager
def data_dir_locked(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's lock (waiting for it); the thread already holding it passes through.

    Conversions hold it for their whole run; making the identity, beginning a draft and
    every data write happen under it. So a write never lands in the middle of a conversion,
    and two selfchecks started at the same moment make one identity and one draft.
    """
    key = data_dir.resolve()
    with _in_process_guard:
        local = _in_process.setdefault(key, threading.RLock())
    with local:  # only the owning thread touches _held[key] from here
        if key in _held:
            _held[key] += 1
            try:
                yield
            finally:
                _held[key] -= 1
            return
        ensure_private_dir(data_dir)
        fd = _open_folder_lock(data_dir)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            _held[key] = 1
            yield
        finally:
            _held.pop(key, None)
            os.close(fd)


def _open_folder_lock(data_dir: Path) -> int:
    """The data folder's lock file, open; a folder this user may only read says so in one line.

    Every write takes this lock first, so a read-only folder (a backup medium) refuses each
    write here, before anything is asked or changed, while reading it needs no lock.
    """
    try:
        return open_private(data_dir / DATA_DIR_LOCK, os.O_RDWR)
    except SelfcheckError:
        if os.access(data_dir, os.R_OK | os.X_OK) and not os.access(data_dir, os.W_OK):
            raise SelfcheckError(
                f"{data_dir}: this data folder is read-only here (a backup?); selfcheck can "
                "list, show and report from it but not save in it; nothing was changed"
            ) from None
        raise


def held_elsewhere(lock_path: Path) -> bool:
    """True when another process holds this lock; a free leftover is removed while held."""
    try:
        fd = open_private(lock_path, os.O_RDWR)
    except SelfcheckError:
        return True  # not ours to touch: treat it as in use
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return True
    lock_path.unlink(missing_ok=True)  # a crash's leftover: remove it while holding it
    os.close(fd)
    return False


def drafts_open_elsewhere(folder: Path) -> list[Path]:
    """Locks of drafts other processes hold in `folder`; leftover locks are swept on the way."""
    try:
        locks = sorted(p for p in folder.iterdir() if p.name.endswith(LOCK_SUFFIX))
    except OSError:
        return []
    return [path for path in locks if held_elsewhere(path)]
