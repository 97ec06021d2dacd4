"""Encryption and crashes: no typed text on disk after `encrypt`, even after SIGKILLs."""

from __future__ import annotations

import random
import shutil
import signal
from pathlib import Path

import pytest
from helpers.encryption_helpers import PASSPHRASE, encrypt, files_under, passphrase_file
from helpers.forked import finish, kill_after, start_forked, whole_run_time
from helpers.terminal import in_terminal, needs_pty
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcheck.formats.checkin import Checkin, NextStep
from selfcheck.formats.errors import InputError
from selfcheck.store.checkin_files import checkins_dir, load_checkin, load_data_dir, save_checkin
from selfcheck.store.config import Config, save_config
from selfcheck.store.vault import Vault, is_encrypted

typed = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=12, max_size=40
)


def assert_nowhere(folder: Path, versions: list[str]) -> None:
    """No typed text, nor any 8-byte run of it, is in any file under `folder`."""
    runs = {
        encoded[start : start + 8]
        for text in versions
        for encoded in (text.encode("utf-8"),)
        for start in range(max(1, len(encoded) - 7))
    }
    for path in files_under(folder):
        data = path.read_bytes()
        found = [run for run in runs if run in data]
        assert not found, f"{path} holds typed text {found[0]!r}"


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=typed, name=typed, step=typed)
def test_no_typed_text_under_the_folder_after_encrypt(
    note: str, name: str, step: str, tmp_path_factory, make_checkin, rubric
) -> None:
    """Notes, names and next steps planted in check-ins and config leave no trace after encrypt."""
    root = tmp_path_factory.mktemp("planted")
    data_dir = root / "data"
    item = rubric.items[0].id
    checkin = make_checkin({item: 3}, name=name, notes={item: note})
    checkin.next_steps = [NextStep(text=step, item=item)]
    save_checkin(data_dir, checkin)
    save_checkin(
        data_dir, make_checkin({item: 2}, day=9, complete=False, name=name, notes={item: note})
    )
    save_config(data_dir, Config(name=name, supervisor=step))
    (checkins_dir(data_dir) / f".{checkin.id}.toml.crashed.tmp").write_text(note)  # a leftover
    encrypt(data_dir, root)
    assert_nowhere(data_dir, [note, name, step])
    assert {s.practitioner.name for s in load_data_dir(data_dir, unlocked(data_dir)).checkins} == {
        name
    }


@pytest.mark.serial
@pytest.mark.slow
def test_sigkill_during_conversion_then_rerun(data_dir, make_checkin, tmp_path) -> None:
    """Killed at random moments, `encrypt` leaves a folder whose every file opens; the rerun
    finishes and no typed text is left."""
    rng = random.Random(14)
    notes = [f"Planted-conversion-note-{index:03d}-Heron" for index in range(60)]
    item = "integrity-honesty"
    for index, note in enumerate(notes):
        save_checkin(data_dir, make_checkin({item: 3}, day=index, notes={item: note}))
    secret = passphrase_file(tmp_path)
    convert = ["encrypt", "--passphrase-file", str(secret)]
    rehearsal = shutil.copytree(data_dir, tmp_path / "rehearsal")
    recovery = ["--recovery-out", str(tmp_path / "rehearsal.txt")]
    window = whole_run_time(["--data-dir", str(rehearsal), *convert, *recovery])
    for _ in range(6):
        kill_after(start_forked(convert), rng.uniform(0, window))
        vault = unlocked(data_dir) if is_encrypted(data_dir) else Vault()
        loaded = load_data_dir(data_dir, vault)
        assert loaded.problems == []
        assert sorted(s.answer(item).note for s in loaded.checkins) == notes
    assert finish(start_forked(convert)) == 0, "the rerun of encrypt failed"
    assert_nowhere(data_dir, notes)
    assert len(load_data_dir(data_dir, unlocked(data_dir)).checkins) == len(notes)


def unlocked(data_dir: Path) -> Vault:
    """A vault holding the encrypted folder's key, as a new run has once it is unlocked."""
    vault = Vault()
    vault.unlock(data_dir, PASSPHRASE)
    return vault


def sealed_draft(data_dir: Path, vault: Vault) -> Checkin | None:
    """The one draft on disk, if it opens yet."""
    folder = checkins_dir(data_dir)
    files = sorted(folder.glob("*.toml.age")) if folder.is_dir() else []
    try:
        return load_checkin(files[0], vault) if files else None
    except InputError:
        return None


@pytest.mark.serial
@needs_pty
def test_sigkill_after_keystrokes_with_encryption_on(data_dir: Path, tmp_path, newest) -> None:
    """The crash test of the check-in with encryption on: every file opens, nothing saved is
    lost, and the note typed is nowhere on disk in plain."""
    encrypt(data_dir, tmp_path)
    vault = unlocked(data_dir)
    note = "Planted-kill-note-Osprey"
    first, second = newest.items[0].id, newest.items[1].id  # new check-ins rate the newest
    secret = {"SELFCHECK_PASSPHRASE_FILE": str(passphrase_file(tmp_path))}
    with in_terminal(["start", "--data-dir", str(data_dir)], secret) as app:
        app.until(app.shows_item_screen, "the item screen")
        app.type(b"4", b"d", b"n", b"2", b"e", note.encode())

        def saved() -> bool:
            checkin = sealed_draft(data_dir, vault)
            return bool(checkin and checkin.answer(second).note == note)

        app.until(saved, "the keystrokes to reach the draft file")
        app.process.send_signal(signal.SIGKILL)
    assert_nowhere(data_dir, [note])
    loaded = load_data_dir(data_dir, vault)
    assert loaded.problems == []
    (checkin,) = loaded.checkins
    assert checkin.answer(first).rating == 4 and checkin.answer(first).discuss
    assert checkin.answer(second).rating == 2 and checkin.answer(second).note == note
