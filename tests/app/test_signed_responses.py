"""A supervisor's response is signed with their own key, kept in their data folder (#23)."""

from __future__ import annotations

import stat

from helpers.encryption_helpers import encrypt, files_under, passphrase_file
from helpers.paths import DATA
from helpers.responses import supervision

from selfcheck.cli import main
from selfcheck.formats.signing import fingerprint
from selfcheck.supervision.files import load_response


def keys_lines(folder, capsys, *extra: str) -> list[str]:
    capsys.readouterr()
    assert main(["keys", "--data-dir", str(folder), *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_an_exported_response_is_signed_with_the_key_keys_prints(
    tmp_path, data_dir, make_checkin, save, capsys
):
    """The file says version 2, who signed it and when; the signature holds over its content,
    and the export's line and `selfcheck keys` show the same fingerprint."""
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    out = tmp_path / "response.toml"
    capsys.readouterr()
    sides.export(out)
    said = capsys.readouterr().out
    response = load_response(out)
    assert response.format_version == 2 and response.written is not None
    assert response.signature is not None and response.signature_holds
    signing, shown = keys_lines(sides.supervisor_dir, capsys)
    assert signing == f"signing key: ed25519 {response.signature.key}"
    assert shown == f"fingerprint: {fingerprint(response.signature.key)}"
    assert f"signed with your key {fingerprint(response.signature.key)}" in said


def test_a_changed_word_breaks_the_signature(tmp_path, data_dir, make_checkin, save, capsys):
    """Changing the comment of a signed response, or its meeting, is seen."""
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    out = tmp_path / "response.toml"
    sides.export(out)
    text = out.read_text()
    out.write_text(text.replace("Signed-Heron", "Forged-Heron"))
    assert load_response(out).signature_holds is False


def test_an_older_response_is_still_read_as_unsigned():
    """A version 1 response (selfcheck 0.1) reads, with no signature to hold."""
    old = load_response(DATA / "hostile" / "responses" / "ok-minimal.toml")
    assert old.format_version == 1 and old.signature is None and not old.signature_holds


def test_the_signing_key_is_made_once_private_and_sealed_with_the_folder(tmp_path, capsys):
    """One key for the folder's life: 0600 in a plain folder, sealed by `encrypt` (nothing
    of it left in clear), carried through `passphrase` and `decrypt`."""
    folder = tmp_path / "supervisor"
    first = keys_lines(folder, capsys)
    key_file = folder / "signing-key.toml"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    private = key_file.read_text().split('private_key = "')[1][:64]
    assert keys_lines(folder, capsys) == first
    encrypt(folder, tmp_path)
    assert not key_file.exists() and (folder / "signing-key.toml.age").exists()
    assert all(private.encode() not in path.read_bytes() for path in files_under(folder))
    opened = ["--passphrase-file", str(passphrase_file(tmp_path))]
    assert keys_lines(folder, capsys, *opened)[1:] == first
    new = passphrase_file(tmp_path, "another passphrase")
    change = ["passphrase", "--data-dir", str(folder), *opened, "--new-passphrase-file", str(new)]
    assert main(change) == 0
    assert keys_lines(folder, capsys, "--passphrase-file", str(new))[1:] == first
    assert main(["decrypt", "--data-dir", str(folder), "--passphrase-file", str(new)]) == 0
    assert keys_lines(folder, capsys) == first and key_file.exists()
