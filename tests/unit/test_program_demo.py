"""`selfcheck demo --exports`: a made-up program whose aggregate is worth reading, and safe."""

from __future__ import annotations

import csv
from pathlib import Path

from selfcheck.cli import main
from selfcheck.program.aggregate import aggregate
from selfcheck.program.rows import GROWTH_PERIOD, Row, hierarchy_rows


def true_mean(row: Row) -> float:
    """A row's true mean level, or mean change for growth rows."""
    if row.period == GROWTH_PERIOD:
        return row.change_sum / row.change_n
    rated = sum(row.counts[1:6])
    return sum(level * row.counts[level] for level in range(1, 6)) / rated


def test_the_demo_program_is_worth_reading(tmp_path, capsys, monkeypatch):
    """At least 80% of the item rows of `all`, the value rows of each year and the item growth
    rows publish a mean, each within 0.25 of the true mean."""
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--exports", "ex"]) == 0
    assert main(["aggregate", "ex", "--by", "year", "--out", "program.csv"]) == 0
    with open("program.csv") as handle:
        published = {(r["period"], r["scope"], r["id"]): r for r in csv.DictReader(handle)}
    truth = {row.key: row for row in hierarchy_rows(aggregate([Path("ex")]))[0]}
    groups = {
        "all items": [k for k in truth if k[0] == "all" and k[1] == "item"],
        "year values": [k for k in truth if len(k[0]) == 4 and k[1] == "value"],
        "growth items": [k for k in truth if k[0] == GROWTH_PERIOD and k[1] == "item"],
    }
    for name, keys in groups.items():
        close = [
            key
            for key in keys
            if published[key]["mean"]
            and abs(float(published[key]["mean"]) - true_mean(truth[key])) <= 0.25
        ]
        assert len(close) >= 0.8 * len(keys), name
    assert {"2026", "2027"} <= {key[0] for key in groups["year values"]}


def test_the_printed_commands_work_and_end_with_a_summary(tmp_path, capsys, monkeypatch):
    """The commands the demo prints run as printed; each aggregate ends with its summary, and
    the audit of both releases together finds nothing an attacker could be sure of."""
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--exports", "ex"]) == 0
    printed = capsys.readouterr().out
    assert "wrote 41 demo exports to ex (one practitioner exported twice)" in printed
    commands = [line.split()[1:] for line in printed.splitlines() if line.startswith("  selfcheck")]
    assert len(commands) == 3
    for command in commands:
        assert main(command) == 0
    out, err = capsys.readouterr()
    assert err.count("ex/practitioner-01.toml: superseded by ex/practitioner-01-again.toml") == 2
    assert out.count("Every count is perturbed: moved by at most 2") == 2
    summary = out.splitlines()[0]
    assert summary.startswith("published ") and " rows; held back " in summary
    assert "audit passed: 2 release(s) together" in out


def test_the_demo_needs_an_empty_folder(tmp_path, capsys):
    """A folder that holds anything is refused in one line; nothing is written into it."""
    (tmp_path / "mine.toml").write_text("x")
    assert main(["demo", "--exports", str(tmp_path)]) == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mine.toml"]
