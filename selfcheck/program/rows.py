"""The rows of a program aggregate: every period of the hierarchy and growth, true figures."""

from __future__ import annotations

from dataclasses import dataclass

from selfcheck.program.aggregate import (
    ANSWER_CODES,
    Aggregation,
    PeriodCounts,
    RubricTable,
    period_kind,
)
from selfcheck.program.export_reading import RubricLayout
from selfcheck.program.noise import KEY_MODULUS

GROWTH_PERIOD = "first-to-latest"
"""The period label of growth rows: each practitioner's change from first to latest check-in."""
CSV_COLUMNS = (
    "rubric_id",
    "rubric_version",
    "period",
    "scope",
    "id",
    "title",
    "practitioners",
    "checkins",
    "mean",
    "median",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_level_5",
    "n_not_yet",
    "n_not_my_role",
    "held_back",
)
"""The columns of the aggregate CSV, in order."""
COUNT_COLUMNS = (
    "n_not_yet",
    "n_level_1",
    "n_level_2",
    "n_level_3",
    "n_level_4",
    "n_level_5",
    "n_not_my_role",
)
"""The answer-count columns in the order of `Row.counts` (and of ANSWER_CODES)."""


@dataclass
class Row:
    """One row of the hierarchy (a period or growth, of one value or item): its true figures,
    never published as they are."""

    rubric_id: str
    rubric_version: str
    period: str
    scope: str
    id: str
    practitioners: int
    checkins: int | None
    counts: list[int]
    """Answers in the order of ANSWER_CODES: not yet, levels 1 to 5, not my role; empty for
    growth rows."""
    row_key: int
    """The sum of the contribution keys of the row's practitioners, modulo 2**64."""
    change_sum: int = 0
    """Growth rows: the sum of first-to-latest changes."""
    change_n: int = 0
    """Growth rows: how many changes that sum holds (a value's: over its items)."""
    members: tuple[str, ...] = ()
    """Value rows: the ids of the value's items."""
    alike: int = 0
    """The most practitioners of the row who all gave one and the same answer (or change)."""

    @property
    def key(self) -> tuple[str, str, str]:
        """The row's place in its rubric's table: period, scope and id."""
        return self.period, self.scope, self.id

    @property
    def identity(self) -> str:
        """The row's name in every table, which keys its figures together with its row key."""
        return "\x00".join((self.rubric_id, self.rubric_version, *self.key))


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
                        (counts.item_keys[i] + counts.full_keys) % KEY_MODULUS,
                        alike=counts.most_alike(i),
                    )
                )
        who = counts.value_practitioners[value] + counts.full_practitioners
        if who:
            levels = [sum(row.counts[p] for row in item_rows) for p in range(len(ANSWER_CODES))]
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
                    (counts.value_keys[value] + counts.full_keys) % KEY_MODULUS,
                    members=tuple(layout.items[i] for i in members),
                    alike=counts.most_alike(width + value),
                )
            )
        rows.extend(item_rows)
    return rows


def _growth_rows(table: RubricTable, version: str) -> list[Row]:
    """Value and item growth rows, in rubric order."""
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
                growth.item_keys[i],
                growth.item_sum[i],
                growth.item_n[i],
                alike=growth.most_alike(i),
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
                    growth.value_keys[value],
                    sum(row.change_sum for row in item_rows),
                    sum(row.change_n for row in item_rows),
                    members=tuple(layout.items[i] for i in members),
                    alike=growth.most_alike(len(layout.items) + value),
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
    """Per rubric: the rows of every quarter, year and `all`, then growth, with true figures."""
    tables = []
    for layout, (_, version) in rubric_labels(aggregation).items():
        table = aggregation.tables[layout]
        table.sum_quarters()
        group: list[Row] = []
        for label in sorted(table.periods, key=_period_order):
            group += _period_rows(table, version, label, table.periods[label])
        tables.append(group + _growth_rows(table, version))
    return tables
