"""Check-ins of both shipped versions (complete, focus, a draft) through every command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from helpers.pdf_text import flat, pdf_pages
from helpers.versions_data import checkin
from textual.widgets import DataTable, Static

from selfcheck.cli import main
from selfcheck.formats.rubric import Rubric
from selfcheck.store.checkin_files import save_checkin
from selfcheck.store.config import ensure_identity
from selfcheck.store.rubrics import DEFAULT_RUBRIC_ID, find_rubric
from selfcheck.tui.app import make_app
from selfcheck.tui.screens.common.growth import GrowthScreen
from selfcheck.tui.screens.practitioner.item import ItemScreen
from selfcheck.tui.screens.practitioner.review import ReviewScreen


@pytest.fixture(scope="module")
def v1() -> Rubric:
    return find_rubric(f"{DEFAULT_RUBRIC_ID}@1.0.0", None)


@pytest.fixture(scope="module")
def v2() -> Rubric:
    return find_rubric(f"{DEFAULT_RUBRIC_ID}@2.0.0", None)


def only_in(rubric: Rubric, other: Rubric) -> str:
    """The title of an item of `rubric` whose id and title `other` does not have."""
    titles = {item.title for item in other.items}
    return next(i.title for i in rubric.items if not other.item(i.id) and i.title not in titles)


@pytest.fixture
def folder(data_dir: Path, v1: Rubric, v2: Rubric) -> dict[str, Path]:
    """Two 1.0.0 check-ins, a 2.0.0 one, a 2.0.0 focus one, and a draft begun on 1.0.0."""
    old = [item.id for item in v1.items]
    new = [item.id for item in v2.items]
    sessions = {
        "first": checkin(v1, {i: 2 for i in old}, day=0),
        "second": checkin(v1, {i: 3 for i in old}, day=60, discuss=(old[0],)),
        "third": checkin(v2, {i: 3 for i in new} | {new[-1]: 0}, day=120),
        "focus": checkin(v2, {new[0]: 4, new[1]: 5}, day=150, focus=new[:3]),
        "draft": checkin(v1, {old[0]: 4}, day=100, complete=False),
    }
    key = ensure_identity(data_dir).practitioner_key
    for session in sessions.values():
        session.practitioner.key = key
    return {name: save_checkin(data_dir, s) for name, s in sessions.items()}


def test_list_and_show_keep_each_checkins_version(folder, v1, v2, capsys):
    assert main(["list"]) == 0
    rows = {r.split()[0]: r.split()[2:] for r in capsys.readouterr().out.splitlines()[1:]}
    assert rows[folder["first"].stem][2:4] == ["1.0.0", f"{len(v1.items)}/{len(v1.items)}"]
    assert rows[folder["draft"].stem][:4] == ["draft", DEFAULT_RUBRIC_ID, "1.0.0", "1/17"]
    assert rows[folder["focus"].stem][2:] == ["2.0.0", "2/3", "0", "focus"]
    assert main(["show", folder["first"].stem]) == 0
    captured = capsys.readouterr()
    assert only_in(v1, v2) in captured.out and only_in(v2, v1) not in captured.out
    assert captured.err == ""
    assert main(["show", folder["third"].stem]) == 0
    out = capsys.readouterr().out
    assert only_in(v2, v1) in out and f": {v2.not_assessable.label}" in out


def test_trends_plot_report_and_export_take_both_versions(folder, tmp_path, capsys):
    assert main(["trends", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    versions = {r["session_id"]: (r["rubric_version"], r["scope"]) for r in rows}
    assert list(versions.values()) == [
        ("1.0.0", "full"),
        ("1.0.0", "full"),
        ("2.0.0", "full"),
        ("2.0.0", "focus"),
    ]
    assert main(["trends", "--format", "json"]) == 0
    (group,) = json.loads(capsys.readouterr().out)["groups"]
    assert [c["scope"] for c in group["checkins"]] == ["full", "full", "full", "focus"]
    for kind in ("trend", "heatmap", "radar"):
        assert main(["plot", "--kind", kind, "--out", str(tmp_path / f"{kind}.svg")]) == 0
    assert "rubric 2.0.0 from here" in (tmp_path / "trend.svg").read_text()
    assert main(["report", "--out", str(tmp_path / "p.pdf")]) == 0
    text = flat(pdf_pages((tmp_path / "p.pdf").read_bytes()))
    assert "The rubric changed from version 1.0.0 to 2.0.0" in text
    assert main(["export", "--anonymous", "--program", "P", "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("[[checkin]]") == 2
    assert "levels = [4, 5, -1, -1" in captured.out  # the focus check-in asked three items
    assert "version 1.0.0 are not in this export" in captured.err


async def test_start_resumes_the_draft_on_1_0_0_text(folder, data_dir, v1) -> None:
    """The draft begun on 1.0.0 opens on 1.0.0's items; its review lists 1.0.0's 17."""
    app = make_app(data_dir, None, straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ItemScreen) and screen.draft.rubric.version == "1.0.0"
        assert str(screen.query_one("#item-title", Static).render()) == v1.items[1].title
        await pilot.press("r")
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.query_one(DataTable).row_count == len(v1.items)


async def test_growth_screen_says_when_the_rubric_changed(folder, data_dir) -> None:
    app = make_app(data_dir, None, straight_in=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GrowthScreen)
        words = str(app.screen.query_one("#growth-versions", Static).render())
        assert words.startswith("The rubric changed from version 1.0.0 to 2.0.0")
