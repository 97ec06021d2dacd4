"""The issue's "Done when": share, import three, respond in the app, export, receive, show."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest
from helpers.practitioners import PRIVATE, SHARED, practitioner, share
from helpers.responses import signed_by
from pypdf import PdfReader
from textual.widgets import DataTable, Input

from selfcheck.cli import main
from selfcheck.store.checkin_files import load_data_dir
from selfcheck.store.config import load_config, save_config
from selfcheck.supervision.caseload import supervisees_dir
from selfcheck.tui.app import make_app
from selfcheck.tui.screens.common.growth import GrowthScreen
from selfcheck.tui.screens.common.prompt import MeetingPrompt, TextPrompt
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.plan_review import PlanReviewScreen
from selfcheck.tui.screens.practitioner.summary import SummaryScreen
from selfcheck.tui.screens.supervisor.caseload import CaseloadScreen
from selfcheck.tui.screens.supervisor.response import ResponseScreen
from selfcheck.tui.screens.supervisor.supervisee import SuperviseeScreen
from selfcheck.tui.supervisor_app import make_supervisor_app

SIZE = (80, 24)
TODAY = date.today()


@pytest.fixture
def robin(tmp_path, make_checkin, rubric) -> Path:
    """Robin's data folder: three check-ins with a note to discuss and a private one."""
    return practitioner(tmp_path, "Robin Example", make_checkin, rubric)


def test_share_writes_levels_and_only_the_allowed_notes(robin, tmp_path, capsys):
    """The default policy shares the note marked to discuss and never the private one."""
    out = tmp_path / "robin-share.toml"
    share(robin, out)
    text = out.read_text("utf-8")
    data = tomllib.loads(text)
    assert data["format"] == "selfcheck-share" and data["format_version"] == 2
    assert "recipient" not in data["practitioner"]  # a plain folder has no age key
    assert data["practitioner"]["name"] == "Robin Example"
    assert len(data["checkins"]) == 3
    assert SHARED in text and PRIVATE not in text
    assert out.stat().st_mode & 0o777 == 0o600
    err = capsys.readouterr().err
    assert "Shared: 3 complete check-ins" in err and "Not shared: 3 other notes" in err


def test_share_last_and_none(robin, tmp_path):
    """--last 1 --notes none: one check-in, no notes at all."""
    out = tmp_path / "one.toml"
    share(robin, out, "--last", "1", "--notes", "none")
    data = tomllib.loads(out.read_text("utf-8"))
    assert len(data["checkins"]) == 1
    assert all(a.get("note", "") == "" for a in data["checkins"][0]["items"].values())


def test_share_asks_before_writing(robin, tmp_path, capsys):
    """Without --yes and no terminal to ask in, nothing is written."""
    out = tmp_path / "asked.toml"
    assert main(["share", "--data-dir", str(robin), "--out", str(out)]) == 2
    assert not out.exists()
    assert "--dry-run" in capsys.readouterr().err


async def test_share_import_respond_export_receive_show(
    robin, tmp_path, make_checkin, rubric, capsys
):
    """Done when: three shares imported, one answered in the app, received, shown."""
    shares = []
    for name in ("Robin Example", "Alex Other", "Kim Third"):
        folder = (
            robin
            if name.startswith("Robin")
            else practitioner(tmp_path, name, make_checkin, rubric, days=(3, 17))
        )
        shares.append(tmp_path / f"{name.split()[0]}.toml")
        share(folder, shares[-1])
    supervisor = tmp_path / "supervisor"
    save_config(supervisor, load_config(supervisor).model_copy(update={"name": "Dana Super"}))
    assert main(["supervise", "--data-dir", str(supervisor), "--import", *map(str, shares)]) == 0
    caseload = supervisees_dir(supervisor)
    assert len(list(caseload.glob("[!.]*.toml"))) == 3

    out = tmp_path / "response.toml"
    first, second = rubric.items[0], rubric.items[1]
    app = make_supervisor_app(caseload, supervisor)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CaseloadScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        names = [str(table.get_row_at(row)[0]) for row in range(3)]
        assert names == ["Alex Other", "Kim Third", "Robin Example"]
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, SuperviseeScreen)
        await pilot.press("r")
        assert isinstance(app.screen, ResponseScreen)
        await pilot.press("1", "down", "0", "up", "c")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Lovely pacing", "enter")
        await pilot.press("s")
        await pilot.press(*"Bring a recording", "enter")
        await pilot.press("m")
        assert isinstance(app.screen, MeetingPrompt)
        app.screen.query_one("#meeting-date", Input).value = TODAY.isoformat()
        app.screen.query_one("#meeting-minutes", Input).value = "75"
        await pilot.press("enter")
        assert isinstance(app.screen, ResponseScreen)
        await pilot.press("x")
        app.screen.query_one(Input).value = str(out)
        await pilot.press("enter")
        await pilot.pause()
        assert out.is_file()
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, CaseloadScreen)
        await pilot.press("q")

    data = tomllib.loads(out.read_text("utf-8"))
    assert data["format"] == "selfcheck-response" and data["supervisor"] == "Dana Super"
    assert data["items"][first.id] == {
        "rating": 1,
        "not_assessable": False,
        "comment": "Lovely pacing",
    }
    assert data["items"][second.id]["not_assessable"] is True
    assert data["meeting"] == {
        "date": TODAY,
        "minutes": 75,
        "kind": "individual",
    }
    assert data["next_steps"] == [{"text": "Bring a recording"}]
    text = out.read_text("utf-8")
    assert SHARED not in text and PRIVATE not in text

    assert data["format_version"] == 2 and data["signature"]["algorithm"] == "ed25519"
    capsys.readouterr()
    trust = ["--trust", signed_by(out)]  # the first response from Dana: trust her key
    assert main(["receive", "--data-dir", str(robin), str(out), *trust]) == 0
    assert main(["show", "--data-dir", str(robin), data["checkin"]]) == 0
    shown = capsys.readouterr().out
    assert "supervisor's view: 1" in shown and "supervisor: Lovely pacing" in shown
    assert "Response from Dana Super" in shown and "Bring a recording" in shown

    home = make_app(robin, None, straight_in=False)
    async with home.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        assert isinstance(home.screen, GrowthScreen)
        view = str(home.screen.query_one("#growth-supervisor").render())
        assert "Dana Super on your check-in of" in view
        assert f"1. {first.title[:40]}" in view and "Lovely pacing" in view
        assert "agreed: Bring a recording" in view

    checkin = make_app(robin, None, straight_in=True)
    async with checkin.run_test(size=SIZE) as pilot:
        assert isinstance(checkin.screen, PlanReviewScreen)
        assert "Step 1 of 2, set on" in str(checkin.screen.query_one("#plan-step").render())
        await pilot.press("d")
        assert "agreed in supervision" in str(checkin.screen.query_one("#plan-step").render())
        await pilot.press("e", *"half done", "enter")
        keys = str(checkin.screen.query_one("#plan-keys").render())
        assert "Reflection kept" in keys
        await pilot.press("w")
        assert isinstance(checkin.screen, ItemScreen)
        for _ in rubric.items:
            await pilot.press("3", "n")
        await pilot.press("ctrl+s", "y")
        for _ in range(3):
            if isinstance(checkin.screen, SummaryScreen):
                break
            await pilot.press("ctrl+s")
        assert isinstance(checkin.screen, SummaryScreen)
        summary = str(checkin.screen.query_one("#summary-response").render())
        assert "Lovely pacing" in summary and "(you 4, Dana Super 1)" in summary
        assert checkin.draft is not None
        reviews = checkin.draft.checkin.plan_review
    assert [(r.text, r.status, r.agreed, r.reflection) for r in reviews] == [
        ("Step 2 of Robin Example", "done", False, ""),
        ("Bring a recording", "working", True, "half done"),
    ]
    on_disk = load_data_dir(robin).checkins[-1]
    assert on_disk.plan_review == reviews

    packet = tmp_path / "packet.pdf"
    assert main(["report", "--data-dir", str(robin), "--out", str(packet)]) == 0
    pages = [page.extract_text() for page in PdfReader(packet).pages]
    text = " ".join(" ".join(pages).split())
    assert "Your view and your supervisor's" in text
    assert "you see 4 (" in text and "your supervisor sees 1 (" in text
    assert "What does each of you notice" in text
    assert "Bring a recording: agreed in supervision" in text
    assert "still working on it at" in text and "half done" in text
    assert f"{TODAY.year}: 1 meeting, 1 h 15 min (75 minutes)" in pages[0].replace("\n", " ")
    assert PRIVATE not in text

    page = tmp_path / "packet.html"
    assert main(["report", "--data-dir", str(robin), "--out", str(page)]) == 0
    html = page.read_text("utf-8")
    assert '<h2 id="views">6. Your view and your supervisor&#x27;s</h2>' in html
    assert "your supervisor sees 1 (" in html and "still working on it at" in html
    assert f"{TODAY.year}: 1 meeting, 1 h 15 min (75 minutes)" in html
    assert PRIVATE not in html
