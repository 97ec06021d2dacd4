"""Encryption at rest through the CLI: encrypt, use, decrypt, change the passphrase, and `age`."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from helpers.encryption_helpers import (
    AGE,
    NO_AGE,
    PASSPHRASE,
    age_decrypt,
    encrypt,
    files_under,
    passphrase_file,
)

from selfcheck.cli import main
from selfcheck.store.config import Config, save_config


def a_folder(data_dir: Path, make_checkin, save) -> list[str]:
    """Two check-ins and a config with typed text; the texts planted in them."""
    planted = ["Planted-note-M-family-housing", "Planted-step-call-Dana", "Planted-Name-Quill"]
    checkin = make_checkin({"integrity-honesty": 4}, notes={"integrity-honesty": planted[0]})
    checkin.next_steps = []
    save(checkin)
    save(make_checkin({"justice-advocacy": 2}, day=20, name=planted[2]))
    save_config(data_dir, Config(name=planted[2], supervisor=planted[1]))
    return planted


def test_encrypt_seals_every_file_and_the_folder_still_reads(
    data_dir, make_checkin, save, tmp_path, capsys
):
    """After `encrypt`, every data file is `.toml.age`, no typed text is on disk, list works."""
    planted = a_folder(data_dir, make_checkin, save)
    recovery = encrypt(data_dir, tmp_path)
    assert oct(recovery.stat().st_mode & 0o777) == "0o600"
    names = sorted(path.relative_to(data_dir).as_posix() for path in files_under(data_dir))
    assert names[0] == "config.toml.age" and names[1] == "identity.age"
    assert len(names) == 4 and all(name.endswith(".toml.age") for name in names[2:])
    for path in files_under(data_dir):
        assert not any(text.encode() in path.read_bytes() for text in planted), path
    capsys.readouterr()
    assert main(["list", "--passphrase-file", str(passphrase_file(tmp_path))]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert sum("complete" in row for row in rows) == 2
    assert main(["show", "latest", "--passphrase-file", str(passphrase_file(tmp_path))]) == 0
    assert planted[2] in capsys.readouterr().out


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
def test_the_age_tool_opens_every_file_with_the_recovery_identity(
    data_dir, make_checkin, save, tmp_path
):
    """`age -d -i RECOVERY` turns each sealed file into the TOML selfcheck wrote."""
    a_folder(data_dir, make_checkin, save)
    before = {path.name: path.read_bytes() for path in files_under(data_dir)}
    recovery = encrypt(data_dir, tmp_path)
    sealed = [path for path in files_under(data_dir) if path.name.endswith(".toml.age")]
    assert len(sealed) == 3
    for path in sealed:
        text = age_decrypt(recovery, path)
        assert text == before[path.name.removesuffix(".age")]
        assert tomllib.loads(text.decode())["format"].startswith("selfcheck-")


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
def test_the_age_tool_opens_files_written_after_encryption(data_dir, make_checkin, tmp_path):
    """A check-in saved into an encrypted folder opens with `age` too."""
    recovery = encrypt(data_dir, tmp_path)
    assert (
        main(
            ["config", "--name", "Later Name", "--passphrase-file", str(passphrase_file(tmp_path))]
        )
        == 0
    )
    config = age_decrypt(recovery, data_dir / "config.toml.age")
    assert tomllib.loads(config.decode())["name"] == "Later Name"
    assert not (data_dir / "config.toml").exists()


def test_a_new_run_must_unlock(data_dir, make_checkin, save, tmp_path, capsys, monkeypatch):
    """Without a passphrase (and no terminal), every reading command refuses in one line."""
    a_folder(data_dir, make_checkin, save)
    encrypt(data_dir, tmp_path)
    capsys.readouterr()
    for command in (["list"], ["show", "latest"], ["trends"], ["config"], ["keys"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no terminal to ask" in err, err
    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(passphrase_file(tmp_path)))
    assert main(["list"]) == 0


@pytest.mark.parametrize(
    ("passphrase", "message"),
    [
        pytest.param(
            "wrong horse", "wrong passphrase; nothing was read", marks=pytest.mark.real_scrypt
        ),
        ("", "first line is empty"),
    ],
)
def test_a_wrong_or_empty_passphrase_is_one_line(
    data_dir, make_checkin, save, tmp_path, capsys, passphrase, message
):
    a_folder(data_dir, make_checkin, save)
    encrypt(data_dir, tmp_path)
    before = {path: path.read_bytes() for path in files_under(data_dir)}
    capsys.readouterr()
    assert (
        main(
            [
                "config",
                "--name",
                "x",
                "--passphrase-file",
                str(passphrase_file(tmp_path, passphrase)),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert {path: path.read_bytes() for path in files_under(data_dir)} == before


def test_decrypt_makes_every_file_plain_again(data_dir, make_checkin, save, tmp_path, capsys):
    planted = a_folder(data_dir, make_checkin, save)
    before = {path.name: path.read_bytes() for path in files_under(data_dir)}
    encrypt(data_dir, tmp_path)
    assert main(["decrypt", "--passphrase-file", str(passphrase_file(tmp_path))]) == 0
    after = {path.name: path.read_bytes() for path in files_under(data_dir)}
    assert after == before
    assert planted[0] in (data_dir / "sessions").joinpath(sorted(after)[0]).read_text()
    assert main(["list"]) == 0  # no passphrase needed any more


@pytest.mark.real_scrypt
def test_passphrase_change(data_dir, make_checkin, save, tmp_path):
    """A new passphrase opens the folder and the old one no longer does; no file is sealed
    again (the passphrase guards identity.age only)."""
    a_folder(data_dir, make_checkin, save)
    encrypt(data_dir, tmp_path)
    sealed = {path: path.read_bytes() for path in files_under(data_dir / "sessions")}
    old, new = passphrase_file(tmp_path), passphrase_file(tmp_path, "a new one")
    assert (
        main(["passphrase", "--passphrase-file", str(old), "--new-passphrase-file", str(new)]) == 0
    )
    assert main(["list", "--passphrase-file", str(old)]) == 2
    assert main(["list", "--passphrase-file", str(new)]) == 0
    assert {path: path.read_bytes() for path in files_under(data_dir / "sessions")} == sealed


@pytest.mark.real_scrypt
def test_recovery_sets_a_passphrase_when_the_old_one_is_lost(
    data_dir, make_checkin, save, tmp_path, capsys
):
    """The recovery identity sets a new passphrase; an identity that is not the folder's is one
    line. (Split from the change test, so the two real derivations run side by side.)"""
    a_folder(data_dir, make_checkin, save)
    recovery = encrypt(data_dir, tmp_path)
    third = passphrase_file(tmp_path, "third")
    assert (
        main(["passphrase", "--recovery", str(recovery), "--new-passphrase-file", str(third)]) == 0
    )
    assert main(["list", "--passphrase-file", str(third)]) == 0
    stranger = tmp_path / "stranger.txt"
    stranger.write_text(
        "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ2DZKXG\n"
    )
    capsys.readouterr()
    new = passphrase_file(tmp_path, "a new one")
    assert main(["passphrase", "--recovery", str(stranger), "--new-passphrase-file", str(new)]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_keys_prints_the_recipient(data_dir, tmp_path, capsys):
    """A plain folder has no recipient yet (said on stderr; its signing key is still printed);
    an encrypted one prints its recipient first, alone on its line."""
    assert main(["keys"]) == 0
    captured = capsys.readouterr()
    assert "not encrypted" in captured.err and "age1" not in captured.out
    recovery = encrypt(data_dir, tmp_path)
    capsys.readouterr()
    assert main(["keys", "--passphrase-file", str(passphrase_file(tmp_path))]) == 0
    recipient = capsys.readouterr().out.splitlines()[0]
    assert recipient.startswith("age1")
    assert f"# public key: {recipient}\n" in recovery.read_text()


def test_encrypt_twice_asks_and_changes_nothing(data_dir, make_checkin, save, tmp_path, capsys):
    a_folder(data_dir, make_checkin, save)
    encrypt(data_dir, tmp_path)
    before = {path: path.read_bytes() for path in files_under(data_dir)}
    assert main(["encrypt", "--passphrase-file", str(passphrase_file(tmp_path))]) == 0
    assert {path: path.read_bytes() for path in files_under(data_dir)} == before
    assert "Encrypted 0 file(s)" in capsys.readouterr().out


def test_recovery_out_inside_the_data_folder_is_refused(
    data_dir, make_checkin, save, tmp_path, capsys
):
    a_folder(data_dir, make_checkin, save)
    args = ["--passphrase-file", str(passphrase_file(tmp_path)), "--recovery-out"]
    assert main(["encrypt", *args, str(data_dir / "recovery.txt")]) == 2
    assert "outside the data folder" in capsys.readouterr().err
    assert not (data_dir / "identity.age").exists()


def test_hostile_sealed_files_are_skipped_in_one_line(
    data_dir, make_checkin, save, tmp_path, capsys
):
    """A truncated, a corrupted, and a foreign sealed check-in: one line each, the rest reads."""
    a_folder(data_dir, make_checkin, save)
    encrypt(data_dir, tmp_path)
    first, _second = sorted((data_dir / "sessions").glob("*.age"))
    data = first.read_bytes()
    (first.parent / "cut.toml.age").write_bytes(data[: len(data) // 2])
    flipped = bytearray(data)
    flipped[-20] ^= 0x01
    (first.parent / "flipped.toml.age").write_bytes(bytes(flipped))
    other = tmp_path / "other"
    encrypt(other, tmp_path)  # another folder, another key
    save_checkin_into(other, make_checkin(day=40), tmp_path)
    foreign = next((other / "sessions").glob("*.age"))
    os.replace(foreign, first.parent / "foreign.toml.age")
    capsys.readouterr()
    assert main(["list", "--passphrase-file", str(passphrase_file(tmp_path))]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 3
    assert any("cut.toml.age: is damaged or cut short" in line for line in lines)
    assert any("flipped.toml.age: is damaged or cut short" in line for line in lines)
    assert any("foreign.toml.age: is sealed to another key" in line for line in lines)
    assert sum("complete" in row for row in captured.out.splitlines()) == 2
    assert (
        main(
            [
                "show",
                str(first.parent / "cut.toml.age"),
                "--passphrase-file",
                str(passphrase_file(tmp_path)),
            ]
        )
        == 2
    )
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_or_damaged_identity_is_one_line(data_dir, make_checkin, save, tmp_path, capsys):
    a_folder(data_dir, make_checkin, save)
    encrypt(data_dir, tmp_path)
    identity = data_dir / "identity.age"
    identity.write_bytes(identity.read_bytes()[:40])
    capsys.readouterr()
    assert main(["list", "--passphrase-file", str(passphrase_file(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert "identity.age" in err and err.count("\n") == 1
    identity.unlink()
    assert main(["list"]) == 1  # the folder now looks plain: each sealed file is skipped
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "is encrypted and no key to open it was given" in err


def save_checkin_into(data_dir: Path, checkin, tmp_path: Path) -> None:
    """Save a check-in into another encrypted folder, unlocking it as the CLI would."""
    from selfcheck.store.checkin_files import save_checkin
    from selfcheck.store.vault import Vault

    vault = Vault()
    vault.unlock(data_dir, PASSPHRASE)
    save_checkin(data_dir, checkin, vault)
