"""The finishing summary compares with a last check-in of an older rubric version fairly."""

from __future__ import annotations

from helpers.plain_mode import plain
from helpers.versions_data import checkin, install_tiny

from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.growth.summary import value_rows
from selfcheck.store.rubrics import rubric_versions


def test_last_time_is_the_older_check_ins_own_mean(data_dir) -> None:
    """Last time on 1.0.0 (trust rated through an item 2.0.0 dropped), this time on 2.0.0:
    each value's "last time" is the mean that check-in had, as the growth screen shows it."""
    old, new = install_tiny(data_dir)
    previous = checkin(old, {"care-kept": 2, "care-split-a": 4, "trust-dropped": 1}, day=0)
    session = checkin(new, {"care-kept": 3, "care-merged": 4, "trust-new": 5}, day=30)
    versions = RubricVersions.of(new, rubric_versions("tiny", data_dir))
    rows = {row.name: row for row in value_rows(versions, session, previous)}
    shown = growth([previous, session], versions)
    for value in shown.values:
        first = value.series.points[0]
        assert rows[value.name].before == (f"{first:.2f}" if first is not None else "–")
    assert rows["Trust"].before != "–"  # the dropped item still counted last time


def test_the_plain_summary_after_a_new_version(data_dir, save) -> None:
    """Finishing the first 2.0.0 check-in in plain mode: Care last time is 3.00, not 2.00
    (the mean of the kept item alone, as before the versions were passed)."""
    old, _ = install_tiny(data_dir)
    save(checkin(old, {"care-kept": 2, "care-split-a": 4, "trust-dropped": 1}, day=0))
    result = plain(data_dir, "3\n4\n5\ny\n\n", "start", "--plain", "--rubric", "tiny")
    assert result.returncode == 0, result.stderr
    assert "Care: this time 3.50, last time 3.00, up." in result.stdout


async def test_the_app_summary_after_a_new_version(data_dir, save) -> None:
    """The app's summary compares as the plain one does: Care last time 3.00."""
    from rich.console import Console
    from textual.widgets import Static

    from selfcheck.tui.app import make_app
    from selfcheck.tui.screens.practitioner.summary import SummaryScreen

    old, _ = install_tiny(data_dir)
    save(checkin(old, {"care-kept": 2, "care-split-a": 4, "trust-dropped": 1}, day=0))
    app = make_app(data_dir, "tiny", straight_in=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "n", "4", "n", "5", "ctrl+s", "y")
        await pilot.wait_for_scheduled_animations()
        await pilot.press("escape", "escape")
        await pilot.wait_for_scheduled_animations()
        assert isinstance(app.screen, SummaryScreen)
        console = Console(width=76, record=True, color_system=None)
        console.print(app.screen.query_one("#values", Static).content)
        care = next(line for line in console.export_text().splitlines() if "Care" in line)
        assert care.split()[1:3] == ["3.50", "3.00"]
