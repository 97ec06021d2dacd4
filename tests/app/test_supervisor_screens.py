"""The supervisor's screens as a supervisor reads them: growth across versions, the response."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, Group
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from selfcheck.cli import main
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.store.checkin_files import load_data_dir
from selfcheck.store.rubrics import find_rubric, rubric_versions
from selfcheck.supervision.caseload import supervisees_dir
from selfcheck.tui.screens.common.growth import values_notes, values_table
from selfcheck.tui.screens.supervisor.response import ResponseScreen
from selfcheck.tui.screens.supervisor.supervisee import SuperviseeScreen
from selfcheck.tui.supervisor_app import make_supervisor_app


def as_text(renderable: object) -> str:
    """A Rich renderable as plain text, 80 columns wide."""
    console = Console(width=76, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def demo_caseload(tmp_path: Path) -> tuple[Path, Path]:
    """The demo practitioner's folder, and a supervisor's folder that imported their share."""
    own, supervisor = tmp_path / "sam", tmp_path / "dana"
    assert main(["demo", "--data-dir", str(own)]) == 0
    share = tmp_path / "share.toml"
    assert main(["share", "--data-dir", str(own), "--out", str(share), "--yes"]) == 0
    assert main(["supervise", "--data-dir", str(supervisor), "--import", str(share)]) == 0
    return own, supervisor


async def test_growth_across_versions_matches_the_practitioners_own(tmp_path: Path) -> None:
    """The demo spans rubric 1.0.0 to 2.1.0: the supervisor's table is the practitioner's."""
    own, supervisor = demo_caseload(tmp_path)
    rubric = find_rubric(None, own)
    checkins = load_data_dir(own).checkins
    assert len({s.rubric.version for s in checkins}) == 3  # the test needs every version
    result = growth(checkins, RubricVersions.of(rubric, rubric_versions(rubric.id, own)))
    expected = as_text(Group(values_table(result), Text(values_notes(result))))

    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SuperviseeScreen)
        shown = app.screen.query_one("#practitioner-growth", Static).content
        assert as_text(shown) == expected
        await pilot.press("q")


async def test_a_comment_typed_is_shown_whole_in_the_table(tmp_path: Path) -> None:
    """The comment column grows to the comment (it stayed as wide as its heading: "Good re")."""
    _, supervisor = demo_caseload(tmp_path)
    comment = "Good reflection on it"
    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "r")
        assert isinstance(app.screen, ResponseScreen)
        await pilot.press("3", "c", *comment, "enter")
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell_at(Coordinate(0, 4))) == comment
        assert table.ordered_columns[4].content_width >= len(comment)
        await pilot.press("q")


async def test_what_was_brought_to_discuss_since_the_last_response(
    tmp_path: Path, monkeypatch
) -> None:
    """Every shared check-in's discussed items until a response is exported; then the newer."""
    _, supervisor = demo_caseload(tmp_path)
    monkeypatch.chdir(tmp_path)
    app = make_supervisor_app(supervisees_dir(supervisor), supervisor)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        shown = as_text(app.screen.query_one("#practitioner-discuss", Static).content)
        headings = [str(s.content) for s in app.screen.query(".growth-heading").results(Static)]
        assert "Marked to discuss in the 12 check-ins since your last response" in headings
        assert "2025-01-10" in shown and "2025-12-06" in shown
        assert "reflection-using-supervision" not in shown  # titles of each version
        await pilot.press("r", "A", "x", "enter", "escape", "escape", "enter")
        headings = [str(s.content) for s in app.screen.query(".growth-heading").results(Static)]
        assert "Marked to discuss in the 1 check-in since your last response" in headings
        await pilot.press("q")
