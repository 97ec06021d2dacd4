"""`selfcheck demo --exports`: a made-up program that aggregates and audits clean, twice."""

from __future__ import annotations

import csv

from selfcheck.cli import main


def test_the_demo_program_aggregates_and_audits_clean_twice(tmp_path, capsys, monkeypatch):
    """The printed commands work as printed: both releases pass the audit against the ledger,
    the re-export replaces the earlier file, and the late exports blank the rows they change."""
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--exports", "ex"]) == 0
    printed = capsys.readouterr().out
    assert "wrote 41 demo exports to ex (one practitioner exported twice)" in printed
    commands = [line.split()[1:] for line in printed.splitlines() if line.startswith("  selfcheck")]
    assert len(commands) == 4
    for command in commands:
        assert main(command) == 0
    err = capsys.readouterr().err
    assert err.count("ex/practitioner-01.toml: superseded by ex/practitioner-01-again.toml") == 2
    with open("program.csv") as first, open("program-2.csv") as second:
        rows, later = list(csv.DictReader(first)), list(csv.DictReader(second))
    reasons = {row["suppressed"].split(":")[0] for row in rows}
    assert {"", "homogeneous", "complementary", "level counts under 3 blanked"} <= reasons
    assert any(row["suppressed"].startswith("would show a change") for row in later)


def test_the_demo_needs_an_empty_folder(tmp_path, capsys):
    """A folder that holds anything is refused in one line; nothing is written into it."""
    (tmp_path / "mine.toml").write_text("x")
    assert main(["demo", "--exports", str(tmp_path)]) == 2
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mine.toml"]
