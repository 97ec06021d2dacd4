"""Pure functions from check-ins to growth: ratings, value means, changes, summaries (no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from selfcheck.formats.rubric import Rubric
from selfcheck.formats.session import Session, complete_checkins

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
"""Eight heights for a sparkline; a gap is shown as SPARK_GAP."""
SPARK_GAP = "·"
"""Sparkline character for a check-in with nothing rated."""


@dataclass(frozen=True)
class Checkin:
    """One complete check-in as a column of the analysis."""

    session_id: str
    when: datetime
    rubric_version: str


@dataclass(frozen=True)
class Series:
    """Numbers over check-ins, with the change since the first and previous at each one.

    `changes_since_first[k]` compares check-in k with the earliest one that has a number;
    `changes_since_previous[k]` compares it with check-in k-1. Both are None where a side
    is missing, and at the first number itself.
    """

    points: tuple[float | None, ...]
    changes_since_first: tuple[float | None, ...]
    changes_since_previous: tuple[float | None, ...]

    @property
    def latest(self) -> float | None:
        """The number at the latest check-in."""
        return self.points[-1] if self.points else None

    @property
    def first(self) -> float | None:
        """The earliest number present."""
        return next((point for point in self.points if point is not None), None)

    @property
    def change_since_first(self) -> float | None:
        """Latest minus the earliest number present."""
        return self.changes_since_first[-1] if self.points else None

    @property
    def change_since_previous(self) -> float | None:
        """Latest minus the one before it."""
        return self.changes_since_previous[-1] if self.points else None


@dataclass(frozen=True)
class ItemGrowth:
    """One item's ratings over the check-ins (None: not rated, not yet assessable or absent)."""

    item_id: str
    title: str
    value_id: str | None
    series: Series
    not_assessable: tuple[bool, ...]
    discuss_latest: bool


@dataclass(frozen=True)
class ValueGrowth:
    """One value's mean per check-in over its rated items, with how many were rated."""

    value_id: str
    name: str
    series: Series
    rated: tuple[int, ...]


@dataclass(frozen=True)
class Growth:
    """Everything the trends, charts, packet and growth screen show for one rubric."""

    rubric_id: str
    rubric_title: str
    rubric_version: str
    checkins: tuple[Checkin, ...]
    values: tuple[ValueGrowth, ...]
    items: tuple[ItemGrowth, ...]
    overall: Series
    overall_rated: tuple[int, ...]
    scale_labels: tuple[str, ...]
    not_assessable_label: str

    @property
    def versions(self) -> list[str]:
        """The rubric versions rated against, in the order first used."""
        return list(dict.fromkeys(checkin.rubric_version for checkin in self.checkins))


@dataclass(frozen=True)
class Change:
    """An item or value that moved, for summaries."""

    label: str
    first: float
    latest: float
    change: float


def make_series(points: Sequence[float | None]) -> Series:
    """A series with its changes since the first number and since the previous check-in."""
    first_index = next((i for i, p in enumerate(points) if p is not None), None)
    since_first: list[float | None] = []
    since_previous: list[float | None] = []
    for index, point in enumerate(points):
        first = points[first_index] if first_index is not None else None
        if point is None or first is None or first_index is None or index <= first_index:
            since_first.append(None)
        else:
            since_first.append(point - first)
        previous = points[index - 1] if index else None
        since_previous.append(None if point is None or previous is None else point - previous)
    return Series(tuple(points), tuple(since_first), tuple(since_previous))


def _mean(ratings: list[int]) -> float | None:
    return sum(ratings) / len(ratings) if ratings else None


def overall_mean(session: Session) -> float | None:
    """The mean level of every rated item of a check-in (None when nothing is rated)."""
    return _mean([a.rating for a in session.items.values() if a.rating is not None])


def growth(sessions: Iterable[Session], rubric: Rubric) -> Growth:
    """Growth over the complete check-ins of `rubric`, matched by item id across versions.

    Labels and grouping come from `rubric` (the newest text); rated items it does not
    have are kept by id with no value, counted in the overall mean but in no value mean.
    """
    chosen = complete_checkins(sessions, rubric.id)
    checkins = tuple(Checkin(s.id, s.when, s.rubric.version) for s in chosen)
    known = [item.id for item in rubric.items]
    extra = sorted(
        {item_id for s in chosen for item_id, a in s.items.items() if a.answered} - set(known)
    )
    latest = chosen[-1] if chosen else None
    items = []
    for item_id in known + extra:
        item = rubric.item(item_id)
        value = rubric.value_of(item_id)
        answers = [s.answer(item_id) for s in chosen]
        items.append(
            ItemGrowth(
                item_id=item_id,
                title=item.title if item else item_id,
                value_id=value.id if value else None,
                series=make_series([a.rating for a in answers]),
                not_assessable=tuple(a.not_assessable for a in answers),
                discuss_latest=bool(latest and latest.answer(item_id).discuss),
            )
        )
    values = []
    for value in rubric.values:
        per_checkin = [
            [r for item in value.items if (r := s.answer(item.id).rating) is not None]
            for s in chosen
        ]
        values.append(
            ValueGrowth(
                value_id=value.id,
                name=value.name,
                series=make_series([_mean(r) for r in per_checkin]),
                rated=tuple(len(r) for r in per_checkin),
            )
        )
    overall = [[a.rating for a in s.items.values() if a.rating is not None] for s in chosen]
    return Growth(
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        rubric_version=rubric.version,
        checkins=checkins,
        values=tuple(values),
        items=tuple(items),
        overall=make_series([overall_mean(s) for s in chosen]),
        overall_rated=tuple(len(r) for r in overall),
        scale_labels=tuple(step.label for step in rubric.scale),
        not_assessable_label=rubric.not_assessable.label,
    )


def too_few_words(count: int) -> str | None:
    """Plain words when there are too few check-ins to show growth, else None."""
    if count == 0:
        return "no complete check-ins yet: growth appears after the second"
    if count == 1:
        return "one check-in so far: growth appears after the second"
    return None


def sparkline(points: Sequence[float | None], low: float = 1, high: float = 5) -> str:
    """A one-line chart of the points on a fixed scale from `low` to `high`."""
    top = len(SPARK_BLOCKS) - 1
    chars = []
    for point in points:
        if point is None:
            chars.append(SPARK_GAP)
            continue
        share = (min(max(point, low), high) - low) / (high - low)
        chars.append(SPARK_BLOCKS[round(share * top)])
    return "".join(chars)


def _changes(labelled: Iterable[tuple[str, Series]]) -> list[Change]:
    changes = [
        Change(label, first, latest, change)
        for label, series in labelled
        if (change := series.change_since_first) is not None
        and (first := series.first) is not None
        and (latest := series.latest) is not None
    ]
    return sorted(changes, key=lambda c: (-abs(c.change), c.label))


def item_changes(result: Growth) -> list[Change]:
    """Every item with a change since the first check-in, largest movement first."""
    return _changes((item.title, item.series) for item in result.items)


def value_changes(result: Growth) -> list[Change]:
    """Every value with a change since the first check-in, largest movement first."""
    return _changes((value.name, value.series) for value in result.values)


def largest_growth(result: Growth, limit: int = 3) -> list[Change]:
    """The items that grew most since the first check-in."""
    grown = [c for c in item_changes(result) if c.change > 0]
    return sorted(grown, key=lambda c: (-c.change, c.label))[:limit]


def largest_drops(result: Growth, limit: int = 3) -> list[Change]:
    """The items that dropped most since the first check-in."""
    dropped = [c for c in item_changes(result) if c.change < 0]
    return sorted(dropped, key=lambda c: (c.change, c.label))[:limit]


def discussion_items(result: Growth) -> list[ItemGrowth]:
    """The items marked for discussion at the latest check-in."""
    return [item for item in result.items if item.discuss_latest]


def signed(change: float | None, digits: int = 2) -> str:
    """A change written with its sign and `digits` decimals (`+0.50`, `-1`, `0`), or ``."""
    if change is None:
        return ""
    if abs(change) < 0.5 * 10**-digits:
        return "0"
    return f"{change:+.{digits}f}"


def summary_lines(result: Growth) -> list[str]:
    """A plain-language summary: largest growth, largest drops, items marked for discussion."""
    words = too_few_words(len(result.checkins))
    lines = [words[0].upper() + words[1:] + "."] if words else []
    if not words:
        grown = largest_growth(result)
        dropped = largest_drops(result)
        lines.append(
            "Largest growth since the first check-in: "
            + ("; ".join(_change_words(c) for c in grown) if grown else "none yet")
            + "."
        )
        lines.append(
            "Largest drops since the first check-in: "
            + ("; ".join(_change_words(c) for c in dropped) if dropped else "none")
            + "."
        )
    discuss = discussion_items(result)
    if result.checkins:
        lines.append(
            "Marked for discussion at the latest check-in: "
            + (", ".join(item.title for item in discuss) if discuss else "none")
            + "."
        )
    return lines


def _change_words(change: Change) -> str:
    return f"{change.label} ({change.first:g} to {change.latest:g}, {signed(change.change, 0)})"
