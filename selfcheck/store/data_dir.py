"""Where a person's data lives: `--data-dir`, else $SELFCHECK_DATA_DIR, else the platform's."""

from __future__ import annotations

import os
from pathlib import Path

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
