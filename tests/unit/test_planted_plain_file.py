"""A plain file planted in an encrypted folder is named in one line and never read."""

from __future__ import annotations

from pathlib import Path

from helpers.encryption_helpers import encrypt, passphrase_file

from selfcheck.cli import main
from selfcheck.commands.common import EXIT_SKIPPED
from selfcheck.store.checkin_files import checkin_bytes, checkin_path, save_checkin
from selfcheck.store.vault import CONVERSION_MARK

ITEM = "integrity-honesty"
"""The item whose note tells the check-ins apart."""


def planted(data_dir: Path, make_checkin) -> Path:
    """An encrypted folder holding one sealed check-in, and a plain one put there by hand."""
    save_checkin(data_dir, make_checkin({ITEM: 3}, notes={ITEM: "Mine"}))
    encrypt(data_dir, data_dir.parent)
    forged = make_checkin({ITEM: 5}, day=3, notes={ITEM: "Forged-note-Kestrel"})
    path = checkin_path(data_dir, forged.id)
    path.write_bytes(checkin_bytes(forged))
    return path


def test_a_planted_check_in_is_named_and_not_listed(data_dir: Path, make_checkin, capsys) -> None:
    """`list` and `show` in an encrypted folder read a plain check-in nobody sealed as the
    person's own; now it is named in one line and left out."""
    path = planted(data_dir, make_checkin)
    secret = ["--passphrase-file", str(passphrase_file(data_dir.parent))]
    assert main(["list", *secret]) == EXIT_SKIPPED
    listed = capsys.readouterr()
    assert listed.out.count("complete") == 1 and path.stem not in listed.out
    assert listed.err.count("\n") == 1
    assert f"{path}: is a plain file in an encrypted data folder" in listed.err
    main(["show", "latest", *secret])
    assert "Forged-note-Kestrel" not in capsys.readouterr().out


def test_encrypt_again_names_a_planted_file_and_does_not_seal_it(
    data_dir: Path, make_checkin, capsys
) -> None:
    """Running `encrypt` again on a folder encrypted to the end sealed a planted file, making
    it the person's own; now it is named and left plain (an interrupted encrypt, marked by
    its conversion mark, still has its plain files sealed)."""
    path = planted(data_dir, make_checkin)
    secret = ["--passphrase-file", str(passphrase_file(data_dir.parent))]
    assert main(["encrypt", *secret]) != 0
    assert f"{path}: is a plain file in an encrypted data folder" in capsys.readouterr().err
    assert path.exists() and not path.with_name(path.name + ".age").exists()
    (data_dir / CONVERSION_MARK).write_bytes(b"")  # as an encrypt cut short leaves it
    assert main(["encrypt", *secret]) == 0
    assert path.with_name(path.name + ".age").exists() and not path.exists()
    assert not (data_dir / CONVERSION_MARK).exists()
