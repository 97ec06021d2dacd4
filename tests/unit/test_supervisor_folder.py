"""A supervisor's data folder is as safe as a practitioner's: sealed whole, imports that work."""

from __future__ import annotations

from pathlib import Path

from helpers.encryption_helpers import PASSPHRASE, encrypt, files_under, passphrase_file
from helpers.practitioners import practitioner, share

from selfcheck.cli import main
from selfcheck.store.vault import Vault
from selfcheck.supervision.caseload import load_caseload, supervisees_dir
from selfcheck.supervision.caseload_index import INDEX_FILE


def test_encrypt_seals_the_caseload_index(tmp_path: Path, make_checkin, rubric) -> None:
    """`encrypt` left `supervisees/.caseload-index.toml` in clear (names, keys, means): the
    vault's listing skipped dot-files; now nothing under the folder names the practitioner."""
    dana = practitioner(tmp_path, "Dana Planted-Reyes", make_checkin, rubric)
    out = tmp_path / "dana-share.toml"
    share(dana, out)
    supervisor = tmp_path / "supervisor"
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(out)]) == 0
    assert (supervisees_dir(supervisor) / INDEX_FILE).exists()
    encrypt(supervisor, tmp_path)
    for path in files_under(supervisor):
        assert b"Planted-Reyes" not in path.read_bytes(), f"{path} names the practitioner"


def test_import_into_an_encrypted_folder_works(
    tmp_path: Path, make_checkin, rubric, capsys
) -> None:
    """`supervise --import` in an encrypted folder stored the share, then failed with "No such
    file or directory" (exit 2) looking for the plain name; now it says imported, exit 0."""
    dana = practitioner(tmp_path, "Dana Reyes", make_checkin, rubric)
    out = tmp_path / "dana-share.toml"
    share(dana, out)
    supervisor = tmp_path / "supervisor"
    encrypt(supervisor, tmp_path)
    secret = ["--passphrase-file", str(passphrase_file(tmp_path))]
    capsys.readouterr()
    assert main(["supervise", "--data-dir", str(supervisor), *secret, "--import", str(out)]) == 0
    assert "imported Dana Reyes, 3 check-ins" in capsys.readouterr().out
    folder = supervisees_dir(supervisor)
    assert not list(folder.glob("[!.]*.toml")) and len(list(folder.glob("[!.]*.toml.age"))) == 1
    vault = Vault()
    vault.unlock(supervisor, PASSPHRASE)
    assert [person.name for person in load_caseload(folder, vault).people] == ["Dana Reyes"]
