"""A file open for editing: locked while open, each changed state queued to a background writer."""

from __future__ import annotations

from pathlib import Path

from selfcheck.store.draft_writer import DraftWriter, ErrorHandler, WriteFile
from selfcheck.store.lock import DraftLock


class Autosaved:
    """The lock, the writer and the last queued bytes of a file being edited."""

    def __init__(
        self,
        path: Path,
        write: WriteFile,
        on_error: ErrorHandler | None,
        saved: bytes,
    ) -> None:
        """Not yet locked; `saved` is what the file already holds (b"" when it is new)."""
        self.path = path
        self.lock = DraftLock(path)
        self.writer = DraftWriter(path, on_error, write)
        self._saved = saved
        self._closed = False

    def current_bytes(self) -> bytes:
        """The file's content as it stands now."""
        raise NotImplementedError

    def save(self) -> None:
        """Queue the current state for writing when it differs from what was last queued."""
        data = self.current_bytes()
        if data != self._saved:
            self._saved = data
            self.writer.submit(data)

    def close(self) -> None:
        """Write what is pending and release the lock (safe to call twice)."""
        if self._closed:
            return
        self.save()
        self.writer.close()
        self.lock.release()
        self._closed = True
