"""Files a person names with `--out`: never inside a data folder, never over a device or pipe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from selfcheck.formats.errors import SelfcheckError
from selfcheck.store.files import PRIVATE_FILE, write_atomic
from selfcheck.store.vault import governing_folder


def check_out(path: Path, data_dir: Path | None = None) -> str | None:
    """Refuse an output path inside a data folder or on anything but a regular file or link.

    Returns one line to say before a regular file selfcheck did not write is replaced
    (selfcheck's own files are private to their owner), else None. A link is replaced,
    never followed.
    """
    where = path.parent.resolve() / path.name  # the link itself, not what it points to
    folders = [folder for folder in (data_dir, governing_folder(where)) if folder is not None]
    for folder in folders:
        if where.is_relative_to(folder.resolve()):
            raise SelfcheckError(
                f"{path}: is inside the data folder {folder}; write it outside, "
                "so no check-in or setting is replaced"
            )
    try:
        status = os.lstat(where)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SelfcheckError(f"{path}: cannot be checked ({exc.strerror or exc})") from None
    if stat.S_ISDIR(status.st_mode):
        raise SelfcheckError(f"{path}: is a folder; give a file name")
    if stat.S_ISLNK(status.st_mode):
        return None
    if not stat.S_ISREG(status.st_mode):
        raise SelfcheckError(
            f"{path}: is not a regular file (a device, pipe or socket); give a file name"
        )
    ours = status.st_uid == os.geteuid() and stat.S_IMODE(status.st_mode) == PRIVATE_FILE
    if ours:
        return None
    return f"{path}: replacing an existing file ({status.st_size:,} bytes) selfcheck did not write"


def write_out(path: Path, data: bytes, data_dir: Path | None = None) -> None:
    """Write an output file atomically and privately, through the guard of `check_out`."""
    check_out(path, data_dir)
    write_atomic(path, data)
