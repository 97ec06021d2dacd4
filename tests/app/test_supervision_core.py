"""The supervision core without the app: the response's autosave and lock, hours, the caseload."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from selfcheck.cli import main
from selfcheck.formats.checkin import Supervision
from selfcheck.formats.errors import LockedError, SelfcheckError
from selfcheck.formats.response import Meeting, Response
from selfcheck.formats.signing import new_private_key
from selfcheck.supervision.files import load_response
from selfcheck.supervision.hours import hours_by_year, hours_words, meeting_records
from selfcheck.supervision.responding import ResponseDraft, response_path, response_waiting

KEY = "0123456789abcdef"
SIGNING = new_private_key()
"""A supervisor's signing key for exports."""


def test_every_change_to_a_response_is_on_disk_once_flushed(tmp_path, make_checkin):
    """A level given is written by the background writer before the response is closed."""
    checkin = make_checkin({"integrity-honesty": 3})
    draft = ResponseDraft.open(tmp_path, checkin, "Dana")
    try:
        draft.rate("integrity-honesty", 2)
        assert draft.writer.flush()
        saved = load_response(response_path(tmp_path, KEY, checkin.id))
        assert saved.item("integrity-honesty").rating == 2 and saved.supervisor == "Dana"
        with pytest.raises(LockedError):
            ResponseDraft.open(tmp_path, checkin, "Dana")
    finally:
        draft.close()
    again = ResponseDraft.open(tmp_path, checkin, "Dana")
    assert again.item("integrity-honesty").rating == 2
    again.close()


def test_waiting_until_exported_and_again_after_a_change(tmp_path, make_checkin):
    """The caseload's "waiting" mark: content not yet exported."""
    checkin = make_checkin({"integrity-honesty": 3})
    draft = ResponseDraft.open(tmp_path, checkin, "Dana")
    with pytest.raises(SelfcheckError, match="still empty"):
        draft.export(tmp_path / "out.toml", SIGNING)
    draft.set_comment("Good month")
    draft.writer.flush()
    assert response_waiting(tmp_path, KEY, checkin.id)
    draft.export(tmp_path / "out.toml", SIGNING)
    assert not response_waiting(tmp_path, KEY, checkin.id)
    draft.add_step("Bring a recording")
    draft.close()
    assert response_waiting(tmp_path, KEY, checkin.id)


def test_hours_count_each_meeting_once_with_its_source(make_checkin):
    """A check-in's meeting and the response's on the same day are one meeting."""
    first = make_checkin({}, day=0)
    first.supervision = Supervision(meeting=date(2026, 1, 7), minutes=50)
    second = make_checkin({}, day=30)
    second.supervision = Supervision(meeting=date(2026, 2, 4))
    third = make_checkin({}, day=400)
    third.supervision = Supervision(meeting=date(2027, 2, 9), minutes=90, kind="group")
    response = Response(
        checkin=second.id,
        practitioner_key=KEY,
        rubric_sha256=second.rubric.sha256,
        supervisor="Dana",
        meeting=Meeting(date=date(2026, 2, 4), minutes=75),
    )
    unsigned = meeting_records([first, second, third], [response], {})
    assert [(r.date, r.minutes) for r in unsigned][1] == (date(2026, 2, 4), None)
    signed = response.signed(SIGNING, datetime(2026, 2, 5, 9, tzinfo=UTC))
    assert signed.signature is not None
    records = meeting_records([first, second, third], [signed], {"Dana": signed.signature.key})
    assert [(r.date, r.minutes) for r in records] == [
        (date(2026, 1, 7), 50),
        (date(2026, 2, 4), 75),
        (date(2027, 2, 9), 90),
    ]
    assert records[1].source.startswith("verified response from Dana")
    years = hours_by_year(records)
    assert [(y.year, y.meetings, y.minutes) for y in years] == [(2026, 2, 125), (2027, 1, 90)]
    assert hours_words(125) == "2 h 05 min (125 minutes)"


def test_log_prints_meetings_and_hours_per_year(data_dir, make_checkin, save, capsys):
    """`selfcheck log`: one line per meeting with its source, then exact hours."""
    checkin = make_checkin({}, day=0)
    checkin.supervision = Supervision(meeting=date(2026, 1, 7), minutes=90)
    save(checkin)
    other = make_checkin({}, day=10)
    other.supervision = Supervision(meeting=date(2026, 1, 16))
    save(other)
    assert main(["log"]) == 0
    out = capsys.readouterr().out
    assert f"check-in {checkin.id}" in out
    assert "2026: 2 meetings, 1 h 30 min (90 minutes) of reflective supervision; " in out
    assert "1 without a recorded length" in out
    assert main(["log", "--year", "2025"]) == 0
    assert "No supervision meetings recorded in 2025" in capsys.readouterr().out


def test_log_without_any_length_says_no_hours_are_counted(data_dir, make_checkin, save, capsys):
    """Meetings without a length: said plainly, never "0 h 00 min of reflective supervision"."""
    checkin = make_checkin({}, day=0)
    checkin.supervision = Supervision(meeting=date(2026, 1, 7))
    save(checkin)
    assert main(["log"]) == 0
    out = capsys.readouterr().out
    assert "2026: 1 meeting, none with a recorded length, so no hours are counted" in out
    assert "0 h 00 min" not in out


def test_the_demo_records_meeting_lengths(tmp_path, capsys):
    """The demo's meetings have lengths and kinds, so `log` shows what hours look like."""
    assert main(["demo", "--data-dir", str(tmp_path / "demo")]) == 0
    capsys.readouterr()
    assert main(["log", "--data-dir", str(tmp_path / "demo")]) == 0
    out = capsys.readouterr().out
    assert "2025: 12 meetings, 12 h 45 min (765 minutes) of reflective supervision" in out
    assert "  group  " in out and "without a recorded length" not in out


def test_import_keeps_the_newest_share_of_a_practitioner(tmp_path, data_dir, make_checkin, save):
    """Importing an older share after a newer one keeps the newer."""
    from selfcheck.store.config import ensure_identity
    from selfcheck.supervision.caseload import load_caseload, supervisees_dir

    ensure_identity(data_dir)
    key = ensure_identity(data_dir).practitioner_key
    save(make_checkin({"integrity-honesty": 2}, day=0, key=key))
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    assert main(["share", "--out", str(old), "--yes"]) == 0
    save(make_checkin({"integrity-honesty": 4}, day=9, key=key))
    assert main(["share", "--out", str(new), "--yes"]) == 0
    supervisor = tmp_path / "sup"
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(new)]) == 0
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(old)]) == 0
    (person,) = load_caseload(supervisees_dir(supervisor)).people
    assert person.entry.count == 2 and len(person.open().checkins) == 2


def test_export_response_from_the_command_line(tmp_path, data_dir, capsys):
    """`--export-response` names a practitioner not in the caseload in one line."""
    assert main(["supervise", "--export-response", "nobody", "--out", str(tmp_path / "r")]) == 2
    assert "no single practitioner 'nobody'" in capsys.readouterr().err


async def test_m_in_a_check_in_records_the_meetings_length(data_dir):
    """The details dialog keeps the minutes and kind that `selfcheck log` counts."""
    from selfcheck.store.checkin_files import load_checkin
    from selfcheck.tui.app import make_app

    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "tab", *"2026-02-03", "tab", *"9x", "enter")
        assert "whole number" in str(app.screen.query_one("#details-error").render())
        app.screen.query_one("#minutes").value = "90"
        await pilot.press("enter")
        assert app.draft is not None and app.draft.writer.flush()
        saved = load_checkin(app.draft.path)
    assert (saved.supervision.minutes, saved.supervision.kind) == (90, "individual")


def test_the_caseload_index_is_used_only_while_fresh(tmp_path, make_checkin):
    """Import writes the index; a share changed by hand is read again, not trusted."""
    from selfcheck.store.config import Config
    from selfcheck.supervision.caseload import import_shares, load_caseload
    from selfcheck.supervision.caseload_index import INDEX_FILE, read_index, write_index
    from selfcheck.supervision.files import save_share
    from selfcheck.supervision.share import build_share

    outside = tmp_path / "robin.toml"
    checkins = [make_checkin({"integrity-honesty": 2}), make_checkin({}, day=7)]
    config = Config(name="Robin", practitioner_key=KEY)
    save_share(outside, build_share(checkins, config, "none", checkins[-1].when))
    folder = tmp_path / "caseload"
    import_shares([outside], folder)
    (entry,) = read_index(folder).values()
    assert (entry.name, entry.count, entry.overall_means) == ("Robin", 2, [2.0, None])
    write_index(folder, [entry.model_copy(update={"name": "Read from the index"})])
    assert load_caseload(folder).people[0].name == "Read from the index"
    (folder / f"{KEY}.toml").write_text("not a share at all")
    caseload = load_caseload(folder)
    assert not caseload.people and len(caseload.problems) == 1
    (folder / INDEX_FILE).write_text("garbage [")
    assert len(load_caseload(folder).problems) == 1
