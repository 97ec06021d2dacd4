"""Trend lines two rows tall for the growth screen: fine enough to tell half steps apart."""

from __future__ import annotations

import math
from collections.abc import Sequence

from selfcheck.growth.analysis import SPARK_BLOCKS, SPARK_GAP

TALL_STEPS = 2 * len(SPARK_BLOCKS)
"""Heights a two-row bar can take: eighths of a cell, two cells high (a half step is two)."""

TrendLine = tuple[str, str]
"""A trend line's top row and bottom row, one character per check-in."""


def tall_sparkline(points: Sequence[float | None], low: float = 1, high: float = 5) -> TrendLine:
    """A bar per point, two rows high on the fixed scale; means 0.5 apart never look alike."""
    top, bottom = [], []
    for point in points:
        if point is None:
            top.append(" ")
            bottom.append(SPARK_GAP)
            continue
        share = (min(max(point, low), high) - low) / (high - low)
        # Rounded half up, and at least one eighth so the lowest level still shows a bar.
        eighths = max(1, math.floor(share * TALL_STEPS + 0.5))
        lower, upper = min(eighths, len(SPARK_BLOCKS)), eighths - len(SPARK_BLOCKS)
        bottom.append(SPARK_BLOCKS[lower - 1])
        top.append(SPARK_BLOCKS[upper - 1] if upper > 0 else " ")
    return "".join(top), "".join(bottom)


def same_trend_groups(lines: Sequence[tuple[str, TrendLine]]) -> list[list[str]]:
    """Names whose trend lines look the same, in order, leaving out lines with no bar at all."""
    groups: dict[TrendLine, list[str]] = {}
    for name, line in lines:
        if line[1].strip(SPARK_GAP):
            groups.setdefault(line, []).append(name)
    return [names for names in groups.values() if len(names) > 1]


def same_trend_words(groups: Sequence[Sequence[str]]) -> str:
    """A sentence naming the values that share a trend line, or "" when none do."""
    sentences = []
    for names in groups:
        listed = f"{', '.join(names[:-1])} and {names[-1]}"
        sentences.append(f"{listed} have the same trend line.")
    return " ".join(sentences)
