"""One release of a program aggregate: protect the hierarchy, audit it, keep the `--by` rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from selfcheck.program.aggregate import Aggregation, Grouping
from selfcheck.program.audit import CellKey, Figures, audit_rows
from selfcheck.program.disclosure import Key, Rules, protect
from selfcheck.program.rows import CSV_COLUMNS, Row, hierarchy_rows, published


def figures_of(rows: list[Row]) -> list[Figures]:
    """Rows as the CSV shows them, by column name."""
    return [dict(zip(CSV_COLUMNS, row.csv_fields(), strict=True)) for row in rows]


@dataclass
class History:
    """What earlier releases tell about this one, per rubric (`rubric_id`, `rubric_version`)."""

    changed: dict[tuple[str, str], dict[Key, str]] = field(default_factory=dict)
    """Rows changed by fewer than K people since a release where they were published."""
    known: dict[CellKey, Figures] = field(default_factory=dict)
    """Figures published earlier for rows whose contributions have not changed since."""


def protected_rows(
    aggregation: Aggregation,
    by: Grouping,
    min_group: int,
    min_count: int,
    history: History | None = None,
) -> list[Row]:
    """The rows of the `--by` output, protected together with every other period and growth.

    Suppression is decided, and audited, over the whole hierarchy as if all of it were
    published (quarters, years, `all`, growth), so any set of `--by` outputs is safe together.
    """
    history = history or History()
    out: list[Row] = []
    for rows in hierarchy_rows(aggregation):
        if not rows:  # exports with no answer at all: nothing to show
            continue
        rubric = (rows[0].rubric_id, rows[0].rubric_version)
        rules = Rules(min_group, min_count, history.changed.get(rubric, {}))

        def audit(table: list[Row]) -> list[Key]:
            found = audit_rows(figures_of(table), min_group, history.known)
            return list(dict.fromkeys(exposure.key[2:] for exposure in found))

        protect(rows, rules, audit)
        out += published(rows, by)
    return out
