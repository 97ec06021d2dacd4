"""Helpers shared by the encryption tests: passphrase files and running the CLI on a folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from selfcheck.cli import main
from selfcheck.store.lock import DATA_DIR_LOCK

PASSPHRASE = "correct horse battery staple"
"""The passphrase the tests encrypt with."""

AGE = shutil.which("age")
"""The standard `age` tool (Debian package `age`), when installed."""
NO_AGE = "the `age` tool is not installed (Debian: apt-get install age)"


def passphrase_file(folder: Path, text: str = PASSPHRASE) -> Path:
    """A file whose first line is `text`."""
    path = folder / f"passphrase-{len(list(folder.glob('passphrase-*')))}.txt"
    path.write_text(text + "\n")
    return path


def encrypt(data_dir: Path, tmp_path: Path) -> Path:
    """Turn encryption on for `data_dir`; return the recovery identity file."""
    recovery = tmp_path / "recovery.txt"
    args = ["--data-dir", str(data_dir), "--passphrase-file", str(passphrase_file(tmp_path))]
    assert main(["encrypt", *args, "--recovery-out", str(recovery)]) == 0
    return recovery


def age_decrypt(identity: Path, path: Path) -> bytes:
    """What the standard `age` tool makes of a file with an identity file."""
    assert AGE is not None
    done = subprocess.run(
        [AGE, "--decrypt", "--identity", str(identity), str(path)],
        capture_output=True,
        check=True,
    )
    return done.stdout


def files_under(folder: Path) -> list[Path]:
    """Every file under a folder, hidden ones included, but the data folder's (empty) lock."""
    return sorted(
        path for path in folder.rglob("*") if path.is_file() and path.name != DATA_DIR_LOCK
    )
