"""A supervisor's own `log` and `supervise --export-response` by the start of a name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.practitioners import practitioner, share

from selfcheck.cli import main
from selfcheck.supervision.caseload import load_caseload, supervisees_dir
from selfcheck.supervision.responding import ResponseDraft


@pytest.fixture
def supervisor(tmp_path: Path, make_checkin, rubric) -> Path:
    """A supervisor's data folder whose caseload holds Robin Example and Robert Stone."""
    folder = tmp_path / "dana"
    for name in ("Robin Example", "Robert Stone"):
        out = tmp_path / f"{name.split()[0]}.toml"
        share(practitioner(tmp_path, name, make_checkin, rubric, days=(0, 30)), out)
        assert main(["supervise", "--data-dir", str(folder), "--import", str(out)]) == 0
    return folder


def respond(folder: Path, name: str, number: int, when: date, minutes: int, kind: str) -> None:
    """Record a meeting in the supervisor's response to a practitioner's check-in `number`."""
    caseload = load_caseload(supervisees_dir(folder))
    [row] = [row for row in caseload.people if row.name == name]
    draft = ResponseDraft.open(caseload.folder, row.open().checkins[number], "Dana Lee")
    draft.set_meeting(when, minutes, kind)  # type: ignore[arg-type]
    draft.close()


def test_a_supervisors_log_counts_the_meetings_of_their_responses(supervisor, capsys) -> None:
    """Meetings recorded in responses are supervision given: one to one meetings once per
    person (two on one day are two), a group meeting once however many responses hold it."""
    respond(supervisor, "Robin Example", 0, date(2026, 1, 7), 50, "individual")
    respond(supervisor, "Robert Stone", 0, date(2026, 1, 7), 60, "individual")
    respond(supervisor, "Robin Example", 1, date(2026, 2, 4), 90, "group")
    respond(supervisor, "Robert Stone", 1, date(2026, 2, 4), 90, "group")
    capsys.readouterr()
    assert main(["log", "--data-dir", str(supervisor)]) == 0
    received, given = capsys.readouterr().out.split("Supervision you gave")
    assert "No supervision meetings recorded." in received
    assert "2026: 3 meetings, 3 h 20 min (200 minutes) of reflective supervision" in given
    assert given.count("your response to Robin Example") == 1
    assert given.count("your response to Robert Stone") == 1
    assert given.count("your responses to the group: Robert Stone, Robin Example") == 1


def test_a_log_without_responses_is_the_practitioners_alone(supervisor, capsys) -> None:
    """A folder whose responses record no meeting shows no section about supervision given."""
    capsys.readouterr()
    assert main(["log", "--data-dir", str(supervisor)]) == 0
    assert "Supervision you gave" not in capsys.readouterr().out


def test_export_response_takes_the_unique_start_of_a_name(supervisor, tmp_path, capsys) -> None:
    """`Robi` names Robin alone; `rob` could be either, said in one line naming both."""
    respond(supervisor, "Robin Example", 1, date(2026, 2, 4), 45, "individual")
    out = tmp_path / "response.toml"
    export = ["supervise", "--data-dir", str(supervisor), "--out", str(out)]
    capsys.readouterr()
    assert main([*export, "--export-response", "rob"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "'rob' could be 2 practitioners" in line
    assert "Robin Example (key " in line and "Robert Stone (key " in line
    assert not out.exists()
    assert main([*export, "--export-response", "Robi"]) == 0
    assert "give it to Robin Example" in capsys.readouterr().out
    assert "minutes = 45" in out.read_text(encoding="utf-8")
