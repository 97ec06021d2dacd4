"""The attacks on a program aggregate, each one a regression test, and the audit that names them."""

from __future__ import annotations

import csv
import hashlib
import json
import stat
from datetime import UTC, datetime
from pathlib import Path

from helpers.anonymous_exports import ITEMS, write_export
from helpers.paths import DATA

from selfcheck.cli import main
from selfcheck.program.aggregate import aggregate
from selfcheck.program.audit import audit_rows
from selfcheck.program.disclosure import COMPLEMENTARY
from selfcheck.program.rows import csv_text, hierarchy_rows, published


def publish(folder: Path, out: Path, *options: str) -> list[dict[str, str]]:
    """Run `selfcheck aggregate` as a program would and read the CSV it wrote."""
    assert main(["aggregate", str(folder), "--out", str(out), *options]) == 0
    with out.open() as handle:
        return list(csv.DictReader(handle))


def cell(rows: list[dict[str, str]], period: str, scope: str, id_: str) -> dict[str, str]:
    """The row of one period, scope and id."""
    return next(r for r in rows if (r["period"], r["scope"], r["id"]) == (period, scope, id_))


def level_sum(row: dict[str, str]) -> float | None:
    """The sum of the rated levels behind a row, when its figures are published."""
    if not row["mean"] or not row["checkins"] or not row["n_not_assessable"]:
        return None
    return float(row["mean"]) * (int(row["checkins"]) - int(row["n_not_assessable"]))


def _growth_data(folder: Path) -> dict[str, int]:
    """Six practitioners start in Q1; four end in Q2, two (a blanked group) in Q3."""
    truth = dict.fromkeys(ITEMS, 0)
    for who in range(6):
        first = [who % 4 + 1, (who + 1) % 4 + 1, (who + 2) % 4 + 1]
        last = [(who + 2) % 5 + 1, (who + 3) % 5 + 1, who % 5 + 1]
        quarter = "2026-Q2" if who < 4 else "2026-Q3"
        write_export(folder, who, [("2026-Q1", first), (quarter, last)])
        if quarter == "2026-Q3":
            for item, level in zip(ITEMS, last, strict=True):
                truth[item] += level
    return truth


def test_growth_rows_do_not_give_back_a_blanked_quarter(tmp_path):
    """Growth mean x n + the first quarter's sum - the later quarter's sum is no blanked sum."""
    (tmp_path / "in").mkdir()
    truth = _growth_data(tmp_path / "in")
    rows = publish(tmp_path / "in", tmp_path / "p.csv", "--min-group", "3")
    for item in ITEMS:
        assert cell(rows, "2026-Q3", "item", item)["suppressed"]
        growth = cell(rows, "first-to-latest", "item", item)
        parts = [level_sum(cell(rows, q, "item", item)) for q in ("2026-Q1", "2026-Q2")]
        if growth["mean"] and None not in parts:
            found = float(growth["mean"]) * int(growth["practitioners"]) + parts[0] - parts[1]
            assert round(found) != truth[item], item
        else:
            assert growth["suppressed"] == "built from a blanked period" or None in parts


def _yearly_data(folder: Path) -> None:
    """Eight practitioners in Q1 and Q2 of 2026; only two of them check in again in Q3."""
    for who in range(8):
        checkins = [
            ("2026-Q1", [who % 5 + 1, (who + 1) % 5 + 1, (who + 3) % 5 + 1]),
            ("2026-Q2", [(who + 2) % 5 + 1, (who + 4) % 5 + 1, who % 4 + 2]),
        ]
        if who < 2:
            checkins.append(("2026-Q3", [5 - who, 4, 3 + who]))
        write_export(folder, who, checkins)


def test_a_blanked_quarter_is_not_the_year_minus_the_other_quarters(tmp_path):
    """`--by quarter` and `--by year` published side by side give no blanked quarter back."""
    (tmp_path / "in").mkdir()
    _yearly_data(tmp_path / "in")
    quarters = publish(tmp_path / "in", tmp_path / "q.csv", "--min-group", "3")
    years = publish(tmp_path / "in", tmp_path / "y.csv", "--min-group", "3", "--by", "year")
    for item in ITEMS:
        blanked = cell(quarters, "2026-Q3", "item", item)
        assert blanked["suppressed"]
        year = level_sum(cell(years, "2026", "item", item))
        others = [level_sum(cell(quarters, q, "item", item)) for q in ("2026-Q1", "2026-Q2")]
        assert year is None or None in others
    together = quarters + [row for row in years if row["period"] == "2026"]
    assert audit_rows(together, 3) == []


def test_a_homogeneous_group_is_blanked_and_stays_blank(tmp_path):
    """Where everyone (or all but one) gave one level, the counts and mean are not published."""
    (tmp_path / "in").mkdir()
    for who in range(6):
        near = 4 if who == 5 else 3
        write_export(tmp_path / "in", who, [("2026-Q1", [3, near, who // 3 * 2 + 2])])
    rows = publish(tmp_path / "in", tmp_path / "p.csv", "--min-group", "3", "--by", "all")
    for item in ("a1", "a2"):
        row = cell(rows, "all", "item", item)
        assert row["suppressed"] == "homogeneous"
        assert row["mean"] == row["n_level_3"] == row["practitioners"] == ""
    assert cell(rows, "all", "value", "a")["suppressed"] in ("homogeneous", COMPLEMENTARY)
    assert cell(rows, "all", "item", "b1")["suppressed"] == ""
    assert audit_rows(rows, 3) == []


def test_small_level_counts_are_blank_and_protected(tmp_path):
    """A level chosen once or twice is blank (with another, so the row total cannot fill it)."""
    (tmp_path / "in").mkdir()
    levels = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4]
    for who, level in enumerate(levels):
        write_export(tmp_path / "in", who, [("2026-Q1", [level, 5 - level % 4, 2 + who % 3])])
    rows = publish(tmp_path / "in", tmp_path / "p.csv", "--min-group", "3", "--by", "all")
    a1 = cell(rows, "all", "item", "a1")
    assert (a1["n_level_1"], a1["n_level_2"], a1["n_level_3"], a1["n_level_4"]) == (
        "",
        "",
        "3",
        "4",
    )
    assert a1["mean"] == "" and a1["practitioners"] == "10"
    assert a1["suppressed"] == "level counts under 3 blanked"
    assert audit_rows(rows, 3) == []


def test_audit_names_what_a_naive_release_gives_away(tmp_path, capsys):
    """Blanking only the small rows (no complementary blanks): `--audit` exits 1 naming them."""
    (tmp_path / "in").mkdir()
    _yearly_data(tmp_path / "in")
    out = tmp_path / "q.csv"
    publish(tmp_path / "in", out, "--min-group", "3")
    assert main(["aggregate", "--audit", str(out), "--min-group", "3"]) == 0
    assert "audit passed" in capsys.readouterr().out
    rows = published(hierarchy_rows(aggregate([tmp_path / "in"]))[0], "quarter")
    for row in rows:
        if row.practitioners < 3:
            row.blank("fewer than 3 practitioners")
    naive = tmp_path / "naive.csv"
    naive.write_text(csv_text(rows))
    assert main(["aggregate", "--audit", str(naive), "--min-group", "3"]) == 1
    printed = capsys.readouterr().out
    assert "exposed: r 1 2026-Q3 item a1: n_level_5" in printed
    assert "do not publish it" in printed


def _five_then_more(folder: Path, late: int) -> None:
    """Five practitioners in Q1 2026; `late` more exports arrive after the first release."""
    for who in range(5 + late):
        write_export(folder, who, [("2026-Q1", [who % 5 + 1, (who + 2) % 5 + 1, 5 - who % 5])])


def test_a_late_sixth_export_is_not_shown_by_difference(tmp_path, capsys):
    """A re-run after one more export arrives publishes no row that changed by one person."""
    (tmp_path / "five").mkdir()
    _five_then_more(tmp_path / "five", 0)
    first = publish(tmp_path / "five", tmp_path / "one.csv", "--min-group", "3", "--min-count", "1")
    (tmp_path / "six").mkdir()
    _five_then_more(tmp_path / "six", 1)
    second = publish(tmp_path / "six", tmp_path / "two.csv", "--min-group", "3", "--min-count", "1")
    today = datetime.now(UTC).date().isoformat()
    published_before = [row for row in first if row["practitioners"]]
    assert len(published_before) == 10
    for row in published_before:
        later = cell(second, row["period"], row["scope"], row["id"])
        assert later == row or later["suppressed"] == (
            f"would show a change of fewer than 3 people since the release of {today}"
        )
    assert cell(second, "2026-Q1", "item", "a1")["suppressed"].startswith("would show")
    ledger = tmp_path / "selfcheck-ledger.json"
    assert "(the release ledger: keep it, privately)" in capsys.readouterr().err
    assert (
        main(
            [
                "aggregate",
                "--audit",
                str(tmp_path / "two.csv"),
                "--ledger",
                str(ledger),
                "--min-group",
                "3",
            ]
        )
        == 0
    )


def test_enough_new_people_are_published_again(tmp_path):
    """Once K or more people changed since a release, the row is published again."""
    (tmp_path / "in").mkdir()
    _five_then_more(tmp_path / "in", 0)
    publish(tmp_path / "in", tmp_path / "one.csv", "--min-group", "3", "--min-count", "1")
    _five_then_more(tmp_path / "in", 3)
    later = publish(tmp_path / "in", tmp_path / "two.csv", "--min-group", "3", "--min-count", "1")
    row = cell(later, "2026-Q1", "item", "a1")
    assert (row["suppressed"], row["practitioners"]) == ("", "8")


def test_the_ledger_is_private_and_holds_no_pseudonym(tmp_path, capsys):
    """The ledger is written 0600, holds no pseudonym in clear; `--ledger none` warns."""
    (tmp_path / "in").mkdir()
    _five_then_more(tmp_path / "in", 0)
    publish(tmp_path / "in", tmp_path / "one.csv", "--min-group", "3")
    ledger = tmp_path / "selfcheck-ledger.json"
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o600
    text = ledger.read_text()
    for who in range(5):
        assert hashlib.sha256(str(who).encode()).hexdigest() not in text
    assert json.loads(text)["format"] == "selfcheck-release-ledger"
    capsys.readouterr()
    publish(tmp_path / "in", tmp_path / "two.csv", "--ledger", "none")
    assert "warning: --ledger none" in capsys.readouterr().err


def test_the_audit_passes_on_the_fixture_corpus(tmp_path, capsys):
    """The hostile corpus's exports aggregate, and the CSV audits clean against its ledger."""
    exports = DATA / "hostile" / "exports"
    out = tmp_path / "corpus.csv"
    assert main(["aggregate", str(exports), "--min-group", "3", "--out", str(out)]) == 1
    ledger = tmp_path / "selfcheck-ledger.json"
    assert (
        main(["aggregate", "--audit", str(out), "--ledger", str(ledger), "--min-group", "3"]) == 0
    )
    assert "audit passed" in capsys.readouterr().out


def test_the_audit_refuses_what_is_not_an_aggregate(tmp_path, capsys):
    """A CSV of something else is refused in one line naming the file; a stray one unledgered."""
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n")
    assert main(["aggregate", "--audit", str(other)]) == 2
    err = capsys.readouterr().err
    assert "other.csv: not an aggregate CSV selfcheck can audit" in err and "Traceback" not in err
    (tmp_path / "in").mkdir()
    _five_then_more(tmp_path / "in", 0)
    publish(tmp_path / "in", tmp_path / "one.csv", "--min-group", "3")
    stray = tmp_path / "stray.csv"
    stray.write_text((tmp_path / "one.csv").read_text() + "\n")
    ledger = str(tmp_path / "selfcheck-ledger.json")
    assert main(["aggregate", "--audit", str(stray), "--ledger", ledger]) == 2
    assert "not a release recorded in" in capsys.readouterr().err
