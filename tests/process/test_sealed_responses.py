"""A share carries the practitioner's own age key; the response comes back sealed to it (#23)."""

from __future__ import annotations

import tomllib

import pytest
from helpers.encryption_helpers import AGE, NO_AGE, age_decrypt, encrypt, passphrase_file
from helpers.responses import signed_by, supervision

from selfcheck.cli import main
from selfcheck.supervision.caseload import load_caseload, supervisees_dir


def recipient_of(folder, secret, capsys) -> str:
    capsys.readouterr()
    assert main(["keys", "--data-dir", str(folder), "--passphrase-file", str(secret)]) == 0
    return capsys.readouterr().out.splitlines()[0]


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
def test_a_response_is_sealed_to_the_practitioner_the_share_names(
    tmp_path, data_dir, make_checkin, save, capsys, monkeypatch
):
    """An encrypted practitioner's share holds their recipient; `--export-response` without
    --to seals to it and says so; the `age` tool opens it with their recovery identity, and
    `receive` keeps it with their passphrase."""
    secret = passphrase_file(tmp_path)
    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(secret))
    sides = supervision(tmp_path, data_dir, make_checkin, save, lambda: encrypt(data_dir, tmp_path))
    recovery = tmp_path / "recovery.txt"
    recipient = recipient_of(data_dir, secret, capsys)
    shared = tomllib.loads((tmp_path / "share.toml").read_text())
    assert shared["format_version"] == 2 and shared["practitioner"]["recipient"] == recipient
    out = tmp_path / "response.toml.age"
    capsys.readouterr()
    monkeypatch.delenv("SELFCHECK_PASSPHRASE_FILE")  # the supervisor's folder is plain
    sides.export(out)
    assert f"sealed to {recipient[:16]}...: only Robin can open it" in capsys.readouterr().out
    assert b"Signed-Heron" not in out.read_bytes()
    opened = tomllib.loads(age_decrypt(recovery, out).decode("utf-8"))
    assert opened["items"]["integrity-honesty"]["comment"] == "Signed-Heron comment"
    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(secret))
    assert main(["receive", str(out), "--trust", signed_by_sealed(opened)]) == 0
    assert "(verified)" in capsys.readouterr().out


def signed_by_sealed(data: dict[str, dict[str, str]]) -> str:
    """The fingerprint of the key a response (opened) is signed with."""
    from selfcheck.formats.signing import fingerprint

    return fingerprint(data["signature"]["key"])


@pytest.mark.skipif(AGE is None, reason=NO_AGE)
def test_an_explicit_to_wins_over_the_shares_recipient(
    tmp_path, data_dir, make_checkin, save, capsys, monkeypatch
):
    monkeypatch.setenv("SELFCHECK_PASSPHRASE_FILE", str(passphrase_file(tmp_path)))
    sides = supervision(tmp_path, data_dir, make_checkin, save, lambda: encrypt(data_dir, tmp_path))
    monkeypatch.delenv("SELFCHECK_PASSPHRASE_FILE")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other_recovery = encrypt(tmp_path / "other", elsewhere)
    to = recipient_of(tmp_path / "other", passphrase_file(elsewhere), capsys)
    out = tmp_path / "response.toml.age"
    capsys.readouterr()
    sides.export(out, to=to)
    assert f"sealed to {to[:16]}" in capsys.readouterr().out
    assert b"selfcheck-response" in age_decrypt(other_recovery, out)


def test_a_plain_practitioners_response_is_not_sealed_and_says_so(
    tmp_path, data_dir, make_checkin, save, capsys
):
    out = tmp_path / "response.toml"
    sides = supervision(tmp_path, data_dir, make_checkin, save)
    capsys.readouterr()
    sides.export(out)
    assert "not sealed: whoever holds the file can read it" in capsys.readouterr().out
    assert signed_by(out)
    (person,) = load_caseload(supervisees_dir(sides.supervisor_dir)).people
    assert person.open().share.practitioner.recipient is None
