"""Conversions racing each other: `encrypt`, `decrypt` and `passphrase` started together."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.encryption_helpers import PASSPHRASE, passphrase_file
from helpers.forked import finish, has_ended, start_forked
from helpers.paths import ROOT
from helpers.subprocesses import selfcheck_env
from helpers.waiting import wait_for

from selfcheck.store.checkin_files import checkins_dir, load_data_dir, save_checkin
from selfcheck.store.lock import DATA_DIR_LOCK
from selfcheck.store.vault import Vault, identity_path, is_encrypted

ITEM = "integrity-honesty"
"""The item whose note tells the planted check-ins apart."""
PAIRINGS = list(itertools.combinations_with_replacement(["encrypt", "decrypt", "passphrase"], 2))
"""Every pairing of two conversions: the same one twice included."""
ROUNDS = 20
"""How many times each pairing of two conversions is started together."""


def conversion(command: str, secret: Path, out: Path) -> list[str]:
    """The arguments of one conversion, with its passphrase (and the same new one)."""
    args = [command, "--passphrase-file", str(secret)]
    if command == "encrypt":
        return [*args, "--recovery-out", str(out)]
    if command == "passphrase":
        return [*args, "--new-passphrase-file", str(secret)]
    return args


def assert_every_checkin_opens(data_dir: Path, notes: list[str]) -> None:
    """Every planted check-in opens with the passphrase (or plain) and holds its note."""
    vault = Vault()
    if is_encrypted(data_dir):
        vault.unlock(data_dir, PASSPHRASE)
    loaded = load_data_dir(data_dir, vault)
    assert loaded.problems == []
    assert sorted(checkin.answer(ITEM).note for checkin in loaded.checkins) == notes


def plant(data_dir: Path, make_checkin, count: int) -> list[str]:
    """Save `count` complete check-ins, each with its own note; return the notes in order."""
    notes = [f"Planted-race-note-{index:03d}-Plover" for index in range(count)]
    for index, note in enumerate(notes):
        save_checkin(data_dir, make_checkin({ITEM: 3}, day=index, notes={ITEM: note}))
    return notes


def run_together(commands: list[list[str]], errors: Path) -> list[int]:
    """Start the commands together, each in a forked child; their exit statuses, no traceback."""
    pids = [start_forked(argv, errors.with_suffix(f".{n}")) for n, argv in enumerate(commands)]
    statuses = [finish(pid) for pid in pids]
    for number in range(len(commands)):
        said = errors.with_suffix(f".{number}").read_text()
        assert "Traceback" not in said, said
    return statuses


@pytest.mark.serial
def test_two_encrypts_at_once_leave_files_the_passphrase_opens(
    data_dir: Path, make_checkin, tmp_path
) -> None:
    """Two `encrypt` on a plain folder both said done while `identity.age` held one key and
    the files were sealed to the other; now the second waits and finds the folder encrypted."""
    notes = plant(data_dir, make_checkin, 40)
    secret = passphrase_file(tmp_path)
    for attempt in range(3):
        both = [conversion("encrypt", secret, tmp_path / f"r{attempt}-{side}") for side in "ab"]
        assert run_together(both, tmp_path / "errors") == [0, 0]
        assert_every_checkin_opens(data_dir, notes)
        decrypt = conversion("decrypt", secret, tmp_path)
        assert run_together([decrypt], tmp_path / "errors") == [0]


@pytest.mark.serial
def test_decrypt_while_encrypt_seals_waits_and_loses_nothing(
    data_dir: Path, make_checkin, tmp_path
) -> None:
    """`decrypt` started while an `encrypt` is half-way through sealing 120 check-ins: the
    encrypt deleted plain files decrypt had just written (14 to 148 of 312 lost); now decrypt
    waits for the folder's lock, ends last, and every check-in is there in plain form."""
    notes = plant(data_dir, make_checkin, 120)
    secret = passphrase_file(tmp_path)
    encrypt = start_forked(conversion("encrypt", secret, tmp_path / "recovery"))
    wait_for(lambda: identity_path(data_dir).exists(), "encrypt to make identity.age", 30)
    plain_left = len(list(checkins_dir(data_dir).glob("*.toml")))
    decrypt = start_forked(conversion("decrypt", secret, tmp_path))
    running = not has_ended(encrypt)
    assert (finish(encrypt), finish(decrypt)) == (0, 0)
    # They overlapped: decrypt began while encrypt still ran with files left to seal.
    assert running and plain_left > 0, f"no overlap (plain files left: {plain_left})"
    assert not is_encrypted(data_dir)
    assert_every_checkin_opens(data_dir, notes)


@pytest.mark.slow
@pytest.mark.serial
def test_two_conversions_at_once_lose_nothing(data_dir: Path, make_checkin, tmp_path) -> None:
    """Every pairing of two conversions started together 20 times: the folder's lock makes one
    wait for the other, so every check-in opens after each round and holds its note."""
    notes = plant(data_dir, make_checkin, 4)
    secret = passphrase_file(tmp_path)
    for round_number, pairing in enumerate(PAIRINGS * ROUNDS):
        commands = [
            conversion(command, secret, tmp_path / f"r{round_number}-{side}")
            for side, command in enumerate(pairing)
        ]
        run_together(commands, tmp_path / "errors")
        assert_every_checkin_opens(data_dir, notes)


def test_encrypt_with_its_output_closed_encrypts_nothing(
    data_dir: Path, make_checkin, tmp_path
) -> None:
    """`selfcheck encrypt | true` said nothing and exited 0; the recovery identity could not be
    delivered, so now nothing is encrypted and the exit status says so."""
    notes = plant(data_dir, make_checkin, 3)
    env = selfcheck_env(SELFCHECK_DATA_DIR=str(data_dir))
    to_screen = conversion("encrypt", passphrase_file(tmp_path), tmp_path)[:-2]
    command = [sys.executable, "-m", "selfcheck", *to_screen]
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before anything is shown
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=writer, stderr=subprocess.PIPE)
    os.close(writer)
    _, errors = process.communicate(timeout=60)
    assert process.returncode != 0
    assert b"Traceback" not in errors
    assert not is_encrypted(data_dir)
    assert_every_checkin_opens(data_dir, notes)


HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""
"""A stand-in for a conversion: holds the data folder's lock for a while."""


def test_a_write_waits_while_a_conversion_holds_the_folder(data_dir: Path, make_checkin) -> None:
    """A check-in saved while another process holds the data folder's lock (as a conversion
    does for its whole run) waits for it, instead of landing in the middle of the conversion."""
    save_checkin(data_dir, make_checkin({ITEM: 3}))
    lock = data_dir / DATA_DIR_LOCK
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock), "1.5"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    began = time.monotonic()
    save_checkin(data_dir, make_checkin({ITEM: 4}, day=1))
    waited = time.monotonic() - began
    holder.wait(timeout=10)
    assert waited > 0.8, f"the write did not wait for the lock (took {waited:.2f} s)"
