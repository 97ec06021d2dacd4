"""Hostile share and response files through `supervise --import`, `receive`, `show`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.paths import DATA

from selfcheck.cli import main
from selfcheck.formats.checkin import Checkin, Practitioner, RubricRef
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.config import ensure_identity, save_config
from selfcheck.supervision.caseload import supervisees_dir
from selfcheck.supervision.files import load_response

CORPUS = DATA / "hostile"
SHARES = sorted((CORPUS / "shares").glob("*.toml"))
RESPONSES = sorted((CORPUS / "responses").glob("*.toml"))
BAD_SHARES = [p for p in SHARES if p.name.startswith("bad-")]
OK_SHARES = [p for p in SHARES if p.name.startswith("ok-")]
OK_RESPONSES = [p for p in RESPONSES if p.name.startswith("ok-")]


def names(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_corpus_has_good_and_bad_files_of_both_formats():
    assert len(BAD_SHARES) >= 10 and OK_SHARES
    assert sum(p.name.startswith("bad-") for p in RESPONSES) >= 10 and OK_RESPONSES


def test_import_over_the_corpus_keeps_the_good_and_names_each_bad(data_dir, capsys):
    """Every bad share is one stderr line naming it; the good ones are imported."""
    assert main(["supervise", "--import", *map(str, SHARES)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == len(BAD_SHARES), captured.err
    for path in BAD_SHARES:
        assert sum(f"/{path.name}: " in line for line in lines) == 1, path
    assert len(list(supervisees_dir(data_dir).glob("[!.]*.toml"))) == len(OK_SHARES)
    assert "\x1b" not in captured.out and "\u202e" not in captured.out


@pytest.mark.parametrize("path", RESPONSES, ids=names(RESPONSES))
def test_receive_each_response_is_refused_in_one_line_without_its_checkin(path, data_dir, capsys):
    """No check-in of ours matches: bad files for their fault, good ones for the mismatch."""
    assert main(["receive", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err
    if path.name.startswith("ok-"):
        assert "not one of your complete check-ins" in err


def matching_checkin(path: Path) -> Checkin:
    """A complete check-in of ours that the response file answers."""
    response = load_response(path)
    started = datetime(2026, 11, 24, 9, 3, tzinfo=timezone(timedelta(hours=-5)))
    return Checkin(
        id=response.checkin,
        status="complete",
        started=started,
        finished=started + timedelta(minutes=11),
        rubric=RubricRef(
            id="alliance-code-of-ethics", version="1.0.0", sha256=response.rubric_sha256
        ),
        practitioner=Practitioner(name="Robin", key=response.practitioner_key),
    )


@pytest.mark.parametrize("path", OK_RESPONSES, ids=names(OK_RESPONSES))
def test_receive_and_show_a_good_response_literally(path, data_dir, capsys):
    """Markup stays literal and escapes are made visible when the response is shown."""
    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": "3f9c2a7b1d4e5f60"}))
    checkin = matching_checkin(path)
    save_checkin(data_dir, checkin)
    assert main(["receive", str(path), "--unverified"]) == 0  # version 1: unsigned
    assert main(["show", checkin.id]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "supervisor: I saw you slow down." in out
    if "markup" in path.name:
        assert "[red]Dana[/red]" in out and "\\u202e" in out


def test_receive_refuses_another_practitioners_response(data_dir, capsys):
    """The check-in id matches but the key does not: refused in one line, nothing kept."""
    path = OK_RESPONSES[0]
    checkin = matching_checkin(path)
    checkin.practitioner = Practitioner(name="Someone", key="1111222233334444")
    save_checkin(data_dir, checkin)
    assert main(["receive", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another practitioner" in err
    assert not (data_dir / "responses").exists()


def test_receive_refuses_another_rubric_text(data_dir, capsys):
    """The rubric sha256 differs: refused in one line."""
    path = OK_RESPONSES[0]
    checkin = matching_checkin(path)
    checkin.rubric = checkin.rubric.model_copy(update={"sha256": "0" * 64})
    ensure_identity(data_dir)
    save_checkin(
        data_dir, checkin.model_copy(update={"practitioner": Practitioner(key="3f9c2a7b1d4e5f60")})
    )
    assert main(["receive", str(path)]) == 2
    assert "another text of the rubric" in capsys.readouterr().err


def test_a_huge_share_is_refused_before_reading(tmp_path, data_dir, capsys):
    """A share over the size limit is named in one line and never parsed."""
    from selfcheck.formats.toml_reading import MAX_SHARE_BYTES

    huge = tmp_path / "huge.toml"
    with huge.open("wb") as handle:
        handle.truncate(MAX_SHARE_BYTES + 1)
    assert main(["supervise", "--import", str(huge)]) == 2
    err = capsys.readouterr().err
    assert "over the limit" in err and "Traceback" not in err


async def test_supervisor_app_opens_on_the_corpus_folder(data_dir):
    """The app lists the good shares, names stay literal, and the bad files are reported."""
    from textual.widgets import DataTable

    from selfcheck.tui.supervisor_app import make_supervisor_app

    app = make_supervisor_app(CORPUS / "shares", data_dir)
    async with app.run_test(size=(80, 24)):
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(OK_SHARES)
        names = {str(table.get_row_at(row)[0]) for row in range(table.row_count)}
        assert "[b]Kim[/b] Escape" in names
    assert len(app.caseload.problems) == len(BAD_SHARES)


SIGNED = CORPUS / "responses" / "ok-signed.toml"
UNTRUSTWORTHY = sorted((CORPUS / "untrusted-responses").glob("*.toml"))
"""Responses that pass the format's checks but not the trust's: replayed, tampered, swapped
key, another key, unsigned."""


@pytest.mark.parametrize("path", UNTRUSTWORTHY, ids=names(UNTRUSTWORTHY))
def test_an_untrustworthy_response_is_refused_in_one_line(path, data_dir, capsys):
    """Dana's signed response is trusted and kept; each untrustworthy one for the same
    check-in (well formed, so it reads) is then refused by `receive` in one line and the
    trusted one stays."""
    load_response(path)
    from selfcheck.formats.signing import fingerprint

    config = ensure_identity(data_dir)
    save_config(data_dir, config.model_copy(update={"practitioner_key": "3f9c2a7b1d4e5f60"}))
    checkin = matching_checkin(SIGNED)
    save_checkin(data_dir, checkin)
    signature = load_response(SIGNED).signature
    assert signature is not None
    assert main(["receive", str(SIGNED), "--trust", fingerprint(signature.key)]) == 0
    capsys.readouterr()
    assert main(["receive", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err
    assert main(["show", checkin.id]) == 0
    assert "Good month." in capsys.readouterr().out


def test_the_corpus_has_the_trust_families():
    """Replayed, tampered, swapped-key, other-key, unsigned responses; bad recipients."""
    assert len(UNTRUSTWORTHY) >= 5
    assert sum(p.name.startswith("bad-recipient-") for p in SHARES) >= 5
