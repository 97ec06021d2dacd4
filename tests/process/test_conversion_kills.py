"""200 SIGKILLs across conversions, imports and receipts: nothing is ever lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.encryption_helpers import PASSPHRASE, passphrase_file
from helpers.paths import ROOT
from helpers.practitioners import practitioner, share
from helpers.samples import KEY

from selfcheck.formats.response import Response
from selfcheck.store.checkin_files import load_data_dir, save_checkin
from selfcheck.store.config import ensure_identity, save_config
from selfcheck.store.vault import (
    FolderKey,
    Vault,
    all_data_files,
    identity_path,
    is_encrypted,
)
from selfcheck.supervision.caseload import load_caseload, supervisees_dir
from selfcheck.supervision.files import load_response, save_response
from selfcheck.supervision.receiving import received_dir

ITEM = "integrity-honesty"
"""The item whose note tells the planted check-ins apart."""
KILLS = 200
"""How many commands are killed at a random moment."""


def commands(secret: Path, shared: Path, response: Path, recovery: Path) -> list[list[str]]:
    """The commands killed in turn: every conversion, an import and a receipt."""
    run = [sys.executable, "-m", "selfcheck"]
    return [
        [*run, "encrypt", "--recovery-out", str(recovery)],
        [*run, "supervise", "--import", str(shared)],
        [*run, "passphrase", "--new-passphrase-file", str(secret)],
        [*run, "receive", str(response)],
        [*run, "decrypt"],
    ]


def planted_response(folder: Path, checkin_id: str, sha256: str) -> Path:
    """A response to one of the planted check-ins, as a supervisor would send it."""
    path = folder / "response.toml"
    given = Response(checkin=checkin_id, practitioner_key=KEY, rubric_sha256=sha256)
    save_response(path, given.model_copy(update={"supervisor": "Dana", "comment": "Held."}))
    return path


@pytest.mark.slow
@pytest.mark.serial
def test_sigkill_anywhere_in_conversions_imports_and_receipts(
    data_dir: Path, make_checkin, rubric, tmp_path
) -> None:
    """Killed at random moments 200 times (encrypt, supervise --import, passphrase, receive,
    decrypt in turn): every check-in, the imported share and the received response still open
    with the same passphrase, and every file ends up in one form."""
    rng = random.Random(23)
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": KEY}))
    notes = [f"Planted-kill-note-{index:03d}-Curlew" for index in range(40)]
    checkins = [make_checkin({ITEM: 3}, day=day, notes={ITEM: n}) for day, n in enumerate(notes)]
    for checkin in checkins:
        save_checkin(data_dir, checkin)
    outside = tmp_path / "outside"
    outside.mkdir()
    shared = outside / "share.toml"
    share(practitioner(outside, "Dana Reyes", make_checkin, rubric), shared)
    response = planted_response(outside, checkins[0].id, checkins[0].rubric.sha256)
    secret = passphrase_file(outside)
    env = os.environ | {
        "SELFCHECK_DATA_DIR": str(data_dir),
        "SELFCHECK_PASSPHRASE_FILE": str(secret),
        "PYTHONPATH": str(ROOT),
    }
    turns = commands(secret, shared, response, outside / "recovery.txt")
    opened: dict[bytes, FolderKey] = {}  # identity.age as it was, opened once (scrypt is slow)
    for kill in range(KILLS):
        process = subprocess.Popen(
            turns[kill % len(turns)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 1.6))  # start-up and the key derivation take about 1 s
        process.send_signal(signal.SIGKILL)
        process.wait()
        vault = Vault()
        if is_encrypted(data_dir):
            kept = identity_path(data_dir).read_bytes()
            if kept not in opened:
                opened[kept] = vault.unlock(data_dir, PASSPHRASE)
            vault.remember(data_dir, opened[kept].identity)
        loaded = load_data_dir(data_dir, vault)
        assert loaded.problems == [], f"after kill {kill}"
        assert sorted(s.answer(ITEM).note for s in loaded.checkins) == notes
        caseload = load_caseload(supervisees_dir(data_dir), vault)
        assert caseload.problems == [], f"after kill {kill}"
        assert [person.name for person in caseload.people] in ([], ["Dana Reyes"])
        for received in all_data_files(received_dir(data_dir)):
            assert load_response(received, vault).comment == "Held."
    finish = subprocess.run(turns[0], env=env, cwd=ROOT, capture_output=True, timeout=120)
    assert finish.returncode == 0, finish.stderr
    sealed = [path.name.endswith(".age") for path in all_data_files(data_dir)]
    assert sealed and all(sealed), "a file was left plain after the encryption finished"
