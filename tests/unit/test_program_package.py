"""`datapackage.json` beside the aggregate CSV: a Frictionless package that validates the CSV."""

from __future__ import annotations

import json

import pytest
from helpers.anonymous_exports import write_export

from selfcheck.cli import main
from selfcheck.program.noise import MAX_DEVIATION, VARIANCE


def test_the_data_package_describes_and_validates_the_csv(tmp_path):
    """The package names the CSV, types every column, states the noise, and frictionless finds
    the pair valid (held-back rows' empty figures are the stated missing values)."""
    frictionless = pytest.importorskip("frictionless", reason="frictionless is a test extra")
    (tmp_path / "in").mkdir()
    for who in range(9):
        levels = [who % 5 + 1, (who + 2) % 5 + 1, 2 + who % 3]
        checkins = [("2026-Q1", levels), ("2026-Q2", [min(5, n + 1) for n in levels])]
        write_export(tmp_path / "in", who, checkins[: 1 + who % 2])
    out = tmp_path / "out" / "program.csv"
    assert main(["aggregate", str(tmp_path / "in"), "--out", str(out)]) == 0
    package = json.loads((out.parent / "datapackage.json").read_text())
    (resource,) = package["resources"]
    assert resource["path"] == "program.csv"
    types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
    assert types["n_level_3"] == "integer" and types["mean"] == "number"
    assert all(field["description"] for field in resource["schema"]["fields"])
    noise = package["perturbation"]
    assert (noise["max_deviation"], noise["variance"], noise["min_group"]) == (
        MAX_DEVIATION,
        VARIANCE,
        5,
    )
    assert "Held back" in out.read_text()
    report = frictionless.validate(out.parent / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
