"""The perturbation table: built with scipy by maximum entropy, shipped as constants."""

from __future__ import annotations

import pytest

from selfcheck.program.noise import COUNT_TABLE, GROWTH_NOISE, possible_truths
from selfcheck.program.ptable import build_count_table, build_growth_noise


def test_the_shipped_tables_are_the_maximum_entropy_tables():
    """scipy rebuilds exactly the tables `aggregate` uses (to their 6 decimals)."""
    for shipped, built in zip(COUNT_TABLE, build_count_table(), strict=True):
        assert shipped.deviations == built.deviations
        assert shipped.probabilities == pytest.approx(built.probabilities, abs=2e-6)
    growth = build_growth_noise()
    assert GROWTH_NOISE.probabilities == pytest.approx(growth.probabilities, abs=2e-6)


def test_the_table_is_unbiased_bounded_and_never_shows_a_one_or_two():
    """Every row: mean 0, within 2, never negative, a true 1 or 2 always moved, variance 1 where
    reachable; a published count stands for at least two true counts, except 0 for 0."""
    for true, row in enumerate(COUNT_TABLE):
        pairs = list(zip(row.deviations, row.probabilities, strict=True))
        assert abs(sum(p * d for d, p in pairs)) < 1e-5 and sum(row.probabilities) == pytest.approx(
            1
        )
        assert max(map(abs, row.deviations)) <= 2 and all(true + d >= 0 for d in row.deviations)
        assert (0 in row.deviations) == (true not in (1, 2))
        assert true == 0 or abs(row.variance - 1) < 1e-3
    assert all(len(possible_truths(shown)) >= 2 for shown in range(1, 40))
    assert sum(
        d * p for d, p in zip(GROWTH_NOISE.deviations, GROWTH_NOISE.probabilities, strict=True)
    ) == pytest.approx(0)
