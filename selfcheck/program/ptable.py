"""Building the perturbation tables with scipy: maximum entropy, as the sdcTools `ptable` does.

`selfcheck.program.noise` ships the tables this builds (a test rebuilds them and compares), so
`aggregate` never waits for scipy, and scipy is only in the `test` extra: a maintainer changing
the noise installs it to rebuild the tables.
"""

from __future__ import annotations

from collections.abc import Iterable

from selfcheck.program.noise import (
    ALWAYS_MOVED,
    GROWTH_DEVIATION,
    GROWTH_VARIANCE,
    MAX_DEVIATION,
    VARIANCE,
    NoiseRow,
)


def max_entropy_row(deviations: list[int], variance: float) -> NoiseRow:
    """The maximum-entropy distribution over `deviations` with mean 0 and variance near V.

    The variance is V when the deviations allow it, else the nearest reachable (found with
    scipy's linear programming); the entropy is then maximised with scipy's SLSQP.
    """
    import numpy as np
    from scipy.optimize import linprog, minimize

    values = np.array(deviations, dtype=float)
    if len(values) == 1:
        return NoiseRow(tuple(deviations), (1.0,))
    equal = np.vstack([np.ones_like(values), values])
    reach = [
        linprog(sign * values**2, A_eq=equal, b_eq=[1, 0], bounds=(0, 1), method="highs")
        for sign in (1, -1)
    ]
    low, high = reach[0].fun, -reach[1].fun
    target = min(max(variance, low), high)
    if high - low < 1e-12:
        return _rounded(deviations, reach[0].x)
    start = reach[0].x * (high - target) / (high - low) + reach[1].x * (target - low) / (high - low)

    def negative_entropy(p: np.ndarray) -> float:
        kept = np.clip(p, 1e-15, 1)
        return float(np.sum(kept * np.log(kept)))

    found = minimize(
        negative_entropy,
        start,
        method="SLSQP",
        bounds=[(0, 1)] * len(values),
        constraints=[
            {"type": "eq", "fun": lambda p: equal @ p - np.array([1.0, 0.0])},
            {"type": "eq", "fun": lambda p: p @ values**2 - target},
        ],
        options={"ftol": 1e-12, "maxiter": 500},
    )
    return _rounded(deviations, found.x if found.success else start)


def _rounded(deviations: list[int], probabilities: Iterable[float]) -> NoiseRow:
    """Probabilities to 6 decimals, summing to one (the rounding left on the deviation 0)."""
    raw = [max(0.0, float(p)) for p in probabilities]
    total = sum(raw)
    kept = [round(p / total, 6) for p in raw]
    middle = deviations.index(0) if 0 in deviations else 0
    kept[middle] = round(kept[middle] + 1 - sum(kept), 6)
    pairs = [(d, p) for d, p in zip(deviations, kept, strict=True) if p > 0]
    return NoiseRow(tuple(d for d, _ in pairs), tuple(p for _, p in pairs))


def allowed_deviations(true: int) -> list[int]:
    """The deviations a true count may take: within D, never below 0, never 0 for a 1 or 2."""
    return [
        d
        for d in range(-MAX_DEVIATION, MAX_DEVIATION + 1)
        if true + d >= 0 and not (d == 0 and true in ALWAYS_MOVED)
    ]


def build_count_table() -> tuple[NoiseRow, ...]:
    """The perturbation table for counts: a row per true count up to the first that no rule
    constrains, which serves every larger count."""
    largest = max(ALWAYS_MOVED) + 1
    return tuple(max_entropy_row(allowed_deviations(t), VARIANCE) for t in range(largest + 1))


def build_growth_noise() -> NoiseRow:
    """The noise on a growth row's sum of changes: within the growth deviation, variance set."""
    spread = list(range(-GROWTH_DEVIATION, GROWTH_DEVIATION + 1))
    return max_entropy_row(spread, GROWTH_VARIANCE)
