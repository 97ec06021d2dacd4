"""The perturbation table and the cell-key lookup: bounded, unbiased noise with no state to keep.

The table follows the maximum-entropy construction of the sdcTools `ptable` package (Giessing
2016): for each true count, the probabilities of publishing it moved by -D..D that have the
largest entropy among those with mean zero (unbiased), a stated variance V, no negative result,
and a true 1 or 2 always moved (never published as itself). Where a row cannot reach V (a true 0
can only stay 0), it takes the variance nearest to V.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import cache

MAX_DEVIATION = 2
"""D: no published count is more than this far from the true count."""
VARIANCE = 1.0
"""V: the variance of the noise on every count but 0 (which stays 0: noise may not be negative
there, and it is unbiased)."""
ALWAYS_MOVED = (1, 2)
"""True counts never published as themselves."""
GROWTH_DEVIATION = 4
"""The most a growth row's sum of changes is moved (so its mean by at most this over n)."""
GROWTH_VARIANCE = 2.0
"""The variance of the noise on a growth row's sum of changes."""
KEY_BITS = 64
"""Record keys and row keys are whole numbers below 2**64; a row key is their sum modulo it."""
KEY_MODULUS = 2**KEY_BITS


@dataclass(frozen=True)
class NoiseRow:
    """The noise for one true count: each possible deviation with its probability."""

    deviations: tuple[int, ...]
    probabilities: tuple[float, ...]

    def draw(self, key: float) -> int:
        """The deviation a figure key in [0, 1) selects, by cumulative probability."""
        total = 0.0
        for deviation, probability in zip(self.deviations, self.probabilities, strict=True):
            total += probability
            if key < total:
                return deviation
        return self.deviations[-1]

    @property
    def variance(self) -> float:
        """The noise's variance (its mean is zero)."""
        return sum(p * d * d for d, p in zip(self.deviations, self.probabilities, strict=True))


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


def _rounded(deviations: list[int], probabilities: object) -> NoiseRow:
    """Probabilities to 6 decimals, summing to one, with the mean kept at zero."""
    raw = [max(0.0, float(p)) for p in probabilities]  # type: ignore[attr-defined]
    total = sum(raw)
    kept = [round(p / total, 6) for p in raw]
    kept[deviations.index(0) if 0 in deviations else 0] += round(1 - sum(kept), 6)
    pairs = [(d, p) for d, p in zip(deviations, kept, strict=True) if p > 0]
    return NoiseRow(tuple(d for d, _ in pairs), tuple(p for _, p in pairs))


def allowed_deviations(true: int) -> list[int]:
    """The deviations a true count may take: within D, never below 0, never 0 for a 1 or 2."""
    return [
        d
        for d in range(-MAX_DEVIATION, MAX_DEVIATION + 1)
        if true + d >= 0 and not (d == 0 and true in ALWAYS_MOVED)
    ]


@cache
def count_table() -> tuple[NoiseRow, ...]:
    """The perturbation table for counts: a row per true count; the last serves all larger."""
    largest = max(ALWAYS_MOVED) + MAX_DEVIATION
    return tuple(max_entropy_row(allowed_deviations(t), VARIANCE) for t in range(largest + 1))


@cache
def growth_noise() -> NoiseRow:
    """The noise on a growth row's sum of changes: within the growth deviation, variance set."""
    spread = list(range(-GROWTH_DEVIATION, GROWTH_DEVIATION + 1))
    return max_entropy_row(spread, GROWTH_VARIANCE)


def figure_key(row_key: int, row: str, position: int) -> float:
    """A figure's key in [0, 1): the row key (sum of its contributors' keys) with the row's
    identity and the figure's position, so every figure of a row has its own draw."""
    message = row_key.to_bytes(8, "big") + row.encode() + position.to_bytes(1, "big")
    digest = hashlib.blake2b(message, digest_size=8, person=b"selfcheck-cell").digest()
    return int.from_bytes(digest, "big") / KEY_MODULUS


def perturb_count(true: int, key: float) -> int:
    """A count as published: the true count moved as the table says for this figure key."""
    table = count_table()
    return true + table[min(true, len(table) - 1)].draw(key)


def possible_truths(published: int) -> set[int]:
    """Every true count the table could have published as `published`."""
    table = count_table()
    return {
        true
        for true in range(max(0, published - MAX_DEVIATION), published + MAX_DEVIATION + 1)
        if published - true in table[min(true, len(table) - 1)].deviations
    }


def contribution_key(record_key: int, answers: bytes) -> int:
    """One practitioner's key in one period: their record key with the answers they gave there,
    so a row's key changes when anyone behind it joins, leaves or changes an answer."""
    message = record_key.to_bytes(8, "big") + answers
    digest = hashlib.blake2b(message, digest_size=8, person=b"selfcheck-person").digest()
    return int.from_bytes(digest, "big")


def growth_limit(practitioners: int) -> float:
    """The largest growth mean a published row may show: below the most possible change (4),
    as at least two of its practitioners changed by less (`homogeneous` holds back the rest)."""
    return min(4 - 2 / practitioners, 3.99) if practitioners else 0.0


def noisy_growth_mean(change_sum: int, changes: int, practitioners: int, key: float) -> float:
    """A growth row's mean change as published: its sum moved by the growth noise, within the
    growth limit."""
    limit = growth_limit(practitioners)
    mean = (change_sum + growth_noise().draw(key)) / changes
    return max(-limit, min(limit, mean))


def stated_noise() -> str:
    """The perturbation in one sentence, for the summary and the chart."""
    return (
        f"Every count is perturbed: moved by at most {MAX_DEVIATION} (variance {VARIANCE:g}), "
        "never below 0, a true 1 or 2 never shown as itself; means come from the perturbed "
        "counts, and rows about fewer than K practitioners are held back."
    )


def rounded_sd() -> float:
    """The noise's standard deviation on a large count, for the words of the summary."""
    return math.sqrt(count_table()[-1].variance)
