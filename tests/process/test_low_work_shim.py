"""The tests' start-up shim: a `selfcheck` subprocess seals passphrase files at low work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.encryption_helpers import PASSPHRASE, passphrase_file
from helpers.low_work_age import LOW_WORK_FACTOR
from helpers.paths import ROOT
from helpers.subprocesses import selfcheck_env

from selfcheck.store.vault import Vault, identity_path


def test_a_subprocess_seals_identity_age_at_the_low_work_factor(data_dir: Path, tmp_path) -> None:
    """`encrypt` in a subprocess given `selfcheck_env` writes an identity.age whose scrypt work
    factor is the tests' low one (else every process test spends a second per passphrase),
    and the shipped code opens it with the passphrase."""
    secret = passphrase_file(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "selfcheck", "encrypt", "--passphrase-file", str(secret)],
        env=selfcheck_env(SELFCHECK_DATA_DIR=str(data_dir)),
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    header = identity_path(data_dir).read_bytes().split(b"\n")[1].split()
    assert header[:2] == [b"->", b"scrypt"] and header[3] == b"%d" % LOW_WORK_FACTOR
    Vault().unlock(data_dir, PASSPHRASE)
