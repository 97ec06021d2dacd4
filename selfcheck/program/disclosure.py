"""Disclosure control: rows about small or alike groups held back, every other figure perturbed."""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck.program.aggregate import OVERALL, Aggregation, Grouping, period_kind
from selfcheck.program.noise import figure_key, noisy_growth_mean, perturb_count
from selfcheck.program.rows import GROWTH_PERIOD, Row, hierarchy_rows

DEFAULT_MIN_GROUP = 5
"""Fewest distinct practitioners a published row may describe, unless told otherwise."""
MIN_GROUP_RANGE = (3, 50)
"""The smallest and largest `--min-group` accepted."""
ALIKE = "Held back: all, or all but one, of its practitioners gave the same answer."
ALIKE_GROWTH = "Held back: all, or all but one, of its practitioners changed by the same amount."
PRACTITIONERS, CHECKINS, FIRST_COUNT = 0, 1, 2
"""The positions of a row's figures in its figure keys (the growth noise takes CHECKINS)."""


def too_few(min_group: int) -> str:
    """The reason of a row about fewer than K practitioners, as a sentence."""
    return f"Held back: fewer than {min_group} practitioners are behind it."


@dataclass(frozen=True)
class Published:
    """One row as published: its reason when held back, else its perturbed figures."""

    row: Row
    title: str
    held_back: str
    practitioners: int | None = None
    checkins: int | None = None
    counts: tuple[int, ...] = ()
    """Perturbed answer counts in the order of ANSWER_CODES; empty for growth and held rows."""
    mean: float | None = None
    median: float | None = None


def mean_level(counts: tuple[int, ...]) -> float | None:
    """The mean level (1-5) of published counts in ANSWER_CODES order; None when none rated."""
    rated = sum(counts[1:6])
    return sum(level * counts[level] for level in range(1, 6)) / rated if rated else None


def median_level(counts: tuple[int, ...]) -> float | None:
    """The median level of published counts in ANSWER_CODES order; None when none rated."""
    rated = sum(counts[1:6])
    if not rated:
        return None
    found = []
    for position in ((rated - 1) // 2, rated // 2):
        seen = 0
        for level in range(1, 6):
            seen += counts[level]
            if position < seen:
                found.append(level)
                break
    return sum(found) / 2


def hold_back_reason(row: Row, min_group: int) -> str:
    """Why a row is held back (a sentence), or "" when it is published."""
    if row.practitioners < min_group:
        return too_few(min_group)
    if row.alike >= row.practitioners - 1:
        return ALIKE_GROWTH if row.period == GROWTH_PERIOD else ALIKE
    return ""


def publish_row(row: Row, min_group: int, title: str = "") -> Published:
    """A row as published: held back with its reason, or every figure perturbed by its key."""
    reason = hold_back_reason(row, min_group)
    if reason:
        return Published(row, title, reason)

    def key(position: int) -> float:
        return figure_key(row.row_key, row.identity, position)

    practitioners = perturb_count(row.practitioners, key(PRACTITIONERS))
    if row.period == GROWTH_PERIOD:
        mean = noisy_growth_mean(row.change_sum, row.change_n, row.practitioners, key(CHECKINS))
        return Published(row, title, "", practitioners, mean=mean)
    counts = tuple(
        perturb_count(true, key(FIRST_COUNT + position)) for position, true in enumerate(row.counts)
    )
    # An item's check-ins are its answers: their sum is published as the sum of the perturbed
    # counts, so it tells nothing the counts do not (an independent draw would bound them).
    checkins = (
        sum(counts) if row.scope == "item" else perturb_count(row.checkins or 0, key(CHECKINS))
    )
    return Published(
        row, title, "", practitioners, checkins, counts, mean_level(counts), median_level(counts)
    )


TitleLookup = dict[tuple[str, str], dict[tuple[str, str], str]]
"""(rubric id, version) -> (scope, id) -> title, for the rubrics found on this computer."""


def in_output(row: Row, by: Grouping) -> bool:
    """Whether a `--by` output shows a row: its periods, the `all` rows, and growth."""
    return row.period in (GROWTH_PERIOD, OVERALL) or period_kind(row.period) == by


def published_rows(
    aggregation: Aggregation, by: Grouping, min_group: int, titles: TitleLookup | None = None
) -> list[Published]:
    """Every row of the `--by` output, held back or perturbed, in CSV order.

    Each row's figures depend only on its contributors and their answers, never on the other
    rows or on `--by`, so any set of outputs of the same exports agrees on every row.
    """
    titles = titles or {}
    out = []
    for rows in hierarchy_rows(aggregation):
        for row in rows:
            if in_output(row, by):
                found = titles.get((row.rubric_id, row.rubric_version), {})
                out.append(publish_row(row, min_group, found.get((row.scope, row.id), "")))
    return out
