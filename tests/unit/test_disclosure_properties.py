"""Property tests: random programs, released again and again through one ledger, never expose."""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers.anonymous_exports import write_export
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from selfcheck.cli import main

QUARTERS = [f"{year}-Q{n}" for year in (2025, 2026) for n in range(1, 5)]
LEVELS = st.sampled_from([-1, 0, 1, 2, 3, 3, 4, 4, 5])


Arrivals = list[list[tuple[int, list[tuple[str, list[int]]]]]]
"""Per release: the exports (practitioner, check-ins) that arrived before it."""


@st.composite
def programs(draw: st.DrawFn) -> tuple[Arrivals, list[str]]:
    """Practitioners' exports as they arrive over three releases, and each release's `--by`."""
    quarters = QUARTERS[: draw(st.integers(1, 8))]
    people = draw(st.integers(3, 60))
    arrivals: Arrivals = [[], [], []]
    for who in range(people):
        count = draw(st.integers(1, 4))
        periods = sorted(draw(st.lists(st.sampled_from(quarters), min_size=count, max_size=count)))
        checkins = [(p, [draw(LEVELS) for _ in range(3)]) for p in periods]
        first = draw(st.integers(0, 2))
        late = draw(st.integers(0, count - 1)) if count > 1 and draw(st.booleans()) else count
        arrivals[first].append((who, checkins[:late] if late else checkins))
        if late < count and first < 2:
            arrivals[first + 1].append((who, checkins))
    bys = draw(st.lists(st.sampled_from(["quarter", "year", "all"]), min_size=3, max_size=3))
    return arrivals, bys


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.sampled_from([3, 5]))
@example(  # two years holding one check-in each are two different practitioners' shapes
    (
        [
            [
                (0, [("2025-Q1", [-1, -1, -1])]),
                (1, [("2025-Q1", [-1, -1, -1]), ("2026-Q1", [-1, -1, 0])]),
                (2, [("2025-Q1", [-1, -1, 0])]),
            ],
            [],
            [],
        ],
        ["quarter", "quarter", "quarter"],
    ),
    3,
)
def test_no_release_in_a_sequence_exposes_a_cell(program, k):
    """Each release audits clean on its own and against the ledger of the ones before it."""
    arrivals, bys = program
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        exports = root / "exports"
        exports.mkdir()
        ledger = root / "ledger.json"
        for release, (arrived, by) in enumerate(zip(arrivals, bys, strict=True)):
            for who, checkins in arrived:
                write_export(exports, who, checkins)
            if not any(exports.iterdir()):
                continue
            out = root / f"release-{release}.csv"
            options = ["--min-group", str(k), "--by", by, "--ledger", str(ledger)]
            assert main(["aggregate", str(exports), "--out", str(out), *options]) == 0
            audit = ["aggregate", "--audit", str(out), "--min-group", str(k)]
            assert main([*audit, "--ledger", str(ledger)]) == 0
