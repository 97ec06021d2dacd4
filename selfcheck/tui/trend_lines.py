"""Trend lines two rows tall for the growth screen: fine enough to tell half steps apart."""

from __future__ import annotations

import math
from collections.abc import Sequence
from string import ascii_uppercase

from selfcheck.growth.words import SPARK_BLOCKS, SPARK_GAP

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


def same_trend_groups(lines: Sequence[TrendLine]) -> list[list[int]]:
    """Positions of the lines that look the same, in order, leaving out lines with no bar."""
    groups: dict[TrendLine, list[int]] = {}
    for index, line in enumerate(lines):
        if line[1].strip(SPARK_GAP):
            groups.setdefault(line, []).append(index)
    return [indices for indices in groups.values() if len(indices) > 1]


def every_line_alike(groups: Sequence[Sequence[int]], count: int) -> bool:
    """Whether all `count` lines (more than one) are one group: then words say it, not marks."""
    return count > 1 and len(groups) == 1 and len(groups[0]) == count


def same_trend_marks(groups: Sequence[Sequence[int]], count: int) -> list[str]:
    """A mark per line: "=A" on every line of the first group, "=B" on the second, else ""."""
    marks = [""] * count
    if not every_line_alike(groups, count):
        for letter, indices in zip(ascii_uppercase, groups, strict=False):
            for index in indices:
                marks[index] = f"={letter}"
    return marks


def same_trend_words(groups: Sequence[Sequence[int]], count: int) -> str:
    """A sentence on which lines share a trend line, or "" when none do."""
    if every_line_alike(groups, count):
        return "Every value has the same trend line."
    if groups:
        return "Values with the same mark (=A) have the same trend line."
    return ""
