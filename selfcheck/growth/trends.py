"""Growth written out as a terminal table, long-format CSV, or JSON (the public interchange)."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable
from datetime import date
from typing import Any

from selfcheck.formats.printable import json_safe, one_line, printable
from selfcheck.growth.analysis import Growth
from selfcheck.growth.dates import iso_day
from selfcheck.growth.words import signed, sparkline, too_few_words, version_change_words

TRENDS_FORMAT = "selfcheck-trends"
"""The `format` stamped into JSON output."""
TRENDS_FORMAT_VERSION = 1
CSV_COLUMNS = (
    "practitioner",
    "rubric_id",
    "rubric_version",
    "session_id",
    "finished",
    "value_id",
    "value_name",
    "mean",
    "rated",
    "items",
    "change_since_first",
    "change_since_previous",
    "scope",
)
"""Columns of the long-format CSV, one row per check-in and value."""
TABLE_RECENT = 12
"""The most check-ins the table shows as columns (fewer when the terminal is narrow)."""
SPARK_POINTS = 12
"""The most check-ins a sparkline covers (the latest ones)."""
NAME_WIDTH = 28
"""Characters of a value's name shown in the table."""


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def coverage(result: Growth) -> str:
    """How many complete check-ins and the dates they span: `12 complete check-ins, ... to ...`."""
    count = len(result.checkins)
    if not count:
        return "no complete check-ins yet"
    return f"{count} complete check-in{'s' if count != 1 else ''}, {period(result)}"


def period(result: Growth, day: Callable[[date], str] = iso_day) -> str:
    """The dates covered, written by `day`: `2026-01-05 to 2026-12-07`, or one date."""
    if not result.checkins:
        return "no check-ins"
    first = day(result.checkins[0].when)
    last = day(result.checkins[-1].when)
    return first if first == last else f"{first} to {last}"


def trends_table(result: Growth, who: str, width: int = 80) -> str:
    """Each value's mean at the latest check-ins that fit in `width`, a sparkline, the change."""
    count = len(result.checkins)
    lines = [f"{one_line(who, 60)}: {one_line(result.rubric_title, 70)}", coverage(result)]
    words = too_few_words(count)
    if words and count == 0:
        return "\n".join([*lines, words])
    spark_width = max(min(count, SPARK_POINTS), 5)
    room = width - NAME_WIDTH - spark_width - 2 - 2 - 11
    recent = result.checkins[-max(1, min(TABLE_RECENT, room // 6)) :]
    skip = count - len(recent)
    header = f"{'value':<{NAME_WIDTH}}" + "".join(f" {c.when.strftime('%b%y'):>5}" for c in recent)
    header += f"  {'trend':<{spark_width}}  {'since first':>11}"
    lines += ["", header]
    rows = [(v.name, v.series) for v in result.values]
    rows.append(("Overall (all rated items)", result.overall))
    for name, series in rows:
        cells = "".join(f" {'-' if p is None else f'{p:.2f}':>5}" for p in series.points[skip:])
        lines.append(
            f"{one_line(name, NAME_WIDTH):<{NAME_WIDTH}}{cells}  "
            f"{sparkline(series.points[-SPARK_POINTS:]):<{spark_width}}  "
            f"{signed(series.change_since_first) or '-':>11}"
        )
    lines.append("")
    notes = [
        f"Means leave out unrated items and the answer '{result.not_assessable_label}'; "
        "'-': nothing was rated."
    ]
    if changed := version_change_words(result):
        notes.append(changed)
    lines += [textwrap.fill(note, width) for note in notes]
    if words:
        lines.append(words)
    return "\n".join(lines)


def csv_rows(result: Growth, who: str) -> list[dict[str, str]]:
    """One row per check-in and value, as text, in CSV_COLUMNS."""
    rows = []
    for value in result.values:
        for index, checkin in enumerate(result.checkins):
            rows.append(
                {
                    "practitioner": who,
                    "rubric_id": result.rubric_id,
                    "rubric_version": checkin.rubric_version,
                    "session_id": checkin.checkin_id,
                    "finished": checkin.when.isoformat(),
                    "value_id": value.value_id,
                    "value_name": value.name,
                    "mean": _number(value.series.points[index]),
                    "rated": str(value.rated[index]),
                    "items": str(value.items[index]),
                    "change_since_first": _number(value.series.changes_since_first[index]),
                    "change_since_previous": _number(value.series.changes_since_previous[index]),
                    "scope": "focus" if checkin.focus else "full",
                }
            )
    rows.sort(key=lambda row: (row["finished"], row["session_id"]))
    return rows


def trends_csv(groups: list[tuple[str, Growth]]) -> str:
    """Long-format CSV of every group (practitioner and rubric), with one header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for who, result in groups:
        writer.writerows(
            {column: printable(cell, keep_newlines=False) for column, cell in row.items()}
            for row in csv_rows(result, who)
        )
    return out.getvalue()


def growth_dict(result: Growth, who: str) -> dict[str, Any]:
    """One group's growth as plain JSON-ready data (documented in docs/growth.md)."""

    def series(s: Any) -> dict[str, Any]:
        return {
            "points": list(s.points),
            "changes_since_first": list(s.changes_since_first),
            "changes_since_previous": list(s.changes_since_previous),
            "change_since_first": s.change_since_first,
            "change_since_previous": s.change_since_previous,
        }

    return {
        "practitioner": who,
        "rubric": {"id": result.rubric_id, "title": result.rubric_title},
        "checkins": [
            {
                "session_id": c.checkin_id,
                "finished": c.when.isoformat(),
                "rubric_version": c.rubric_version,
                "scope": "focus" if c.focus else "full",
            }
            for c in result.checkins
        ],
        "overall": series(result.overall) | {"rated": list(result.overall_rated)},
        "values": [
            {"id": v.value_id, "name": v.name, "rated": list(v.rated), "items": list(v.items)}
            | series(v.series)
            for v in result.values
        ],
        "items": [
            {
                "id": i.item_id,
                "title": i.title,
                "value_id": i.value_id,
                "not_assessable": list(i.not_assessable),
                "discuss_latest": i.discuss_latest,
                "versions": list(i.versions),
            }
            | series(i.series)
            for i in result.items
        ],
        "message": too_few_words(len(result.checkins)),
    }


def trends_json(
    groups: list[tuple[str, Growth]], learning_plans: list[list[dict[str, Any]]] | None = None
) -> str:
    """Every group as one JSON document, with each group's learning plan when given."""
    plans = learning_plans or [[] for _ in groups]
    document = {
        "format": TRENDS_FORMAT,
        "format_version": TRENDS_FORMAT_VERSION,
        "groups": [
            growth_dict(result, who) | {"learning_plan": plan}
            for (who, result), plan in zip(groups, plans, strict=True)
        ],
    }
    return json_safe(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
