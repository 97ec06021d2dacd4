"""The perturbation table and the cell-key lookup: bounded, unbiased noise with no state to keep.

The table (built by `selfcheck.program.ptable`, shipped here so no run waits for scipy) follows
the maximum-entropy construction of the sdcTools `ptable` package (Giessing 2016): for each
true count, the probabilities of moving it by -D..D with the largest entropy among those with
mean zero (unbiased), variance V, no negative result, and a true 1 or 2 always moved (never
published as itself). A true 0 can only stay 0 (its variance cannot reach V).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

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
KEY_MODULUS: int = 2**KEY_BITS
"""The modulus of key sums."""


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


COUNT_TABLE = (
    NoiseRow((0,), (1.0,)),
    NoiseRow((-1, 1), (0.5, 0.5)),
    NoiseRow((-1, 1), (0.5, 0.5)),
    NoiseRow((-2, -1, 0, 1, 2), (0.063827, 0.244691, 0.382964, 0.244691, 0.063827)),
)
"""The perturbation table for counts: a row per true count 0, 1, 2; the last serves every
larger count. Built by `selfcheck.program.ptable` with scipy (a test rebuilds and compares)."""
GROWTH_NOISE = NoiseRow(
    (-4, -3, -2, -1, 0, 1, 2, 3, 4),
    (0.005449, 0.030552, 0.104677, 0.219148, 0.280348, 0.219148, 0.104677, 0.030552, 0.005449),
)
"""The noise on a growth row's sum of changes, built the same way."""


def figure_key(row_key: int, row: str, position: int) -> float:
    """A figure's key in [0, 1): the row key (sum of its contributors' keys) with the row's
    identity and the figure's position, so every figure of a row has its own draw."""
    message = row_key.to_bytes(8, "big") + row.encode() + position.to_bytes(1, "big")
    digest = hashlib.blake2b(message, digest_size=8, person=b"selfcheck-cell").digest()
    return int.from_bytes(digest, "big") / KEY_MODULUS


def perturb_count(true: int, key: float) -> int:
    """A count as published: the true count moved as the table says for this figure key."""
    return true + COUNT_TABLE[min(true, len(COUNT_TABLE) - 1)].draw(key)


def possible_truths(published: int) -> set[int]:
    """Every true count the table could have published as `published`."""
    return {
        true
        for true in range(max(0, published - MAX_DEVIATION), published + MAX_DEVIATION + 1)
        if published - true in COUNT_TABLE[min(true, len(COUNT_TABLE) - 1)].deviations
    }


def contribution_key(record_key: int, answers: bytes) -> int:
    """One check-in's key: its practitioner's record key with the answers it gave. A
    practitioner's key in a period is the sum of their check-ins' keys there, so a row's key
    changes when anyone behind it joins, leaves or changes an answer."""
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
    mean = (change_sum + GROWTH_NOISE.draw(key)) / changes
    return max(-limit, min(limit, mean))


def stated_noise() -> str:
    """The perturbation in one sentence, for the summary and the chart."""
    return (
        f"Every count is perturbed: moved by at most {MAX_DEVIATION} (variance {VARIANCE:g}), "
        "never below 0, a true 1 or 2 never shown as itself; means come from the perturbed "
        "counts."
    )
