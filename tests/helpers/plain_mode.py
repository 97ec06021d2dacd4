"""Running the line-mode check-in as a real process, with a script typed on its stdin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.paths import ROOT
from helpers.subprocesses import selfcheck_env
from selfcheck.formats.checkin import Checkin
from selfcheck.store.checkin_files import load_data_dir


def plain(data_dir: Path, script: str, *args: str, env: dict[str, str] | None = None):
    """Run `selfcheck start --plain` (or `args`) as a subprocess with `script` on stdin."""
    command = args or ("start", "--plain")
    return subprocess.run(
        [sys.executable, "-m", "selfcheck", *command, "--data-dir", str(data_dir)],
        input=script,
        capture_output=True,
        text=True,
        env=selfcheck_env(**(env or {})),
        cwd=ROOT,
        timeout=60,
    )


def checkins(data_dir: Path) -> list[Checkin]:
    """Every check-in on disk."""
    return load_data_dir(data_dir).checkins
