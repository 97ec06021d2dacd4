"""Private, atomic and durable writes: the only way selfcheck puts bytes on disk."""

from __future__ import annotations

import os
import sys
import tempfile
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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so a crash leaves the old or the new file, never a torn one.

    The bytes go to a private temporary file in the same folder, are flushed and
    fsynced, renamed over the target, and the folder is fsynced so the rename lasts.
    """
    ensure_private_dir(path.parent)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    """Atomically and durably write UTF-8 text, private to the owner."""
    write_atomic(path, text.encode("utf-8"))


def remove_durably(path: Path) -> bool:
    """Delete a file and fsync its folder so the deletion lasts; False when there was none."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    _fsync_dir(path.parent)
    return True
