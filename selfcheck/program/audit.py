"""The audit: for every blanked figure, the tightest interval an outsider can deduce (an LP)."""

from __future__ import annotations

import csv
import io
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from selfcheck.program.aggregate import OVERALL, period_kind
from selfcheck.program.rows import COUNT_COLUMNS, CSV_COLUMNS, GROWTH_PERIOD

CellKey = tuple[str, str, str, str, str]
"""rubric id, rubric version, period, scope, id."""
Figures = dict[str, str]
"""A row's CSV fields by column name; "" where blank."""
CAP = 10_000_000.0
"""An upper bound on every unknown, so that no LP is unbounded (reaching it means 'any')."""
ROUNDING = 0.005 + 1e-9
"""How far a published two-decimal mean may be from the true mean."""
_EPSILON = 1e-6
_ROUNDS = 8
"""At most this many LPs pull all open figures at once before each is bounded on its own."""


@dataclass
class Exposure:
    """A blanked figure the published relations pin down too far."""

    key: CellKey
    figure: str
    low: float
    high: float

    def describe(self, min_group: int) -> str:
        """One line naming the cell, the figure and what an outsider can deduce."""
        rubric, version, period, scope, id_ = self.key
        where = f"{rubric} {version} {period} {scope} {id_}: {self.figure}"
        high = "any" if self.high >= CAP - 1 else f"{self.high:g}"
        if self.figure == "practitioners":
            return f"{where} is at most {high}, so cannot reach {min_group}"
        return f"{where} can only be {self.low:g} to {high} (one value)"


@dataclass
class _Model:
    """A sparse LP over the unknown figures of one rubric's cells."""

    index: dict[tuple[CellKey, str], int] = field(default_factory=dict)
    constants: dict[tuple[CellKey, str], float] = field(default_factory=dict)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    equalities: list[tuple[dict[int, float], float]] = field(default_factory=list)
    inequalities: list[tuple[dict[int, float], float]] = field(default_factory=list)
    """Each `sum(coefficient * x) <= bound`."""

    def term(self, key: CellKey, figure: str) -> tuple[dict[int, float], float]:
        """A figure as (variable coefficients, constant)."""
        if (key, figure) in self.constants:
            return {}, self.constants[(key, figure)]
        if (key, figure) not in self.index:
            self.index[(key, figure)] = len(self.lower)
            self.lower.append(-CAP if figure == "sum" else 0.0)
            self.upper.append(CAP)
        return {self.index[(key, figure)]: 1.0}, 0.0

    def relate(
        self, pairs: Iterable[tuple[float, CellKey, str]], bound: float, equal: bool
    ) -> None:
        """Add `sum(weight * figure) == bound` (or `<= bound`)."""
        coefficients: dict[int, float] = {}
        for weight, key, figure in pairs:
            variables, constant = self.term(key, figure)
            bound -= weight * constant
            for position, one in variables.items():
                coefficients[position] = coefficients.get(position, 0.0) + weight * one
        coefficients = {k: v for k, v in coefficients.items() if v}
        if not coefficients:
            return
        (self.equalities if equal else self.inequalities).append((coefficients, bound))


def _number(text: str) -> float | None:
    return float(text) if text != "" else None


def parse_csv(text: str) -> list[Figures]:
    """The rows of a published aggregate CSV; raises ValueError if it is not one."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
        raise ValueError("the header is not that of a selfcheck aggregate CSV")
    return list(reader)


def row_key(row: Figures) -> CellKey:
    """The cell a CSV row describes."""
    return row["rubric_id"], row["rubric_version"], row["period"], row["scope"], row["id"]


def _members(rows: list[Figures]) -> dict[str, list[str]]:
    """Each value's items, read from the row order (a value row is followed by its items)."""
    members: dict[str, list[str]] = {}
    current: list[str] | None = None
    for row in rows:
        if row["scope"] == "value":
            current = members.setdefault(row["id"], [])
        elif current is not None and row["id"] not in current:
            current.append(row["id"])
    return members


def _quarters_of(year: str, quarters: Iterable[str]) -> list[str]:
    return [q for q in quarters if period_kind(q) == "quarter" and q[:4] == year]


def _build(
    rows: list[Figures], known: dict[CellKey, Figures], quarters: list[str]
) -> tuple[_Model, list[tuple[CellKey, str]]]:
    """The LP of one rubric and the blanked figures it must check."""
    model = _Model()
    rubric = row_key(rows[0])[:2]
    members = _members(rows)
    items = [item for group in members.values() for item in group]
    listed = {row_key(row): row for row in rows}
    kinds = {period_kind(row["period"]) for row in rows if row["period"] != GROWTH_PERIOD}
    periods = sorted({row["period"] for row in rows if row["period"] != GROWTH_PERIOD})
    periods += [q for q in quarters if q not in periods]
    periods += sorted({q[:4] for q in periods if period_kind(q) == "quarter"} - set(periods))
    if OVERALL not in periods:
        periods.append(OVERALL)
    targets: list[tuple[CellKey, str]] = []

    def cell(period: str, scope: str, id_: str) -> CellKey:
        return (*rubric, period, scope, id_)

    def exists(key: CellKey) -> bool | None:
        """True when listed or known, False when its period is listed completely, else None."""
        if key in listed or key in known:
            return True
        return False if period_kind(key[2]) in kinds else None

    def fix(key: CellKey, figure: str, text: str | None) -> None:
        if text is not None and text != "":
            model.constants[(key, figure)] = float(text)

    count_figures = ("practitioners", "checkins", *COUNT_COLUMNS)
    for period in periods:
        for scope, ids in (("item", items), ("value", list(members))):
            for id_ in ids:
                key = cell(period, scope, id_)
                state = exists(key)
                if state is False:
                    for figure in count_figures:
                        model.constants[(key, figure)] = 0.0
                    continue
                row = listed.get(key, {})
                for figure in count_figures:
                    fix(key, figure, row.get(figure))
                    fix(key, figure, known.get(key, {}).get(figure))
                    if key in listed and (key, figure) not in model.constants:
                        targets.append((key, figure))
                if state:
                    model.relate([(-1.0, key, "practitioners")], -1.0, equal=False)
                model.relate(
                    [(1.0, key, "practitioners"), (-1.0, key, "checkins")], 0.0, equal=False
                )
                if scope == "item":
                    model.relate(
                        [(1.0, key, "checkins"), *((-1.0, key, f) for f in COUNT_COLUMNS)],
                        0.0,
                        equal=True,
                    )
                    continue
                parts = [cell(period, "item", item) for item in members[id_]]
                _total(model, key, parts, ("practitioners", "checkins"), COUNT_COLUMNS)
    for scope, ids in (("item", items), ("value", list(members))):
        for id_ in ids:
            years = [p for p in periods if period_kind(p) == "year"]
            for year in years:
                parts = [cell(q, scope, id_) for q in _quarters_of(year, periods)]
                if parts:
                    _total(model, cell(year, scope, id_), parts, ("practitioners",), ())
                    _additive(model, cell(year, scope, id_), parts)
            top = years or [p for p in periods if period_kind(p) == "quarter"]
            if top:
                parts = [cell(p, scope, id_) for p in top]
                _total(model, cell(OVERALL, scope, id_), parts, ("practitioners",), ())
                _additive(model, cell(OVERALL, scope, id_), parts)
    targets += _growth(model, rows, rubric, members)
    return model, targets


def _additive(model: _Model, total: CellKey, parts: list[CellKey]) -> None:
    """Check-ins and level counts of a period are the sums of its parts'."""
    for figure in ("checkins", *COUNT_COLUMNS):
        model.relate([(1.0, total, figure), *((-1.0, p, figure) for p in parts)], 0.0, True)


def _total(
    model: _Model,
    total: CellKey,
    parts: list[CellKey],
    distinct: tuple[str, ...],
    additive: tuple[str, ...],
) -> None:
    """A total over parts: sums for additive figures, between max and sum for distinct ones."""
    for figure in additive:
        model.relate([(1.0, total, figure), *((-1.0, p, figure) for p in parts)], 0.0, True)
    for figure in distinct:
        model.relate([(1.0, total, figure), *((-1.0, p, figure) for p in parts)], 0.0, False)
        for part in parts:
            model.relate([(1.0, part, figure), (-1.0, total, figure)], 0.0, False)


def _growth(
    model: _Model, rows: list[Figures], rubric: tuple[str, str], members: dict[str, list[str]]
) -> list[tuple[CellKey, str]]:
    """Growth rows: n within the practitioners of `all`, sums within means, values over items."""
    growth = {row_key(row): row for row in rows if row["period"] == GROWTH_PERIOD}
    targets: list[tuple[CellKey, str]] = []
    for key, row in growth.items():
        size = _number(row["practitioners"])
        if size is None:
            targets += [(key, "practitioners"), (key, "sum")]
        else:
            model.constants[(key, "practitioners")] = size
    for key, row in growth.items():
        model.relate([(-1.0, key, "practitioners")], -1.0, equal=False)
        overall = (*rubric, OVERALL, key[3], key[4])
        model.relate([(1.0, key, "practitioners"), (-1.0, overall, "practitioners")], 0.0, False)
        count = "practitioners" if key[3] == "item" else "n"
        model.relate([(-4.0, key, count), (1.0, key, "sum")], 0.0, False)
        model.relate([(-4.0, key, count), (-1.0, key, "sum")], 0.0, False)
        mean = _number(row["mean"])
        if mean is not None:
            model.relate([(mean - ROUNDING, key, count), (-1.0, key, "sum")], 0.0, False)
            model.relate([(1.0, key, "sum"), (-(mean + ROUNDING), key, count)], 0.0, False)
        if key[3] == "value":
            parts = [(*rubric, GROWTH_PERIOD, "item", item) for item in members.get(key[4], [])]
            parts = [part for part in parts if part in growth]
            model.relate([(1.0, key, "sum"), *((-1.0, p, "sum") for p in parts)], 0.0, True)
            model.relate([(1.0, key, "n"), *((-1.0, p, "practitioners") for p in parts)], 0.0, True)
            _total(model, key, parts, ("practitioners",), ())
    return targets


def _spread(model: _Model, targets: list[tuple[CellKey, str]], min_group: int) -> list[Exposure]:
    """Solve the LPs that bound each target; return the targets pinned too far."""
    from scipy.optimize import linprog
    from scipy.sparse import csr_array

    size = len(model.lower)
    if not targets or not size:
        return []

    def matrix(rows: list[tuple[dict[int, float], float]]) -> tuple[csr_array | None, list[float]]:
        if not rows:
            return None, []
        data, cols, starts = [], [], [0]
        for coefficients, _ in rows:
            cols += list(coefficients)
            data += list(coefficients.values())
            starts.append(len(cols))
        return csr_array((data, cols, starts), shape=(len(rows), size)), [b for _, b in rows]

    a_eq, b_eq = matrix(model.equalities)
    a_ub, b_ub = matrix(model.inequalities)
    bounds = list(zip(model.lower, model.upper, strict=True))
    low = [math.inf] * size
    high = [-math.inf] * size

    def solve(objective: dict[int, float]) -> float:
        c = [0.0] * size
        for position, weight in objective.items():
            c[position] = weight
        result = linprog(c, a_ub, b_ub or None, a_eq, b_eq or None, bounds, method="highs")
        if result.status != 0:
            raise ValueError(f"the published figures do not fit together ({result.message})")
        for position, found in enumerate(result.x):
            low[position] = min(low[position], found)
            high[position] = max(high[position], found)
        return float(result.fun)

    positions = {
        (key, figure): model.index[(key, figure)]
        for key, figure in targets
        if (key, figure) in model.index
    }

    def settled(figure: str, position: int) -> bool:
        if figure == "practitioners":
            return high[position] >= min_group - _EPSILON
        return math.floor(high[position] + _EPSILON) - math.ceil(low[position] - _EPSILON) >= 1

    # Every LP's solution is a point each figure can take: a few LPs pulling all the open
    # figures in random directions usually show most of them two values (or K) at once, so
    # the one-figure LPs below are left for the few that stay open.
    chooser = random.Random(len(positions))
    open_ = dict(positions)
    for round_ in range(_ROUNDS):
        if not open_:
            break
        directions = (1.0, -1.0) if round_ > 1 else (1.0 - 2 * round_,)
        solve({p: chooser.choice(directions) for p in open_.values()})
        before = len(open_)
        open_ = {k: p for k, p in open_.items() if not settled(k[1], p)}
        if round_ > 1 and before - len(open_) < before / 10:
            break
    exposures = []
    for (key, figure), position in open_.items():
        if settled(figure, position):
            continue
        top = -solve({position: -1.0})
        if not settled(figure, position) and figure != "practitioners":
            solve({position: 1.0})
        if not settled(figure, position):
            exposures.append(Exposure(key, figure, low[position], max(top, high[position])))
    return exposures


def audit_rows(
    rows: list[Figures],
    min_group: int,
    known: dict[CellKey, Figures] | None = None,
    quarters: dict[tuple[str, str], list[str]] | None = None,
) -> list[Exposure]:
    """Every blanked figure of a published aggregate that the published relations pin down.

    `known` holds figures an outsider has from earlier releases of unchanged cells; `quarters`
    the quarters behind each rubric's release, when a ledger tells them.
    """
    by_rubric: dict[tuple[str, str], list[Figures]] = {}
    for row in rows:
        by_rubric.setdefault(row_key(row)[:2], []).append(row)
    exposures = []
    for rubric, group in by_rubric.items():
        mine = {k: v for k, v in (known or {}).items() if k[:2] == rubric}
        model, targets = _build(group, mine, (quarters or {}).get(rubric, []))
        exposures += _spread(model, targets, min_group)
    return exposures
