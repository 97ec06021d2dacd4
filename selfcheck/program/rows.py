"""The rows of a program aggregate: every period of the hierarchy, growth, and the CSV text."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from selfcheck.program.aggregate import (
    OVERALL,
    Aggregation,
    Grouping,
    PeriodCounts,
    RubricTable,
    period_kind,
)
from selfcheck.program.export_reading import RubricLayout

GROWTH_PERIOD = "first-to-latest"
"""The period label of growth rows: each practitioner's change from first to latest check-in."""
CSV_COLUMNS = (
    "rubric_id",
    "rubric_version",
    "period",
    "scope",
    "id",
    "practitioners",
    "checkins",
    "mean",
    "median",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_level_5",
    "n_not_assessable",
    "suppressed",
)
"""The columns of the aggregate CSV, in order."""
COUNT_COLUMNS = (
    "n_not_assessable",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_level_5",
)
"""The level-count columns in the order of `Row.counts`: not yet assessable, then 1 to 5."""


@dataclass
class Row:
    """One row of the hierarchy (a period or growth, of one value or item), published or not."""

    rubric_id: str
    rubric_version: str
    period: str
    scope: str
    id: str
    practitioners: int
    checkins: int | None
    counts: list[int]
    """Not yet assessable first, then levels 1 to 5; empty for growth rows."""
    change_sum: int = 0
    """Growth rows: the sum of first-to-latest changes."""
    change_n: int = 0
    """Growth rows: how many changes that sum holds (a value's: over its items)."""
    members: tuple[str, ...] = ()
    """Value rows: the ids of the value's items."""
    alike: int = 0
    """The most practitioners of the row who all gave one and the same level (never published)."""
    sources: frozenset[str] = frozenset()
    """Growth item rows: the quarters holding a first or latest level behind them."""
    blanked: bool = False
    """Every figure of the row is blank."""
    hidden: set[int] = field(default_factory=set)
    """Positions in `counts` shown blank in a row that is otherwise published."""
    suppressed: str = ""
    """Why the row, or some of its figures, are blank; empty when all is published."""

    @property
    def key(self) -> tuple[str, str, str]:
        """The row's place in its rubric's table: period, scope and id."""
        return self.period, self.scope, self.id

    @property
    def mean(self) -> float | None:
        """The mean level (growth rows: the mean change), None when nothing was rated."""
        if not self.counts:
            return self.change_sum / self.change_n if self.change_n else None
        rated = sum(self.counts[1:])
        return (
            sum(level * n for level, n in enumerate(self.counts) if level) / rated
            if rated
            else None
        )

    @property
    def median(self) -> float | None:
        """The median level from the counts, None when nothing was rated or for growth rows."""
        rated = sum(self.counts[1:]) if self.counts else 0
        if not rated:
            return None
        middle = [(rated - 1) // 2, rated // 2]
        found = []
        for position in middle:
            seen = 0
            for level in range(1, 6):
                seen += self.counts[level]
                if position < seen:
                    found.append(level)
                    break
        return sum(found) / 2

    def blank(self, reason: str) -> None:
        """Blank every figure of the row, saying why."""
        self.blanked, self.suppressed = True, reason

    def csv_fields(self) -> list[str]:
        """The row's CSV fields, blank wherever it is suppressed."""
        head = [self.rubric_id, self.rubric_version, self.period, self.scope, self.id]
        if self.blanked:
            return [*head, *([""] * (len(CSV_COLUMNS) - 6)), self.suppressed]
        mean, median = (None, None) if self.hidden else (self.mean, self.median)
        shown = [
            "" if position in self.hidden or not self.counts else str(self.counts[position])
            for position in (1, 2, 3, 4, 5, 0)
        ]
        return [
            *head,
            str(self.practitioners),
            "" if self.checkins is None else str(self.checkins),
            "" if mean is None else f"{mean + 0.0:.2f}".replace("-0.00", "0.00"),
            "" if median is None else f"{median:g}",
            *shown,
            self.suppressed,
        ]


def _period_rows(table: RubricTable, version: str, label: str, counts: PeriodCounts) -> list[Row]:
    """Value and item rows of one period, in rubric order."""
    layout, rows = table.layout, []
    width = len(layout.items)
    for value, (value_id, members) in enumerate(
        zip(table.value_ids, table.value_members, strict=True)
    ):
        item_rows = []
        for i in members:
            levels = counts.level_counts(i)
            who = counts.item_practitioners[i] + counts.full_practitioners
            if who:
                item_rows.append(
                    Row(
                        layout.rubric_id,
                        version,
                        label,
                        "item",
                        layout.items[i],
                        who,
                        sum(levels),
                        levels,
                        alike=counts.most_alike(i),
                    )
                )
        who = counts.value_practitioners[value] + counts.full_practitioners
        if who:
            levels = [sum(row.counts[level] for row in item_rows) for level in range(6)]
            rows.append(
                Row(
                    layout.rubric_id,
                    version,
                    label,
                    "value",
                    value_id,
                    who,
                    counts.value_checkins[value] + counts.full_checkins,
                    levels,
                    members=tuple(layout.items[i] for i in members),
                    alike=counts.most_alike(width + value),
                )
            )
        rows.extend(item_rows)
    return rows


def _growth_rows(table: RubricTable, version: str) -> list[Row]:
    growth, layout, rows = table.growth, table.layout, []
    for value, (value_id, members) in enumerate(
        zip(table.value_ids, table.value_members, strict=True)
    ):
        item_rows = [
            Row(
                layout.rubric_id,
                version,
                GROWTH_PERIOD,
                "item",
                layout.items[i],
                growth.item_n[i],
                None,
                [],
                growth.item_sum[i],
                growth.item_n[i],
                sources=frozenset(growth.source_quarters(i)),
            )
            for i in members
            if growth.item_n[i]
        ]
        if growth.value_n[value]:
            rows.append(
                Row(
                    layout.rubric_id,
                    version,
                    GROWTH_PERIOD,
                    "value",
                    value_id,
                    growth.value_n[value],
                    None,
                    [],
                    sum(row.change_sum for row in item_rows),
                    sum(row.change_n for row in item_rows),
                    members=tuple(layout.items[i] for i in members),
                )
            )
        rows.extend(item_rows)
    return rows


def _period_order(label: str) -> tuple[int, str]:
    return {"quarter": 0, "year": 1, "all": 2}[period_kind(label)], label


def rubric_labels(aggregation: Aggregation) -> dict[RubricLayout, tuple[str, str]]:
    """Each rubric layout's id and version as the CSV shows them, in CSV order.

    An item list differing under the same id and version is shown as version `X+variant-2`.
    """
    labels = {}
    variants: dict[tuple[str, str], int] = {}
    for layout in sorted(
        aggregation.tables,
        key=lambda lay: (lay.rubric_id, lay.rubric_version, lay.items, lay.values),
    ):
        key = (layout.rubric_id, layout.rubric_version)
        variants[key] = variants.get(key, 0) + 1
        suffix = f"+variant-{variants[key]}" if variants[key] > 1 else ""
        labels[layout] = (layout.rubric_id, layout.rubric_version + suffix)
    return labels


def hierarchy_rows(aggregation: Aggregation) -> list[list[Row]]:
    """Per rubric: the rows of every quarter, year and `all`, then growth, none suppressed."""
    tables = []
    for layout, (_, version) in rubric_labels(aggregation).items():
        table = aggregation.tables[layout]
        table.sum_quarters()
        group: list[Row] = []
        for label in sorted(table.periods, key=_period_order):
            group += _period_rows(table, version, label, table.periods[label])
        tables.append(group + _growth_rows(table, version))
    return tables


def published(rows: list[Row], by: Grouping) -> list[Row]:
    """The rows a `--by` output shows: its periods, the `all` rows, and growth."""
    return [
        row
        for row in rows
        if row.period == GROWTH_PERIOD or row.period == OVERALL or period_kind(row.period) == by
    ]


def csv_text(rows: list[Row]) -> str:
    """The aggregate as CSV text with a header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(row.csv_fields() for row in rows)
    return out.getvalue()
