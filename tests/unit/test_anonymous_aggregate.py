"""Aggregation: hand-checked numbers, small-cell and complementary suppression, duplicates."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from selfcheck.cli import main
from selfcheck.program.aggregate import OVERALL, Grouping, aggregate
from selfcheck.program.disclosure import published_rows
from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes
from selfcheck.program.noise import GROWTH_DEVIATION
from selfcheck.program.release import csv_text
from selfcheck.program.rows import Row, hierarchy_rows

ITEMS = ["a1", "a2", "b1"]
VALUES = ["a", "a", "b"]
FIGURES = [
    "checkins",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_level_5",
    "n_not_yet",
    "n_not_my_role",
]


def write_export(folder: Path, who: int, checkins: list[tuple[str, list[int]]]) -> Path:
    """Write one export for practitioner number `who`."""
    export = AnonymousExport(
        format="selfcheck-anonymous",
        format_version=1,
        pseudonym=hashlib.sha256(str(who).encode()).hexdigest(),
        rubric_id="r",
        rubric_version="1",
        items=ITEMS,
        values=VALUES,
        checkin=[AnonymousCheckin(period=p, levels=lv, discuss=[0] * 3) for p, lv in checkins],
    )
    path = folder / f"e{who}-{len(checkins)}.toml"
    path.write_bytes(export_bytes(export))
    return path


def rows_of(folder: Path, k: int = 3, by: Grouping = "quarter") -> list[dict[str, str]]:
    """The CSV rows `aggregate` publishes for a folder."""
    text = csv_text(published_rows(aggregate([folder]), by, k))
    return list(csv.DictReader(io.StringIO(text)))


def true_rows(folder: Path) -> dict[tuple[str, str, str], Row]:
    """Every row of the hierarchy with its true (never published) figures."""
    return {row.key: row for row in hierarchy_rows(aggregate([folder]))[0]}


def find(rows, period, scope, id_):
    return next(r for r in rows if (r["period"], r["scope"], r["id"]) == (period, scope, id_))


def test_true_numbers_match_hand_computation(tmp_path):
    """Counts, check-ins and practitioners of a small program, worked out by hand."""
    write_export(tmp_path, 1, [("2026-Q1", [1, 2, 5]), ("2026-Q2", [3, 2, 5])])
    write_export(tmp_path, 2, [("2026-Q1", [2, 0, 4])])
    write_export(tmp_path, 3, [("2026-Q1", [4, 4, -1]), ("2026-Q1", [5, 4, 3])])
    rows = true_rows(tmp_path)
    a1 = rows[("2026-Q1", "item", "a1")]
    assert (a1.practitioners, a1.checkins, a1.counts) == (3, 4, [0, 1, 1, 0, 1, 1, 0])
    a = rows[("2026-Q1", "value", "a")]
    assert (a.counts[0], a.counts[4], a.checkins) == (1, 3, 4)
    b1 = rows[("2026-Q1", "item", "b1")]
    assert (b1.practitioners, b1.checkins) == (3, 3)
    growth = rows[("first-to-latest", "item", "a1")]
    assert (growth.practitioners, growth.change_sum) == (2, 3)


def test_the_csv_says_why_rows_are_held_back(tmp_path):
    """Rows about fewer than K practitioners publish nothing but their reason, as a sentence."""
    write_export(tmp_path, 1, [("2026-Q1", [1, 2, 5]), ("2026-Q2", [3, 2, 5])])
    write_export(tmp_path, 2, [("2026-Q1", [2, 0, 4])])
    write_export(tmp_path, 3, [("2026-Q1", [4, 4, -1]), ("2026-Q1", [5, 4, 3])])
    rows = rows_of(tmp_path, k=3)
    assert find(rows, "2026-Q1", "item", "a1")["held_back"] == ""
    row = find(rows, "2026-Q2", "item", "a1")
    assert row["held_back"] == "Held back: fewer than 3 practitioners are behind it."
    assert all(row[f] == "" for f in ["practitioners", "mean", "median", *FIGURES])
    assert find(rows, "first-to-latest", "item", "a1")["held_back"].startswith("Held back")


def test_growth_mean_change_is_near_the_true_mean(tmp_path):
    """The published mean change is the true one moved by at most the growth noise over n."""
    changes = [(1, 3), (2, 2), (5, 4), (2, 5), (3, 3), (1, 2)]
    for who, (first, last) in enumerate(changes):
        write_export(tmp_path, who, [("2026-Q1", [first, 0, 1]), ("2026-Q3", [last, 0, 2])])
    growth = find(rows_of(tmp_path), "first-to-latest", "item", "a1")
    true = sum(b - a for a, b in changes) / len(changes)
    assert abs(float(growth["mean"]) - true) <= GROWTH_DEVIATION / len(changes)


def test_group_just_under_and_at_k(tmp_path):
    """Four practitioners are held back at K=5; the fifth publishes the row."""
    for who in range(4):
        write_export(tmp_path, who, [("2026-Q1", [who % 3 + 1] * 3)])
    row = find(rows_of(tmp_path, k=5, by="all"), OVERALL, "item", "a1")
    assert row["held_back"] == "Held back: fewer than 5 practitioners are behind it."
    write_export(tmp_path, 4, [("2026-Q1", [2, 2, 2])])
    row = find(rows_of(tmp_path, k=5, by="all"), OVERALL, "item", "a1")
    assert row["held_back"] == "" and abs(int(row["practitioners"]) - 5) <= 2


def test_duplicates_count_once_and_re_exports_supersede(tmp_path, capsys):
    """The same file twice counts once; a later export with more check-ins replaces one."""
    first = write_export(tmp_path, 1, [("2026-Q1", [1, 1, 1])])
    (tmp_path / "copy.toml").write_bytes(first.read_bytes())
    write_export(tmp_path, 1, [("2026-Q1", [1, 1, 1]), ("2026-Q2", [5, 5, 5])])
    for who in (2, 3):
        write_export(tmp_path, who, [("2026-Q1", [2, 2, 2])])
    result = aggregate([tmp_path])
    table = next(iter(result.tables.values()))
    assert table.periods[OVERALL].full_practitioners == 3
    assert table.periods["2026-Q1"].level_counts(0) == [0, 1, 2, 0, 0, 0, 0]
    assert len(result.notes) == 2


def test_session_files_are_refused(tmp_path, make_checkin, capsys):
    """An identified check-in file is refused with a clear line; nothing is aggregated."""
    from selfcheck.store.checkin_files import save_checkin

    path = save_checkin(tmp_path, make_checkin({"integrity-honesty": 3}))
    assert main(["aggregate", str(path)]) == 2
    assert "not an anonymous export; refused" in capsys.readouterr().err


def test_deviating_layout_falls_back_to_checked_parse(tmp_path):
    """A hand-edited but valid export (other spacing) still counts; a broken one is named."""
    path = write_export(tmp_path, 1, [("2026-Q1", [1, 2, 3])])
    path.write_bytes(path.read_bytes().replace(b"levels = [1, 2, 3]", b"levels=[1,2,3]"))
    (tmp_path / "bad.toml").write_bytes(b'format = "selfcheck-anonymous"\nformat_version = 1\n')
    result = aggregate([tmp_path])
    assert len(result.tables) == 1 and len(result.problems) == 1
    assert "bad.toml" in result.problems[0]


def _program_data(folder: Path) -> None:
    """Q1: 6 practitioners rate everything; Q2: 6 rate, but only 2 answer a2; Q3: 2 people."""
    for who in range(6):
        write_export(
            folder,
            who,
            [
                ("2026-Q1", [who % 5 + 1, 2 + who % 2, 3 + who % 3 // 2]),
                ("2026-Q2", [2 + who % 3, 4 if who < 2 else -1, 1 + who % 3]),
            ],
        )
    for who in range(6, 8):
        write_export(folder, who, [("2026-Q3", [5, 5, 5])])


def test_plot_draws_published_rows(tmp_path):
    """--plot writes a PNG; CSV goes to --out."""
    (tmp_path / "in").mkdir()
    _program_data(tmp_path / "in")
    out, png = tmp_path / "a.csv", tmp_path / "a.png"
    code = main(
        [
            "aggregate",
            str(tmp_path / "in"),
            "--min-group",
            "3",
            "--out",
            str(out),
            "--plot",
            str(png),
        ]
    )
    assert code == 0
    assert png.read_bytes().startswith(b"\x89PNG") and out.read_text().startswith("rubric_id")
