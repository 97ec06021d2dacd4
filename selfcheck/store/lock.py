"""An exclusive lock per draft, released by the kernel when its process ends, even by SIGKILL."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from selfcheck.formats.errors import LockedError
from selfcheck.store.files import PRIVATE_FILE, ensure_private_dir


class DraftLock:
    """Holds `flock` on `<draft>.lock` so a second selfcheck cannot open the same draft."""

    def __init__(self, draft_path: Path) -> None:
        self.path = draft_path.with_suffix(".lock")
        self._fd: int | None = None

    def acquire(self) -> DraftLock:
        """Take the lock or raise LockedError naming the process that holds it."""
        ensure_private_dir(self.path.parent)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
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
