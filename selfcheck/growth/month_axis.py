"""A date axis in whole months, each labelled `Jan 2026` under its middle, never with hours."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from selfcheck.growth.dates import month_words

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_MONTH_LABELS = 8
"""At most this many month labels, so they never run into each other."""
MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120)
"""Months between two labels: the first step that keeps to MAX_MONTH_LABELS is used."""
SEPARATOR = 4
"""Length in points of the marks between months; labels start below them."""
EDGE = 0.015
"""Room left and right of the months, as a share of the axis, so edge markers stay whole."""
LEAST_GAP = 0.012
"""The least room between two check-ins' points, as a share of the axis: two on one day are
two points, not one drawn over the other."""


def local_times(moments: Sequence[datetime]) -> list[datetime]:
    """The moments as wall-clock times where they happened, the way their month is read."""
    return [moment.replace(tzinfo=None) for moment in moments]


def _month_index(moment: datetime) -> int:
    return moment.year * 12 + moment.month - 1


def _month_start(index: int) -> datetime:
    return datetime(index // 12, index % 12 + 1, 1)


def month_axis(ax: Axes, moments: Sequence[datetime]) -> list[float]:
    """Lay out the x axis over the months of `moments`, and return where each moment falls.

    Every month the check-ins span gets the same room; a label names a month under its middle,
    so a single check-in, or several on one day, is labelled with its own month only; check-ins
    close in time (two on one day) stand a little apart so each is its own point.
    """
    import matplotlib.dates as mdates

    local = local_times(moments)
    first, last = _month_index(min(local)), _month_index(max(local))
    months = list(range(first, last + 1))
    step = next(
        (s for s in MONTH_STEPS if math.ceil(len(months) / s) <= MAX_MONTH_LABELS),
        MONTH_STEPS[-1],
    )
    starts = [float(mdates.date2num(_month_start(m))) for m in [*months, last + 1]]  # type: ignore[no-untyped-call]
    labelled = [k for k, month in enumerate(months) if month % step == 0] or [0]
    ax.set_xticks(
        [(starts[k] + starts[k + 1]) / 2 for k in labelled],
        [month_words(_month_start(months[k])) for k in labelled],
    )
    separators = [k for k, month in enumerate([*months, last + 1]) if step <= 4 or month % 12 == 0]
    ax.set_xticks([starts[k] for k in separators], minor=True)
    ax.tick_params(axis="x", which="major", length=0, pad=SEPARATOR + 3)
    ax.tick_params(axis="x", which="minor", length=SEPARATOR)
    span = starts[-1] - starts[0]
    places = spread([float(x) for x in mdates.date2num(local)], span * LEAST_GAP)  # type: ignore[no-untyped-call]
    ax.set_xlim(starts[0] - span * EDGE, max(starts[-1], places[-1]) + span * EDGE)
    return places


def spread(places: Sequence[float], gap: float) -> list[float]:
    """Places in order, each moved right as needed to stand at least `gap` after the one before."""
    spread_out: list[float] = []
    for place in places:
        spread_out.append(max(place, spread_out[-1] + gap) if spread_out else place)
    return spread_out
