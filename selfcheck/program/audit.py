"""The audit: the known attacks re-run against published CSVs, saying what an attacker learns."""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass

from selfcheck.program.noise import MAX_DEVIATION, possible_truths
from selfcheck.program.release import CSV_ORDER
from selfcheck.program.rows import CSV_COLUMNS, GROWTH_PERIOD

Figures = dict[str, str]
"""A row's CSV fields by column name; "" where blank."""
ANSWERS = (*CSV_ORDER, "n_not_yet", "n_not_my_role")
"""The answer-count columns an attacker compares."""
MOST_COMBINED = 8
"""Releases beyond this many are compared in pairs only, not four at a time."""


@dataclass(frozen=True)
class Finding:
    """What an attacker learns from the CSVs; `exposed` when it is certain about people."""

    exposed: bool
    words: str


def parse_csv(text: str) -> list[Figures]:
    """The rows of an aggregate CSV; ValueError when its columns are not the aggregate's."""
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or tuple(rows[0]) != CSV_COLUMNS:
        raise ValueError(f"its columns are not {', '.join(CSV_COLUMNS)}")
    return rows


def _where(name: str, row: Figures) -> str:
    return f"{name}: {row['rubric_id']} {row['rubric_version']} {row['period']} {row['scope']} "


def _answers(row: Figures) -> list[int] | None:
    if not row["checkins"]:
        return None
    return [int(row[column] or 0) for column in ANSWERS]


def one_release(name: str, rows: list[Figures]) -> list[Finding]:
    """Rule-aware bounds, homogeneity and growth extremes within one CSV."""
    found = []
    for row in rows:
        where = _where(name, row) + row["id"]
        if row["held_back"] and (row["practitioners"] or row["mean"]):
            found.append(Finding(True, f"{where}: held back, yet its figures are printed"))
        counts = _answers(row)
        if counts is not None:
            pinned = [
                column
                for column, n in zip(ANSWERS, counts, strict=True)
                if possible_truths(n) & {1, 2} and len(possible_truths(n)) == 1
            ]
            if pinned:
                found.append(
                    Finding(
                        True,
                        f"{where}: {', '.join(pinned)} can stand for one true count only, "
                        "of one or two people: it gives their answer away",
                    )
                )
            if sum(1 for n in counts if n) == 1 and int(row["practitioners"] or 0) > 0:
                found.append(
                    Finding(
                        False,
                        f"{where}: every published answer is one and the same; a "
                        "reader may guess everyone's answer (each 0 can hide up to 2)",
                    )
                )
        if row["period"] == GROWTH_PERIOD and row["mean"] and abs(float(row["mean"])) >= 4:
            found.append(
                Finding(
                    True,
                    f"{where}: a mean change of {row['mean']} says every one of its "
                    "practitioners changed by the most possible",
                )
            )
    return found


def _keyed(rows: list[Figures]) -> dict[tuple[str, ...], list[int]]:
    keyed = {}
    for row in rows:
        counts = _answers(row)
        if counts is not None:
            keyed[tuple(row[c] for c in CSV_COLUMNS[:5])] = counts
    return keyed


def _beyond_noise(diff: list[int], terms: int) -> list[tuple[str, int]]:
    """The answer columns whose change exceeds what the noise of `terms` draws can make, with
    the fewest true answers that change must hold."""
    bound = terms * MAX_DEVIATION
    return [(ANSWERS[i], abs(n) - bound) for i, n in enumerate(diff) if abs(n) > bound]


def differences(releases: list[tuple[str, list[Figures]]]) -> list[Finding]:
    """Differencing: pairs of releases, and four at a time (R2 - R3 + R4 - R1).

    Rows whose contributors differ are drawn afresh, so a moved count is the true change plus
    the noise of every release in the combination; only a change beyond that noise tells the
    attacker anything for sure, and then only that some of the people who joined or left gave
    that answer.
    """
    keyed = [(name, _keyed(rows)) for name, rows in releases]
    found = []
    for (a, rows_a), (b, rows_b) in itertools.combinations(keyed, 2):
        for key in sorted(rows_a.keys() & rows_b.keys()):
            diff = [y - x for x, y in zip(rows_a[key], rows_b[key], strict=True)]
            for column, least in _beyond_noise(diff, 2):
                found.append(
                    Finding(
                        False,
                        f"{a} -> {b}: {' '.join(key)}: {column} moved beyond the noise: at "
                        f"least {least} of the people who joined or left gave that answer",
                    )
                )
    if len(keyed) > MOST_COMBINED:
        return found
    for four in itertools.permutations(keyed, 4):
        (_, r1), (_, r2), (_, r3), (_, r4) = four
        for key in sorted(r1.keys() & r2.keys() & r3.keys() & r4.keys()):
            combined = [
                b - c + d - a for a, b, c, d in zip(r1[key], r2[key], r3[key], r4[key], strict=True)
            ]
            for column, least in _beyond_noise(combined, 4):
                names = [name for name, _ in four]
                found.append(
                    Finding(
                        False,
                        f"{names[1]} - {names[2]} + {names[3]} - {names[0]}: {' '.join(key)}: "
                        f"{column} beyond the noise: at least {least} answers of that kind",
                    )
                )
    return found


def audit_releases(releases: list[tuple[str, list[Figures]]]) -> list[Finding]:
    """Every known attack against the releases given: each alone, then together."""
    found = [f for name, rows in releases for f in one_release(name, rows)]
    return found + differences(releases)
