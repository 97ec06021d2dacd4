"""Disclosure control over the whole hierarchy: small, homogeneous and changed cells, and totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from selfcheck.formats.errors import SelfcheckError
from selfcheck.program.aggregate import OVERALL, period_kind
from selfcheck.program.rows import GROWTH_PERIOD, Row

DEFAULT_MIN_GROUP = 5
"""Fewest distinct practitioners a published row may describe, unless told otherwise."""
MIN_GROUP_RANGE = (3, 50)
"""The smallest and largest `--min-group` accepted."""
DEFAULT_MIN_COUNT = 3
"""Fewest answers a published level count may hold (other than none), unless told otherwise."""
HOMOGENEOUS = "homogeneous"
"""The reason of a row where all practitioners, or all but one, gave one and the same level."""
COMPLEMENTARY = "complementary: protects a blanked part"
REPAIRED = "complementary: protects a blank the audit could narrow"
FROM_BLANKED_PERIOD = "built from a blanked period"

Key = tuple[str, str, str]
"""period, scope, id within one rubric's table."""


@dataclass
class Rules:
    """What makes a row blank: K, the smallest level count, and changes since earlier releases."""

    min_group: int = DEFAULT_MIN_GROUP
    min_count: int = DEFAULT_MIN_COUNT
    changed: dict[Key, str] = field(default_factory=dict)
    """Rows that would show a change of fewer than K people since a release, with the reason."""


def _kind(row: Row) -> str:
    return "growth" if row.period == GROWTH_PERIOD else period_kind(row.period)


def _order(row: Row) -> tuple[int, bool]:
    """Parts before totals: quarters, years, `all`, growth; items before values."""
    return ("quarter", "year", "all", "growth").index(_kind(row)), row.scope == "value"


def parts_of(row: Row, rows: dict[Key, Row]) -> list[Row]:
    """The rows a row is the total of: a value's items, a year's quarters, `all`'s years."""
    found = [rows.get((row.period, "item", item)) for item in row.members]
    if row.period == OVERALL:
        found += [r for r in rows.values() if _kind(r) == "year" and r.key[1:] == row.key[1:]]
    elif _kind(row) == "year":
        found += [
            r
            for r in rows.values()
            if _kind(r) == "quarter" and r.period[:4] == row.period and r.key[1:] == row.key[1:]
        ]
    return [part for part in found if part is not None]


def primary(rows: list[Row], rules: Rules) -> None:
    """Blank rows about fewer than K people, homogeneous rows and rows changed by fewer than K."""
    for row in rows:
        if row.practitioners < rules.min_group:
            row.blank(f"fewer than {rules.min_group} practitioners")
        elif row.key in rules.changed:
            row.blank(rules.changed[row.key])
        elif row.counts and row.alike >= row.practitioners - 1:
            row.blank(HOMOGENEOUS)
        elif row.counts:
            row.hidden = {p for p, n in enumerate(row.counts) if 0 < n < rules.min_count}
            if row.hidden:
                row.suppressed = f"level counts under {rules.min_count} blanked"


def close(rows: list[Row], min_count: int) -> None:
    """Blank every total with a blanked part, and every growth row built from a blanked period.

    A total hides each level count any of its parts hides; a row hiding one count hides a
    second, so the row's check-ins do not give it back.
    """
    table = {row.key: row for row in rows}
    for row in sorted(rows, key=_order):
        if row.blanked:
            continue
        parts = parts_of(row, table)
        if any(part.blanked for part in parts):
            row.blank(COMPLEMENTARY)
            continue
        if row.period == GROWTH_PERIOD and row.scope == "item":
            behind = [table.get((quarter, "item", row.id)) for quarter in row.sources]
            if any(cell is None or cell.blanked or cell.hidden for cell in behind):
                row.blank(FROM_BLANKED_PERIOD)
            continue
        for part in parts:
            row.hidden |= part.hidden
        if len(row.hidden) == 1:
            hidden_below = {p for part in parts for p in part.hidden}
            shown = [p for p in range(6) if p not in row.hidden and row.counts[p]]
            if not shown:
                row.blank(COMPLEMENTARY)
                continue
            shown.sort(key=lambda p: (p not in hidden_below, row.counts[p]))
            row.hidden.add(shown[0])
        if row.hidden and not row.suppressed:
            row.suppressed = f"level counts under {min_count} blanked"


def _related(row: Row, rows: list[Row]) -> list[Row]:
    """The rows sharing a relation with one: the same cell in other periods, its value's rows."""
    value = next((r.id for r in rows if r.scope == "value" and row.id in r.members), row.id)
    same_value = {
        value,
        *next((r.members for r in rows if r.scope == "value" and r.id == value), ()),
    }
    return [
        r
        for r in rows
        if r.key[1:] == row.key[1:] or (r.period == row.period and r.id in same_value)
    ]


Audit = Callable[[list[Row]], list[Key]]
"""Audits a table's published rows; returns the rows holding a figure it could narrow."""


def protect(rows: list[Row], rules: Rules, audit: Audit) -> None:
    """Suppress a table's rows, then widen the suppression until its audit finds nothing.

    The audit sees the whole hierarchy as if all of it were published, so every `--by`
    output of it, alone or together, passes the audit too.
    """
    primary(rows, rules)
    close(rows, rules.min_count)
    table = {row.key: row for row in rows}
    exposed = audit(rows)
    while exposed and not all(row.blanked for row in rows):
        widened = False
        for key in exposed:
            row = table[key]
            for target in [row] if not row.blanked else _related(row, rows):
                if not target.blanked:
                    target.blank(REPAIRED)
                    widened = True
        if not widened:
            for row in rows:
                if not row.blanked:
                    row.blank(REPAIRED)
        close(rows, rules.min_count)
        exposed = audit(rows)
    if exposed:
        raise SelfcheckError(
            "aggregate: earlier releases in the ledger pin a figure down even with every row "
            f"blank ({' '.join(exposed[0])}); nothing written"
        )
