"""Sealed files for one reader: export and share `--to`, aggregate and supervise `--identity`."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.encryption_helpers import AGE, NO_AGE, age_decrypt, encrypt, passphrase_file

from selfcheck.cli import main


def steward(tmp_path: Path, capsys) -> tuple[str, Path, Path]:
    """A data steward's encrypted folder: their recipient, identity.age and passphrase file."""
    folder = tmp_path / "steward"
    encrypt(folder, tmp_path)
    secret = passphrase_file(tmp_path)
    capsys.readouterr()
    assert main(["keys", "--data-dir", str(folder), "--passphrase-file", str(secret)]) == 0
    recipient = capsys.readouterr().out.splitlines()[0]
    return recipient, folder / "identity.age", secret


def test_a_sealed_export_is_aggregated_only_with_the_identity(
    data_dir, make_checkin, save, tmp_path, capsys
):
    """Sealed to the steward, the export is refused without `--identity` (one line) and
    counted with it, the identity itself opened with its passphrase."""
    recipient, identity, secret = steward(tmp_path, capsys)
    save(make_checkin({"integrity-honesty": 4}, day=0, key=""))
    save(make_checkin({"integrity-honesty": 5}, day=100, key=""))
    exports = tmp_path / "exports"
    exports.mkdir()
    out = exports / "mine.toml.age"
    args = ["--anonymous", "--program", "P", "--out", str(out), "--yes", "--to", recipient]
    assert main(["export", *args]) == 0
    assert b"integrity-honesty" not in out.read_bytes()
    assert "sealed to age1" in capsys.readouterr().err
    assert main(["aggregate", str(exports)]) == 2
    err = capsys.readouterr().err
    assert "mine.toml.age: is encrypted and no key to open it was given" in err
    opened = ["--identity", str(identity), "--passphrase-file", str(secret)]
    assert main(["aggregate", str(exports), "--min-group", "3", *opened]) == 0
    assert "integrity-honesty" in capsys.readouterr().out


def test_a_wrong_recipient_is_one_line(data_dir, make_checkin, save, capsys):
    save(make_checkin({"integrity-honesty": 4}, key=""))
    args = ["--anonymous", "--program", "P", "--yes", "--to", "age1nonsense"]
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert "is not an age recipient" in err and "Traceback" not in err


def test_a_sealed_share_opens_only_for_the_supervisor(
    data_dir, make_checkin, save, tmp_path, capsys
):
    recipient, identity, secret = steward(tmp_path, capsys)
    save(
        make_checkin({"integrity-honesty": 4}, key="", notes={"integrity-honesty": "Planted-Wren"})
    )
    out = tmp_path / "share.toml.age"
    assert main(["share", "--out", str(out), "--yes", "--notes", "all", "--to", recipient]) == 0
    assert b"Planted-Wren" not in out.read_bytes()
    caseload = tmp_path / "caseload"
    assert main(["supervise", str(caseload), "--import", str(out)]) == 2
    assert "no key to open it was given" in capsys.readouterr().err
    opened = ["--identity", str(identity), "--passphrase-file", str(secret)]
    assert main(["supervise", str(caseload), "--import", str(out), *opened]) == 0
    assert ": imported " in capsys.readouterr().out
    assert list(caseload.glob("*.toml"))  # the caseload folder is outside any encrypted folder


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
def test_the_age_tool_opens_a_sealed_export_with_the_recovery_identity(
    data_dir, make_checkin, save, tmp_path, capsys
):
    other = tmp_path / "steward"
    recovery = encrypt(other, tmp_path)
    capsys.readouterr()
    main(["keys", "--data-dir", str(other), "--passphrase-file", str(passphrase_file(tmp_path))])
    recipient = capsys.readouterr().out.splitlines()[0]
    save(make_checkin({"integrity-honesty": 4}, key=""))
    out = tmp_path / "export.toml.age"
    args = ["--anonymous", "--program", "P", "--out", str(out), "--yes", "--to", recipient]
    assert main(["export", *args]) == 0
    assert age_decrypt(recovery, out).startswith(b"# ")


def test_a_response_sealed_to_the_practitioner(data_dir, make_checkin, save, tmp_path, capsys):
    """The supervisor seals the response `--to` the practitioner's key: nothing readable on
    the way; `receive` refuses it without the key (one line) and keeps it with `--identity`."""
    from selfcheck.supervision.caseload import load_caseload
    from selfcheck.supervision.responding import ResponseDraft

    recipient, identity, secret = steward(tmp_path, capsys)  # the practitioner's own key
    checkin = make_checkin({"integrity-honesty": 4}, key="")
    save(checkin)
    share, caseload = tmp_path / "share.toml", tmp_path / "caseload"
    assert main(["config", "--name", "Robin"]) == 0
    assert main(["share", "--out", str(share), "--yes"]) == 0
    assert main(["supervise", str(caseload), "--import", str(share)]) == 0
    latest = load_caseload(caseload).people[0].open().latest
    draft = ResponseDraft.open(caseload, latest, "Dana Super")
    draft.set_item_comment("integrity-honesty", "Planted-Kestrel comment")
    draft.close()
    out = tmp_path / "response.toml.age"
    capsys.readouterr()
    export = ["--export-response", "Robin", "--out", str(out), "--to", recipient]
    assert main(["supervise", str(caseload), *export]) == 0
    said = capsys.readouterr().out
    assert "sealed to age1" in said
    signed_by = said.split("signed with your key ")[1][:24]
    assert out.read_bytes().startswith(b"age-encryption.org/v1")
    assert b"Planted-Kestrel" not in out.read_bytes()
    assert main(["receive", str(out)]) == 2
    assert "is encrypted and no key to open it was given" in capsys.readouterr().err
    opened = ["--identity", str(identity), "--passphrase-file", str(secret)]
    assert main(["receive", str(out), *opened, "--trust", signed_by]) == 0
    assert "received Dana Super's response" in capsys.readouterr().out
    assert main(["show", checkin.id]) == 0
    assert "supervisor: Planted-Kestrel comment" in capsys.readouterr().out


def test_to_without_a_response_to_export_is_one_line(tmp_path, capsys):
    assert main(["supervise", str(tmp_path), "--to", "age1" + "q" * 58]) == 2
    err = capsys.readouterr().err
    assert "--out and --to are for --export-response" in err or "age recipient" in err
