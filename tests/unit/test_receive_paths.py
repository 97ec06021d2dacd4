"""`receive` names the file it wrote: in an encrypted folder, the sealed `.toml.age` (#23)."""

from __future__ import annotations

from pathlib import Path

from helpers.encryption_helpers import encrypt, passphrase_file
from helpers.responses import supervision


def test_receive_in_an_encrypted_folder_names_the_sealed_file(
    data_dir: Path, make_checkin, save, tmp_path: Path, capsys, monkeypatch
) -> None:
    """`receive` said `.toml` when it wrote `.toml.age`; now the line names the file on disk."""
    from selfcheck.cli import main

    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(passphrase_file(tmp_path)))
    sides = supervision(tmp_path, data_dir, make_checkin, save, lambda: encrypt(data_dir, tmp_path))
    out = tmp_path / "response.toml"
    sides.export(out)  # sealed to the practitioner: their share carries their key
    signed = capsys.readouterr().out.split("signed with your key ")[1][:24]
    assert out.read_bytes().startswith(b"age-encryption.org/v1")
    assert main(["receive", str(out), "--trust", signed]) == 0
    said = capsys.readouterr().out
    kept = Path(said.split("kept in ", 1)[1].splitlines()[0])
    assert kept.name.endswith(".toml.age") and kept.is_file()
    assert not kept.with_suffix("").exists(), "no plain copy beside the sealed one"
    assert kept.read_bytes().startswith(b"age-encryption.org/v1")
