"""Disclosure rules of the perturbed aggregate, and the audit that re-runs the known attacks."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers.anonymous_exports import write_export
from helpers.paths import DATA

from selfcheck.cli import main
from selfcheck.program.disclosure import ALIKE, ALIKE_GROWTH


def publish(folder: Path, out: Path, *options: str) -> list[dict[str, str]]:
    """Run `selfcheck aggregate` as a program would and read the CSV it wrote."""
    assert main(["aggregate", str(folder), "--out", str(out), *options]) == 0
    with out.open() as handle:
        return list(csv.DictReader(handle))


def cell(rows: list[dict[str, str]], period: str, scope: str, id_: str) -> dict[str, str]:
    """The row of one period, scope and id."""
    return next(r for r in rows if (r["period"], r["scope"], r["id"]) == (period, scope, id_))


def test_a_homogeneous_group_is_held_back(tmp_path):
    """Where everyone (or all but one) gave one answer, only the reason is published."""
    (tmp_path / "in").mkdir()
    for who in range(6):
        near = 4 if who == 5 else 3
        write_export(tmp_path / "in", who, [("2026-Q1", [3, near, who // 3 * 2 + 2])])
    rows = publish(tmp_path / "in", tmp_path / "p.csv", "--min-group", "3", "--by", "all")
    for item in ("a1", "a2"):
        row = cell(rows, "all", "item", item)
        assert row["held_back"] == ALIKE
        assert row["mean"] == row["n_level_3"] == row["practitioners"] == ""
    assert cell(rows, "all", "item", "b1")["held_back"] == ""


def test_a_growth_row_where_all_but_one_changed_alike_is_held_back(tmp_path):
    """Five went up by one, one by two: the growth row says only why it is held back."""
    (tmp_path / "in").mkdir()
    for who in range(6):
        write_export(
            tmp_path / "in", who, [("2026-Q1", [2, 2, 2]), ("2026-Q2", [3, 3, 1 + who % 5])]
        )
    rows = publish(tmp_path / "in", tmp_path / "p.csv", "--min-group", "3")
    assert cell(rows, "first-to-latest", "item", "a1")["held_back"] == ALIKE_GROWTH
    assert cell(rows, "first-to-latest", "item", "b1")["held_back"] == ""


def test_the_same_people_give_the_same_figures_in_any_folder_and_order(tmp_path):
    """No state: the same exports, copied elsewhere and aggregated again, give the same CSV."""
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
    for who in range(8):
        checkins = [("2026-Q1", [who % 5 + 1, (who + 1) % 5 + 1, (who + 3) % 5 + 1])]
        write_export(tmp_path / "one", who, checkins)
        write_export(tmp_path / "two", 7 - who, [("2026-Q1", [(7 - who) % 5 + 1, 0, 0])])
    for who in range(8):
        (tmp_path / "two" / f"e{who}.toml").write_bytes(
            (tmp_path / "one" / f"e{who}.toml").read_bytes()
        )
    (tmp_path / "out").mkdir()
    first = publish(tmp_path / "one", tmp_path / "out" / "a.csv", "--min-group", "3")
    second = publish(tmp_path / "two", tmp_path / "b.csv", "--min-group", "3")
    assert first == second


def test_audit_names_what_a_hand_made_release_gives_away(tmp_path, capsys):
    """A CSV edited to show a figure in a held-back row and a growth mean of 4.00 fails the
    audit, saying in words what each gives away."""
    (tmp_path / "in").mkdir()
    for who in range(8):
        write_export(
            tmp_path / "in", who, [("2026-Q1", [who % 5 + 1, 2, 3]), ("2026-Q2", [5, 4, 3])]
        )
    out = tmp_path / "p.csv"
    rows = publish(tmp_path / "in", out, "--min-group", "3")
    assert main(["aggregate", "--audit", str(out)]) == 0
    assert "audit passed: 1 release(s)" in capsys.readouterr().out
    for row in rows:
        if (row["period"], row["id"]) == ("2026-Q1", "a2"):
            assert row["held_back"] == ALIKE
            row["practitioners"] = "8"
        if (row["period"], row["id"]) == ("first-to-latest", "a1"):
            row["mean"] = "4.00"
    naive = tmp_path / "naive.csv"
    with naive.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert main(["aggregate", "--audit", str(naive)]) == 1
    printed = capsys.readouterr().out
    assert "2026-Q1 item a2: held back, yet its figures are printed" in printed
    assert (
        "a mean change of 4.00 says every one of its practitioners changed by the most" in printed
    )
    assert "give people away; do not publish these" in printed


def test_the_audit_refuses_what_is_not_an_aggregate(tmp_path, capsys):
    """A CSV of something else is refused in one line naming the file."""
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    assert main(["aggregate", "--audit", str(other)]) == 2
    err = capsys.readouterr().err
    assert "other.csv: not an aggregate CSV selfcheck can audit" in err and "Traceback" not in err


def test_the_audit_passes_on_the_fixture_corpus(tmp_path, capsys):
    """The hostile corpus's exports aggregate, and the CSV audits clean."""
    exports = DATA / "hostile" / "exports"
    out = tmp_path / "corpus.csv"
    assert main(["aggregate", str(exports), "--min-group", "3", "--out", str(out)]) == 1
    assert main(["aggregate", "--audit", str(out)]) == 0
    assert "audit passed" in capsys.readouterr().out
