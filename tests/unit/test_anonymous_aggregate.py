"""Aggregation: hand-checked numbers, small-cell and complementary suppression, duplicates."""

from __future__ import annotations

import csv
import hashlib
import io
from fractions import Fraction
from pathlib import Path

from selfcheck.cli import main
from selfcheck.program.aggregate import OVERALL, aggregate
from selfcheck.program.export import AnonymousCheckin, AnonymousExport, export_bytes
from selfcheck.program.release import protected_rows
from selfcheck.program.rows import csv_text, hierarchy_rows, published

ITEMS = ["a1", "a2", "b1"]
VALUES = ["a", "a", "b"]
FIGURES = [
    "checkins",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_level_5",
    "n_not_assessable",
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


def rows_of(folder: Path, k: int = 3, by: str = "quarter") -> list[dict[str, str]]:
    text = csv_text(protected_rows(aggregate([folder]), by, k, 1))  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(text)))


def find(rows, period, scope, id_):
    return next(r for r in rows if (r["period"], r["scope"], r["id"]) == (period, scope, id_))


def test_numbers_match_hand_computation(tmp_path):
    """Counts, mean, median and growth of a small program, worked out by hand."""
    write_export(tmp_path, 1, [("2026-Q1", [1, 2, 5]), ("2026-Q2", [3, 2, 5])])
    write_export(tmp_path, 2, [("2026-Q1", [2, 0, 4])])
    write_export(tmp_path, 3, [("2026-Q1", [4, 4, -1]), ("2026-Q1", [5, 4, 3])])
    rows = rows_of(tmp_path, k=3)
    a1 = find(rows, "2026-Q1", "item", "a1")
    assert (a1["practitioners"], a1["checkins"], a1["mean"], a1["median"]) == (
        "3",
        "4",
        "3.00",
        "3",
    )
    assert [a1[f"n_level_{n}"] for n in range(1, 6)] == ["1", "1", "0", "1", "1"]
    a = find(rows, "2026-Q1", "value", "a")
    assert a["n_not_assessable"] == "1" and a["n_level_4"] == "3" and a["checkins"] == "4"
    b1 = find(rows, "2026-Q1", "item", "b1")
    assert (b1["practitioners"], b1["checkins"], b1["median"]) == ("3", "3", "4")
    assert find(rows, "2026-Q2", "item", "a1")["suppressed"] == "fewer than 3 practitioners"
    assert find(rows, OVERALL, "item", "a1")["suppressed"].startswith("complementary")
    # Growth: a1 changes 1->3 (practitioner 1) and 4->5 (practitioner 3): fewer than 3.
    assert find(rows, "first-to-latest", "item", "a1")["suppressed"]


def test_growth_mean_change(tmp_path):
    """Mean first-to-latest change over practitioners with two levels of the item."""
    for who, (first, last) in enumerate([(1, 3), (2, 2), (5, 4)]):
        write_export(tmp_path, who, [("2026-Q1", [first, 0, 1]), ("2026-Q3", [last, 0, 2])])
    growth = find(rows_of(tmp_path), "first-to-latest", "item", "a1")
    assert (growth["practitioners"], growth["mean"]) == ("3", "0.33")
    assert find(rows_of(tmp_path), "first-to-latest", "value", "a")["mean"] == "0.33"


def test_group_just_under_and_at_k(tmp_path):
    """Four practitioners are blanked at K=5; the fifth publishes the row."""
    for who in range(4):
        write_export(tmp_path, who, [("2026-Q1", [who % 3 + 1] * 3)])
    row = find(rows_of(tmp_path, k=5, by="all"), OVERALL, "item", "a1")
    assert row["suppressed"] == "fewer than 5 practitioners"
    assert all(row[f] == "" for f in ["practitioners", "mean", "median", *FIGURES])
    write_export(tmp_path, 4, [("2026-Q1", [2, 2, 2])])
    row = find(rows_of(tmp_path, k=5, by="all"), OVERALL, "item", "a1")
    assert (row["suppressed"], row["practitioners"], row["n_level_2"]) == ("", "5", "2")


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
    assert table.periods["2026-Q1"].level_counts(0) == [0, 1, 2, 0, 0, 0]
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


def recoverable(rows: list[dict[str, str]], figure: str) -> list[tuple[str, str, str]]:
    """Every suppressed row whose `figure` the published totals pin down exactly.

    Builds each additive equation (a value over its items per period, the overall row over
    the periods), substitutes the published figures, and checks by exact elimination whether
    a suppressed unknown lies in the span of the equations.
    """
    key = lambda r: (r["period"], r["scope"], r["id"])  # noqa: E731
    table = {key(r): r for r in rows if r["period"] != "first-to-latest"}
    unknowns = sorted(k for k, r in table.items() if r["suppressed"])
    index = {k: i for i, k in enumerate(unknowns)}
    item_value = dict(zip(ITEMS, VALUES, strict=True))
    periods = {k[0] for k in table} - {OVERALL}
    equations: list[tuple[tuple[str, str, str], list[tuple[str, str, str]]]] = []
    for period in periods | {OVERALL}:
        for value in set(VALUES):
            parts = [(period, "item", i) for i, v in item_value.items() if v == value]
            equations.append(((period, "value", value), parts))
    if periods and any(k[0] == OVERALL for k in table):
        for scope, id_ in {(k[1], k[2]) for k in table}:
            equations.append(((OVERALL, scope, id_), [(p, scope, id_) for p in periods]))
    matrix = []
    for total, parts in equations:
        row = [Fraction(0)] * (len(unknowns) + 1)
        for cell, sign in [(total, 1), *((p, -1) for p in parts)]:
            if cell not in table:
                continue
            if cell in index:
                row[index[cell]] += sign
            else:
                row[-1] -= sign * int(table[cell][figure] or 0)
        matrix.append(row)

    def rank(rows_):
        m = [r[:-1] for r in rows_]
        r_ = 0
        for c in range(len(unknowns)):
            pivot = next((i for i in range(r_, len(m)) if m[i][c]), None)
            if pivot is None:
                continue
            m[r_], m[pivot] = m[pivot], m[r_]
            for i in range(len(m)):
                if i != r_ and m[i][c]:
                    f = m[i][c] / m[r_][c]
                    m[i] = [a - f * b for a, b in zip(m[i], m[r_], strict=True)]
            r_ += 1
        return r_

    base = rank(matrix)
    found = []
    for cell, i in index.items():
        probe = [Fraction(0)] * (len(unknowns) + 1)
        probe[i] = Fraction(1)
        if rank([*matrix, probe]) == base:
            found.append(cell)
    return found


def _attack_data(folder: Path) -> None:
    # Q1: 6 practitioners rate everything; Q2: 6 rate, but only 2 answer a2; Q3: 2 people.
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


def test_subtraction_attack_recovers_nothing(tmp_path):
    """No suppressed figure follows from published totals, by any linear combination."""
    _attack_data(tmp_path)
    rows = rows_of(tmp_path, k=3)
    assert find(rows, "2026-Q2", "item", "a2")["suppressed"].startswith("fewer")
    assert find(rows, "2026-Q2", "item", "a1")["suppressed"] == ""
    assert find(rows, "2026-Q3", "item", "a1")["suppressed"].startswith("fewer")
    for figure in FIGURES:
        assert recoverable(rows, figure) == []


def test_attack_would_succeed_without_complementary_suppression(tmp_path):
    """The audit is real: blanking only the small rows lets subtraction recover them."""
    _attack_data(tmp_path)
    truth = rows_of(tmp_path, k=3)
    naive = [
        dict(r, suppressed="") if r["suppressed"].startswith("complementary") else r for r in truth
    ]
    full = {
        (r["period"], r["scope"], r["id"]): r
        for r in csv.DictReader(
            io.StringIO(csv_text(published(hierarchy_rows(aggregate([tmp_path]))[0], "quarter")))
        )
    }
    naive = [full[(r["period"], r["scope"], r["id"])] if not r["suppressed"] else r for r in naive]
    assert ("2026-Q2", "item", "a2") in recoverable(naive, "n_level_4")


def test_plot_draws_published_rows(tmp_path):
    """--plot writes a PNG; CSV goes to --out."""
    (tmp_path / "in").mkdir()
    _attack_data(tmp_path / "in")
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
