"""Aggregate rows with disclosure control: small groups and every total over them are blanked."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import partial

from selfcheck.program.aggregate import OVERALL, Aggregation, PeriodCounts, RubricTable

DEFAULT_MIN_GROUP = 5
"""Fewest distinct practitioners a published row may describe, unless told otherwise."""
MIN_GROUP_RANGE = (3, 50)
"""The smallest and largest `--min-group` accepted."""
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


@dataclass
class Row:
    """One published (or blanked) row: a period (or growth) of one value or item."""

    rubric_id: str
    rubric_version: str
    period: str
    scope: str
    id: str
    practitioners: int
    checkins: int | None
    counts: list[int]
    """Not yet assessable first, then levels 1 to 5; empty for growth rows."""
    change: float | None = None
    suppressed: str = ""

    @property
    def mean(self) -> float | None:
        """The mean level (growth rows: the mean change), None when nothing was rated."""
        if self.change is not None:
            return self.change
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

    def csv_fields(self) -> list[str]:
        """The row's CSV fields, blank wherever it is suppressed."""
        head = [self.rubric_id, self.rubric_version, self.period, self.scope, self.id]
        if self.suppressed:
            return [*head, *([""] * (len(CSV_COLUMNS) - 6)), self.suppressed]
        mean, median = self.mean, self.median
        counts = [str(n) for n in [*self.counts[1:], self.counts[0]]] if self.counts else [""] * 6
        return [
            *head,
            str(self.practitioners),
            "" if self.checkins is None else str(self.checkins),
            "" if mean is None else f"{mean + 0.0:.2f}".replace("-0.00", "0.00"),
            "" if median is None else f"{median:g}",
            *counts,
            "",
        ]


def _period_rows(
    table: RubricTable,
    version: str,
    label: str,
    counts: list[PeriodCounts],
    practitioners: PeriodCounts,
) -> list[Row]:
    """Value and item rows of one period (or of several periods summed), in rubric order."""
    layout, rows = table.layout, []
    for value, (value_id, members) in enumerate(
        zip(table.value_ids, table.value_members, strict=True)
    ):
        item_rows = []
        for i in members:
            levels = [sum(n) for n in zip(*(c.level_counts(i) for c in counts), strict=True)]
            who = practitioners.item_practitioners[i] + practitioners.full_practitioners
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
                    )
                )
        who = practitioners.value_practitioners[value] + practitioners.full_practitioners
        if who:
            levels = [sum(row.counts[level] for row in item_rows) for level in range(6)]
            checkins = sum(c.value_checkins[value] + c.full_checkins for c in counts)
            rows.append(
                Row(layout.rubric_id, version, label, "value", value_id, who, checkins, levels)
            )
        rows.extend(item_rows)
    return rows


def _growth_rows(table: RubricTable, version: str) -> list[Row]:
    growth, layout, rows = table.growth, table.layout, []
    assert growth is not None
    growth_row = partial(Row, layout.rubric_id, version, GROWTH_PERIOD)
    for value, (value_id, members) in enumerate(
        zip(table.value_ids, table.value_members, strict=True)
    ):
        n = growth.value_n[value]
        if n:
            total = sum(growth.item_sum[i] for i in members)
            mean = total / sum(growth.item_n[i] for i in members)
            rows.append(growth_row("value", value_id, n, None, [], mean))
        for i in members:
            n = growth.item_n[i]
            if n:
                mean = growth.item_sum[i] / n
                rows.append(growth_row("item", layout.items[i], n, None, [], mean))
    return rows


def suppress(rows: list[Row], min_group: int, value_of: dict[str, str]) -> None:
    """Blank small rows, then every total that has a blanked part, so none can be subtracted out.

    A total (a value over its items, the overall period over the periods) is published only
    when all of its parts are, so every published figure is a sum of published rows only.
    """
    blanked = set()
    for row in rows:
        if row.practitioners < min_group:
            row.suppressed = f"fewer than {min_group} practitioners"
            blanked.add((row.period, row.scope, row.id))
    # Parts before totals: items before their value, periods before the overall row.
    for row in sorted(rows, key=lambda r: (r.period == OVERALL, r.scope == "value")):
        if row.suppressed:
            continue
        if row.scope == "value" and any(
            (row.period, "item", item) in blanked
            for item, value in value_of.items()
            if value == row.id
        ):
            row.suppressed = "complementary: protects a suppressed item of this value"
        elif row.period == OVERALL and any(
            period not in (OVERALL, GROWTH_PERIOD) and (scope, id_) == (row.scope, row.id)
            for period, scope, id_ in blanked
        ):
            row.suppressed = "complementary: protects a suppressed period"
        else:
            continue
        blanked.add((row.period, row.scope, row.id))


def table_rows(aggregation: Aggregation, min_group: int) -> list[Row]:
    """Every row of the aggregate CSV, suppression applied, grouped by rubric."""
    rows: list[Row] = []
    variants: dict[tuple[str, str], int] = {}
    for layout in sorted(
        aggregation.tables,
        key=lambda lay: (lay.rubric_id, lay.rubric_version, lay.items, lay.values),
    ):
        table = aggregation.tables[layout]
        key = (layout.rubric_id, layout.rubric_version)
        variants[key] = variants.get(key, 0) + 1
        version = layout.rubric_version + (f"+variant-{variants[key]}" if variants[key] > 1 else "")
        group: list[Row] = []
        for label in sorted(table.periods):
            group += _period_rows(
                table, version, label, [table.periods[label]], table.periods[label]
            )
        if aggregation.by != "all" and table.overall is not None and table.periods:
            group += _period_rows(
                table, version, OVERALL, list(table.periods.values()), table.overall
            )
        group += _growth_rows(table, version)
        suppress(group, min_group, dict(zip(layout.items, layout.values, strict=True)))
        rows += group
    return rows


def csv_text(rows: list[Row]) -> str:
    """The aggregate as CSV text with a header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(row.csv_fields() for row in rows)
    return out.getvalue()
