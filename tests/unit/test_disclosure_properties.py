"""Property tests: random programs released again and again never show a true 1 or 2 as itself,
and the same exports always give the same bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers.anonymous_exports import write_export
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfcheck.program.aggregate import aggregate
from selfcheck.program.disclosure import published_rows
from selfcheck.program.release import csv_text
from selfcheck.program.rows import hierarchy_rows

QUARTERS = [f"{year}-Q{n}" for year in (2025, 2026) for n in range(1, 5)]
LEVELS = st.sampled_from([-1, 0, 1, 2, 3, 3, 4, 4, 5, -2])

Arrivals = list[list[tuple[int, list[tuple[str, list[int]]]]]]
"""Per release: the exports (practitioner, check-ins) that arrived before it."""


@st.composite
def programs(draw: st.DrawFn) -> Arrivals:
    """Practitioners' exports as they arrive over three releases (some re-export later)."""
    quarters = QUARTERS[: draw(st.integers(1, 8))]
    arrivals: Arrivals = [[], [], []]
    for who in range(draw(st.integers(5, 60))):
        count = draw(st.integers(1, 4))
        periods = sorted(draw(st.lists(st.sampled_from(quarters), min_size=count, max_size=count)))
        checkins = [(p, [draw(LEVELS) for _ in range(3)]) for p in periods]
        first = draw(st.integers(0, 2))
        arrivals[first].append((who, checkins[: draw(st.integers(1, count))]))
        if first < 2 and draw(st.booleans()):
            arrivals[first + 1].append((who, checkins))
    return arrivals


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.sampled_from(["quarter", "year", "all"]), st.sampled_from([3, 5]))
def test_no_release_shows_a_one_or_two_and_each_is_reproducible(arrivals, by, k):
    """In every release of the sequence: no true count of 1 or 2 (practitioners, check-ins or
    an answer count) is published as itself, and aggregating again gives the same bytes."""
    with tempfile.TemporaryDirectory() as folder:
        exports = Path(folder)
        for arrived in arrivals:
            for who, checkins in arrived:
                write_export(exports, who, checkins)
            if not any(exports.iterdir()):
                continue
            result = aggregate([exports])
            rows = published_rows(result, by, k)  # type: ignore[arg-type]
            truth = {
                row.key: row for table in hierarchy_rows(aggregate([exports])) for row in table
            }
            for shown in rows:
                if shown.held_back:
                    continue
                true = truth[shown.row.key]
                pairs = [(true.practitioners, shown.practitioners)]
                pairs += [
                    (true.checkins, shown.checkins),
                    *zip(true.counts, shown.counts, strict=True),
                ]
                assert all(a != b for a, b in pairs if a in (1, 2))
            assert csv_text(rows) == csv_text(published_rows(aggregate([exports]), by, k))  # type: ignore[arg-type]
