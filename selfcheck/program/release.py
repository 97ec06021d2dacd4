"""One release of a program aggregate: its CSV, its Frictionless data package, its summary."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import Any

from selfcheck.program.disclosure import Published
from selfcheck.program.noise import (
    ALWAYS_MOVED,
    COUNT_TABLE,
    GROWTH_DEVIATION,
    GROWTH_NOISE,
    GROWTH_VARIANCE,
    MAX_DEVIATION,
    VARIANCE,
    stated_noise,
)
from selfcheck.program.rows import COUNT_COLUMNS, CSV_COLUMNS, GROWTH_PERIOD

MISSING = ""
"""The CSV's marker of a figure not published (a held-back row, a growth row's counts)."""
CSV_ORDER = ("n_level_1", "n_level_2", "n_level_3", "n_level_4", "n_level_5")
"""The level-count columns as the CSV lists them, before the two non-level answers."""


def _number(value: float | None, form: str) -> str:
    if value is None:
        return MISSING
    return format(value + 0.0, form).replace("-0.00", "0.00")


def csv_fields(published: Published) -> list[str]:
    """A published row's CSV fields, blank where nothing is published."""
    row = published.row
    head = [row.rubric_id, row.rubric_version, row.period, row.scope, row.id, published.title]
    by_column = dict(zip(COUNT_COLUMNS, published.counts, strict=False))
    counts = [
        MISSING if name not in by_column else str(by_column[name])
        for name in (*CSV_ORDER, "n_not_yet", "n_not_my_role")
    ]
    return [
        *head,
        MISSING if published.practitioners is None else str(published.practitioners),
        MISSING if published.checkins is None else str(published.checkins),
        _number(published.mean, ".2f"),
        _number(published.median, "g"),
        *counts,
        published.held_back,
    ]


def csv_text(rows: list[Published]) -> str:
    """The aggregate as CSV text with a header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_fields(row) for row in rows)
    return out.getvalue()


def summary_lines(rows: list[Published]) -> list[str]:
    """What a release published and held back, one line per reason, and the stated noise."""
    held = Counter(row.held_back for row in rows if row.held_back)
    shown = len(rows) - sum(held.values())
    lines = [f"published {shown} of {len(rows)} rows; held back {sum(held.values())}:"]
    lines += [f"  {n} row(s). {reason}" for reason, n in sorted(held.items())]
    lines.append(stated_noise())
    return lines


_DESCRIPTIONS = {
    "rubric_id": ("string", "The rubric's id, as in the exports."),
    "rubric_version": ("string", "The rubric's version (`+variant-N` when item lists differ)."),
    "period": ("string", "A quarter (2026-Q1), a year (2026), `all`, or `first-to-latest`."),
    "scope": ("string", "`value` (its items' answers pooled) or `item`."),
    "id": ("string", "The value's or item's id."),
    "title": ("string", "The value's or item's title, when the rubric is on this computer."),
    "practitioners": ("integer", "Practitioners behind the row (perturbed)."),
    "checkins": (
        "integer",
        "Check-ins answering it (an item's: the sum of its perturbed counts; a value's: "
        "perturbed); empty for growth rows.",
    ),
    "mean": ("number", "Mean level 1-5 from the perturbed counts; growth: mean change (noisy)."),
    "median": ("number", "Median level from the perturbed counts; empty for growth rows."),
    "n_not_yet": ("integer", "Answers `not yet` (perturbed)."),
    "n_not_my_role": ("integer", "Answers `not my role` (perturbed)."),
    "held_back": ("string", "Empty when published; else why the row is held back."),
}


def _field(name: str) -> dict[str, Any]:
    if name.startswith("n_level_"):
        kind, words = "integer", f"Answers at level {name[-1]} (perturbed)."
    else:
        kind, words = _DESCRIPTIONS[name]
    field: dict[str, Any] = {"name": name, "type": kind, "description": words}
    if kind == "integer":
        field["constraints"] = {"minimum": 0}
    return field


def perturbation_parameters(min_group: int) -> dict[str, Any]:
    """The perturbation as stated in the data package: rule, table and noise parameters."""
    table = [
        {"true_count": t, "deviations": list(r.deviations), "probabilities": list(r.probabilities)}
        for t, r in enumerate(COUNT_TABLE)
    ]
    growth = GROWTH_NOISE
    return {
        "method": "cell key (ABS / ptable maximum entropy), keyed on the row's contributors",
        "min_group": min_group,
        "max_deviation": MAX_DEVIATION,
        "variance": VARIANCE,
        "never_published_as_themselves": list(ALWAYS_MOVED),
        "table": table,
        "table_note": "the last row applies to every larger true count",
        "growth_sum": {
            "max_deviation": GROWTH_DEVIATION,
            "variance": GROWTH_VARIANCE,
            "deviations": list(growth.deviations),
            "probabilities": list(growth.probabilities),
        },
        "item_checkins": "the sum of the item's published answer counts (no draw of its own)",
        "additive": False,
        "additive_note": "values, years and `all` are perturbed on their own, so they need "
        "not equal the sum of their parts; a sum would let noise cancel",
        "statement": stated_noise(),
    }


def data_package(csv_name: str, min_group: int) -> str:
    """A Frictionless data package describing the CSV: its columns, types and the noise."""
    package = {
        "name": "selfcheck-program-aggregate",
        "title": "Program aggregate of selfcheck anonymous exports",
        "description": "Self-ratings against a rubric, per period, value and item, perturbed "
        f"so no figure shows one person. Growth rows ({GROWTH_PERIOD}) give the mean change.",
        "resources": [
            {
                "name": "aggregate",
                "path": csv_name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field(name) for name in CSV_COLUMNS],
                    "missingValues": [MISSING],
                },
            }
        ],
        "perturbation": perturbation_parameters(min_group),
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"
