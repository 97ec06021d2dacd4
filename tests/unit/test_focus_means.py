"""A focus check-in does not fake growth: its means are named as of the chosen items only."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers.versions_data import checkin

from selfcheck.cli import main
from selfcheck.formats.rubric_versions import RubricVersions
from selfcheck.growth.analysis import growth
from selfcheck.growth.summary import summary_heading
from selfcheck.growth.trends import trends_table
from selfcheck.store.checkin_files import save_checkin


def three(newest):
    """Full (every item 2), focus (one item of the first value at 5), full (every item 3)."""
    every = [item.id for item in newest.items]
    first = every[0]
    return [
        checkin(newest, dict.fromkeys(every, 2), day=0),
        checkin(newest, {first: 5}, day=20, focus=[first]),
        checkin(newest, dict.fromkeys(every, 3), day=40),
    ]


def test_focus_means_can_be_left_out_of_value_and_overall_lines(newest) -> None:
    """By default a focus check-in's one item is its value's mean; left out, the line skips it."""
    checkins = three(newest)
    kept = growth(checkins, RubricVersions.of(newest))
    assert kept.values[0].series.points == (2, 5, 3) and kept.overall.points == (2, 5, 3)
    left = growth(checkins, RubricVersions.of(newest), focus_means=False)
    assert left.values[0].series.points == (2, None, 3) and left.overall.points == (2, None, 3)
    assert left.values[0].rated[1] == 0
    assert left.items[0].series.points == (2, 5, 3), "the item keeps its level"


def test_table_and_summary_name_means_of_the_chosen_items(newest, tmp_path: Path) -> None:
    """The trends table and a focus check-in's summary say the means are of the chosen items."""
    checkins = three(newest)
    table = trends_table(growth(checkins, RubricVersions.of(newest)), "Robin", width=200)
    assert "Focus check-ins (2026-01-25): a value or overall mean there is the mean of the" in table
    assert "chosen items only" in table
    heading = summary_heading(checkins[1], checkins[0], tmp_path / "c.toml")
    assert heading[-1].startswith("Mean rating of the chosen items only, per value")
    assert summary_heading(checkins[2], checkins[1], tmp_path / "c.toml")[-1].startswith(
        "Mean rating per value"
    )


def test_trends_leave_out_focus_option(newest, data_dir: Path, capsys) -> None:
    """`selfcheck trends --format csv --leave-out-focus` leaves the focus row's mean empty."""
    for made in three(newest):
        save_checkin(data_dir, made)
    assert main(["trends", "--format", "csv", "--leave-out-focus"]) == 0
    focus_rows = [
        r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["scope"] == "focus"
    ]
    assert focus_rows and all(r["mean"] == "" and r["rated"] == "0" for r in focus_rows)
    assert main(["trends", "--format", "csv"]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert next(r["mean"] for r in rows if r["scope"] == "focus") == "5"
