"""One background thread that writes the newest snapshot of a draft, so the screen never waits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.files import write_atomic

SWITCH_INTERVAL = 0.0005
"""Seconds between GIL hand-offs while the app runs (Python's default is 0.005).

Each system call of a write (write, fsync, rename, fsync of the folder) gives up the GIL,
and the writer thread then waits for the rendering main thread to hand it back: with the
default interval that convoy alone made a save take 15-20 ms; with this one, 7-8 ms.
"""

ErrorHandler = Callable[[str], None]
"""Called on the writer thread with one line when a write fails."""
WriteFile = Callable[[Path, bytes], object]
"""Puts a file's bytes on disk atomically (`write_atomic`, or the vault's sealing write)."""


class DraftWriter:
    """Writes snapshots of one file in order; a newer snapshot replaces one not yet written."""

    def __init__(
        self, path: Path, on_error: ErrorHandler | None = None, write: WriteFile = write_atomic
    ) -> None:
        self.path = path
        self._on_error = on_error
        self._write = write
        self._cond = threading.Condition()
        self._pending: bytes | None = None
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self.failure: str | None = None
        """One line on why the last write failed; None once a write succeeds."""

    def submit(self, data: bytes) -> None:
        """Queue `data` as the file's next content and return at once."""
        with self._cond:
            if self._closed:
                raise RuntimeError("the draft writer is closed")
            self._pending = data
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="selfcheck-draft-writer", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until every submitted snapshot is on disk; False if `timeout` passed first."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending is None and not self._busy, timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Write what is pending, then stop the thread; True when all was written in time."""
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        return done

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
                data, self._pending = self._pending, None
                self._busy = True
            failure = None
            try:
                self._write(self.path, data)
            except (OSError, SelfcheckError) as exc:
                failure = f"{self.path}: could not save the draft ({exc})"
                if self._on_error is not None:
                    self._on_error(failure)
            finally:
                with self._cond:
                    self.failure = failure
                    self._busy = False
                    self._cond.notify_all()
