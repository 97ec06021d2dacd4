"""Where a person's data lives: `--data-dir`, else $SELFCHECK_DATA_DIR, else the platform's."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from selfcheck.formats.errors import SelfcheckError

DATA_DIR_ENV = "SELFCHECK_DATA_DIR"
"""Environment variable naming the data directory when `--data-dir` is not given."""


def default_data_dir() -> Path:
    """The platform's per-user data directory for selfcheck."""
    from platformdirs import user_data_path

    return user_data_path("selfcheck", appauthor=False)


def resolve_data_dir(explicit: Path | str | None = None) -> Path:
    """The data directory: `--data-dir`, else $SELFCHECK_DATA_DIR, else the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    return Path(from_env).expanduser() if from_env else default_data_dir()


def check_private(data_dir: Path) -> Path:
    """Refuse a data folder, `sessions/` or config that another user owns or could change.

    Someone who can write there could plant links or swap files; one line says how to fix it.
    Paths that do not exist yet pass (selfcheck creates them owner-only).
    """
    from selfcheck.store.checkin_files import checkins_dir
    from selfcheck.store.config import config_path
    from selfcheck.store.vault import identity_path, sealed_form

    config = config_path(data_dir)
    for path in (
        data_dir,
        checkins_dir(data_dir),
        config,
        sealed_form(config),
        identity_path(data_dir),
    ):
        try:
            status = path.stat()
        except OSError:
            continue
        if status.st_uid != os.geteuid():
            raise SelfcheckError(
                f"{path}: belongs to another user (uid {status.st_uid}); use a folder of your "
                "own with --data-dir DIR"
            )
        if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise SelfcheckError(
                f"{path}: others can change it, so selfcheck will not use it; "
                f"fix it with: chmod go-w '{path}'"
            )
    return data_dir


def check_data_dir(path: Path) -> Path:
    """`path` when selfcheck can use it as its data folder; else SelfcheckError in one line.

    A folder that does not exist yet is fine when it can be created; an existing one must
    be a folder that this user may read. One they may not write (a backup medium) is still
    read: each write refuses in one line, through the data folder's lock (`store.lock`).
    """
    fix = "give --data-dir (or SELFCHECK_DATA_DIR) a folder of yours"
    existing = next((folder for folder in (path, *path.parents) if folder.exists()), None)
    if existing is None:
        return path
    if not existing.is_dir():
        where = "is a file" if existing == path else f"is inside {existing}, which is a file"
        raise SelfcheckError(f"{path}: the data folder {where}, not a folder; {fix}")
    if existing == path and not os.access(path, os.R_OK | os.X_OK):
        raise SelfcheckError(f"{path}: no permission to read this data folder; {fix}")
    if existing != path and not os.access(existing, os.W_OK | os.X_OK):
        raise SelfcheckError(
            f"{path}: the data folder cannot be created (no permission to write in "
            f"{existing}); {fix}"
        )
    return path
