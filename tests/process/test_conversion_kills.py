"""200 SIGKILLs across conversions, imports and receipts: nothing is ever lost."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from helpers.encryption_helpers import PASSPHRASE, passphrase_file
from helpers.forked import finish, kill_after, start_forked, whole_run_time
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
    return [
        ["encrypt", "--recovery-out", str(recovery)],
        ["supervise", "--import", str(shared)],
        ["passphrase", "--new-passphrase-file", str(secret)],
        ["receive", str(response), "--unverified"],  # unsigned: kept, marked unverified
        ["decrypt"],
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
    data_dir: Path, make_checkin, rubric, tmp_path, monkeypatch
) -> None:
    """Killed at random moments 200 times (encrypt, supervise --import, passphrase, receive,
    decrypt in turn, each first run once whole): every check-in, the imported share and the
    received response still open with the same passphrase, and every file ends up in one form."""
    rng = random.Random(23)
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": KEY}))
    notes = [f"Planted-kill-note-{index:03d}-Curlew" for index in range(8)]
    checkins = [make_checkin({ITEM: 3}, day=day, notes={ITEM: n}) for day, n in enumerate(notes)]
    for checkin in checkins:
        save_checkin(data_dir, checkin)
    outside = tmp_path / "outside"
    outside.mkdir()
    shared = outside / "share.toml"
    share(practitioner(outside, "Dana Reyes", make_checkin, rubric), shared)
    response = planted_response(outside, checkins[0].id, checkins[0].rubric.sha256)
    secret = passphrase_file(outside)
    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(secret))
    turns = commands(secret, shared, response, outside / "recovery.txt")
    # Kills are spread over the time each command takes, measured once (it starts at once).
    windows = [whole_run_time(argv) * 1.2 for argv in turns]
    opened: dict[bytes, FolderKey] = {}  # each identity.age seen, opened once
    for kill in range(KILLS):
        argv, window = turns[kill % len(turns)], windows[kill % len(turns)]
        kill_after(start_forked(argv, tmp_path / "said"), rng.uniform(0, window))
        assert "Traceback" not in (tmp_path / "said").read_text(), f"after kill {kill}"
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
        assert [person.name for person in caseload.people] == ["Dana Reyes"]
        received = all_data_files(received_dir(data_dir))
        assert [load_response(path, vault).comment for path in received] == ["Held."]
    assert finish(start_forked(turns[0])) == 0, "the last encrypt failed"
    sealed = [path.name.endswith(".age") for path in all_data_files(data_dir)]
    assert sealed and all(sealed), "a file was left plain after the encryption finished"
