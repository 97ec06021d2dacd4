"""A passphrase file may be a pipe: `--passphrase-file <(pass show selfcheck)`."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from helpers.encryption_helpers import PASSPHRASE

from selfcheck.cli import main
from selfcheck.store.vault import Vault, is_encrypted


def piped(folder: Path, text: str) -> Path:
    """A named pipe that gives `text` once to its first reader."""
    pipe = folder / "passphrase-pipe"
    os.mkfifo(pipe)

    def feed() -> None:
        with pipe.open("w") as handle:
            handle.write(text)

    threading.Thread(target=feed, daemon=True).start()
    return pipe


def test_encrypt_reads_the_passphrase_from_a_pipe(data_dir: Path, tmp_path: Path) -> None:
    """A pipe was refused as "not a regular file"; now its first line is the passphrase."""
    recovery = tmp_path / "recovery.txt"
    pipe = piped(tmp_path, f"{PASSPHRASE}\nsecond line\n")
    args = ["--passphrase-file", str(pipe), "--recovery-out", str(recovery)]
    assert main(["encrypt", "--data-dir", str(data_dir), *args]) == 0
    assert is_encrypted(data_dir)
    Vault().unlock(data_dir, PASSPHRASE)  # the first line, without its ending
