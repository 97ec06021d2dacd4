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
    from selfcheck.store.config import config_path
    from selfcheck.store.sessions import sessions_dir
    from selfcheck.store.vault import identity_path, sealed_form

    config = config_path(data_dir)
    for path in (
        data_dir,
        sessions_dir(data_dir),
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
